"""Quotation marks: doubled single quotes standing for a double quote, and mixed quote styles."""

from __future__ import annotations

import re
from typing import Iterable

from linter.core.lazy import regex

from linter.core.document import Document, per_text
from linter.core.findings import Edit, Fix
from linter.core.rule import Context, Option, Rule, TextGate
from linter.rules.encoding import census as _census
from linter.rules.encoding.census import rare_of
from linter.rules.typography.protect import protected

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

    Marks right after a digit (feet and inches: 5'10") and runs of two or more ``'`` do not
    count.

    >>> style_counts(Document.from_text("It's “fine”, 5'10\\" tall `'x'` ''", path="a.md"))
    (1, 2)
    """
    text = doc.text
    straight = text.count("'") + text.count('"')
    curly = sum(text.count(c) for c in CURLY)
    if not straight and not curly:
        return 0, 0
    spans = protected(doc)
    for a, b in spans.intervals:
        for mark in _QUOTE_MARK.findall(text, a, b):
            if mark in STRAIGHT:
                straight -= 1
            else:
                curly -= 1
    for pat in (_AFTER_DIGIT, _APOSTROPHE_RUN):
        for m in pat.finditer(text):
            for i in range(m.start() + (pat is _AFTER_DIGIT), m.end()):
                if not spans.covers(i):
                    if text[i] in STRAIGHT:
                        straight -= 1
                    else:
                        curly -= 1
    return straight, curly


_QUOTE_MARK = re.compile(r"[\"'“”‘’„‚]")
_AFTER_DIGIT = re.compile(r"[0-9](?:(?!'')['\"“”‘’„‚])")
_APOSTROPHE_RUN = re.compile(r"''+")


def _style(doc: Document, ctx: Context) -> tuple[int, int]:
    return per_text(doc, "typography.style", style_counts)


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
    the end of the line) or opening (after a space, before a word) pair. Unsafe when a
    single quotation is open on the line, so that ``’’`` may close two nested single
    quotations or follow a possessive (``‘the Joneses’’``), or when the marks point the
    wrong way (``’’Hello”``). Doubled marks between two letters are
    transliteration marks (``ob’’ekt`` for Russian ``ъ``) and are never reported, nor are
    marks after a digit (``12’’`` inches) or runs of three or more.
    """

    code = "P101"
    name = "doubled-curly-quote"
    summary = "Two single curly quotes used as a double quote (’’ → ”, ‘‘ → “)"
    fix_safety = "sometimes"

    _PAT = regex.compile(r"(?<![’‘'])(’’|‘‘)(?![’‘'])")
    gate = TextGate(lambda text: _doubled_curly(_census._made(text)[1]))

    def check(self, doc: Document, ctx: Context) -> Iterable:
        text = doc.text
        if not _doubled_curly(rare_of(doc)):
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
            opening_shape = before in _OPEN_CONTEXT and (after.isalnum() or after in "‘'(…")
            if m.group() == "’’":
                if closing_shape:
                    line_start, _ = _line_bounds(text, s)
                    nested = _unclosed_single(text[line_start:s])
                    yield self._report(s, e, "”", "closing", safe=not nested)
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


def _doubled_curly(runs: str) -> bool:
    """Whether the rare runs of a text (:func:`linter.rules.encoding.census.rare`) hold two
    single curly quotes side by side: then the text does.

    >>> _doubled_curly("“ ’’"), _doubled_curly("’ ’")
    (True, False)
    """
    return "’’" in runs or "‘‘" in runs


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

    _PAT = re.compile(r"''+|``+|,,+")
    _OPENERS = "\"“„«"
    gate = TextGate(lambda text: _any_doubled(text))

    def check(self, doc: Document, ctx: Context) -> Iterable:
        text = doc.text
        if not _any_doubled(text):
            return
        spans = protected(doc)
        for m in self._PAT.finditer(text):
            s, e = m.span()
            mark = m.group()
            if e - s != 2 or spans.covers(s) or (mark == "``" and doc.kind != "text"):
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


_DOUBLED = (re.compile("''"), re.compile(",,"), re.compile("``"))


def _any_doubled(text: str) -> bool:
    """Whether ``text`` holds ``''``, ``,,`` or a double backtick (a compiled literal search
    runs twice as fast as ``in``; a lone ``'`` or backtick is looked for first, in C).

    >>> _any_doubled("it's, ok"), _any_doubled("so,, then"), _any_doubled("``x``")
    (False, True, True)
    """
    apostrophe, comma, backtick = _DOUBLED
    return (("'" in text and apostrophe.search(text) is not None)
            or comma.search(text) is not None
            or ("`" in text and backtick.search(text) is not None))


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


_HEBREW = regex.compile(r"\p{Hebrew}")
_STRAIGHT_MARK = re.compile(r"[\"']")
_CURLY_MARK = re.compile(r"[“”‘’„‚]")


class MixedQuoteStyle(Rule):
    """Straight and curly quotation marks mixed in one file.

    ## What it does
    Counts the straight (``"``, ``'``) and the curly (``“ ” ‘ ’ „ ‚``) quotation marks and
    apostrophes of a file, outside code spans and blocks, URLs and the like, and reports
    every mark of the minority style, with a fix toward the majority style.

    ## Why is this bad?
    A file that mixes styles was pasted together from several sources or half-converted by
    an editor. Searching for a quotation or a word with an apostrophe (``don't`` against
    ``don’t``) then misses some occurrences, and the text looks careless.

    ## Example
    ```text
    “We’re sharing the information,” Blinken said. "It's ongoing."
    ```
    Use instead:
    ```text
    “We’re sharing the information,” Blinken said. “It’s ongoing.”
    ```

    ## Fix safety
    Unsafe: whether a straight mark opens or closes a quotation, or is an apostrophe, is
    judged from the characters around it, and the file's majority may be the wrong style.
    Toward curly quotes, the file's own curly forms are used (``„…“`` in a German file).
    A mark whose role is unclear (between two spaces) is reported without a fix. Marks
    after a digit (feet and inches, ``5'10"``), ``"`` between two letters and marks next
    to Hebrew letters (geresh and gershayim) are not counted; a tie reports nothing.

    ## Options
    - ``typography.max-minority`` (default 0.1): a file whose minority style is a larger
      share of its marks than this is taken as deliberately mixed (code samples with
      straight quotes in curly prose) and not reported; 0.5 reports every mixed file.

    Not selected by default: a third of the clean articles of the development corpus mix
    styles (captions, quotations pasted from other sources), so the rule is noisy on
    real text. Select it with ``extend-select = ["P110"]``.
    """

    code = "P110"
    name = "mixed-quote-style"
    summary = "Straight and curly quotes mixed in one file (fix toward the majority)"
    fix_safety = "unsafe"
    default = False
    section = "typography"
    options = (Option("max-minority", (int, float), 0.1,
                      "report only files whose minority style is at most this share of marks"),)

    def check(self, doc: Document, ctx: Context) -> Iterable:
        straight, curly = _style(doc, ctx)
        if not straight or not curly or straight == curly:
            return
        limit = ctx.option("typography", "max-minority", 0.1)
        if min(straight, curly) > limit * (straight + curly):
            return
        to_curly = curly > straight
        text = doc.text
        spans = protected(doc)
        minority = _STRAIGHT_MARK if to_curly else _CURLY_MARK
        forms = _curly_forms(text) if to_curly else None
        total = max(straight, curly)
        for m in minority.finditer(text):
            mark = m.group()
            s = m.start()
            if spans.covers(s) or (mark == "'" and "''" in text[max(0, s - 1):s + 2]):
                continue
            before, after = _around(text, s, s + 1)
            if before.isdigit():
                continue
            if to_curly:
                if _HEBREW.match(before) or _HEBREW.match(after):
                    continue
                if mark == '"' and before.isalpha() and after.isalpha():
                    continue
                new = _to_curly(text, s, mark, before, after, forms)
            else:
                new = "'" if mark in "‘’‚" else '"'
            style = "curly" if to_curly else "straight"
            msg = (f"{'Straight' if to_curly else 'Curly'} quote {mark} in a file of {style} "
                   f"quotes ({total} of {straight + curly})")
            fix = Fix.unsafe(f"Replace with {new}", Edit(s, s + 1, new)) if new else None
            yield self.finding(s, s + 1, msg, fix)


def _curly_forms(text: str) -> dict[str, str]:
    """The curly marks a file uses: opening/closing double and single quotes.

    >>> _curly_forms("„Ja“, sagte er.")["close2"], _curly_forms("“Yes”")["open2"]
    ('“', '“')
    """
    if "„" in text:
        open2, close2 = "„", ("“" if text.count("“") >= text.count("”") else "”")
    else:
        open2, close2 = "“", "”"
    if "‚" in text:
        open1, close1 = "‚", "‘"
    else:
        open1, close1 = "‘", "’"
    return {"open2": open2, "close2": close2, "open1": open1, "close1": close1}


def _to_curly(text: str, s: int, mark: str, before: str, after: str, forms: dict) -> str | None:
    """The curly form of the straight ``mark`` at ``s``, or None when its role is unclear.

    >>> f = _curly_forms("")
    >>> t = "It's 'fine' in the '90s, he said \\"so\\"."
    >>> [_to_curly(t, i, t[i], t[i - 1], t[i + 1], f) for i, c in enumerate(t) if c in "'\\""]
    ['’', '‘', '’', '’', '“', '”']
    """
    opens = before.isspace() or before in "([{<—–-/\n"
    closes = after.isspace() or after in ".,;:!?)]}—–…\n"
    if mark == '"':
        if opens and not closes:
            return forms["open2"]
        if closes and not opens:
            return forms["close2"]
        return None
    if opens and closes:
        return None
    if opens and after.isalpha():
        end = text.find("\n", s)
        rest = text[s + 1:end if end != -1 else len(text)]
        if _closing_single_in(rest):
            return forms["open1"]
    return "’"


def _closing_single_in(rest: str) -> bool:
    """Whether ``rest`` holds a straight ``'`` that closes a quotation (not an apostrophe)."""
    for m in regex.finditer(r"'", rest):
        i = m.start()
        before = rest[i - 1] if i else " "
        after = rest[i + 1] if i + 1 < len(rest) else " "
        if not before.isspace() and not after.isalpha():
            return True
    return False
