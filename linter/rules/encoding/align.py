"""difflib's alignment of two strings, computed fast for long lines with few differences.

``difflib.SequenceMatcher(None, a, b, autojunk=False)`` finds the longest common block,
then recurses left and right of it. Its search for the longest block costs the product of
the lengths divided by the alphabet size: a paragraph of 2,000 characters with one repaired
word costs milliseconds. A repaired line differs from the damaged one in a few short spans,
so its longest common block is long, and a block of at least ``LONG`` characters always
contains a window of ``WINDOW`` characters that starts at a multiple of a stride: looking up
those sampled windows among all windows of the other string finds every long block in
linear time. Ties are broken as difflib breaks them (earliest in ``a``, then in ``b``), and
when no block is that long the search is difflib's own, so the result is difflib's, block
for block.

That promise holds while difflib's search is cheap: on lines longer than a few hundred
characters the exact search runs on a budget (:data:`EXACT_BUDGET` steps: window pairs
measured, long blocks re-cut, steps of the quadratic search), which the damaged real lines
of the corpora spend a tenth of at most. A line that would exceed it
(a long line whose long phrases recur, so that windows match far off the diagonal, or a long
line damaged every few characters, with no long block at all) is aligned by
:func:`local_alignment` instead, in time linear in the line: ftfy's repairs never touch an
ASCII character (but for a space or "?" that stood for a lost byte), so the k-th ASCII
character of the damaged line is the k-th of the repaired one, and only the runs of other
characters between two of them differ. That alignment is not always difflib's, and what it
cannot align (a long run without ASCII, or a pair of strings that ftfy did not produce) it
reports as one rough difference (:func:`marked_differences`).

>>> matching_blocks("donâ€™t say Ã©tÃ© no", "don’t say été no")
[(0, 0, 3), (6, 4, 6), (14, 11, 1), (17, 13, 3)]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, islice, repeat

#: Length of the sampled windows, and the shortest block the sampling is sure to find.
WINDOW = 16
LONG = 32
_STRIDE = LONG - WINDOW + 1


def _longest_dp(a: str, b: str, alo: int, ahi: int, blo: int, bhi: int, budget=None
                ) -> tuple[int, int, int]:
    """difflib's ``find_longest_match`` (no junk): the longest block, earliest in ``a``, then ``b``.

    Its steps (one per character of either range, one per pair of equal characters; on short
    ranges the product of their lengths) are charged to ``budget`` before the quadratic part.

    >>> _longest_dp("xabcyabcd", "abcd", 0, 9, 0, 4), _longest_dp("â€™", "’", 0, 3, 0, 1)
    ((5, 0, 4), (0, 0, 0))
    """
    if set(a[alo:ahi]).isdisjoint(b[blo:bhi]):
        return alo, blo, 0  # no character in common ("â€™" and "’"): no block
    b2j: dict[str, list[int]] = {}
    for j in range(blo, bhi):
        b2j.setdefault(b[j], []).append(j)
    nothing: list[int] = []
    if budget is not None:
        cells = (ahi - alo) * (bhi - blo)
        budget.spend(cells if cells <= 4096 else ahi - alo + bhi - blo
                     + sum(map(len, map(b2j.get, a[alo:ahi], repeat(nothing)))))
    besti, bestj, bestsize = alo, blo, 0
    j2len: dict[int, int] = {}
    for i in range(alo, ahi):
        newj2len = {}
        get = j2len.get
        for j in b2j.get(a[i], nothing):
            k = newj2len[j] = get(j - 1, 0) + 1
            if k > bestsize:
                besti, bestj, bestsize = i - k + 1, j - k + 1, k
        j2len = newj2len
    return besti, bestj, bestsize


def _forward(a: str, b: str, i: int, j: int) -> int:
    """Length of the common prefix of ``a[i:]`` and ``b[j:]``, compared in slices.

    >>> _forward("xxabcdy", "abcdz", 2, 0)
    4
    """
    n = min(len(a) - i, len(b) - j)
    k = 0
    for step in (256, 16, 1):
        while k + step <= n and a[i + k:i + k + step] == b[j + k:j + k + step]:
            k += step
    return k


def _backward(a: str, b: str, i: int, j: int) -> int:
    """Length of the common suffix of ``a[:i]`` and ``b[:j]``.

    >>> _backward("xabc", "yyabc", 4, 5)
    3
    """
    n = min(i, j)
    k = 0
    for step in (256, 16, 1):
        while k + step <= n and a[i - k - step:i - k] == b[j - k - step:j - k]:
            k += step
    return k


#: Above this many characters searched per line, windows are indexed instead.
_SEARCH_BUDGET = 2_000_000


def _window_pairs(a: str, b: str):
    """``(i, j)`` with ``a[i:i + WINDOW] == b[j:j + WINDOW]``, in order of ``i``: at least one
    inside every common block of ``LONG`` characters or more.

    Either the windows of ``a`` at multiples of the stride are searched for in ``b`` (in C),
    or, on long lines where that would cost a multiple of the line per window, the windows
    of ``b`` at multiples of the stride are indexed and every window of ``a`` looked up
    (memory a fraction of the line, time linear).
    """
    last = len(a) - WINDOW + 1
    if (len(a) // _STRIDE + 1) * len(b) <= _SEARCH_BUDGET:
        find = b.find
        for i in range(0, last, _STRIDE):
            w = a[i:i + WINDOW]
            j = find(w)
            while j != -1:
                yield i, j
                j = find(w, j + 1)
        return
    index: dict[str, list[int]] = {}
    for j in range(0, len(b) - WINDOW + 1, _STRIDE):
        index.setdefault(b[j:j + WINDOW], []).append(j)
    get = index.get
    for i in range(last):
        js = get(a[i:i + WINDOW])
        if js is not None:
            for j in js:
                yield i, j


class _Costly(Exception):
    """The exact search would spend more than its budget."""


class _Budget:
    """Units of work the exact search may still spend; :class:`_Costly` once it has none."""

    __slots__ = ("left",)

    def __init__(self, units: float):
        self.left = units

    def spend(self, units: int) -> None:
        self.left -= units
        if self.left < 0:
            raise _Costly


#: Work the exact search may spend on one pair of strings, in steps of its quadratic search
#: (about a tenth of a microsecond each): the damaged real lines of the corpora spend at most
#: a tenth of it; beyond it the search would take tens of milliseconds and grow quadratically.
EXACT_BUDGET = 300_000
#: Up to this product of the lengths (two lines of 512 characters), the exact search is cheap
#: whatever the strings (at most a few tens of milliseconds): no budget is kept.
_UNMETERED = 1 << 18
#: Steps charged per window pair widened both ways by :func:`long_blocks` (the pairs found
#: inside a block already measured are not charged, but no more are looked at than the
#: budget has steps).
_MEASURE = 64


def long_blocks(a: str, b: str, budget: _Budget | None = None) -> list[tuple[int, int, int]]:
    """Every maximal common block of ``a`` and ``b`` of at least ``LONG`` characters (and
    perhaps some shorter ones), as ``(i, j, size)``.

    A block of ``LONG`` characters or more holds a whole window of ``WINDOW`` characters that
    starts at a multiple of the stride ``LONG - WINDOW + 1`` (of either string): each match
    of such a window is widened both ways.

    >>> line = "The minister said on Tuesday that the timetable would change in March."
    >>> long_blocks("x" + line + "y", line)
    [(1, 0, 70)]
    """
    if len(a) < LONG or len(b) < LONG:
        return []
    out = []
    reach: dict[int, int] = {}  # diagonal i - j -> end in ``a`` of the block already measured
    found = _window_pairs(a, b)
    pairs = found if budget is None else islice(found, max(int(budget.left), 0))
    for i, j in pairs:
        if reach.get(i - j, -1) > i:
            continue  # inside a block already measured
        if budget is not None:
            budget.spend(_MEASURE)
        back = _backward(a, b, i, j)
        end = i + WINDOW + _forward(a, b, i + WINDOW, j + WINDOW)
        reach[i - j] = end
        out.append((i - back, j - back, end - i + back))
    if budget is not None and next(found, None) is not None:
        raise _Costly  # more pairs than the budget has steps
    return out


def _longest_of(blocks, alo: int, ahi: int, blo: int, bhi: int):
    """The longest of ``blocks`` cut to the ranges (earliest in ``a``, then in ``b``), and the
    cut blocks that are still ``LONG``."""
    best = (0, 0, 0)  # (size, -i, -j): the largest wins, then the earliest
    kept = []
    for si, sj, size in blocks:
        d = si - sj
        s = max(si, alo, blo + d)
        e = min(si + size, ahi, bhi + d)
        if e - s >= LONG:
            kept.append((s, s - d, e - s))
            key = (e - s, -s, d - s)
            if key > best:
                best = key
    return (-best[1], -best[2], best[0]), kept


def matching_blocks(a: str, b: str) -> list[tuple[int, int, int]]:
    """difflib's ``get_matching_blocks`` (no junk), without the final dummy block, while its
    search stays within :data:`EXACT_BUDGET`; beyond it, :func:`local_alignment`'s blocks.

    >>> matching_blocks("abxcd", "abcd")
    [(0, 0, 2), (3, 2, 2)]
    """
    return _alignment(a, b)[0]


def _alignment(a: str, b: str):
    """The blocks (sorted, adjacent ones merged) and the starts ``(i, j)`` of rough differences."""
    if len(a) * len(b) <= _UNMETERED:
        return _merged(_exact(a, b, None)), set()
    try:
        return _merged(_exact(a, b, _Budget(EXACT_BUDGET))), set()
    except _Costly:
        return local_alignment(a, b)


def _merged(blocks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    blocks.sort()
    out: list[tuple[int, int, int]] = []
    for i, j, k in blocks:
        if out and out[-1][0] + out[-1][2] == i and out[-1][1] + out[-1][2] == j:
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] + k)
        else:
            out.append((i, j, k))
    return out


def _exact(a: str, b: str, budget: _Budget | None) -> list[tuple[int, int, int]]:
    """difflib's blocks, unsorted: its recursion, with its search for the longest block
    answered from the long blocks (any block of ``LONG`` characters or more inside a range is
    a long block of the whole cut to the range), and by difflib's own search where no long
    block is left. When the long blocks follow each other in both strings (nearly always),
    each of them is one of difflib's blocks whatever the order it finds them in, and the
    recursion runs only in the gaps between them. :class:`_Costly` beyond the budget.
    """
    long = sorted(x for x in long_blocks(a, b, budget) if x[2] >= LONG)
    if all(p[0] + p[2] <= q[0] and p[1] + p[2] <= q[1] for p, q in zip(long, long[1:])):
        blocks = list(long)
        edges = [(0, 0, 0), *long, (len(a), len(b), 0)]
        for (i1, j1, k1), (i2, j2, _) in zip(edges, edges[1:]):
            blocks += _recurse(a, b, i1 + k1, i2, j1 + k1, j2, [], budget)
        return blocks
    return _recurse(a, b, 0, len(a), 0, len(b), long, budget)


def _recurse(a: str, b: str, alo: int, ahi: int, blo: int, bhi: int, candidates,
             budget: _Budget | None = None) -> list[tuple[int, int, int]]:
    """difflib's recursion over one range: its blocks, unsorted."""
    queue = [(alo, ahi, blo, bhi, candidates)]
    blocks = []
    while queue:
        alo, ahi, blo, bhi, candidates = queue.pop()
        if candidates and budget is not None:
            budget.spend(len(candidates))
        x, candidates = _longest_of(candidates, alo, ahi, blo, bhi)
        if x[2] < LONG:
            x = _longest_dp(a, b, alo, ahi, blo, bhi, budget)
        i, j, k = x
        if k:
            blocks.append(x)
            if alo < i and blo < j:
                queue.append((alo, i, blo, j, candidates))
            if i + k < ahi and j + k < bhi:
                queue.append((i + k, ahi, j + k, bhi, candidates))
    return blocks


_ASCII = re.compile(r"[\x00-\x7f]+")
#: ASCII characters ftfy may drop from a damaged line: a space that stood for a lost byte A0
#: (``restore_byte_a0``: always right after a non-ASCII character), a "?" likewise, or a
#: "\x1a", that stood for lost bytes (``replace_lossy_sequences``).
_DROPPED = " ?"
#: A pair of runs is aligned by difflib's own search up to this product of their lengths,
#: beyond it by the exact search on a budget of ``_RUN_UNITS`` per character of the runs.
_SMALL = 4096
_RUN_UNITS = 20


def _ascii_runs(s: str) -> tuple[list[tuple[int, int]], str]:
    """``(position, length)`` of each run of ASCII characters of ``s``, and those characters.

    >>> _ascii_runs("donâ€™t Ã©")
    ([(0, 3), (6, 2)], 'dont ')
    """
    runs, parts = [], []
    for m in _ASCII.finditer(s):
        runs.append((m.start(), m.end() - m.start()))
        parts.append(m.group())
    return runs, "".join(parts)


def _droppable(sa: str, p: int, runs, starts) -> int:
    """Whether ftfy may have dropped the ``p``-th ASCII character (see :data:`_DROPPED`):
    0 if not, 2 if it stands between two non-ASCII characters (inside the damaged run, as
    most lost bytes do), else 1."""
    if sa[p] == "\x1a":
        return 1
    if sa[p] not in _DROPPED:
        return 0
    k = bisect_right(starts, p) - 1
    if p != starts[k] or runs[k][0] == 0:
        return 0  # not right after a non-ASCII character
    return 2 if runs[k][1] == 1 and k + 1 < len(runs) else 1


def _dropped(sa: str, sb: str, runs, starts) -> list[int] | None:
    """Which ASCII characters of ``a`` (indices into ``sa``) ftfy dropped, so that the others
    are ``sb``; ``None`` when no such choice fits ftfy's ways of dropping.

    The characters left over by pairing the two in order are dropped; but of a group of
    equal characters, any as many may be dropped: those that ftfy may have dropped are,
    those inside a damaged run first (of "x", " ", "Ã", " ", " ", "y" ftfy dropped the
    space after "Ã", not the first one).

    >>> a = "x Ã  y"
    >>> runs, sa = _ascii_runs(a)
    >>> _dropped(sa, "x  y", runs, [0, 2]), _dropped(sa, "x y", runs, [0, 2])
    ([2], None)
    """
    if len(sa) < len(sb):
        return None
    left: list[int] = []  # the characters left over, pairing as early as possible
    p = q = 0
    while p < len(sa):
        k = _forward(sa, sb, p, q)
        p, q = p + k, q + k
        if p < len(sa):
            left.append(p)
            p += 1
    if q != len(sb):
        return None
    out: list[int] = []
    x = 0
    while x < len(left):
        lo = hi = left[x]
        while lo > 0 and sa[lo - 1] == sa[hi]:
            lo -= 1
        while hi < len(sa) and sa[hi] == sa[lo]:
            hi += 1
        n = 0
        while x < len(left) and left[x] < hi:
            n, x = n + 1, x + 1
        ranked = sorted(((_droppable(sa, d, runs, starts), d) for d in range(lo, hi)), reverse=True)
        if len(ranked) < n or ranked[n - 1][0] == 0:
            return None
        out += sorted(d for _, d in ranked[:n])
    return out


def _without(runs, starts, dropped: list[int]) -> list[tuple[int, int]]:
    """``runs`` cut around the dropped characters (indices into the ASCII characters).

    >>> _without([(0, 3), (5, 4)], [0, 3], [1, 3])
    [(0, 1), (2, 1), (6, 3)]
    """
    out = []
    todo = iter(dropped)
    nxt = next(todo, None)
    for (pos, n), s in zip(runs, starts):
        while nxt is not None and nxt < s + n:
            cut = pos + nxt - s
            if cut > pos:
                out.append((pos, cut - pos))
            n -= cut + 1 - pos
            pos, s = cut + 1, nxt + 1
            nxt = next(todo, None)
        if n:
            out.append((pos, n))
    return out


def _paired(runs_a, runs_b) -> list[tuple[int, int, int]]:
    """Blocks that pair the characters of two lists of runs of the same total length in order."""
    blocks = []
    ia = ib = oa = ob = 0
    while ia < len(runs_a):
        (pa, la), (pb, lb) = runs_a[ia], runs_b[ib]
        k = min(la - oa, lb - ob)
        blocks.append((pa + oa, pb + ob, k))
        oa, ob = oa + k, ob + k
        if oa == la:
            ia, oa = ia + 1, 0
        if ob == lb:
            ib, ob = ib + 1, 0
    return blocks


def _inner(a: str, b: str, i1: int, i2: int, j1: int, j2: int):
    """Blocks between ``a[i1:i2]`` and ``b[j1:j2]`` (runs without ASCII), and the start of
    what is left rough (or ``None``): difflib's search when it is cheap, else the common
    ends and difflib's search in between on a budget linear in the runs."""
    n, m = i2 - i1, j2 - j1
    if n * m <= _SMALL:
        return _recurse(a, b, i1, i2, j1, j2, []), None
    k = _forward(a, b, i1, j1)
    k = min(k, n, m)
    e = min(_backward(a, b, i2, j2), n - k, m - k)
    blocks = [x for x in ((i1, j1, k), (i2 - e, j2 - e, e)) if x[2]]
    i1, j1, i2, j2 = i1 + k, j1 + k, i2 - e, j2 - e
    if i1 == i2 or j1 == j2:
        return blocks, None
    try:
        found = _exact(a[i1:i2], b[j1:j2], _Budget(_RUN_UNITS * (n + m)))
    except _Costly:
        return blocks, (i1, j1)
    return blocks + [(i + i1, j + j1, k) for i, j, k in found], None


def _rough(a: str, b: str):
    """The common prefix and suffix, and one rough difference between them."""
    k = _forward(a, b, 0, 0)
    s = min(_backward(a, b, len(a), len(b)), len(a) - k, len(b) - k)
    blocks = [x for x in ((0, 0, k), (len(a) - s, len(b) - s, s)) if x[2]]
    return blocks, ({(k, k)} if k < max(len(a), len(b)) - s else set())


def local_alignment(a: str, b: str):
    """An alignment of a damaged line ``a`` with ftfy's repair ``b`` in linear time: blocks
    (sorted, adjacent ones merged) and the starts ``(i, j)`` of its rough differences.

    ftfy only ever replaces runs of non-ASCII characters (and drops a space or "?" that
    stood for a lost byte, see :func:`_dropped`), so the ASCII characters of ``a`` left once
    those are dropped pair in order with the ASCII characters of ``b``: that pairing is
    ftfy's own, whatever the text repeats, and no difference crosses an ASCII character
    that ftfy kept. Between two paired characters, the runs are aligned by difflib's search
    when they are short; long ones keep their common ends and get the exact search on a
    budget linear in their length, and what it cannot afford is one rough difference. When
    the ASCII characters do not pair (not ftfy's repair), the whole stretch between the
    common prefix and suffix is one rough difference.

    >>> local_alignment("donâ€™t say Ã©tÃ© no", "don’t say été no")
    ([(0, 0, 3), (6, 4, 6), (14, 11, 1), (17, 13, 3)], set())
    >>> local_alignment("voilÃ  le", "voilà le")
    ([(0, 0, 4), (6, 5, 3)], set())
    >>> local_alignment("abc", "xbz")
    ([], {(0, 0)})
    """
    runs_a, sa = _ascii_runs(a)
    runs_b, sb = _ascii_runs(b)
    if sa != sb:
        starts = list(accumulate((n for _, n in runs_a), initial=0))
        dropped = _dropped(sa, sb, runs_a, starts)
        if dropped is None:
            return _rough(a, b)
        runs_a = _without(runs_a, starts, dropped)
    paired = _paired(runs_a, runs_b)
    blocks, rough = list(paired), set()
    edges = [(0, 0, 0), *paired, (len(a), len(b), 0)]
    for (i1, j1, k1), (i2, j2, _) in zip(edges, edges[1:]):
        i1, j1 = i1 + k1, j1 + k1
        if i1 < i2 and j1 < j2:
            inner, start = _inner(a, b, i1, i2, j1, j2)
            blocks += inner
            if start is not None:
                rough.add(start)
    return _merged(blocks), rough


def marked_differences(a: str, b: str) -> list[tuple[int, int, int, int, bool]]:
    """:func:`differences`, each with whether it is rough: a whole stretch of a long line
    inside which no alignment was searched (see :func:`local_alignment`).

    >>> marked_differences("donâ€™t", "don’t")
    [(3, 6, 3, 4, False)]
    """
    blocks, rough = _alignment(a, b)
    out = []
    i = j = 0
    for ai, bj, size in blocks + [(len(a), len(b), 0)]:
        if i < ai or j < bj:
            out.append((i, ai, j, bj, (i, j) in rough))
        i, j = ai + size, bj + size
    return out


def differences(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """``(i1, i2, j1, j2)`` of each difference: difflib's opcodes other than "equal" (see
    :func:`matching_blocks`).

    >>> differences("donâ€™t", "don’t")
    [(3, 6, 3, 4)]
    """
    return [d[:4] for d in marked_differences(a, b)]
