"""E302, E303: invisible characters and stray bidirectional controls."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from linter.core.document import Document
from linter.core.findings import Edit, Finding, Fix
from linter.core.rule import Context, Rule
from linter.rules.encoding import census as _census
from linter.rules.encoding.ranges import LineTest, compile_class, in_ranges, runs
from linter.rules.encoding.tables import (
    BIDI_MARKS, BIDI_OVERRIDES, INVISIBLE, JOINERS, JOINING_SCRIPTS, NO_SPACE_SCRIPTS, RTL_RANGES,
)

INVISIBLE_RE = re.compile("[" + "".join(INVISIBLE) + "".join(JOINERS) + "]")
BIDI_RE = re.compile("[" + "".join(BIDI_MARKS) + "".join(BIDI_OVERRIDES) + "]")
RTL_RE = compile_class(RTL_RANGES)
_INVISIBLE_SET = frozenset(_census.INVISIBLES)
_BIDI_SET = frozenset(_census.BIDI)
#: Emoji modifiers and selectors that may stand between an emoji and a ZWJ.
_EMOJI_TRAIL = "\ufe0f\ufe0e" + "".join(chr(c) for c in range(0x1F3FB, 0x1F400))


def _is_emoji(ch: str) -> bool:
    o = ord(ch)
    return (0x1F000 <= o <= 0x1FAFF or 0x2600 <= o <= 0x27BF or 0x2190 <= o <= 0x21FF
            or 0x2B00 <= o <= 0x2BFF or o in (0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122)
            or unicodedata.category(ch) == "So")


def _prev_char(text: str, i: int, skip: str = "") -> str:
    while i > 0 and text[i - 1] in skip:
        i -= 1
    return text[i - 1] if i > 0 else ""


def _needed(text: str, start: int, end: int) -> bool:
    """Whether the invisible run ``text[start:end]`` has a job to do where it stands."""
    run = text[start:end]
    before = _prev_char(text, start, _EMOJI_TRAIL)
    after = text[end] if end < len(text) else ""
    if set(run) <= set(JOINERS):
        if any(c and in_ranges(c, JOINING_SCRIPTS) for c in (before, after)):
            return True  # Persian "می‌خواهم", Hindi conjunct control
        if "\u200d" in run and before and after and _is_emoji(before) and _is_emoji(after):
            return True  # 👩‍💻, 🏳️‍🌈
    if run == "\u200b" and any(c and in_ranges(c, NO_SPACE_SCRIPTS) for c in (before, after)):
        return True  # a word-break hint in Thai, Khmer, Japanese
    return False


def _names(run: str) -> str:
    names = [INVISIBLE.get(c) or JOINERS.get(c) or f"U+{ord(c):04X}" for c in run]
    unique = list(dict.fromkeys(names))
    out = ", ".join(unique)
    return out if len(run) == 1 else f"{len(run)} invisible characters ({out})"


class InvisibleCharacter(Rule):
    """Checks for invisible characters that have no business in prose.

    ## What it does
    Finds zero-width spaces, word joiners, byte-order marks inside the text, soft hyphens,
    invisible mathematical operators and zero-width (non-)joiners outside the scripts and
    emoji sequences that need them. A zero-width joiner inside an emoji sequence (👩‍💻) or
    a Persian, Arabic or Indic word, a zero-width non-joiner in Persian ("می‌خواهم"), and a
    zero-width space between Thai, Khmer, Myanmar or Japanese characters (a word-break hint)
    are left alone.

    ## Why is this bad?
    Invisible characters make equal-looking words differ: search, deduplication and
    spell-checking fail on "pass\\u200bword", and copy-paste carries them everywhere. Soft
    hyphens left by a hyphenating CMS split words for every tool that is not a browser.

    ## Example
        The pass\\u200bword is in the Ge\\u00adbäude.

    Use instead:

        The password is in the Gebäude.

    ## Fix safety
    Safe: the characters are removed, and nothing visible changes.
    """

    code = "E302"
    gate = _census.CharGate(_census.INVISIBLES)
    name = "invisible-character"
    summary = "Invisible character in prose"
    fix_safety = "safe"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        text = doc.text
        if not _census.has_any(doc, _INVISIBLE_SET):
            return
        for s, e in runs(INVISIBLE_RE, text):
            if _needed(text, s, e):
                continue
            yield self.finding(s, e, f"Invisible {_names(text[s:e])} in text",
                               Fix.safe("Remove it", Edit(s, e, "")))


class StrayBidiControl(Rule):
    """Checks for bidirectional control characters that have nothing to do.

    ## What it does
    Finds left-to-right and right-to-left marks, embeddings and isolates on lines that hold
    no right-to-left letter at all (Hebrew, Arabic, Syriac, Thaana, ...), and directional
    overrides anywhere. On a line mixing Hebrew or Arabic with Latin text or numbers, marks,
    embeddings and isolates have a job and are left alone.

    ## Why is this bad?
    A stray mark is invisible debris from copy-paste. An override reorders what the reader
    sees, so that the text shown is not the text stored (the "Trojan Source" trick).

    ## Example
        Meeting at 10:00\\u200e in Berlin.

    Use instead:

        Meeting at 10:00 in Berlin.

    ## Fix safety
    Removing a mark, embedding or isolate from a line without right-to-left text is safe: it
    has no effect there. Removing an override is unsafe: check how the line should read.
    """

    code = "E303"
    gate = _census.CharGate(_census.BIDI)
    name = "stray-bidi-control"
    summary = "Stray bidirectional control character"
    fix_safety = "sometimes"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        text = doc.text
        if not _census.has_any(doc, _BIDI_SET):
            return
        right_to_left = LineTest(RTL_RE, text)
        for m in BIDI_RE.finditer(text):
            s, e = m.span()
            ch = m.group()
            if ch in BIDI_OVERRIDES:
                yield self.finding(s, e, f"Bidirectional {BIDI_OVERRIDES[ch]} (U+{ord(ch):04X}): "
                                   "it reorders what the reader sees",
                                   Fix.unsafe("Remove it", Edit(s, e, "")))
            elif not right_to_left(s):
                yield self.finding(s, e, f"Stray {BIDI_MARKS[ch]} (U+{ord(ch):04X}) on a line "
                                   "without right-to-left text",
                                   Fix.safe("Remove it", Edit(s, e, "")))
