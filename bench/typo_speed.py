"""Speed of each P rule: ``python bench/typo_speed.py [MB]``.

Builds a text of about MB megabytes (default 20) from the shared corpus (articles, pages and
pages-naive, repeated) and times each P rule's ``check`` on it as one document (CPU time, best of three, so that
other load on the machine counts less).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.config import default_context  # noqa: E402
from linter.core.document import Document  # noqa: E402
from linter.rules import registry  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def main(argv: list[str]) -> int:
    mb = float(argv[0]) if argv else 20.0
    parts = [p.read_text(encoding="utf-8") for d in ("articles", "pages", "pages-naive")
             for p in sorted((CORPUS / d).glob("*.txt"))]
    if not parts:
        print("shared corpus not found")
        return 1
    base = "\n".join(parts)
    text = base * max(1, round(mb * 1e6 / len(base)))
    size = len(text.encode("utf-8")) / 1e6
    ctx = default_context()
    total = 0.0
    print(f"{size:.1f} MB, {len(text.splitlines())} lines")
    codes = [c for c in registry() if c.startswith("P")]
    for code in codes:
        rule = registry()[code]()
        best = min(_timed(rule, text, ctx) for _ in range(3))
        total += best
        print(f"  {code} {rule.name:34} {best * 1000 / size:6.1f} ms/MB")
    print(f"  sum of the above (protected spans rebuilt for each rule) {total * 1000 / size:.1f} ms/MB")
    rules = [registry()[c]() for c in codes]
    best = min(_timed_all(rules, text, ctx) for _ in range(3))
    print(f"  all P rules on one document (spans shared)            {best * 1000 / size:.1f} ms/MB")
    return 0


def _timed_all(rules, text, ctx) -> float:
    doc = Document.from_text(text)
    t0 = time.process_time()
    for rule in rules:
        list(rule.check(doc, ctx))
    return time.process_time() - t0


def _timed(rule, text, ctx) -> float:
    doc = Document.from_text(text)
    t0 = time.process_time()
    list(rule.check(doc, ctx))
    return time.process_time() - t0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
