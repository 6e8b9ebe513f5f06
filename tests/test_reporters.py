"""The JSON and SARIF reporters write what ``json.dumps(..., indent=2)`` writes, byte for byte."""

from __future__ import annotations

import json

from hypothesis import given, settings, strategies as st

from linter import reporters

TEXT = st.text(st.characters(codec="utf-8"), max_size=12)  # quotes, controls, non-ASCII, ...
INT = st.integers(min_value=-2**70, max_value=2**70)
LEAF = st.one_of(st.none(), st.booleans(), INT, TEXT, st.floats(allow_nan=False))
VALUE = st.recursive(LEAF, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(TEXT, inner, max_size=4)),
                     max_leaves=20)
EDIT = st.fixed_dictionaries({"line": INT, "column": INT, "end_line": INT, "end_column": INT,
                              "content": TEXT})
FIX = st.one_of(st.none(), st.fixed_dictionaries({
    "applicability": st.sampled_from(["safe", "unsafe"]), "message": st.one_of(TEXT, st.none()),
    "edits": st.lists(EDIT, max_size=3)}))
FINDING = st.fixed_dictionaries({
    "path": TEXT, "line": INT, "column": INT, "end_line": INT, "end_column": INT,
    "code": TEXT, "name": TEXT, "message": TEXT, "fix": FIX})
# a finding with a value of an unusual type (a bool or a float for a line, a key too many)
ODD = st.one_of(FINDING.map(lambda f: dict(f, line=True)), FINDING.map(lambda f: dict(f, column=1.5)),
                FINDING.map(lambda f: dict(f, extra=[1])), FINDING.map(lambda f: dict(reversed(f.items()))),
                VALUE)


def _dumps(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FINDING, FINDING, ODD), max_size=5))
def test_as_json_is_json_dumps(findings):
    assert reporters.as_json(findings) == _dumps(findings)


@settings(max_examples=100, deadline=None)
@given(st.lists(FINDING, max_size=5))
def test_sarif_is_json_dumps(findings):
    class Rule:
        name, summary = "a-rule", "what \"it\" does"

    out = reporters.sarif(findings, {"P302": Rule()})
    assert out == _dumps(json.loads(out))  # the same document as json itself writes it
    assert len(json.loads(out)["runs"][0]["results"]) == len(findings)


def test_real_findings_byte_for_byte():
    from linter import runner
    from linter.core.document import Document
    from linter.rules import registry

    text = "Share this:\n\nThe ferry left Kiev at 10 o'clock.  Then Kyiv \u201cquoted\u201d.\n"
    doc = Document.from_text(text, path="a.txt")
    rules = [cls() for cls in registry().values()]
    from linter import engine

    found = [runner.finding_dict(f, doc, "dir/\u00e9t\u00e9 \"x\".txt") for f in engine.check(doc, rules)]
    assert found and reporters.as_json(found) == _dumps(found)
    assert reporters.as_json([]) == _dumps([])
