"""The engine with small rules defined here: fix loop, overlaps, idempotence, suppression."""

import regex

from linter import engine
from linter.core.document import Document
from linter.core.findings import Edit, Fix
from linter.core.lineedit import delete_line_edit
from linter.core.rule import Context, Rule


class DropMarkerLines(Rule):
    """Deletes lines that are exactly ``XX``."""

    code, name, fix_safety = "D999", "drop-marker", "safe"

    def check(self, doc, ctx):
        for i, line in enumerate(doc.lines):
            if line == "XX":
                s, e = doc.line_span(i)
                yield self.finding(s, e, "marker", Fix.safe("delete", delete_line_edit(doc, i)))


class Doubled(Rule):
    """Rewrites ``aa`` to ``a`` (needs several rounds for ``aaaa``)."""

    code, name, fix_safety = "P999", "doubled-a", "unsafe"

    def check(self, doc, ctx):
        for m in regex.finditer("aa", doc.text):
            yield self.finding(m.start(), m.end(), "doubled",
                               Fix.unsafe("single", Edit(m.start(), m.end(), "a")))


def test_check_sorts_and_names_findings():
    doc = Document.from_text("XX\nbaa\nXX\n")
    found = engine.check(doc, [Doubled(), DropMarkerLines()])
    assert [(f.code, f.start) for f in found] == [("D999", 0), ("P999", 4), ("D999", 7)]
    assert found[0].name == "drop-marker"


def test_fix_deletes_lines_and_keeps_paragraphs():
    doc = Document.from_text("XX\n\npara one\n\nXX\n\npara two\n\nXX\n")
    result = engine.fix(doc, [DropMarkerLines()])
    assert result.fixed.text == "para one\n\npara two\n"
    assert result.changed and not result.remaining


def test_unsafe_fixes_need_opt_in_and_converge():
    doc = Document.from_text("baaaa\n")
    assert engine.fix(doc, [Doubled()]).fixed.text == "baaaa\n"
    result = engine.fix(doc, [Doubled()], unsafe=True)
    assert result.fixed.text == "ba\n" and result.converged


def test_fix_is_idempotent_and_respects_fixable():
    doc = Document.from_text("XX\nbody\nXX")
    once = engine.fix(doc, [DropMarkerLines()]).fixed
    assert engine.fix(once, [DropMarkerLines()]).fixed.text == once.text == "body"
    kept = engine.fix(doc, [DropMarkerLines()], fixable=set()).fixed
    assert kept.text == doc.text


def test_overlapping_edits_are_applied_over_rounds():
    doc = Document.from_text("text\n\nXX\n\n\nXX")
    assert engine.fix(doc, [DropMarkerLines()]).fixed.text == "text"


def test_suppression_comments_silence_findings():
    doc = Document.from_text("XX texthygiene: ignore\nXX\n")
    rule = type("R", (DropMarkerLines,), {"check": lambda self, d, c: [
        self.finding(d.line_span(i)[0], d.line_span(i)[1], "m") for i in range(len(d.lines))]})()
    found = engine.check(doc, [rule])
    assert [doc.line_index(f.start) for f in found] == [1]


def test_rule_crash_names_rule_and_file():
    class Broken(Rule):
        code, name = "E999", "broken"

        def check(self, doc, ctx):
            raise ValueError("boom")

    try:
        engine.check(Document.from_text("x", path="a.txt"), [Broken()], Context())
    except engine.RuleCrash as exc:
        assert "E999" in str(exc) and "a.txt" in str(exc)
    else:
        raise AssertionError("no RuleCrash")


def test_text_repairs_are_applied_before_other_fixes():
    class Repair(Rule):
        """Repairs ``@`` to ``a``."""

        code, name, fix_safety, repairs_text = "E998", "repair", "safe", True

        def check(self, doc, ctx):
            for m in regex.finditer("@", doc.text):
                yield self.finding(m.start(), m.end(), "damaged",
                                   Fix.safe("repair", Edit(m.start(), m.end(), "a")))

    doc = Document.from_text("b@\nXX\n")
    found = engine.check(doc, [Repair(), DropMarkerLines()])
    chosen, _ = engine.choose_fixes(found, False, first=frozenset({"E998"}))
    assert [f.code for f in chosen] == ["E998"]
    assert engine.fix(doc, [Repair(), DropMarkerLines()]).fixed.text == "ba\n"
