"""N201: two capitalised words in one file that look like romanisations of one name."""

from __future__ import annotations

import re
from typing import Iterable

from linter.core.document import Document
from linter.core.findings import Edit, Finding, Fix
from linter.core.rule import Context, Rule
from linter.rules.names.consistency import compiled, words_of
from linter.rules.names.dictionary import trie_regex
from linter.rules.names.skeleton import skeleton, strip_marks

#: words shorter than this are never paired (Jan/Ian, Hal/Hall)
MIN_LETTERS = 4
MIN_SKELETON = 4
MAX_HEADLINE = 200
#: what may stand between a sentence end (or a line start) and a sentence-initial word
_INITIAL = re.compile(r"(?:^|[.!?…:;]|\n)[\s\"“”‘’'(\[*_#>•·|–—-]*$")
_CAPS_WORD = re.compile(r"\b[^\W\d_]+\b")


def _is_initial(text: str, s: int) -> bool:
    """Whether the word at ``s`` opens a sentence or a line (so its capital proves nothing).

    >>> t = "He met Lamy. Lamy left.\\n“Lamy said"
    >>> [_is_initial(t, i) for i in (7, 13, 25)]
    [False, True, True]
    """
    return _INITIAL.search(text, max(0, s - 12), s) is not None or s == 0


def _title_case_line(text: str, s: int) -> bool:
    """Whether the line holding ``s`` is a title-case headline (most words capitalised, no
    sentence end).

    >>> _title_case_line("Biden Meets Lamy In Kyiv", 12), _title_case_line("David Lammy met Kyiv Officials.", 7)
    (True, False)
    """
    a = text.rfind("\n", max(0, s - MAX_HEADLINE), s) + 1
    b = text.find("\n", s, s + MAX_HEADLINE)
    if b == -1 and len(text) - s > MAX_HEADLINE or s - a >= MAX_HEADLINE:
        return False  # a headline is short
    line = text[a:len(text) if b == -1 else b].rstrip()
    if line.endswith((".", "!", "?", "…", ".”", '."', ".’")):
        return False
    words = _CAPS_WORD.findall(line)
    if len(words) < 3 or len(words) > 25:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps * 10 >= len(words) * 6


def _neighbours(text: str, s: int, e: int) -> tuple[str | None, str | None]:
    """The capitalised words right before and after the word at ``text[s:e]`` (names around it).

    An inverted name in a reference list ("Temple, Philip (1980)") counts as followed by its
    surname.

    >>> t = "Senator Michael Bennet met him. Temple, Philip (1980)."
    >>> _neighbours(t, 16, 22), _neighbours(t, 40, 46)
    (('Michael', None), (None, 'Temple'))
    """
    before = re.search(r"([^\W\d_]+)[ \t]+$", text[max(0, s - 40):s])
    after = re.match(r"[ \t]+([^\W\d_]+)", text[e:e + 40])
    prev = before.group(1) if before and before.group(1)[0].isupper() else None
    nxt = after.group(1) if after and after.group(1)[0].isupper() else None
    if prev is not None and _is_initial(text, s - len(before.group(0))):
        prev = None  # "When Lamy ..." says nothing about a first name
    if nxt is None:
        inverted = re.search(r"([^\W\d_]+),[ \t]+$", text[max(0, s - 40):s])
        if inverted and inverted.group(1)[0].isupper():
            nxt = inverted.group(1)
    return prev, nxt


def _marks_only(words: list[str]) -> bool:
    """Whether the words differ only in diacritics (Elysée/Elysee).

    >>> _marks_only(["Plzni", "Plzní"]), _marks_only(["Lamy", "Lammy"])
    (True, False)
    """
    return len({strip_marks(w).casefold() for w in words}) == 1


_ACCENTED = re.compile(r"[\u00C0-\u024F]")


def _non_english(text: str) -> bool:
    """Whether accented Latin letters are frequent enough for a language that uses them."""
    return len(_ACCENTED.findall(text)) * 200 > len(text)


#: up to this many words, :func:`whole_words` finds each with ``str.find`` (no regex to compile)
_FEW_WORDS = 8


def whole_words(text: str, words: list[str]) -> dict[str, list[tuple[int, int]]]:
    """``{word: [(start, end), ...]}``: where each of ``words`` stands as a whole word, in
    order, as ``re.finditer(r"\\b(?:w1|w2|...)\\b", text)`` finds them (longest first).

    A few words made of word characters only are each found with ``str.find``: there a
    whole-word occurrence is a maximal run of word characters, so no two can overlap.
    Otherwise (or for many words, to stay linear in the text) one trie regex runs.

    >>> whole_words("Lamy, Lamyx and xLamy met LAMY; Lamy.", ["Lamy", "LAMY", "Lammy"])
    {'Lamy': [(0, 4), (32, 36)], 'LAMY': [(26, 30)], 'Lammy': []}
    """
    spans: dict[str, list[tuple[int, int]]] = {w: [] for w in words}
    if len(words) <= _FEW_WORDS and all(w.isalnum() for w in words):
        n = len(text)
        for w in words:
            found = spans[w]
            size = len(w)
            i = text.find(w)
            while i != -1:
                e = i + size
                if (i == 0 or not _is_word_char(text[i - 1])) and (
                        e == n or not _is_word_char(text[e])):
                    found.append((i, e))
                i = text.find(w, i + 1)
        return spans
    where = re.compile(r"\b(?:" + trie_regex(words) + r")\b")
    for m in where.finditer(text):
        spans[m.group()].append(m.span())
    return spans


def _is_word_char(ch: str) -> bool:
    """``\\w`` of a ``str`` pattern."""
    return ch.isalnum() or ch == "_"


class _PairingKeys(dict):
    """word -> its skeleton, or "" for a word that is never paired; filled on first sight.

    >>> keys = _PairingKeys(frozenset({"Kiev"}))
    >>> [keys[w] for w in ("Lammy", "Kiev", "NATO", "Jan", "Zelenskyy")]
    ['lami', '', '', '', 'zelenski']
    """

    def __init__(self, listed):
        super().__init__()
        self.listed = listed

    def __missing__(self, word: str) -> str:
        if len(self) > _MAX_KEYS:
            self.clear()  # bounded: a huge vocabulary only costs recomputation
        if len(word) < MIN_LETTERS or word in self.listed or word.isupper():
            sk = ""
        else:
            sk = skeleton(word)
            if len(sk) < MIN_SKELETON:
                sk = ""
        self[word] = sk
        return sk


_MAX_KEYS = 1 << 18


class _Pairing:
    """The words of the run so far that share a skeleton with another word of the run.

    Two words of one file that share a skeleton are both words of the run, so both are
    here: a file's words meet this set in one C-level intersection, and only words never
    seen before in the run have their skeleton looked up (bounded like the skeleton memo).

    >>> pairing = _Pairing(frozenset())
    >>> sorted(pairing.candidates({"Lammy", "Blinken", "Lamy"})), pairing.candidates({"Blinken"})
    (['Lammy', 'Lamy'], set())
    >>> sorted(pairing.candidates({"Lamy", "Monday"}))  # Lammy was in another file
    ['Lamy']
    """

    def __init__(self, listed):
        self.keys = _PairingKeys(listed)
        self.seen: set[str] = set()
        #: skeleton -> the first word seen with it
        self.first: dict[str, str] = {}
        self.shared: set[str] = set()

    def candidates(self, words: set[str]) -> set[str]:
        """The words of ``words`` whose skeleton another word of the run has too."""
        new = words - self.seen
        if new:
            if len(self.seen) > _MAX_KEYS:  # bounded: start again from this file's words
                self.seen.clear()
                self.first.clear()
                self.shared.clear()
                new = words
            keys, first, shared = self.keys, self.first, self.shared
            self.seen.update(new)
            for word in new:
                sk = keys[word]
                if sk:
                    other = first.setdefault(sk, word)
                    if other != word:
                        shared.add(word)
                        shared.add(other)
        return words & self.shared


def _pairing(vd) -> _Pairing:
    """The run's pairing memo, kept with the dictionary of the run's pack set (whose listed
    words are never paired)."""
    pairing = vd.__dict__.get("pairing")
    if pairing is None:
        pairing = vd.pairing = _Pairing(vd.lookup)
    return pairing


class NameVariantDiscovered(Rule):
    """Flags two capitalised words in one file that look like romanisations of one name.

    ## What it does
    Groups the capitalised words of a file by their transliteration skeleton (case,
    diacritics, y/i/j, -iy/-yy/-yi endings, kh/h, ts/tz/c and doubled letters erased; the
    first letter kept) and reports the less frequent spelling when two words share one:
    "Lamy" beside "Lammy", "Zelenskyi" beside "Zelenskyy", "Müller" beside "Muller". On a
    tie the spelling used first wins (a name is usually introduced in full).

    To stay clear of distinct names it leaves alone: words of fewer than four letters, words
    in capitals (acronyms), words the variant dictionary lists (N101 handles those), words
    that also occur in lower case in the file (ordinary words at a sentence start), pairs
    where either word is capitalised only at sentence starts or in title-case headlines,
    given names (a word followed by another name: "Sidney Crosby" beside "Sydney", "Brian
    Kemp" beside "Bryan": people spell their own names their own way), pairs that sit after
    different names ("Michael Bennet" and "Naftali Bennett" are two people), and the
    `[distinct]` pairs of the names packs (Philips/Phillips,
    Mohamed/Mohammed, ...). Iran/Iraq, Austria/Australia, Niger/Nigeria and the like never
    share a skeleton.

    ## Why is this bad?
    An unknown name spelled two ways splits the entity just as Kiev/Kyiv does, and no
    dictionary lists every name in the news.

    ## Example
    ```text
    Foreign Secretary David Lammy arrived in Kyiv. Blinken and Lamy met Zelenskyy.
    ```
    Use instead:
    ```text
    Foreign Secretary David Lammy arrived in Kyiv. Blinken and Lammy met Zelenskyy.
    ```

    ## Fix safety
    Unsafe: two look-alike words can still be two people. Review with
    `--unsafe-fixes --diff`; add real distinct names to a `[distinct]` table of your own
    names pack (`extend-packs`), or a group to make the spelling a dictionary matter.
    """

    code = "N201"
    name = "name-variant-discovered"
    summary = "Two capitalised words look like romanisations of one name (Lamy/Lammy)"
    fix_safety = "unsafe"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        text = doc.text
        vd = compiled(ctx)[0]
        words = words_of(doc)
        pairing = _pairing(vd)
        # a word can pair only when another word shares its skeleton: a text whose
        # skeletons are all distinct (nearly every text) is done here, in C but for the
        # words never seen before in the run
        words = pairing.candidates(words)
        if len(words) < 2:
            return
        keys = pairing.keys
        pairable = [keys[w] for w in words]
        if len(set(pairable)) == len(pairable):
            return
        buckets: dict[str, list[str]] = {}
        for word, sk in zip(words, pairable):
            if not sk:
                continue
            if sk in buckets:
                buckets[sk].append(word)
            else:
                buckets[sk] = [word]
        prefer = set(ctx.option("names", "prefer", []) or ())
        candidates = [ws for ws in buckets.values() if len(ws) > 1
                      and len({w.casefold() for w in ws}) > 1]
        if not candidates:
            return
        # one pass for the lower-case twins of every candidate (ordinary words), one for
        # the positions of every candidate: linear in the text whatever the candidates
        every = sorted({w for ws in candidates for w in ws}, key=lambda w: (-len(w), w))
        lowers = whole_words(text, sorted({w.lower() for w in every}, key=lambda w: (-len(w), w)))
        ordinary = {w for w, found in lowers.items() if found}
        every = [w for w in every if w.lower() not in ordinary]
        spans = whole_words(text, every) if every else {}
        english = None
        for words in candidates:
            words = [w for w in words if spans.get(w)]
            if len({w.casefold() for w in words}) < 2:
                continue
            if _marks_only(words):
                if english is None:
                    english = not _non_english(text)
                if not english:
                    continue  # Plzni/Plzní: in Czech or French text a diacritic is grammar
            yield from self._judge(text, words, spans, vd, prefer)

    def _judge(self, text: str, words: list[str], spans, vd, prefer) -> Iterable[Finding]:
        counts = {w: len(spans[w]) for w in words}
        evidence = {w: any(not _is_initial(text, s) and not _title_case_line(text, s)
                           for s, _ in spans[w]) for w in words}
        words = [w for w in words if evidence[w]]
        if len({w.casefold() for w in words}) < 2:
            return
        first = {w: spans[w][0][0] for w in words}
        winner = max(words, key=lambda w: (w in prefer, counts[w], -first[w]))
        win_prev, win_next = self._names_around(text, spans[winner])
        for w in words:
            if w == winner or w.casefold() == winner.casefold() or vd.is_distinct(w, winner):
                continue
            prev, nxt = self._names_around(text, spans[w])
            if (prev and win_prev and not prev & win_prev) or (nxt and win_next and not nxt & win_next):
                continue  # next to different names: two people
            if nxt or win_next:
                continue  # a given name (Sidney Crosby, Brian Kemp): people spell theirs their way
            reason = ("house style: `prefer`" if winner in prefer else
                      "the more frequent spelling" if counts[winner] > counts[w] else "used first")
            msg = (f"'{w}' may be another spelling of '{winner}' ({winner} {counts[winner]}×, "
                   f"{w} {counts[w]}×; same transliteration skeleton '{skeleton(w)}'); "
                   f"if they name one person or place, use '{winner}' ({reason})")
            for s, e in spans[w]:
                yield self.finding(s, e, msg, Fix.unsafe(f"Replace '{w}' with '{winner}'",
                                                          Edit(s, e, winner)))

    @staticmethod
    def _names_around(text: str, spans) -> tuple[set[str], set[str]]:
        """Skeletons of the capitalised words before and after the spans (headlines left out)."""
        prev, nxt = set(), set()
        for s, e in spans:
            if _title_case_line(text, s):
                continue
            p, n = _neighbours(text, s, e)
            if p:
                prev.add(skeleton(p))
            if n:
                nxt.add(skeleton(n))
        return prev, nxt
