"""The real command line as a subprocess: exit codes, formats, stdin, rules, errors."""

import json

import pytest

from helpers import run_cli

DIRTY = """top of page

A council vote on the new bridge was delayed until March, officials said.

The mayor said the delay would not change the budget.

Leave a Comment
"""
CLEAN = "A council vote on the new bridge was delayed until March, officials said.\n"


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "notes.py").write_text("top of page\n", encoding="utf-8")  # not a prose file
    return tmp_path


def test_version_and_help():
    r = run_cli("--version")
    assert r.returncode == 0 and r.stdout.startswith("texthygiene ")
    assert run_cli("check", "--help").returncode == 0


def test_check_exit_codes(tree):
    assert run_cli("check", "clean.md", cwd=tree).returncode == 0
    r = run_cli("check", ".", cwd=tree)
    assert r.returncode == 1
    assert "dirty.txt:1:1: D" in r.stdout and "notes.py" not in r.stdout
    assert "Found" in r.stdout


def test_named_file_is_always_checked(tree):
    r = run_cli("check", "notes.py", cwd=tree)
    assert r.returncode == 1 and "notes.py:1:1: D" in r.stdout


def test_json_format_shape(tree):
    r = run_cli("check", "--format", "json", "dirty.txt", cwd=tree)
    data = json.loads(r.stdout)
    assert r.returncode == 1 and data
    f = data[0]
    assert set(f) == {"path", "line", "column", "end_line", "end_column", "code", "name",
                      "message", "fix"}
    assert f["path"] == "dirty.txt" and f["line"] == 1 and f["column"] == 1
    assert f["fix"]["applicability"] in ("safe", "unsafe")
    edit = f["fix"]["edits"][0]
    assert set(edit) == {"line", "column", "end_line", "end_column", "content"}


def test_github_format(tree):
    r = run_cli("check", "--format", "github", "dirty.txt", cwd=tree)
    lines = r.stdout.splitlines()
    assert lines and all(l.startswith("::error file=dirty.txt,line=") for l in lines)
    assert ",title=D" in lines[0]


def test_sarif_and_statistics(tree):
    sarif = json.loads(run_cli("check", "--format", "sarif", "dirty.txt", cwd=tree).stdout)
    assert sarif["runs"][0]["results"][0]["ruleId"].startswith("D")
    stats = run_cli("check", "--statistics", "dirty.txt", cwd=tree).stdout
    assert stats.splitlines()[0].split("\t")[1].startswith("D")


def test_select_and_ignore(tree):
    assert run_cli("check", "--select", "N", "dirty.txt", cwd=tree).returncode == 0
    assert run_cli("check", "--ignore", "D", "dirty.txt", cwd=tree).returncode == 0
    r = run_cli("check", "--select", "Q999", "dirty.txt", cwd=tree)
    assert r.returncode == 2 and "Q999" in r.stderr and "Traceback" not in r.stderr


def test_fix_then_clean_and_idempotent(tree):
    r = run_cli("fix", "dirty.txt", cwd=tree)
    assert r.returncode == 0, r.stdout + r.stderr
    fixed = (tree / "dirty.txt").read_text(encoding="utf-8")
    assert "top of page" not in fixed and "Leave a Comment" not in fixed
    assert fixed.startswith("A council vote") and fixed.endswith("budget.\n")
    assert "\n\nThe mayor" in fixed
    before = (tree / "dirty.txt").read_bytes()
    assert run_cli("fix", "dirty.txt", cwd=tree).returncode == 0
    assert (tree / "dirty.txt").read_bytes() == before


def test_fix_diff_writes_nothing(tree):
    r = run_cli("fix", "--diff", "dirty.txt", cwd=tree)
    assert r.returncode == 1
    assert "-top of page" in r.stdout and "+++ b/dirty.txt" in r.stdout
    assert (tree / "dirty.txt").read_text(encoding="utf-8") == DIRTY


def test_stdin_check_and_fix():
    r = run_cli("check", "-", input=DIRTY)
    assert r.returncode == 1 and "-:1:1: D" in r.stdout
    r = run_cli("check", "-", "--stdin-filename", "story.md", input=DIRTY)
    assert "story.md:1:1:" in r.stdout
    r = run_cli("fix", "-", input=DIRTY)
    assert r.returncode == 0 and r.stdout.startswith("A council vote")


def test_rules_and_rule():
    r = run_cli("rules")
    assert r.returncode == 0
    first = r.stdout.splitlines()[0].split("\t")[0]
    doc = run_cli("rule", first)
    assert doc.returncode == 0
    for section in ("What it does", "Why is this bad?", "Example", "Fix safety"):
        assert section in doc.stdout
    assert run_cli("rule", "Z000").returncode == 2


def test_every_rule_is_documented_in_sections():
    rules = json.loads(run_cli("rules", "--format", "json").stdout)
    assert rules
    for rule in rules:
        for section in ("What it does", "Why is this bad?", "Example", "Fix safety"):
            assert f"## {section}" in rule["explanation"], (rule["code"], section)


def test_missing_path_is_an_error_and_others_still_run(tree):
    r = run_cli("check", "nope.txt", "dirty.txt", cwd=tree)
    assert r.returncode == 2
    assert "nope.txt" in r.stderr and "dirty.txt:1:1:" in r.stdout
    assert len(r.stderr.strip().splitlines()) == 1


def test_exit_zero_and_quiet(tree):
    r = run_cli("check", "--exit-zero", "-q", "dirty.txt", cwd=tree)
    assert r.returncode == 0 and "Found" not in r.stdout and "dirty.txt:1:1:" in r.stdout


def test_no_command_prints_help():
    r = run_cli()
    assert r.returncode == 2 and "usage" in r.stdout.lower()


def test_inline_suppression_in_text_and_markdown(tmp_path):
    (tmp_path / "a.txt").write_text("top of page  texthygiene: ignore\n\nA council vote was held.\n")
    (tmp_path / "b.md").write_text("top of page <!-- texthygiene: ignore[D] -->\n\nA vote was held.\n")
    (tmp_path / "c.md").write_text("<!-- texthygiene: off -->\ntop of page\n<!-- texthygiene: on -->\n"
                                   "\nA vote was held.\n")
    r = run_cli("check", ".", cwd=tmp_path)
    assert r.returncode == 0, r.stdout
    (tmp_path / "c.md").write_text("<!-- texthygiene: off[N] -->\ntop of page\n"
                                   "<!-- texthygiene: on -->\n\nA vote was held.\n")
    assert "c.md:2:1: D" in run_cli("check", ".", cwd=tmp_path).stdout
