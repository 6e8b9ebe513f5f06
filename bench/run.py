"""Benchmark texthygiene against typos, codespell and ``grep -F`` on generated corpora.

Usage (from the repository root)::

    python bench/run.py              # full run (~100 MB corpora, a few minutes), writes bench/RESULTS.md
    python bench/run.py --quick      # ~20 MB corpora, fewer repeats (about a minute)
    python bench/run.py --profile    # only: time per rule family and per rule, in one process
    python bench/run.py --repeats 5  # more repeats (default 3, --quick 2)

What it does:

1. Builds the corpora (``bench/corpus.py``) from real article text
   (``../shared/corpus/articles`` when present, else ``examples/articles``) in ``--out``
   (default ``$TMPDIR/texthygiene-bench``: outside any git work tree, since every tool here
   skips git-ignored files): ``commit/`` (10 files of ~5 KB), ``tree/`` (~100 MB in
   ~20,000 ``.txt``/``.md`` files), ``quarter/`` (a tree a quarter that size, for memory
   growth) and ``big/big.txt`` (one ~100 MB file). Corpora are reused while their recipe
   is unchanged.
2. Installs typos and codespell from PyPI into ``bench/out/venv`` (once).
3. Runs, interleaved (the order rotates every repeat): ``texthygiene check`` and ``fix``
   (default rules, cache off, all cores), typos, codespell, and ``grep -rF -f PHRASES``
   with the example phrases of the D packs, and two reference rows on the tree: the
   Python floor (``bench/floor.py``) and the pipeline with one trivial rule. ``fix`` runs on a fresh copy of the tree each
   time; "fix (clean)" runs on a copy already fixed once, where nothing is left to fix.
   Each run's output goes to a file (not /dev/null, which GNU grep treats as ``-q``).
4. Measures wall time (median over repeats), MB/s, peak RSS of the largest process
   (``wait4``'s ``ru_maxrss``, as ``/usr/bin/time`` reports it) and the peak summed PSS of
   the whole process tree (sampled every 50 ms from ``/proc``), then a warm repeat run with
   the cache on, the commit's cold start and its import profile, and the time per rule
   family in one process; writes ``bench/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

REPO = corpus.REPO
BENCH = REPO / "bench"
VENV = BENCH / "out" / "venv"
PY = sys.executable
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024

FULL = {"tree": 100_000_000, "big": 100_000_000}
QUICK = {"tree": 20_000_000, "big": 20_000_000}

TARGETS = {"typos": 1 / 3, "codespell": 1 / 6, "grep -F": 3.0}
FLOOR = "python floor (bench/floor.py)"
PIPELINE = "texthygiene check --select E902"


# -- measuring one process (tree) ----------------------------------------------------------
@dataclass
class Run:
    wall: float
    cpu: float
    maxrss_kb: int
    pss_kb: int
    rc: int
    lines: int


class TreeSampler(threading.Thread):
    """Samples the summed PSS (KB) of a process and all its descendants every ``interval`` s."""

    def __init__(self, pid: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self._halt = threading.Event()

    @staticmethod
    def _children(pid: int) -> list[int]:
        out, todo = [], [pid]
        while todo:
            p = todo.pop()
            out.append(p)
            try:
                for task in os.listdir(f"/proc/{p}/task"):
                    with open(f"/proc/{p}/task/{task}/children") as fh:
                        todo.extend(int(c) for c in fh.read().split())
            except OSError:
                pass
        return out

    @staticmethod
    def _pss(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        return int(line.split()[1])
        except (OSError, ValueError):
            pass
        return 0

    def run(self) -> None:
        while not self._halt.is_set():
            total = sum(self._pss(p) for p in self._children(self.pid))
            self.peak = max(self.peak, total)
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def measure(argv: list[str], cwd: Path, env: dict, log: Path) -> Run:
    """Run ``argv`` once; its stdout goes to ``log`` (stderr to ``log``.err)."""
    with open(log, "wb") as out, open(str(log) + ".err", "wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=err)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        sampler.stop()
        proc.returncode = os.waitstatus_to_exitcode(status)
    with open(log, "rb") as fh:
        lines = sum(1 for _ in fh)
    return Run(wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss, sampler.peak, proc.returncode, lines)


# -- the tools -------------------------------------------------------------------------------
@dataclass
class Tool:
    name: str
    argv: list[str]
    env: dict = field(default_factory=dict)
    ok_rc: tuple = (0, 1)
    prepare: object = None  # callable returning the path list to use instead of the corpus paths


def base_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTHYGIENE")}
    env["LC_ALL"] = "C.UTF-8"
    env["PYTHONPATH"] = str(REPO)
    return env


def texthygiene(mode: str, cache: bool = False) -> list[str]:
    return [PY, "-m", "linter", mode, *([] if cache else ["--no-cache"])]


def ensure_venv() -> dict[str, str]:
    """typos and codespell installed in the benchmark's own venv; returns their paths."""
    bin_ = VENV / "bin"
    if not (bin_ / "typos").exists() or not (bin_ / "codespell").exists():
        print("installing typos and codespell into", VENV, flush=True)
        subprocess.run([PY, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(bin_ / "pip"), "install", "-q", "typos", "codespell"], check=True)
    return {"typos": str(bin_ / "typos"), "codespell": str(bin_ / "codespell")}


def version(argv: list[str]) -> str:
    try:
        return subprocess.run(argv, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "?"


# -- the benchmark ---------------------------------------------------------------------------
def median(xs):
    return statistics.median(xs) if xs else float("nan")


class Bench:
    def __init__(self, out: Path, repeats: int, quick: bool):
        self.out, self.repeats, self.quick = out, repeats, quick
        self.logs = out / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.results: dict[tuple[str, str], list[Run]] = {}
        self.env = base_env()
        self.n = 0

    def run(self, corpus_name: str, tool: Tool, paths: list[str], cwd: Path | None = None) -> Run:
        env = dict(self.env, **tool.env)
        self.n += 1
        log = self.logs / f"{self.n:04d}-{corpus_name}-{re.sub(r'[^A-Za-z0-9.-]+', '_', tool.name)}.out"
        r = measure(tool.argv + paths, cwd or self.out, env, log)
        if r.rc not in tool.ok_rc:
            err = Path(str(log) + ".err").read_text(errors="replace")[-2000:]
            raise SystemExit(f"{tool.name} on {corpus_name} exited {r.rc}:\n{err}")
        self.results.setdefault((corpus_name, tool.name), []).append(r)
        print(f"  {corpus_name:8} {tool.name:22} {r.wall:8.3f} s  cpu {r.cpu:7.2f} s  maxrss {r.maxrss_kb / 1024:6.1f} MB"
              f"  pss {r.pss_kb / 1024:6.1f} MB  out {r.lines} lines", flush=True)
        return r

    def interleaved(self, corpus_name: str, tools: list[Tool], paths: list[str], repeats: int):
        for rep in range(repeats):
            k = rep % len(tools)
            for tool in tools[k:] + tools[:k]:
                use = tool.prepare(rep) if tool.prepare else paths
                self.run(corpus_name, tool, use)

    def stats(self, corpus_name: str, tool: str) -> dict | None:
        runs = self.results.get((corpus_name, tool))
        if not runs:
            return None
        return {"median": median([r.wall for r in runs]), "min": min(r.wall for r in runs),
                "cpu": median([r.cpu for r in runs]),
                "maxrss": max(r.maxrss_kb for r in runs) / 1024,
                "pss": max(r.pss_kb for r in runs) / 1024, "lines": runs[-1].lines,
                "n": len(runs)}


def copy_tree(src: Path, dst: Path) -> None:
    shutil.rmtree(dst, ignore_errors=True)
    subprocess.run(["cp", "-a", str(src), str(dst)], check=True)


def import_profile(paths: list[str], out: Path) -> dict:
    """``python -X importtime -m linter check`` on the commit: top-level modules and heavy ones."""
    env = dict(base_env(), TEXTHYGIENE_NO_CACHE="1")
    p = subprocess.run([PY, "-X", "importtime", "-m", "linter", "check", "--no-cache", *paths],
                       cwd=out, env=env, capture_output=True, text=True)
    rows = []
    for line in p.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cum_us, name = line[len("import time:"):].split("|", 2)
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        rows.append((name.strip(), int(self_us), int(cum_us), depth))
    top = sorted([r for r in rows if r[3] == 0], key=lambda r: -r[2])
    total = sum(r[2] for r in rows if r[3] == 0)
    names = {r[0] for r in rows}
    by_self = sorted(rows, key=lambda r: -r[1])
    return {"total_ms": total / 1000, "top": [(n, c / 1000) for n, _, c, _ in top[:12]],
            "self": [(n, t / 1000) for n, t, _, _ in by_self[:15]],
            "ftfy": any(n == "ftfy" or n.startswith("ftfy.") for n in names),
            "regex": "regex" in names, "modules": len(rows)}


# -- profile per family, in one process --------------------------------------------------------
def profile_families(folder: Path, limit: int, cprofile: bool = False) -> dict:
    """Time every default rule alone over the files of ``folder`` (up to ``limit`` bytes)."""
    sys.path.insert(0, str(REPO))
    from linter import engine
    from linter.config import default_context
    from linter.core.document import Document
    from linter.rules import registry, resolve

    t0 = time.process_time()
    texts, size = [], 0
    for p in sorted(folder.rglob("*")):
        if p.suffix in (".txt", ".md") and p.is_file():
            data = p.read_bytes()
            texts.append((str(p), data.decode("utf-8")))
            size += len(data)
            if size >= limit:
                break
    t_read = time.process_time() - t0
    t0 = time.process_time()
    docs = [Document.from_text(t, path=p) for p, t in texts]
    for d in docs:
        d.lines, d.line_starts  # noqa: B018 - the shared, cached per-document work
    t_doc = time.process_time() - t0
    ctx = default_context()
    codes = sorted(resolve())
    rules = [registry()[c]() for c in codes]
    per_rule: dict[str, float] = {}
    findings: dict[str, int] = {}
    prof = None
    if cprofile:
        import cProfile
        prof = cProfile.Profile()
    clock = time.process_time
    for rule in rules:
        # warm-up: compiled data and lazy imports are built once per run, not per file
        list(rule.check(Document.from_text("warm up text.\n"), ctx))
        per_rule[rule.code], findings[rule.code] = 0.0, 0
        if rule.corpus_aware and rule.corpus_enabled(ctx):
            t0 = clock()
            ctx.corpus[rule.code] = rule.merge([rule.collect(d, ctx) for d in docs if d.kind in rule.kinds])
            per_rule[rule.code] += clock() - t0
    if prof:
        prof.enable()
    # Rules run per document in registry order, as in the engine, so work a family shares
    # per document (the page layout, the packs' line scan) counts once, for the first rule
    # that asks for it.
    t_all = clock()
    for d in docs:
        for rule in rules:
            if d.kind in rule.kinds:
                t0 = clock()
                findings[rule.code] += sum(1 for _ in rule.check(d, ctx))
                per_rule[rule.code] += clock() - t0
    t_rules = clock() - t_all
    if prof:
        prof.disable()
    fresh = [Document.from_text(d.text, path=d.path) for d in docs]  # no layout kept in .meta
    t0 = clock()
    total_findings = sum(len(engine.check(d, rules, ctx)) for d in fresh)
    t_engine = clock() - t0
    fam: dict[str, float] = {}
    for c, t in per_rule.items():
        fam[c[0]] = fam.get(c[0], 0.0) + t
    res = {"bytes": size, "files": len(docs), "read": t_read, "document": t_doc,
           "per_rule": per_rule, "findings": findings, "families": fam, "engine": t_engine,
           "rules_loop": t_rules,
           "engine_findings": total_findings,
           "names": {c: registry()[c].name for c in codes}}
    if prof:
        import io
        import pstats
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats("tottime").print_stats(40)
        res["cprofile"] = s.getvalue()
    return res


def profile_table(p: dict) -> list[str]:
    mb = p["bytes"] / 1e6
    lines = [f"In one process over {p['files']} files ({mb:.1f} MB) of the tree; each rule alone "
             "(after a warm-up that builds its compiled data): rules run per document in the "
             "engine's order and each rule's time is summed (work a family shares per document, "
             "such as the page layout or the packs' line scan, counts for the first rule using it); "
             "then all together through `engine.check`. "
             "Seconds of CPU time (`time.process_time`), so other work on the machine does not count.", "",
             "| what | seconds | MB/s | findings |", "| --- | ---: | ---: | ---: |",
             f"| read + decode | {p['read']:.3f} | {mb / max(p['read'], 1e-9):.0f} | |",
             f"| Document (lines, line starts) | {p['document']:.3f} | {mb / max(p['document'], 1e-9):.0f} | |"]
    for fam in sorted(p["families"]):
        t = p["families"][fam]
        lines.append(f"| **family {fam}** | **{t:.3f}** | **{mb / max(t, 1e-9):.1f}** | |")
        for c in sorted(x for x in p["per_rule"] if x[0] == fam):
            t = p["per_rule"][c]
            lines.append(f"| {c} {p['names'][c]} | {t:.3f} | {mb / max(t, 1e-9):.1f} | {p['findings'][c]} |")
    lines.append(f"| all rules, summed per document as above | {p['rules_loop']:.3f} | "
                 f"{mb / max(p['rules_loop'], 1e-9):.1f} | |")
    lines.append(f"| all rules through engine.check | {p['engine']:.3f} | "
                 f"{mb / max(p['engine'], 1e-9):.1f} | {p['engine_findings']} |")
    return lines


# -- report ----------------------------------------------------------------------------------
def fmt_ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def write_results(b: Bench, info: dict, meta: dict, imports: dict, prof: dict | None, path: Path):
    L = [f"# Benchmark results{' (quick)' if b.quick else ''}", "",
         f"Written by `python bench/run.py{' --quick' if b.quick else ''}` on {meta['date']} UTC, "
         f"texthygiene at commit {meta['commit']} ({meta['rules']} default rules of {meta['all_rules']}).", "",
         *([f"Quick configuration: 20 MB corpora instead of the full run's 100 MB (`python bench/run.py`); "
            "the targets judge ratios to the peers, which change little with the size (every tool here is linear).", ""]
           if b.quick else []),
         f"Machine: {meta['cpus']} cores ({meta['cpu']}), Python {meta['python']}, {meta['tools']}. "
         f"Medians of {b.repeats} interleaved repeats (order rotated each repeat; fewer where a "
         "table's runs column says so); cache off "
         "unless stated; all cores. MB/s = corpus bytes / median wall time. Peak RSS is the "
         "largest single process (`ru_maxrss`, as `/usr/bin/time` shows); PSS is the peak "
         "sum over the process tree (sampled every 50 ms; shared pages split). CPU s is user + "
         "system time of the process and its children (steadier than wall time when other "
         f"work shares the machine: load average {meta['load']} at the start).", "",
         f"Corpora, built from {info['articles']} real articles ({info['spec']['source']}) by "
         "`bench/corpus.py`: "
         f"commit {info['commit']['files']} files / {info['commit']['bytes'] / 1e3:.0f} KB; "
         f"tree {info['tree']['files']} files / {info['tree']['bytes'] / 1e6:.1f} MB "
         f"(injected: {', '.join(f'{k} {v}' for k, v in info['tree']['injected'].items())}); "
         f"quarter tree {info['quarter']['files']} files / {info['quarter']['bytes'] / 1e6:.1f} MB; "
         f"one file of {info['big']['bytes'] / 1e6:.1f} MB. `grep -F` gets "
         f"{meta['phrases']} phrases ({meta['phrase_source']}).", ""]
    sizes = {"commit": info["commit"]["bytes"], "commit-clean": info["commit-clean"]["bytes"], "tree": info["tree"]["bytes"],
             "clean": info["tree"]["bytes"], "big": info["big"]["bytes"],
             "quarter": info["quarter"]["bytes"]}
    titles = {"commit": "A 10-file commit (cold process, interpreter start-up included)",
              "commit-clean": "A 10-file commit of clean text (no injected faults: no gate should fire)",
              "tree": "The tree", "clean": "The tree after one `fix` (nothing left to fix)",
              "big": "One big file", "quarter": "The quarter tree (memory growth)",
              "warm": "The tree again, cache on (warm repeat run)"}
    for cname in ("commit", "commit-clean", "tree", "clean", "big", "quarter", "warm"):
        tools = [t for (c, t) in b.results if c == cname]
        if not tools:
            continue
        L += [f"## {titles[cname]}", "",
              "| tool | runs | median s | min s | CPU s | MB/s | peak RSS MB | PSS MB | output lines | texthygiene check / tool |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        ref = b.stats(cname, "texthygiene check")
        for t in dict.fromkeys(tools):
            s = b.stats(cname, t)
            mbs = sizes.get(cname, sizes["tree"]) / 1e6 / s["median"]
            ratio = fmt_ratio(ref["median"], s["median"]) if ref and t != "texthygiene check" else ""
            L.append(f"| {t} | {s['n']} | {s['median']:.3f} | {s['min']:.3f} | {s['cpu']:.2f} | {mbs:.1f} | {s['maxrss']:.1f} | "
                     f"{s['pss']:.1f} | {s['lines']} | {ratio} |")
        L.append("")
    # targets
    L += ["## Targets (issue 6)", "", "| target | measured | met |", "| --- | --- | --- |"]
    chk = b.stats("tree", "texthygiene check")
    if chk:
        for peer, limit in TARGETS.items():
            s = b.stats("tree", peer)
            if s:
                r = chk["median"] / s["median"]
                rc = chk["cpu"] / s["cpu"] if s["cpu"] else float("nan")
                L.append(f"| tree: check <= {limit:.2f} x {peer} | {r:.2f} x ({chk['median']:.2f} s vs "
                         f"{s['median']:.2f} s; CPU time {rc:.2f} x) | {'yes' if r <= limit else 'NO'} |")
    for cname in ("commit", "commit-clean"):
        c = b.stats(cname, "texthygiene check")
        if c:
            base = b.stats(cname, "python -c pass")
            L.append(f"| {cname}: cold check < 150 ms | {c['median'] * 1000:.0f} ms (CPU {c['cpu'] * 1000:.0f} ms; "
                     f"interpreter alone {base['median'] * 1000:.0f} ms, CPU {base['cpu'] * 1000:.0f} ms) | "
                     f"{'yes' if c['median'] < 0.150 else 'NO'} |")
    fc, cc = b.stats("clean", "texthygiene fix"), b.stats("clean", "texthygiene check")
    if fc and cc:
        r = fc["median"] / cc["median"]
        L.append(f"| fix of a tree with nothing to fix no slower than check | fix {fc['median']:.2f} s / "
                 f"check {cc['median']:.2f} s = {r:.2f} | {'yes' if r <= 1.05 else 'NO'} |")
    q = b.stats("quarter", "texthygiene check")
    if chk and q:
        L.append(f"| peak RSS < 200 MB on the tree | largest process {chk['maxrss']:.0f} MB, "
                 f"whole tree (PSS) {chk['pss']:.0f} MB | {'yes' if chk['maxrss'] < 200 else 'NO'} |")
        g = chk["maxrss"] / q["maxrss"]
        L.append(f"| RSS flat when the tree grows 4x | quarter {q['maxrss']:.0f} MB -> tree "
                 f"{chk['maxrss']:.0f} MB ({g:.2f} x; PSS {q['pss']:.0f} -> {chk['pss']:.0f} MB) | "
                 f"{'yes' if g <= 1.25 else 'NO'} |")
    L.append("| every rule linear in the input | `tests/test_linear.py` (operation counts) | see pytest |")
    L.append("")
    L += _budget_lines(b)
    for label, imports in imports.items():
        L += _import_lines(label, imports)
    if prof:
        L += ["## Time per rule family", ""] + profile_table(prof) + [""]
    path.write_text("\n".join(L) + "\n", encoding="utf-8")


def _budget_lines(b: Bench) -> list[str]:
    """Where the tree's time budget (a third of typos' time) goes: the Python floor, the
    pipeline with one trivial rule, and the rules."""
    chk, ty = b.stats("tree", "texthygiene check"), b.stats("tree", "typos")
    fl, pl = b.stats("tree", FLOOR), b.stats("tree", PIPELINE)
    if not (chk and ty and fl and pl):
        return []
    budget = ty["median"] * TARGETS["typos"]
    rows = [("the budget: a third of typos' time", budget, None),
            ("python floor: walk, read, decode, one regex (bench/floor.py)", fl["median"], fl["cpu"]),
            ("texthygiene's pipeline, one trivial rule (E902)", pl["median"], pl["cpu"]),
            ("texthygiene check, all default rules", chk["median"], chk["cpu"]),
            ("the rules' share (all rules minus the pipeline)", chk["median"] - pl["median"],
             chk["cpu"] - pl["cpu"])]
    L = ["## Where the tree's time goes", "",
         "| part | wall s | CPU s | x budget |", "| --- | ---: | ---: | ---: |"]
    for name, wall, cpu in rows:
        L.append(f"| {name} | {wall:.2f} | {'' if cpu is None else f'{cpu:.2f}'} | {wall / budget:.2f} |")
    return L + [""]


def _import_lines(label: str, imports: dict) -> list[str]:
    L = [f"## Start-up of the {label} check", "",
          f"`python -X importtime -m linter check <10 files>`: {imports['modules']} modules, "
          f"{imports['total_ms']:.0f} ms of imports in all (site's own imports included); "
          f"ftfy imported: {'yes' if imports['ftfy'] else 'no'}; regex imported: "
          f"{'yes' if imports['regex'] else 'no'}. Largest top-level imports:", "",
          "| module | cumulative ms |", "| --- | ---: |"]
    L += [f"| {n} | {ms:.1f} |" for n, ms in imports["top"]]
    L += ["", "Largest own import times (module body: mostly compiling patterns and tables):", "",
          "| module | self ms |", "| --- | ---: |"]
    L += [f"| {n} | {ms:.1f} |" for n, ms in imports["self"]]
    L.append("")
    return L


def git_commit() -> str:
    try:
        return subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip() or "?"
    except OSError:
        return "?"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="~20 MB corpora, 2 repeats")
    ap.add_argument("--profile", action="store_true",
                    help="only the per-family profile (in one process), with cProfile's top functions")
    ap.add_argument("--repeats", type=int, default=None)
    ap.add_argument("--out", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "texthygiene-bench")
    ap.add_argument("--source", type=Path, default=None, help="folder of article text")
    ap.add_argument("--results", type=Path, default=None,
                    help="where to write the report (default bench/RESULTS.md; --quick: bench/out/RESULTS-quick.md)")
    args = ap.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    repeats = args.repeats or (2 if args.quick else 3)
    out = args.out / ("quick" if args.quick else "full")
    out.mkdir(parents=True, exist_ok=True)
    source = args.source or corpus.default_source()
    t_start = time.perf_counter()
    print(f"corpora in {out} (from {source})", flush=True)
    info = corpus.build_all(out, source, sizes)
    print(f"  built in {time.perf_counter() - t_start:.1f} s", flush=True)

    if args.profile:
        prof = profile_families(out / "tree", QUICK["tree"], cprofile=True)
        print("\n".join(profile_table(prof)))
        print(prof["cprofile"])
        return 0

    peers = ensure_venv()
    # texthygiene as installed (pip writes bytecode at install time), not a source tree that
    # PYTHONDONTWRITEBYTECODE=1 would make recompile every module on every cold start
    subprocess.run([PY, "-m", "compileall", "-q", str(REPO / "linter")], check=False)
    phrases_file = out / "phrases.txt"
    n_phrases = corpus.write_phrases(phrases_file)
    from_packs = bool(corpus.pack_phrases())
    th_check = Tool("texthygiene check", texthygiene("check"), {"TEXTHYGIENE_NO_CACHE": "1"})
    th_fix = Tool("texthygiene fix", texthygiene("fix"), {"TEXTHYGIENE_NO_CACHE": "1"})
    typos = Tool("typos", [peers["typos"], "--format", "brief"], ok_rc=(0, 2))
    codespell = Tool("codespell", [peers["codespell"]], ok_rc=(0, 65))
    grep = Tool("grep -F", ["grep", "-rF", "-f", str(phrases_file), "--"])
    # reference rows: what any pure-Python checker pays (walk, read, decode, one regex), and
    # texthygiene's own pipeline with one trivial rule (files, pool, documents, reports)
    floor = Tool(FLOOR, [PY, str(BENCH / "floor.py")])
    pipeline = Tool(PIPELINE, [*texthygiene("check"), "--select", "E902"], {"TEXTHYGIENE_NO_CACHE": "1"})
    b = Bench(out, repeats, args.quick)

    load = os.getloadavg()[0]
    startup = Tool("python -c pass", [PY, "-c", "pass"])
    imports = {}
    for cname in ("commit", "commit-clean"):
        commit = sorted(str(p) for p in (out / cname).iterdir())
        print(f"{cname} (cold start)", flush=True)
        b.interleaved(cname, [th_check, startup, typos, codespell, grep], commit, max(5, 2 * repeats))
        imports[cname] = import_profile(commit, out)

    tree = str(out / "tree")
    fix_copy = out / "tree-fix"
    clean = out / "tree-clean"

    def fresh_copy(rep: int) -> list[str]:
        copy_tree(out / "tree", fix_copy)
        return [str(fix_copy)]

    print("tree", flush=True)
    b.interleaved("tree", [th_check, typos, codespell, grep, floor, pipeline], [tree], repeats)
    # The sections below repeat less when a check of the tree is slow, to keep the run short.
    slow = b.stats("tree", "texthygiene check")["median"] > 20
    more = 1 if slow else repeats
    b.interleaved("tree", [Tool(th_fix.name, th_fix.argv, th_fix.env, prepare=fresh_copy)], [tree], more)
    print("tree after one fix", flush=True)
    copy_tree(out / "tree", clean)
    b.run("setup", th_fix, [str(clean)])
    b.interleaved("clean", [th_check, th_fix], [str(clean)], more)
    print("one big file", flush=True)
    b.interleaved("big", [th_check, typos, codespell, grep], [str(out / "big" / "big.txt")], more)
    print("quarter tree (memory growth)", flush=True)
    b.interleaved("quarter", [th_check], [str(out / "quarter")], more)
    print("warm repeat run, cache on", flush=True)
    shutil.rmtree(out / ".texthygiene_cache", ignore_errors=True)
    warm_tool = Tool("texthygiene check", texthygiene("check", cache=True))
    b.run("setup", warm_tool, [tree])
    b.interleaved("warm", [warm_tool], [tree], more)
    shutil.rmtree(fix_copy, ignore_errors=True)

    print("profile per family", flush=True)
    prof = profile_families(out / "tree", min(sizes["tree"], QUICK["tree"] // (4 if slow else 1)))
    from linter.rules import registry, resolve
    meta = {"date": time.strftime("%Y-%m-%d %H:%M", time.gmtime()), "commit": git_commit(),
            "rules": len(resolve()), "all_rules": len(registry()), "cpus": os.cpu_count(),
            "cpu": platform.processor() or _cpu_model(), "python": platform.python_version(),
            "tools": f"{version([peers['typos'], '--version'])}, codespell "
                     f"{version([peers['codespell'], '--version'])}, {version(['grep', '--version'])}",
            "phrases": n_phrases, "load": f"{load:.1f}",
            "phrase_source": "the `example` phrases of the D packs" if from_packs
            else "no D pack phrases yet: the built-in debris list"}
    results = args.results or (BENCH / "out" / "RESULTS-quick.md" if args.quick else BENCH / "RESULTS.md")
    write_results(b, info, meta, imports, prof, results)
    print(f"wrote {results} in {time.perf_counter() - t_start:.0f} s")
    print(results.read_text())
    return 0


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


if __name__ == "__main__":
    sys.exit(main())
