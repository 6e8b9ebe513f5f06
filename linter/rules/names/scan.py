"""Finding the dictionary's spellings in a text: word boundaries, fixed phrases, glosses.

One compiled trie regex finds every spelling (case variants, derived forms) in a single pass.
An occurrence is left out when it sits inside a fixed phrase of its group ("chicken Kiev"),
inside quotation marks or emphasis when ``keep_quoted`` is on, or when it glosses another
spelling of its group ("Kyiv (Kiev)", "Mumbai, formerly Bombay"): there two spellings are
meant, side by side.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from linter.rules.names.dictionary import SPACE, Group, Matcher, VariantDictionary

#: words and punctuation that may stand between two spellings that gloss each other
_GLOSS_GAP = re.compile(
    r"[\s,;:()\[\]“”\"‘’'«»—–/-]*"
    r"(?:(?:or|formerly|previously|now|then|once|also|aka|a\.k\.a\.|née|known|as|spelled|spelt|"
    r"written|called|named|renamed|from|to|in|russian|ukrainian|belarusian|polish|arabic|persian|"
    r"chinese|the|is|was|officially|transliterated|romani[sz]ed|wade-giles|pinyin|old|older|"
    r"spelling|name|its|current|former|today|modern|until|before|after|not|rather|than|"
    r"instead|of|over|vs\.?|versus|and|both|\d{4})"
    r"[\s,;:()\[\]“”\"‘’'«»—–/-]*)*", re.IGNORECASE)
_GLOSS_MARK = re.compile(
    r"[(/]|\b(?:or|formerly|previously|now|then|once|aka|a\.k\.a\.|née|known|spelled|spelt|"
    r"called|named|renamed|officially|transliterated|romani[sz]ed|until|before|not|rather|"
    r"instead|vs|versus)\b", re.IGNORECASE)
#: words just before a pair of spellings that say the text is about the spellings
_GLOSS_CUE = re.compile(r"\b(?:spell\w*|spelt|transliterat\w*|romani[sz]\w*|renam\w*|names?|"
                        r"called|known|formerly)\W+(?:\w+\W+){0,3}$", re.IGNORECASE)
GLOSS_MAX_GAP = 40
KEEP_WINDOW = 80
QUOTE_WINDOW = 2000


class Occurrence(NamedTuple):
    """A spelling found at ``text[start:end]``: form ``form`` of ``group`` (derived row or -1)."""

    start: int
    end: int
    group: str
    form: int
    row: int
    mode: str


def keep_regex(group: Group) -> re.Pattern | None:
    """The fixed phrases of a group as one case-insensitive regex (None when it has none)."""
    if not group.keep:
        return None
    alts = sorted((re.escape(k).replace(r"\ ", SPACE) for k in group.keep), key=lambda a: (-len(a), a))
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)


class KeepPhrases:
    """The fixed phrases of every group, each group's regex compiled on first use."""

    def __init__(self, vd: VariantDictionary):
        self.groups = vd.groups
        self._compiled: dict[str, re.Pattern | None] = {}

    def get(self, gid: str) -> re.Pattern | None:
        try:
            return self._compiled[gid]
        except KeyError:
            pat = self._compiled[gid] = keep_regex(self.groups[gid])
            return pat


def scan(text: str, vd: VariantDictionary, matcher: Matcher, keeps: KeepPhrases,
         keep_quoted: bool = False, words: set[str] | None = None) -> list[Occurrence]:
    """Every counted occurrence of a dictionary spelling in ``text``, in order."""
    found: list[Occurrence] = []
    lookup = vd.lookup
    for s, e, word in matcher.finditer(text, words):
        hit = lookup.get(word)
        if hit is None:
            hit = lookup.get(" ".join(word.split()))
            if hit is None:
                continue
        gid, form, row, mode = hit
        keep = keeps.get(gid)
        if keep is not None and _inside_keep(text, s, e, keep):
            continue
        if keep_quoted and _inside_quotes(text, s):
            continue
        if _inside_address(text, s):
            continue
        found.append(Occurrence(s, e, gid, form, row, mode))
    return _drop_glosses(text, found)


def _inside_keep(text: str, s: int, e: int, keep: re.Pattern) -> bool:
    lo = max(0, s - KEEP_WINDOW)
    for k in keep.finditer(text, lo, min(len(text), e + KEEP_WINDOW)):
        if k.start() <= s and e <= k.end():
            return True
    return False


_TOKEN_START = re.compile(r"[\s<(\[\]\"“”]")


def _inside_address(text: str, s: int) -> bool:
    """Whether offset ``s`` is inside a URL, a path or an e-mail address (never rewritten).

    >>> t = "See https://en.wikipedia.org/wiki/Kiev and www.kiev.ua/Kiev or Kiev."
    >>> [_inside_address(t, i) for i in (34, 56, 64)]
    [True, True, False]
    """
    lo = max(0, s - 300)
    prefix = text[lo:s]
    last = _TOKEN_START.search(prefix[::-1])  # the last token start: the first one backwards
    token = prefix[len(prefix) - last.start():] if last else prefix
    return "/" in token or "@" in token or token.startswith("www.")


def _inside_quotes(text: str, s: int) -> bool:
    """Whether offset ``s`` is inside a quotation or Markdown emphasis on its line.

    >>> _inside_quotes('He said “Kiev is far” today', 10), _inside_quotes('In Kiev, "x"', 3)
    (True, False)
    """
    lo = max(0, s - QUOTE_WINDOW)  # a quotation is shorter than this: keeps the check linear
    before = text[text.rfind("\n", lo, s) + 1 or lo:s]
    if before.count("“") > before.count("”") or before.count('"') % 2 == 1:
        return True
    if before.count("«") > before.count("»"):
        return True
    stripped = before.replace("**", "")
    return stripped.count("*") % 2 == 1 or len(re.findall(r"(?<!\w)_(?=\S)|(?<=\S)_(?!\w)", before)) % 2 == 1


def _drop_glosses(text: str, occ: list[Occurrence]) -> list[Occurrence]:
    """Leave out pairs of neighbouring spellings of one group that gloss each other.

    >>> from linter.rules.names.scan import Occurrence as O
    >>> t = "Kyiv (Kiev) and Kiev"
    >>> [o.start for o in _drop_glosses(t, [O(0, 4, "k", 0, -1, "exact"),
    ...                                      O(6, 10, "k", 1, -1, "exact"),
    ...                                      O(16, 20, "k", 1, -1, "exact")])]
    [16]
    """
    if len(occ) < 2:
        return occ
    glossed: set[int] = set()
    for i in range(len(occ) - 1):
        a, b = occ[i], occ[i + 1]
        if a.group != b.group or a.form == b.form or b.start - a.end > GLOSS_MAX_GAP:
            continue
        gap = text[a.end:b.start]
        if _GLOSS_GAP.fullmatch(gap) and (
                _GLOSS_MARK.search(gap)
                or _GLOSS_CUE.search(text, max(0, a.start - 40), a.start)):
            glossed.update((i, i + 1))
    return [o for i, o in enumerate(occ) if i not in glossed] if glossed else occ
