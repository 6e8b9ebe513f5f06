"""Loading and validating TOML rule packs (data files that rules compile into matchers).

Built-in packs live in ``linter/packs/<family>/*.toml``. Users add their own with
``extend-packs = ["path.toml"]``; installed distributions add theirs through the entry point
group ``texthygiene.packs`` (an entry point whose object is a path, a list of paths, or a
callable returning either). Every problem is a :class:`PackError` naming the file, the entry
and what is wrong.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

PACKS_DIR = Path(__file__).resolve().parent.parent / "packs"
ENTRY_POINT_GROUP = "texthygiene.packs"


class PackError(Exception):
    """A pack that cannot be used: names the file, the entry and the problem."""

    def __init__(self, path: str | Path, problem: str, entry: str | None = None):
        self.path, self.problem, self.entry = str(path), problem, entry
        where = f"{self.path}: entry {entry!r}" if entry else self.path
        super().__init__(f"{where}: {problem}")


def read_pack(path: str | Path) -> dict[str, Any]:
    """Parse one pack file; syntax errors become :class:`PackError`.

    When the command line runs, the parsed data is kept by :mod:`linter.core.coldstart`
    under the file's path, size and checksum (not its time: an edit that keeps the size
    within the file system's time step, or a checkout that restores an old time, would
    be missed).
    """
    from linter.core import coldstart

    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise PackError(path, "no such pack file") from None
    except OSError as exc:
        raise PackError(path, f"cannot read pack: {exc.strerror}") from None
    import zlib

    key = ("pack", os.path.abspath(path), len(data), zlib.crc32(data))
    parsed = coldstart.get(key)
    if parsed is None:
        parsed = _parse_pack(path, data)
        coldstart.put(key, parsed)
    return parsed


def _parse_pack(path: str | Path, data: bytes) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise PackError(path, f"not UTF-8: {exc.reason} at byte {exc.start}") from None
    except tomllib.TOMLDecodeError as exc:
        raise PackError(path, f"invalid TOML: {exc}") from None


def builtin_pack_paths(family: str) -> list[str]:
    """Paths of the packs shipped for ``family`` (a folder name such as ``debris``)."""
    folder = PACKS_DIR / family
    return sorted(str(p) for p in folder.glob("*.toml")) if folder.is_dir() else []


@lru_cache(maxsize=None)
def _entry_points(group: str) -> tuple:
    """The entry points of ``group``, listed once per process (each listing reads the
    metadata of every installed distribution)."""
    if not _may_declare(group):
        return ()
    from importlib.metadata import entry_points

    return tuple(entry_points(group=group))


def _may_declare(group: str) -> bool:
    """Whether any distribution on ``sys.path`` may declare entry points of ``group``.

    A cheap look at the ``entry_points.txt`` files, so that a run without plugins does not
    import ``importlib.metadata`` (~10 ms of a cold start); True when unsure (a zip on the path).
    """
    needle = f"[{group}]".encode()
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except NotADirectoryError:
            return True  # a zip archive or an egg file: let importlib.metadata look
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                try:
                    with open(os.path.join(folder or ".", name, "entry_points.txt"), "rb") as fh:
                        if needle in fh.read():
                            return True
                except OSError:
                    continue
    return False


def entry_point_pack_paths(family: str) -> list[str]:
    """Pack paths that installed distributions register under ``texthygiene.packs``.

    Entry point names are ``<family>`` or ``<family>.<anything>``.
    """
    out: list[str] = []
    for ep in _entry_points(ENTRY_POINT_GROUP):
        if ep.name != family and not ep.name.startswith(family + "."):
            continue
        try:
            obj = ep.load()
            if callable(obj):
                obj = obj()
        except Exception as exc:  # a broken plugin must not crash the run
            raise PackError(f"entry point {ep.name}={ep.value}", f"cannot load: {exc}") from None
        paths = [obj] if isinstance(obj, (str, Path)) else list(obj)
        out.extend(str(p) for p in paths)
    return out


def require(entry: dict, key: str, types: type | tuple[type, ...], path, entry_name: str,
            required: bool = True, default: Any = None) -> Any:
    """Read ``entry[key]`` checking its type; a missing or mistyped value is a :class:`PackError`."""
    if key not in entry:
        if required:
            raise PackError(path, f"missing required key {key!r}", entry_name)
        return default
    value = entry[key]
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in _as_tuple(types)):
        names = "/".join(t.__name__ for t in _as_tuple(types))
        raise PackError(path, f"key {key!r} must be {names}, not {type(value).__name__}", entry_name)
    return value


def reject_unknown(entry: dict, allowed: set[str], path, entry_name: str) -> None:
    """Fail on keys a pack entry may not have (usually a typo)."""
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise PackError(path, f"unknown key(s) {', '.join(map(repr, unknown))}; "
                        f"allowed: {', '.join(sorted(allowed))}", entry_name)


def _as_tuple(types) -> tuple:
    return types if isinstance(types, tuple) else (types,)
