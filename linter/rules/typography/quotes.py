"""Quotation marks: doubled single quotes standing for a double quote, and mixed quote styles."""

from __future__ import annotations

from typing import Iterable

import regex

from linter.core.document import Document
from linter.core.findings import Edit, Fix
from linter.core.rule import Context, Rule
from linter.rules.typography.protect import memo, protected

CURLY = "“”‘’„‚"
STRAIGHT = "\"'"
_OPEN_CONTEXT = " \t\n([{<—–-/"
_CLOSE_AFTER = " \t\n.,;:!?)]}—–…"


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    """The characters just before ``start`` and just at ``end`` (``\\n`` outside the text)."""
    return (text[start - 1] if start > 0 else "\n", text[end] if end < len(text) else "\n")


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, (len(text) if end == -1 else end)


def style_counts(doc: Document) -> tuple[int, int]:
    """(straight, curly) quotation marks and apostrophes outside code, URLs and the like.

    Marks right after a digit (feet and inches: 5'10") do not count.

    >>> style_counts(Document.from_text("It's “fine”, 5'10\\" tall `'x'`", path="a.md"))
    (1, 2)
    """
    spans = protected(doc)
    straight = curly = 0
    for m in _QUOTE_MARK.finditer(doc.text):
        i = m.start()
        if spans.covers(i) or (i > 0 and doc.text[i - 1].isdigit()):
            continue
        if m.group() in STRAIGHT:
            straight += 1
        else:
            curly += 1
    return straight, curly


_QUOTE_MARK = regex.compile(r"(?<!')'(?!')|[\"“”‘’„‚]")


def _style(doc: Document, ctx: Context) -> tuple[int, int]:
    return memo(doc, "typography.style", style_counts)


class DoubledCurlyQuote(Rule):
    """Two single curly quotes (``’’`` or ``‘‘``) typed for one double quote.

    ## What it does
    Finds ``’’`` and ``‘‘`` used as a closing or opening double quotation mark, as in
    ``“… in Ukraine.’’``, and replaces them with ``”`` or ``“``.

    ## Why is this bad?
    Some publishing systems and typists build double quotes from two single ones. The text
    then holds a pair of marks that looks nearly right but breaks searching, quote matching
    and any later processing that pairs ``“`` with ``”``.

    ## Example
    ```text
    Scholz said that “everything will have to be discussed.’’
    ```
    Use instead:
    ```text
    Scholz said that “everything will have to be discussed.”
    ```

    ## Fix safety
    Safe when the marks are a plain closing (after a word or punctuation, before a space or
    the end of the line) or opening (after a space, before a word) pair. Unsafe when ``’’``
    could be an apostrophe followed by a closing single quote (``‘the Joneses’’``), or when
    the marks point the wrong way (``’’Hello”``). Doubled marks between two letters are
    transliteration marks (``ob’’ekt`` for Russian ``ъ``) and are never reported, nor are
    marks after a digit (``12’’`` inches) or runs of three or more.
    """

    code = "P101"
    name = "doubled-curly-quote"
    summary = "Two single curly quotes used as a double quote (’’ → ”, ‘‘ → “)"
    fix_safety = "sometimes"

    _PAT = regex.compile(r"(?<![’‘'])(’’|‘‘)(?![’‘'])")

    def check(self, doc: Document, ctx: Context) -> Iterable:
        text = doc.text
        if "’’" not in text and "‘‘" not in text:
            return
        spans = protected(doc)
        for m in self._PAT.finditer(text):
            s, e = m.span()
            if spans.covers(s):
                continue
            before, after = _around(text, s, e)
            if (_is_letter(before) and _is_letter(after)) or before.isdigit():
                continue
            closing_shape = not before.isspace() and (after in _CLOSE_AFTER or after == "\n")
            opening_shape = before in _OPEN_CONTEXT and not after.isspace()
            if m.group() == "’’":
                if closing_shape:
                    line_start, _ = _line_bounds(text, s)
                    possessive = before in "sSzZ" and _unclosed_single(text[line_start:s])
                    yield self._report(s, e, "”", "closing", safe=not possessive)
                elif opening_shape:
                    yield self._report(s, e, "“", "opening", safe=False)
            else:
                if opening_shape:
                    yield self._report(s, e, "“", "opening", safe=True)
                elif closing_shape:
                    yield self._report(s, e, "”", "closing", safe=False)

    def _report(self, s: int, e: int, new: str, role: str, safe: bool):
        msg = f"Doubled single quote used as {role} double quote: replace with {new}"
        make = Fix.safe if safe else Fix.unsafe
        return self.finding(s, e, msg, make(f"Replace with {new}", Edit(s, e, new)))


def _unclosed_single(prefix: str) -> bool:
    """Whether ``prefix`` opens a single quote it does not close (an apostrophe may follow).

    >>> _unclosed_single("‘I saw the Joneses"), _unclosed_single("“It is the boys"), _unclosed_single("‘a’ and the Joneses")
    (True, False, False)
    """
    depth = 0
    for i, ch in enumerate(prefix):
        if ch == "‘":
            depth += 1
        elif ch == "’" and depth and not (i + 1 < len(prefix) and prefix[i + 1].isalpha()):
            depth -= 1
    return depth > 0


class DoubledAsciiQuote(Rule):
    """Two apostrophes (``''``), two backticks or two commas (``,,``) typed for a double quote.

    ## What it does
    Finds ASCII stand-ins for double quotation marks in prose: ``''`` closing a quotation
    (``"It is over.''``), the TeX-style pair ````like this''``, and ``,,`` opening a German or
    Polish quotation (``,,so''``). Each mark is replaced with the double quote the file
    already uses: ``"`` in a file of straight quotes, ``“``/``”`` (or ``„`` for ``,,``) in a
    file of curly ones.

    ## Why is this bad?
    Two marks that look like one quotation mark break quote matching, search and the
    conversion to typographic quotes.

    ## Example
    ```text
    He said, "It is over.'' Then he left.
    ```
    Use instead:
    ```text
    He said, "It is over." Then he left.
    ```

    ## Fix safety
    Unsafe: ``''`` has other uses. Only marks with a partner on the same line are reported
    (an opening quote before a closing ``''``, a closing mark after an opening one), and
    never ``''`` between two letters (a transliteration of Russian ``ъ``: ``ob''ekt``), after
    a digit (``12''`` inches), between non-letters (an empty string: ``x = ''``), in runs of
    three or more (wiki bold), or inside code spans and blocks.
    """

    code = "P102"
    name = "doubled-ascii-quote"
    summary = "Two apostrophes, backticks or commas used as a double quote ('' ,, ``)"
    fix_safety = "unsafe"

    _PAT = regex.compile(r"(?<!')''(?!')|(?<!`)``(?!`)|(?<!,),,(?!,)")
    _OPENERS = "\"“„«"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        text = doc.text
        if "''" not in text and ",," not in text and "``" not in text:
            return
        spans = protected(doc)
        for m in self._PAT.finditer(text):
            s, e = m.span()
            mark = m.group()
            if spans.covers(s) or (mark == "``" and doc.kind != "text"):
                continue
            before, after = _around(text, s, e)
            if _is_letter(before) and _is_letter(after) or before.isdigit():
                continue
            line_start, line_end = _line_bounds(text, s)
            head, tail = text[line_start:s], text[e:line_end]
            opening = before in _OPEN_CONTEXT and (after.isalnum() or after in "…‘'")
            closing = (before.isalnum() or before in ".,;:!?…’'") and (after in _CLOSE_AFTER)
            if mark == "''" and closing and (("``" in head or "''" in head or ",," in head)
                                            or _odd_opening(head)):
                new, role = self._closing_for(head, doc, ctx), "closing"
            elif mark in ("''", "``") and opening and ("''" in tail or '"' in tail or "”" in tail):
                new, role = self._opening(doc, ctx), "opening"
            elif mark == ",," and opening and ("''" in tail or '"' in tail or "“" in tail or "”" in tail):
                new, role = ('"' if self._straight(doc, ctx) else "„"), "opening"
            else:
                continue
            yield self.finding(s, e, f"{mark} used as {role} double quote: replace with {new}",
                               Fix.unsafe(f"Replace with {new}", Edit(s, e, new)))

    def _curly(self, doc: Document, ctx: Context) -> bool:
        straight, curly = _style(doc, ctx)
        return curly > straight

    def _straight(self, doc: Document, ctx: Context) -> bool:
        straight, curly = _style(doc, ctx)
        return straight > curly

    def _opening(self, doc: Document, ctx: Context) -> str:
        return "“" if self._curly(doc, ctx) else '"'

    def _closing_for(self, head: str, doc: Document, ctx: Context) -> str:
        if ",," in head and not self._straight(doc, ctx):
            return "“"
        opener = next((ch for ch in reversed(head) if ch in "\"“„"), "")
        if opener == '"':
            return '"'
        if opener == "„":
            return "“"
        if opener == "“":
            return "”"
        return "”" if self._curly(doc, ctx) else '"'


def _odd_opening(head: str) -> bool:
    """Whether ``head`` leaves a double quotation open (an odd count of ``"``, or “/„ unclosed).

    >>> _odd_opening('He said, "It is over.'), _odd_opening('"a" and b'), _odd_opening('„So')
    (True, False, True)
    """
    if head.count('"') % 2:
        return True
    if "„" in head:
        return head.count("„") > head.count("“") + head.count("”")
    return head.count("“") > head.count("”")
