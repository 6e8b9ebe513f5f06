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
WINDOW = 32
LONG = 64
_STRIDE = LONG - WINDOW + 1


def _longest_dp(a: str, b: str, alo: int, ahi: int, blo: int, bhi: int) -> tuple[int, int, int]:
    """difflib's ``find_longest_match`` (no junk): the longest block, earliest in ``a``, then ``b``."""
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


def _longest_sampled(a: str, b: str, alo: int, ahi: int, blo: int, bhi: int
                     ) -> tuple[int, int, int] | None:
    """The longest block when it has at least ``LONG`` characters, else None."""
    windows: dict[str, list[int]] = {}
    for j in range(blo, bhi - WINDOW + 1):
        w = b[j:j + WINDOW]
        found = windows.get(w)
        if found is None:
            windows[w] = [j]
        else:
            found.append(j)
    best = (0, 0, 0)  # (size, -i, -j): the largest wins, then the earliest
    reach: dict[int, int] = {}  # diagonal i - j -> end in ``a`` of the block already measured
    for i in range(alo, ahi - WINDOW + 1, _STRIDE):
        js = windows.get(a[i:i + WINDOW])
        if js is None:
            continue
        for j in js:
            if reach.get(i - j, -1) > i:
                continue  # inside a block already measured
            si, sj = i, j
            while si > alo and sj > blo and a[si - 1] == b[sj - 1]:
                si -= 1
                sj -= 1
            ei, ej = i + WINDOW, j + WINDOW
            while ei < ahi and ej < bhi and a[ei] == b[ej]:
                ei += 1
                ej += 1
            reach[i - j] = ei
            key = (ei - si, -si, -sj)
            if key > best:
                best = key
    if best[0] < LONG:
        return None
    return -best[1], -best[2], best[0]


def longest_match(a: str, b: str, alo: int, ahi: int, blo: int, bhi: int) -> tuple[int, int, int]:
    """``(i, j, size)`` of the longest common block of ``a[alo:ahi]`` and ``b[blo:bhi]``.

    >>> longest_match("xabcyabcd", "abcd", 0, 9, 0, 4)
    (5, 0, 4)
    """
    if ahi - alo >= LONG and bhi - blo >= LONG:
        found = _longest_sampled(a, b, alo, ahi, blo, bhi)
        if found is not None:
            return found
    return _longest_dp(a, b, alo, ahi, blo, bhi)


def matching_blocks(a: str, b: str) -> list[tuple[int, int, int]]:
    """difflib's ``get_matching_blocks`` (no junk), without the final dummy block.

    >>> matching_blocks("abxcd", "abcd")
    [(0, 0, 2), (3, 2, 2)]
    """
    queue = [(0, len(a), 0, len(b))]
    blocks = []
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        i, j, k = x = longest_match(a, b, alo, ahi, blo, bhi)
        if k:
            blocks.append(x)
            if alo < i and blo < j:
                queue.append((alo, i, blo, j))
            if i + k < ahi and j + k < bhi:
                queue.append((i + k, ahi, j + k, bhi))
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
