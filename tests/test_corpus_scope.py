"""Corpus scope: the runner counts spellings over the run, or over every git-tracked file."""

import json
import os
import shutil
import subprocess

import pytest

from helpers import SEEDS, run_cli

A = "President Volodymyr Zelensky met the ministers. Zelensky thanked them.\n"
B = "Zelenskyy spoke to reporters after the talks.\n"


def findings(r):
    return json.loads(r.stdout)


def test_file_scope_sees_no_conflict_but_corpus_scope_does(tmp_path):
    (tmp_path / "a.txt").write_text(A)
    (tmp_path / "b.txt").write_text(B)
    assert run_cli("check", "--select", "N101", ".", cwd=tmp_path).returncode == 0
    r = run_cli("check", "--select", "N101", "--format", "json",
                "--config", "names.scope = 'corpus'", ".", cwd=tmp_path)
    found = findings(r)
    assert r.returncode == 1 and [f["path"] for f in found] == ["b.txt"]
    assert "Zelensky" in found[0]["message"]


def test_git_corpus_judges_one_file_against_the_tracked_tree(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    for i in range(3):
        (tmp_path / f"old{i}.txt").write_text(A)
    (tmp_path / "new.txt").write_text(B)
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    cfg = ["--config", "names.scope = 'corpus'", "--config", "names.corpus = 'git'"]
    # only new.txt is passed, as pre-commit would: the other files still count
    r = run_cli("check", "--select", "N101", "--format", "json", *cfg, "new.txt", cwd=tmp_path)
    assert r.returncode == 1 and {f["path"] for f in findings(r)} == {"new.txt"}
    alone = run_cli("check", "--select", "N101", "--config", "names.scope = 'corpus'",
                    "new.txt", cwd=tmp_path)
    assert alone.returncode == 0


def test_seeds_disagree_across_the_corpus(tmp_path):
    if not SEEDS.exists():
        pytest.skip("../shared/corpus/seeds is not here")
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    r = run_cli("check", "--select", "N101", "--format", "json",
                "--config", "names.scope = 'corpus'", ".", cwd=tmp_path)
    zel = [f for f in findings(r) if "Zelensk" in f["message"]]
    assert zel and all("Zelensky" in f["message"] and "Zelenskyy" in f["message"] for f in zel)
    # per file, 000 and 003 are each consistent with themselves
    r = run_cli("check", "--select", "N101", "--format", "json", ".", cwd=tmp_path)
    paths = {f["path"] for f in findings(r)}
    assert not any(p.startswith(("000", "003")) for p in paths)
    assert any(p.startswith("001") for p in paths) and any(p.startswith("002") for p in paths)


def test_stdin_with_corpus_scope_counts_only_itself(tmp_path):
    r = run_cli("check", "--select", "N101", "--config", "names.scope = 'corpus'",
                "--stdin-filename", "x.txt", "-", input=A + B, cwd=tmp_path)
    assert r.returncode == 1 and os.path.basename("x.txt") in r.stdout


def test_warm_cache_gives_the_same_corpus_answer_and_sees_edits(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    for i in range(3):
        (tmp_path / f"old{i}.txt").write_text(A)
    (tmp_path / "new.txt").write_text(B)
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    cfg = ["--config", "names.scope = 'corpus'", "--config", "names.corpus = 'git'",
           "--select", "N101", "--format", "json", "new.txt"]
    env = {"TEXTHYGIENE_NO_CACHE": "0"}
    cold = run_cli("check", *cfg, cwd=tmp_path, env=env)
    warm = run_cli("check", *cfg, cwd=tmp_path, env=env)
    assert (tmp_path / ".texthygiene_cache").is_dir()
    assert cold.stdout == warm.stdout and findings(warm)
    for i in range(3):  # the tracked files now agree with new.txt: nothing to report
        (tmp_path / f"old{i}.txt").write_text(B + "\n" * (i + 1))
    assert run_cli("check", *cfg, cwd=tmp_path, env=env).returncode == 0
