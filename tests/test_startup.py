"""A cold start imports only what the run needs: a hook on every commit pays for every module
(the benchmark in bench/ measures the time; this tests what is imported)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers import ROOT

#: standard-library modules no check of ordinary text needs, each a few ms of start-up
NOT_NEEDED = ("shutil", "lzma", "bz2", "dataclasses", "inspect", "hashlib")

ARTICLE = (
    "Ferry service resumes after storm | Coastline Courier\n\n"
    "The harbour ferry ran again on Monday, officials said.\n\n"
    "Share this:\n\nLeave a Comment\n"
)


def _imported_after_check(tmp_path, *args: str) -> list[str]:
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(ARTICLE, encoding="utf-8")
    code = (
        "import sys\n"
        "from linter import cli\n"
        "try:\n"
        f"    cli.main(['check', '--isolated', *{list(args)!r}, 'a0.txt', 'a1.txt', 'a2.txt'])\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(','.join(m for m in {NOT_NEEDED!r} if m in sys.modules), file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TEXTHYGIENE_NO_REGEX_CACHE": "1"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    return [m for m in out.stderr.splitlines()[-1].split(",") if m]


def test_a_check_imports_no_module_it_does_not_need(tmp_path):
    assert _imported_after_check(tmp_path, "--no-cache") == []
    assert _imported_after_check(tmp_path, "--no-cache", "--format", "json") == []
    assert _imported_after_check(tmp_path) == []  # the results cache on (it writes here)
    assert (tmp_path / ".texthygiene_cache").is_dir()
    assert _imported_after_check(tmp_path) == []  # and read back


@pytest.mark.parametrize("columns", ["60", "132", None, "junk"])
def test_help_is_laid_out_for_the_width_argparse_would_use(monkeypatch, columns):
    import argparse

    from linter.cli import _Formatter

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert _Formatter("texthygiene")._width == argparse.HelpFormatter("texthygiene")._width
