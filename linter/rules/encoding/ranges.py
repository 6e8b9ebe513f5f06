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


def runs(char_pattern: re.Pattern, text: str):
    """(start, end) of maximal runs of characters matching the one-character ``char_pattern``.

    A quantified class (``[...]+``) stops ``re`` from skipping ahead to candidate characters
    and runs several times slower on text without any; one character at a time, then merged,
    keeps the scan fast.

    >>> list(runs(re.compile("[ab]"), "xaaybz"))
    [(1, 3), (4, 5)]
    """
    start = end = -1
    for m in char_pattern.finditer(text):
        p = m.start()
        if p == end:
            end = p + 1
            continue
        if start != -1:
            yield start, end
        start, end = p, p + 1
    if start != -1:
        yield start, end


class LineTest:
    """Whether the line around a position holds a match of ``pattern``, searched once per
    line (a long line with many hits is not searched again for each).

    >>> holds = LineTest(re.compile("[\\u0590-\\u05ff]"), "abc\\nשלום x y\\n")
    >>> holds(1), holds(9), holds(11)
    (False, True, True)
    """

    def __init__(self, pattern: re.Pattern, text: str):
        self.search, self.text, self.known = pattern.search, text, {}

    def __call__(self, pos: int) -> bool:
        text = self.text
        start = text.rfind("\n", 0, pos) + 1
        found = self.known.get(start)
        if found is None:
            end = text.find("\n", pos)
            found = self.known[start] = self.search(text, start, len(text) if end == -1 else end) is not None
        return found
