"""The runner around the rules: settings per file, the process pool, what a run holds."""

from __future__ import annotations

import os

from linter import runner
from linter.config import ConfigResolver


def _tree(tmp_path):
    """Files in nested folders, one of them with its own configuration."""
    (tmp_path / ".git").mkdir()
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (tmp_path / "a" / ".texthygiene.toml").write_text('ignore = ["P"]\n', encoding="utf-8")
    names = []
    for i, folder in enumerate([tmp_path, tmp_path / "a", sub] * 10):
        path = folder / f"f{i:02d}.txt"
        path.write_text(f"Share this:\n\nThe ferry left Kiev at {i} o'clock.  Then Kyiv.\n",
                        encoding="utf-8")
        names.append(path)
    return names


def test_for_file_is_for_path_of_a_file(tmp_path, monkeypatch):
    names = _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    resolver = ConfigResolver()
    for path in names:
        for p in (str(path), os.path.relpath(path), "./" + os.path.relpath(path)):
            assert resolver.for_file(p) is resolver.for_path(p)
    assert resolver.for_file("f00.txt").source == "defaults"
    assert resolver.for_file("a/b/f02.txt").source.endswith(".texthygiene.toml")


def test_a_pooled_run_gives_what_one_process_gives(tmp_path, monkeypatch):
    names = _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    found, errors = runner.discover(["."], ConfigResolver())
    assert not errors and len(found) == len(names) >= runner.POOL_MIN_FILES

    def results(jobs, render=None):
        opts = runner.RunOptions(jobs=jobs, cache=False, render=render)
        return [vars(r) for r in runner.run(found, ConfigResolver(), opts)]

    one = results(1)
    assert any(r["findings"] for r in one)
    assert results(2) == one
    assert results(2, "text") == results(1, "text")


def test_the_pool_bookkeeping_does_not_wait_on_results():
    # multiprocessing's worker handler waits on the result pipe too, and so polls again and
    # again while results wait to be read; ours wakes for worker exits and its own calls only
    pool = runner._pool(2, None, ())
    try:
        assert pool._outqueue._reader not in pool._get_sentinels()
        assert pool.map(abs, range(-50, 50), chunksize=7) == [abs(i) for i in range(-50, 50)]
        assert list(pool.imap(abs, range(-9, 0), chunksize=2)) == list(range(9, 0, -1))
    finally:
        pool.close()
        pool.join()


def test_a_check_keeps_no_second_copy_of_a_crlf_file(tmp_path, monkeypatch):
    from linter import engine, files

    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfShare this:\r\n\r\nThe ferry left Kiev.  Then Kyiv.\r\n")
    src = files.read(str(path))
    seen = []
    check = engine.check

    def spy(doc, rules, ctx=None, gates=True):
        seen.append(src.text)
        return check(doc, rules, ctx, gates)

    monkeypatch.setattr(engine, "check", spy)
    resolver = ConfigResolver(isolated=True)
    opts = runner.RunOptions(cache=False)
    found = runner.process_source(src, "a.txt", resolver.for_file(str(path)), opts).findings
    assert seen == [None] and found
    with_lf = runner.process_source(files.decode("b.txt", path.read_bytes().replace(b"\r\n", b"\n")),
                                    "a.txt", resolver.for_file(str(path)), opts).findings
    assert found == with_lf


def test_the_json_report_written_file_by_file_is_json_dumps(tmp_path):
    import json

    from helpers import run_cli

    _tree(tmp_path)
    (tmp_path / "clean.txt").write_text("A council vote was delayed.\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9 \u00e0 Kiev.\n".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01")
    outs = []
    for args, env in [(["-j", "1"], {}), (["-j", "2"], {}),  # in process, in a pool
                      (["-j", "2"], {"TEXTHYGIENE_NO_CACHE": "0"}),  # cache on: written, read
                      (["-j", "2"], {"TEXTHYGIENE_NO_CACHE": "0"}),
                      (["-j", "2", "-o", "report.json"], {})]:
        r = run_cli("check", "--isolated", "--format", "json", *args, ".", cwd=tmp_path, env=env)
        assert r.returncode == 1, r.stderr
        out = (tmp_path / "report.json").read_text(encoding="utf-8") if "-o" in args else r.stdout
        outs.append(out)
    data = json.loads(outs[0])
    assert outs[0] == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    assert {f["code"] for f in data} >= {"E902", "N101"} and len(data) > 30
    assert all(out == outs[0] for out in outs)
    for name in ("clean.txt", "binary.txt"):  # no findings: an empty array
        r = run_cli("check", "--isolated", "--format", "json", name, cwd=tmp_path)
        assert (r.returncode, r.stdout) == (0, "[]\n")


def test_the_console_script_exits_fast_with_everything_written(tmp_path):
    import json
    import subprocess
    import sys

    from helpers import ROOT, run_cli

    _tree(tmp_path)
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print('atexit ran', file=sys.stderr))\n"
            "from linter.cli import entry\n"
            "sys.argv = ['texthygiene', *sys.argv[1:]]\n"
            "entry()\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TEXTHYGIENE_NO_CACHE": "1"}

    def script(*args):
        return subprocess.run([sys.executable, "-c", code, *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True)

    for args in (["check", "--isolated", "-j", "2", "."], ["check", "--isolated", "--format", "json", "."],
                 ["check", "--isolated", "a/f01.txt"], ["fix", "--isolated", "--diff", "."]):
        fast, usual = script(*args), run_cli(*args, cwd=tmp_path)
        assert (fast.returncode, fast.stdout) == (usual.returncode, usual.stdout) and fast.stdout
        assert fast.stderr.endswith("atexit ran\n")
    r = script("check", "--isolated", "--format", "json", "-o", "report.json", ".")
    assert r.returncode == 1 and json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert script("--version").stdout.startswith("texthygiene ")


def test_a_streamed_discovery_gives_what_a_list_gives(tmp_path, monkeypatch):
    # files are checked while the rest are being found: same results, same order
    names = _tree(tmp_path)
    for i in range(300):  # more than the first files that choose the pool and its tasks
        (tmp_path / "a" / f"g{i:03d}.txt").write_text("Kiev.  Then Kyiv.\n" if i % 7 else "ok\n",
                                                      encoding="utf-8")
    (tmp_path / "missing").mkdir()
    monkeypatch.chdir(tmp_path)
    found, errors = runner.discover([".", "nowhere", "a"], ConfigResolver())
    assert errors == ["nowhere: no such file or folder; check the path"]
    assert len(found) == len(names) + 300

    for jobs in (1, 2):
        opts = runner.RunOptions(jobs=jobs, cache=False, render="text")
        listed = [vars(r) for r in runner.iter_run(found, ConfigResolver(), opts)]
        streamed_errors: list[str] = []
        resolver = ConfigResolver()
        stream = runner.iter_discover([".", "nowhere", "a"], resolver, streamed_errors)
        streamed = [vars(r) for r in runner.iter_run(stream, resolver, opts)]
        assert streamed == listed and streamed_errors == errors
        assert [r["path"] for r in streamed] == found


def test_a_broken_configuration_found_while_streaming_stops_the_run_first(tmp_path, monkeypatch):
    import pytest

    from linter.config import ConfigError

    (tmp_path / ".git").mkdir()
    for folder in ("a", "z"):
        (tmp_path / folder).mkdir()
        for i in range(400):
            (tmp_path / folder / f"f{i:03d}.txt").write_text("Kiev.  Then Kyiv.\n", encoding="utf-8")
    (tmp_path / "z" / ".texthygiene.toml").write_text("nonsense = 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    resolver = ConfigResolver()
    results = runner.iter_run(runner.iter_discover(["."], resolver, []), resolver,
                              runner.RunOptions(jobs=2, cache=False))
    with pytest.raises(ConfigError):
        next(results)  # not a result of a.txt files first: the error, as before any check


def test_a_clean_result_travels_as_its_path():
    clean = runner.FileResult("a.txt")
    assert clean.is_clean() and vars(runner.FileResult(clean.path)) == vars(clean)
    for change in ({"findings": [{}]}, {"error": ""}, {"notice": "n"}, {"changed": True},
                   {"fixed": 1}, {"diff": ""}, {"output": ""}, {"report": ""}, {"fixes": []},
                   {"cache_key": ()}):
        assert not runner.FileResult("a.txt", **change).is_clean(), change


def test_the_parent_warms_up_on_a_few_small_first_files(tmp_path):
    small, big = tmp_path / "small.txt", tmp_path / "big.txt"
    small.write_text("ok\n", encoding="utf-8")
    big.write_text("x" * (runner.WARM_UP_BYTES + 1), encoding="utf-8")
    s, b, gone = str(small), str(big), str(tmp_path / "gone.txt")
    assert runner._warm_up_files([s] * 40, 16) == 16
    assert runner._warm_up_files([s, s], 16) == 2
    assert runner._warm_up_files([s, b, s], 16) == 1  # not past the byte budget
    assert runner._warm_up_files([b, s], 16) == 0
    assert runner._warm_up_files([s, gone, s], 16) == 1  # a worker reports it


def test_a_fix_with_nothing_to_write_reports_as_the_check_does(tmp_path, monkeypatch):
    # a file whose only finding has no safe fix (a photo credit, left for --unsafe-fixes):
    # the fix writes nothing and reports the finding as a check does, in text straight from
    # the findings and in the other formats from their dicts
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "a.txt"
    data = "The ferry left on Monday, the mayor said.\n\nPhoto: Reuters\n".encode("utf-8")
    path.write_bytes(data)
    stamp = os.stat(path).st_mtime_ns

    def report(mode, render):
        opts = runner.RunOptions(mode=mode, jobs=1, cache=False, render=render)
        return [(r.report, r.findings, r.changed) for r in runner.run(["a.txt"], ConfigResolver(), opts)]

    checked = report("check", "text")
    assert checked[0][0] and not checked[0][2]
    assert report("fix", "text") == checked
    assert report("fix", None)[0][1] == report("check", None)[0][1] != []
    assert path.read_bytes() == data and os.stat(path).st_mtime_ns == stamp
