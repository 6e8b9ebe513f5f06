"""Small helpers over tables of code-point ranges."""

from __future__ import annotations

import re


def char_class(ranges) -> str:
    """A regex character class for ``((lo, hi), ...)``.

    >>> char_class(((0x41, 0x43), (0x61, 0x61)))
    '[\\\\u0041-\\\\u0043\\\\u0061-\\\\u0061]'
    """
    parts = []
    for lo, hi in ranges:
        fmt = (lambda c: f"\\U{c:08x}") if hi > 0xFFFF else (lambda c: f"\\u{c:04x}")
        parts.append(f"{fmt(lo)}-{fmt(hi)}")
    return "[" + "".join(parts) + "]"


def compile_class(ranges) -> re.Pattern:
    return re.compile(char_class(ranges))


def in_ranges(ch: str, ranges) -> bool:
    """Whether ``ch`` falls in one of ``ranges``.

    >>> in_ranges("ب", ((0x0600, 0x06FF),)), in_ranges("b", ((0x0600, 0x06FF),))
    (True, False)
    """
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in ranges)
