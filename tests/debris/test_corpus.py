"""The D rules on the real development corpus: safe fixes never remove article text, and
clean article text draws (almost) no debris findings. Skipped when ../shared is absent."""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter

import pytest

from helpers import CORPUS, rules_for
from linter import engine
from linter.config import default_context
from linter.core.document import Document

WORD = re.compile(r"\w+")

pytestmark = pytest.mark.skipif(not (CORPUS / "labels.jsonl").exists(), reason="no shared corpus")


def _records():
    lines = (CORPUS / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


def _deleted(before: str, after: str) -> set[int]:
    """0-based lines of ``before`` a line diff shows deleted, or replaced by text keeping under
    half of their words (a span cut out of a line, such as "[edit]", keeps the line)."""
    a, b = before.split("\n"), after.split("\n")
    gone = set()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "delete":
            gone.update(range(i1, i2))
        elif tag == "replace":
            kept = Counter(WORD.findall(" ".join(b[j1:j2])))
            for i in range(i1, i2):
                words = WORD.findall(a[i])
                hits = sum(1 for w, n in Counter(words).items() for _ in range(min(n, kept[w])))
                if words and hits * 2 < len(words):
                    gone.add(i)
    return gone


def test_safe_fixes_remove_no_content_line():
    rules = rules_for(["D"])
    ctx = default_context()
    lost = []
    for rec in _records():
        if rec["source"] != "trafilatura":
            continue
        path = CORPUS / rec["path"]
        doc = Document.from_text(path.read_text(encoding="utf-8"), path=path.name)
        fixed = engine.fix(doc, rules, ctx, unsafe=False).fixed.text
        gone = _deleted(doc.text, fixed)
        content = {r["n"] - 1 for r in rec["lines"] if r["label"] == "content"}
        lost += [f"{rec['doc']}:{i + 1}" for i in sorted(gone & content)]
    assert lost == []


def test_clean_articles_draw_almost_no_debris_findings():
    rules = [r for r in rules_for(None) if r.code.startswith("D")]
    ctx = default_context()
    flagged = total = 0
    for path in sorted((CORPUS / "articles").glob("*.txt")):
        doc = Document.from_text(path.read_text(encoding="utf-8"), path=path.name)
        total += sum(1 for line in doc.lines if line.strip())
        for f in engine.check(doc, rules, ctx):
            flagged += doc.line_index(max(f.end - 1, f.start)) - doc.line_index(f.start) + 1
    # readability's clean text still holds some captions, bylines and datelines it kept
    assert flagged <= 0.02 * total, f"{flagged} of {total} article lines flagged"


def test_safe_fixes_leave_clean_articles_as_they_are():
    rules = rules_for(["D"])
    ctx = default_context()
    changed = []
    for path in sorted((CORPUS / "articles").glob("*.txt")):
        doc = Document.from_text(path.read_text(encoding="utf-8"), path=path.name)
        fixed = engine.fix(doc, rules, ctx, unsafe=False).fixed.text
        gone = _deleted(doc.text, fixed)
        changed += [f"{path.stem}:{i + 1}" for i in sorted(gone) if doc.text.split("\n")[i].strip()]
    assert changed == []
