"""Spans of a document that typography rules must not touch.

Code (Markdown code spans and blocks, reStructuredText literals), URLs, e-mail addresses,
domain-like names, @handles and #hashtags follow their own conventions: doubled quotes,
camelCase and missing spaces are normal there. :func:`protected` finds them once per
document text; :class:`Spans` answers "is this offset inside one?" by bisection.
"""

from __future__ import annotations

import bisect
import re

from linter.core.lazy import regex

from linter.core.document import Document, per_text

_FENCE = regex.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*$", regex.M)
_CODE_SPAN = regex.compile(r"(`+)(?!`)[^\n]*?(?<!`)\1(?!`)")
_RST_LITERAL = regex.compile(r"``[^\n]+?``")
_FRONT_MATTER = regex.compile(r"(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|$)", regex.S)
_HTML_TAG = regex.compile(r"</?[A-Za-z][^<>\n]*>|<!--.*?-->", regex.S)
_MD_LINK_TARGET = regex.compile(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"\n]*\")?\)")
#: where a non-prose token may be: a scheme, an @, a # before a word, a dot before a letter
_CANDIDATE = re.compile(r"://|@|#\w|\.[a-z]")
#: its alternatives, each found by a scan for its literal first character (a few times
#: faster than the scan for the four first characters at once)
_DOT_LOWER = re.compile(r"\.[a-z]")
_HASH_WORD = re.compile(r"#\w")
_AT = re.compile("@")
_SCHEME = re.compile("://")
_STRIP = "\"'“”‘’«»()[]{}<>.,;:!?*_"
_URL = re.compile(r"(?i:[a-z][a-z0-9+.-]*://|www\.|mailto:)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HANDLE = re.compile(r"[@#]\w[\w.-]*\w|[@#]\w")
_DOMAIN = re.compile(
    r"(?:[\w-]+\.)+(?:com|org|net|edu|gov|io|co|uk|de|fr|ru|ua|info|biz|app|dev|ai|me|tv|us|eu|"
    r"ca|au|jp|cn|ly|gl|gg|html?|php|aspx?|jsp|txt|md|pdf|docx?|xlsx?|csv|json|xml|ya?ml|toml|"
    r"py|js|ts|css|png|jpe?g|gif|svg|zip|gz|exe|sh)(?::\d+)?(?:/\S*)?"
)


_NON_SPACE = re.compile(r"\S*")
#: (a search for ``\n`` or ``:``, or ``in`` for one rare character first: ``in`` for two or
#: more characters costs a pass of its own over news text)
_INDENTED = re.compile("\n(?:    |\t)")
_DOUBLE_COLON = re.compile("::")


def _token_start(text: str, i: int) -> int:
    """Start of the run of non-space characters that ends at ``i`` (looking 300 back).

    >>> _token_start("see www.x.org", 7), _token_start("a\\nb.c", 3)
    (4, 2)
    """
    lo = max(0, i - 300)
    a = max(text.rfind(" ", lo, i), text.rfind("\n", lo, i), text.rfind("\t", lo, i)) + 1
    a = max(a, lo)
    while a < i and text[a].isspace():
        a += 1
    return a


def _candidates(text: str) -> list[int]:
    """The start offsets of :data:`_CANDIDATE`'s matches, in order. No match of one
    alternative can hold the first character of another, so its matches are those of the
    alternatives together; ``@``, ``#`` and ``:`` are looked for with ``in`` first.

    >>> t = "a.b c@d #x .. http://e.f #"
    >>> _candidates(t) == [m.start() for m in _CANDIDATE.finditer(t)]
    True
    """
    starts = list(map(re.Match.start, _DOT_LOWER.finditer(text)))
    more = len(starts)
    if "@" in text:
        starts += map(re.Match.start, _AT.finditer(text))
    if "#" in text:
        starts += map(re.Match.start, _HASH_WORD.finditer(text))
    if ":" in text:  # one character: memchr, where "://" costs a search of its own
        starts += map(re.Match.start, _SCHEME.finditer(text))
    if len(starts) > more:
        starts.sort()
    return starts


def _non_prose(text: str) -> list[tuple[int, int]]:
    """Tokens that are URLs, e-mail addresses, domains or file names, @handles or #hashtags.

    >>> t = "Mail bob@example.org, see https://x.org/a_(b). or example.com/page. #tagOne @who"
    >>> [t[a:b] for a, b in _non_prose(t)]
    ['bob@example.org', 'https://x.org/a_(b)', 'example.com/page', '#tagOne', '@who']
    """
    out: list[tuple[int, int]] = []
    last_end = -1
    n = len(text)
    for i in _candidates(text):
        if i < last_end:
            continue
        a = _token_start(text, i)
        b = _NON_SPACE.match(text, i).end() if not text[i].isspace() else i
        last_end = b
        while a < b and text[a] in _STRIP and text[a] not in "@#":
            a += 1
        token = text[a:b]
        # each pattern only where the characters it needs are (a scheme's ":", the "w."
        # of "www.", an "@", a leading "@" or "#")
        url = _URL.search(token) if ":" in token or "w." in token or "W." in token else None
        if url:
            a += url.start()
            token = text[a:b]
            while token and token[-1] in _STRIP and not (token[-1] == ")" and "(" in token):
                token = token[:-1]
            out.append((a, a + len(token)))
            continue
        for pat in (_EMAIL, _HANDLE, _DOMAIN):
            if pat is _EMAIL:
                hit = pat.search(token) if "@" in token else None
            elif pat is _HANDLE:
                hit = pat.match(token) if token[:1] in ("@", "#") else None
            else:
                hit = pat.match(token)
            if hit and (pat is not _DOMAIN or hit.end() == len(token.rstrip(_STRIP)) or "/" in hit.group()):
                end = hit.end()
                while end > hit.start() and token[end - 1] in ".,;:!?)":
                    end -= 1
                out.append((a + hit.start(), a + end))
                break
    return out


class Spans:
    """Sorted, merged ``(start, end)`` intervals with a membership test.

    >>> s = Spans([(5, 9), (0, 2), (8, 12)])
    >>> s.intervals, s.covers(1), s.covers(2), s.covers(11), s.overlaps(2, 5), s.overlaps(2, 6)
    ([(0, 2), (5, 12)], True, False, True, False, True)
    """

    def __init__(self, intervals):
        merged: list[tuple[int, int]] = []
        for a, b in sorted(intervals):
            if merged and a <= merged[-1][1]:
                if b > merged[-1][1]:
                    merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        self.intervals = merged
        self._starts = [a for a, _ in merged]

    def __bool__(self) -> bool:
        return bool(self.intervals)

    def covers(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self.intervals[i][1]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any interval meets ``[start, end)``."""
        i = bisect.bisect_right(self._starts, max(start, end - 1)) - 1
        while i >= 0:
            a, b = self.intervals[i]
            if b <= start:
                return False
            if a < end:
                return True
            i -= 1
        return False


def markdown_code(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks and inline code spans of Markdown text.

    >>> t = "a `x''y` b\\n```\\nq''\\n```\\nc"
    >>> [t[a:b] for a, b in sorted(markdown_code(t))]
    ["`x''y`", "```\\nq''\\n```"]
    """
    out: list[tuple[int, int]] = []
    if ("`" in text and "```" in text) or ("~" in text and "~~~" in text):
        fence_start, marker = None, ""
        for m in _FENCE.finditer(text):
            tick = m.group(1)
            if fence_start is None:
                fence_start, marker = m.start(), tick
            elif tick[0] == marker[0] and len(tick) >= len(marker) and not m.group(0).strip()[len(tick):]:
                out.append((fence_start, m.end()))
                fence_start = None
        if fence_start is not None:
            out.append((fence_start, len(text)))
    if "`" in text:
        blocks = Spans(out)
        for m in _CODE_SPAN.finditer(text):
            if not blocks.covers(m.start()):
                out.append(m.span())
    return out


def markdown_indented_code(doc: Document) -> list[tuple[int, int]]:
    """Indented code blocks (four spaces or a tab after a blank line) of a Markdown document."""
    out: list[tuple[int, int]] = []
    text = doc.text
    if not (text.startswith(("    ", "\t")) or _INDENTED.search(text)):
        return out  # no indented line at all
    prev_blank, in_block = True, False
    for i, line in enumerate(doc.lines):
        blank = not line.strip()
        indented = line.startswith(("    ", "\t"))
        if not blank and indented and (prev_blank or in_block):
            in_block = True
            out.append(doc.line_span(i))
        elif not blank:
            in_block = False
        prev_blank = blank
    return out


def rst_literals(doc: Document) -> list[tuple[int, int]]:
    """Inline ``literals`` and the indented literal blocks after a ``::`` line."""
    text = doc.text
    out = [m.span() for m in _RST_LITERAL.finditer(text)] if "`" in text and "``" in text else []
    if _DOUBLE_COLON.search(text):
        in_block = False
        for i, line in enumerate(doc.lines):
            if in_block:
                if line.strip() and not line[:1].isspace():
                    in_block = False
                else:
                    out.append(doc.line_span(i))
                    continue
            if line.rstrip().endswith("::"):
                in_block = True
    return out


def _compute(doc: Document) -> Spans:
    text = doc.text
    spans: list[tuple[int, int]] = []
    if doc.kind == "markdown":
        front = _FRONT_MATTER.match(text)
        if front:
            spans.append(front.span())
        spans += markdown_code(text)
        spans += markdown_indented_code(doc)
        if "<" in text:
            spans += [m.span() for m in _HTML_TAG.finditer(text)]
        if "]" in text and "](" in text:
            spans += [m.span() for m in _MD_LINK_TARGET.finditer(text)]
    elif doc.kind == "rst":
        spans += rst_literals(doc)
    spans += _non_prose(text)
    return Spans(spans)


def protected(doc: Document) -> Spans:
    """The protected spans of ``doc``, computed once per document text.

    >>> doc = Document.from_text("See www.example.com/a.b and `x''` @who #tagOne", path="a.md")
    >>> [doc.text[a:b] for a, b in protected(doc).intervals]
    ['www.example.com/a.b', "`x''`", '@who', '#tagOne']
    >>> doc = Document.from_text('---\\ntitle: "Its"\\n---\\nText', path="a.md")
    >>> [doc.text[a:b] for a, b in protected(doc).intervals]
    ['---\\ntitle: "Its"\\n---\\n']
    """
    return per_text(doc, "typography.protected", _compute)
