"""Inline suppression comments.

- ``texthygiene: ignore`` on a line silences every finding that starts on that line;
  ``texthygiene: ignore[D101,N1]`` only those codes (or code prefixes).
- ``texthygiene: off`` ... ``texthygiene: on`` silences a block (optionally with codes:
  ``texthygiene: off[N]``).

In Markdown write them inside an HTML comment (``<!-- texthygiene: ignore -->``); in plain text
anywhere on the line.
"""

from __future__ import annotations

import re

MARKER = "texthygiene:"
_DIRECTIVE = re.compile(r"texthygiene:\s*(ignore|off|on)\b(?:\[([A-Za-z0-9_,\s]*)\])?")
_MD_COMMENT = re.compile(r"<!--(.*?)-->", re.S)

ALL = None  # codes value meaning "every code"


class Suppressions:
    """Which codes are silenced on which lines (0-based line indexes)."""

    def __init__(self, by_line: dict[int, tuple[str, ...] | None] | None = None,
                 blocks: list[tuple[int, int, tuple[str, ...] | None]] | None = None):
        self.by_line = {} if by_line is None else by_line
        #: (first line, last line, codes): blocks from ``off`` to ``on`` (inclusive)
        self.blocks = [] if blocks is None else blocks

    def __repr__(self) -> str:
        return f"Suppressions(by_line={self.by_line!r}, blocks={self.blocks!r})"

    def __bool__(self) -> bool:
        return bool(self.by_line or self.blocks)

    def silences(self, code: str, line: int) -> bool:
        if line in self.by_line and _matches(self.by_line[line], code):
            return True
        return any(a <= line <= b and _matches(codes, code) for a, b, codes in self.blocks)


def _matches(codes: tuple[str, ...] | None, code: str) -> bool:
    return codes is None or any(code.startswith(c) for c in codes)


def _codes(raw: str | None) -> tuple[str, ...] | None:
    if raw is None:
        return ALL
    codes = tuple(c.strip().upper() for c in raw.split(",") if c.strip())
    return codes or ALL


def parse(text: str, kind: str = "text") -> Suppressions:
    """Find the suppression directives in ``text``.

    >>> s = parse("a\\nb <!-- texthygiene: ignore[D1] -->\\n", "markdown")
    >>> s.silences("D101", 1), s.silences("N101", 1), s.silences("D101", 0)
    (True, False, False)
    >>> s = parse("x\\ntexthygiene: off\\ny\\ntexthygiene: on\\nz")
    >>> [s.silences("P101", i) for i in range(5)]
    [False, True, True, True, False]
    """
    sup = Suppressions()
    if MARKER not in text:
        return sup
    open_blocks: list[tuple[int, tuple[str, ...] | None]] = []
    for i, line in enumerate(text.split("\n")):
        if MARKER not in line:
            continue
        if kind == "markdown":
            scopes = [m.group(1) for m in _MD_COMMENT.finditer(line)]
        else:
            scopes = [line]
        for scope in scopes:
            for m in _DIRECTIVE.finditer(scope):
                what, codes = m.group(1), _codes(m.group(2))
                if what == "ignore":
                    sup.by_line[i] = codes if i not in sup.by_line else _union(sup.by_line[i], codes)
                elif what == "off":
                    open_blocks.append((i, codes))
                elif open_blocks:
                    start, c = open_blocks.pop()
                    sup.blocks.append((start, i, c))
    n = text.count("\n") + 1
    for start, c in open_blocks:
        sup.blocks.append((start, n, c))
    return sup


def _union(a, b):
    if a is None or b is None:
        return None
    return tuple(sorted(set(a) | set(b)))
