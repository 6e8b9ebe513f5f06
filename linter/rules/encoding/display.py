"""How characters are shown in messages: invisible ones spelled out."""

from __future__ import annotations

import unicodedata


def show(text: str, limit: int = 40) -> str:
    """``text`` for a message: invisible and control characters spelled out, long text cut.

    >>> show("a\\x92b\\u00a0c")
    'a\\\\x92b\\\\xa0c'
    """
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] in "CZ" and ch != " ":
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    s = "".join(out)
    return s if len(s) <= limit else s[: limit - 1] + "…"
