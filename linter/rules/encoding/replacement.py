"""E401: U+FFFD replacement characters."""

from __future__ import annotations

import re
from typing import Iterable

from linter.core.document import Document
from linter.core.findings import Finding
from linter.core.rule import Context, Rule
from linter.rules.encoding import census as _census

REPLACEMENT = re.compile("\ufffd+")
_MINE = frozenset(_census.REPLACEMENT)


class ReplacementCharacter(Rule):
    """Checks for U+FFFD replacement characters (�).

    ## What it does
    Reports each run of U+FFFD, the character a decoder writes in place of bytes it could
    not decode.

    ## Why is this bad?
    The original characters are gone: the text was decoded with the wrong encoding (or the
    bytes were cut or damaged) and the decoder threw the bytes away. Readers see "�" where a
    letter, a quote or a dash was.

    ## Example
        The caf� opens at 9.

    The fix is to go back to the source: decode the original bytes with the right encoding
    (`texthygiene fix --convert-encoding` for a file in a legacy encoding), or restore the
    word by hand:

        The café opens at 9.

    ## Fix safety
    No fix: the lost characters cannot be known from the text.
    """

    code = "E401"
    gate = _census.CharGate(_census.REPLACEMENT)
    name = "replacement-character"
    summary = "U+FFFD replacement character: data lost at decoding"
    fix_safety = "none"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        text = doc.text
        if not _census.has_any(doc, _MINE):
            return
        for m in REPLACEMENT.finditer(text):
            n = len(m.group())
            what = "U+FFFD replacement character" if n == 1 else f"{n} U+FFFD replacement characters"
            yield self.finding(m.start(), m.end(),
                               f"{what}: the original text was lost when it was decoded with "
                               "the wrong encoding; restore it from the source")
