"""The real pre-commit framework runs this repository's hooks on a temporary git repository."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, SEEDS

DIRTY = """top of page

Ferry service resumes after storm

The operator said crossings would run to the full timetable again on Monday.

Leave a Comment
"""


def _precommit() -> list[str] | None:
    exe = shutil.which("pre-commit", path=os.path.dirname(sys.executable) + os.pathsep
                       + os.environ.get("PATH", ""))
    if exe:
        return [exe]
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        return None
    return [sys.executable, "-m", "pre_commit"]


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"})


def try_repo(repo: Path, hook: str, home: Path):
    cmd = _precommit()
    if cmd is None:
        pytest.skip("pre-commit is not installed")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    return subprocess.run([*cmd, "try-repo", str(ROOT), hook, "--all-files"], cwd=repo,
                          capture_output=True, text=True, env=env, timeout=900)


@pytest.fixture(scope="module")
def precommit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


def make_repo(tmp_path, name, text):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", name)
    return repo


def test_fix_hook_fails_and_cleans_the_file(tmp_path, precommit_home):
    repo = make_repo(tmp_path, "article.txt", DIRTY)
    r = try_repo(repo, "texthygiene-fix", precommit_home)
    if "An unexpected error" in r.stdout + r.stderr and "install" in (r.stdout + r.stderr):
        pytest.skip("pre-commit could not install the hook environment here")
    assert r.returncode == 1, r.stdout + r.stderr
    fixed = (repo / "article.txt").read_text(encoding="utf-8")
    assert "top of page" not in fixed and "Leave a Comment" not in fixed
    assert fixed.startswith("Ferry service resumes")


def test_check_hook_fails_on_dirty_and_passes_on_clean(tmp_path, precommit_home):
    repo = make_repo(tmp_path, "article.md", DIRTY)
    r = try_repo(repo, "texthygiene", precommit_home)
    assert r.returncode == 1 and "D" in r.stdout
    (repo / "article.md").write_text("The operator said crossings resume on Monday.\n")
    git(repo, "add", "article.md")
    assert try_repo(repo, "texthygiene", precommit_home).returncode == 0


def test_fix_hook_on_seed_003(tmp_path, precommit_home):
    seed = SEEDS / "003_fe4fb2dea130ca3f.txt"
    if not seed.exists():
        pytest.skip("../shared/corpus/seeds is not here")
    repo = make_repo(tmp_path, "003.txt", seed.read_text(encoding="utf-8"))
    r = try_repo(repo, "texthygiene-fix", precommit_home)
    assert r.returncode == 1, r.stdout + r.stderr
    fixed = (repo / "003.txt").read_text(encoding="utf-8")
    assert "top of page" not in fixed and "bottom of page" not in fixed
    assert "Ukraine.\u201d" in fixed and "\u2019\u2019" not in fixed
    assert "Battlefield" not in fixed  # (that subhead is in seed 002, not 003)
    assert "By Michael Crowley and Anton Troianovski" in fixed
