"""D105: chrome fused to the text next to it with no space (``pictureThe``, ``PostDemocracy``)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from linter.core.findings import Fix
from linter.core.lineedit import delete_span_edit
from linter.core.rule import Rule
from linter.rules.debris import packs
from linter.rules.encoding.census import utf8

#: a lowercase letter directly followed by an uppercase one: where two blocks were glued
_GLUE = re.compile(r"[a-z\u00df-\u00ff][A-Z\u00c0-\u00de]")
_WORD_END = re.compile(r"(?![\w])")
_LAST_WORD = re.compile(r"[a-z\u00df-\u00ff]+$")
_TOKEN = re.compile(r"\S+")


def _longest_label_word(m: packs.Matcher) -> int:
    """The length of the longest last word of a fused chrome label (0: none)."""
    return max(map(len, m.fused_labels), default=0)


def fused_spans(line: str, m: packs.Matcher, points=None) -> list[tuple[int, int, str]]:
    """(start, end, what) of chrome glued to a neighbour inside ``line``; ``points``: the
    offsets of the glue points' capitals to look at (default: all of them).

    >>> mm = packs.Matcher.from_paths(packs.builtin_pack_paths("debris"))
    >>> fused_spans("The Washington PostDemocracy Dies in Darkness", mm)
    [(19, 45, 'the slogan of The Washington Post')]
    >>> fused_spans("bottom of pageCopyright 2020", mm)
    [(0, 14, 'the chrome label bottom of page')]
    >>> fused_spans("She bought an iPhone at McDonald's.", mm)
    []
    """
    out = []
    longest = glue_tables(m).longest
    for pos in (g.start() + 1 for g in _GLUE.finditer(line)) if points is None else points:
        first = _TOKEN.match(line, pos).group()  # the word at the capital (never a space)
        found = False
        for key in (first, first.rstrip(".,:;!?'\u2019")):
            for phrase, site in m.fused_starts.get(key, ()):
                if line.startswith(phrase, pos) and _WORD_END.match(line, pos + len(phrase)):
                    what = (f"the slogan of {site.name}" if phrase == site.slogan
                            else f"the name of {site.name}")
                    out.append((pos, pos + len(phrase), what))
                    found = True
                    break
            if found:
                break
        if found:
            continue
        # the lowercase run before the capital, or a longer piece of it than any label word
        word = _LAST_WORD.search(line, max(0, pos - longest - 1), pos)
        for label in m.fused_labels.get(word.group().casefold(), ()) if word else ():
            head = packs.clean_line(line[max(0, pos - len(label) - 4):pos]).casefold()
            if head.endswith(label):
                start = pos - len(label)
                if start == 0 or not line[start - 1].isalnum():
                    out.append((start, pos, f"the chrome label {line[start:pos]}"))
                    break
    return out


class FusedChrome(Rule):
    """A known site name, slogan or chrome label glued to the word before or after it.

    What it does:
        Finds places where a lowercase letter is directly followed by an uppercase one and
        one side is known chrome from the debris packs: a site name or slogan starting
        right after a word (``PostDemocracy Dies in Darkness``), or a chrome label ending
        right before a capital (``bottom of pageCopyright``). Lines that
        are chrome as a whole are left to D101 and D103.

    Why is this bad?
        Extractors that drop the space between blocks glue the logo, the motto or a
        widget's label to real text; the glued token is neither and breaks search and
        tokenisation.

    Example:
        ```text
        Read the coverage of The Washington PostDemocracy Dies in Darkness
        ```
        The slogan is flagged and its removal proposed.

    Fix safety:
        Unsafe: the fix removes the glued chrome (never joining two words), but the words
        on the line around it are judged by a heuristic.
    """

    code = "D105"
    name = "fused-chrome"
    summary = "Site name, slogan or chrome label fused to adjacent text"
    fix_safety = "unsafe"

    def check(self, doc, ctx):
        text = doc.text
        m = packs.matcher(ctx)
        points: dict[int, list[int]] = {}  # line -> the glue points worth a look, in order
        starts = None
        for pos in live_points(text, m):
            if starts is None:
                starts = doc.line_starts
            i = doc.line_index(pos)
            points.setdefault(i, []).append(pos - starts[i])
        whole = None
        for i, at in points.items():
            line = doc.lines[i]
            if whole is None:
                whole = packs.scan(doc, ctx)
            if len(line) > 2000 or whole.whole_line(i):
                continue
            for s, e, what in fused_spans(line, m, at):
                a, b = starts[i] + s, starts[i] + e
                yield self.finding(a, b, f"{what} fused to the adjacent text",
                                   Fix.unsafe("Remove the fused chrome",
                                              delete_span_edit(text, a, b)))


#: the capital of a glue point (``_GLUE``), found from the capitals: far fewer than the
#: lowercase letters a scan for ``_GLUE`` stops at
_UPPER_GLUED = re.compile(r"[A-Z\u00c0-\u00de](?<=[a-z\u00df-\u00ff][A-Z\u00c0-\u00de])")

#: UTF-8 bytes to letter classes for :func:`glue_points`: ``a`` and ``A`` for the ASCII
#: letters, ``X`` for 0xC3 (the first byte of U+00C0-U+00FF), ``l`` and ``u`` for the
#: second bytes of its lowercase (U+00DF-U+00FF) and uppercase (U+00C0-U+00DE) letters
_CLASSES = bytes(ord("a") if 0x61 <= b <= 0x7A else ord("A") if 0x41 <= b <= 0x5A
                 else ord("X") if b == 0xC3 else ord("l") if 0x9F <= b <= 0xBF
                 else ord("u") if 0x80 <= b <= 0x9E else 0x20 for b in range(256))
#: a lowercase letter then a capital, as classes (ASCII or not, each), and where the capital
#: starts; "l" and "u" only count after "X", so that other characters' bytes never match
_GLUED_CLASSES = ((b"aA", 1), (b"aXu", 1), (b"XlA", 2), (b"XlXu", 2))


def glue_points(text: str) -> list[int]:
    """Offsets of the capitals of the glue points (:data:`_GLUE`) of ``text``, in order.

    Found in the UTF-8 bytes written as letter classes (:data:`_CLASSES`) by ``str.find``:
    C passes at memory speed, where a regex stops at every capital (:data:`_UPPER_GLUED`).

    >>> glue_points("iPhone, caf\u00e9\u00c9clair and McDonald\u2019s \u00c9cole\u00dfA")
    [1, 12, 25, 40]
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates
        return [g.start() for g in _UPPER_GLUED.finditer(text)]
    classes = data.translate(_CLASSES)
    found = []
    for needle, at in _GLUED_CLASSES if b"\xc3" in data else _GLUED_CLASSES[:1]:
        pos = classes.find(needle)
        while pos != -1:
            found.append(pos + at)
            pos = classes.find(needle, pos + 1)
    if len(data) == len(text):  # ASCII: the byte offsets are the offsets
        return sorted(found)
    out, last, offset = [], 0, 0
    for pos in sorted(found):
        offset += len(data[last:pos].decode("utf-8"))
        last = pos
        out.append(offset)
    return out


class GlueTables(NamedTuple):
    """What :func:`live_points` tests glue points against, worked out once per matcher."""

    #: the first two characters of the known phrases
    firsts: frozenset
    #: the last two characters of the labels' last words (None: some word is shorter)
    lasts: frozenset | None
    #: the length of the longest label word
    longest: int
    #: ``firsts`` and ``lasts`` as bytes, when all are ASCII pairs (else None)
    byte_pairs: tuple | None
    #: the first three characters of every phrase and the last three of every label word,
    #: as ASCII bytes (None when some phrase or word is shorter or not ASCII there)
    byte_triples: tuple | None


def _glue_tables(m: packs.Matcher) -> GlueTables:
    """:class:`GlueTables` of ``m``'s phrases and labels."""
    phrases = [p for lst in m.fused_starts.values() for p, _s in lst]
    words = list(m.fused_labels)
    firsts = frozenset(p[:2] for p in phrases)
    lasts = None if any(len(w) < 2 for w in words) else frozenset(w[-2:] for w in words)
    byte_pairs = None
    if lasts is not None and all(len(x) == 2 and x.isascii() for x in (*firsts, *lasts)):
        byte_pairs = (frozenset(x.encode() for x in firsts), frozenset(x.encode() for x in lasts))
    byte_triples = None
    if all(len(x) >= 3 and x[:3].isascii() for x in phrases) \
            and all(len(w) >= 3 and w[-3:].isascii() for w in words):
        byte_triples = (frozenset(x[:3].encode() for x in phrases),
                        frozenset(w[-3:].encode() for w in words))
    return GlueTables(firsts, lasts, _longest_label_word(m), byte_pairs, byte_triples)


@lru_cache(maxsize=None)
def glue_tables(m: packs.Matcher) -> GlueTables:
    """``m``'s :class:`GlueTables`, worked out on first use (a matcher hashes by identity).

    A glue point with neither pair around it is no fused chrome (see :func:`fused_spans`).
    """
    return _glue_tables(m)


#: the capital of a glue point in the letter classes of the UTF-8 bytes (:data:`_CLASSES`):
#: an ASCII capital after a lowercase letter (ASCII or not), found from the capitals (a
#: literal ``re`` skips to, where ``str.find`` of ``aA`` stops at every lowercase letter;
#: an ``l`` counts only after ``X``, which is tested on the few found) ...
_CLASS_CAPITAL = re.compile(rb"A(?<=[al]A)")
#: ... and the first byte of a capital U+00C0-U+00DE after one
_CLASS_CAPITAL_LATIN = re.compile(rb"X(?=u)(?:(?<=aX)|(?<=XlX))")


def _gate_passes(at: str, before: str, firsts, lasts) -> bool:
    """The test of :class:`GlueTables`' pairs for a glue point: the two characters from its
    capital, and the two before it."""
    return at in firsts or lasts is None or before in lasts or "\u00df" in before


def live_points(text: str, m: packs.Matcher) -> list[int]:
    """Offsets of the glue points' capitals (:func:`glue_points`) where :func:`fused_spans`
    can find something: the pair test of :class:`GlueTables`, then a known phrase starting at
    the capital or a lowercase word before it that ends a known label. A glue point that
    fails both yields nothing in :func:`fused_spans`; the others are looked at there.

    The glue points are found in the bytes' letter classes and tested there first, so that a
    document's character offsets are worked out only up to its last live point.

    >>> mm = packs.Matcher.from_paths(packs.builtin_pack_paths("debris"))
    >>> live_points("An iPhone. caf\u00e9 bottom of pageCopyright, a PostDemocracy Dies in Darkness", mm)
    [30, 47]
    """
    tables = glue_tables(m)
    firsts, lasts, longest = tables.firsts, tables.lasts, tables.longest
    try:
        data = utf8(text)  # (the bytes the census of the text encoded, when it was the last)
    except UnicodeEncodeError:  # lone surrogates
        return [p for p in glue_points(text)
                if _gate_passes(text[p:p + 2], text[p - 2:p], firsts, lasts) and _live(text, p, m, longest)]
    classes = data.translate(_CLASSES)
    found = [g.start() for g in _CLASS_CAPITAL.finditer(classes)]
    ascii_text = len(data) == len(text)
    latin = not ascii_text and b"\xc3" in data
    if found and not ascii_text:
        found = [p for p in found if classes[p - 1] == 97 or classes[p - 2] == 88]  # a, X
    if latin:
        found += [g.start() for g in _CLASS_CAPITAL_LATIN.finditer(classes)]
        found.sort()
    if not found:
        return []
    gate, triples = tables.byte_pairs, tables.byte_triples
    # (C3 9F, a sharp s, found as the character: one memchr rather than a two-byte search)
    sharp = latin and "\u00df" in text
    if triples is not None and gate is not None and not sharp:
        # a known phrase starts with its first three characters, a label word (with no
        # sharp s) ends with its last three: as ASCII bytes, the characters they spell
        fb, lb = triples
        found = [p for p in found if data[p:p + 3] in fb or (p > 2 and data[p - 3:p] in lb)]
    elif gate is not None and not sharp:
        # two ASCII bytes are the two characters they spell; any other pair is in no gate
        fb, lb = gate
        found = [p for p in found if data[p:p + 2] in fb or data[p - 2:p] in lb]
    elif ascii_text:
        found = [p for p in found if _gate_passes(text[p:p + 2], text[p - 2:p], firsts, lasts)]
    else:
        found = [p for p in found if _gate_passes(*_pairs(data, p), firsts, lasts)]
    if ascii_text:  # the byte offsets are the offsets
        return [p for p in found if _live(text, p, m, longest)]
    out, last, offset = [], 0, 0
    for p in found:
        offset += len(data[last:p].decode("utf-8"))
        last = p
        if _live(text, offset, m, longest):
            out.append(offset)
    return out


def _pairs(data: bytes, p: int) -> tuple[str, str]:
    """The two characters from the one at byte ``p`` of ``data`` and the two before it, read
    off the bytes (at most 8 bytes hold two characters; cut pieces of others are ignored)."""
    at = data[p:p + 8].decode("utf-8", "ignore")[:2]
    before = data[max(0, p - 8):p].decode("utf-8", "ignore")[-2:]
    if p <= 2 and len(data[:p].decode("utf-8")) == 1:
        before = ""  # the character is the second one: text[-1:1] is empty
    return at, before


def _live(text: str, pos: int, m: packs.Matcher, longest: int) -> bool:
    """Whether :func:`fused_spans` may find something at the glue point ``pos``: a known
    phrase starts there (as it tests it), or the lowercase run before it is the last word of
    a known label (tested on the text: neither reaches past the line)."""
    first = _TOKEN.match(text, pos).group()
    for key in (first, first.rstrip(".,:;!?'\u2019")):
        for phrase, _site in m.fused_starts.get(key, ()):
            if text.startswith(phrase, pos) and _WORD_END.match(text, pos + len(phrase)):
                return True
    word = _LAST_WORD.search(text, max(0, pos - longest - 1), pos)
    return word is not None and word.group().casefold() in m.fused_labels
