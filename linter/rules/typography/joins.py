"""One scan of a document for the joins that P201, P202, P203 and P301 look at.

P201 starts at a capital right after a lowercase letter (``pictureThe``), P202 at a digit
right after one (``views0``), P203 at a sentence starter after a lowercase word and a space
(``wedding In his``), P301 at a full stop, ``?`` or ``!`` between a lowercase letter and a
capital (``end.Next``, ``end.”Next``). Each used to scan the whole text with a regex of its
own; one regex finds all four: it stops on capitals and digits only, and looks behind (and,
for a starter, ahead of) them. The positions are kept per document text, and each rule
confirms its places with its own pattern (``pattern.match(text, p)``), so its findings are
those of a scan of its own.

>>> text = "A pictureThe end.Next views0 and mp3 e.g. end.”So ok. a wedding In his stead"
>>> j = joins(Document.from_text(text))
>>> [text[p] for p in j.humps], [text[p] for p in j.digits], [text[p:p + 4] for p in j.glued]
(['T'], ['0', '3'], ['.Nex', '.”So'])
>>> [text[p:p + 2] for p in j.starters]
['In']
"""

from __future__ import annotations

import re
from typing import NamedTuple

from linter.core.document import Document, per_text
from linter.core.rule import TextGate

LOWER = "a-zß-öø-ÿ"
UPPER = "A-ZÀ-ÖØ-Þ"
_PUNCT = ".!?"
_QUOTES = "\"”’)"
#: capitalised function words that open a sentence (P203)
BREAK_STARTERS = ("The", "In", "He", "She", "It", "They", "We", "This", "That", "These",
                  "Those", "There", "His", "Her", "Their", "Its", "Our", "But", "However",
                  "When", "While", "After", "Before", "As", "At", "On", "For", "If", "So", "And")
_INITIALS = "".join(sorted({w[0] for w in BREAK_STARTERS}))
_RESTS = "|".join(sorted({w[1:] for w in BREAK_STARTERS}, key=lambda r: (-len(r), r)))
#: a starter's initial after a lowercase word and a space, then the rest of a starter, then a
#: lowercase word: ``wedding In his``
STARTER_AFTER_WORD = re.compile(
    f"[{_INITIALS}](?<=[{LOWER}'’] [{_INITIALS}])(?:{_RESTS})(?= [{LOWER}]{{2}})")
#: (the branches test the character before the capital first: after a space only a starter
#: can follow, after sentence punctuation or a quote only a glued sentence)
_SCAN = re.compile(
    f"[{UPPER}0-9](?:(?<= [{_INITIALS}])(?<=[{LOWER}'’]..)(?:{_RESTS})(?= [{LOWER}]{{2}})"
    f"|(?<=[{LOWER}][{UPPER}0-9])"
    f"|(?<=[.!?{_QUOTES}][{UPPER}])(?:(?<=[{LOWER}][.!?].)|(?<=[{LOWER}][.!?][{_QUOTES}].)))")


class Joins(NamedTuple):
    """Offsets, in order: capitals after a lowercase letter, digits after one, the sentence
    punctuation between a lowercase letter and a capital (maybe a quote between), and the
    sentence starters after a lowercase word."""

    humps: list[int]
    digits: list[int]
    glued: list[int]
    starters: list[int]


def _scan(text: str) -> Joins:
    humps: list[int] = []
    digits: list[int] = []
    glued: list[int] = []
    starters: list[int] = []
    for p in map(re.Match.start, _SCAN.finditer(text)):
        before = text[p - 1]
        if before == " ":
            starters.append(p)
        elif before in _PUNCT:
            glued.append(p - 1)
        elif before in _QUOTES:
            glued.append(p - 2)
        elif text[p] <= "9":
            digits.append(p)
        else:
            humps.append(p)
    return Joins(humps, digits, glued, starters)


def joins_of(text: str) -> Joins:
    """The joins of ``text``, found once for the text the engine is on (the last one asked
    for is kept, so that the gates of P201, P202, P203 and P301 share it with their checks)."""
    last = _LAST[0]
    if last[0] is not text:
        last = _LAST[0] = (text, _scan(text))
    return last[1]


_LAST: list = [(None, None)]


def joins(doc: Document) -> Joins:
    """The joins of ``doc``, found once per document text. Kept on the document as well as
    in :func:`joins_of`'s one-text slot: without it ``engine.check`` measured ~10% slower
    (the slot does not always hold this document's text when a check asks)."""
    return per_text(doc, "typography.joins", _joins_of_doc)


def _joins_of_doc(doc: Document) -> Joins:
    return joins_of(doc.text)


def gate(kind: str):
    """A :attr:`Rule.gate` that holds when the text has joins of ``kind`` ("humps", ...).

    >>> gate("digits").search("views0"), gate("humps").search("views0")
    (True, None)
    """
    index = Joins._fields.index(kind)
    return TextGate(lambda text: joins_of(text)[index])
