"""What a cold start would otherwise redo on every run: compiled regular expressions and parsed packs.

Both ``re`` and ``regex`` parse and compile a pattern in pure Python (a fraction of a
millisecond each; the few hundred patterns of a default run cost ~100 ms, most of a
10-file commit's budget), then hand a flat program to their C engine. The program only
depends on the pattern, the flags and the engine's version, so, like a ``.pyc`` file, it
can be kept on disk: :func:`install` records the engine's inputs of every pattern compiled
in this process and replays them on the next run. A miss compiles as usual, so results
never depend on the cache, and a file made by another build (Python, ``regex``) or damaged
is ignored. The C engines only partly check the program they are given (a program altered
in a well-formed file can crash them or match differently): the tag must name the build. :func:`get` and :func:`put` keep other plain data the same
way (the parsed TOML packs, keyed by path, size and modification time).

The command line installs it for its run; library users are not affected. The table is
kept in the user's cache folder (``~/.cache/texthygiene``, or ``$XDG_CACHE_HOME``; the file
``$TEXTHYGIENE_REGEX_CACHE`` if set; one file per installation), written only when a run
compiled a new pattern, and
``TEXTHYGIENE_NO_REGEX_CACHE=1`` turns it off.
"""

from __future__ import annotations

import os
import sys
import zlib

#: when saving, entries the run did not use are dropped once the table holds more than
#: twice the used ones and this many (patterns of edited packs, of other selections, of
#: patterns built in an unstable order): the table stays a few runs' worth
SLACK = 256

_state: dict = {}


class _Table(dict):
    """The stored entries, noting which ones this run looked up or added."""

    def __init__(self, *args):
        super().__init__(*args)
        self.used: set = set()  # looked up or added by this run
        self.added: set = set()  # added by this run
        self.loaded = frozenset(self)  # as read from the file

    def get(self, key, default=None):
        value = super().get(key, default)
        if value is not default:
            self.used.add(key)
        return value

    def __setitem__(self, key, value):
        self.used.add(key)
        self.added.add(key)
        super().__setitem__(key, value)


def _tag() -> str:
    """What the stored programs depend on: the Python build and the regex version."""
    import _sre

    regex_version = ""
    try:  # the version without importing regex (a package's metadata would cost more):
        # where it is and the size and time of its compiler and engine files (a time alone
        # stays the same across versions where builds fix it: Nix, reproducible images)
        from importlib.util import find_spec

        spec = find_spec("regex")
        if spec is not None and spec.origin:
            folder = os.path.dirname(spec.origin)
            parts = [folder]
            for name in sorted(os.listdir(folder)):
                if name.startswith(("_regex", "_main", "__init__.")):
                    st = os.stat(os.path.join(folder, name))
                    parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
            regex_version = ",".join(parts)
    except (ImportError, ValueError, OSError):
        pass
    return f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|{regex_version}"


def cache_file() -> str | None:
    """Where the table is kept: ``$TEXTHYGIENE_REGEX_CACHE``, else the user's cache folder;
    None when there is none (no home folder: ``~`` would be a folder in the current one)."""
    explicit = os.environ.get("TEXTHYGIENE_REGEX_CACHE")
    if explicit:
        return os.path.abspath(explicit)
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, or relative (which the XDG spec says to ignore)
        base = os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    # one table per installation: two checkouts or virtual environments (pre-commit makes one
    # per repository) would otherwise keep dropping each other's entries

    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    install = f"{zlib.crc32(here.encode('utf-8', 'surrogateescape')):08x}"
    return os.path.join(base, "texthygiene", f"regex.{sys.implementation.cache_tag}.{install}.marshal")


def load(path: str, tag: str) -> dict:
    """The stored table, or an empty one when missing, damaged or made by another build.

    The table is stored with its CRC-32, so a file damaged on disk (a flipped byte in a
    stored program could crash the matching engine) is dropped rather than used.
    """
    import marshal

    try:
        with open(path, "rb") as fh:
            stored_tag, crc, blob = marshal.load(fh)
        if stored_tag != tag or zlib.crc32(blob) != crc:
            return {}
        table = marshal.loads(blob)
    except Exception:  # missing, unreadable, truncated, another format
        return {}
    return table if isinstance(table, dict) else {}


def dump(fh, tag: str, table: dict) -> None:
    """Write ``table`` to the open file ``fh`` as :func:`load` reads it back."""
    import marshal

    blob = marshal.dumps(table)
    marshal.dump((tag, zlib.crc32(blob), blob), fh)


def install(path: str | None = None) -> bool:
    """Serve ``re`` and ``regex`` compilations from the stored table; True when installed.

    Idempotent. ``regex`` is hooked when it is first imported (it is not imported here).
    """
    if _state or os.environ.get("TEXTHYGIENE_NO_REGEX_CACHE", "") not in ("", "0"):
        return bool(_state)
    path = path or cache_file()
    if path is None:
        return False
    tag = _tag()
    table = load(path, tag)
    table = _Table(table)
    _state.update(path=path, tag=tag, table=table, dirty=False, hooks=[])
    _hook_re(table)
    if "regex._main" in sys.modules:
        _hook_regex(sys.modules["regex._main"], table)
    else:
        finder = _RegexFinder(table)
        sys.meta_path.insert(0, finder)
        _state["hooks"].append(lambda: finder in sys.meta_path and sys.meta_path.remove(finder))
    return True


def get(key):
    """A fresh copy of a value stored with :func:`put` (None when absent or not installed)."""
    blob = _state["table"].get(key) if _state else None
    if blob is None:
        return None
    import marshal

    return marshal.loads(blob)


def put(key, value) -> None:
    """Keep ``value`` (plain data that ``marshal`` can write) for the next runs."""
    if not _state:
        return
    import marshal

    try:
        _state["table"][key] = marshal.dumps(value)
    except ValueError:  # a TOML date, say: not worth keeping
        return
    _state["dirty"] = True


def remember(key, build):
    """``build()``, kept across runs under ``key`` when its result is plain data.

    For derived data that is slow to work out on every cold start (a gate pattern's text
    built from the packs, say): put in ``key`` everything the result depends on (pack
    paths with their sizes and modification times, versions). Without :func:`install`
    (library use, tests) this is just ``build()``.

    >>> remember(("doctest", 1), lambda: ["built"])
    ['built']
    """
    value = get(key)
    if value is None:
        value = build()
        put(key, value)
    return value


def note_pool() -> None:
    """Say that pool workers do part of this run: their lookups are not seen here, so this
    process's save only adds (the workers add theirs as they exit)."""
    if _state:
        _state["pooled"] = True


def save(merge_only: bool = False) -> None:
    """Write the table back when this run compiled something new (atomically; errors ignored).

    What other processes stored meanwhile is kept (pool workers save as they exit); entries
    this run did not use are dropped once there are too many (:data:`SLACK`). ``merge_only``
    (pool workers and their parent, which see part of a run) adds this process's new entries
    and drops nothing.
    """
    if not _state or not _state["dirty"]:
        return
    import marshal

    path, table, tag = _state["path"], _state["table"], _state["tag"]
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with _locked(path + ".lock"):
            stored = load(path, tag)
            if merge_only or _state.get("pooled"):  # this process saw part of the run
                out = stored
                out.update((k, table[k]) for k in table.added if k in table)
            else:
                if len(table) > 2 * len(table.used) + SLACK:
                    out = {k: v for k, v in table.items() if k in table.used}
                else:
                    out = dict(table)
                out.update((k, v) for k, v in stored.items() if k not in table.loaded and k not in out)
            with open(tmp, "wb") as fh:
                dump(fh, tag, out)
            os.replace(tmp, path)
        _state["dirty"] = False
        if not os.environ.get("TEXTHYGIENE_REGEX_CACHE"):
            prune(os.path.dirname(path))
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass


#: the tables of other installations kept in the shared cache folder (the most recent ones)
KEEP_TABLES = 8


def prune(folder: str, keep: int = KEEP_TABLES) -> list[str]:
    """Delete all but the ``keep`` most recently written tables in ``folder`` (and their lock
    files): each installation (a virtual environment, a pre-commit hook environment) writes its
    own, and those of removed environments would otherwise pile up. Errors are ignored.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for i in range(3): _ = (d / f"regex.x.{i}.marshal").write_bytes(b""); os.utime(d / f"regex.x.{i}.marshal", (i, i))
    >>> [pathlib.Path(p).name for p in prune(str(d), keep=2)], sorted(p.name for p in d.iterdir())
    (['regex.x.0.marshal'], ['regex.x.1.marshal', 'regex.x.2.marshal'])
    """
    try:
        tables = [e for e in os.scandir(folder)
                  if e.name.startswith("regex.") and e.name.endswith(".marshal") and e.is_file()]
        tables.sort(key=lambda e: e.stat().st_mtime, reverse=True)
    except OSError:
        return []
    removed = []
    for entry in tables[keep:]:
        for name in (entry.path, entry.path + ".lock"):
            try:
                os.unlink(name)
            except OSError:
                continue
        removed.append(entry.path)
    return removed


class _locked:
    """An exclusive lock on ``path`` while saving (POSIX ``flock``; elsewhere none)."""

    def __init__(self, path: str):
        self.path, self.fd = path, None

    def __enter__(self):
        try:
            import fcntl

            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            fcntl.flock(self.fd, fcntl.LOCK_EX)
        except (ImportError, OSError):
            if self.fd is not None:
                os.close(self.fd)
            self.fd = None
        return self

    def __exit__(self, *exc):
        if self.fd is not None:
            os.close(self.fd)  # closing releases the lock


def uninstall() -> None:
    """Undo :func:`install` (for tests)."""
    for undo in reversed(_state.get("hooks", [])):
        undo()
    _state.clear()


def _plain(value):
    """``value`` with int subclasses (``re``'s named opcodes) as plain ints, for ``marshal``.

    >>> import re; _plain((re.IGNORECASE, [re.ASCII], {"a": True}))
    (2, [256], {'a': True})
    """
    if isinstance(value, int) and type(value) is not int and type(value) is not bool:
        return int(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return value


def _code_type() -> str:
    import _sre
    from array import array

    return next(t for t in "IL" if array(t).itemsize == _sre.CODESIZE)


def _pack_re(args: tuple) -> tuple | None:
    """``_sre.compile``'s arguments with the program as bytes (marshal reads bytes fast)."""
    from array import array

    pattern, flags, code, *rest = args
    try:
        return (pattern, int(flags), array(_code_type(), code).tobytes(), *_plain(tuple(rest)))
    except (OverflowError, TypeError, ValueError, StopIteration):
        return None


def _unpack_re(packed: tuple) -> tuple:
    from array import array

    pattern, flags, code, *rest = packed
    return (pattern, flags, array(_code_type(), code).tolist(), *rest)


# -- re ---------------------------------------------------------------------------------------
def _hook_re(table: dict) -> None:
    """Wrap the function ``re`` calls on a miss of its own in-process cache."""
    import re

    compiler = getattr(re, "_compiler", None)
    if compiler is None:  # Python 3.10
        import sre_compile as compiler
    from _thread import get_ident

    original, real_sre = compiler.compile, compiler._sre
    captured: list = []  # (thread, arguments): other threads may compile meanwhile

    class Recorder:
        """``_sre`` as the compiler sees it: its ``compile`` arguments are noted on the way."""

        def __getattr__(self, name):
            return getattr(real_sre, name)

        @staticmethod
        def compile(*args):
            captured.append((get_ident(), args))
            return real_sre.compile(*args)

    def compile(p, flags=0):
        if not isinstance(p, (str, bytes)) or flags & 128:  # a parsed pattern, or re.DEBUG
            return original(p, flags)
        key = ("re", p, int(flags))
        args = table.get(key)
        if args is not None:
            try:
                return real_sre.compile(*_unpack_re(args))
            except Exception:  # a program this build does not accept: compile afresh
                del table[key]
        me = get_ident()
        captured[:] = [c for c in captured if c[0] != me]
        result = original(p, flags)
        mine = [args for thread, args in captured if thread == me]
        captured[:] = [c for c in captured if c[0] != me]
        if len(mine) == 1 and mine[0][0] == p:
            packed = _pack_re(mine[0])
            if packed is not None:
                table[key] = packed
            _state["dirty"] = True
        return result

    compiler._sre, compiler.compile = Recorder(), compile

    def undo():
        compiler._sre, compiler.compile = real_sre, original
    _state["hooks"].append(undo)


# -- regex ------------------------------------------------------------------------------------
class _RegexFinder:
    """Hooks ``regex`` right after its module ``regex._main`` is first imported."""

    def __init__(self, table: dict):
        self.table = table

    def find_spec(self, name, path=None, target=None):
        if name != "regex._main":
            return None
        sys.meta_path.remove(self)
        from importlib.util import find_spec

        spec = find_spec(name)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        exec_module, table = spec.loader.exec_module, self.table

        def exec_and_hook(module):
            exec_module(module)
            _hook_regex(module, table)

        spec.loader.exec_module = exec_and_hook
        return spec


#: the parameters of the ``regex._main._compile`` this hook wraps
_REGEX_ARGS = ("pattern", "flags", "ignore_unused", "kwargs", "cache_it")


def _hook_regex(main, table: dict) -> None:
    """Wrap ``regex._main._compile``; a compiled pattern's ``_pickled_data`` rebuilds it."""
    original = getattr(main, "_compile", None)
    rebuild = getattr(getattr(main, "_regex", None), "compile", None)
    code = getattr(original, "__code__", None)
    if rebuild is None or code is None or code.co_argcount != 5 or code.co_varnames[:5] != _REGEX_ARGS:
        return  # another regex than the one this was written for: leave it as it is
    memo: dict = {}

    def _compile(pattern, flags, ignore_unused, kwargs, cache_it):
        if not isinstance(pattern, str) or flags & (main.DEBUG | main.LOCALE):
            return original(pattern, flags, ignore_unused, kwargs, cache_it)
        try:
            named = frozenset((k, frozenset(v)) for k, v in kwargs.items()) if kwargs else None
            key = ("regex", pattern, int(flags), int(getattr(main, "DEFAULT_VERSION", 0)), named)
            hash(key)
        except TypeError:  # unhashable list items: leave it to regex (it will complain)
            return original(pattern, flags, ignore_unused, kwargs, cache_it)
        compiled = memo.get(key)
        if compiled is not None:
            return compiled
        args = table.get(key)
        if args is not None:
            try:
                compiled = memo[key] = rebuild(*args)
                return compiled
            except Exception:
                del table[key]
        compiled = original(pattern, flags, ignore_unused, kwargs, cache_it)
        data = getattr(compiled, "_pickled_data", None)
        if data is not None and not data[1] & main.LOCALE:  # inline (?L): the locale matters
            table[key] = _plain(data)
            memo[key] = compiled
            _state["dirty"] = True
        return compiled

    main._compile = _compile

    def undo():
        main._compile = original
    _state["hooks"].append(undo)
