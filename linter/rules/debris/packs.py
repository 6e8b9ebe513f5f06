"""Debris rule packs: load and validate ``linter/packs/debris/*.toml``, compile one matcher.

A pack is data: the chrome one source of pages leaves in extracted text (a blogging
platform, a site builder, news sites in general, outlet mastheads). Two kinds of entry:

``[[chrome]]``
    ``text`` (a literal) or ``regex`` (Python ``re`` syntax); ``where`` it may match:
    ``line`` (the whole line, list markers and surrounding spaces aside), ``start`` / ``end``
    (a prefix or suffix of a line) or ``inline`` (anywhere); ``fix``: ``safe`` only when
    the text can never be article prose, else ``unsafe`` (or ``none``: report only);
    ``message``; ``example`` (a line the entry must match: checked on load); optional
    ``id`` and ``match-case`` (default false).

``[[site]]``
    A site or outlet: ``name``, optional ``slogan``, ``aliases`` and ``domains``. Sites feed
    the masthead, fused-token and title-suffix rules.

Every entry of every pack is compiled once per run (``ctx.cached``) into a
:class:`Matcher`: whole-line literals go into one dict keyed by the normalised line,
whole-line regexes into one alternation, and line start/end/inline entries into one regex
run over the whole text. No rule runs one regex per phrase per line.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from linter.core.document import per_text
from linter.core.packs import (PACKS_DIR, PackError, builtin_pack_paths, read_pack,
                                reject_unknown, require)
from linter.rules.debris import heads

FAMILY = "debris"
WHERE = ("line", "start", "end", "inline")
FIXES = ("safe", "unsafe", "none")
CHROME_KEYS = {"id", "text", "regex", "where", "fix", "message", "example", "match-case"}
SITE_KEYS = {"id", "name", "slogan", "aliases", "domains", "fix"}
PACK_KEYS = {"name", "family", "description", "url"}

# -- normalisation -------------------------------------------------------------------------
_TRANS = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"',
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u200b": "", "\ufeff": "",
    "\u00ad": "", "\u2026": "...", "\u2013": "-", "\u2014": "-", "\u2212": "-",
})
_NEEDS_TRANS = re.compile("[" + "".join(re.escape(chr(c)) for c in _TRANS) + "]")
_FOLD = {chr(k): v for k, v in _TRANS.items()}


def _fold_char(m: re.Match) -> str:
    return _FOLD[m.group()]


#: list markers, Markdown heading marks and quote marks a chrome line may carry
_LEAD = re.compile(r"^(?:[-*+\u2022\u00b7\u25aa\u25ba\u25b8\u2023\u203a>#]+[ \t]+)+")
#: trailing decoration that does not change what a chrome line is ("Read more »", "Share:")
_TRAIL = " \t:.\u00bb\u203a>\u2192\u25b8\u25ba|"
_SPACES = re.compile(r"\s+")


def clean_line(line: str) -> str:
    """A line with typographic variants folded, list markers and outer spaces removed.

    >>> clean_line("  \u2022 Writer\u2019s picture")
    "Writer's picture"
    >>> clean_line("- Share on  Twitter")
    'Share on Twitter'
    """
    if line.isascii():  # O(1) in CPython: most lines need no folding
        s = (line.replace("`", "'") if "`" in line else line).strip()
    else:
        s = _NEEDS_TRANS.sub(_fold_char, line).strip()
    if s[:1] in "-*+\u2022\u00b7\u25aa\u25ba\u25b8\u2023\u203a>#":
        s = _LEAD.sub("", s)
    if "  " in s or "\t" in s:
        s = _SPACES.sub(" ", s)
    return s


def line_key(line: str) -> str:
    """The key a whole-line literal is looked up by: cleaned, case-folded, trailing decoration off.

    >>> line_key("Read more \u00bb") == line_key("read more...") == "read more"
    True
    """
    return clean_line(line).rstrip(_TRAIL).casefold()


# -- entries -------------------------------------------------------------------------------
class Chrome(NamedTuple):
    """One ``[[chrome]]`` entry of a pack."""

    pack: str
    id: str
    where: str
    fix: str
    message: str
    example: str
    text: str | None = None
    regex: str | None = None
    match_case: bool = False
    path: str = ""

    def pattern(self) -> str:
        """The entry as a regular expression (literals get flexible spaces and quotes)."""
        body = self.regex if self.regex is not None else literal_regex(self.text or "")
        return body if self.match_case else f"(?i:{body})"


class Site(NamedTuple):
    """One ``[[site]]`` entry: an outlet or platform name, with its slogan and other spellings."""

    pack: str
    id: str
    name: str
    slogan: str | None = None
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    path: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.domains)


def literal_regex(text: str) -> str:
    r"""A regex for a literal that tolerates spacing, quote and ellipsis variants.

    >>> literal_regex("Writer's picture")
    "Writer['\\u2019]s[ \\t\\u00a0]+picture"
    """
    out = []
    for ch in text.translate(_TRANS):
        if ch == " ":
            if not out or out[-1] != r"[ \t\u00a0]+":
                out.append(r"[ \t\u00a0]+")
        elif ch == "'":
            out.append("['\\u2019]")
        elif ch == '"':
            out.append('["\\u201c\\u201d]')
        elif ch == "-":
            out.append("[-\\u2013\\u2014]")
        else:
            out.append(re.escape(ch))
    return "".join(out).replace(r"\.\.\.", r"(?:\.\.\.|\u2026)")


# -- regex analysis for cheap gates -----------------------------------------------------------
try:  # Python 3.11+
    from re import _constants as _sre_c, _parser as _sre_p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_c
    import sre_parse as _sre_p

def first_chars(pattern: str) -> frozenset[str] | None:
    """The lowercase characters a match of ``pattern`` can start with, or None (any).

    >>> sorted(first_chars("(?:Posted|Filed) in"))
    ['f', 'p']
    >>> first_chars(".*x") is None
    True
    """
    try:
        tree = _sre_p.parse(pattern)
    except Exception:  # pragma: no cover - validated before
        return None
    return _first(list(tree))


def _first(items) -> frozenset[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is _sre_c.AT:
            continue
        if op is _sre_c.LITERAL:
            ch = chr(av)
            return frozenset(out | {ch.lower(), ch.upper().lower()})
        if op is _sre_c.IN:
            chars = set()
            for iop, iav in av:
                if iop is _sre_c.LITERAL:
                    chars.add(chr(iav).lower())
                elif iop is _sre_c.RANGE and iav[1] - iav[0] < 64:
                    chars.update(chr(c).lower() for c in range(iav[0], iav[1] + 1))
                elif iop is _sre_c.CATEGORY and iav is _sre_c.CATEGORY_DIGIT:
                    chars.update("0123456789")
                else:
                    return None
            return frozenset(out | chars)
        if op is _sre_c.SUBPATTERN:
            sub = _first(list(av[-1]))
            if sub is None or _nullable(list(av[-1])):
                return None
            return frozenset(out | sub)
        if op is _sre_c.BRANCH:
            for alt in av[1]:
                sub = _first(list(alt))
                if sub is None or _nullable(list(alt)):
                    return None
                out |= sub
            return frozenset(out)
        if op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT):
            lo, _hi, sub = av
            f = _first(list(sub))
            if f is None:
                return None
            out |= f
            if lo >= 1:
                return frozenset(out)
            continue  # optional: the next item may start the match too
        return None
    return None


def _first_chars_all(patterns: list[str]) -> list[frozenset[str] | None]:
    """:func:`first_chars` of each pattern, kept across runs by :mod:`linter.core.coldstart`
    (keyed by the patterns themselves and this module's file): a warm cold start parses none."""
    import os

    from linter.core import coldstart

    st = os.stat(__file__)
    key = ("debris.first-chars", st.st_size, st.st_mtime_ns, "\x00".join(patterns))
    got = coldstart.remember(key, lambda: [None if f is None else sorted(f) for f in map(first_chars, patterns)])
    return [None if f is None else frozenset(f) for f in got]


#: ASCII digits to ``0``, as :func:`heads.canonical` writes them
_ZEROS = str.maketrans("123456789", "000000000")


def _pattern_heads_all(patterns: list[str]) -> list:
    """:func:`heads.pattern_heads` of each pattern (sorted lists, or None), kept across runs
    by :mod:`linter.core.coldstart` (keyed by the patterns and the two modules' files)."""
    import os

    from linter.core import coldstart

    st, hs = os.stat(__file__), os.stat(heads.__file__)
    key = ("debris.piece-heads", heads.K, st.st_size, st.st_mtime_ns, hs.st_size, hs.st_mtime_ns,
           "\x00".join(patterns))

    def build():
        return [None if got is None else [sorted(got[0]), sorted(got[1])]
                for got in map(heads.pattern_heads, patterns)]

    return coldstart.remember(key, build)


def _nullable(items) -> bool:
    try:
        return _sre_p.SubPattern(_sre_p.State(), items).getwidth()[0] == 0
    except Exception:  # pragma: no cover
        return True


def literal_runs(pattern: str, letters: bool = True) -> list[str] | None:
    """A lowercase word every match of ``pattern`` contains, one per top-level alternative
    (its longest literal word), or None when an alternative has no literal word of 3 or more
    letters. ``letters=False``: the longest run of literal letters, ASCII spaces, digits and
    punctuation instead (text that lowercasing leaves as it is: a longer needle, which
    ``str.find`` looks for faster, in text that is matched raw rather than cleaned).

    >>> literal_runs("(?:Telegram|WhatsApp) channel now")
    ['channel']
    >>> literal_runs("Click to print|Opens in new window")
    ['click', 'window']
    >>> literal_runs(r"Click to print|\\(Opens in new window\\)", letters=False)
    ['click to print', '(opens in new window)']
    >>> literal_runs("[a-z]+ x") is None
    True
    """
    alts = _alternatives(pattern)
    if alts is None:  # pragma: no cover
        return None
    out = []
    for alt in alts:
        best, run = "", ""
        for op, av in alt + [(None, None)]:
            if op is _sre_c.LITERAL and (chr(av).isalpha() or not letters and chr(av).isascii()):
                run += chr(av).lower()
            else:
                best = max(best, run, key=len)
                run = ""
        if len(best) < 3:
            return None
        out.append(best)
    return out


def top_literals(pattern: str) -> list[list[str]] | None:
    r"""The literal characters at the top level of each top-level alternative of ``pattern``
    (a group around all of it taken off), in order: characters every match of that
    alternative holds. None when the pattern does not parse.

    >>> top_literals(r"(?:Share \(x\)|a[bc]!)")
    [['S', 'h', 'a', 'r', 'e', ' ', '(', 'x', ')'], ['a', '!']]
    """
    alts = _alternatives(pattern)
    return None if alts is None else [[chr(av) for op, av in alt if op is _sre_c.LITERAL] for alt in alts]


def _alternatives(pattern: str) -> list[list] | None:
    """The parsed top-level alternatives of ``pattern`` (a group around all of it taken off),
    or None when it does not parse."""
    try:
        tree = list(_sre_p.parse(pattern))
    except Exception:  # pragma: no cover - validated before
        return None
    while len(tree) == 1 and tree[0][0] is _sre_c.SUBPATTERN:
        tree = list(tree[0][1][-1])
    if len(tree) == 1 and tree[0][0] is _sre_c.BRANCH:
        return [list(a) for a in tree[0][1][1]]
    return [tree]


def rare_symbol(pattern: str) -> str | None:
    """A non-ASCII symbol every match of ``pattern`` holds (a :func:`top_literals` character
    of each alternative that has no case and that neither lowercasing nor
    :func:`clean_line` changes), or None: a character ``str.find`` finds far faster than a
    word.

    >>> rare_symbol(r".{1,60} \u00a9 \\d{4} Powered by Ghost"), rare_symbol("Caf\u00e9 (?:\u00a9)?")
    ('\u00a9', None)
    """
    alts = top_literals(pattern)
    if not alts:
        return None
    for ch in alts[0]:
        if not ch.isascii() and not ch.isalnum() and not ch.isspace() and ch not in _FOLD \
                and ch not in heads.REMOVED and ch.lower() == ch.upper() == ch.casefold() == ch \
                and all(ch in alt for alt in alts[1:]):
            return ch
    return None


class Pack:
    """One pack file: its ``[pack]`` table and its entries."""

    def __init__(self, name: str, path: str, description: str):
        self.name, self.path, self.description = name, path, description
        self.chrome: list[Chrome] = []
        self.sites: list[Site] = []


def load_pack(path: str | Path, check_patterns: bool = True) -> Pack:
    """Read and validate one pack file; any problem is a :class:`PackError`.

    ``check_patterns=False`` skips compiling each regex and matching each example (the
    shipped packs are checked by the test suite; user and plug-in packs always are).
    """
    data = read_pack(path)
    path = str(path)
    head = data.get("pack")
    if not isinstance(head, dict):
        raise PackError(path, "missing [pack] table (with name, family, description)")
    reject_unknown(head, PACK_KEYS, path, "[pack]")
    name = require(head, "name", str, path, "[pack]")
    family = require(head, "family", str, path, "[pack]")
    if family != FAMILY:
        raise PackError(path, f"family is {family!r}, not {FAMILY!r}", "[pack]")
    description = require(head, "description", str, path, "[pack]", required=False, default="")
    unknown = sorted(set(data) - {"pack", "chrome", "site"})
    if unknown:
        raise PackError(path, f"unknown table(s) {', '.join(map(repr, unknown))}; "
                        "allowed: pack, chrome, site")
    pack = Pack(name, path, description)
    seen: set[str] = set()
    for i, raw in enumerate(_array(data, "chrome", path)):
        entry = _chrome(raw, name, path, i, check_patterns)
        if entry.id in seen:
            raise PackError(path, "duplicate id", entry.id)
        seen.add(entry.id)
        pack.chrome.append(entry)
    for i, raw in enumerate(_array(data, "site", path)):
        site = _site(raw, name, path, i)
        if site.id in seen:
            raise PackError(path, "duplicate id", site.id)
        seen.add(site.id)
        pack.sites.append(site)
    return pack


def _array(data: dict, key: str, path: str) -> list[dict]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise PackError(path, f"{key!r} must be an array of tables ([[{key}]])")
    return value


def _chrome(raw: dict, pack: str, path: str, i: int, check_patterns: bool = True) -> Chrome:
    label = str(raw.get("id") or raw.get("text") or raw.get("regex") or f"chrome #{i + 1}")
    reject_unknown(raw, CHROME_KEYS, path, label)
    text = require(raw, "text", str, path, label, required=False)
    regex = require(raw, "regex", str, path, label, required=False)
    if (text is None) == (regex is None):
        raise PackError(path, "give exactly one of 'text' or 'regex'", label)
    if text is not None and not text.strip():
        raise PackError(path, "'text' is empty", label)
    where = require(raw, "where", str, path, label, required=False, default="line")
    if where not in WHERE:
        raise PackError(path, f"'where' must be one of {', '.join(WHERE)}, not {where!r}", label)
    fix = require(raw, "fix", str, path, label, required=False, default="unsafe")
    if fix not in FIXES:
        raise PackError(path, f"'fix' must be one of {', '.join(FIXES)}, not {fix!r}", label)
    entry = Chrome(
        pack=pack, id=require(raw, "id", str, path, label, required=False, default=label),
        where=where, fix=fix, message=require(raw, "message", str, path, label),
        example=require(raw, "example", str, path, label), text=text, regex=regex,
        match_case=require(raw, "match-case", bool, path, label, required=False, default=False),
        path=path)
    if not check_patterns:
        return entry
    try:
        compiled = re.compile(entry.pattern())
    except re.error as exc:
        raise PackError(path, f"invalid regex: {exc}", label) from None
    if compiled.groups:
        raise PackError(path, "regex must not have capturing groups; use (?:...)", label)
    if not _example_matches(entry, compiled):
        raise PackError(path, f"example {entry.example!r} does not match the entry "
                        f"(where = {where!r})", label)
    return entry


def _example_matches(entry: Chrome, compiled: re.Pattern) -> bool:
    ex = entry.example
    if entry.where == "line":
        if entry.text is not None and entry.match_case:
            return clean_line(ex).rstrip(_TRAIL) == clean_line(entry.text).rstrip(_TRAIL)
        if entry.text is not None:
            return line_key(ex) == line_key(entry.text)
        return compiled.fullmatch(clean_line(ex)) is not None
    if entry.where == "start":
        return compiled.match(clean_line(ex)) is not None
    if entry.where == "end":
        return any(m.end() == len(ex.rstrip()) for m in compiled.finditer(ex.rstrip()))
    return compiled.search(ex) is not None


def _site(raw: dict, pack: str, path: str, i: int) -> Site:
    label = str(raw.get("id") or raw.get("name") or f"site #{i + 1}")
    reject_unknown(raw, SITE_KEYS, path, label)
    name = require(raw, "name", str, path, label)
    if not name.strip():
        raise PackError(path, "'name' is empty", label)
    lists = {}
    for key in ("aliases", "domains"):
        value = require(raw, key, list, path, label, required=False, default=[])
        if not all(isinstance(v, str) and v.strip() for v in value):
            raise PackError(path, f"{key!r} must be a list of non-empty strings", label)
        lists[key] = tuple(value)
    return Site(pack=pack, id=require(raw, "id", str, path, label, required=False, default=label),
                name=name, slogan=require(raw, "slogan", str, path, label, required=False),
                aliases=lists["aliases"], domains=lists["domains"], path=path)


# -- the compiled matcher ----------------------------------------------------------------------
#: a whole line, as scanned: the longest line the whole-line matcher looks at
MAX_CHROME_LINE = 240


class SpanHit(NamedTuple):
    start: int
    end: int
    entry: Chrome


class Matcher:
    """All debris packs of a run, compiled once.

    >>> m = Matcher.from_paths(builtin_pack_paths("debris"))
    >>> m.line_entry("  \u2022 top of page ").id
    'top-of-page'
    >>> m.line_entry("The page was at the top of page one.") is None
    True
    """

    def __init__(self, packs: list[Pack]):
        self.packs = packs
        self.literals: dict[str, Chrome] = {}
        self.literals_cased: dict[str, Chrome] = {}
        line_regex: list[Chrome] = []
        span: list[Chrome] = []
        self.sites: list[Site] = []
        for pack in packs:
            self.sites.extend(pack.sites)
            for e in pack.chrome:
                if e.where == "line" and e.text is not None and e.match_case:
                    self.literals_cased.setdefault(clean_line(e.text).rstrip(_TRAIL), e)
                elif e.where == "line" and e.text is not None:
                    self.literals.setdefault(line_key(e.text), e)
                elif e.where == "line":
                    line_regex.append(e)
                else:
                    span.append(e)
        self._line_entries = line_regex
        # whole-line regexes bucketed by the (lowercase) first character a match can have;
        # a bucket's alternation is compiled when a line first needs it
        # (each top-level alternative of an entry goes only to the buckets of its own first
        # characters, so that no bucket repeats a whole entry)
        firsts = []
        self._bucket_entries: dict[str, list[tuple[str, Chrome]]] = {}
        #: the bucketed pieces in order (what :meth:`classify` tries on an ASCII line, picked
        #: by the line's head: see :attr:`_piece_index`), and each bucket's piece numbers
        self._pieces: list[tuple[str, Chrome]] = []
        self._bucket_ids: dict[str, set[int]] = {}
        split = [split_alternatives(e.regex or "") for e in line_regex]
        known = iter(_first_chars_all([p for pieces in split for p in pieces]))
        for e, pieces in zip(line_regex, split):
            piece_firsts = [next(known) for _p in pieces]
            if any(f is None for f in piece_firsts):
                firsts.append(None)
                continue
            firsts.append(frozenset().union(*piece_firsts))
            for piece, f in zip(pieces, piece_firsts):
                self._pieces.append((piece, e))
                for ch in f:
                    self._bucket_entries.setdefault(ch, []).append((piece, e))
                    self._bucket_ids.setdefault(ch, set()).add(len(self._pieces) - 1)
        self._piece_regexes: dict[int, re.Pattern] = {}
        #: a line's first K characters, lowercased -> the pieces it may be (memo of _pieces_for)
        self._head_pieces: dict[str, tuple[int, ...]] = {}
        self._line_buckets: dict[str, tuple[re.Pattern, list[Chrome]] | None] = {}
        # entries that may start with anything run only on lines holding their literal text
        self._line_rest = [(literal_runs(e.regex or ""), e, re.compile(e.pattern()))
                           for e, f in zip(line_regex, firsts) if f is None]
        gates = [g for gs, _e, _r in self._line_rest for g in (gs or ())]
        ungated = any(gs is None for gs, _e, _r in self._line_rest)
        self._rest_gate = None if ungated or not gates else \
            re.compile("|".join(re.escape(g) for g in sorted(set(gates), key=lambda g: (-len(g), g))))
        #: the literal words one of which every line a rest entry matches holds (case-folded)
        self._rest_words = None if ungated else tuple(sorted(set(gates)))
        self._span_entries = span
        # span entries with the literal text every match holds (cheap substring gates), and
        # the longer literal text (needles) that finds the lines holding it faster
        self._span_gated = [_SpanEntry.of(e) for e in span]
        # sites: normalised names -> site; masthead lines -> (site, with slogan)
        self.site_keys: dict[str, Site] = {}
        self.masthead_keys: dict[str, tuple[Site, bool]] = {}
        for s in self.sites:
            for n in s.names:
                self.site_keys.setdefault(line_key(n), s)
                self.masthead_keys.setdefault(line_key(n), (s, False))
            if s.slogan:
                self.masthead_keys.setdefault(line_key(s.slogan), (s, False))
                for n in (s.name, *s.aliases):
                    for sep in ("", " ", " - ", " | ", ": ", " : ", " \u00b7 "):
                        self.masthead_keys[line_key(n + sep + s.slogan)] = (s, True)
        #: phrases that show fused chrome: known names and slogans by first word, and
        #: literal chrome labels ending in a lowercase letter (``Writer's picture``)
        self.fused_starts: dict[str, list[tuple[str, Site]]] = {}
        for s in self.sites:
            for phrase in (s.name, *s.aliases, *((s.slogan,) if s.slogan else ())):
                if len(phrase) >= 5 or " " in phrase:
                    first = phrase.split()[0]
                    self.fused_starts.setdefault(first, []).append((phrase, s))
        for lst in self.fused_starts.values():
            lst.sort(key=lambda t: -len(t[0]))
        #: last word -> labels (case-folded) ending with it
        self.fused_labels: dict[str, list[str]] = {}
        for pack in packs:
            for e in pack.chrome:
                t = (e.text or "").translate(_TRANS).strip()
                if t and t[-1].islower() and len(t) >= 6:
                    label = t.casefold()
                    self.fused_labels.setdefault(label.split()[-1], []).append(label)

    @classmethod
    def from_paths(cls, paths) -> "Matcher":
        shipped = str(PACKS_DIR)
        return cls([load_pack(p, check_patterns=not str(p).startswith(shipped)) for p in paths])

    # -- the head gate ---------------------------------------------------------------------
    @cached_property
    def head_gate(self) -> heads.HeadGate:
        """How the lines :meth:`classify` may match start (see :mod:`heads`); the entries
        that may start with anything are left to :attr:`rest_words`."""
        keys = [*self.masthead_keys, *self.literals, *self.literals_cased]
        pieces = {p for picked in self._bucket_entries.values() for p, _e in picked}
        for alt in self._rest_alternatives:
            if heads.pattern_heads(alt) is not None:
                pieces.add(alt)
        return heads.HeadGate(keys, sorted(pieces))

    @cached_property
    def _rest_alternatives(self) -> list[str]:
        return [alt for _g, e, _r in self._line_rest for alt in split_alternatives(e.regex or "")]

    @cached_property
    def rest_words(self) -> tuple[str, ...] | None:
        """A word (case-folded) every line holds that a rest entry's alternative without known
        heads matches; None when some such alternative has none."""
        words = set()
        for alt in self._rest_alternatives:
            if heads.pattern_heads(alt) is None:
                symbol = rare_symbol(alt)
                got = [symbol] if symbol else literal_runs(alt)
                if got is None:
                    return None
                words.update(got)
        return tuple(sorted(words))

    @cached_property
    def _word_folds(self) -> str:
        """Characters ``str.casefold`` turns into part of a rest word but ``str.lower`` does not."""
        odd = "\u00df\u1e9e\u017f\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
        return "".join(ch for ch in odd if any(ch.casefold() in w for w in self.rest_words or ()))

    @cached_property
    def scan_gate(self) -> heads.HeadGate:
        """:attr:`head_gate` and the heads of counter lines (``counters.HEADS``) in one
        trie: one scan finds the lines both look at (:meth:`gate_lines`)."""
        from linter.rules.debris.counters import _COUNTER

        gate = self.head_gate
        return heads.HeadGate(gate._keys, [*gate._patterns, _COUNTER])

    def gate_lines(self, doc) -> list[int] | None:
        """The lines that start like a pack entry or a counter line (:attr:`scan_gate`, a
        superset of both), in order; None when the gate cannot be used (every line may be
        one): :meth:`line_candidates` and ``counters.counter_lines`` start from them.

        >>> m = Matcher.from_paths(builtin_pack_paths("debris"))
        >>> from linter.core.document import Document
        >>> m.gate_lines(Document.from_text("Share this:\\n\\nTalks went on.\\n\\u2022 3 min read\\n"))
        [0, 3]
        """
        from linter.rules.debris.layout import candidate_lines, lowered

        gate = self.scan_gate
        low = lowered(doc)
        if not gate.sound or self.rest_words is None or low is None or has_removed(doc):
            return None
        return candidate_lines(doc, gate.regex, low)

    def line_candidates(self, doc, gated: list[int] | None | bool = False) -> list[int]:
        """The lines :meth:`classify` may match (a superset, in order); ``gated``: what
        :meth:`gate_lines` gives for ``doc``, when known.

        >>> m = Matcher.from_paths(builtin_pack_paths("debris"))
        >>> from linter.core.document import Document
        >>> m.line_candidates(Document.from_text("Share this:\\n\\nTalks went on.\\n\\u2022 Talks\\n"))
        [0]
        """
        from linter.rules.debris.layout import lowered

        lines = doc.lines
        found = self.gate_lines(doc) if gated is False else gated
        if found is None:
            return [i for i, n in enumerate(map(len, lines)) if 0 < n <= MAX_CHROME_LINE]
        words = self.rest_words
        if words:
            text = doc.text
            low = lowered(doc)
            if any(ch in text for ch in self._word_folds):
                low = text.casefold()
            more = set()
            for w in words:
                pos = low.find(w)
                while pos != -1:
                    more.add(low.count("\n", 0, pos))
                    nxt = low.find("\n", pos)
                    pos = -1 if nxt == -1 else low.find(w, nxt)
            if more:
                found = sorted(more.union(found))
        return [i for i in found if len(lines[i]) <= MAX_CHROME_LINE]

    # -- whole lines -----------------------------------------------------------------------
    def line_entry(self, line: str) -> Chrome | None:
        """The chrome entry a whole line is, or None."""
        hit = self.classify(line)
        return hit if isinstance(hit, Chrome) else None

    def classify(self, line: str) -> "Chrome | tuple[Site, bool] | None":
        """The chrome entry, or the masthead ``(site, has slogan)``, a whole line is."""
        if len(line) > MAX_CHROME_LINE:
            return None
        clean = clean_line(line)
        if not clean:
            return None
        key = clean.rstrip(_TRAIL)
        folded = key.casefold()
        mast = self.masthead_keys.get(folded)
        if mast is not None:
            return mast
        hit = self.literals.get(folded)
        if hit is not None:
            return hit
        if self.literals_cased:
            hit = self.literals_cased.get(key)
            if hit is not None:
                return hit
        first = clean[0].lower()
        if clean.isascii():
            hit = self._piece_hit(clean)
            if hit is not None:
                return hit
        else:
            try:
                bucket = self._line_buckets[first]
            except KeyError:
                picked = self._bucket_entries.get(first)
                bucket = self._line_buckets[first] = _pieces(picked) if picked else None
            if bucket is not None:
                m = bucket[0].fullmatch(clean)
                if m is not None:
                    return bucket[1][int(m.lastgroup[1:])]
        if self._line_rest:
            if self._rest_gate is not None:
                # (the words one by one: faster than the alternation on a short line)
                for w in self._rest_words:
                    if w in folded:
                        break
                else:
                    return None
            for gates, entry, rx in self._line_rest:
                if rx.fullmatch(clean):
                    return entry
        return None

    def _pieces_for(self, canon: str, first: str) -> tuple[int, ...]:
        """The bucketed pieces (in order) a line of canonical form ``canon`` (or its first
        K characters when longer) may be, of the bucket of ``first``."""
        ids = self._bucket_ids.get(first)
        if not ids:
            return ()
        prefix, exact, loose = self._piece_index
        found = set(loose)
        for size in range(1, min(heads.K, len(canon)) + 1):
            found.update(prefix.get(canon[:size], ()))
        if len(canon) < heads.K:
            found.update(exact.get(canon, ()))
        return tuple(sorted(found & ids))

    @cached_property
    def _piece_index(self) -> tuple[dict[str, list[int]], dict[str, list[int]], frozenset[int]]:
        """(prefix head -> pieces, whole head -> pieces, pieces any line may match) of the
        bucketed pieces (:func:`heads.pattern_heads`, kept across runs): a line whose
        canonical form neither starts with a piece's prefix head nor is one of its whole
        heads is no match of it. A piece without known heads, or one holding a character
        that ``re`` equates with an ASCII letter but case folding does not (the dotted and
        dotless i), is tried on every line of its bucket."""
        prefix: dict[str, list[int]] = {}
        exact: dict[str, list[int]] = {}
        loose = set()
        for n, got in enumerate(_pattern_heads_all([p for p, _e in self._pieces])):
            # (a head folded from the dotted capital I holds its combining dot; the dotless i
            # stays itself: ``re`` matches either with an ASCII i)
            if got is None or any(ch in h for h in (*got[0], *got[1]) for ch in "\u0131\u0307"):
                loose.add(n)
                continue
            for h in got[0]:
                prefix.setdefault(h, []).append(n)
            for h in got[1]:
                exact.setdefault(h, []).append(n)
        return prefix, exact, frozenset(loose)

    def _piece_hit(self, clean: str) -> Chrome | None:
        """The entry of the first bucketed piece (in bucket order) that the ASCII line
        ``clean`` is, trying only the pieces of its bucket whose heads it has: the entry the
        bucket's alternation finds, for far fewer ``re`` calls.

        >>> m = Matcher.from_paths(builtin_pack_paths("debris"))
        >>> m.classify("- Posted in Uncategorized").id, m.classify("Posted in the morning, he said.")
        ('posted-in', None)
        """
        k = heads.K
        key = clean[:k].lower()
        if key.isprintable():  # (a cleaned line holds no run of plain spaces)
            found = self._head_pieces.get(key)
            if found is None:
                if len(self._head_pieces) > 20000:
                    self._head_pieces.clear()
                found = self._head_pieces[key] = self._pieces_for(key.translate(_ZEROS), key[0])
        else:
            found = self._pieces_for(heads.canonical(clean), clean[0].lower())
        for n in found:
            rx = self._piece_regexes.get(n)
            if rx is None:
                piece, e = self._pieces[n]
                rx = self._piece_regexes[n] = re.compile(piece if e.match_case else f"(?i:{piece})")
            if rx.fullmatch(clean) is not None:
                return self._pieces[n][1]
        return None

    # -- spans -------------------------------------------------------------------------------
    def span_hits(self, text: str, low: str | None = None) -> list[SpanHit]:
        """Line start/end and inline entries found in ``text``.

        An entry runs only on the lines holding the literal text all its matches contain
        (its lowercase, capitalised or upper-case spelling), found with ``str.find`` on the
        lowercased text ``low`` when given (:func:`layout.lowered`); entries without one
        run on all.
        """
        if not self._span_gated:
            return []
        out: list[SpanHit] = []
        n = len(text)
        if low is None or len(low) != n:
            low = text.lower() if len(text.lower()) == n else None
        for gates, needles, words, variants, entry, rx, mark in self._span_gated:
            if mark and mark not in text:  # (a character is found at memory speed)
                continue
            if gates is None:
                for m in rx.finditer(text):
                    out.append(SpanHit(m.start("e0"), m.end("e0"), entry))
                continue
            lines_done: set[int] = set()
            where = text if low is None else low
            # with the lowercased text, the lines are found by the longer needles (every
            # match holds one), then held to the gates as if found by them
            for gate in (variants if low is None else needles):
                pos = where.find(gate)
                while pos != -1:
                    start = text.rfind("\n", 0, pos) + 1
                    if start not in lines_done:
                        lines_done.add(start)
                        end = text.find("\n", pos)
                        end = n if end == -1 else end
                        if low is None or (any(w in low[start:end] for w in words)
                                           and any(v in text[start:end] for v in variants)):
                            for m in rx.finditer(text, start, end):
                                out.append(SpanHit(m.start("e0"), m.end("e0"), entry))
                    pos = where.find(gate, pos + 1)
        out.sort(key=lambda h: (h.start, h.end))
        return out

    # -- sites -------------------------------------------------------------------------------
    def site(self, text: str) -> Site | None:
        """The known site ``text`` names (name, alias or domain), or None."""
        return self.site_keys.get(line_key(text))

    def masthead(self, line: str) -> tuple[Site, bool] | None:
        """(site, has slogan) when a whole line is a known masthead, a slogan or a bare name."""
        if len(line) > MAX_CHROME_LINE:
            return None
        return self.masthead_keys.get(line_key(line))


def has_removed(doc) -> bool:
    """Whether ``doc.text`` holds a character ``clean_line`` removes (:data:`heads.REMOVED`),
    read from the census of its rare characters that the E rules share (and
    ``layout.plain_spaces`` reads), not by a scan per character.

    >>> from linter.core.document import Document
    >>> has_removed(Document.from_text("Sha\\u00adre")), has_removed(Document.from_text("caf\\u00e9"))
    (True, False)
    """
    if doc.text.isascii():
        return False
    from linter.rules.encoding.census import census

    return not census(doc).isdisjoint(heads.REMOVED)


class _SpanEntry(NamedTuple):
    """A span entry with what :meth:`Matcher.span_hits` looks for before running its regex."""

    #: a word every match holds, one per alternative (None: run the regex on every line)
    gates: list[str] | None
    #: longer literal text every match holds, lowercase, one per alternative
    needles: tuple[str, ...]
    #: the gates lowercased, and in lower, capitalised and upper case
    words: frozenset[str]
    variants: frozenset[str]
    entry: Chrome
    regex: re.Pattern
    #: a punctuation mark every match holds, rare in prose ("" when there is none)
    mark: str = ""

    @classmethod
    def of(cls, e: Chrome) -> "_SpanEntry":
        pattern = e.regex or literal_regex(e.text or "")
        gates = literal_runs(pattern)
        needles = tuple(dict.fromkeys(literal_runs(pattern, letters=False) or ()))
        return cls(gates, needles, frozenset(g.lower() for g in gates or ()),
                   frozenset(v for g in gates or () for v in (g, g.capitalize(), g.upper())),
                   e, _span_regex([e]), required_mark(pattern))


#: ASCII marks, the rarest in prose first: what :func:`required_mark` picks from
RARE_MARKS = "|~^{}\\@#=+<>[]*$%!;?()"


def required_mark(pattern: str) -> str:
    r"""A mark of :data:`RARE_MARKS` that every match of ``pattern`` holds (one of the
    :func:`top_literals` of each alternative), the rarest; "" when there is none. A text
    without it holds no match (marks have no case).

    >>> required_mark(r"Are you on (?:Telegram|Signal)\? Join our channel[.!]")
    '?'
    >>> required_mark(r"Click to print \(Opens in new window\)|Share \(x\)!"), required_mark("a|b!")
    ('(', '')
    """
    common = None
    for alt in top_literals(pattern) or ():
        marks = {ch for ch in alt if ch in RARE_MARKS}
        common = marks if common is None else common & marks
    return min(common or (), key=RARE_MARKS.index, default="")


def split_alternatives(pattern: str) -> list[str]:
    r"""The top-level alternatives of a regex source.

    >>> split_alternatives(r"Log ?in|Sign (?:in|up)|[|]x|a\|b")
    ['Log ?in', 'Sign (?:in|up)', '[|]x', 'a\\|b']
    """
    out, depth, klass, i, start = [], 0, False, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if klass:
            klass = ch != "]"
        elif ch == "[":
            klass = True
            if pattern[i + 1:i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def _pieces(picked: list[tuple[str, Chrome]]) -> tuple[re.Pattern, list[Chrome]]:
    """One alternation of regex pieces, each in a named group, and the entry of each group."""
    parts = [f"(?P<e{i}>{p if e.match_case else f'(?i:{p})'})" for i, (p, e) in enumerate(picked)]
    return re.compile("|".join(parts)), [e for _p, e in picked]


def _span_regex(entries: list[Chrome]) -> re.Pattern | None:
    if not entries:
        return None
    parts = []
    for i, e in enumerate(entries):
        body = f"(?P<e{i}>{e.pattern()})"
        if e.where == "start":
            parts.append(rf"^[ \t]*(?:[-*+\u2022\u00b7][ \t]+)?{body}")
        elif e.where == "end":
            parts.append(rf"{body}[ \t]*$")
        else:
            parts.append(body)
    return re.compile("|".join(parts), re.M)


class Scan:
    """Whole-line hits of one document, shared by the rules that need them."""

    def __init__(self, chrome: dict[int, Chrome], masthead: dict[int, tuple[Site, bool]],
                 counters: dict[int, tuple[int, int, str, bool]] | None = None, grouped=True,
                 code: frozenset = frozenset()):
        self.chrome = chrome
        self.masthead = masthead
        #: line -> (start, end, counters text, safe) of lines made only of counters (D104)
        self.counters = {} if counters is None else counters
        #: whether runs of adjacent debris lines may be deleted together (no suppression
        #: comments); a str: the text, tested when a line is first deleted
        self._grouped = grouped
        #: lines inside fenced code blocks (Markdown): never debris
        self.code = code

    @property
    def grouped(self) -> bool:
        if isinstance(self._grouped, str):
            self._grouped = "texthygiene:" not in self._grouped
        return self._grouped

    def whole_line(self, index: int) -> bool:
        """Whether the line is whole-line chrome or a masthead, or is code (left alone)."""
        return index in self.chrome or index in self.masthead or index in self.code

    def safety(self, index: int) -> str | None:
        """How the whole-line debris at ``index`` may be deleted: safe, unsafe, none (or None)."""
        if index in self.chrome:
            return self.chrome[index].fix
        if index in self.masthead:
            return "safe" if self.masthead[index][1] else "unsafe"
        if index in self.counters:
            return "safe" if self.counters[index][3] else "unsafe"
        return None

    def delete_edit(self, doc, index: int):
        """The edit deleting line ``index`` together with the adjacent debris lines of the same
        safety, so that a run such as ``top of page`` + ``Writer's picture`` at the top of a
        file leaves no stray blank line (each line's own edit would, applied together)."""
        from linter.core.lineedit import delete_line_edit

        kind = self.safety(index)
        first = last = index
        if self.grouped and kind in ("safe", "unsafe"):
            while self.safety(first - 1) == kind:
                first -= 1
            while self.safety(last + 1) == kind:
                last += 1
        return delete_line_edit(doc, first, last)


_OPEN_END = re.compile(r"[\w,\-\u2013\u2014(]\s*$")


def _continues(prev: str, line: str) -> bool:
    """Whether ``line`` goes on with the sentence of ``prev`` (a hard-wrapped paragraph).

    >>> _continues("the new header looks", "    like this:"), _continues("", "Like this:")
    (True, False)
    """
    s = line.lstrip()
    return bool(s) and s[0].islower() and _OPEN_END.search(prev) is not None


_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})", re.M)


def code_lines(doc) -> frozenset[int]:
    """Lines inside fenced code blocks of a Markdown document (fences included).

    >>> from linter.core.document import Document
    >>> sorted(code_lines(Document.from_text("a\\n```\\nShare this:\\n```\\nb\\n", path="x.md")))
    [1, 2, 3]
    """
    text = doc.text
    # (a character is found much faster than a string: test it first)
    if doc.kind != "markdown" or (("`" not in text or "```" not in text)
                                  and ("~" not in text or "~~~" not in text)):
        return frozenset()
    return per_text(doc, "debris-code-lines", _fenced_lines)


def _fenced_lines(doc) -> frozenset[int]:
    """The lines of ``doc``'s fenced code blocks, fences included (for :func:`code_lines`)."""
    out: set[int] = set()
    opened = None
    for m in _FENCE.finditer(doc.text):
        i = doc.line_index(m.start())
        if opened is None:
            opened = (i, m.group(1)[0], len(m.group(1)))
        elif m.group(1)[0] == opened[1] and len(m.group(1)) >= opened[2] \
                and not doc.lines[i].strip().lstrip(m.group(1)[0]):
            out.update(range(opened[0], i + 1))
            opened = None
    if opened is not None:
        out.update(range(opened[0], len(doc.lines)))
    return frozenset(out)


def scan(doc, ctx) -> Scan:
    """The whole-line chrome and masthead hits of ``doc`` (computed once per document text)."""
    last = ctx.cache.get("debris.scan")
    if last is not None and last[0] is doc.text:
        return last[1]
    m = matcher(ctx)
    chrome: dict[int, Chrome] = {}
    masthead: dict[int, tuple[Site, bool]] = {}
    classify = m.classify
    lines = doc.lines
    code = code_lines(doc)
    gated = m.gate_lines(doc)
    for i in m.line_candidates(doc, gated):
        line = lines[i]
        hit = classify(line)
        if hit is None or (i and _continues(lines[i - 1], line)) or i in code:
            continue
        if isinstance(hit, Chrome):
            chrome[i] = hit
        else:
            masthead[i] = hit
    from linter.rules.debris.counters import counter_lines

    result = Scan(chrome, masthead, counter_lines(doc, chrome, masthead, code, lines=gated),
                  grouped=doc.text, code=code)
    ctx.cache["debris.scan"] = (doc.text, result)
    return result


def pack_files(ctx) -> tuple[str, ...]:
    """Built-in, entry-point and user packs of the debris family for this run."""
    paths = list(ctx.pack_paths.get(FAMILY) or builtin_pack_paths(FAMILY))
    for p in ctx.pack_paths.get("user", ()):
        head = read_pack(p).get("pack")
        if isinstance(head, dict) and head.get("family") == FAMILY:
            paths.append(p)
    return tuple(paths)


_COMPILED: dict[tuple, Matcher] = {}


def compiled(paths: tuple[str, ...]) -> Matcher:
    """A matcher for ``paths``, shared by every context of the process while the files stay
    the same (keyed by path, size and modification time)."""
    key = []
    for p in paths:
        try:
            st = Path(p).stat()
            key.append((p, st.st_size, st.st_mtime_ns))
        except OSError:
            key.append((p, None, None))
    key = tuple(key)
    m = _COMPILED.get(key)
    if m is None:
        m = _COMPILED[key] = Matcher.from_paths(paths)
    return m


def matcher(ctx) -> Matcher:
    """The run's compiled matcher, built once per run and set of configured packs: one
    ``ctx.cached`` lookup keyed by the configured paths (every rule asks on every document)."""
    pack_paths = ctx.pack_paths
    key = ("debris.matcher", tuple(pack_paths.get(FAMILY, ())), tuple(pack_paths.get("user", ())))
    return ctx.cached(key, lambda: compiled(pack_files(ctx)))
