"""Running texthygiene over files: discovery, per-file work, corpus pre-pass, pool and cache.

The runner turns paths and settings into :class:`FileResult` objects; it prints nothing.
Findings leave it as plain dicts in the JSON report shape, so they cross process
boundaries and the cache unchanged.
"""

from __future__ import annotations

import os
import sys
from bisect import bisect_right
from itertools import chain, groupby, islice
from operator import itemgetter
from typing import Any, Iterable, Iterator

from linter import __version__, engine, files
from linter.config import ConfigResolver, Settings, _relative
from linter.core.document import Document
from linter.core.packs import PackError
from linter.core.findings import Finding
from linter.core.rule import Context, Rule
from linter.rules import registry

NON_UTF8_CODE = "E902"
CACHE_DIR = ".texthygiene_cache"
POOL_MIN_FILES = 24


class RunOptions:
    """How to run: check or fix, and the switches that change per-file work."""

    def __init__(self, mode: str = "check", unsafe_fixes: bool | None = None, diff: bool = False,
                 jobs: int | None = None, cache: bool = True, convert_encoding: bool = False,
                 stdin_filename: str | None = None, render: str | None = None,
                 render_unsafe: bool = False):
        self.mode = mode  # "check" | "fix"
        self.unsafe_fixes, self.diff, self.jobs, self.cache = unsafe_fixes, diff, jobs, cache
        self.convert_encoding, self.stdin_filename = convert_encoding, stdin_filename
        #: "text", "github" or "json" (the items of the array): format each file's findings
        #: where the file is checked (in the worker), so that only the report and the fix
        #: applicabilities travel back (``FileResult.report`` and ``.fixes``); not with the
        #: cache on (it keeps findings)
        self.render, self.render_unsafe = render, render_unsafe

    def __repr__(self) -> str:
        return f"RunOptions({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"


class FileResult:
    """The outcome for one file."""

    def __init__(self, path: str, findings: list[dict] | None = None, error: str | None = None,
                 notice: str | None = None, changed: bool = False, fixed: int = 0,
                 diff: str | None = None, output: str | None = None, report: str | None = None,
                 fixes: list | None = None, cache_key: tuple | None = None):
        self.path = path
        self.findings = [] if findings is None else findings
        self.error, self.notice, self.changed, self.fixed, self.diff = error, notice, changed, fixed, diff
        #: for stdin in fix mode: the fixed text to print
        self.output = output
        #: with ``RunOptions.render``: the file's report, and the fix applicability of each
        #: finding ("safe", "unsafe" or None); ``findings`` is then empty
        self.report, self.fixes = report, fixes
        self.cache_key = cache_key

    def __repr__(self) -> str:
        return f"FileResult({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"

    def is_clean(self) -> bool:
        """Whether this result equals ``FileResult(self.path)``: nothing found, said or done.

        >>> FileResult("a.txt").is_clean(), FileResult("a.txt", error="a.txt: boom").is_clean()
        (True, False)
        """
        return (self.findings == [] and self.error is None and self.notice is None
                and self.changed is False and self.fixed == 0 and self.diff is None
                and self.output is None and self.report is None and self.fixes is None
                and self.cache_key is None)


# -- finding serialisation ------------------------------------------------------------------
def finding_dict(f: Finding, doc: Document, path: str) -> dict:
    """A finding in the JSON report shape (1-based lines and columns)."""
    line, col = doc.position(f.start)
    end_line, end_col = doc.position(f.end)
    fix = None
    if f.fix is not None:
        edits = []
        for e in f.fix.edits:
            l1, c1 = doc.position(e.start)
            l2, c2 = doc.position(e.end)
            edits.append({"line": l1, "column": c1, "end_line": l2, "end_column": c2,
                          "content": e.content})
        fix = {"applicability": f.fix.applicability.value, "message": f.fix.message,
               "edits": edits}
    return {"path": path, "line": line, "column": col, "end_line": end_line,
            "end_column": end_col, "code": f.code, "name": f.name, "message": f.message,
            "fix": fix}


def text_report(found: list[Finding], doc: Document, path: str,
                unsafe_fixes: bool) -> tuple[str, list]:
    """``reporters.text`` of the findings' dicts, and their fix kinds, without the dicts.

    >>> from linter.core.findings import Edit, Fix
    >>> doc = Document.from_text("one\\ntwo three\\n")
    >>> found = [Finding("P302", "doubled space", 7, 9, Fix.safe("one space", Edit(7, 9, " ")))]
    >>> text_report(found, doc, "a.txt", False)
    ('a.txt:2:4: P302 [*] doubled space\\n', ['safe'])
    """
    lines, kinds = [], []
    starts = doc.line_starts
    for f in found:
        i = bisect_right(starts, f.start) - 1
        kind = f.fix.applicability.value if f.fix is not None else None
        kinds.append(kind)
        mark = "[*] " if kind == "safe" or (kind and unsafe_fixes) else ""
        lines.append(f"{path}:{i + 1}:{f.start - starts[i] + 1}: {f.code} {mark}{f.message}\n")
    return "".join(lines), kinds


# -- per-settings state (rules and context), built once per process -------------------------
_STATE: dict[str, tuple[list[Rule], Context, set[str] | None]] = {}
_CORPUS: dict[str, Any] = {}


#: id(settings) -> (settings, state key, codes), for settings whose codes do not depend on the path
_KEYS: dict[int, tuple[Settings, str, frozenset]] = {}


def _state_key(settings: Settings, path: str) -> tuple[str, frozenset]:
    memo = _KEYS.get(id(settings))
    if memo is not None and memo[0] is settings:
        return memo[1], memo[2]
    codes = frozenset(settings.codes_for(path))
    # what the rules and their context are built from (settings.fingerprint() would do, but
    # costs the json module on a cold start)
    key = repr((sorted(codes), settings.options, settings.extend_packs, settings.root,
                settings.fixable, settings.unfixable))
    if not settings.per_file_ignores:  # the same for every file: resolve and serialise once
        _KEYS[id(settings)] = (settings, key, codes)
    return key, codes


def rules_and_context(settings: Settings, path: str) -> tuple[list[Rule], Context, set[str] | None]:
    key, codes = _state_key(settings, path)
    state = _STATE.get(key)
    if state is None:
        rules = [registry()[c]() for c in sorted(codes)]
        ctx = settings.context()
        ctx.corpus = _CORPUS
        state = _STATE[key] = (rules, ctx, settings.fixable_codes())
    return state


def non_utf8_finding(src: files.Source, path: str) -> dict:
    """The E902 finding for a file that is not valid UTF-8."""
    exc = src.not_utf8
    try:
        from linter.rules.encoding.detect import non_utf8_message
        message = non_utf8_message(src.data, exc)
    except ImportError:  # pragma: no cover - the encoding family not installed
        message = f"file is not valid UTF-8 (byte {exc.start}); convert it to UTF-8"
    line = src.data.count(b"\n", 0, exc.start) + 1
    col = exc.start - (src.data.rfind(b"\n", 0, exc.start) + 1) + 1
    return {"path": path, "line": line, "column": col, "end_line": line, "end_column": col,
            "code": NON_UTF8_CODE, "name": "non-utf8-file", "message": message, "fix": None}


def convert_encoding(src: files.Source) -> tuple[str | None, str]:
    try:
        from linter.rules.encoding.detect import convert_to_utf8
    except ImportError:  # pragma: no cover
        return None, "encoding detection is not available"
    return convert_to_utf8(src.data)


def _report(result: FileResult, found: list[Finding], doc: Document, display: str,
            opts: RunOptions) -> None:
    """Put ``found`` in ``result``: as the text report straight away when the run renders
    text (no finding dicts), else as finding dicts."""
    if found and opts.render == "text":
        result.report, result.fixes = text_report(found, doc, display, opts.render_unsafe)
    else:
        result.findings = [finding_dict(f, doc, display) for f in found]


def process_source(src: files.Source, display: str, settings: Settings, opts: RunOptions,
                   write: bool = True) -> FileResult:
    """Check or fix one decoded source; writes the fixed file when ``write``."""
    result = FileResult(display)
    if src.error:
        result.error = f"{display}: {src.error}"
        return result
    if src.binary:
        result.notice = f"{display}: binary file (NUL bytes), skipped"
        return result
    rules, ctx, fixable = rules_and_context(settings, src.path)
    text = src.text
    if src.not_utf8 is not None:
        if opts.mode == "fix" and opts.convert_encoding:
            text, reason = convert_encoding(src)
            if text is None:
                result.error = f"{display}: not converted to UTF-8: {reason}"
                return result
            result.changed = True
            result.notice = f"{display}: converted to UTF-8 ({reason})"
        else:
            if NON_UTF8_CODE in settings.codes_for(src.path):
                result.findings.append(non_utf8_finding(src, display))
            return result
    doc = Document.from_text(text, path=display)
    if opts.mode == "check" and doc.text is not text:
        # CRLF or a BOM: the document holds its own copy, and a check needs no other
        # (a 100 MB file then holds one whole text less while the rules run)
        src.text = text = None
    try:
        if opts.mode == "check":
            _report(result, engine.check(doc, rules, ctx), doc, display, opts)
            return result
        unsafe = settings.unsafe_fixes if opts.unsafe_fixes is None else opts.unsafe_fixes
        fixed = engine.fix(doc, rules, ctx, unsafe=unsafe, fixable=fixable)
    except (engine.RuleCrash, PackError) as exc:
        result.error = str(exc)
        return result
    result.fixed = len(fixed.applied)
    if not (fixed.changed or result.changed or src.path == "-"):
        # nothing to write: the remaining findings are reported as a check reports them
        _report(result, fixed.remaining, fixed.fixed, display, opts)
        return result
    result.findings = [finding_dict(f, fixed.fixed, display) for f in fixed.remaining]
    new_text = fixed.fixed.to_text()
    if fixed.changed or result.changed:
        result.changed = True
        new_bytes = new_text.encode("utf-8")
        if opts.diff:
            old = src.text if src.text is not None else src.data.decode("utf-8", "replace")
            import difflib

            result.diff = "".join(difflib.unified_diff(
                old.splitlines(keepends=True), new_text.splitlines(keepends=True),
                fromfile=f"a/{display}", tofile=f"b/{display}"))
        elif src.path == "-":
            result.output = new_text
        elif write:
            try:
                files.write_atomic(src.path, new_bytes)
            except OSError as exc:
                result.error = f"{display}: cannot write the fix ({exc.strerror or exc}); file left as it was"
    elif src.path == "-":
        result.output = new_text
    return result


# -- work units for the pool -----------------------------------------------------------------
_WORKER: dict[str, Any] = {}


def _init_worker(resolver: ConfigResolver, opts: RunOptions, corpus: dict) -> None:
    _WORKER["resolver"], _WORKER["opts"] = resolver, opts
    _CORPUS.clear()
    _CORPUS.update(corpus)


def _work(path: str) -> FileResult:
    resolver, opts = _WORKER["resolver"], _WORKER["opts"]
    display = files.display_path(path)
    try:
        result = process_source(files.read(path), display, resolver.for_file(path), opts)
        if opts.render and result.findings:
            render(result, opts)
        return result
    except Exception as exc:  # never a traceback for one file
        return FileResult(display, error=f"{display}: internal error "
                                         f"({type(exc).__name__}: {exc}); please report it")


def render(result: FileResult, opts: RunOptions) -> None:
    """Replace ``result.findings`` with their report (``opts.render`` format) and fix kinds."""
    from linter import reporters

    found = result.findings
    if opts.render == "github":
        result.report = reporters.github(found)
    elif opts.render == "json":
        result.report = reporters.json_items(found)
    else:
        result.report = reporters.text(found, opts.render_unsafe)
    result.fixes = [f["fix"]["applicability"] if f["fix"] else None for f in found]
    result.findings = []


def _collect_work(path: str) -> tuple[str, dict]:
    resolver = _WORKER["resolver"]
    return path, collect_one(path, resolver.for_file(path))


def collect_one(path: str, settings: Settings, text: str | None = None) -> dict:
    """code -> collected value of every corpus-aware rule for one file."""
    if text is None:
        src = files.read(path)
        if src.text is None:
            return {}
        text = src.text
    rules, ctx, _ = rules_and_context(settings, path)
    doc = Document.from_text(text, path=files.display_path(path))
    out = {}
    for rule in rules:
        if rule.corpus_aware and rule.corpus_enabled(ctx) and doc.kind in rule.kinds:
            out[rule.code] = rule.collect(doc, ctx)
    return out


def _jobs(opts: RunOptions, n_files: int) -> int:
    jobs = opts.jobs or os.cpu_count() or 1
    if n_files < POOL_MIN_FILES:
        return 1
    return max(1, min(jobs, n_files))


def _pool(jobs: int, initializer, initargs: tuple):
    """A process pool of ``jobs`` workers (forked on Linux) whose bookkeeping thread sleeps
    while results come in.

    ``multiprocessing.Pool``'s worker-handler thread also waits on the result pipe, so it
    wakes (and polls again, holding the GIL) for as long as each result waits to be read:
    ~2000 rounds and ~0.05 s of the parent's CPU per 10 MB, next to the workers. It needs
    only the workers' exits and its own wake-up calls (close, terminate, the last result):
    a worker that dies is still replaced.
    """
    import multiprocessing as mp
    import multiprocessing.pool

    class Pool(multiprocessing.pool.Pool):
        def _get_sentinels(self):
            return [self._change_notifier._reader]

    method = "fork" if sys.platform.startswith("linux") else None
    return Pool(jobs, initializer=initializer, initargs=initargs, context=mp.get_context(method))


#: files per pool task, at most: ~15 ms of work, so the last task leaves the other workers
#: idle that long at most, while ~100 tasks per 10 MB cost the pool next to nothing
MAX_CHUNK = 16


def _chunk(n_items: int, jobs: int) -> int:
    """Files per pool task: about 8 tasks per worker, at most :data:`MAX_CHUNK` files each.

    >>> _chunk(1912, 2), _chunk(100, 2), _chunk(24, 4)
    (16, 6, 1)
    """
    return max(1, min(MAX_CHUNK, n_items // (jobs * 8)))


def _map(fn, items: list, resolver: ConfigResolver, opts: RunOptions, corpus: dict) -> list:
    jobs = _jobs(opts, len(items))
    if jobs == 1:
        _init_worker(resolver, opts, corpus)
        return [fn(i) for i in items]
    chunk = _chunk(len(items), jobs)
    with _pool(jobs, _init_worker, (resolver, opts, corpus)) as pool:
        return pool.map(fn, items, chunksize=chunk)


def _work_chunk(paths: list[str]) -> list:
    """``_work`` of each path, for one pool task; a clean result (see
    :meth:`FileResult.is_clean`) travels back as its display path alone."""
    out = []
    for p in paths:
        r = _work(p)
        out.append(r.path if r.is_clean() else r)
    return out


def _imap(items: Iterable[str], resolver: ConfigResolver, opts: RunOptions,
          corpus: dict) -> Iterator[FileResult]:
    """``_work`` over ``items`` in order, one result at a time (in a pool for many files).

    ``items`` may be a stream (files still being discovered): the first files decide, as a
    list would, whether a pool is worth starting and how many files go in one task; the
    rest reach the workers as they come. No result is given before the stream has ended
    (an error in it, such as a broken configuration file, comes first and alone).
    """
    it = iter(items)
    peek = max(POOL_MIN_FILES, MAX_CHUNK * 8 * (opts.jobs or os.cpu_count() or 1))
    head = list(islice(it, peek))  # all of them, or enough to choose as for all of them
    jobs = _jobs(opts, len(head))
    if jobs == 1:
        head += it
        _init_worker(resolver, opts, corpus)
        for item in head:
            yield _work(item)
        return
    import queue

    from linter.core import coldstart

    coldstart.note_pool()
    chunk = _chunk(len(head), jobs)
    _init_worker(resolver, opts, corpus)
    n = _warm_up_files(head, chunk)
    first = _work_chunk(head[:n])  # warms this process up before the workers are forked
    tasks: queue.SimpleQueue = queue.SimpleQueue()  # lists of files; None ends them
    pool = _pool(jobs, _init_pool_worker, (resolver, opts, corpus))
    try:
        done = pool.imap(_work_chunk, iter(tasks.get, None))
        rest = chain(head[n:], it)
        del head
        while batch := list(islice(rest, chunk)):  # the workers start on the first ones
            tasks.put(batch)
        tasks.put(None)
        for results in chain([first], done):
            for r in results:
                yield FileResult(r) if r.__class__ is str else r
        pool.close()  # workers exit on their own (and keep what they compiled: _init_pool_worker)
        pool.join()
    finally:
        tasks.put(None)  # the pool's task thread is not left waiting for more
        pool.terminate()


#: bytes of the first files that the parent checks itself before forking the pool's workers
WARM_UP_BYTES = 1 << 18


def _warm_up_files(paths: list[str], most: int) -> int:
    """How many of the first ``paths`` (at most ``most``, and :data:`WARM_UP_BYTES` in all)
    the parent checks before the workers are forked: they inherit what that first check
    warmed up (modules imported on first use, tables built, patterns compiled), which each
    of them would otherwise redo (~0.1 s of CPU with the default rules).
    """
    total = 0
    for n, path in enumerate(paths[:most]):
        try:
            total += os.stat(path).st_size
        except OSError:
            return n
        if total > WARM_UP_BYTES:
            return n
    return min(most, len(paths))


def _init_pool_worker(resolver: ConfigResolver, opts: RunOptions, corpus: dict) -> None:
    """A pool worker's set-up: as in-process, and the patterns it compiles are kept when it exits."""
    from multiprocessing.util import Finalize

    from linter.core import coldstart

    _init_worker(resolver, opts, corpus)
    Finalize(None, coldstart.save, kwargs={"merge_only": True}, exitpriority=10)


# -- corpus scope ---------------------------------------------------------------------------
def corpus_sources(resolver: ConfigResolver, paths: list[str]) -> dict[str, str]:
    """Which corpus each corpus-aware rule wants ("run" or "git"), for the settings of the run."""
    wanted: dict[str, str] = {}
    sample = paths[0] if paths else "."
    settings = resolver.for_path(sample)
    rules, ctx, _ = rules_and_context(settings, sample)
    for rule in rules:
        if rule.corpus_aware:
            how = rule.corpus_enabled(ctx)
            if how:
                wanted[rule.code] = "git" if how == "git" else "run"
    return wanted


def git_prose_files(start: str, settings: Settings) -> list[str]:
    root = files.git_root(start)
    if root is None:
        return []
    listed = files.git_files(root) or []
    return [p for p in listed if settings.is_included(p) and not settings.is_excluded(p)
            and os.path.isfile(p)]


def build_corpus(resolver: ConfigResolver, paths: list[str], opts: RunOptions,
                 cache: "Cache | None", extra: dict[str, str] | None = None) -> dict:
    """Run ``collect`` of corpus-aware rules over the run (or the git tree) and merge."""
    wanted = corpus_sources(resolver, paths)
    if not wanted:
        return {}
    corpus_paths = list(paths)
    if "git" in wanted.values():
        start = paths[0] if paths else "."
        start = start if os.path.isdir(start) else (os.path.dirname(os.path.abspath(start)) or ".")
        git_paths = git_prose_files(start, resolver.for_path(start))
        if git_paths:
            seen = {os.path.abspath(p) for p in corpus_paths}
            corpus_paths += [p for p in git_paths if os.path.abspath(p) not in seen]
    per_file: dict[str, dict] = {}
    todo = []
    def collect_key(p: str) -> str:
        return "collect|" + resolver.for_file(p).fingerprint()

    for p in corpus_paths:
        hit = cache.get(p, collect_key(p)) if cache else None
        if hit is not None:
            per_file[p] = hit
        else:
            todo.append(p)
    for p, value in _map(_collect_work, todo, resolver, opts, {}):
        per_file[p] = value
        if cache:
            cache.put(p, collect_key(p), value)
    for p, text in (extra or {}).items():
        per_file[p] = collect_one(p, resolver.for_path(p), text)
    run_set = {os.path.abspath(p) for p in paths} | set(extra or {})
    settings = resolver.for_path(paths[0] if paths else ".")
    rules, _, _ = rules_and_context(settings, paths[0] if paths else ".")
    merged = {}
    for rule in rules:
        if rule.code not in wanted:
            continue
        parts = [v[rule.code] for p, v in per_file.items() if rule.code in v
                 and (wanted[rule.code] == "git" or os.path.abspath(p) in run_set or p in run_set)]
        merged[rule.code] = rule.merge(parts)
    return merged


# -- cache ----------------------------------------------------------------------------------
class Cache:
    """Results by file, valid while the file's size and mtime and the settings are unchanged."""

    def __init__(self, directory: str, salt: str):
        import zlib  # two checksums (64 bits) name the file: hashlib costs a cold start ~3 ms

        self.directory = directory
        key = f"{__version__}|{sys.version_info[:2]}|{salt}".encode()
        digest = f"{zlib.crc32(key):08x}{zlib.adler32(key):08x}"
        self.file = os.path.join(directory, f"results-{digest}.pickle")
        self.data: dict = {}
        self.dirty = False
        try:
            with open(self.file, "rb") as fh:
                import pickle

                self.data = pickle.load(fh)
        except Exception:
            self.data = {}

    @staticmethod
    def _stamp(path: str) -> tuple | None:
        try:
            st = os.stat(path)
        except OSError:
            return None
        return (st.st_size, st.st_mtime_ns, st.st_mode)

    def get(self, path: str, key: str) -> list[dict] | None:
        entry = self.data.get((key, os.path.abspath(path)))
        if entry and entry[0] == self._stamp(path):
            return entry[1]
        return None

    def put(self, path: str, key: str, findings: list[dict]) -> None:
        stamp = self._stamp(path)
        if stamp:
            self.data[(key, os.path.abspath(path))] = (stamp, findings)
            self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            os.makedirs(self.directory, exist_ok=True)
            gitignore = os.path.join(self.directory, ".gitignore")
            if not os.path.exists(gitignore):
                with open(gitignore, "w") as fh:
                    fh.write("# created by texthygiene\n*\n")
            tmp = self.file + f".{os.getpid()}.tmp"
            with open(tmp, "wb") as fh:
                import pickle

                pickle.dump(self.data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.file)
        except OSError:
            pass


def cache_enabled(opts: RunOptions) -> bool:
    return opts.cache and os.environ.get("TEXTHYGIENE_NO_CACHE", "") in ("", "0")


# -- the whole run --------------------------------------------------------------------------
def run(paths: list[str], resolver: ConfigResolver, opts: RunOptions,
        explicit: set[str] | None = None) -> list[FileResult]:
    """Check or fix ``paths`` (already discovered files); results in the same order.

    All results are held in memory; :func:`iter_run` yields them one at a time.
    """
    return list(iter_run(paths, resolver, opts, explicit))


def iter_run(paths: Iterable[str], resolver: ConfigResolver, opts: RunOptions,
             explicit: set[str] | None = None) -> Iterator[FileResult]:
    """Check or fix ``paths``, yielding each file's result as soon as it is known, in order.

    Nothing is kept once yielded (except in the cache, when on), so memory stays flat
    however many files and findings the run has. ``paths`` may be a stream (see
    :func:`iter_discover`): a check without cache and corpus checks its first files while
    the rest are still being found; otherwise all are found first.
    """
    salt = (opts.mode, bool(opts.unsafe_fixes), opts.convert_encoding)
    cache = Cache(CACHE_DIR, repr(salt)) if cache_enabled(opts) and not opts.diff else None
    if cache is not None and opts.render:  # the cache keeps findings, not reports
        import copy

        opts = copy.copy(opts)
        opts.render = None
    if not isinstance(paths, list):
        stream = iter(paths)
        paths = list(islice(stream, 1))
        if cache is None and opts.mode == "check" and not corpus_sources(resolver, paths):
            yield from _imap(chain(paths, stream), resolver, opts, {})
            return
        paths += stream
    corpus = build_corpus(resolver, paths, opts, cache)
    corpus_key = repr(sorted((k, repr(v)) for k, v in corpus.items())) if corpus else ""
    hits: dict[int, list[dict]] = {}
    todo = paths
    keys: dict[int, str] = {}  # id(settings) -> cache key (the resolver keeps the settings)

    def key_of(path: str) -> str:
        settings = resolver.for_file(path)
        key = keys.get(id(settings))
        if key is None:
            key = keys[id(settings)] = settings.fingerprint() + corpus_key
        return key

    if cache is not None:
        todo = []
        for i, p in enumerate(paths):
            hit = cache.get(p, key_of(p))
            if hit is not None:
                hits[i] = hit
            else:
                todo.append(p)
    done = _imap(todo, resolver, opts, corpus)
    try:
        for i, p in enumerate(paths):
            if i in hits:
                yield FileResult(files.display_path(p), findings=hits.pop(i))
                continue
            res = next(done)
            if cache is not None and res.error is None and res.notice is None:
                if opts.mode == "check" or not res.changed:
                    cache.put(p, key_of(p), res.findings)
            yield res
        for _ in done:  # let the pool wind down (its workers exit, keeping what they compiled)
            pass
    finally:
        done.close()
        if cache is not None:
            cache.save()


def run_stdin(data: bytes, resolver: ConfigResolver, opts: RunOptions) -> FileResult:
    """Check or fix text read from standard input."""
    name = opts.stdin_filename or "-"
    settings = resolver.for_path(opts.stdin_filename or os.path.join(os.getcwd(), "stdin.txt"))
    src = files.decode("-", data)
    if src.text is not None and opts.stdin_filename:
        corpus = build_corpus(resolver, [], opts, None, extra={name: src.text}) \
            if corpus_sources(resolver, [name]) else {}
        _CORPUS.clear()
        _CORPUS.update(corpus)
    res = process_source(src, name, settings, opts)
    return res


def discover(paths: Iterable[str], resolver: ConfigResolver) -> tuple[list[str], list[str]]:
    """Expand folders into prose files; returns (files, one-line errors for missing paths).

    Files named explicitly are always kept; in folders, ``.gitignore`` (inside a git work
    tree), ``exclude`` globs and the ``include`` file set apply.
    """
    errors: list[str] = []
    return list(iter_discover(paths, resolver, errors)), errors


def iter_discover(paths: Iterable[str], resolver: ConfigResolver,
                  errors: list[str]) -> Iterator[str]:
    """:func:`discover`'s files one folder at a time, its errors appended to ``errors``."""
    seen: set[str] = set()
    folders: dict[str, tuple] = {}

    def kept(folder: str, names: list[str], checked: bool) -> list[str]:
        """The prose files among ``names`` in ``folder`` (``checked``: known to be files).

        The settings, the folder relative to their root and the normalised folder are
        worked out once per folder, not once per file.
        """
        info = folders.get(folder)
        if info is None:
            abs_folder = os.path.abspath(folder)
            s = resolver.for_dir(abs_folder)
            rel = "" if abs_folder == os.path.abspath(s.root) else _relative(abs_folder, s.root) + "/"
            norm = os.path.normpath(folder)
            info = folders[folder] = (s, rel, "" if norm == os.curdir else os.path.join(norm, ""),
                                      os.path.join(abs_folder, ""))
        s, rel, norm, abs_folder = info
        names = s.keep_names(folder, rel, names)
        if not checked:
            names = [n for n in names if os.path.isfile(os.path.join(folder, n))]
        out = []
        for name in names:
            key = abs_folder + name
            if key not in seen:
                seen.add(key)
                out.append(norm + name)
        return out

    for p in paths:
        if os.path.isdir(p):
            settings = resolver.for_path(p)
            listed = files.git_files(p) if settings.respect_gitignore else None
            if listed is None:
                prune = lambda d: resolver.for_path(d).is_excluded(d)  # noqa: E731
                for folder, names in files.walk_folders(p, prune):
                    yield from kept(folder, names, checked=True)
            else:
                for folder, group in groupby(map(os.path.split, listed), key=itemgetter(0)):
                    yield from kept(folder, [name for _, name in group], checked=False)
        elif os.path.lexists(p):
            key = os.path.abspath(p)
            if key not in seen:
                seen.add(key)
                yield p
        else:
            errors.append(f"{p}: no such file or folder; check the path")
