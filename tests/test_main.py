"""``linter.cli.main(argv)`` called in-process, as pre-commit-hooks tests its hooks."""

import json

from linter.cli import main

DIRTY = "top of page\n\nThe council met on Monday.\n\nLeave a Comment\n"


def test_main_check_and_fix(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TEXTHYGIENE_NO_CACHE", "1")
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    assert main(["check", str(path)]) == 1
    assert "D" in capsys.readouterr().out
    assert main(["fix", str(path)]) == 0
    assert path.read_text() == "The council met on Monday.\n"
    assert main(["check", str(path)]) == 0


def test_main_json_is_parseable(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TEXTHYGIENE_NO_CACHE", "1")
    path = tmp_path / "a.md"
    path.write_text(DIRTY)
    assert main(["check", "--format", "json", str(path)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {f["line"] for f in data} == {1, 5}


def test_main_errors_are_exit_2_without_traceback(tmp_path, capsys):
    assert main(["check", "--select", "nonsense!", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("texthygiene: error:") and "Traceback" not in err
    assert main(["rule", "D000"]) == 2


def test_main_leaves_re_and_regex_unhooked(tmp_path, capsys, monkeypatch):
    # the disk cache of compiled patterns is the command line's: a program calling main()
    # keeps its own re and regex once main() returns
    import re
    import sys

    from linter.core import coldstart

    monkeypatch.setenv("TEXTHYGIENE_NO_CACHE", "1")
    monkeypatch.setenv("TEXTHYGIENE_REGEX_CACHE", str(tmp_path / "regex.marshal"))
    monkeypatch.delenv("TEXTHYGIENE_NO_REGEX_CACHE", raising=False)
    compiler = getattr(re, "_compiler", None)
    if compiler is None:  # Python 3.10
        import sre_compile as compiler
    before, meta_path = compiler.compile, list(sys.meta_path)
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    assert main(["check", str(path)]) == 1
    assert compiler.compile is before
    assert sys.meta_path == meta_path
    assert not coldstart._state
