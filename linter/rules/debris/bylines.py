"""Bylines, datelines and the boilerplate around an article: "About <company>", source notes."""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from itertools import accumulate, chain, compress
from typing import Iterable

from linter.core.lazy import re  # compiled on first use

from linter.core.lazy import regex  # compiled on first use

from linter.core.document import Document, per_text
from linter.core.findings import Finding
from linter.core.rule import Context, Rule
from linter.rules.debris.navigation import TAG_LINE
from linter.rules.debris.structscan import LineGate, line_gates
from linter.rules.debris.layout import (
    ODD_SPACE, Layout, candidate_lines, clip, ends_sentence, is_prose, line_range_finding, lower_gate,
    lower_same_length, lowered, pack_chrome, width,
)

MONTHS = (r"(?:jan(?:uary|vier|eiro|uar)?|feb(?:ruary|ruar)?|févr(?:ier)?|fev(?:ereiro)?|mar(?:ch|s|ço|zo)?|märz|"
          r"apr(?:il)?|avr(?:il)?|abr(?:il)?|may|mai|mayo|maio|jun(?:e|i|io|ho)?|juin|jul(?:y|i|io|ho)?|juil(?:let)?|"
          r"aug(?:ust)?|août|ago(?:sto)?|sep(?:t|tember|tembre|tiembre|embro)?|set(?:embro)?|oct(?:ober|obre)?|okt(?:ober)?|"
          r"out(?:ubro)?|nov(?:ember|embre|iembre|embro)?|dec(?:ember)?|dez(?:ember|embro)?|déc(?:embre)?|dic(?:iembre)?)\.?")
WEEKDAY = (r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?|"
           r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)")
DATE = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?{MONTHS},?\s+(?:de\s+)?\d{{4}}"
        rf"|{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
        r"|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}年\d{1,2}月\d{1,2}日)")
TIME = r"(?:\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?(?:\s*(?:[A-Z]{2,4}|Uhr|h))?)"
# "2 hours ago", "vor 3 Stunden", "il y a 2 jours", "hace 5 minutos", "3小时前"
RELATIVE_DATE = (r"(?:(?:\d{1,3}|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?"
                 r"|mo|months?|y|yrs?|years?)\s+ago"
                 r"|vor\s+\d{1,3}\s+(?:sekunden|minuten|stunden|tagen|wochen|monaten|jahren)"
                 r"|il\s+y\s+a\s+\d{1,3}\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)"
                 r"|hace\s+\d{1,3}\s+(?:segundos?|minutos?|horas?|días?|semanas?|meses|años?)"
                 r"|há\s+\d{1,3}\s+(?:segundos?|minutos?|horas?|dias?|semanas?|meses|anos?)"
                 r"|\d{1,3}\s*(?:秒|分钟|小时|天|周|个月|年)前)")
DATELINE = regex.compile(
    rf"""^(?:[-•*·]\s*)?(?:(?:updated|published|posted|last\s+(?:updated|modified)|aktualisiert|publié\s+le|publicado)\s*:?\s*(?:on\s+)?)?
        (?:(?:{TIME}\s*,?\s+)?(?:(?:{WEEKDAY}),?\s+)?{DATE}(?:,?\s+(?:at\s+|um\s+|à\s+|-\s+)?{TIME})?|{RELATIVE_DATE})
        (?:\s*(?:[|·•—–\-/]|来源[:：]|Quelle:|Source:)\s*.{{0,40}})?[\s　]*$""",
    regex.I | regex.X,
)
NAME = r"\p{Lu}[\p{L}.'’\-]*(?:\s+(?:\p{Lu}[\p{L}.'’\-]*|(?:de|da|van|von|der|del|la|le|bin|al)(?=\s+\p{Lu})))*"
BYLINE = regex.compile(
    rf"""^(?:[-•*·]\s*)?(?:(?:{DATE}(?:,?\s+{TIME})?(?:\s+\S+)?)\s+)?
        (?i:by|par|por|von|di|door|av|af|przez|written\s+by|words\s+by|reporting\s+by)\s*:?\s+
        {NAME}(?:(?:\s*,\s*|\s+(?:and|&|y|e|et|und|en|og|och|i)\s+){NAME})*
        (?:\s*,?\s+(?:and|y|e|et|und)|\s*(?:[,|–—]|\s-\s).{{0,60}})?\s*$""",
    regex.X,
)
POSTED = regex.compile(
    rf"^(?:[-•*·]\s*)?(?:posted|published|written|updated|publicado|publié|veröffentlicht)(?:\s+(?:on|at|by|le|am|em|el|in))?\s*:?\s+"
    rf"(?=.*(?:{DATE}|\bby\s+(?-i:\p{{Lu}})|\d{{1,2}}:\d{{2}}))",
    regex.I,
)


# "Bradley M. Kuhn <bkuhn@ebb.org>", "Jane Doe, jane@example.com"
CONTACT = regex.compile(rf"^(?:[-—–]\s*)?{NAME}\s*(?:<\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*>|[,|–—-]\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\.?$")


BYLINE_GATE = re.compile(
    r"\n[ \t]*(?:[-•*·—–][ \t]*)?(?:by|par|por|von|di|door|av|af|przez|written|words|reporting|posted|published|"
    r"updated|publicado|publié|veröffentlicht|\d)\b",
    re.I,
)
CONTACT_GATE = re.compile(r"@[\w-]+(?:\.[\w-]+)+>?\.?[ \t]*\n")
#: BYLINE_GATE and CONTACT_GATE on the stripped lines of a :class:`ShortLines` view (they find
#: more: each line they find is then tried with its gate, :func:`holds_gate`)
BYLINE_VIEW = re.compile(
    r"\n(?:[-•*·—–][^\S\n]*)?(?:by|par|por|von|di|door|av|af|przez|written|words|reporting|posted|published|"
    r"updated|publicado|publié|veröffentlicht|"
    # a dated byline ("3 March 2021 by Jane Doe"): its author word comes later
    r"\d(?=[^\n]*\s(?:by|par|por|von|di|door|av|af|przez|written|words|reporting)[\s:]))\b",
    re.I,
)
CONTACT_VIEW = re.compile(r"@[\w-]+(?:\.[\w-]+)+>?\.?[^\S\n]*(?=\n|\Z)")


# an author's name on a line of its own: "Jane Doe", "Richard (R.J.) Eskow", "Ana de la Cruz"
NAME_TOKEN = r"(?:\p{Lu}\p{Ll}+(?:[-’']\p{Lu}\p{Ll}+)?|\p{Lu}\.(?:\s?\p{Lu}\.)*|\(\p{Lu}[\p{L}.]*\)|(?:de|da|van|von|der|del|la|le|bin|al|di))"
NAME_LINE = regex.compile(rf"^{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,4}}$")
# words of buttons and headings, never of a name ("Log In", "Show More Results", "Get Updates")
NOT_NAME = frozenset("In Out Up On Off Now More All Our Your My The Of For And To With Us Me Here This "
                     "Get Buy Show Have Log Sign Follow Help Read See View".split())


def head_author_lines(doc: Document, ctx: Context) -> Iterable[int]:
    """Lines of the page head (before the first paragraph) holding only a name, next to the
    post's widgets: a date line, counters ("5 min read"), pack chrome ("Follow"), tags."""
    names = _head_names(doc)
    if not names:
        return
    layout = Layout.of(doc)
    lines = doc.lines
    scan = None
    for i in names:
        if scan is None:
            from linter.rules.debris import packs

            scan = packs.scan(doc, ctx)
        for j in (layout.prev(i), layout.next(i)):
            if j < 0:
                continue
            t = lines[j].strip().lstrip("-•* ")
            if i not in scan.chrome and (j in scan.chrome or j in scan.counters or DATELINE.match(t)
                                         or TAG_LINE.match(t)):
                yield i
                break


def _is_name(s: str) -> bool:
    return len(s) <= 40 and NAME_LINE.match(s) is not None and NOT_NAME.isdisjoint(s.split())


def _head_names(doc: Document, look: int = 40) -> list[int]:
    """The lines of the page head (before the first prose line, ``Layout.body_start``; none
    when the page has no prose line) that hold only a name: read off the first ``look``
    non-blank lines (the head is short), so that the page is laid out only when it holds one.

    >>> _head_names(Document.from_text("Jane Doe\\n\\nThe council met on Monday and agreed the budget for the year, officials said.\\n"))
    [0]
    """
    out = []
    k = 0
    for i, line in enumerate(doc.lines):
        s = line.strip()
        if not s:
            continue
        if is_prose(s):
            return out
        if _is_name(s):
            out.append(i)
        k += 1
        if k >= look:  # a long head, or no prose: the whole page's prose lines tell
            layout = Layout.of(doc)
            if layout.body_start < 0:
                return []
            head = layout.rank[layout.body_start]
            return [i for i, s in zip(layout.nonblank[:head], layout._stripped[:head]) if _is_name(s)]
    return []


class Byline(Rule):
    """What it does
    Flags byline lines: "By Jane Doe and John Roe", "Por Steven Lee Myers, Keith Bradsher y",
    "posted on April 21, 2015, at 11:29 a.m.", author contact lines ("Jane Doe
    <jane@example.org>"), and an author's bare name in the page head when it sits next to
    the post's widgets (a date line, "5 min read", "Follow", a tag line).

    Why is this bad?
    Readers and models want the article; who wrote it and when belongs in metadata. Many
    corpora (readability's ground truth among them) leave bylines out of the text.

    Example
    ```text
    By Michael Crowley and Anton Troianovski
    ```

    Fix safety
    Unsafe: many users keep bylines, so the line goes only with ``--unsafe-fixes``
    (ignore ``D250`` to keep them unflagged).
    """

    code = "D250"
    name = "byline"
    summary = "Byline line (author, posting date)"
    fix_safety = "unsafe"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        lines = doc.lines
        reported = set()
        # a contact line ends with an address: its view only when the text holds an "@"
        contact = ShortLines.of(doc, 160).lines(CONTACT_VIEW) if "@" in doc.text else ()
        for i in sorted(set(view_lines(doc, 160, BYLINE_VIEW, "t_byline")).union(contact)):
            s = lines[i].strip()
            if not s or len(s) > 160 or len(s.split()) > 20:
                continue
            # "posted on April 21, 2015" holds only a date: D251 reports it when it runs
            owned_dateline = "D251" in ctx.selected and DATELINE.match(s) is not None
            if ((BYLINE.match(s) or (POSTED.match(s) and not is_prose(s) and not owned_dateline)
                    or ("@" in s and CONTACT.match(s)))
                    and (holds_gate(doc, BYLINE_GATE, i) or holds_end_gate(doc, CONTACT_GATE, i))
                    and i not in pack_chrome(doc, ctx)):
                reported.add(i)
                yield line_range_finding(self, doc, i, i, f"Byline: {clip(s, 60)!r}")
        for i in head_author_lines(doc, ctx):
            if i in reported:  # one finding per line
                continue
            yield line_range_finding(self, doc, i, i, f"Author's name in the page head: {lines[i].strip()!r}")


def _no_views(doc: Document) -> dict:
    return {}


class ShortLines:
    """The page's non-blank lines of at most ``limit`` characters, stripped, as one text
    (each line after a ``\\n``): the rules of these modules judge only short stripped lines,
    so they scan a fifth of the page instead of all of it (built once per text and limit,
    kept in ``doc.meta``).

    >>> view = ShortLines.of(Document.from_text("  By Jane\\n\\n" + "x" * 200 + "\\nJoe says:\\n"))
    >>> view.text
    '\\nBy Jane\\nJoe says:'
    >>> view.lines(re.compile(r"\\n\\S+ says")), ShortLines.of(view.doc, 8).text
    ([3], '\\nBy Jane')
    """

    #: the longest line the widest view holds (narrower views are cut from it)
    LIMIT = 160

    def __init__(self, doc: Document, limit: int, source: "ShortLines | None" = None):
        self.doc, self.limit, self._source = doc, limit, source
        #: the lines of the view
        if source is not None or Layout.made(doc):
            self.short = [s for s in (source.short if source else Layout.of(doc)._stripped) if len(s) <= limit]
        else:  # (no layout of the page needed)
            self.short = [s for s in map(str.strip, doc.lines) if 0 < len(s) <= limit]
        self.text = "\n" + "\n".join(self.short)
        self._index = self._starts = None

    @property
    def index(self) -> list[int]:
        """The document's index of each line of the view (worked out when first asked)."""
        if self._index is None:
            if self._source is not None:
                short, index = self._source.short, self._source.index
            elif not Layout.made(self.doc):
                # the lines are stripped again here rather than kept from __init__: the index
                # is asked for only when a rule found a line in the view (rare on clean pages)
                limit = self.limit
                self._index = [i for i, s in enumerate(map(str.strip, self.doc.lines)) if 0 < len(s) <= limit]
                return self._index
            else:
                layout = Layout.of(self.doc)
                short, index = layout._stripped, layout.nonblank  # by rank
            self._index = list(compress(index, map(self.limit.__ge__, map(len, short))))
        return self._index

    @classmethod
    def of(cls, doc: Document, limit: int = LIMIT) -> "ShortLines":
        views = per_text(doc, "debris-short", _no_views)
        view = views.get(limit)
        if view is None:  # cut from the widest view when it is there
            view = views[limit] = cls(doc, limit, views.get(cls.LIMIT) if limit < cls.LIMIT else None)
        return view

    @cached_property
    def lower(self) -> str | None:
        """The view lowercased, the same length, the dotless i and the long s written ``i``
        and ``s`` (as :func:`lowered`); None when lowercasing changes the length."""
        return lower_same_length(self.text)

    def lines(self, pattern) -> list[int]:
        """Document indices of the view's lines where ``pattern`` (a stdlib ``re`` pattern)
        finds something, in order and once each; a match opening with the ``\\n`` before a
        line belongs to that line. A case-insensitive ``pattern`` runs as its case-sensitive
        twin on the lowercased view (as :func:`candidate_lines` does), which ``re`` scans much
        faster."""
        text = self.text
        twin = _twin(pattern)
        if twin is not None:
            low = self.lower
            if low is not None:
                text, pattern = low, twin
        m = pattern.search(text)
        if m is None:
            return []
        starts = self._starts
        if starts is None:  # offset of the "\n" before each line of the view, and the end
            starts = self._starts = list(accumulate(chain((0,), map((1).__add__, map(len, self.short)))))
        out, index, n = [], self.index, len(self.index)
        search = pattern.search
        while m:
            k = bisect_right(starts, m.start()) - 1
            if k >= n:
                break
            out.append(index[k])
            if k + 1 >= n:
                break
            m = search(text, starts[k + 1])
        return out


def view_lines(doc: Document, limit: int, pattern, trigger: str) -> list[int]:
    """The lines ``ShortLines.of(doc, limit).lines(pattern)`` finds that its rule can report
    (a view pattern opening with the ``\\n`` before a line): when the text can be lowercased,
    the lines of the trigger group ``trigger`` of the shared line scan (``structscan``), which
    finds them with no view (and some longer lines: the rules test the length); else the view's.

    >>> doc = Document.from_text("Text.\\n  By Jane Doe\\nBy Jane" + " " * 160 + "Doe\\n")
    >>> view_lines(doc, 160, BYLINE_VIEW, "t_byline"), ShortLines.of(doc, 160).lines(BYLINE_VIEW)
    ([1, 2], [1])
    """
    if lowered(doc) is None:
        return ShortLines.of(doc, limit).lines(pattern)
    return line_gates(doc)[trigger]


def holds_gate(doc: Document, gate, i: int) -> bool:
    """Whether :func:`candidate_lines` of ``gate`` (a gate whose matches open with the ``\\n``
    before a line) holds line ``i``: the same test on that line alone, so that a scan of the
    short lines that finds more lines leaves exactly the lines the gate finds.

    >>> g = re.compile(r"\\n[ \\t]*(?:by)\\b", re.I)
    >>> doc = Document.from_text("x\\n\\u00a0BY Jane\\nbylaw\\n")
    >>> [holds_gate(doc, g, i) for i in range(3)] == [i in candidate_lines(doc, g) for i in range(3)]
    True
    """
    return _holds(doc, gate, i, "start")


def holds_end_gate(doc: Document, gate, i: int) -> bool:
    """:func:`holds_gate` for a gate that ends with the ``\\n`` after a line (and holds none
    before it), for lines of at most 300 characters.

    >>> g = re.compile(r"@\\w+\\.\\w+[ \\t]*\\n")
    >>> doc = Document.from_text("Jane, j@x.org\\u00a0\\nj@x.org is\\nJoe j@x.org")
    >>> [holds_end_gate(doc, g, i) for i in range(3)] == [i in candidate_lines(doc, g) for i in range(3)]
    True
    """
    return _holds(doc, gate, i, "end")


_VIEW_TWINS: dict = {}
_IGNORECASE = int(re.IGNORECASE)


def _twin(gate):
    """The case-sensitive twin of a case-insensitive gate (:func:`lower_gate`, which keeps
    it; for the view patterns, which that cannot write for their escapes, the pattern itself
    without the flag: their letters are lowercase and have no case twins but the dotless i
    and the long s, which the lowercased view writes ``i`` and ``s``), or None."""
    if gate in _LOWERCASE_VIEWS:  # (without compiling the case-insensitive pattern)
        twin = _VIEW_TWINS.get(gate)
        if twin is None:
            twin = _VIEW_TWINS[gate] = re.compile(gate._source[0]).compiled()
        return twin
    return lower_gate(gate) if gate.flags & _IGNORECASE else None


def _holds(doc: Document, gate, i: int, where: str) -> bool:
    line = doc.lines[i]
    twin = _twin(gate)
    if twin is not None:
        low = lowered(doc)
        if low is not None:
            start = doc.line_starts[i]
            line, gate = low[start:start + len(line)], twin
    line = ODD_SPACE.sub(" ", line)  # as plain_spaces writes the text the gate scans
    if where == "end":
        # candidate_lines tries the last line, when no newline ends it, on its last 300 characters
        if i == len(doc.lines) - 1 and not doc.ends_with_newline:
            line = line[-300:]
        return gate.search(line + "\n") is not None
    return gate.match("\n" + line[:300] if i == 0 else "\n" + line + "\n") is not None


def foot_lines(doc: Document) -> dict:
    """Gate name -> the lines ``candidate_lines`` gives for it (the lines of the two D270
    patterns besides): the foot gates of the one shared line scan (``structscan.line_gates``).

    >>> got = foot_lines(Document.from_text("Originally published at x\\n\\u2014 bkuhn\\n-\\n\u2b50\\nText\\n"))
    >>> got["source"], got["sign"], got["empty"], got["icon"], got["tweet"]
    ([0], [1], [2], [3], [])
    """
    return line_gates(doc)


_ANY_DIGIT = regex.compile(r"\d")
DATELINE_GATE = re.compile(
    rf"\n[ \t]*(?:[-•*·][ \t]*)?(?:\d|an?[ \t]|one[ \t]|vor[ \t]|il[ \t]+y|hace[ \t]|há[ \t]|updated|published|posted|last|"
    rf"aktualisiert|publié|publicado|{WEEKDAY}|{MONTHS})",
    re.I,
)

#: DATELINE_GATE on the stripped lines of a :class:`ShortLines` view, with what DATELINE needs
#: further on the line: after a word, a digit (astral characters stand in for the digits of
#: scripts newer than Python's tables) or the "ago" of "an hour ago"
DATELINE_VIEW = re.compile(
    # a number opens a time, a date or a relative date: "9:15", "24 July", "24.7.", "2015-07",
    # "2015年7月", "2 hours ago", "3小时前" (not "8. Item")
    rf"\n(?:[-•*·][^\S\n]*)?(?:\d{{1,4}}(?:[:.h/\-年]\d|(?:st|nd|rd|th)?\.?\s*(?:de\s|{MONTHS})|\s*\S{{1,7}}\s+ago|"
    rf"\s*(?:秒|分钟|小时|天|周|个月|年)前)|"
    rf"(?:an?\s|one\s|vor\s|il\s+y|hace\s|há\s|updated|published|posted|last|aktualisiert|publié|publicado|{WEEKDAY}|"
    rf"{MONTHS})(?=[^\n]*(?:\d|[^\x00-\uffff]|ago)))",
    re.I,
)

class Dateline(Rule):
    """What it does
    Flags a line that holds only a date, maybe with a time and a source ("24 July 2015",
    "08.04.2015 12:46", "Updated: March 3, 2021 at 9:15 am", "Updated 3:45 PM ET, Tue March
    3, 2021", "2017-03-10 09:58 来源：网易"), or a relative date ("Published 2 hours ago",
    "vor 3 Stunden", "il y a 2 jours").

    Why is this bad?
    A publication date on a line of its own is page furniture: it interrupts the text
    and belongs in metadata.

    Example
    ```text
    - 24 July 2015
    President Barack Obama has admitted...
    ```

    Fix safety
    Unsafe: the line is deleted; a diary or a timeline can use dates as headings.
    """

    code = "D251"
    name = "dateline"
    summary = "Line holding only a date (and time)"
    fix_safety = "unsafe"
    gate = LineGate("t_dateline")

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        lines = doc.lines
        found = []
        for i in view_lines(doc, 90, DATELINE_VIEW, "t_dateline"):
            s = lines[i].strip()
            if len(s) <= 90 and not s.startswith("|") and DATELINE.match(s) and holds_gate(doc, DATELINE_GATE, i):
                found.append((i, s))
        if not found:
            return
        # a page without a digit has no dateline ("an hour ago" neither: the rule's own gate)
        if not any(_ANY_DIGIT.search(s) for _, s in found) and not _ANY_DIGIT.search(doc.text):
            return
        layout = Layout.of(doc)
        for i, s in found:
            # a run of dated lines is a timeline or a table, not a dateline
            p, n = layout.prev(i), layout.next(i)
            if any(j >= 0 and DATELINE.match(lines[j].strip()) for j in (p, n)) or i in pack_chrome(doc, ctx):
                continue
            yield line_range_finding(self, doc, i, i, f"Dateline: {clip(s, 60)!r}")


ABOUT_HEADING = regex.compile(r"^(?:#+\s*)?(?:about|über|à\s+propos\s+de|acerca\s+de|sobre)\s+(?:the\s+)?(?-i:\p{Lu})[\p{L}\p{N}&.,'’\- ]{0,50}[:：]?$",
                              regex.I)
# an author box: "About the Author", "About the writers", "Über den Autor", "À propos de l'auteur"
AUTHOR_HEADING = regex.compile(
    r"^(?:#+\s*)?(?:about\s+(?:the\s+)?(?:author|authors|writer|writers|reporter|contributor)s?"
    r"|über\s+(?:den|die)\s+autor(?:in|en|innen)?|à\s+propos\s+de\s+l['’]auteur(?:e)?"
    r"|sobre\s+(?:el|la|o|a)\s+autor(?:a)?|sull['’]autore)\s*[:：]?$",
    regex.I,
)
CONTACT_HEADING = regex.compile(r"^(?:media|press|investor)\s+(?:contacts?|inquiries|enquiries)\s*[:：]?.{0,80}$", regex.I)


ABOUT_GATE = re.compile(r"\n[ \t]*(?:#+[ \t]*)?(?:about|über|à[ \t]+propos|acerca|sobre|sull|media|press|investor)\b", re.I)
#: ABOUT_GATE on the stripped lines of a :class:`ShortLines` view (the headings are short)
ABOUT_VIEW = re.compile(r"\n(?:#+[^\S\n]*)?(?:about|über|à\s+propos|acerca|sobre|sull|media|press|investor)\b", re.I)
#: view patterns written in lowercase, safe to run without IGNORECASE on a lowercased view
#: (tests/debris/test_short_lines.py checks their letters)
_LOWERCASE_VIEWS = (BYLINE_VIEW, DATELINE_VIEW, ABOUT_VIEW)


class AboutBoilerplate(Rule):
    """What it does
    Flags the boilerplate paragraph about a company or author after an article: an "About
    <Name>" or "About the Author" heading and the paragraph under it, and a closing "Media
    contact:" block.

    Why is this bad?
    Press releases and sponsored posts end with the same "About Acme" paragraph every time;
    repeated across a corpus it is noise, not article text.

    Example
    ```text
    About Acme Corp
    Acme Corp is the leading maker of anvils, with offices in 12 countries.
    ```

    Fix safety
    Unsafe: the heading and its paragraph are deleted.
    """

    code = "D252"
    name = "about-boilerplate"
    summary = "\"About <company>\" boilerplate paragraph or media contacts after the article"
    fix_safety = "unsafe"
    gate = LineGate("t_about")

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        candidates = view_lines(doc, 160, ABOUT_VIEW, "t_about")
        if not candidates:
            return
        layout = Layout.of(doc)
        lines = doc.lines
        if layout.body_start < 0:
            return
        for i in candidates:
            if i <= layout.body_start:
                continue
            s = lines[i].strip()
            if len(s) > 100 or ends_sentence(s):
                continue
            if CONTACT_HEADING.match(s) and layout.share_after(i) < 0.2 and holds_gate(doc, ABOUT_GATE, i):
                yield line_range_finding(self, doc, i, layout.nonblank[-1], f"Media contact block: {clip(s, 50)!r}")
                return
            author = AUTHOR_HEADING.match(s) is not None
            m = author or ABOUT_HEADING.match(s)
            if not m or len(s.split()) > 7 or not holds_gate(doc, ABOUT_GATE, i):
                continue
            n = layout.next(i)
            if n < 0 or not is_prose(lines[n]):
                continue
            subject = s.split(None, 1)[1].rstrip(":：").strip()
            first = subject.split()[0].lower() if subject.split() else ""
            body = lines[n].strip()
            # the paragraph is about the subject: it names it, or starts "Founded in"; an
            # author box holds a short biography under its heading
            if not (author or body.lower().startswith(first) or subject.lower() in body.lower()[:200]
                    or body.lower().startswith(("founded", "established", "headquartered"))):
                continue
            last = n
            nn = layout.next(n)
            while nn >= 0 and is_prose(lines[nn]) and layout.share_after(nn) < 0.1 and not layout.gap_before(nn):
                last = nn
                nn = layout.next(nn)
            yield line_range_finding(self, doc, i, last, f"Author box: {clip(s, 40)!r}" if author
                                     else f"Boilerplate about {clip(subject, 40)!r}")


SOURCE_NOTE = regex.compile(
    r"^(?:originally\s+(?:published|posted|appeared)\s+(?:at|on|in|by)\b"
    r"|this\s+(?:article|story|post|piece|essay)\s+(?:was\s+|is\s+)?(?:originally\s+|first\s+)?"
    r"(?:published|appeared|posted|ran)\s+(?:at|on|in|by)\b"
    r"|a\s+version\s+of\s+this\s+(?:article|story)\s+(?:appeared|appears|was\s+published)\b"
    r"|republished\s+(?:with\s+permission|from)\b|reprinted\s+with\s+permission\b"
    r"|原标题[:：]|\[?责任编辑[:：])",
    regex.I,
)


SOURCE_GATE = re.compile(r"\n[ \t]*(?:originally|this[ \t]+(?:article|story|post|piece|essay)|a[ \t]+version|"
                         r"republished|reprinted|原标题|\[?责任编辑)", re.I)


class SourceNote(Rule):
    """What it does
    Flags a note on where the text was first published: "Originally published at ...",
    "This article first appeared in ...", "A version of this article appeared in print...",
    "Republished with permission", "原标题：".

    Why is this bad?
    It is publishing metadata, not the article, and is repeated under every syndicated copy.

    Example
    ```text
    Originally published at www.example.com on November 18, 2011.
    ```

    Fix safety
    Unsafe: the whole line is deleted, with anything else written on it.
    """

    code = "D253"
    name = "source-note"
    summary = "Note on where the text was first published"
    fix_safety = "unsafe"
    gate = LineGate("source")

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        lines = doc.lines
        for i in foot_lines(doc)["source"]:
            s = lines[i].strip()
            if s and SOURCE_NOTE.match(s) and i not in pack_chrome(doc, ctx):
                yield line_range_finding(self, doc, i, i, f"Source note: {clip(s, 60)!r}")


LEGAL = regex.compile(
    r"(?:\blicen[sc]ed\s+under\s+(?:a|the)\s+(?:creative\s+commons|cc\b|gnu|mit|apache)"
    r"|\bis\s+a\s+(?:registered\s+)?(?:trademark|service\s+mark|trade\s+mark)\s+of\b"
    r"|\b(?:are|is)\s+(?:the\s+)?(?:copyright(?:ed)?|copyrighted)\s+(?:by|of)\s+(?:their|its|the)\b"
    r"|\ball\s+rights\s+reserved\b|\bunauthori[sz]ed\s+(?:reproduction|use|copying)\b"
    r"|未经授权，?不得转载|版权所有|禁止转载|無断転載|alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés"
    r"|todos\s+los\s+derechos\s+reservados|todos\s+os\s+direitos\s+reservados)",
    regex.I,
)

#: the gate of LEGAL: every match holds one of these words (lowercase); keep it in step
LEGAL_WORDS = ("licen", "mark", "copyright", "reserved", "unauthori", "未经授权", "版权所有", "禁止转载",
               "無断転載", "vorbehalten", "réservés", "reservados")
#: LEGAL_WORDS sharpened, on lowercased text: "licensed", and "mark" only after "trade" or "service"
#: (not in "market", see :func:`legal_gate`)
LEGAL_SHARP = ("licensed", "licenced", "copyright", "reserved", "unauthori", "未经授权", "版权所有", "禁止转载",
               "無断転載", "vorbehalten", "réservés", "reservados")
_MARK = re.compile(r"(?:trade|service)\s*mark")


def legal_gate(low: str) -> bool:
    """Whether the lowercased ``low`` may hold a match of LEGAL (plain substring tests first).

    >>> legal_gate("linux is a trade\u00a0mark of"), legal_gate("the market is up")
    (True, False)
    """
    return any(w in low for w in LEGAL_SHARP) or ("mark" in low and _MARK.search(low) is not None)


QUOTES = "\"“‘'«"


_TAIL: dict = {}


def _last_lines(doc: Document, n: int = 10) -> list[tuple[int, str]]:
    """``(index, stripped line)`` of the last ``n`` non-blank lines, in order (kept for the
    document last asked about: D242 and D254 read them).

    >>> _last_lines(Document.from_text("a\\n\\n b\\nc\\n\\n"), 2)
    [(2, 'b'), (3, 'c')]
    """
    lines = doc.lines
    out = []
    i = len(lines) - 1
    while i >= 0 and len(out) < n:
        s = lines[i].strip()
        if s:
            out.append((i, s))
        i -= 1
    out.reverse()
    return out


def short_tail(doc: Document, n: int, limit: int) -> tuple[list[tuple[int, str]], str | None] | None:
    """The last ``n`` non-blank lines of the page that may be notices: ``(index, stripped
    line)`` of those of at most ``limit`` characters not opening with a quote; and those
    lines joined by newlines and lowercased as :func:`lowered` does it (None when that
    changes the length), for a gate of plain substring tests on all of them at once. None
    for a page of fewer than three non-blank lines (read without laying the page out).

    >>> doc = Document.from_text("Text.\\n\\n\\u201cQuote\\u201d\\nAll Rights Reserved\\n")
    >>> short_tail(doc, 2, 300), short_tail(Document.from_text("a\\nb\\n"), 2, 300)
    (([(3, 'All Rights Reserved')], 'all rights reserved'), None)
    """
    last = per_text(doc, "debris-tail", _last_lines, _TAIL) if n <= 10 else _last_lines(doc, n)
    if len(last) < 3:
        return None
    tail = [(i, s) for i, s in last[-n:] if len(s) <= limit and s[:1] not in QUOTES]
    return tail, lower_same_length("\n".join([s for _, s in tail])) if tail else ""


class LegalNotice(Rule):
    """What it does
    Flags legal boilerplate in the last lines of a page: licence notices ("This website
    ... is licensed under a Creative Commons ... License"), trademark notices ("Linux is
    a registered trademark of Linus Torvalds"), "All rights reserved", "未经授权，不得转载".

    Why is this bad?
    It is the site's footer, repeated on every page, not the article.

    Example
    ```text
    ...the last paragraph of the article.
    Linux is a registered trademark of Linus Torvalds.
    ```

    Fix safety
    Unsafe: the line is deleted; an article about licensing could end on such a sentence.
    """

    code = "D254"
    name = "legal-notice"
    summary = "Licence, copyright or trademark notice at the end of the page"
    fix_safety = "unsafe"

    #: how many non-blank lines at the end of the page are looked at
    TAIL = 10

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        # a notice is a short line: the gate words are looked for on the short last lines only
        # (the last lines are often long paragraphs), all of them at once
        got = short_tail(doc, self.TAIL, 300)
        if got is None or not got[0]:
            return
        tail, low = got
        # (lowercased as LEGAL's IGNORECASE reads the long s; no gate when the length changes:
        # a dotted capital I, which that IGNORECASE equates with "i")
        if low is not None and not legal_gate(low):
            return
        for i, s in tail:
            if LEGAL.search(s) and i not in pack_chrome(doc, ctx):
                yield line_range_finding(self, doc, i, i, f"Legal notice: {clip(s, 60)!r}")


class Kicker(Rule):
    """What it does
    Flags a kicker: a label of one to three words on the first line of the page, above the
    headline ("chaos theory", "Lupita Nyong'o", "Open Journalism Project:"), naming the
    section, topic or series rather than saying anything.

    Why is this bad?
    Kickers and section labels are navigation of the site; at the top of the text they
    read as a headline of their own.

    Example
    ```text
    chaos theory
    The Hidden Heroines of Chaos
    A little over half a century ago, chaos started spilling out of a famous experiment...
    ```

    Fix safety
    Unsafe: the line is deleted; a one-word headline with a subtitle under it looks the same.
    """

    code = "D255"
    name = "kicker"
    summary = "Section or topic label above the headline"
    fix_safety = "unsafe"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        lines = doc.lines
        nb = first_nonblank(lines, 3)
        if len(nb) < 3:
            return
        first, head = nb[0], nb[1]
        s = lines[first].strip()
        if len(s) > 30:  # (its width is more: the quickest test first)
            return
        h = lines[head].strip()
        if (not (1 <= len(s.split()) <= 3) or width(s) > 30 or ends_sentence(s) or s.startswith(("-", "|", "#", "*"))
                or s[:1].isdigit() or "/" in s):
            return
        # the line under it is a headline: 4-20 words (2 under a label ending in a colon, "Open
        # Journalism Project:"), not a sentence of prose, not a list item
        hw = h.split()
        if (not ((2 if s.endswith((":", "：")) else 4) <= len(hw) <= 20) or is_prose(h) or h.startswith(("-", "|", "*", "•")) or ":" in h
                or h.endswith((".", ","))):
            return
        yield line_range_finding(self, doc, first, first, f"Kicker above the headline: {s!r}")


def first_nonblank(lines: list[str], n: int) -> list[int]:
    """Indices of the first ``n`` non-blank lines (``Layout.nonblank[:n]`` without laying out
    the whole page).

    >>> first_nonblank(["", "a", " ", "b", "c"], 2)
    [1, 3]
    """
    out: list[int] = []
    for i, line in enumerate(lines):
        if line.strip():
            out.append(i)
            if len(out) >= n:
                break
    return out


# "— bkuhn", "– The Editors", "— Jane"
SIGN_OFF = regex.compile(r"^[—–]\s*\p{L}[\p{L}_.'’\-]*(?:\s+\p{L}[\p{L}.'’\-]*){0,3}$")
SIGN_OFF_GATE = re.compile(r"\n[ \t]*[—–]")
QUOTE_END = ("\"", "”", "»", "’", "'")


class SignOff(Rule):
    """What it does
    Flags the author's sign-off under a post: a dash and a name or handle on a line of
    its own after the last paragraph ("— bkuhn", "– The Editors").

    Why is this bad?
    It is the blog's signature, repeated under every post, like a byline at the foot.

    A dash and a name under a quotation ("— Mark Twain") attributes the quotation and
    is left alone, as is anything before the end of the article (an epigraph).

    Example
    ```text
    ...the last paragraph of the post.
    — bkuhn
    ```

    Fix safety
    Unsafe: the line is deleted.
    """

    code = "D256"
    name = "sign-off"
    summary = "Author's sign-off (— name) after the last paragraph"
    fix_safety = "unsafe"
    gate = LineGate("sign", fallback=("—", "–"))

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        if "—" not in doc.text and "–" not in doc.text:
            return
        candidates = foot_lines(doc)["sign"]
        if not candidates:
            return
        layout = Layout.of(doc)
        lines = doc.lines
        if layout.body_end < 0:
            return
        for i in candidates:
            s = lines[i].strip()
            if i <= layout.body_end or not SIGN_OFF.match(s):
                continue
            p = layout.prev(i)
            if p >= 0 and lines[p].rstrip().endswith(QUOTE_END):
                continue
            yield line_range_finding(self, doc, i, i, f"Sign-off under the post: {s!r}")
