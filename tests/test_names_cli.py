"""The N rules through the real CLI: seeds, corpus scope, user packs."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from helpers import SEEDS, run_cli


@pytest.fixture
def seeds(tmp_path):
    if not SEEDS.is_dir():
        pytest.skip("seed corpus not available")
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    (tmp_path / ".git").mkdir()  # stop configuration discovery here
    return tmp_path


def n_findings(out: str):
    return [f for f in json.loads(out) if f["code"].startswith("N")]


def test_check_reports_n_findings_in_001_and_002(seeds):
    res = run_cli("check", "--format", "json", "--select", "N", ".", cwd=seeds)
    assert res.returncode == 1, res.stderr
    files = {f["path"][:3] for f in n_findings(res.stdout)}
    assert files == {"001", "002"}
    lamy = [f for f in n_findings(res.stdout) if f["code"] == "N201"]
    assert len(lamy) == 1 and lamy[0]["line"] == 5 and "Lammy" in lamy[0]["message"]
    assert lamy[0]["fix"]["applicability"] == "unsafe"


def test_fix_leaves_one_spelling_per_file(seeds):
    res = run_cli("fix", "--select", "N", ".", cwd=seeds)
    assert res.returncode in (0, 1), res.stderr
    for p in seeds.glob("*.txt"):
        text = p.read_text(encoding="utf-8")
        assert len(set(re.findall(r"\bZelensk\w*", text))) == 1, p.name
    t2 = next(seeds.glob("002_*.txt")).read_text(encoding="utf-8")
    assert t2.startswith("By Daphne") and "\nKYIV (Reuters)" in t2 and "in Kyiv on Wednesday" in t2
    assert "Kiev" not in t2 and "KIEV" not in t2
    again = run_cli("fix", "--diff", "--select", "N101", ".", cwd=seeds)
    assert again.returncode == 0 and "---" not in again.stdout and "+++" not in again.stdout


def test_corpus_scope_says_the_files_disagree(seeds):
    res = run_cli("check", "--format", "json", "--select", "N101",
                  "--config", "names.scope = 'corpus'", ".", cwd=seeds)
    assert res.returncode == 1, res.stderr
    found = n_findings(res.stdout)
    zel = [f for f in found if "group zelenskyy" in f["message"]]
    assert {f["path"][:3] for f in zel} == {"001", "002", "003"}
    assert all("the corpus uses" in f["message"] and "files" in f["message"] for f in zel)


def test_user_pack_from_extend_packs(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.texthygiene]\nextend-packs = ["house.toml"]\n', encoding="utf-8")
    (tmp_path / "house.toml").write_text(
        '[pack]\nname = "house"\nfamily = "names"\n\n[[group]]\nid = "almaty"\n'
        'forms = ["Almaty", "Alma-Ata"]\nmodern = "Almaty"\nnote = "renamed 1993"\n',
        encoding="utf-8")
    (tmp_path / "a.txt").write_text("Almaty is calm. Almaty grows. Alma-Ata traders agreed.\n",
                                    encoding="utf-8")
    res = run_cli("check", "--select", "N101", ".", cwd=tmp_path)
    assert res.returncode == 1 and "'Alma-Ata' → 'Almaty'" in res.stdout


def test_broken_user_pack_is_an_error_naming_file_entry_and_problem(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.texthygiene]\nextend-packs = ["house.toml"]\n', encoding="utf-8")
    (tmp_path / "house.toml").write_text(
        '[pack]\nname = "house"\nfamily = "names"\n\n[[group]]\nid = "almaty"\n'
        'forms = ["Almaty", "Alma-Ata"]\nmodern = "Almaty"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Almaty is calm.\n", encoding="utf-8")
    res = run_cli("check", "--select", "N101", ".", cwd=tmp_path)
    assert res.returncode == 2
    assert "house.toml" in res.stderr and "group 'almaty'" in res.stderr
    assert "missing required key 'note'" in res.stderr
    assert "bug" not in res.stderr and "Traceback" not in res.stderr
