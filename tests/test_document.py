"""The document model keeps line endings, BOM and the final newline through edits."""

from hypothesis import given, strategies as st

from linter.core.document import Document
from linter.core.findings import Edit, apply_edits


def test_crlf_round_trip():
    raw = "one\r\ntwo\r\n"
    doc = Document.from_text(raw)
    assert doc.text == "one\ntwo\n" and doc.to_text() == raw


def test_bom_and_no_final_newline_round_trip():
    raw = "\ufeffline one\nline two"
    doc = Document.from_text(raw)
    assert not doc.text.startswith("\ufeff") and doc.to_text() == raw


def test_mixed_endings_survive_an_edit():
    raw = "a\r\nb\nc\r\nd\n"
    doc = Document.from_text(raw)
    edits = [Edit(2, 4, "")]  # delete "b\n"
    new = doc.with_text(apply_edits(doc.text, edits), edits)
    assert new.to_text() == "a\r\nc\r\nd\n"


def test_positions_are_one_based_characters():
    doc = Document.from_text("ab\ncdé f\n")
    assert doc.position(0) == (1, 1)
    assert doc.position(7) == (2, 5)
    assert doc.lines == ["ab", "cdé f"]


@given(st.lists(st.sampled_from(["x", "é", " ", "\n", "\r\n", "y z"]), max_size=30))
def test_round_trip_any_text(parts):
    raw = "".join(parts)
    assert Document.from_text(raw).to_text() == raw
