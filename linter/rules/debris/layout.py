"""The shape of a page, for the structural debris rules: which lines are prose, where the
article body starts and ends, what stands alone between paragraphs.

Extracted text comes in two layouts: one paragraph per line (what trafilatura gives) or
paragraphs separated by blank lines, sometimes hard-wrapped. Both are read the same way:
a *block* is a run of non-blank lines; a line *stands alone* when the line before it
closes a paragraph (or a blank line separates them) and the line after it opens one.

The layout is computed once per document text and shared by the rules.
"""

from __future__ import annotations

import re
from functools import cached_property
from itertools import accumulate
from operator import methodcaller

from linter.core.document import Document, per_text

#: East Asian wide and full-width characters (Hangul, CJK, kana, full-width forms)
WIDE = re.compile(r"[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF"
                     r"\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\U00020000-\U0003FFFD]")

TERMINAL = ".!?…。！？"
CLOSERS = "\"'”’»)]）」』*_"
_TERMINAL = frozenset(TERMINAL)
_strip_closers = methodcaller("rstrip", CLOSERS)
OPENERS = "\"'“‘«([（「『¿¡*_"


def width(text: str) -> int:
    """Display width: East Asian wide characters count twice, so CJK prose measures like Latin.

    >>> width("abc"), width("留言列表")
    (3, 8)
    """
    if text.isascii():
        return len(text)
    return len(text) + len(WIDE.findall(text))


def words(text: str) -> list[str]:
    return text.split()


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence (terminal punctuation, maybe inside quotes).

    >>> ends_sentence('He said "no."'), ends_sentence("Battlefield pressures"), ends_sentence("Why?)")
    (True, False, True)
    """
    s = text.rstrip().rstrip(CLOSERS).rstrip()
    return bool(s) and s[-1] in TERMINAL


def opens_paragraph(text: str) -> bool:
    """Whether ``text`` starts like a new paragraph: an upper-case letter, a digit, a quote.

    >>> opens_paragraph("The end"), opens_paragraph("and then"), opens_paragraph("“Quote")
    (True, False, True)
    """
    s = text.lstrip().lstrip(OPENERS)
    if not s:
        return False
    ch = s[0]
    return ch.isupper() or ch.isdigit() or (ch.isalpha() and not ch.islower())


def is_prose(text: str) -> bool:
    """A line that reads as running prose: long enough and ending like a sentence, or long.

    >>> is_prose("Blinken said the talks would go on, and that the allies agreed on the next steps.")
    True
    >>> is_prose("Biden disputes Zelensky claims on Poland missile")
    False
    """
    s = text.strip()
    n = len(s)
    if n >= 220:
        return True  # (the width is at least the length: measured only where it decides)
    ends = ends_sentence(s)
    if ends and n >= 70:
        return True
    w = width(s) if n >= 110 or (ends and n >= 35) else n
    return w >= 220 or (ends and (w >= 70 or len(s.split()) >= 14))


def is_list_item(text: str) -> bool:
    """``- item``, ``* item``, ``• item``, ``1. item``, ``1) item``.

    >>> is_list_item("- Share on Twitter"), is_list_item("12) x"), is_list_item("-3 degrees")
    (True, True, False)
    """
    s = text.lstrip()
    if s[:2] in ("- ", "* ", "• ", "+ ", "· ", "– ") or s in ("-", "*", "•"):
        return True
    i = 0
    while i < len(s) and i < 3 and s[i].isdigit():
        i += 1
    return 0 < i and s[i:i + 2] in (". ", ") ")


class Layout:
    """Line-level facts about one document (0-based line indices)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.lines = doc.lines
        # whole-list C calls (map) rather than a Python call per line
        self.nonblank = [i for i, s in enumerate(map(str.strip, self.lines)) if s]
        self.rank = dict(zip(self.nonblank, range(len(self.nonblank))))

    #: where the layout of a document is kept, in its ``meta``
    KEY = "debris-layout"

    @classmethod
    def of(cls, doc: Document) -> "Layout":
        """The layout of ``doc``, computed once per text (kept in ``doc.meta``)."""
        cached = doc.meta.get(cls.KEY)
        if cached is not None and cached.doc is doc:
            return cached
        layout = doc.meta[cls.KEY] = cls(doc)
        return layout

    @classmethod
    def made(cls, doc: Document) -> bool:
        """Whether the layout of ``doc`` is made already: a rule that can do without it on a
        page where it finds nothing leaves it unmade.

        >>> doc = Document.from_text("One line.\\n")
        >>> Layout.made(doc), Layout.of(doc) is Layout.of(doc), Layout.made(doc)
        (False, True, True)
        """
        cached = doc.meta.get(cls.KEY)
        return cached is not None and cached.doc is doc

    # -- neighbours ------------------------------------------------------------------
    def prev(self, i: int) -> int:
        """Index of the non-blank line before line ``i`` (a non-blank line), or -1."""
        k = self.rank[i]
        return self.nonblank[k - 1] if k > 0 else -1

    def next(self, i: int) -> int:
        """Index of the non-blank line after line ``i`` (a non-blank line), or -1."""
        k = self.rank[i] + 1
        return self.nonblank[k] if k < len(self.nonblank) else -1

    def gap_before(self, i: int) -> bool:
        p = self.prev(i)
        return p == -1 or p < i - 1

    def gap_after(self, i: int) -> bool:
        n = self.next(i)
        return n == -1 or n > i + 1

    def stands_alone(self, i: int) -> bool:
        """Line ``i`` is a block of its own: what precedes it is closed and what follows opens."""
        p, n = self.prev(i), self.next(i)
        before = self.gap_before(i) or ends_sentence(self.lines[p]) or self.lines[p].rstrip().endswith(":")
        after = self.gap_after(i) or opens_paragraph(self.lines[n])
        return before and after

    # -- the article body ---------------------------------------------------------------
    @cached_property
    def _stripped(self) -> list[str]:
        """The non-blank lines, stripped (by rank)."""
        return list(map(str.strip, map(self.lines.__getitem__, self.nonblank)))

    @cached_property
    def line_widths(self) -> list[int]:
        """:func:`width` of each stripped non-blank line (by rank)."""
        return [n if a else width(s) for s, n, a in zip(self._stripped, map(len, self._stripped),
                                                         map(str.isascii, self._stripped))]

    @cached_property
    def prose(self) -> list[int]:
        """Indices of the lines that read as prose (:func:`is_prose`, for all lines at once:
        the width of a line is measured only where it decides)."""
        stripped = self._stripped
        ends = [t[-1:] in _TERMINAL for t in map(str.rstrip, map(_strip_closers, map(str.rstrip, stripped)))]
        out = []
        for i, s, n, e in zip(self.nonblank, stripped, map(len, stripped), ends):
            # width() is at least the length and at most twice it: measured only in between
            if n >= 220 or (e and n >= 70):
                out.append(i)
                continue
            w = width(s) if n >= 110 or (e and n >= 35) else n
            if w >= 220 or (e and (w >= 70 or len(s.split()) >= 14)):
                out.append(i)
        return out

    @cached_property
    def widths(self) -> list[int]:
        """Cumulative width of the non-blank lines before each non-blank line (by rank)."""
        out = [0]
        out.extend(accumulate(self.line_widths))
        return out

    def share_after(self, i: int) -> float:
        """Share of the page's text (by width) on the lines after line ``i``."""
        total = self.widths[-1] or 1
        return (total - self.widths[self.rank[i] + 1]) / total

    def share_before(self, i: int) -> float:
        total = self.widths[-1] or 1
        return self.widths[self.rank[i]] / total

    @cached_property
    def body_start(self) -> int:
        """Index of the first prose line (the page head lies before it), or -1."""
        return self.prose[0] if self.prose else -1

    @cached_property
    def body_end(self) -> int:
        """Index of the last prose line, or -1."""
        return self.prose[-1] if self.prose else -1

    def is_heading_like(self, i: int, max_words: int = 16) -> bool:
        """A short line that does not read as a sentence (False for ``i == -1``)."""
        if i < 0:
            return False
        s = self.lines[i].strip()
        return 0 < len(s.split()) <= max_words and not ends_sentence(s) and not s.endswith((",", ";"))


def last_nonblank(lines: list[str], n: int) -> list[int]:
    """Indices of the last ``n`` non-blank lines, last first (what ``Layout.nonblank[-n:]``
    holds, reversed, without laying out the whole page).

    >>> last_nonblank(["a", "b", " ", "c", ""], 2)
    [3, 1]
    """
    out: list[int] = []
    i = len(lines) - 1
    while i >= 0 and len(out) < n:
        if lines[i].strip():
            out.append(i)
        i -= 1
    return out


def line_range_finding(rule, doc: Document, first: int, last: int, message: str,
                       fix_message: str | None = None, delete_from: int | None = None):
    """A finding over lines ``first..last`` with an unsafe fix deleting them (blank lines tidied).

    ``delete_from`` makes the fix start at an earlier line than the finding (a heading that
    another rule reports, deleted together with the section it opens).
    """
    from linter.core.findings import Fix
    from linter.core.lineedit import delete_line_edit

    start = doc.line_starts[first] + (len(doc.lines[first]) - len(doc.lines[first].lstrip()))
    end = doc.line_span(last)[1]
    fix = Fix.unsafe(fix_message or "Delete the line" + ("s" if last > first else ""),
                     delete_line_edit(doc, first if delete_from is None else delete_from, last))
    return rule.finding(start, max(end, start), message, fix)


def _case_groups() -> dict[str, str]:
    """Characters ``re``'s IGNORECASE equates beyond ``str.lower`` (long s and s, dotless i
    and i, final sigma and sigma...): each -> all of its group."""
    from re import _casefix

    out: dict[str, str] = {}
    for k, vs in _casefix._EXTRA_CASES.items():
        group = "".join(sorted({chr(k), *map(chr, vs)}))
        for c in group:
            out[c] = "".join(sorted(set(out.get(c, "") + group)))
    return out


_CASE_GROUPS = _case_groups()


def lowered(doc: Document) -> str | None:
    """``doc.text`` lowercased, the same length (kept on the document), with the dotless i
    and the long s written ``i`` and ``s`` as ``re``'s IGNORECASE equates them; None when
    lowercasing changes the length (a dotted capital I). Case-insensitive gates run on it
    as case-sensitive twins (:func:`lower_gate`), which ``re`` scans much faster.

    >>> lowered(Document.from_text("Share THIS \u017fo")), lowered(Document.from_text("\u0130stanbul"))
    ('share this so', None)
    """
    return per_text(doc, "debris-lower", _lower_text)


def _lower_text(doc: Document) -> str | None:
    return lower_same_length(doc.text)


def lower_same_length(text: str) -> str | None:
    """``text`` lowercased as :func:`lowered` does it (the dotless i and the long s written
    ``i`` and ``s``), for any text; None when lowercasing changes the length.

    >>> lower_same_length("\u017fHARE \u0131t"), lower_same_length("\u0130stanbul")
    ('share it', None)
    """
    low = text.lower()
    if len(low) != len(text):
        return None
    if not low.isascii():
        if "\u0131" in low:
            low = low.replace("\u0131", "i")
        if "\u017f" in low:
            low = low.replace("\u017f", "s")
    return low


_LOWER_GATES: dict = {}
_UNSEEN = object()


def _twin_source(src: str) -> str | None:
    """``src`` lowercased, each character ``re``'s IGNORECASE equates with others (beyond
    ``str.lower``; the i and the s aside, see :func:`lowered`) written as a class of them;
    None when that cannot be done safely (an upper-case or code-point escape, one of those
    characters inside a class, a range of letters).

    >>> _twin_source(r"\\n(?:By|\u043a\u043e\u043c)\\b")
    '\\\\n(?:by|\u043a[\u043e\u1c82]\u043c)\\\\b'
    >>> _twin_source(r"\\S+") is None, _twin_source("[a-z]x") is None
    (True, True)
    """
    if re.search(r"\\[A-Zux]|\(\?[a-zA-Z-]*[iI]|\[[^\]]*\w-\w", src):
        return None
    src = src.lower()
    out, i, klass = [], 0, False
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            out.append(src[i:i + 2])
            i += 2
            continue
        group = _CASE_GROUPS.get(ch) if ch not in "is" else None
        if group:
            if klass:
                return None
            out.append("[" + group + "]")
        else:
            out.append(ch)
            if klass:
                klass = ch != "]"
            elif ch == "[":
                klass = True
                if src[i + 1:i + 2] == "^":
                    out.append("^")
                    i += 1
                if src[i + 1:i + 2] == "]":
                    out.append("]")
                    i += 1
        i += 1
    return "".join(out)


def lower_gate(gate):
    """The case-sensitive twin of a case-insensitive gate, for :func:`lowered` text; None when
    the pattern cannot be lowercased safely (see :func:`_twin_source`).

    >>> lower_gate(re.compile(r"\\n(?:By|Par)\\b", re.I)).pattern == r"\\n(?:by|par)\\b"
    True
    >>> lower_gate(re.compile(r"\\n\\S+", re.I)) is None
    True
    """
    try:
        return _LOWER_GATES[gate]
    except KeyError:
        pass
    src = gate.pattern
    twin = None
    if isinstance(src, str):
        twin_src = _twin_source(src)
        if twin_src is not None:
            twin = re.compile(twin_src, gate.flags & ~re.IGNORECASE)
    _LOWER_GATES[gate] = twin
    return twin


#: whitespace besides space, tab and newline (no-break, thin, ideographic...): what
#: ``str.strip`` and ``\\s`` take for spaces, which gates written with ``[ \\t]`` would not
_ODD_SPACES = "\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(
    map(chr, range(0x2000, 0x200b)))
ODD_SPACE = re.compile("[" + re.escape(_ODD_SPACES) + "]")


def plain_spaces(doc: Document, text: str) -> str:
    """``text`` (``doc.text`` or a same-length copy) with every other whitespace character
    written as a space, so that a gate's ``[ \\t]`` stands for all that ``str.strip``
    removes; the same offsets (kept on the document).

    >>> text = "\\u00a0May 2\\u2009\\n"
    >>> plain_spaces(Document.from_text(text), text)
    ' May 2 \\n'
    """
    kept = doc.meta.get("debris-spaces")
    if kept is None or kept[0] is not doc.text:  # a fixed document shares its meta: start afresh
        kept = doc.meta["debris-spaces"] = (doc.text, {})
    memo = kept[1]
    got = memo.get(id(text))
    if got is not None and got[0] is text:
        return got[1]
    plain = text
    for ch in odd_spaces(doc) if not text.isascii() else [c for c in _ODD_SPACES[:7] if c in text]:
        plain = plain.replace(ch, " ")
    memo[id(text)] = (text, plain)
    return plain


def odd_spaces(doc: Document) -> list[str]:
    """The :data:`_ODD_SPACES` that occur in ``doc.text`` (or in any same-length copy made by
    changing case), found in the text's runs of rare characters that the E rules share
    (:func:`linter.rules.encoding.census.rare_of`: a few C passes, a few percent of news
    text) rather than by a scan of the whole text.

    >>> odd_spaces(Document.from_text("a\u00a0b c\u2009d\u00a0"))
    ['\xa0', '\u2009']
    """
    from linter.rules.encoding.census import rare_of

    return sorted(set(ODD_SPACE.findall(rare_of(doc))))


def candidate_lines(doc: Document, gate, text: str | None = None) -> list[int]:
    """0-based indices of the lines where ``gate`` matches, in order and once each.

    ``gate`` is a stdlib ``re`` pattern that matches a line start as ``\\n`` (the first
    line is tried with a ``\\n`` put before it) or a line end as ``\\n`` (the last line
    is tried with one put after it). One C-level scan of the text, which ``re`` runs
    fast from the pattern's literal first character, replaces a Python loop per line.

    >>> import re
    >>> doc = Document.from_text("By Jane\\nText\\nby Tom\\n")
    >>> candidate_lines(doc, re.compile(r"\\n(?:by)\\b", re.I))
    [0, 2]

    ``text``: a copy of ``doc.text`` of the same length to scan instead (lowercased). A
    case-insensitive gate runs as its case-sensitive twin on the lowercased text.
    """
    out: list[int] = []
    starts = doc.line_starts
    if not doc.lines:
        return out
    if text is None:
        twin = _LOWER_GATES.get(gate, _UNSEEN)
        if twin is _UNSEEN:
            twin = lower_gate(gate) if gate.flags & re.IGNORECASE else None
            _LOWER_GATES[gate] = twin
        if twin is not None:
            text = lowered(doc)
            if text is not None:
                gate = twin
    if text is None:
        text = doc.text
    text = plain_spaces(doc, text)
    first = text[:300]
    if "\n" in first:
        first = first[:first.index("\n")]
    if gate.match("\n" + first):
        out.append(0)
    line_index = doc.line_index
    n_lines = len(doc.lines)
    search = gate.search
    m = search(text)
    while m:
        start = m.start()
        # a match opening with the newline ending line i belongs to line i + 1
        i = line_index(start) + (1 if text[start] == "\n" and m.group()[:1] == "\n" else 0)
        if i < n_lines and (not out or out[-1] != i):
            out.append(i)
        nxt = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
        m = search(text, max(nxt, start + 1))
    last = n_lines - 1
    if (not out or out[-1] != last) and not doc.ends_with_newline and gate.search(text[starts[last]:][-300:] + "\n"):
        out.append(last)
    return out


#: characters by how common they are in prose (the rarest make the best anchors)
_COMMON = " etaoinshrdlcumwfgypbvkjxqz"
_NEEDLES: dict = {}


def _anchor(needle: str) -> int:
    """Index of the rarest character of ``needle``: where :func:`needle_regex` anchors it."""
    def score(ch: str) -> int:
        k = _COMMON.find(ch.lower()) if ch.isascii() else -1
        return 0 if k < 0 else (len(_COMMON) - k) // (3 if ch.isupper() else 1) + 1
    return min(range(len(needle)), key=lambda k: (score(needle[k]), k))


def needle_regex(needles: tuple[str, ...]) -> re.Pattern:
    r"""One ``re`` pattern finding any of the literal ``needles``, each matched at its rarest
    character (the rest checked around it), so that the scan skips ahead on a small set of
    characters instead of running ``str.find`` once per needle.

    >>> needle_regex((" | ", "wrote")).pattern
    '\\|(?<=\\ \\|)(?=\\ )|w(?=rote)'
    """
    rx = _NEEDLES.get(needles)
    if rx is None:
        parts = []
        for n in needles:
            k = _anchor(n)
            part = re.escape(n[k])
            if k:
                part += f"(?<={re.escape(n[:k + 1])})"
            if n[k + 1:]:
                part += f"(?={re.escape(n[k + 1:])})"
            parts.append(part)
        rx = _NEEDLES[needles] = re.compile("|".join(parts))
    return rx


def lines_containing(doc: Document, needles: tuple[str, ...]) -> list[int]:
    """0-based indices of the lines holding any of the literal ``needles`` (one C scan for a
    dozen needles or more, else ``str.find`` per needle: a scan stopping at a set of
    characters costs about what six ``str.find`` do).

    >>> lines_containing(Document.from_text("a | b\\nc\\nd wrote\\n"), (" | ", "wrote"))
    [0, 2]
    """
    text, found = doc.text, []
    if len(needles) < 12 or any("\n" in n or not n for n in needles):
        return _lines_containing_slow(doc, needles)
    search = needle_regex(needles).search
    line_index, starts = doc.line_index, doc.line_starts
    m = search(text)
    while m:
        i = line_index(m.start())
        found.append(i)
        if i + 1 >= len(starts):
            break
        m = search(text, starts[i + 1])
    return found


def _lines_containing_slow(doc: Document, needles: tuple[str, ...]) -> list[int]:
    text, found = doc.text, set()
    line_index = doc.line_index
    for needle in needles:
        pos = text.find(needle)
        while pos != -1:
            i = line_index(pos)
            found.add(i)
            nxt = text.find("\n", pos)
            if nxt == -1:
                break
            pos = text.find(needle, nxt + 1)
    return sorted(found)


def clip(text: str, n: int = 60) -> str:
    """``text`` cut to ``n`` characters at a word boundary, with an ellipsis when cut.

    >>> clip("Secretary of State Antony Blinken attends a meeting", 30)
    'Secretary of State Antony…'
    """
    text = text.strip()
    if len(text) <= n:
        return text
    cut = text[:n].rsplit(" ", 1)[0] if " " in text[:n] else text[:n]
    return cut.rstrip(" ,;:") + "…"


def pack_chrome(doc: Document, ctx) -> frozenset:
    """Lines that pack-driven rules report whole: chrome lines (D101), mastheads (D103) and
    counter lines (D104), each when its rule is being run.

    A structural rule leaves such a line to its owner, so that a line gets one finding:
    the owner knows from its pack entry whether deleting the line is safe.
    """
    selected = ctx.selected
    if "D101" not in selected and "D103" not in selected and "D104" not in selected:
        return frozenset()
    from linter.rules.debris import packs

    scan = packs.scan(doc, ctx)
    cached = doc.meta.get("debris-owned")
    if cached is not None and cached[0] is scan and cached[1] == selected:
        return cached[2]
    owned = set()
    if "D101" in selected:
        owned.update(scan.chrome)
    if "D103" in selected:
        owned.update(scan.masthead)
    if "D104" in selected:
        owned.update(scan.counters)
    result = frozenset(owned)
    doc.meta["debris-owned"] = (scan, selected, result)
    return result
