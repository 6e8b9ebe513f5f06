"""Line heads: a cheap, exact gate in front of the whole-line pack matcher.

A line can only be whole-line chrome when it starts like some pack entry. The *head* of a
line is how its cleaned form (see :func:`packs.clean_line`) starts: after spaces and list
markers, its first :data:`K` characters, case-folded, digits as ``0``, a run of spaces as
one space (:func:`canonical`). Every pack entry gives the heads its matches can have (literal keys directly, regexes
by walking their parse tree); a line whose head starts with none of them is never looked at.

The gate is one regular expression over the lowercased text (a trie of the heads, with
the character folding of ``clean_line`` spelled out as character classes), run from line
start to line start in C, so the matcher's Python work is spent only on the few lines that could
match. Characters the gate cannot reason about (soft hyphens, ligatures, ``…``) make it
accept the line: it is a superset, never a miss.
"""

from __future__ import annotations

import re
from functools import cached_property

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _p

#: how many characters of a head are compared
K = 6

#: more heads than this for one pattern: cut them shorter
_MAX = 400

#: walk states of a head: the pattern goes on after it, it is the whole match (up to
#: trailing decoration), or only its start is known
PENDING, EXACT, PREFIX = 0, 1, 2


#: any decimal digit (``re``'s ``\\d``): heads compare all digits as ``0``
_DIGIT = re.compile(r"\d")
_SPACES = re.compile(r"[^\S\n]+")


def canonical(text: str) -> str:
    """``text`` case-folded, every decimal digit written ``0``, every run of spaces one space.

    >>> canonical("Stra\\u00dfe  12"), canonical("\\u0663\\u00a0Min")
    ('strasse 00', '0 min')
    """
    return _SPACES.sub(" ", _DIGIT.sub("0", text.casefold()))


def fragment(key: str) -> str:
    """The canonical start of a normalised key, at most K characters.

    >>> fragment("share this"), fragment("TV"), fragment("Stra\\u00dfe"), fragment("9to5Mac")
    ('share ', 'tv', 'strass', '0to0ma')
    """
    return canonical(key.strip())[:K]


def pattern_heads(pattern: str) -> tuple[set[str], set[str]] | None:
    """The heads a match of ``pattern`` can have, canonical: (prefixes, whole matches shorter
    than K); None when the first character can be anything.

    >>> [sorted(x) for x in pattern_heads("(?:Posted|Filed) in")]
    [['filed ', 'posted'], []]
    >>> [sorted(x) for x in pattern_heads("TV|Up next|I agree")]
    [['i agre', 'up nex'], ['tv']]
    >>> sorted(pattern_heads(r"\\d+ min read")[0])
    ['0 min ', '00 min', '000 mi', '0000 m', '00000 ', '000000']
    >>> pattern_heads(".{1,60} Powered by") is None
    True
    """
    try:
        tree = _p.parse(pattern)
    except Exception:  # pragma: no cover - validated before
        return None
    res = _seq(list(tree))
    if res is None:
        return None
    prefixes, exact = set(), set()
    for s, state in res:
        f = canonical(s)
        if state == PREFIX or len(f) >= K:
            f = f[:K]
            if not f:
                return None
            prefixes.add(f)
        else:
            exact.add(f)
    return prefixes, exact


# A walk result is a set of (string, state) pairs.
def _join(left, right):
    out = set()
    for a, state in left:
        if state != PENDING:
            out.add((a, state))
            continue
        for b, bstate in right:
            s = a + b
            if "  " in s:
                s = _SPACES.sub(" ", s)
            out.add((s[:K], PREFIX) if len(s) >= K else (s, bstate))
    return out if len(out) <= _MAX else _shrink(out)


def _shrink(res):
    """Fewer, shorter heads when there are too many: ``0``..``999`` become ``0``..``9``."""
    for n in range(K - 1, 0, -1):
        out = {(s[:n], PREFIX) if len(s) >= n else (s, state) for s, state in res}
        if len(out) <= _MAX:
            return out
    return {("", PREFIX)}


def _seq(items):
    res = {("", PENDING)}
    for op, av in items:
        if all(state != PENDING for _s, state in res):
            break
        step = _item(op, av)
        if step is None:  # unknown from here: what is known so far is a prefix
            return {(s, PREFIX if state == PENDING else state) for s, state in res}
        res = _join(res, step)
    return res


def _chars(av):
    """Characters of an ``IN`` set (a space standing for any), or None."""
    chars = set()
    for op, v in av:
        if op is _c.NEGATE:
            return None
        if op is _c.LITERAL:
            chars.add(chr(v))
        elif op is _c.RANGE and v[1] - v[0] < 64:
            chars.update(chr(c) for c in range(v[0], v[1] + 1))
        elif op is _c.CATEGORY and v is _c.CATEGORY_DIGIT:
            chars.add("0")  # any decimal digit: canonical heads write them all 0
        elif op is _c.CATEGORY and v is _c.CATEGORY_SPACE:
            chars.add(" ")
        else:
            return None
    return {" " if ch.isspace() else ch for ch in chars}


def _item(op, av):
    if op is _c.LITERAL:
        return {(chr(av), PENDING)}
    if op is _c.IN:
        chars = _chars(av)
        return None if chars is None else {(ch, PENDING) for ch in chars}
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {("", PENDING)}  # zero width: ignoring what it asserts only widens the heads
    if op is _c.SUBPATTERN:
        return _seq(list(av[-1]))
    if op is _c.BRANCH:
        out = set()
        for alt in av[1]:
            out |= _seq(list(alt))
        return out if len(out) <= _MAX else _shrink(out)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        once = _seq(list(sub))
        if ("", PENDING) in once and hi > K:
            return None  # a repeat that may match nothing many times: give up
        out = {("", PENDING)} if lo == 0 else set()
        cur = {("", PENDING)}
        for n in range(1, min(hi, K) + 1):
            cur = _join(cur, once)
            if n >= lo:
                out |= cur
        if lo > K:  # K repeats finish every head (each adds a character)
            out |= cur
        return out
    return None


#: raw characters that ``clean_line`` removes (zero-width space, BOM, soft hyphen): a
#: document holding one is not gated (they may sit anywhere in a word)
REMOVED = ("\u200b", "\ufeff", "\u00ad")
#: characters whose case folding (or ``clean_line``'s folding) is several characters:
#: where a head goes on with the first of those, the gate accepts the line
_MULTI = ("\u00df\u0130\u0149\u01f0\u0390\u03b0\u0587\u1e96\u1e97\u1e98\u1e99\u1e9a\u1e9e\u1f50\u1f52"
          "\u1f54\u1f56" + "".join(map(chr, range(0x1f80, 0x1fb0))) + "\u1fb2\u1fb3\u1fb4\u1fb6\u1fb7\u1fbc"
          "\u1fc2\u1fc3\u1fc4\u1fc6\u1fc7\u1fcc\u1fd2\u1fd3\u1fd6\u1fd7\u1fe2\u1fe3\u1fe4\u1fe6\u1fe7"
          "\u1ff2\u1ff3\u1ff4\u1ff6\u1ff7\u1ffc\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06\ufb13\ufb14"
          "\ufb15\ufb16\ufb17\u2026")


def _expansions() -> dict[str, str]:
    """first character of the folded form -> the (lowercased) raw characters folding to
    several, or to it but not by ``str.lower`` (long s), or matching it in ``re``'s
    IGNORECASE only (dotless i)."""
    out: dict[str, str] = {"s": "\u017f", "i": "\u0131"}
    for ch in _MULTI:
        folded = ch.casefold() if ch != "\u2026" else "..."
        if len(ch.lower()) == 1:  # the dotted capital I: the text is not gated (see lowered)
            out[folded[0]] = out.get(folded[0], "") + ch.lower()
    return out


_EXPANDS = _expansions()
#: the start of a line ``clean_line`` strips: spaces, list markers (``–``, ``—``, ``−`` fold to
#: ``-``) each followed by spaces (no-break and thin ones fold to a space)
LEAD = (r"\n[\t\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*"
        r"(?:[-\u2013\u2014\u2212*+\u2022\u00b7\u25aa\u25ba\u25b8\u2023\u203a>#]+[ \t\u00a0\u2009\u202f\u2007]+)*")
#: the (lowercased) raw characters each canonical character comes from, besides itself
_RAW = {" ": r"[^\S\n]+", "'": "['\u2019\u2018\u201b\u2032`]", '"': '["\u201c\u201d]',
        "-": "[-\u2013\u2014\u2212]", "0": r"\d"}


def _raw(ch: str) -> str:
    """A regex for the lowercased raw characters that fold to the canonical character ``ch``.

    >>> _raw("a"), _raw("'"), _raw("\u5206"), _raw("\u00e9")
    ('a', "['\u2019\u2018\u201b\u2032`]", '\u5206', '(?i:\u00e9)')
    """
    if ch in _RAW:
        return _RAW[ch]
    if ch.isascii():
        return re.escape(ch)
    if ch.upper() != ch or ch.lower() != ch or ch.title() != ch:
        return f"(?i:{re.escape(ch)})"
    return re.escape(ch)


#: the characters lines of news text most often start with, and the letters of prose by
#: how common they are: the order a head trie tries its branches in (``re`` tries the
#: alternatives of an alternation one by one; which comes first does not change a match)
_LINE_STARTS = "tais\u201clwcfdrohm#\"bpen"
_NEXT_CHARS = " etaoinshrdlcumwfgypbvkjxqz"


class HeadGate:
    """The heads of a set of keys and patterns, and a regex finding the lines that have one.

    >>> g = HeadGate(["share this", "tv"], ["(?:Posted|Filed) in"])
    >>> [bool(g.regex.match("\\n" + s.lower())) for s in ("Share  this", "- TV \u00bb", "TVs", "Shame", "FILED in")]
    [True, True, False, False, True]
    >>> bool(HeadGate(["strasse"], []).regex.match("\\nStra\u00dfe".lower()))
    True
    >>> HeadGate([], [".*"]).sound
    False
    """

    #: a trie node (below the root) with more branches than this accepts any continuation
    BUSHY = 1000

    #: what may follow a whole key on its line (``packs._TRAIL``), spaces and ``…`` aside
    TRAIL = ":.\u00bb\u203a>\u2192\u25b8\u25ba|"

    def __init__(self, keys, patterns):
        self._keys, self._patterns = keys, patterns  # walked on first use

    @cached_property
    def _walked(self) -> tuple[set[str], set[str], bool]:
        prefixes: set[str] = set()
        exact: set[str] = set()
        for k in self._keys:
            f = fragment(k)
            (prefixes if len(f) >= K else exact).add(f)
        sound = "" not in exact
        for p in self._patterns:
            got = pattern_heads(p)
            if got is None:
                sound = False
                break
            prefixes |= got[0]
            exact |= got[1]
        return prefixes, exact, sound

    @property
    def prefixes(self) -> set[str]:
        """Heads of K characters (or cut short): a line starting with one passes."""
        return self._walked[0]

    @property
    def exact(self) -> set[str]:
        """Whole heads shorter than K: a line that is one (up to decoration) passes."""
        return self._walked[1]

    @property
    def sound(self) -> bool:
        """Whether every key and pattern has known heads (else the gate cannot be used)."""
        return self._built[0]

    @cached_property
    def _built(self) -> tuple[bool, str]:
        """(sound, the gate's pattern text): kept across runs by :mod:`linter.core.coldstart`
        (keyed by the keys and patterns themselves and by this module's file), worked out
        otherwise."""
        import os

        from linter.core import coldstart

        st = os.stat(__file__)
        key = ("debris.heads", K, st.st_size, st.st_mtime_ns, "\x00".join([*self._keys, "\x01", *self._patterns]))
        got = coldstart.remember(key, lambda: [self._walked[2], self._pattern() if self._walked[2] else ""])
        return bool(got[0]), str(got[1])

    @property
    def regex(self) -> re.Pattern:
        """Matches ``\\n`` and the start of a line that has one of the heads (or may have), in
        the lowercased text (see :func:`lowered`)."""
        try:
            return self._regex
        except AttributeError:
            self._regex = re.compile(self._built[1])
            return self._regex

    def _pattern(self) -> str:
        """The gate's pattern text: :data:`LEAD` and a trie of the heads."""
        trie: dict = {}
        for word, kind in [*((p, "prefix") for p in self.prefixes), *((e, "exact") for e in self.exact)]:
            node = trie
            for ch in word:
                node = node.setdefault(ch, {})
            node[kind] = True

        def prune(node, depth):
            """A bushy node below the root accepts any continuation: a shorter head (a smaller
            regex that compiles fast, for a few more lines)."""
            kids = [child for ch, child in node.items() if len(ch) == 1]
            if depth and len(kids) > self.BUSHY:
                node.clear()
                node["prefix"] = True
                return
            for child in kids:
                prune(child, depth + 1)

        prune(trie, 0)
        tail = "(?:[%s]|[^\\S\\n]|\u2026)*(?=\\n|\\Z)" % re.escape(self.TRAIL)

        def emit(node, depth=0) -> str:
            if node.get("prefix"):
                return ""
            order = _LINE_STARTS if depth == 0 else _NEXT_CHARS
            kids = sorted(((ch, child) for ch, child in node.items() if len(ch) == 1),
                          key=lambda kv: (order.find(kv[0]) % 1000, kv[0]))
            alts = [_raw(ch) + emit(child, depth + 1) for ch, child in kids]
            odd = "".join(_EXPANDS.get(ch, "") for ch, _child in kids)
            if odd:
                alts.append("[" + odd + "]")
            if node.get("exact"):
                alts.append(tail)
            return alts[0] if len(alts) == 1 and not node.get("exact") else "(?:" + "|".join(alts) + ")"

        # (no head starts a blank line: the newline before one is let go at once, before
        # the trie's branches are tried one by one)
        assert LEAD.startswith(r"\n")
        return r"\n(?!\n)" + LEAD[2:] + emit(trie)
