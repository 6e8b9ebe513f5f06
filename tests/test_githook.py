"""The plain git hook: installed by `texthygiene install-hook`, run by a real `git commit`."""

import os
import subprocess
import sys

from helpers import ROOT, run_cli
from linter import githook

ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
       "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}


def git(cwd, *args, check=True):
    env = {**os.environ, **ENV, "PYTHONPATH": str(ROOT)}
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env,
                          check=check)


def test_shipped_script_is_the_template():
    assert (ROOT / "hooks" / "pre-commit").read_text() == githook.SCRIPT
    assert os.access(ROOT / "hooks" / "pre-commit", os.X_OK)


def test_install_hook_and_commit_checks_the_index(tmp_path):
    git(tmp_path, "init", "-q")
    r = run_cli("install-hook", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    hook = tmp_path / ".git" / "hooks" / "pre-commit"
    assert os.access(hook, os.X_OK) and sys.executable in hook.read_text()

    article = tmp_path / "a.txt"
    article.write_text("top of page\n\nThe council met on Monday.\n")
    git(tmp_path, "add", "a.txt")
    # the working tree is clean, but the index is dirty: the hook must look at the index
    article.write_text("The council met on Monday.\n")
    blocked = git(tmp_path, "commit", "-qm", "dirty", check=False)
    assert blocked.returncode != 0 and "a.txt:1:1: D" in blocked.stdout + blocked.stderr

    git(tmp_path, "add", "a.txt")
    ok = git(tmp_path, "commit", "-qm", "clean", check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr


def test_install_hook_refuses_foreign_hook(tmp_path):
    git(tmp_path, "init", "-q")
    hook = tmp_path / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(parents=True, exist_ok=True)
    hook.write_text("#!/bin/sh\necho mine\n")
    r = run_cli("install-hook", cwd=tmp_path)
    assert r.returncode == 2 and "not written by texthygiene" in r.stderr
    assert hook.read_text() == "#!/bin/sh\necho mine\n"
    assert run_cli("install-hook", "--force", cwd=tmp_path).returncode == 0


def test_install_hook_outside_git(tmp_path):
    r = run_cli("install-hook", cwd=tmp_path)
    assert r.returncode == 2 and "git" in r.stderr
