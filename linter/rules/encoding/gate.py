"""The cheap prefilter of the mojibake rule: does a line possibly hold mojibake?

UTF-8 read in a single-byte code page has a shape: a lead byte (0xC2-0xF4) shown as the code
page's character for it, followed by one to three continuation bytes (0x80-0xBF) shown the
same way: "Ã©" for é, "â€™" for ’, "Ð¿" for п. The regex below matches that shape for each
code page ftfy can undo (built from Python's own codecs, so no import of ftfy), plus stray
C1 control characters (Windows-1252 read as Latin-1) and the damaged forms ftfy still
repairs (a lost continuation byte shown as "�" or "?", a no-break space turned into a space).
Clean text, curly quotes and accented letters in any language almost never match it; only
the lines that match are handed to ftfy.

>>> g = gate()
>>> bool(g.search("donâ€™t")), bool(g.search("caf\\u00c3\\u00a9")), bool(g.search("don’t café"))
(True, True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Code pages ftfy tries (its "sloppy" variants map the undefined bytes to C1 controls).
LATIN_PAGES = ("latin-1", "cp1252", "cp1250", "cp1254", "cp1257", "iso-8859-2")
OTHER_PAGES = ("mac_roman", "cp437")


def _chars(pages: tuple[str, ...], lo: int, hi: int) -> str:
    """The characters ``pages`` show for the bytes ``lo..hi`` (undefined bytes as C1)."""
    out: set[str] = set()
    for page in pages:
        for b in range(lo, hi + 1):
            try:
                out.add(bytes([b]).decode(page))
            except UnicodeDecodeError:
                out.add(chr(b))
    return "".join(sorted(out))


def _cls(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


def _shape(pages: tuple[str, ...], lead2=(0xC2, 0xDF), lead3=(0xE0, 0xEF), lead4=(0xF0, 0xF4),
           pairs: int = 1) -> str:
    """lead+continuation shapes of UTF-8 sequences in ``pages`` (lead byte ranges given)."""
    cont = _cls(_chars(pages, 0x80, 0xBF))
    two = f"{_cls(_chars(pages, *lead2))}{cont}"
    if pairs > 1:
        two = f"(?:{two}){{{pairs}}}"
    return f"{two}|{_cls(_chars(pages, *lead3))}{cont}{{2}}|{_cls(_chars(pages, *lead4))}{cont}{{3}}"


def _damaged() -> str:
    """Shapes with a byte lost or altered: "â€\ufffd", "â€?", "Ã " (a no-break space)."""
    cont = _cls(_chars(LATIN_PAGES, 0x80, 0xBF))
    return f"\u00e2{cont}|[\u00c2\u00c3][\x20\ufffd]"


def build() -> str:
    cyr_cont = _chars(("cp1251",), 0x80, 0xBF)
    # "Гі", "Ві" begin Ukrainian words: single Г/В pairs need a non-letter continuation
    cyr_sym = "".join(c for c in cyr_cont if not c.isalpha())
    greek_sym = "".join(c for c in _chars(("cp1253",), 0x80, 0xBF) if not c.isalpha())
    parts = [
        "[\\x80-\\x9f]",
        _shape(LATIN_PAGES),
        # Cyrillic and Greek pages: their lead characters are letters ("Р", "С", "Ξ"), so a
        # two-byte shape must repeat ("РїСЂ"), except accented Latin read as Cyrillic ("Г©")
        _shape(("cp1251",), pairs=2),
        f"[\\u0412\\u0413]{_cls(cyr_sym)}",
        _shape(("cp1253",), pairs=2),
        f"[\\u0392\\u0393]{_cls(greek_sym)}",
        # Mac Roman and DOS pages: the lead bytes of Latin, Greek and Cyrillic letters only
        *(f"{_cls(_chars((page,), 0xC2, 0xC5) + _chars((page,), 0xCE, 0xD1))}"
          f"{_cls(_chars((page,), 0x80, 0xBF))}|" + _shape((page,), lead2=(0xC2, 0xC2))
          for page in OTHER_PAGES),
        _damaged(),
    ]
    return "|".join(f"(?:{p})" for p in parts)


@lru_cache(maxsize=None)
def gate() -> re.Pattern:
    """The precise shape regex, compiled on first use (a few ms: not at import)."""
    return re.compile(build())

#: Fast first pass: a plain two-class pattern runs at hundreds of MB/s in ``re`` where the
#: alternation above runs at a few. Every match of the gate starts with a lead character followed
#: by a continuation character, or is a C1 control, or a damaged "Â"/"Ã" form.
_ALL_PAGES = LATIN_PAGES + ("cp1251", "cp1253") + OTHER_PAGES
_PAIR = re.compile(_cls(_chars(_ALL_PAGES, 0xC2, 0xF4)) + _cls(_chars(_ALL_PAGES, 0x80, 0xBF)))
#: C1 controls, and "Â"/"Ã" (checked for a following space or U+FFFD), in one scan.
_C1_OR_DAMAGED = re.compile("[\\x80-\\x9f\u00c2\u00c3]")
_C1_SET = frozenset(map(chr, range(0x80, 0xA0))) | {"\u00c2", "\u00c3"}
#: Longest match of the gate (a doubled two-character shape, a four-byte sequence) and some slack.
_WINDOW = 10


def _pair_hit(text: str, lines: bool = True) -> list[int]:
    """Offsets where a lead/continuation pair starts a match of the gate (one per line, or
    with ``lines`` false only the first)."""
    hits: list[int] = []
    pair = _PAIR.search
    m = pair(text)
    if m is None:
        return hits
    search = gate().search
    while m is not None:
        p = m.start()
        if search(text, p, p + _WINDOW):
            hits.append(p)
            p = text.find("\n", p) if lines else -1  # the line is suspect: on to the next one
            if p == -1:
                break
        m = pair(text, p + 1)
    return hits


def may_hold(text: str, present: frozenset[str], rare: str) -> bool:
    """Whether :func:`suspect_lines` can find a line in ``text`` (its tests before the scan
    of the whole text): not in ASCII text, nor where neither a C1 control, "Â" or "Ã" is
    among the ``present`` characters nor a lead/continuation pair of the gate in ``rare``.

    >>> may_hold("café “ok”", frozenset(), "é\\n“\\n”"), may_hold("donâ€™t", frozenset(), "â€™")
    (False, True)
    """
    if text.isascii():
        return False
    return not present.isdisjoint(_C1_SET) or bool(_pair_hit(rare, lines=False))


def suspect_lines(text: str, present: frozenset[str] | None = None,
                  rare: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` that may hold mojibake, in order.

    ``present``, when given, is the set of rare characters known to occur in ``text`` (the
    census of :mod:`linter.rules.encoding.census`): without a C1 control, "Â" or "Ã" there,
    the scan for them is skipped. ``rare``, when given, is the text's characters other than
    printable ASCII, in order (:func:`linter.rules.encoding.census.rare`): every match of the
    gate but "Â " or "Ã " is one of those characters side by side, so where ``rare`` holds
    none, neither does the text, and the scan of the whole text is skipped.

    >>> suspect_lines("fine\\nnot donâ€™t\\ncafé “ok”\\n")
    [(5, 16)]
    >>> suspect_lines("café “ok”", frozenset(), "é“”")
    []
    """
    if text.isascii():
        return []
    rare_chars = present is None or not present.isdisjoint(_C1_SET)
    if rare is not None and not rare_chars and not _pair_hit(rare, lines=False):
        return []
    hits = _pair_hit(text)
    rare_hits = _C1_OR_DAMAGED.finditer(text) if rare_chars else ()
    for m in rare_hits:
        p = m.start()
        if m.group() < "\u00c2" or text[p + 1: p + 2] in (" ", "\ufffd"):
            hits.append(p)
    starts = sorted({text.rfind("\n", 0, p) + 1 for p in hits})
    out = []
    for start in starts:
        end = text.find("\n", start)
        out.append((start, len(text) if end == -1 else end))
    return out
