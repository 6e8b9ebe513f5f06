"""One scan of a document for every character a single-character E rule looks for.

Each E rule used to scan the whole text for its own characters; scanning once for the union
and sharing the result keeps clean text fast. The scan runs on the text's rare characters
only (:func:`rare`: everything but printable ASCII, found by three C passes), a few percent
of news text. The result is kept in ``doc.meta`` with the text it was made for (a fixed
document gets a new census).
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
#: "&" is kept in the rare characters: E201 and E202 then know at once whether an entity
#: can be there
AMPERSAND = "&"
#: UTF-8 bytes to runs of rare characters: printable ASCII but "&", tab and newline become
#: spaces, for ``bytes.split``; the controls it would split on too are moved to bytes that
#: UTF-8 never uses, and back (a multi-byte sequence holds no ASCII byte: it stays whole)
_SPLIT_AT = b"\r\x0b\x0c"
_PARKED = b"\xf5\xf6\xf7"
_TO_RUNS = bytes(0x20 if b < 128 and chr(b) not in CONTROLS and chr(b) != AMPERSAND else b
                 for b in range(256)).translate(bytes.maketrans(_SPLIT_AT, _PARKED))
_UNPARK = bytes.maketrans(_PARKED, _SPLIT_AT)
_RUN = re.compile("[^\t\n\x20-\x25\x27-\x7e]+")


def rare(text: str) -> str:
    """The runs of characters of ``text`` other than printable ASCII (an "&" counts as
    rare), in order, one per line: characters side by side here are side by side in ``text``.

    Four C passes (encode, translate, split, join) at a few hundred MB/s over the text, then
    work on the runs alone, a few percent of news text: a regex over the text is several
    times slower.

    >>> rare("it’s “fine” & caf\\u00e9\\x07 ok\\r\\n").split("\\n")
    ['’', '“', '”', '&', 'é\\x07', '\\r']
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: the slow way
        return "\n".join(_RUN.findall(text))
    _UTF8[0] = (text, data)
    return b"\n".join(data.translate(_TO_RUNS).split()).translate(_UNPARK).decode("utf-8")


def utf8(text: str) -> bytes:
    """``text.encode("utf-8")``: the bytes :func:`rare` encoded when ``text`` is the last text
    it was given (the census of the text the engine is on), else encoded now.

    >>> utf8(rare("caf\u00e9") and "caf\u00e9"), utf8("x")
    (b'caf\xc3\xa9', b'x')
    """
    last = _UTF8[0]
    return last[1] if last[0] is text else text.encode("utf-8")


_UTF8: list = [(None, b"")]


def _made(text: str) -> tuple[str, str, frozenset[str]]:
    """``(text, rare(text), census)``, made once for the text the engine is on (the last one
    asked for is kept, so that the gates of the E rules share it without the document)."""
    last = _LAST[0]
    if last[0] is text:
        return last
    rest = rare(text)
    found = frozenset(_SCAN.findall(rest)) if rest else frozenset()
    if AMPERSAND in rest:
        found |= {AMPERSAND}
    made = _LAST[0] = (text, rest, found)
    return made


_LAST: list = [(None, "", frozenset())]


def _take(doc: Document) -> tuple[str, frozenset[str]]:
    """``(rare(text), census)`` of ``doc``, made once per document text (by :func:`_made`)."""
    _, rest, found = _made(doc.text)
    return rest, found


class CharGate:
    """A :attr:`Rule.gate` that holds when the text holds any of ``chars``, answered from the
    census of the text (made once per text by whichever E rule or gate asks first): one gate
    costs a set test, where a scan of the text for ``chars`` would cost a pass.

    >>> gate = CharGate("\\u200b\\u2060")
    >>> gate.search("pass\\u200bword"), gate.search("password")
    (True, None)
    """

    def __init__(self, chars: str):
        self.chars = frozenset(chars)

    def search(self, text: str) -> bool | None:
        return None if _made(text)[2].isdisjoint(self.chars) else True

    def __repr__(self) -> str:
        return f"CharGate({''.join(sorted(self.chars))!r})"


def census(doc: Document) -> frozenset[str]:
    """The set of the characters of interest that occur in ``doc.text`` ("&" included).

    >>> from linter.core.document import Document
    >>> sorted(census(Document.from_text("a\\u200bb\\x07 é ﬁ &")))
    ['\\x07', '&', '\\u200b', 'ﬁ']
    """
    return _take(doc)[1]


def rare_of(doc: Document) -> str:
    """:func:`rare` of ``doc.text``, shared by the E rules."""
    return _take(doc)[0]


def has_any(doc: Document, chars: frozenset[str]) -> bool:
    """Whether any of ``chars`` occurs in the document."""
    return not _take(doc)[1].isdisjoint(chars)
