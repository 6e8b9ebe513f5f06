"""E201, E202: HTML character references left in text."""

from __future__ import annotations

import html
import re
from typing import Iterable

from linter.core.document import Document
from linter.core.findings import Edit, Finding, Fix
from linter.core.rule import Context, Rule
from linter.rules.encoding.display import show

_BODY = r"#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31}"
ENTITY = re.compile(rf"&(?:{_BODY});")
DOUBLE = re.compile(rf"&amp;(?:amp;)*(?:{_BODY});")
_TAIL = re.compile(rf"(?:amp;)*(?:{_BODY});")
#: A line that talks about entities or escaping: there an entity may be the subject.
MENTION = re.compile(r"\b(?:entit(?:y|ies)|HTML|escap\w*|unescap\w*|markup)\b", re.I)
_WRAPS = {"`": "`", '"': '"', "'": "'", "“": "”", "‘": "’", "«": "»"}


def decode(entity: str) -> str | None:
    """The text a character reference stands for, or None when it is not a known one.

    >>> decode("&#8217;"), decode("&nbsp;"), decode("&amp;"), decode("&bogus;"), decode("&#0;")
    ('’', '\\xa0', '&', None, None)
    """
    value = html.unescape(entity)
    if value == entity or value == "\ufffd" or not value:
        return None
    return value


def unwrap(double: str) -> str:
    """The single entity inside a double (or triple...) escaped one.

    >>> unwrap("&amp;#8217;"), unwrap("&amp;amp;"), unwrap("&amp;amp;amp;quot;")
    ('&#8217;', '&amp;', '&quot;')
    """
    rest = double[len("&amp;"):]
    while rest.startswith("amp;") and _TAIL.fullmatch(rest[4:]):
        rest = rest[4:]
    return "&" + rest


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is wrapped in backticks or quotes: a mention, not debris."""
    if start == 0 or end >= len(text):
        return False
    opener = text[start - 1]
    return opener in _WRAPS and text[end] == _WRAPS[opener]


def _line_of(text: str, pos: int) -> str:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return text[a: len(text) if b == -1 else b]


class HtmlEntity(Rule):
    """Checks for HTML character references left in plain text.

    ## What it does
    Finds entities such as `&amp;`, `&#8217;`, `&#x2019;` or `&nbsp;` in plain-text (and
    reStructuredText) files, where nothing will ever decode them, and replaces each with the
    character it stands for. Markdown files are left alone (entities are valid markup there;
    see E202 for the double-escaped ones). An entity wrapped in backticks or quotes is a
    mention and is not reported.

    ## Why is this bad?
    A scraper that took the HTML source instead of the rendered text leaves `&#8217;` where
    the reader should see `’`. The text becomes harder to read and to search.

    ## Example
        Tom&#8217;s fish &amp; chips, open 9&nbsp;am.

    Use instead:

        Tom’s fish & chips, open 9 am.

    (with a no-break space between 9 and am, as `&nbsp;` meant).

    ## Fix safety
    Safe: the entity is replaced by exactly the character HTML would show. Unsafe on a line
    that talks about HTML, entities or escaping, where the entity may be the subject.
    """

    code = "E201"
    repairs_text = True
    name = "html-entity"
    summary = "HTML entity left in plain text"
    fix_safety = "sometimes"
    kinds = ("text", "rst")
    gate = "&"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        text = doc.text
        if "&" not in text:
            return
        doubles = {m.start() for m in DOUBLE.finditer(text)}
        for m in ENTITY.finditer(text):
            if m.start() in doubles or _quoted(text, m.start(), m.end()):
                continue
            value = decode(m.group())
            if value is None:
                continue
            maker = Fix.unsafe if MENTION.search(_line_of(text, m.start())) else Fix.safe
            message = f"HTML entity '{m.group()}' in plain text: it stands for '{show(value)}'"
            yield self.finding(m.start(), m.end(), message,
                               maker(f"Replace with '{show(value)}'", Edit(m.start(), m.end(), value)))


class DoubleEscapedEntity(Rule):
    """Checks for HTML entities escaped twice, such as `&amp;#8217;`.

    ## What it does
    Finds character references whose ampersand was itself escaped (`&amp;#8217;`,
    `&amp;quot;`, `&amp;amp;`), in every kind of file. In plain text the fix gives the
    character (`’`); in Markdown it gives the single entity (`&#8217;`), which is valid markup.

    ## Why is this bad?
    Double escaping shows the entity itself to the reader ("it&#8217;s") even where entities
    are rendered: a sure sign that the text went through an HTML escaper twice.

    ## Example
        It&amp;#8217;s a &amp;quot;deal&amp;quot;.

    Use instead (plain text):

        It’s a "deal".

    ## Fix safety
    Safe, except on a line that talks about HTML, entities or escaping (unsafe there).
    """

    code = "E202"
    repairs_text = True
    name = "double-escaped-entity"
    summary = "HTML entity escaped twice"
    fix_safety = "sometimes"
    gate = "&"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        text = doc.text
        if "&amp;" not in text:
            return
        for m in DOUBLE.finditer(text):
            if _quoted(text, m.start(), m.end()):
                continue
            single = unwrap(m.group())
            value = decode(single)
            if value is None:
                continue
            repl = single if doc.kind == "markdown" else value
            maker = Fix.unsafe if MENTION.search(_line_of(text, m.start())) else Fix.safe
            message = (f"HTML entity escaped twice: '{m.group()}' stands for "
                       f"'{show(value)}'")
            yield self.finding(m.start(), m.end(), message,
                               maker(f"Replace with '{show(repl)}'", Edit(m.start(), m.end(), repl)))
