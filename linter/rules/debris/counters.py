"""D104: engagement counters and reading-time labels (``10 views0 comments``, ``3 min read``)."""

from __future__ import annotations

from linter.core.lazy import re  # compiled on first use

from linter.core.findings import Fix
from linter.core.lineedit import delete_span_edit
from linter.core.rule import Rule
from linter.rules.debris import packs
from linter.rules.debris.heads import HeadGate
from linter.rules.debris.layout import candidate_lines, lowered

_NUM = r"\d[\d,.]*(?:\s?[KkMm]\b|[KkMm](?![a-z]))?"
#: nouns that are never counted in prose lists (``10 views``); ``shares`` and ``likes`` are,
#: in finance and surveys, so a single one of those alone is only an unsafe guess
_SURE = r"views?|comments?|retweets?|reposts?|claps?|reactions?|kommentare|comentarios|comentários|commentaires"
_WEAK = r"shares?|likes?|replies|reply|responses?|favou?rites?|upvotes?"
_READ = (r"\d+\s*(?:-\s*)?(?:min(?:ute)?s?|hrs?|hours?)\.?\s+(?:read|reading(?:\s+time)?)"
         r"|(?:reading|read)\s+time\s*:?\s*\d+\s*(?:min(?:ute)?s?)\.?")
_LABELLED = (r"(?:share|shares|comments?|views?|likes?|tweet|pin|replies|reactions?)"
             r"\s*(?:\(\s*" + _NUM + r"\s*\)|:?\s*" + _NUM + r")")
#: an abbreviated count alone (``6.2k``): what a like or share button shows
_BARE = r"\d{1,3}(?:[.,]\d)?[KkMm](?![\w])"
_COUNTER = (rf"(?:{_NUM}\s*(?:{_SURE}|{_WEAK})(?![a-z\u00e0-\u00ff])|{_READ}|{_LABELLED}(?![\w])|{_BARE})")
_SEP = r"[ \t\u00a0\u00b7\u2022|/,\u2013\u2014-]*"
LINE = re.compile(
    rf"^[ \t]*(?:[-*+\u2022\u00b7][ \t]+)?(?P<c>{_COUNTER}(?:{_SEP}{_COUNTER})*)[ \t.]*$",
    re.I | re.M)
COUNTER = re.compile(_COUNTER, re.I)
#: a counter between separators or at a line end after a separator (``Jane Doe · 3 min read``)
SEGMENT = re.compile(
    rf"[\u00b7\u2022|][ \t]*(?P<c>{_COUNTER}(?:{_SEP}{_COUNTER})*)(?=[ \t]*(?:[\u00b7\u2022|]|$))",
    re.I | re.M)
_DIGIT = re.compile(r"\d")
MAX_COUNTER_LINE = 160
_SURE_RE = re.compile(rf"(?:{_SURE}|read|reading)", re.I)


def is_sure(counters: str) -> bool:
    """Whether a run of counters could never be a list item of prose.

    >>> is_sure("10 views0 comments"), is_sure("12 Shares"), is_sure("3 min read")
    (True, False, True)
    """
    return len(COUNTER.findall(counters)) > 1 or bool(_SURE_RE.search(counters))


#: how a counter line starts (after spaces and a list marker): the gate finding the lines to test
HEADS = HeadGate([], [_COUNTER])


def has_digit(doc) -> bool:
    """Whether ``doc.text`` holds a decimal digit (``\\d``): the ASCII ones looked for one by
    one (``str`` finds a character at memory speed), the others in the runs of rare
    characters the E rules share (``re`` tests each character for ``\\d``, ten times slower).

    >>> from linter.core.document import Document
    >>> [has_digit(Document.from_text(t)) for t in ("no digit", "caf\u00e9 9", "\u0663 min")]
    [False, True, True]
    """
    text = doc.text
    if any(d in text for d in "0123456789"):
        return True
    if text.isascii():
        return False
    from linter.rules.encoding.census import rare_of

    return _DIGIT.search(rare_of(doc)) is not None


def counter_lines(doc, *skip: dict, lines=False) -> dict[int, tuple[int, int, str, bool]]:
    """line -> (start, end, counters, safe) for the lines of ``doc`` made only of counters.

    ``lines``: a superset of the lines :data:`HEADS` finds, in order (None: every line), when
    known (``packs.Matcher.gate_lines``, which finds them in its own scan).
    """
    out: dict[int, tuple[int, int, str, bool]] = {}
    text = doc.text
    if not has_digit(doc):
        return out
    starts = doc.line_starts
    digit, line_re = _DIGIT.search, LINE.match
    if lines is False:
        low = lowered(doc)
        if low is not None and packs.has_removed(doc):
            low = None
        lines = None if low is None else candidate_lines(doc, HEADS.regex, low)
    all_lines = doc.lines
    for i in range(len(all_lines)) if lines is None else lines:
        line = all_lines[i]
        # counter lines are short and hold a digit: test only those (one C call each)
        if len(line) > MAX_COUNTER_LINE or digit(line) is None:
            continue
        m = line_re(line)
        if m is None or any(i in d for d in skip):
            continue
        a = starts[i]
        out[i] = (a + m.start("c"), a + m.end("c"), m.group("c"), is_sure(m.group("c")))
    return out


def segments(text: str) -> list:
    """What ``SEGMENT.finditer(text)`` finds, tried only at its separators (found by
    ``str.find``, where the pattern's search stops at every character to test it).

    >>> [m.group("c") for m in segments("Jane \u00b7 3 min read | 12 views\\nx | y")]
    ['3 min read | 12 views']
    """
    marks = []
    for sep in "\u00b7\u2022|":
        pos = text.find(sep)
        while pos != -1:
            marks.append(pos)
            pos = text.find(sep, pos + 1)
    out, end, match = [], 0, SEGMENT.match
    for pos in sorted(marks):
        if pos >= end:
            m = match(text, pos)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


class EngagementCounter(Rule):
    """View, comment, share and like counters and reading-time labels, fused or not.

    What it does:
        Flags lines made only of counters (``10 views0 comments``, ``941 comments``,
        ``12 Shares``, ``Share 0``, ``Comments (3)``, ``3 min read``), and counters glued to
        a metadata line after a separator (``Jane Doe · 3 min read``).

    Why is this bad?
        Counters are widgets of the page, not text; fused ones (``10 views0 comments``)
        even show that the extractor joined two buttons.

    Example:
        ```text
        “There’s a diplomatic path forward,” Psaki said.

        10 views0 comments
        ```
        The counter line goes. ``The page had 10 views in its first hour.`` is prose and
        is left alone: only lines that are nothing but counters match.

    Fix safety:
        Deleting a line of counters is safe when it holds several counters, or views,
        comments or reading time, which no prose line consists of. A single ``12 shares``
        or ``4 likes`` could be an item of a list in an article: unsafe. Removing a counter
        from a metadata line is unsafe.
    """

    code = "D104"
    name = "engagement-counter"
    summary = "View/comment/share counters and reading-time labels"
    fix_safety = "sometimes"

    def check(self, doc, ctx):
        text = doc.text
        if not has_digit(doc):
            return
        whole = packs.scan(doc, ctx)
        for i, (start, end, counters, sure) in sorted(whole.counters.items()):
            edit = whole.delete_edit(doc, i)
            fused = re.search(r"[a-z]\d", counters, re.I) is not None
            msg = ("fused counters " if fused else "counter line ") + repr(counters.strip())
            if sure:
                fix = Fix.safe("Delete the counter line", edit)
            else:
                fix = Fix.unsafe("Delete the counter line", edit)
            yield self.finding(start, end, msg, fix)
        seen = whole.counters
        if "\u00b7" in text or "\u2022" in text or "|" in text:
            for m in segments(text):
                i = doc.line_index(m.start())
                if i in seen or whole.whole_line(i):
                    continue
                edit = delete_span_edit(text, m.start(), m.end())
                yield self.finding(m.start("c"), m.end("c"),
                                   f"counter {m.group('c').strip()!r} in a metadata line",
                                   Fix.unsafe("Remove the counter", edit))
