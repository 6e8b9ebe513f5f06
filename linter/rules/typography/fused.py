"""Words run together when blocks of a page were joined: "pictureThe", "views0", "wedding In".

Extraction that drops a line break or a full stop leaves a lowercase word touching the next
block's capitalised word or counter. Names and code look the same (iPhone, remoteStorage,
mp3), so these rules are conservative: known mixed-case names come from the typography
packs, code and URLs are protected, a word used twice in a file is taken as a term, and in
a technical file (several camelCase words, code punctuation) only the clearest cases count.
"""

from __future__ import annotations

import re
from itertools import repeat
from typing import Iterable

from linter.core.lazy import regex

from linter.core.document import Document, per_text
from linter.core.findings import Edit, Fix
from linter.core.packs import PackError, read_pack, reject_unknown, require
from linter.core.rule import Context, Rule
from linter.rules.typography.joins import BREAK_STARTERS as _BREAK_STARTERS
from linter.rules.typography.joins import STARTER_AFTER_WORD as _STARTER_AFTER_WORD
from linter.rules.typography.joins import gate as joins_gate
from linter.rules.typography.joins import joins
from linter.rules.typography.protect import protected

#: capitalised words that start sentences or page furniture: strong evidence of a lost break
STARTERS = frozenset(
    "The This That These Those There Their They Then He She We You Our Your His Her Its "
    "But And However Although When While After Before Because Since If".split())
UI_WORDS = frozenset(
    "Read Share Click Opens Related More Advertisement Photo Photos Image Comments Posted "
    "Updated Published Subscribe Follow Continue Watch Listen Tweet Email Print Reply".split())
#: page furniture after a capitalised first half (``FacebookShare``); brands such as
#: MarketWatch or SlideShare end in other furniture words, and the packs name those
CAPITAL_UI = frozenset("Share Tweet Email Print Comments".split())
#: right parts clear enough to report even in technical files
VERY_STRONG = frozenset("The This These Those They Their There However Opens Advertisement".split())
#: words that name a count in page furniture ("10 views0 comments")
COUNTER_WORDS = frozenset(
    "views view comments comment likes like shares share replies reply votes vote followers "
    "reads retweets reviews answers points stars minutes mins hours hrs days weeks months "
    "years ago photos videos items posts".split())

# Scans start with a character class (capitals, digits) so that ``re`` can skip ahead fast;
# the look-behind then checks the lowercase letter before it. Latin letters only: the names
# and words these rules know are Latin-script.
_LOWER = "a-zß-öø-ÿ"
_UPPER = "A-ZÀ-ÖØ-Þ"
_HUMP = re.compile(f"[{_UPPER}](?<=[{_LOWER}][{_UPPER}])")
#: literal traces of code; counted with ``str.count``, which costs next to nothing
_CODE_MARKERS = ("()", "=>", ";\n", "{\n", "}\n", "</", "#include", "function(", " == ", "$ ")
_RIGHT_PART = regex.compile(r"\p{Lu}\p{Ll}+(?:[’']s)?")
_WORD = regex.compile(r"\b\p{L}[\p{L}\p{M}’'-]*")
_APOS = "’'"


class MixedCaseData:
    """The typography packs' lists, compiled for lookups."""

    def __init__(self, names: set[str] | None = None, particles: set[str] | None = None,
                 digit_words: set[str] | None = None, title_words: set[str] | None = None):
        self.names: set[str] = set() if names is None else names
        self.particles: set[str] = set() if particles is None else particles
        self.digit_words: set[str] = set() if digit_words is None else digit_words
        self.title_words: set[str] = set() if title_words is None else title_words

    def is_name(self, word: str) -> bool:
        w = word.casefold()
        for suffix in ("’s", "'s", "s"):
            if w.endswith(suffix) and w[: -len(suffix)] in self.names:
                return True
        return w in self.names


_LISTS = {"names": "names", "particles": "particles", "digit-words": "digit_words",
          "title-words": "title_words"}


def load_mixed_case(paths: list[str], user: list[str] = ()) -> MixedCaseData:
    """Read the ``[words]`` table of each typography pack (user packs of other families skipped)."""
    data = MixedCaseData()
    for path, is_user in [(p, False) for p in paths] + [(p, True) for p in user]:
        pack = read_pack(path)
        head = pack.get("pack")
        if not isinstance(head, dict):
            raise PackError(path, "missing [pack] table (name, family, description)", "pack")
        reject_unknown(head, {"name", "family", "description"}, path, "pack")
        family = require(head, "family", str, path, "pack")
        if family != "typography":
            if is_user:
                continue
            raise PackError(path, f"family must be 'typography', not {family!r}", "pack")
        reject_unknown(pack, {"pack", "words"}, path, "pack")
        words = require(pack, "words", dict, path, "words", required=False, default={})
        reject_unknown(words, set(_LISTS), path, "words")
        for key, attr in _LISTS.items():
            items = require(words, key, list, path, f"words.{key}", required=False, default=[])
            for item in items:
                if not isinstance(item, str) or not item.strip():
                    raise PackError(path, f"each entry must be a non-empty string, not {item!r}",
                                    f"words.{key}")
                getattr(data, attr).add(item.strip().casefold())
    return data


def mixed_case_data(ctx: Context) -> MixedCaseData:
    paths = tuple(ctx.pack_paths.get("typography", ()))
    user = tuple(ctx.pack_paths.get("user", ()))
    return ctx.cached(("typography.mixed-case", paths, user), lambda: load_mixed_case(paths, user))


def _is_technical(doc: Document) -> bool:
    """Whether ``doc`` reads like technical writing: code punctuation or several camelCase words.

    >>> _is_technical(Document.from_text("Call fetch() then res.json() in respondWith."))
    True
    >>> _is_technical(Document.from_text("The iPhone launched; the writer's pictureThe end."))
    False
    """
    text = doc.text
    if sum(text.count(marker) for marker in _CODE_MARKERS) >= 2:
        return True
    spans = protected(doc)
    camel = set()
    for p in joins(doc).humps:
        if spans.covers(p):
            continue
        a, b = _word_bounds(text, p - 1)
        word = text[a:b]
        if word[:1].islower():
            camel.add(word)
            if len(camel) >= 3:
                return True
    return False


def _latin(ch: str) -> bool:
    return ch < "\u0250" and ch.isalpha()


def _word_bounds(text: str, i: int) -> tuple[int, int]:
    """The run of Latin letters (and inner apostrophes) around offset ``i``.

    Both ways by one regex match in C: forwards from ``i + 1``, backwards over the reversed
    stretch before ``i`` (an apostrophe counts when a letter is on its far side).

    >>> t = "微信WeChat and the Writer's pictureThe"
    >>> a, b = _word_bounds(t, 3); t[a:b]
    'WeChat'
    >>> a, b = _word_bounds(t, 30); t[a:b]
    'pictureThe'
    """
    lo = max(0, i - _REACH)
    back = _RUN.match(text[lo:i][::-1]).end()
    if back >= i - lo - 1 and lo > 0:  # a word longer than the stretch: letter by letter
        a = i - back
        while a > 0 and (_latin(text[a - 1]) or (text[a - 1] in _APOS and a > 1 and _latin(text[a - 2]))):
            a -= 1
    else:
        a = i - back
    return a, _RUN.match(text, i + 1).end()


#: Latin letters: alphabetic characters below U+0250
_LATIN = "".join(chr(c) for c in range(0x250) if chr(c).isalpha())
#: a run of Latin letters, an apostrophe counting when a letter follows it
_RUN = re.compile(f"(?:[{_LATIN}]|[{_APOS}](?=[{_LATIN}]))*")
_REACH = 48


def _code_neighbours(text: str, a: int, b: int) -> bool:
    """Whether the word ``text[a:b]`` touches code punctuation (``obj.propName(``, ``_x``)."""
    before = text[a - 1] if a > 0 else " "
    after = text[b] if b < len(text) else " "
    if before in "_@#$/\\.<>=:" or before.isdigit() or before.isalpha():
        return True                       # a letter here is of another script: 微信WeChat
    if after in "_(=<>/\\[{" or after.isdigit() or after.isalpha():
        return True
    return after == "." and b + 1 < len(text) and text[b + 1].isalpha()


class FusedWords(Rule):
    """A lowercase word run into a capitalised word: ``pictureThe``, ``saidOpens``.

    ## What it does
    Finds a word whose lowercase start runs straight into a capitalised word, the trace of
    two blocks of a page joined without the line break between them (``Writer's
    pictureThe San Juan Daily Star``), and inserts a space.

    ## Why is this bad?
    The fused token is not a word: search, spell checking and tokenisers all miss both
    halves, and it usually marks a line of page furniture glued to the article.

    ## Example
    ```text
    Writer's pictureThe San Juan Daily Star
    ```
    Use instead:
    ```text
    Writer's picture The San Juan Daily Star
    ```

    ## Fix safety
    Unsafe: mixed case is also how names and code are spelled. Left alone: names from the
    typography packs (iPhone, YouTube, PlayStation, McDonald, eBay, JavaScript, LinkedIn,
    GitHub, isiZulu), name particles (``deGrasse``), words with several inner capitals
    (``getElementById``), capitals not followed by lowercase (``macOS``, ``mtDNA``), words
    touching code punctuation or digits, code spans, URLs, e-mail addresses, @handles and
    #hashtags, and any fused-looking word used twice in the file (a term, not an accident).
    A capitalised first half (``AdvertisementThe``) counts only before a sentence starter.
    In a technical file (code punctuation, or three or more camelCase words) only a second
    half such as ``The``, ``They`` or ``However`` is reported.
    """

    code = "P201"
    gate = joins_gate("humps")
    name = "fused-words"
    summary = "A lowercase word runs into a capitalised word (pictureThe → picture The)"
    fix_safety = "unsafe"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        text = doc.text
        humps = joins(doc).humps
        if not humps:
            return
        data = mixed_case_data(ctx)
        # the words at the humps, and which of them could be fused at all: what the word
        # alone decides comes first, so that most texts never need their protected spans
        places: dict[str, list[tuple[int, int, int]]] = {}
        for split in humps:
            a, b = _word_bounds(text, split - 1)
            word = text[a:b]
            if word in places:
                places[word].append((a, b, split))
            else:
                places[word] = [(a, b, split)]
        seen = _shape_memo(ctx)
        shapes = {}
        for word, found in places.items():
            a, _, split = found[0]
            key = (word, split - a)
            shape = seen.get(key, seen)
            if shape is seen:  # not judged yet in this run
                if len(seen) > 1 << 16:
                    seen.clear()
                shape = seen[key] = _fused_shape(word, split - a, data)
            if shape is not None:
                shapes[word] = shape
        if not shapes:
            return
        spans = protected(doc)
        candidates = []
        for word in shapes:
            free = [place for place in places[word] if not spans.covers(place[2] - 1)]
            if len(free) == 1:  # a word used twice is a term, not an accident
                candidates.append(free[0])
        candidates.sort()
        technical = None
        for a, b, split in candidates:
            word = text[a:b]
            if _code_neighbours(text, a, b):
                continue
            left, right, core = shapes[word]
            if core not in VERY_STRONG:
                if technical is None:
                    technical = per_text(doc, "typography.technical", _is_technical)
                if technical:
                    continue
            yield self.finding(
                a, b, f"Fused words {word!r}: a space (or line break) is missing before {core!r}",
                Fix.unsafe(f"Insert a space: {left} {right}", Edit(split, split, " ")))


def _shape_memo(ctx: Context) -> dict:
    """The run's ``(word, cut) -> _fused_shape`` memo, one per pack set (names recur across files)."""
    paths = (tuple(ctx.pack_paths.get("typography", ())), tuple(ctx.pack_paths.get("user", ())))
    return ctx.cached(("typography.fused-shapes", paths), dict)


def _fused_shape(word: str, cut: int, data: MixedCaseData) -> tuple[str, str, str] | None:
    """``(left, right, core of right)`` when ``word`` cut at ``cut`` looks like two fused
    words, judged from the word alone; None for names, camelCase and weak halves.

    >>> data = MixedCaseData(names={"iphone"})
    >>> _fused_shape("pictureThe", 7, data), _fused_shape("iPhone", 1, data)
    (('picture', 'The', 'The'), None)
    >>> _fused_shape("getElementById", 3, data), _fused_shape("AdvertisementThe", 13, data)
    (None, ('Advertisement', 'The', 'The'))
    """
    if data.is_name(word) or len(_HUMP.findall(word)) > 1:
        return None
    left, right = word[:cut], word[cut:]
    if not _RIGHT_PART.fullmatch(right):
        return None
    core = right.split("’")[0].split("'")[0]
    letters = sum(ch.isalpha() for ch in left)
    if left[0].isupper():
        if not (left[1:].replace("’", "").replace("'", "").islower() and letters >= 4
                and core in STARTERS | CAPITAL_UI):
            return None
    elif letters < 3 or left.casefold() in data.particles:
        return None
    strong = core in STARTERS or core in UI_WORDS
    if not strong and (letters < 4 or len(core) < 3):
        return None
    return left, right, core


class FusedNumber(Rule):
    """A counter word run into the next number: ``10 views0 comments``.

    ## What it does
    Finds a lowercase counter word (views, comments, likes, shares, minutes, ...) or a word
    after a number that runs straight into digits, and inserts a space.

    ## Why is this bad?
    Page furniture such as view and comment counters is extracted without the separator
    between its blocks; ``views0`` is neither a word nor a number.

    ## Example
    ```text
    10 views0 comments
    ```
    Use instead:
    ```text
    10 views 0 comments
    ```

    ## Fix safety
    Unsafe. Only words from a short list of counters, or words right after a number
    (``3 likes2``), are reported, so footnote markers (``disease3``), product and version
    names (``mp3``, ``html5``, ``python3``, ``covid19``; the ``digit-words`` of the
    typography packs), model numbers and units are left alone.
    """

    code = "P202"
    gate = joins_gate("digits")
    name = "fused-number"
    summary = "A word runs into a number (views0 → views 0)"
    fix_safety = "unsafe"

    _AFTER_NUMBER = regex.compile(r"(?:^|\s)\d+(?:[.,]\d+)*\s+$")

    def check(self, doc: Document, ctx: Context) -> Iterable:
        text = doc.text
        hits = joins(doc).digits
        if not hits:
            return
        data = mixed_case_data(ctx)
        spans = None  # protected spans: only once a place passes the cheap tests
        n = len(text)
        for split in hits:
            a = split
            while a > 0 and text[a - 1].isalpha():
                a -= 1
            b = split
            while b < n and text[b].isdigit():
                b += 1
            left = text[a:split]
            before = text[a - 1] if a > 0 else " "
            after = text[b] if b < n else "\n"
            if not before.isspace() or not (after.isspace() or after in ",;"):
                continue
            if not left.islower() or len(left) < 3 or left in data.digit_words:
                continue
            line_start = text.rfind("\n", 0, a) + 1
            if left not in COUNTER_WORDS and not self._AFTER_NUMBER.search(
                    text, max(line_start, a - 24), a):
                continue
            if spans is None:
                spans = protected(doc)
            if spans.covers(split):
                continue
            word = text[a:b]
            yield self.finding(a, b, f"Fused word and number {word!r}: a space is missing",
                               Fix.unsafe(f"Insert a space: {left} {text[split:b]}",
                                          Edit(split, split, " ")))


_FUNCTION_LEFT = frozenset(
    "the a an of to and or but nor for with from by in on at as than that which who whom "
    "whose is are was were be been being his her their its our my your this these those "
    "into onto upon about like via per".split())
#: starters that are prepositions or conjunctions: a verb cannot follow them in a sentence
_NOT_BEFORE_VERB = frozenset("The In This That These Those His Her Their Its Our But However When "
                             "While After Before As At On For If So And".split())
_VERBS = frozenset("is are was were has have had will can may must should would could does "
                   "did shall might".split())


class MissingSentenceBreak(Rule):
    """A full stop lost between two sentences: ``wedding In his stead``.

    ## What it does
    Finds a lowercase word followed by a capitalised function word (``In``, ``The``,
    ``He``, ``However``, ...) that goes on in lowercase, which in running English text
    means a sentence ended without its full stop, and inserts the full stop.

    ## Why is this bad?
    Extraction or editing dropped the punctuation (``granddaughter’s wedding In his stead,
    Blinken ...``); the two sentences read as one broken one.

    ## Example
    ```text
    Biden skips the forum to attend a wedding In his stead, Blinken will speak.
    ```
    Use instead:
    ```text
    Biden skips the forum to attend a wedding. In his stead, Blinken will speak.
    ```

    ## Fix safety
    Unsafe: titles keep their capitals (``the film In the Mood for Love``). Lines in title
    case are skipped, as are words after which a title is likely (``called``, ``film``,
    ``album``: the ``title-words`` of the typography packs) and function words that never
    end a sentence (``the``, ``of``, ``with``).
    """

    code = "P203"
    gate = joins_gate("starters")
    name = "missing-sentence-break"
    summary = "A sentence ends without a full stop (wedding In his stead → wedding. In his stead)"
    fix_safety = "unsafe"

    _STARTERS = frozenset(_BREAK_STARTERS)
    _LEFT = regex.compile(r"(?<![\p{L}\p{M}’'.\-])\p{Ll}[\p{Ll}\p{M}]+(?:[’']s)?$")

    def check(self, doc: Document, ctx: Context) -> Iterable:
        text = doc.text
        data = None
        spans = None
        found = map(_STARTER_AFTER_WORD.match, repeat(text), joins(doc).starters)
        for m in filter(None, found):
            right = m.group()
            if right not in self._STARTERS:
                continue
            space = m.start() - 1
            lm = self._LEFT.search(text, max(0, space - 40), space)
            if lm is None:
                continue
            left = lm.group()
            nxt = text[m.end() + 1: m.end() + 12].split(" ", 1)[0]
            if left in _FUNCTION_LEFT or (right in _NOT_BEFORE_VERB and nxt in _VERBS):
                continue
            if data is None:
                data, spans = mixed_case_data(ctx), protected(doc)
            if left in data.title_words or spans.covers(m.start()):
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start: line_end if line_end != -1 else len(text)]
            if _title_case(line):
                continue
            end = space
            yield self.finding(
                lm.start(), m.end(),
                f"Missing sentence break before {right!r}: a full stop seems lost after {left!r}",
                Fix.unsafe(f"Insert a full stop after {left!r}", Edit(end, end, ".")))


def _title_case(line: str) -> bool:
    """Whether most words of ``line`` are capitalised (a headline or a title).

    >>> _title_case("Biden Skips Forum In His Stead"), _title_case("a wedding In his stead")
    (True, False)
    """
    words = _WORD.findall(line)
    if len(words) < 3:
        return True
    caps = sum(1 for w in words if w[0].isupper())
    return caps * 2 >= len(words)
