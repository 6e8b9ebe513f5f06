"""The persistent cache of compiled regular expressions (linter/core/coldstart.py)."""

from __future__ import annotations

import os
import re
import uuid

import pytest
import regex

from helpers import run_cli
from linter.core import coldstart

@pytest.fixture
def cache_path(tmp_path, monkeypatch):
    monkeypatch.delenv("TEXTHYGIENE_NO_REGEX_CACHE", raising=False)
    path = str(tmp_path / "regex.marshal")
    yield path
    coldstart.uninstall()

def _fresh(prefix: str) -> str:
    """A pattern no earlier test compiled (so neither engine's own memory has it)."""
    return prefix + "(?:" + uuid.uuid4().hex + ")?"

def _patterns():
    tag = _fresh("")
    return [
        (re, r"(?P<word>\b[A-Z]\w+)\s+(?:Kyiv|Kiev)" + tag, re.IGNORECASE),
        (re, r"^Share this:?\s*$" + tag, re.MULTILINE),
        (re, rb"\xc3[\x80-\xbf]" + tag.encode(), 0),
        (regex, r"(?<=[.!?])\s+(?=\p{Lu})" + tag, 0),
        (regex, r"(?i)\b(?:follow us|sign up)\b" + tag, 0),
    ]

def _behaviour(compiled, text):
    return ([m.span() for m in compiled.finditer(text)], compiled.groupindex, compiled.flags,
            compiled.pattern)

SAMPLE = "Share this:\nPresident Zelensky in Kyiv. Follow us on X! Then sign up.\n"

def test_a_second_run_rebuilds_every_pattern_from_the_table(cache_path):
    pats = _patterns()
    assert coldstart.install(cache_path)
    first = []
    for mod, pattern, flags in pats:
        text = SAMPLE.encode() + "Ã©".encode() if isinstance(pattern, bytes) else SAMPLE
        first.append(_behaviour(mod.compile(pattern, flags), text))
    coldstart.save()
    assert os.path.exists(cache_path)
    coldstart.uninstall()
    re.purge()
    regex.purge()

    assert coldstart.install(cache_path)
    table = coldstart._state["table"]
    assert len(table) >= len(pats)
    again = []
    for mod, pattern, flags in pats:
        text = SAMPLE.encode() + "Ã©".encode() if isinstance(pattern, bytes) else SAMPLE
        again.append(_behaviour(mod.compile(pattern, flags), text))
    assert again == first
    assert coldstart._state["dirty"] is False  # every pattern came from the table
    assert any(spans for spans, *_ in first)  # the sample exercises the patterns

def test_named_lists_are_part_of_the_key(cache_path):
    coldstart.install(cache_path)
    pattern = _fresh(r"\b\L<names>\b")
    a = regex.compile(pattern, names=["Kiev", "Odessa"])
    b = regex.compile(pattern, names=["Kyiv"])
    text = "Kiev, Kyiv and Odessa"
    assert [m.group() for m in a.finditer(text)] == ["Kiev", "Odessa"]
    assert [m.group() for m in b.finditer(text)] == ["Kyiv"]
    coldstart.save()
    coldstart.uninstall()
    regex.purge()
    coldstart.install(cache_path)
    b2 = regex.compile(pattern, names=["Kyiv"])
    assert [m.group() for m in b2.finditer(text)] == ["Kyiv"]
    assert coldstart._state["dirty"] is False

def test_a_damaged_or_foreign_file_is_ignored(cache_path):
    with open(cache_path, "wb") as fh:
        fh.write(b"\x00garbage")
    assert coldstart.load(cache_path, "tag") == {}
    with open(cache_path, "wb") as fh:
        coldstart.dump(fh, "another python", {("re", "x", 0): ("x", 0, b"", 0, {}, (None,))})
    assert coldstart.load(cache_path, "this python") == {}
    assert coldstart.load(cache_path + ".missing", "tag") == {}

def test_a_file_damaged_on_disk_is_dropped_not_run(cache_path):
    coldstart.install(cache_path)
    pattern = _fresh(r"\bOdesa\b")
    re.compile(pattern)
    coldstart.save()
    coldstart.uninstall()
    data = bytearray(open(cache_path, "rb").read())
    program = coldstart.load(cache_path, coldstart._tag())[("re", pattern, 0)][2]
    at = data.find(program) + len(program) // 2  # one damaged byte inside the stored program
    assert at > len(program) // 2
    data[at] ^= 0x5A
    with open(cache_path, "wb") as fh:
        fh.write(bytes(data))
    assert coldstart.load(cache_path, coldstart._tag()) == {}
    coldstart.install(cache_path)  # the run compiles afresh and still matches
    assert re.compile(pattern).search("from Odesa on").span() == (5, 10)

def test_a_bad_program_in_the_table_falls_back_to_compiling(cache_path):
    pattern = _fresh(r"\bKiev\b")
    tag = coldstart._tag()
    bogus = coldstart._pack_re((pattern, 32, [999999, 1, 2], 0, {}, (None,)))
    with open(cache_path, "wb") as fh:
        coldstart.dump(fh, tag, {("re", pattern, 0): bogus})
    coldstart.install(cache_path)
    compiled = re.compile(pattern)
    assert compiled.search("in Kiev today").span() == (3, 7)
    assert coldstart._state["dirty"]  # the entry was replaced by the real program

def test_off_switch(cache_path, monkeypatch):
    monkeypatch.setenv("TEXTHYGIENE_NO_REGEX_CACHE", "1")
    assert coldstart.install(cache_path) is False
    re.compile(_fresh("x"))
    coldstart.save()
    assert not os.path.exists(cache_path)

def test_uninstall_restores_the_engines(cache_path):
    import re as re_module

    compiler = getattr(re_module, "_compiler", None)
    if compiler is None:  # Python 3.10
        import sre_compile as compiler
    before = compiler.compile
    coldstart.install(cache_path)
    assert compiler.compile is not before
    coldstart.uninstall()
    assert compiler.compile is before

def test_the_cli_writes_the_table_and_reports_the_same_findings(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Share this:\n\nPresident Zelensky spoke in Kiev.  Then Kyiv.\n", encoding="utf-8")
    table = tmp_path / "cache" / "regex.marshal"
    env = {"TEXTHYGIENE_REGEX_CACHE": str(table), "TEXTHYGIENE_NO_REGEX_CACHE": ""}
    cold = run_cli("check", "--isolated", str(doc), env=env)
    assert table.exists()
    warm = run_cli("check", "--isolated", str(doc), env=env)
    off = run_cli("check", "--isolated", str(doc), env={"TEXTHYGIENE_NO_REGEX_CACHE": "1"})
    assert cold.returncode == warm.returncode == off.returncode == 1
    assert cold.stdout == warm.stdout == off.stdout
    assert "D10" in cold.stdout

PACK = """[pack]
name = "courier"
family = "debris"
description = "Chrome of the (made-up) Harbour Courier site."

[[chrome]]
id = "courier-app"
text = "Get the Harbour Courier app"
"""

def test_parsed_packs_are_kept_while_the_file_is_unchanged(cache_path, tmp_path):
    from linter.core.packs import read_pack

    pack = tmp_path / "courier.toml"
    pack.write_text(PACK, encoding="utf-8")
    coldstart.install(cache_path)
    first = read_pack(pack)
    first["chrome"].clear()  # a caller's changes do not leak into the stored copy
    coldstart.save()
    coldstart.uninstall()

    coldstart.install(cache_path)
    again = read_pack(pack)
    assert again["chrome"][0]["text"] == "Get the Harbour Courier app"
    assert coldstart._state["dirty"] is False  # served from the table
    pack.write_text(PACK.replace("Courier app", "Courier application"), encoding="utf-8")
    changed = read_pack(pack)
    assert changed["chrome"][0]["text"] == "Get the Harbour Courier application"

def test_without_the_cache_packs_are_parsed_as_before(tmp_path):
    from linter.core.packs import read_pack

    coldstart.uninstall()
    pack = tmp_path / "courier.toml"
    pack.write_text(PACK, encoding="utf-8")
    assert read_pack(pack)["pack"]["name"] == "courier"

def test_remember_builds_once_across_runs(cache_path):
    calls = []

    def build():
        calls.append(1)
        return {"gate": r"(?:share|follow)\b", "n": 2}

    key = ("test", uuid.uuid4().hex)
    coldstart.install(cache_path)
    assert coldstart.remember(key, build) == {"gate": r"(?:share|follow)\b", "n": 2}
    coldstart.save()
    coldstart.uninstall()
    coldstart.install(cache_path)
    assert coldstart.remember(key, build) == {"gate": r"(?:share|follow)\b", "n": 2}
    assert len(calls) == 1
    coldstart.uninstall()
    assert coldstart.remember(key, build)["n"] == 2 and len(calls) == 2  # not installed: built

def test_entries_a_run_did_not_use_are_dropped_when_many(cache_path):
    coldstart.install(cache_path)
    stale = [_fresh("stale") for _ in range(coldstart.SLACK + 10)]
    for p in stale:
        re.compile(p)
    coldstart.save()
    coldstart.uninstall()
    re.purge()

    coldstart.install(cache_path)
    kept = _fresh("kept")
    re.compile(kept)  # a new pattern: this run saves, without the ones it never used
    coldstart.save()
    coldstart.uninstall()
    coldstart.install(cache_path)
    table = coldstart._state["table"]
    assert ("re", kept, 0) in table
    assert not any(("re", p, 0) in table for p in stale)

def test_what_other_processes_stored_meanwhile_is_kept(cache_path):
    coldstart.install(cache_path)
    mine = _fresh("mine")
    re.compile(mine)
    coldstart.save()
    coldstart.uninstall()

    coldstart.install(cache_path)  # a run starts; meanwhile another process (a pool worker) saves
    tag = coldstart._state["tag"]
    theirs = ("re", _fresh("theirs"), 0)
    stored = coldstart.load(cache_path, tag)
    stored[theirs] = stored[("re", mine, 0)]
    with open(cache_path, "wb") as fh:
        coldstart.dump(fh, tag, stored)
    again = _fresh("again")
    re.compile(again)
    coldstart.save()
    coldstart.uninstall()
    coldstart.install(cache_path)
    table = coldstart._state["table"]
    assert theirs in table and ("re", again, 0) in table and ("re", mine, 0) in table

def test_pool_workers_keep_what_they_compile(tmp_path):
    for i in range(30):  # enough files for a pool
        (tmp_path / f"a{i:02d}.txt").write_text(
            f"Share this:\n\nThe ferry left Kiev at {i} o'clock.  Then Kyiv.\n", encoding="utf-8")
    imports_only = tmp_path / "imports.marshal"
    run_cli("rules", env={"TEXTHYGIENE_REGEX_CACHE": str(imports_only), "TEXTHYGIENE_NO_REGEX_CACHE": ""})
    table = tmp_path / "run.marshal"
    env = {"TEXTHYGIENE_REGEX_CACHE": str(table), "TEXTHYGIENE_NO_REGEX_CACHE": ""}
    first = run_cli("check", "--isolated", "-j", "2", str(tmp_path), env=env)
    second = run_cli("check", "--isolated", "-j", "2", str(tmp_path), env=env)
    assert first.returncode == second.returncode == 1 and first.stdout == second.stdout

    def size(path):
        return len(coldstart.load(str(path), coldstart._tag()))
    # the workers' lazily compiled patterns are kept, and the second run (all hits in the
    # workers) does not drop them
    assert size(table) > size(imports_only) + 20

def test_no_home_folder_means_no_table_rather_than_a_tilde_folder_here(tmp_path, monkeypatch):
    # HOME unset and a user id without a passwd entry (a container run with --user):
    # expanduser("~") gives "~" back, which must not become ./~/.cache in the user's repository
    for name in ("TEXTHYGIENE_REGEX_CACHE", "XDG_CACHE_HOME", "HOME", "TEXTHYGIENE_NO_REGEX_CACHE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)
    monkeypatch.chdir(tmp_path)
    assert coldstart.cache_file() is None
    try:
        assert coldstart.install() is False
        re.compile(_fresh("homeless"))
        coldstart.save()
    finally:
        coldstart.uninstall()
    assert os.listdir(tmp_path) == []

def test_a_relative_xdg_cache_home_is_ignored(tmp_path, monkeypatch):
    monkeypatch.delenv("TEXTHYGIENE_REGEX_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert coldstart.cache_file().startswith(str(tmp_path / ".cache" / "texthygiene"))

def test_a_relative_explicit_cache_file_is_written(tmp_path, monkeypatch):
    monkeypatch.delenv("TEXTHYGIENE_NO_REGEX_CACHE", raising=False)
    monkeypatch.setenv("TEXTHYGIENE_REGEX_CACHE", "regex.marshal")
    monkeypatch.chdir(tmp_path)
    try:
        assert coldstart.install()
        re.compile(_fresh("relative"))
        coldstart.save()
    finally:
        coldstart.uninstall()
    assert coldstart.load(str(tmp_path / "regex.marshal"), coldstart._tag())

def test_another_regex_build_with_the_same_file_times_is_another_table(tmp_path, monkeypatch):
    # an upgrade of regex whose files keep their times (Nix stores, reproducible images):
    # its programs must not be handed to the other engine (a foreign program can crash it)
    import importlib.util
    from importlib.machinery import ModuleSpec

    pkg = tmp_path / "regex"
    pkg.mkdir()
    files = {"__init__.py": b"", "_main.py": b"# 1\n", "_regex_core.py": b"# 1\n",
             "_regex.cpython-311-x86_64-linux-gnu.so": b"\x7fELF one"}
    for name, data in files.items():
        (pkg / name).write_bytes(data)
        os.utime(pkg / name, ns=(1_000_000_000, 1_000_000_000))
    spec = ModuleSpec("regex", None, origin=str(pkg / "__init__.py"))
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: spec if name == "regex" else None)
    before = coldstart._tag()
    engine = pkg / "_regex.cpython-311-x86_64-linux-gnu.so"
    engine.write_bytes(b"\x7fELF version two")
    os.utime(engine, ns=(1_000_000_000, 1_000_000_000))
    assert coldstart._tag() != before

def test_a_pattern_another_thread_compiles_meanwhile_is_not_stored_under_this_one(cache_path, monkeypatch):
    import _sre
    import threading

    first, other = _fresh(r"\bKiev\b"), _fresh(r"\bOdessa\b")
    real = _sre.compile

    def compile_and_let_another_thread_compile(*args):
        if args[0] == first:  # another thread compiles its pattern in the middle of this one
            worker = threading.Thread(target=re.compile, args=(other,))
            worker.start()
            worker.join()
        return real(*args)

    coldstart.install(cache_path)
    monkeypatch.setattr(_sre, "compile", compile_and_let_another_thread_compile)
    assert re.compile(first).search("in Kiev").group() == "Kiev"
    monkeypatch.setattr(_sre, "compile", real)
    coldstart.save()
    coldstart.uninstall()
    re.purge()
    coldstart.install(cache_path)
    again = re.compile(first)
    assert again.pattern == first
    assert again.search("in Kiev").group() == "Kiev"
    assert re.compile(other).search("in Odessa").group() == "Odessa"

def test_a_pack_edited_without_a_new_size_or_time_is_read_again(cache_path, tmp_path):
    # an edit within the file system's time step (a script writing the pack then running
    # the linter), or a checkout that restores the old time: the stored parse must not serve
    from linter.core.packs import read_pack

    pack = tmp_path / "courier.toml"
    pack.write_text(PACK, encoding="utf-8")
    stamp = os.stat(pack).st_mtime_ns
    coldstart.install(cache_path)
    assert read_pack(pack)["chrome"][0]["text"] == "Get the Harbour Courier app"
    coldstart.save()
    coldstart.uninstall()

    pack.write_text(PACK.replace("Courier app", "Courier APP"), encoding="utf-8")
    os.utime(pack, ns=(stamp, stamp))
    coldstart.install(cache_path)
    assert read_pack(pack)["chrome"][0]["text"] == "Get the Harbour Courier APP"

def test_a_pack_that_is_not_utf8_is_a_pack_error(tmp_path):
    from linter.core.packs import PackError, read_pack

    pack = tmp_path / "latin1.toml"
    pack.write_bytes(PACK.replace("Courier app", "Courier caf\u00e9").encode("latin-1"))
    with pytest.raises(PackError, match="latin1.toml"):
        read_pack(pack)

def test_a_regex_whose_private_compile_changed_is_left_unhooked(cache_path):
    # regex._main._compile is private: a release that changes its parameters must not make
    # every regex.compile of the run fail
    import types

    def _compile(pattern, flags, ignore_unused, kwargs, cache_it, pattern_locale=None):
        return ("compiled", pattern)

    main = types.SimpleNamespace(_compile=_compile, _regex=types.SimpleNamespace(compile=object),
                                 DEBUG=0x200, LOCALE=0x4, DEFAULT_VERSION=0x2000)
    coldstart.install(cache_path)
    coldstart._hook_regex(main, coldstart._state["table"])
    assert main._compile is _compile
    assert main._compile("x", 0, False, {}, True, None) == ("compiled", "x")

def test_the_installed_regex_is_hooked(cache_path):
    import regex._main as main  # already imported: hooked at once

    coldstart.install(cache_path)
    assert main._compile.__module__ == coldstart.__name__
