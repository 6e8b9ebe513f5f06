"""One scan of a document for every character a single-character E rule looks for.

Each E rule used to scan the whole text for its own characters; scanning once for the union
and sharing the result keeps clean text fast. The result is kept in ``doc.meta`` with the
length and hash of the text it was made for (a fixed document gets a new census).
"""

from __future__ import annotations

import re

from linter.core.document import Document
from linter.rules.encoding.tables import BIDI_MARKS, BIDI_OVERRIDES, INVISIBLE, JOINERS, LIGATURES

CONTROLS = "".join(map(chr, [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, 0x81, 0x8D, 0x8F, 0x90,
                            0x9D]))
INVISIBLES = "".join(INVISIBLE) + "".join(JOINERS)
BIDI = "".join(BIDI_MARKS) + "".join(BIDI_OVERRIDES)
REPLACEMENT = "\ufffd"
COMBINING = "".join(map(chr, range(0x0300, 0x0370)))
LIGATURE_CHARS = "".join(LIGATURES)
FULLWIDTH_ALNUM = "".join(map(chr, [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                    *range(0xFF41, 0xFF5B)]))

#: For the mojibake gate: C1 controls (Windows-1252 read as Latin-1) and "Â", "Ã" (the
#: damaged forms "Ã " and "Â\ufffd").
C1_AND_DAMAGED = "".join(map(chr, range(0x80, 0xA0))) + "\u00c2\u00c3"

_ALL = C1_AND_DAMAGED + CONTROLS + INVISIBLES + BIDI + REPLACEMENT + COMBINING + LIGATURE_CHARS + FULLWIDTH_ALNUM
_SCAN = re.compile("[" + "".join(re.escape(c) for c in sorted(set(_ALL))) + "]")
_KEY = "encoding.census"
_PRINTABLE = bytes(b for b in range(128) if chr(b) not in CONTROLS)


def census(doc: Document) -> frozenset[str]:
    """The set of the characters of interest that occur in ``doc.text``.

    >>> from linter.core.document import Document
    >>> sorted(census(Document.from_text("a\\u200bb\\x07 é ﬁ")))
    ['\\x07', '\\u200b', 'ﬁ']
    """
    text = doc.text
    key = (len(text), hash(text))
    cached = doc.meta.get(_KEY)
    if cached is not None and cached[0] == key:
        return cached[1]
    if text.isascii():  # only C0 controls can be there: drop the printable bytes, in C
        rest = text.encode("ascii").translate(None, _PRINTABLE)
        found = frozenset(rest.decode("ascii"))
    else:
        found = frozenset(_SCAN.findall(text))
    doc.meta[_KEY] = (key, found)
    return found


def has_any(doc: Document, chars: frozenset[str]) -> bool:
    """Whether any of ``chars`` occurs in the document."""
    return not census(doc).isdisjoint(chars)
