"""E301: control characters in text."""

from __future__ import annotations

import re
from typing import Iterable

from linter.core.document import Document
from linter.core.findings import Edit, Finding, Fix
from linter.core.rule import Context, Rule
from linter.rules.encoding import census as _census

#: ANSI terminal escapes first (removed whole), then C0 controls other than tab and newline,
#: DEL, and the five C1 controls that Windows-1252 leaves undefined (the other C1 controls
#: are Windows-1252 characters read as Latin-1: E101 repairs them).
ANY_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x81\x8d\x8f\x90\x9d]")  # fast gate
#: Controls that stood for a line or page break (vertical tab, form feed, carriage return).
BREAKS = "\x0b\x0c\r"

_MINE = frozenset(_census.CONTROLS)
ESCAPE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


def _controls(text: str):
    """Matches of control characters, a terminal escape sequence as one match."""
    skip = -1
    for m in ANY_CONTROL.finditer(text):
        if m.start() < skip:
            continue
        if m.group() == "\x1b":
            esc = ESCAPE.match(text, m.start())
            if esc:
                skip = esc.end()
                yield esc
                continue
        yield m


NAMES = {"\x00": "NUL", "\x07": "BEL", "\x08": "backspace", "\x0b": "vertical tab",
         "\x0c": "form feed", "\r": "carriage return", "\x1b": "escape", "\x7f": "DEL"}


def describe(ch: str) -> str:
    """A name for a control character.

    >>> describe("\\x0c"), describe("\\x01"), describe("\\x9d")
    ('form feed (U+000C)', 'control character U+0001', 'C1 control character U+009D')
    """
    if ch in NAMES:
        return f"{NAMES[ch]} (U+{ord(ch):04X})"
    kind = "C1 control character" if "\x80" <= ch <= "\x9f" else "control character"
    return f"{kind} U+{ord(ch):04X}"


class ControlCharacter(Rule):
    """Checks for control characters in text.

    ## What it does
    Finds C0 control characters other than tab and newline (NUL, BEL, backspace, vertical
    tab, form feed, a lone carriage return, ...), DEL, C1 controls that no encoding gives a
    meaning to, and ANSI terminal escape sequences ("\\x1b[31m").

    ## Why is this bad?
    They are invisible or render as boxes, break tokenisers and JSON exports, and come from
    copy-and-paste out of terminals, PDFs and word processors (Word writes a vertical tab
    for a manual line break).

    ## Example
        Revenue rose 4%\\x0bin the third quarter.\\x07

    Use instead:

        Revenue rose 4%
        in the third quarter.

    ## Fix safety
    Removing a control character or a terminal escape is safe: nothing visible is lost.
    Turning a vertical tab, form feed or lone carriage return into a line break is unsafe,
    as is removing a control character that sits between two letters (the words may have
    been meant apart).
    """

    code = "E301"
    gate = _census.CharGate(_census.CONTROLS)
    name = "control-character"
    summary = "Control character in text"
    fix_safety = "sometimes"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        text = doc.text
        if not _census.has_any(doc, _MINE):
            return
        for m in _controls(text):
            s, e = m.span()
            ch = m.group()
            if len(ch) > 1:
                yield self.finding(s, e, f"ANSI terminal escape sequence {ch[1:]!r}",
                                   Fix.safe("Remove the escape sequence", Edit(s, e, "")))
            elif ch in BREAKS:
                yield self.finding(s, e, f"{describe(ch)}: a line break in disguise",
                                   Fix.unsafe("Replace with a line break", Edit(s, e, "\n")))
            else:
                between = 0 < s and e < len(text) and text[s - 1].isalpha() and text[e].isalpha()
                maker = Fix.unsafe if between else Fix.safe
                yield self.finding(s, e, f"{describe(ch)} in text",
                                   maker("Remove the control character", Edit(s, e, "")))
