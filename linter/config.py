"""Configuration: ``[tool.texthygiene]`` in pyproject.toml or a ``.texthygiene.toml``.

The nearest configuration file above a checked file (up to the repository root) applies to
it, as in ruff; ``--config FILE`` replaces discovery and ``--config 'KEY = VALUE'`` overrides
single keys. Every key is validated: an unknown key, an unknown rule code or a wrong type is
a :class:`ConfigError` that names the file and the key.
"""

from __future__ import annotations

import fnmatch
import os
import re
import sys
from functools import lru_cache
from typing import Any

from linter.core.rule import Context, Option
from linter.rules import SelectionError, registry, resolve, validate_selector

CONFIG_FILES = (".texthygiene.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.rst", "*.text")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__",
                   ".texthygiene_cache", ".tox", ".nox", ".mypy_cache", ".pytest_cache",
                   ".ruff_cache", "build", "dist", "site-packages")

LIST_KEYS = ("select", "ignore", "extend-select", "exclude", "extend-exclude", "include",
             "extend-include", "extend-packs", "fixable", "unfixable")
TOP_KEYS = set(LIST_KEYS) | {"per-file-ignores", "unsafe-fixes", "respect-gitignore"}


class ConfigError(Exception):
    """A configuration problem, naming the file and the key."""

    def __init__(self, source: str, key: str | None, problem: str):
        self.source, self.key, self.problem = source, key, problem
        where = f"{source}: key {key!r}" if key else source
        super().__init__(f"{where}: {problem}")


class Settings:
    """The effective configuration for a group of files."""

    #: the settings, in order (``source``: the file they came from, None for defaults;
    #: ``root``: the folder paths are relative to)
    FIELDS = ("select", "ignore", "extend_select", "exclude", "extend_exclude", "include",
              "extend_include", "per_file_ignores", "extend_packs", "fixable", "unfixable",
              "unsafe_fixes", "respect_gitignore", "options", "source", "root")

    def __init__(self, select: list[str] | None = None, ignore: list[str] | None = None,
                 extend_select: list[str] | None = None, exclude: list[str] | None = None,
                 extend_exclude: list[str] | None = None, include: list[str] | None = None,
                 extend_include: list[str] | None = None,
                 per_file_ignores: dict[str, list[str]] | None = None,
                 extend_packs: list[str] | None = None, fixable: list[str] | None = None,
                 unfixable: list[str] | None = None, unsafe_fixes: bool = False,
                 respect_gitignore: bool = True, options: dict[str, dict[str, Any]] | None = None,
                 source: str | None = None, root: str = "."):
        self.select = select
        self.ignore = [] if ignore is None else ignore
        self.extend_select = [] if extend_select is None else extend_select
        self.exclude = list(DEFAULT_EXCLUDE) if exclude is None else exclude
        self.extend_exclude = [] if extend_exclude is None else extend_exclude
        self.include = list(DEFAULT_INCLUDE) if include is None else include
        self.extend_include = [] if extend_include is None else extend_include
        self.per_file_ignores = {} if per_file_ignores is None else per_file_ignores
        self.extend_packs = [] if extend_packs is None else extend_packs
        self.fixable = fixable
        self.unfixable = [] if unfixable is None else unfixable
        self.unsafe_fixes, self.respect_gitignore = unsafe_fixes, respect_gitignore
        self.options = {} if options is None else options
        self.source, self.root = source, root

    def copy(self) -> "Settings":
        """A new Settings with the same values (and none of the memos)."""
        return Settings(**{name: getattr(self, name) for name in self.FIELDS})

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self.FIELDS)

    __hash__ = None

    def __repr__(self) -> str:
        return f"Settings({', '.join(f'{n}={getattr(self, n)!r}' for n in self.FIELDS)})"

    # -- derived ------------------------------------------------------------------------
    def codes(self) -> set[str]:
        key = (tuple(self.select) if self.select is not None else None, tuple(self.ignore),
               tuple(self.extend_select))
        memo = self.__dict__.setdefault("_codes_memo", {})
        if key not in memo:
            memo[key] = frozenset(resolve(self.select, self.ignore, self.extend_select))
        return set(memo[key])

    def codes_for(self, path: str) -> set[str]:
        """Selected codes for one file, after ``per-file-ignores``."""
        codes = self.codes()
        if self.per_file_ignores:
            rel = _relative(path, self.root)
            for pattern, ignored in self.per_file_ignores.items():
                if _glob_match(rel, pattern):
                    codes -= resolve(select=["ALL"], ignore=None) & _expand_all(ignored)
        return codes

    def fixable_codes(self) -> set[str] | None:
        if self.fixable is None and not self.unfixable:
            return None
        return resolve(self.fixable or ["ALL"], self.unfixable)

    def is_excluded(self, path: str) -> bool:
        return self.is_excluded_relative(_relative(path, self.root))

    def is_excluded_relative(self, rel: str) -> bool:
        """``is_excluded`` of a path already made relative to ``root`` (posix separators)."""
        return _glob_matcher((*self.exclude, *self.extend_exclude))(rel)

    def is_included(self, path: str) -> bool:
        match = _fnmatch_any((*self.include, *self.extend_include))
        return match(os.path.basename(path)) or match(path)

    def keep_names(self, folder: str, rel: str, names: list[str]) -> list[str]:
        """The files ``names`` of ``folder`` that are included and not excluded, in order.

        ``rel`` is ``folder`` relative to ``root`` ("" or ending in "/"). The same as
        ``[n for n in names if self.is_included(os.path.join(folder, n)) and not
        self.is_excluded_relative(rel + n)]``, with the tests worked out once per folder.

        >>> Settings(root="/p").keep_names("p/docs", "docs/", ["a.txt", "b.py", "c.md"])
        ['a.txt', 'c.md']
        >>> Settings(root="/p").keep_names("p/build", "build/", ["a.txt"])
        []
        """
        if not _POSIX:  # pragma: no cover - names are compared case-folded
            return [n for n in names if self.is_included(os.path.join(folder, n))
                    and not self.is_excluded_relative(rel + n)]
        include = _fnmatch_regex((*self.include, *self.extend_include))
        whole, part = _glob_regexes((*self.exclude, *self.extend_exclude))
        if include is None or (part is not None and any(part(x) for x in rel.split("/")[:-1])):
            return []
        prefix = os.path.join(folder, "")  # os.path.join(folder, n) == prefix + n
        whole, part = whole or _never, part or _never
        return [n for n in names if (include(n) or include(prefix + n))
                and not whole(rel + n) and not part(n)]

    def context(self) -> Context:
        return Context(options=self.options, pack_paths=pack_paths(self.extend_packs, self.root))

    def fingerprint(self) -> str:
        """A stable text that changes whenever a setting that affects results changes."""
        key = (tuple(sorted(self.codes())), repr(self.options), tuple(self.extend_packs))
        memo = self.__dict__.setdefault("_fingerprint_memo", {})
        if key not in memo:
            import json
            memo[key] = json.dumps([sorted(self.codes()), self.options, self.extend_packs,
                                    self.per_file_ignores, self.unsafe_fixes, self.fixable,
                                    self.unfixable, _pack_stamps(self.extend_packs, self.root)],
                                   sort_keys=True, default=str)
        return memo[key]


def _pack_stamps(extend_packs: list[str], root: str) -> list:
    """(path, size, mtime) of every pack file, so that editing a pack invalidates cached results."""
    stamps = []
    for paths in pack_paths(extend_packs, root).values():
        for path in paths:
            try:
                st = os.stat(path)
                stamps.append((path, st.st_size, st.st_mtime_ns))
            except OSError:
                stamps.append((path, None, None))
    return stamps


def _expand_all(selectors: list[str]) -> set[str]:
    out: set[str] = set()
    for s in selectors:
        out |= resolve(select=[s])
    return out


def _relative(path: str, root: str) -> str:
    path, root = os.path.abspath(path), os.path.abspath(root)
    if path.startswith(root) and path[len(root):len(root) + 1] == os.sep and root != os.sep:
        rel = path[len(root) + 1:]  # the common case, without os.path.relpath's work
    else:
        try:
            rel = os.path.relpath(path, root)
        except ValueError:
            rel = path
    return rel.replace(os.sep, "/")


#: names are compared as they are (not case-folded by ``os.path.normcase``)
_POSIX = os.path.normcase("A") == "A"


def _never(name: str) -> None:
    return None


@lru_cache(maxsize=256)
def _fnmatch_regex(patterns: tuple[str, ...]):
    """The ``match`` of one regex for any of ``patterns`` (as ``fnmatch.fnmatch`` on POSIX:
    a match object or None), or None when there are no patterns."""
    if not patterns:
        return None
    return re.compile("|".join(fnmatch.translate(os.path.normcase(p)) for p in patterns)).match


@lru_cache(maxsize=256)
def _fnmatch_any(patterns: tuple[str, ...]):
    """A test of a name against any of ``patterns`` (as ``fnmatch.fnmatch``), compiled once."""
    match = _fnmatch_regex(patterns)
    if match is None:
        return lambda name: False
    if _POSIX:  # names are compared as they are
        return lambda name: match(name) is not None
    return lambda name: match(os.path.normcase(name)) is not None


def _glob_parts(patterns: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(whole, part): ``rel`` matches any of the globs ``patterns`` (as :func:`_glob_match`)
    when it matches a ``whole`` pattern, or one of its parts (folders, name) a ``part`` one."""
    whole, part = [], []
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        whole += [pattern, pattern + "/*"]
        if "/" not in pattern:
            part.append(pattern)
        else:
            whole += ["*/" + pattern, "*/" + pattern + "/*"]
    return tuple(whole), tuple(part)


@lru_cache(maxsize=256)
def _glob_regexes(patterns: tuple[str, ...]):
    """The :func:`_fnmatch_regex` tests of :func:`_glob_parts`."""
    whole, part = _glob_parts(patterns)
    return _fnmatch_regex(whole), _fnmatch_regex(part)


@lru_cache(maxsize=256)
def _glob_matcher(patterns: tuple[str, ...]):
    """``any(_glob_match(rel, p) for p in patterns)`` as one compiled test.

    >>> m = _glob_matcher(("build", "docs/*.md", "*.min.txt"))
    >>> m("build/a.txt"), m("src/build/x.md"), m("x/docs/a.md"), m("a/b.min.txt"), m("a/b.txt")
    (True, True, True, True, False)
    """
    whole, part = _glob_parts(patterns)
    match_whole, match_part = _fnmatch_any(whole), _fnmatch_any(part)
    folder_memo: dict[str, bool] = {}  # the folders of a run are few, its file names many

    def match_folder(name: str) -> bool:
        hit = folder_memo.get(name)
        if hit is None:
            hit = folder_memo[name] = match_part(name)
        return hit

    def matcher(rel: str) -> bool:
        if match_whole(rel):
            return True
        *folders, name = rel.split("/")
        return match_part(name) or any(match_folder(x) for x in folders)
    return matcher


def _glob_match(rel: str, pattern: str) -> bool:
    """Match a relative posix path against a glob: the whole path, a suffix, or any one part."""
    pattern = pattern.rstrip("/")
    if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern + "/*"):
        return True
    if "/" not in pattern:
        return any(fnmatch.fnmatch(part, pattern) for part in rel.split("/"))
    return fnmatch.fnmatch(rel, "*/" + pattern) or fnmatch.fnmatch(rel, "*/" + pattern + "/*")


# -- options declared by rules --------------------------------------------------------------
def option_specs() -> dict[str, dict[str, Option]]:
    """section -> option name -> Option, gathered from every rule."""
    specs: dict[str, dict[str, Option]] = {}
    for rule in registry().values():
        if rule.section:
            for opt in rule.options:
                specs.setdefault(rule.section, {})[opt.name] = opt
    return specs


def default_options() -> dict[str, dict[str, Any]]:
    return {sec: {n: o.default for n, o in opts.items()} for sec, opts in option_specs().items()}


def default_context(options: dict[str, dict[str, Any]] | None = None) -> Context:
    """A context with every option at its default, overridden by ``options`` (validated)."""
    merged = default_options()
    if options:
        parsed = parse_table({k: v for k, v in options.items()}, "<options>")
        for sec, vals in parsed.options.items():
            merged.setdefault(sec, {}).update(vals)
    return Context(options=merged, pack_paths=pack_paths([], "."))


@lru_cache(maxsize=None)
def _installed_pack_paths() -> dict[str, tuple[str, ...]]:
    """Built-in and entry-point packs by family; looked up once per process."""
    from linter.core.packs import builtin_pack_paths, entry_point_pack_paths

    return {family: tuple(builtin_pack_paths(family) + entry_point_pack_paths(family))
            for family in ("debris", "names", "encoding", "typography")}


def pack_paths(extend_packs: list[str], root: str) -> dict[str, list[str]]:
    """Family folder -> pack files: built in, then entry points, then the user's."""
    out = {family: list(paths) for family, paths in _installed_pack_paths().items()}
    for p in extend_packs:
        path = p if os.path.isabs(p) else os.path.join(root, p)
        out.setdefault("user", []).append(path)
    return out


# -- parsing and validation -----------------------------------------------------------------
def _type_name(t) -> str:
    ts = t if isinstance(t, tuple) else (t,)
    return " or ".join({str: "a string", bool: "true/false", int: "an integer", float: "a number",
                        list: "a list", dict: "a table"}.get(x, x.__name__) for x in ts)


def _check_type(value, types, source, key):
    ts = types if isinstance(types, tuple) else (types,)
    if isinstance(value, bool) and bool not in ts:
        raise ConfigError(source, key, f"must be {_type_name(types)}, not {value!r}")
    if not isinstance(value, ts):
        raise ConfigError(source, key, f"must be {_type_name(types)}, not {type(value).__name__}")


def _str_list(value, source, key) -> list[str]:
    if isinstance(value, str):
        raise ConfigError(source, key, f"must be a list of strings, e.g. [{value!r}]")
    _check_type(value, list, source, key)
    for item in value:
        if not isinstance(item, str):
            raise ConfigError(source, key, f"must be a list of strings; {item!r} is not a string")
    return list(value)


def _codes_list(value, source, key) -> list[str]:
    items = _str_list(value, source, key)
    for item in items:
        try:
            validate_selector(item)
        except SelectionError:
            raise ConfigError(source, key, f"unknown rule code or prefix {item!r} "
                              "(see `texthygiene rules`)") from None
    return items


def parse_table(table: dict[str, Any], source: str, base: Settings | None = None,
                root: str = ".") -> Settings:
    """Validate a ``[tool.texthygiene]`` table and layer it over ``base``."""
    s = base.copy() if base else Settings()
    s.options = {sec: dict(v) for sec, v in (base.options if base else default_options()).items()}
    s.source, s.root = source, root
    specs = option_specs()
    for key, value in table.items():
        attr = key.replace("-", "_")
        if key in ("select", "ignore", "extend-select", "fixable", "unfixable"):
            setattr(s, attr, _codes_list(value, source, key))
        elif key in LIST_KEYS:
            setattr(s, attr, _str_list(value, source, key))
        elif key == "per-file-ignores":
            _check_type(value, dict, source, key)
            s.per_file_ignores = {pat: _codes_list(v, source, f"{key}.{pat}")
                                  for pat, v in value.items()}
        elif key in ("unsafe-fixes", "respect-gitignore"):
            _check_type(value, bool, source, key)
            setattr(s, attr, value)
        elif key in specs:
            _check_type(value, dict, source, key)
            for name, v in value.items():
                opt = specs[key].get(name)
                if opt is None:
                    known = ", ".join(sorted(specs[key])) or "none"
                    raise ConfigError(source, f"{key}.{name}",
                                      f"unknown option (options of [{key}]: {known})")
                _check_type(v, opt.type, source, f"{key}.{name}")
                if opt.choices and v not in opt.choices:
                    raise ConfigError(source, f"{key}.{name}",
                                      f"must be one of {', '.join(map(repr, opt.choices))}, not {v!r}")
                if isinstance(v, list) and opt.default is not None and isinstance(opt.default, list):
                    _str_list(v, source, f"{key}.{name}")
                s.options.setdefault(key, {})[name] = v
        else:
            known = sorted(TOP_KEYS | set(specs))
            raise ConfigError(source, key, f"unknown key (known keys: {', '.join(known)})")
    return s


def _tomllib():
    """The TOML parser, imported only when there is configuration to read."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib


def read_toml(path: str) -> dict[str, Any]:
    tomllib = _tomllib()
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, None, f"invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(path, None, f"cannot read: {exc.strerror}") from None


def table_in(path: str) -> dict[str, Any] | None:
    """The texthygiene table of a config file, or None when a pyproject.toml has none."""
    data = read_toml(path)
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        return tool.get("texthygiene") if isinstance(tool, dict) else None
    if "tool" in data and isinstance(data["tool"], dict) and "texthygiene" in data["tool"]:
        return data["tool"]["texthygiene"]
    return data


def load_file(path: str, base: Settings | None = None) -> Settings:
    table = table_in(path)
    root = os.path.dirname(os.path.abspath(path))
    return parse_table(table or {}, path, base, root)


def parse_inline(overrides: list[str]) -> dict[str, Any]:
    """``--config 'KEY = VALUE'`` strings as one nested table (dotted keys allowed)."""
    tomllib = _tomllib()
    out: dict[str, Any] = {}
    for text in overrides:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError("--config", text, f"not a TOML 'KEY = VALUE' override: {exc}") from None
        _deep_merge(out, data)
    return out


def _deep_merge(into: dict, new: dict) -> None:
    for k, v in new.items():
        if isinstance(v, dict) and isinstance(into.get(k), dict):
            _deep_merge(into[k], v)
        else:
            into[k] = v


class ConfigResolver:
    """Finds the settings for each file: nearest config upwards to the repository root."""

    def __init__(self, config_file: str | None = None, overrides: dict[str, Any] | None = None,
                 select: list[str] | None = None, ignore: list[str] | None = None,
                 extend_select: list[str] | None = None, isolated: bool = False):
        """``select`` from the command line replaces the file's selection (its select and
        ignore), as in ruff; ``ignore`` and ``extend_select`` add to it. ``isolated`` reads no configuration file."""
        self.overrides = overrides or {}
        self.select, self.ignore, self.extend_select = select, ignore or [], extend_select or []
        self.isolated = isolated
        self._by_dir: dict[str, Settings] = {}
        self._by_file: dict[str, Settings] = {}
        self._by_folder: dict[str, Settings] = {}  # for_file: folder as written -> settings
        self.fixed: Settings | None = None
        if config_file:
            self.fixed = self._finish(load_file(config_file), config_file)
        elif isolated:
            self.fixed = self._finish(Settings(root=os.getcwd()), "--isolated")

    def _finish(self, s: Settings, source: str) -> Settings:
        if self.overrides:
            s = parse_table(self.overrides, "--config", s, s.root)
        s.source = source
        if self.select is not None:  # a new selection: the file's select and ignore are dropped
            s.select, s.ignore, s.extend_select = list(self.select), [], []
        s.ignore = list(s.ignore) + list(self.ignore)
        s.extend_select = list(s.extend_select) + list(self.extend_select)
        return s

    def for_path(self, path: str) -> Settings:
        if self.fixed is not None:
            return self.fixed
        directory = os.path.dirname(os.path.abspath(path)) if not os.path.isdir(path) \
            else os.path.abspath(path)
        return self.for_dir(directory)

    def for_file(self, path: str) -> Settings:
        """``for_path`` of a path known not to be a folder (a discovered file), without a
        ``stat`` or ``abspath`` per file: kept by the folder part of ``path`` as written."""
        if self.fixed is not None:
            return self.fixed
        folder = os.path.dirname(path)
        settings = self._by_folder.get(folder)
        if settings is None:
            settings = self._by_folder[folder] = self.for_dir(os.path.abspath(folder or os.curdir))
        return settings

    def for_dir(self, directory: str) -> Settings:
        if directory in self._by_dir:
            return self._by_dir[directory]
        found = self._find(directory)
        if found in self._by_file:
            settings = self._by_file[found]
        else:
            if found:
                settings = self._finish(load_file(found), found)
            else:
                settings = self._finish(Settings(root=os.getcwd()), "defaults")
            self._by_file[found] = settings
        self._by_dir[directory] = settings
        return settings

    def _find(self, directory: str) -> str | None:
        d = directory
        while True:
            if d in self._by_dir:
                src = self._by_dir[d].source
                return src if src not in (None, "defaults", "--config") else None
            for name in CONFIG_FILES:
                candidate = os.path.join(d, name)
                if os.path.isfile(candidate):
                    if name == "pyproject.toml" and table_in(candidate) is None:
                        continue
                    return candidate
            if os.path.exists(os.path.join(d, ".git")):
                return None
            parent = os.path.dirname(d)
            if parent == d:
                return None
            d = parent
