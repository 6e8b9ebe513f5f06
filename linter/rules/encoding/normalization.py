"""E501: decomposed Latin, Greek and Cyrillic letters (NFD where NFC exists)."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from linter.core.document import Document
from linter.core.findings import Edit, Finding, Fix
from linter.core.rule import Context, Rule
from linter.rules.encoding import census as _census
from linter.rules.encoding.display import show

#: Combining diacritical marks (U+0300-U+036F) are how Latin, Greek and Cyrillic letters
#: decompose. Marks of other scripts (Indic nukta, Hebrew points, Arabic harakat) are not
#: matched: NFC would reorder or rewrite text that is correct as written.
COMBINING = re.compile("[\u0300-\u036f]")
SEQUENCE = re.compile("[^\\W\\d_][\u0300-\u036f]+")
SCRIPTS = ("LATIN ", "GREEK ", "CYRILLIC ")
_MINE = frozenset(_census.COMBINING)


def composed(seq: str) -> str | None:
    """The NFC form of a decomposed Latin/Greek/Cyrillic letter, or None when there is none.

    >>> composed("e\\u0301"), composed("n\\u0308"), composed("\\u0438\\u0306")
    ('é', None, 'й')
    """
    if not unicodedata.name(seq[0], "").startswith(SCRIPTS):
        return None
    nfc = unicodedata.normalize("NFC", seq)
    return nfc if nfc != seq and len(nfc) < len(seq) else None


class DecomposedLetter(Rule):
    """Checks for letters written as a base letter plus combining accents.

    ## What it does
    Finds Latin, Greek and Cyrillic letters stored decomposed ("e" + U+0301 COMBINING ACUTE
    ACCENT) where a single precomposed letter exists ("é"), as macOS file names, some PDF
    extractors and some keyboards produce, and composes them (Unicode NFC). Letters with no
    precomposed form ("n̈") are left alone, and so is every other script: for Indic nukta
    letters and for Arabic and Hebrew marks NFC rewrites or reorders text that is correct
    as written.

    ## Why is this bad?
    The two forms look the same but compare different: "café" does not match "café" in
    search, deduplication, spell-checking or a names table.

    ## Example
        Cafe\\u0301 in Mu\\u0308nchen

    Use instead:

        Café in München

    ## Fix safety
    Safe: the two forms are canonically equivalent; only the stored code points change.
    """

    code = "E501"
    gate = _census.CharGate(_census.COMBINING)
    name = "decomposed-letter"
    summary = "Decomposed letter where a precomposed one exists (not NFC)"
    fix_safety = "safe"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        text = doc.text
        if not _census.has_any(doc, _MINE):
            return
        last = -1
        for c in COMBINING.finditer(text):
            if c.start() < last or c.start() == 0:
                continue
            m = SEQUENCE.match(text, c.start() - 1)
            if m is None:
                continue
            last = m.end()
            nfc = composed(m.group())
            if nfc is None:
                continue
            names = " + ".join(f"U+{ord(c):04X}" for c in m.group())
            yield self.finding(m.start(), m.end(),
                               f"Decomposed letter '{nfc}' ({names}): compose it to NFC",
                               Fix.safe(f"Replace with '{show(nfc)}'",
                                        Edit(m.start(), m.end(), nfc)))
