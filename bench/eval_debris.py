"""Measure the D (scraping debris) rules against labelled lines of real extracted pages.

Usage (from the repository root)::

    python bench/eval_debris.py                 # pages/ (real pages), seeds, articles/
    python bench/eval_debris.py --naive         # also pages-naive/ (very dirty block dumps)
    python bench/eval_debris.py --synthetic     # also the 36 synthetic readability pages
    python bench/eval_debris.py --show D210     # list the lines D210 flags, with their labels
    python bench/eval_debris.py --misses        # list debris lines no default rule flags
    python bench/eval_debris.py --false         # list content lines a default rule flags
    python bench/eval_debris.py --corpus DIR    # another corpus folder (default ../shared/corpus)

Every D rule runs (selected by default or not, safe and unsafe fixes alike) over
``<corpus>/pages/*.txt`` with the labels of ``<corpus>/labels.jsonl`` and over the seeds
with the hand labels of ``bench/seed_labels.jsonl``. It prints:

- per rule: lines flagged, precision (debris / labelled lines flagged) and recall (share of
  the debris lines, headlines aside, that the rule flags);
- for the rules selected by default together: recall of debris lines without ``kind=headline``
  and without ``kind`` headline or byline, and the share of content lines flagged;
- the COUNT OF CONTENT LINES A SAFE FIX REMOVES (``fix`` without ``--unsafe-fixes``, all D
  rules): it must be 0. A content line counts as removed when a line diff of before and
  after shows it deleted, or replaced by text that keeps under half of its words; lines
  kept with a span cut out of them are counted apart ("edits in place");
- findings on ``<corpus>/articles/`` (clean article text: should be about none).

A line is *flagged* by a finding when the finding's span touches it. Blank lines carry no
label and are ignored. The exit status is 1 when a safe fix removes a content line.

How the lines are labelled
--------------------------
``pages/`` and ``pages-naive/``: the corpus's own labels (see its README): a line is
content when it matches the readability ground truth of the page, otherwise debris;
``kind`` marks headline and byline debris. The ground truth is readability's idea of the
article, so a few labels are debatable (mercurial's and salon-1's missing text is debris,
chrome readability kept is content); figures are read with that in mind.

Seeds (``bench/seed_labels.jsonl``, labelled by hand in the same format): every non-blank
line is content except site chrome (``top of page``, ``bottom of page``, the Wix
``Writer's picture`` line, the fused masthead ``The Washington PostDemocracy Dies in
Darkness``), counters (``10 views0 comments``), the photo caption with its credit, the
related-article teaser lines between paragraphs (000: 15, 23, 35; 001: 10, 18, 30), the
"War in Ukraine: What you need to know" promo box at the end of 000 (its heading, its
four ``Label: ...`` items and the closing call to action), and the comment-section
remnants (``Leave a Comment``, ``Comments are closed, ...``). The headlines are debris with
``kind: headline`` (the corpus convention: they are not article body, but removing them is
never wanted) and the bylines ``kind: byline``. Standfirsts (the dek under a headline) and
in-body subheads ("Battlefield pressures") are content: an editor wrote them for the
article. A ``what`` key names the sort of debris, for reading only.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter import engine  # noqa: E402
from linter.config import default_context  # noqa: E402
from linter.core.document import Document  # noqa: E402
from linter.rules import registry, resolve  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
WORD = re.compile(r"\w+")
SEED_LABELS = Path(__file__).resolve().parent / "seed_labels.jsonl"


def d_rules(select: list[str] | None):
    codes = sorted(c for c in registry() if c.startswith("D"))
    if select:
        wanted = resolve(select=select)
        codes = [c for c in codes if c in wanted]
    default = resolve(select=None)
    return [registry()[c]() for c in codes], {c for c in codes if c in default}


def flagged_lines(doc: Document, findings) -> dict[str, set[int]]:
    """Rule code -> 0-based indices of the lines its findings touch."""
    out: dict[str, set[int]] = defaultdict(set)
    for f in findings:
        first = doc.line_index(f.start)
        last = doc.line_index(max(f.end - 1, f.start))
        out[f.code].update(range(first, last + 1))
    return out


def removed_lines(before: str, after: str) -> tuple[set[int], set[int]]:
    """0-based indices of the lines of ``before`` that are gone in ``after``, and of those changed.

    A line is *gone* when it was deleted, or replaced by text keeping under half of its
    words; it is *changed* when it is still there with an edit (a span cut out of it).
    """
    a, b = before.split("\n"), after.split("\n")
    gone: set[int] = set()
    changed: set[int] = set()
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if tag == "delete":
            gone.update(range(i1, i2))
        elif tag == "replace":
            for i in range(i1, i2):
                line = a[i].strip()
                best = max((_kept_share(line, b[j].strip()) for j in range(j1, j2)), default=0.0)
                (changed if best >= 0.5 else gone).add(i)
    return gone, changed


def _kept_share(old: str, new: str) -> float:
    """Share of the words of ``old`` (runs of letters and digits) still found in ``new``."""
    words = WORD.findall(old)
    if not words:
        return 1.0
    left = Counter(WORD.findall(new))
    kept = 0
    for w in words:
        if left[w]:
            left[w] -= 1
            kept += 1
    return kept / len(words)


class Tally:
    """Counts over one set of labelled pages."""

    def __init__(self, name: str):
        self.name = name
        self.debris = 0            # debris lines without kind=headline
        self.debris_nokind = 0     # debris lines without headline or byline kind
        self.content = 0
        self.rule_tp: Counter = Counter()     # debris (any kind) flagged, per rule
        self.rule_fp: Counter = Counter()     # content flagged, per rule
        self.rule_rec: Counter = Counter()    # debris (no headline) flagged, per rule
        self.def_rec = 0
        self.def_rec_nokind = 0
        self.def_fp = 0
        self.all_rec = 0
        self.all_fp = 0
        self.safe_removed: list[str] = []
        self.safe_changed: list[str] = []
        self.unsafe_removed = 0
        self.misses: list[str] = []
        self.false: list[str] = []
        self.shown: list[str] = []
        self.pages = 0

    def add(self, name, doc, labels, findings, default, safe_text, unsafe_text, show):
        self.pages += 1
        flags = flagged_lines(doc, findings)
        any_default = set().union(*(v for c, v in flags.items() if c in default)) if flags else set()
        any_rule = set().union(*flags.values()) if flags else set()
        gone_safe, changed_safe = removed_lines(doc.text, safe_text)
        gone_unsafe, _ = removed_lines(doc.text, unsafe_text)
        lines = doc.text.split("\n")
        for rec in labels:
            i = rec["n"] - 1
            if i >= len(lines):
                continue
            label, kind = rec["label"], rec.get("kind")
            text = lines[i]
            where = f"{name}:{i + 1}"
            if show and any(i in flags.get(c, ()) for c in show):
                codes = ",".join(sorted(c for c in flags if i in flags[c]))
                self.shown.append(f"{where} [{label}{'/' + kind if kind else ''}] {codes}: {text[:140]}")
            if label == "content":
                self.content += 1
                for code, idx in flags.items():
                    if i in idx:
                        self.rule_fp[code] += 1
                if i in any_default:
                    self.def_fp += 1
                    codes = ",".join(sorted(c for c in flags if i in flags[c] and c in default))
                    self.false.append(f"{where} {codes}: {text[:140]}")
                if i in any_rule:
                    self.all_fp += 1
                if i in gone_safe:
                    self.safe_removed.append(f"{where}: {text[:140]}")
                elif i in changed_safe:
                    self.safe_changed.append(f"{where}: {text[:140]}")
                if i in gone_unsafe:
                    self.unsafe_removed += 1
                continue
            for code, idx in flags.items():
                if i in idx:
                    self.rule_tp[code] += 1
                    if kind != "headline":
                        self.rule_rec[code] += 1
            if kind == "headline":
                continue
            self.debris += 1
            if i in any_default:
                self.def_rec += 1
            else:
                self.misses.append(f"{where}{' [' + kind + ']' if kind else ''}: {text[:140]}")
            if i in any_rule:
                self.all_rec += 1
            if kind != "byline":
                self.debris_nokind += 1
                if i in any_default:
                    self.def_rec_nokind += 1

    def report(self, rules, default, args):
        pct = lambda a, b: f"{100.0 * a / b:5.1f}%" if b else "   - "
        print(f"\n== {self.name}: {self.pages} pages, {self.debris} debris lines (headlines aside), "
              f"{self.content} content lines")
        print(f"  {'rule':<6} {'name':<34} {'def':<3} {'flagged':>7} {'prec':>6} {'recall':>6}")
        for r in rules:
            tp, fp = self.rule_tp[r.code], self.rule_fp[r.code]
            if tp + fp == 0 and not args.all_rules:
                continue
            print(f"  {r.code:<6} {r.name[:34]:<34} {'yes' if r.code in default else 'no':<3} "
                  f"{tp + fp:>7} {pct(tp, tp + fp)} {pct(self.rule_rec[r.code], self.debris)}")
        print(f"  default rules: recall {pct(self.def_rec, self.debris)} of debris (headlines aside), "
              f"{pct(self.def_rec_nokind, self.debris_nokind)} without bylines too; "
              f"content flagged {pct(self.def_fp, self.content)} ({self.def_fp} lines)")
        print(f"  all D rules:   recall {pct(self.all_rec, self.debris)}; "
              f"content flagged {pct(self.all_fp, self.content)} ({self.all_fp} lines)")
        print(f"  CONTENT LINES A SAFE FIX REMOVES: {len(self.safe_removed)}"
              f"   (with --unsafe-fixes: {self.unsafe_removed})")
        for line in self.safe_removed:
            print(f"    ! {line}")
        print(f"  content lines a safe fix edits in place (a span cut, the line kept): {len(self.safe_changed)}")
        if args.false:
            for line in self.safe_changed:
                print(f"    ~ {line}")
        if args.misses:
            print("  -- debris lines no default rule flags:")
            for line in self.misses:
                print(f"    {line}")
        if args.false:
            print("  -- content lines a default rule flags:")
            for line in self.false:
                print(f"    {line}")
        if self.shown:
            print(f"  -- lines flagged by {', '.join(args.show)}:")
            for line in self.shown:
                print(f"    {line}")


def run_labelled(tally, corpus: Path, records, rules, default, ctx, show):
    safe_rules = rules
    for rec in records:
        path = corpus / rec["path"]
        if not path.exists():
            continue
        doc = Document.from_text(path.read_text(encoding="utf-8"), path=path.name)
        findings = engine.check(doc, rules, ctx)
        safe = engine.fix(doc, safe_rules, ctx, unsafe=False).fixed.text
        unsafe = engine.fix(doc, [r for r in rules if r.code in default], ctx, unsafe=True).fixed.text
        tally.add(rec["doc"], doc, rec["lines"], findings, default, safe, unsafe, show)


def run_articles(corpus: Path, rules, default, ctx, show):
    per_rule: Counter = Counter()
    files = 0
    flagged = 0
    total = 0
    samples = []
    for path in sorted((corpus / "articles").glob("*.txt")):
        doc = Document.from_text(path.read_text(encoding="utf-8"), path=path.name)
        findings = engine.check(doc, rules, ctx)
        total += sum(1 for line in doc.lines if line.strip())
        if not findings:
            continue
        files += 1
        lines = flagged_lines(doc, findings)
        flagged += len(set().union(*(v for c, v in lines.items() if c in default)) or ())
        for f in findings:
            per_rule[f.code] += 1
            if (show and f.code in show) or (not show and len(samples) < 12 and f.code in default):
                i = doc.line_index(f.start)
                samples.append(f"{path.stem}:{i + 1} {f.code}: {doc.lines[i][:120]}")
    print(f"\n== articles/ (clean text): {sum(per_rule.values())} findings in {files} files; "
          f"default rules flag {flagged} of {total} lines")
    for code, n in sorted(per_rule.items()):
        print(f"  {code} {'(default)' if code in default else '(opt-in) '} {n}")
    for s in samples:
        print(f"    {s}")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    p.add_argument("--naive", action="store_true", help="also evaluate pages-naive/")
    p.add_argument("--synthetic", action="store_true", help="include synthetic pages")
    p.add_argument("--select", action="append", help="only these D rules (codes or prefixes)")
    p.add_argument("--show", action="append", default=[], help="list the lines this rule flags")
    p.add_argument("--misses", action="store_true", help="list debris no default rule flags")
    p.add_argument("--false", action="store_true", help="list content lines default rules flag")
    p.add_argument("--all-rules", action="store_true", help="list rules that flag nothing too")
    args = p.parse_args(argv)
    started = time.perf_counter()

    rules, default = d_rules(args.select)
    show = {s.upper() for s in args.show}
    ctx = default_context()
    if not rules:
        print("no D rules registered")
    labels = args.corpus / "labels.jsonl"
    if not labels.exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line]
    if not args.synthetic:
        records = [r for r in records if not r.get("synthetic")]

    tallies = []
    t = Tally("pages/ (trafilatura" + (", synthetic included)" if args.synthetic else ", real pages)"))
    run_labelled(t, args.corpus, [r for r in records if r["source"] == "trafilatura"], rules, default, ctx, show)
    tallies.append(t)
    if args.naive:
        t = Tally("pages-naive/")
        run_labelled(t, args.corpus, [r for r in records if r["source"] == "naive"], rules, default, ctx, show)
        tallies.append(t)
    if SEED_LABELS.exists():
        seeds = [json.loads(line) for line in SEED_LABELS.read_text(encoding="utf-8").splitlines() if line]
        t = Tally("seeds (hand labels)")
        run_labelled(t, args.corpus, seeds, rules, default, ctx, show)
        tallies.append(t)
    for t in tallies:
        t.report(rules, default, args)
    run_articles(args.corpus, rules, default, ctx, show)
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 1 if any(t.safe_removed for t in tallies) else 0


if __name__ == "__main__":
    sys.exit(main())
