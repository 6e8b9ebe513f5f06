"""E502, E503: typographic ligatures and fullwidth Latin in running text."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from linter.core.document import Document
from linter.core.findings import Edit, Finding, Fix
from linter.core.rule import Context, Rule
from linter.rules.encoding import census as _census
from linter.rules.encoding.ranges import LineTest, compile_class, runs
from linter.rules.encoding.tables import CJK_RANGES, LIGATURES

LIGATURE_RE = re.compile("[" + "".join(LIGATURES) + "]")
_WORD_CHAR = re.compile("[A-Za-z\u00c0-\u024f" + "".join(LIGATURES) + "]")
#: A word holding a ligature: Latin letters around it.
LIGATURE_WORD = re.compile("[A-Za-z\u00c0-\u024f" + "".join(LIGATURES) + "]+")
FULLWIDTH = re.compile("[\uff01-\uff5e]")
FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_LIGS = frozenset(_census.LIGATURE_CHARS)
_FULLWIDTH = frozenset(_census.FULLWIDTH_ALNUM)


@lru_cache(maxsize=None)
def _cjk() -> re.Pattern:
    """Chinese, Japanese and Korean characters: compiled on first use (a few ms, only for
    fullwidth text), not at import."""
    return compile_class(CJK_RANGES)


def _word_at(text: str, pos: int) -> re.Match:
    """The Latin word (letters and ligatures) around ``pos``."""
    a = pos
    while a > 0 and pos - a < 40 and _WORD_CHAR.match(text[a - 1]):
        a -= 1
    return LIGATURE_WORD.match(text, a)


class LatinLigature(Rule):
    """Checks for typographic ligature characters (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ, ﬅ, ﬆ) inside words.

    ## What it does
    Finds the presentation-form ligatures U+FB00-U+FB06 inside Latin words, as PDF
    extraction leaves them ("ﬁnancial", "inﬂation"), and spells them out. A ligature standing
    alone (a text about typography showing the glyph) is left alone; so are real letters
    such as æ, œ and the Dutch ĳ.

    ## Why is this bad?
    "ﬁnancial" does not match "financial" in search, spell-checking or a tokeniser; the
    ligature is a glyph choice that belongs to the font, not to the text.

    ## Example
        The ﬁnancial ofﬁcer expects inﬂation to ease.

    Use instead:

        The financial officer expects inflation to ease.

    ## Fix safety
    Safe: each ligature is replaced by exactly the letters it draws.
    """

    code = "E502"
    gate = _census.CharGate(_census.LIGATURE_CHARS)
    name = "latin-ligature"
    summary = "Typographic ligature character inside a word"
    fix_safety = "safe"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        text = doc.text
        if not _census.has_any(doc, _LIGS):
            return
        for lm in LIGATURE_RE.finditer(text):
            m = _word_at(text, lm.start())
            word = m.group()
            if len(word) == 1 or not any(c.isascii() for c in word):
                continue
            plain = "".join(LIGATURES.get(c, c) for c in word)
            s, lig = lm.start(), lm.group()
            yield self.finding(s, s + 1,
                               f"Ligature '{lig}' in '{word}': write the letters "
                               f"'{LIGATURES[lig]}' ({plain})",
                               Fix.safe(f"Replace with '{LIGATURES[lig]}'",
                                        Edit(s, s + 1, LIGATURES[lig])))


class FullwidthLatin(Rule):
    """Checks for fullwidth Latin letters and digits in running text without CJK.

    ## What it does
    Finds runs of fullwidth forms (U+FF01-U+FF5E: "ＬＯＵＤ", "２０２４", "（ｓｉｃ）") on lines that
    hold no Chinese, Japanese or Korean character, and replaces them with ordinary letters,
    digits and punctuation. Next to CJK text fullwidth forms are ordinary typography and are
    left alone.

    ## Why is this bad?
    Fullwidth letters look like wide Latin letters but are different characters: "ＵＳＡ"
    does not match "USA". In English text they come from East Asian input methods and
    copy-paste.

    ## Example
        Sales rose ２０％ in ＱＩ.

    Use instead:

        Sales rose 20% in QI.

    ## Fix safety
    Safe: each character is replaced by its compatibility equivalent (Unicode NFKC), the
    ordinary letter, digit or sign it stands for.
    """

    code = "E503"
    gate = _census.CharGate(_census.FULLWIDTH_ALNUM)
    name = "fullwidth-latin"
    summary = "Fullwidth Latin letters or digits in text without CJK"
    fix_safety = "safe"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        text = doc.text
        if not _census.has_any(doc, _FULLWIDTH):
            return
        among_cjk = LineTest(_cjk(), text)
        for s, e in runs(FULLWIDTH, text):
            run = text[s:e]
            if not FULLWIDTH_ALNUM.search(run) or among_cjk(s):
                continue  # a lone "，" or fullwidth forms among CJK text
            plain = unicodedata.normalize("NFKC", run)
            yield self.finding(s, e, f"Fullwidth '{run}' in Latin text: write '{plain}'",
                               Fix.safe(f"Replace with '{plain}'", Edit(s, e, plain)))
