"""Count P findings on the shared corpus: ``python bench/typo_scan.py [CODES] [--show]``.

Prints, per folder (articles, pages, pages-naive), files scanned, findings and files with a
finding for each selected P rule; ``--show`` also prints every finding with its line.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter import engine  # noqa: E402
from linter.config import default_context  # noqa: E402
from linter.core.document import Document  # noqa: E402
from linter.rules import registry, resolve  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def main(argv: list[str]) -> int:
    show = "--show" in argv
    select = [a for a in argv if not a.startswith("--")] or ["P"]
    rules = [registry()[c]() for c in sorted(resolve(select=select))]
    for folder in ("articles", "pages", "pages-naive"):
        files = sorted((CORPUS / folder).glob("*.txt"))
        if not files:
            continue
        per_rule, per_file, size, t0 = Counter(), Counter(), 0, time.perf_counter()
        ctx = default_context()
        for path in files:
            text = path.read_text(encoding="utf-8")
            size += len(text)
            doc = Document.from_text(text, path=str(path))
            seen = set()
            for f in engine.check(doc, rules, ctx):
                per_rule[f.code] += 1
                seen.add(f.code)
                if show:
                    line, col = doc.position(f.start)
                    ctxt = doc.lines[line - 1]
                    lo = max(0, col - 60)
                    print(f"{folder}/{path.name}:{line}:{col}: {f.code} {f.message}\n"
                          f"    {ctxt[lo:col + 60]!r}")
            for c in seen:
                per_file[c] += 1
        dt = time.perf_counter() - t0
        print(f"{folder}: {len(files)} files, {size / 1e6:.2f} MB, {dt:.2f}s")
        for code in sorted(r.code for r in rules):
            print(f"  {code}: {per_rule[code]} findings in {per_file[code]} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
