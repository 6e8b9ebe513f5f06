"""D101-D106 on the real corpus: clean articles get no safe fix, safe fixes keep content lines."""

import json

import pytest

from helpers import CORPUS, fix, lint

D1 = ["D101", "D102", "D103", "D104", "D105", "D106"]

pytestmark = pytest.mark.skipif(not (CORPUS / "labels.jsonl").is_file(),
                                reason="../shared/corpus not present")


def test_safe_fixes_change_no_clean_article():
    for path in sorted((CORPUS / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert fix(text, D1) == text, path.name


def test_findings_on_clean_articles_are_rare():
    lines = found = 0
    for path in sorted((CORPUS / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines += sum(1 for line in text.split("\n") if line.strip())
        found += len(lint(text, D1))
    assert found <= lines * 0.005, (found, lines)


def test_safe_fixes_remove_no_content_line_of_the_extracted_pages():
    records = [json.loads(line) for line in (CORPUS / "labels.jsonl").read_text().splitlines()]
    removed = []
    for rec in records:
        if rec["source"] != "trafilatura":
            continue
        text = (CORPUS / rec["path"]).read_text(encoding="utf-8")
        fixed_lines = set(fix(text, D1).split("\n"))
        lines = text.split("\n")
        for item in rec["lines"]:
            if item["label"] == "content" and lines[item["n"] - 1] not in fixed_lines:
                removed.append((rec["doc"], item["n"]))
    assert removed == []
