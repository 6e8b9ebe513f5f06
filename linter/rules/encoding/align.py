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


def _occurrences(b: str):
    """A function giving the start of every occurrence of a window in ``b``.

    Searching ``b`` for each sampled window runs in C; on long lines (where that would cost
    a multiple of the line per window) the windows of ``b`` are indexed once instead.
    """
    samples = len(b) // _STRIDE + 1
    if samples * len(b) <= _SEARCH_BUDGET:
        find = b.find

        def search(w: str) -> list[int]:
            out = []
            j = find(w)
            while j != -1:
                out.append(j)
                j = find(w, j + 1)
            return out

        return search
    windows: dict[str, list[int]] = {}
    for j in range(len(b) - WINDOW + 1):
        w = b[j:j + WINDOW]
        found = windows.get(w)
        if found is None:
            windows[w] = [j]
        else:
            found.append(j)
    return lambda w: windows.get(w, ())


#: Above this many characters searched per line, the windows are indexed instead.
_SEARCH_BUDGET = 2_000_000


def long_blocks(a: str, b: str) -> list[tuple[int, int, int]]:
    """Every maximal common block of ``a`` and ``b`` of at least ``LONG`` characters (and
    perhaps some shorter ones), as ``(i, j, size)``.

    A block of ``LONG`` characters or more holds a whole window of ``WINDOW`` characters that
    starts in ``a`` at a multiple of the stride ``LONG - WINDOW + 1``: each such window of
    ``a`` is looked up in ``b`` and the match is widened both ways.

    >>> line = "The minister said on Tuesday that the timetable would change in March."
    >>> long_blocks("x" + line + "y", line)
    [(1, 0, 70)]
    """
    if len(a) < LONG or len(b) < LONG:
        return []
    where = _occurrences(b)
    out = []
    reach: dict[int, int] = {}  # diagonal i - j -> end in ``a`` of the block already measured
    for i in range(0, len(a) - WINDOW + 1, _STRIDE):
        for j in where(a[i:i + WINDOW]):
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
    whole cut to the range), and by difflib's own search where no long block is left.

    >>> matching_blocks("abxcd", "abcd")
    [(0, 0, 2), (3, 2, 2)]
    """
    queue = [(0, len(a), 0, len(b), long_blocks(a, b))]
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
    blocks.sort()
    out: list[tuple[int, int, int]] = []
    for i, j, k in blocks:
        if out and out[-1][0] + out[-1][2] == i and out[-1][1] + out[-1][2] == j:
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] + k)
        else:
            out.append((i, j, k))
    return out


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
