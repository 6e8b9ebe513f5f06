"""Rule gates (``Rule.gate``): the engine skips a rule when its gate fails on the text, so a
gate must hold on every document the rule reports anything on. Every rule is run with and
without gates on real pages, the seeds, the examples and text with faults of every family;
the findings must be the same."""

from __future__ import annotations

import re

import pytest

from helpers import CORPUS, ROOT, SEEDS, rules_for
from linter import engine
from linter.config import default_context
from linter.core.document import Document
from linter.core.findings import Finding
from linter.core.rule import Rule
from linter.rules import registry

FAULTS = (
    "Share this:\n\nPresident Volodymyr Zelensky spoke in Kiev on Monday.  Later, in Kyiv, "
    "he met the mayor.\nThe caf\u00c3\u00a9 was closed&nbsp;and the &amp;amp; sign stayed.\n"
    "It was \u2018\u2018quoted\u2019\u2019 and ''quoted'' again.The next sentence.\n"
    "Photo: Reuters / John Smith\n\nRead more: Ten things to know about the storm \u2026\n"
    "12 Comments\n\nLeave a Comment\nSign up for our newsletter\n\ufb01nal word\u200b here \n"
    "TAGS: Ukraine, Russia, War\n\nBy Jane Doe | March 3, 2024\n\n\ufffd lost\n"
)


def _texts():
    yield "faults.txt", FAULTS
    yield "faults.md", FAULTS.replace("Share this:", "## Share this:\n\n- [ ] item\n\n| --- |")
    for folder in (ROOT / "examples", ROOT / "tests" / "fixtures"):
        for p in sorted(folder.rglob("*")):
            if p.is_file() and p.suffix in (".txt", ".md"):
                yield p.name, p.read_text(encoding="utf-8", errors="replace")
    if SEEDS.is_dir():
        for p in sorted(SEEDS.iterdir()):
            if p.is_file():
                yield p.name, p.read_text(encoding="utf-8", errors="replace")
    pages = CORPUS / "pages"
    if pages.is_dir():
        for p in sorted(pages.glob("*.txt"))[::3]:
            yield p.name, p.read_text(encoding="utf-8", errors="replace")


def _key(f: Finding) -> tuple:
    fix = None if f.fix is None else (f.fix.applicability, f.fix.edits)
    return f.code, f.start, f.end, f.message, fix


def test_gates_never_change_findings():
    rules = rules_for(["ALL"])
    ctx = default_context()
    checked = 0
    for name, text in _texts():
        doc = Document.from_text(text, path=name)
        gated = [_key(f) for f in engine.check(doc, rules, ctx)]
        full = [_key(f) for f in engine.check(doc, rules, ctx, gates=False)]
        assert gated == full, name
        checked += 1
    assert checked >= 3


def test_gates_are_strings_tuples_or_patterns():
    for code, rule in registry().items():
        gate = rule.gate
        if gate is None:
            continue
        ok = isinstance(gate, str) or (isinstance(gate, tuple) and all(isinstance(g, str) for g in gate)) \
            or hasattr(gate, "search")
        assert ok, f"{code}: gate must be a string, a tuple of strings or a compiled pattern"


class _Digits(Rule):
    """What it does: flags digits. Why is this bad?: a test. Example: 1. Fix safety: none."""

    code, name, summary = "X901", "digits", "digits"
    gate = re.compile(r"\d")
    calls = 0

    def check(self, doc, ctx):
        type(self).calls += 1
        for m in re.finditer(r"\d", doc.text):
            yield self.finding(m.start(), m.end(), "digit")


@pytest.mark.parametrize("gate", [re.compile(r"\d"), "7", ("x7", "7")])
def test_a_failing_gate_skips_the_rule(gate):
    _Digits.gate, _Digits.calls = gate, 0
    rule = _Digits()
    ctx = default_context()
    assert engine.check(Document.from_text("no numbers here"), [rule], ctx) == []
    assert _Digits.calls == 0
    found = engine.check(Document.from_text("route 7"), [rule], ctx)
    assert [f.start for f in found] == [6] and _Digits.calls == 1
    assert engine.check(Document.from_text("no numbers"), [rule], ctx, gates=False) == []
    assert _Digits.calls == 2
