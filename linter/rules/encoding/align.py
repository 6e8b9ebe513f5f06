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

>>> matching_blocks("donâ€™t say Ã©tÃ© no", "don’t say été no")
[(0, 0, 3), (6, 4, 6), (14, 11, 1), (17, 13, 3)]
"""

from __future__ import annotations

#: Length of the sampled windows, and the shortest block the sampling is sure to find.
WINDOW = 16
LONG = 32
_STRIDE = LONG - WINDOW + 1


def _longest_dp(a: str, b: str, alo: int, ahi: int, blo: int, bhi: int) -> tuple[int, int, int]:
    """difflib's ``find_longest_match`` (no junk): the longest block, earliest in ``a``, then ``b``.

    >>> _longest_dp("xabcyabcd", "abcd", 0, 9, 0, 4), _longest_dp("â€™", "’", 0, 3, 0, 1)
    ((5, 0, 4), (0, 0, 0))
    """
    if set(a[alo:ahi]).isdisjoint(b[blo:bhi]):
        return alo, blo, 0  # no character in common ("â€™" and "’"): no block
    b2j: dict[str, list[int]] = {}
    for j in range(blo, bhi):
        b2j.setdefault(b[j], []).append(j)
    besti, bestj, bestsize = alo, blo, 0
    j2len: dict[int, int] = {}
    nothing: list[int] = []
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


def long_blocks(a: str, b: str) -> list[tuple[int, int, int]]:
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
    for i, j in _window_pairs(a, b):
        if reach.get(i - j, -1) > i:
            continue  # inside a block already measured
        back = _backward(a, b, i, j)
        end = i + WINDOW + _forward(a, b, i + WINDOW, j + WINDOW)
        reach[i - j] = end
        out.append((i - back, j - back, end - i + back))
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
    """difflib's ``get_matching_blocks`` (no junk), without the final dummy block.

    difflib's recursion, with its search for the longest block answered from the long
    blocks (any block of ``LONG`` characters or more inside a range is a long block of the
    whole cut to the range), and by difflib's own search where no long block is left. When
    the long blocks follow each other in both strings (nearly always), each of them is one of
    difflib's blocks whatever the order it finds them in, and the recursion runs only in the
    gaps between them.

    >>> matching_blocks("abxcd", "abcd")
    [(0, 0, 2), (3, 2, 2)]
    """
    long = sorted(x for x in long_blocks(a, b) if x[2] >= LONG)
    if all(p[0] + p[2] <= q[0] and p[1] + p[2] <= q[1] for p, q in zip(long, long[1:])):
        blocks = list(long)
        edges = [(0, 0, 0), *long, (len(a), len(b), 0)]
        for (i1, j1, k1), (i2, j2, _) in zip(edges, edges[1:]):
            blocks += _recurse(a, b, i1 + k1, i2, j1 + k1, j2, [])
    else:
        blocks = _recurse(a, b, 0, len(a), 0, len(b), long)
    blocks.sort()
    out: list[tuple[int, int, int]] = []
    for i, j, k in blocks:
        if out and out[-1][0] + out[-1][2] == i and out[-1][1] + out[-1][2] == j:
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] + k)
        else:
            out.append((i, j, k))
    return out


def _recurse(a: str, b: str, alo: int, ahi: int, blo: int, bhi: int, candidates
             ) -> list[tuple[int, int, int]]:
    """difflib's recursion over one range: its blocks, unsorted."""
    queue = [(alo, ahi, blo, bhi, candidates)]
    blocks = []
    while queue:
        alo, ahi, blo, bhi, candidates = queue.pop()
        x, candidates = _longest_of(candidates, alo, ahi, blo, bhi)
        if x[2] < LONG:
            x = _longest_dp(a, b, alo, ahi, blo, bhi)
        i, j, k = x
        if k:
            blocks.append(x)
            if alo < i and blo < j:
                queue.append((alo, i, blo, j, candidates))
            if i + k < ahi and j + k < bhi:
                queue.append((i + k, ahi, j + k, bhi, candidates))
    return blocks


def differences(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """``(i1, i2, j1, j2)`` of each difference: difflib's opcodes other than "equal".

    >>> differences("donâ€™t", "don’t")
    [(3, 6, 3, 4)]
    """
    out = []
    i = j = 0
    for ai, bj, size in matching_blocks(a, b) + [(len(a), len(b), 0)]:
        if i < ai or j < bj:
            out.append((i, ai, j, bj))
        i, j = ai + size, bj + size
    return out
