"""The layout's shortcuts read lines as the plain definitions do."""

from __future__ import annotations

from linter.rules.debris.layout import ends_sentence, is_prose, width


def _is_prose(text: str) -> bool:
    """The definition: wide enough, or long enough and ending like a sentence."""
    s = text.strip()
    w = width(s)
    return w >= 220 or (w >= 70 and ends_sentence(s)) or (len(s.split()) >= 14 and ends_sentence(s))


def test_is_prose_measures_the_width_only_where_it_decides():
    lines = ["留言" * k + end for k in range(0, 130, 3) for end in ("", "。", ".", " a b c d e f g h i j k l m n.")]
    lines += [("word " * k).strip() + end for k in range(60) for end in ("", ".", "?”", ")")]
    lines += ["x" * k + "." for k in range(240)] + ["留" * k for k in range(240)] + ["  \u00a0Fine.  "]
    for line in lines:
        assert is_prose(line) == _is_prose(line), line
