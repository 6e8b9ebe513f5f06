"""The floor of any pure-Python checker of a tree: walk, read, decode, one regex pass.

A reference row of the benchmark (``bench/run.py``), not a checker: it lists the ``.txt`` and
``.md`` files under the given folders with ``os.walk``, reads and decodes each as UTF-8 and
searches it once with one small compiled pattern, in a process pool of all cores with
16-file tasks (as texthygiene's runner), and prints how many files the pattern hit. Whatever
texthygiene does on top of this is the cost of its rules and its bookkeeping.

    python bench/floor.py TREE
"""

from __future__ import annotations

import os
import re
import sys
from multiprocessing import Pool

#: one pattern of the kind a rule's gate uses: line-initial debris words
PATTERN = re.compile(r"\n(?:Share|Advertisement|Leave a|Skip to|Sign up|Read more|Photo:)")
SUFFIXES = (".txt", ".md")


def hits(paths: list[str]) -> int:
    """How many of ``paths`` the pattern finds something in."""
    n = 0
    for path in paths:
        with open(path, "rb") as fh:
            text = fh.read().decode("utf-8", "replace")
        n += PATTERN.search(text) is not None
    return n


def walk(roots: list[str]) -> list[str]:
    out = []
    for root in roots:
        for folder, dirs, names in os.walk(root):
            dirs.sort()
            out += [os.path.join(folder, n) for n in sorted(names) if n.endswith(SUFFIXES)]
    return out


def main(argv: list[str] | None = None) -> int:
    paths = walk(sys.argv[1:] if argv is None else argv)
    tasks = [paths[i:i + 16] for i in range(0, len(paths), 16)]
    with Pool(os.cpu_count() or 1) as pool:
        print(sum(pool.map(hits, tasks)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
