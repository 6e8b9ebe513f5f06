"""Speed of the E (encoding and Unicode) rules: clean text must stay fast, ftfy runs on few lines.

    python bench/encoding_speed.py            # prints the figures, writes bench/ENCODING.md

Text: ``../shared/corpus/articles`` (real clean prose in many languages), each file its own
document as texthygiene runs them, repeated to about 10 MB; the same files with one line in
fifty turned into cp1252 mojibake; and, as a worst case, everything concatenated into one
document (then the rare characters of any file are "in" the document and every rule scans
it). Each rule runs alone in this process (``engine.check``), best of three; then all E
rules together, and the share of lines the mojibake gate hands to ftfy.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter import engine  # noqa: E402
from linter.config import default_context  # noqa: E402
from linter.core.document import Document  # noqa: E402
from linter.rules import registry  # noqa: E402
from linter.rules.encoding.gate import suspect_lines  # noqa: E402

ARTICLES = ROOT.parent / "shared" / "corpus" / "articles"
TARGET = 10_000_000


def corpus() -> list[str]:
    files = sorted(ARTICLES.glob("*.txt")) if ARTICLES.is_dir() else sorted(
        (ROOT / "examples").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    size = sum(len(t.encode("utf-8")) for t in texts)
    return texts * max(1, TARGET // size)


def mangle(text: str, every: int = 50) -> str:
    lines = text.split("\n")
    for i in range(0, len(lines), every):
        lines[i] = lines[i].encode("utf-8").decode("cp1252", errors="ignore")
    return "\n".join(lines)


def timed(rules, texts: list[str], repeat: int = 3) -> float:
    best = float("inf")
    ctx = default_context(None)
    for _ in range(repeat):
        docs = [Document.from_text(text, path="bench.txt") for text in texts]
        t0 = time.perf_counter()
        for doc in docs:
            engine.check(doc, rules, ctx)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    clean = corpus()
    damaged = [mangle(t) for t in clean]
    blob = ["\n".join(clean)]
    mb = sum(len(t.encode("utf-8")) for t in clean) / 1e6
    e_rules = [cls() for code, cls in registry().items() if code.startswith("E")]
    rows = []
    for rule in e_rules:
        rows.append((rule.code, rule.name, mb / timed([rule], clean)))
    all_clean = mb / timed(e_rules, clean)
    all_blob = mb / timed(e_rules, blob)
    mb_damaged = sum(len(t.encode("utf-8")) for t in damaged) / 1e6
    all_damaged = mb_damaged / timed(e_rules, damaged, repeat=1)
    n_lines = sum(t.count("\n") + 1 for t in clean)
    gated_clean = sum(len(suspect_lines(t)) for t in clean)
    gated_damaged = sum(len(suspect_lines(t)) for t in damaged)
    out = [
        "# Speed of the E rules",
        "",
        f"Text: the {ARTICLES.name}/ files, one document each, repeated: {len(clean)} documents, "
        f"{mb:.1f} MB, {n_lines} lines; Python {sys.version.split()[0]}, one process, best of 3 "
        "(`python bench/encoding_speed.py`).",
        "",
        "| rule | name | MB/s on clean text |",
        "|---|---|---|",
        *(f"| {c} | {n} | {s:,.0f} |" for c, n, s in rows),
        "",
        f"- all E rules together, clean text: **{all_clean:,.0f} MB/s**",
        f"- worst case, all the files concatenated into one document: {all_blob:,.0f} MB/s",
        f"- all E rules together, one line in 50 turned into cp1252 mojibake "
        f"({gated_damaged} lines to ftfy): {all_damaged:,.1f} MB/s",
        f"- lines of the clean text handed to ftfy by the gate: {gated_clean} of {n_lines}",
        "",
    ]
    report = "\n".join(out)
    print(report)
    (ROOT / "bench" / "ENCODING.md").write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
