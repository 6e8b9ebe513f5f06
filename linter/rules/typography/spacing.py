"""Spaces: a missing space after a full stop, doubled spaces between words, trailing whitespace."""

from __future__ import annotations

import re
from itertools import repeat
from typing import Iterable

from linter.core.document import Document
from linter.core.findings import Edit, Fix
from linter.core.rule import Context, Rule, TextGate
from linter.rules.typography.joins import gate as joins_gate
from linter.rules.typography.joins import joins
from linter.rules.typography.protect import protected

_LOWER = "a-zß-öø-ÿ"
_UPPER = "A-ZÀ-ÖØ-Þ"
#: a capital right after sentence punctuation (and maybe a closing quote) that follows a
#: lowercase letter: the scan starts on the rare punctuation character
_GLUED = re.compile(f"[.!?](?<=[{_LOWER}][.!?])([\"”’)]?)([{_UPPER}][{_LOWER}]+)")
#: abbreviations after which a capital may follow a full stop without a space
ABBREVIATIONS = frozenset(
    "e.g i.e etc vs cf approx incl al viz ca resp esp".split())
#: domain endings written capitalised in running text (Booking.Com, Dropbox.Tech)
_DOMAIN_WORDS = frozenset(
    "com net org tech io co info biz gov edu app dev news online de fr nl pl ru uk es ca au "
    "jp cn eu tv ly gg".split())


class MissingSpaceAfterPunctuation(Rule):
    """A sentence runs into the next without a space: ``end.Next``.

    ## What it does
    Finds a full stop, question mark or exclamation mark (with an optional closing quote or
    parenthesis) between a lowercase letter and a capitalised word, and inserts a space.

    ## Why is this bad?
    Extraction that joins blocks (a caption's "Credit" line, a teaser) or careless editing
    glues two sentences together; tokenisers then see one nonsense word.

    ## Example
    ```text
    The talks ended later.Ezra Klein was there.
    ```
    Use instead:
    ```text
    The talks ended later. Ezra Klein was there.
    ```

    ## Fix safety
    Unsafe: a dot between letters is also part of names and code. Left alone:
    abbreviations (``e.g.``, ``i.e.``, ``U.S.``, initials such as ``J.R.R.Tolkien``:
    a capital before the dot), decimals (digits), ellipses, URLs, e-mail addresses,
    domains and file names (``example.com``, ``Booking.Com``), dotted names with several
    dots (``java.util.List``), code (``exports.Cow = Cow;``, ``Math.Max(``), and code
    spans and blocks.
    """

    code = "P301"
    gate = joins_gate("glued")
    name = "missing-space-after-punctuation"
    summary = "No space after a full stop, ? or ! before the next sentence (end.Next)"
    fix_safety = "unsafe"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        text = doc.text
        match = _GLUED.match
        hits = [m for m in map(match, repeat(text), joins(doc).glued) if m is not None]
        if not hits:
            return
        spans = None  # protected spans: only once a place passes the cheap tests
        n = len(text)
        for m in hits:
            p = m.start()
            a = p
            while a > 0 and not text[a - 1].isspace():
                a -= 1
            b = m.end()
            while b < n and not text[b].isspace():
                b += 1
            left = text[a:p].lstrip("\"'“‘([{*_")
            token = text[a:b]
            if left.lower() in ABBREVIATIONS or "." in left or "/" in token or "@" in token:
                continue
            if m.group(2).lower() in _DOMAIN_WORDS or any(c in token for c in "(=_<>{}[]\\;"):
                continue
            if text[b:b + 3].lstrip(" ")[:1] in ("=", "("):
                continue
            core = token.rstrip(".,;:!?\"”’)")
            if sum(core.count(c) for c in ".!?") > 1:
                continue
            if spans is None:
                spans = protected(doc)
            if spans.covers(p):
                continue
            ins = m.start(2)
            mark = text[p:ins]
            yield self.finding(
                p, ins + len(m.group(2)),
                f"Missing space after {mark!r} before {m.group(2)!r}",
                Fix.unsafe(f"Insert a space after {mark!r}", Edit(ins, ins, " ")))


_LIST_MARKER = re.compile(r"[*+\-•·o>#]+|\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?(?:[A-Za-z]|[ivxlcIVXLC]{1,5})[.)]")


class DoubledSpace(Rule):
    """Two spaces between two words inside a sentence: ``the  cat``.

    ## What it does
    Finds exactly two spaces between two words (letters, digits, or a comma or semicolon
    before the second word) and replaces them with one.

    ## Why is this bad?
    A doubled space inside a sentence is a typing or extraction slip (a deleted word, a
    joined line). It breaks phrase search and exact matching against other copies.

    ## Example
    ```text
    The  minister said that the talks had ended.
    ```
    Use instead:
    ```text
    The minister said that the talks had ended.
    ```

    ## Fix safety
    Safe: removing one of two spaces between words changes nothing else. Not reported:
    indentation, two spaces after a full stop, colon, ``?`` or ``!`` (the typewriter
    convention of RFCs and older texts), runs of three or more spaces (column alignment
    in plain-text tables and ASCII art), lines that are table rows (holding ``|`` or a
    tab), list markers (``1.  Introduction``, ``*  item``), spaces next to Chinese,
    Japanese or Korean characters, and code spans and blocks.
    """

    code = "P302"
    name = "doubled-space"
    summary = "Two spaces between two words (the  cat → the cat)"
    fix_safety = "safe"
    gate = "  "

    #: exactly two spaces between two non-space characters (literal first: a fast scan)
    _PAT = re.compile(r"  (?=\S)(?<=\S  )")

    def check(self, doc: Document, ctx: Context) -> Iterable:
        text = doc.text
        spans = None
        n = len(text)
        for m in self._PAT.finditer(text):
            s, e = m.span()
            before, after = text[s - 1], text[e]
            if not (before.isalnum() or before in ",;") or not after.isalnum():
                continue
            if before >= "\u2e80" or after >= "\u2e80":      # CJK text spaces phrases freely
                continue
            line_start = text.rfind("\n", 0, s) + 1
            line_end = text.find("\n", e)
            line = text[line_start: n if line_end == -1 else line_end]
            if "|" in line or "\t" in line or self._list_marker(text[line_start:s]):
                continue
            if spans is None:
                spans = protected(doc)
            if spans.covers(s):
                continue
            yield self.finding(s, e, "Two spaces between words: use one",
                               Fix.safe("Replace with one space", Edit(s, e, " ")))

    @staticmethod
    def _list_marker(head: str) -> bool:
        """Whether ``head`` (the line up to the spaces) is only a list marker or a number.

        >>> DoubledSpace._list_marker("1."), DoubledSpace._list_marker("   2.3"), DoubledSpace._list_marker("The")
        (True, True, False)
        """
        stripped = head.strip()
        return not stripped or bool(_LIST_MARKER.fullmatch(stripped))


#: a line end after a space or tab (the scan looks for the rare ``\n`` first)
_END = re.compile(r"\n(?<=[ \t]\n)")


def _trailing(text: str) -> bool:
    r"""Whether a line of ``text`` ends in a space or a tab (P303's gate).

    >>> _trailing("a \nb"), _trailing("a\nb\t"), _trailing("a\n \n"[:-1]), _trailing("a\nb")
    (True, True, True, False)
    """
    return _END.search(text) is not None or text.endswith((" ", "\t"))


class TrailingWhitespace(Rule):
    """Spaces or tabs at the end of a line.

    ## What it does
    Finds spaces and tabs before the end of a line (and lines holding nothing but
    whitespace) and removes them.

    ## Why is this bad?
    Trailing whitespace is invisible, makes diffs noisy and differs between copies of the
    same text; scraped text is full of it.

    ## Example
    ```text
    The talks will resume on Friday.␠␠␠
    ```
    Use instead:
    ```text
    The talks will resume on Friday.
    ```

    ## Fix safety
    Safe. In Markdown, two or more spaces at the end of a line followed by another line of
    the same paragraph are a hard line break and are kept (as pre-commit's
    ``--markdown-linebreak-ext`` does).
    """

    code = "P303"
    name = "trailing-whitespace"
    summary = "Spaces or tabs at the end of a line"
    fix_safety = "safe"

    _END = _END
    gate = TextGate(_trailing)

    def check(self, doc: Document, ctx: Context) -> Iterable:
        text = doc.text
        ends = [m.start() for m in self._END.finditer(text)]  # a fast scan: no "in" tests first
        if text.endswith((" ", "\t")):
            ends.append(len(text))
        markdown = doc.kind == "markdown"
        for e in ends:
            s = e
            while s > 0 and text[s - 1] in " \t":
                s -= 1
            blank = s == 0 or text[s - 1] == "\n"
            if markdown and not blank and text[s:e].endswith("  ") and "\t" not in text[s:e]:
                nxt_end = text.find("\n", e + 1)
                nxt = text[e + 1: len(text) if nxt_end == -1 else nxt_end]
                if e < len(text) and nxt.strip():
                    continue
            what = "Whitespace-only line" if blank else "Trailing whitespace"
            yield self.finding(s, e, f"{what}: remove it",
                               Fix.safe("Remove trailing whitespace", Edit(s, e, "")))
