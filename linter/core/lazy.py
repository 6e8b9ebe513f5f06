"""Patterns compiled on first use, so that importing a rule module costs little.

A rule module defines its patterns at module level, as usual, but with :func:`lazy`
instead of ``re.compile`` / ``regex.compile``: nothing is parsed (and the ``regex`` module
is not imported) until a gate lets a document through to the pattern. After the first use
the compiled pattern's methods are bound on the object, so a call costs what it costs on
the compiled pattern.

(``from linter.core.lazy import re, regex`` in a rule module: their ``compile``
give lazy patterns.)

>>> DIGITS = lazy(r"\\d+")
>>> DIGITS.search("abc 12").group()
'12'
>>> WORD = lazy(r"\\p{Lu}\\w+", engine="regex")
>>> WORD.match("Kyiv").group(), WORD.pattern
('Kyiv', '\\\\p{Lu}\\\\w+')
"""

from __future__ import annotations

import re as _re
import sys


class lazy:
    """A regular expression compiled (with ``re`` or ``regex``) the first time it is used."""

    def __init__(self, pattern: str, flags: int = 0, engine: str = "re"):
        self.__dict__["_source"] = (pattern, int(flags), engine)

    def compiled(self):
        """The compiled pattern (compiling it now if need be)."""
        rx = self.__dict__.get("_rx")
        if rx is None:
            pattern, flags, engine = self._source
            if engine == "regex":
                import regex

                rx = regex.compile(pattern, flags)
            else:
                rx = _re.compile(pattern, flags)
            self.__dict__["_rx"] = rx
            for name in ("match", "search", "fullmatch", "finditer", "findall", "split", "sub", "subn"):
                self.__dict__[name] = getattr(rx, name)
        return rx

    def __getattr__(self, name):
        if name.startswith("__") or name == "_source":  # copy and pickle probe a bare instance
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self):
        return lazy, self._source

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r})"


class _LazyModule:
    """What both stand-ins share: ``compile`` gives a :class:`lazy` pattern of :attr:`_kind`;
    any other name is looked up on the real module (imported only then)."""

    _kind = "re"
    #: the flags both modules number alike, as plain numbers
    I = IGNORECASE = 2
    L = LOCALE = 4
    M = MULTILINE = 8
    S = DOTALL = 16
    U = UNICODE = 32
    X = VERBOSE = 64

    @classmethod
    def compile(cls, pattern: str, flags: int = 0) -> lazy:
        return lazy(pattern, flags, cls._kind)

    def __getattr__(self, name):
        module = sys.modules.get(self._kind)
        if module is None:
            import importlib

            module = importlib.import_module(self._kind)
        return getattr(module, name)


class _RegexModule(_LazyModule):
    """Stands for the ``regex`` module in a rule module (``from ...lazy import regex``):
    ``regex.compile`` gives a :class:`lazy` pattern and the flags are plain numbers, so that
    importing the rule module neither compiles its patterns nor imports ``regex``; anything
    else is looked up on the real module.

    >>> rx = regex.compile(r"\\p{Lu}+", regex.I | regex.X)
    >>> isinstance(rx, lazy), rx.search("ab CD").group()
    (True, 'ab')
    """

    A = ASCII = 128
    V1 = VERSION1 = 256
    R = REVERSE = 1024
    W = WORD = 2048
    B = BESTMATCH = 4096
    V0 = VERSION0 = 8192
    F = FULLCASE = 16384
    E = ENHANCEMATCH = 32768
    _kind = "regex"


regex = _RegexModule()


class _ReModule(_LazyModule):
    """Stands for ``re`` in a rule module whose only module-level use of it is compiling:
    ``re.compile`` gives a :class:`lazy` pattern; anything else is the real module's.

    >>> rx = re.compile(r"\\n(?:by)\\b", re.I)
    >>> isinstance(rx, lazy), bool(rx.search("x\\nBy Jane")), rx.flags & re.I
    (True, True, 2)
    """

    A = ASCII = 256  # (128 is re.DEBUG)
    _kind = "re"


re = _ReModule()
