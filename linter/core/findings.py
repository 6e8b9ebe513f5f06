"""Findings, fixes and edits: what a rule reports and how it proposes to mend it."""

from __future__ import annotations

from collections import namedtuple
from enum import Enum


class Applicability(str, Enum):
    """How sure a fix is. ``SAFE`` fixes run with ``fix``; ``UNSAFE`` only with ``--unsafe-fixes``."""

    SAFE = "safe"
    UNSAFE = "unsafe"


# Edit and Fix are named tuples (immutable, ordered, hashable, cheap to build and pickle);
# the module needs no ``dataclasses`` (and its ``inspect``) on a cold start.
class Edit(namedtuple("Edit", "start end content", defaults=("",))):
    """Replace ``text[start:end]`` (offsets in the normalised document text) with ``content``.

    >>> Edit(3, 5, "x").apply_to("abcdefg")
    'abcxfg'
    >>> Edit(3, 5), Edit(1, 2) < Edit(1, 3)
    (Edit(start=3, end=5, content=''), True)
    """

    __slots__ = ()

    def apply_to(self, text: str) -> str:
        return text[: self.start] + self.content + text[self.end :]


class Fix(namedtuple("Fix", "edits applicability message",
                     defaults=(Applicability.SAFE, ""))):
    """A set of edits applied together, with the applicability and a message saying what it does."""

    __slots__ = ()

    @classmethod
    def safe(cls, message: str, *edits: Edit) -> "Fix":
        return cls(tuple(sorted(edits)), Applicability.SAFE, message)

    @classmethod
    def unsafe(cls, message: str, *edits: Edit) -> "Fix":
        return cls(tuple(sorted(edits)), Applicability.UNSAFE, message)

    @property
    def start(self) -> int:
        return self.edits[0].start

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)

    @property
    def is_safe(self) -> bool:
        return self.applicability is Applicability.SAFE


class Finding:
    """One problem at ``text[start:end]`` of a document, reported by the rule ``code``."""

    __slots__ = ("code", "message", "start", "end", "fix", "name", "extra")

    def __init__(self, code: str, message: str, start: int, end: int, fix: Fix | None = None,
                 name: str = "", extra: dict | None = None):
        self.code, self.message, self.start, self.end = code, message, start, end
        self.fix, self.name = fix, name
        #: filled in by the engine for reporting: 1-based line/column of start and end
        self.extra = {} if extra is None else extra

    def _fields(self) -> tuple:
        return (self.code, self.message, self.start, self.end, self.fix, self.name, self.extra)

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # mutable, like the dataclass it was

    def __repr__(self) -> str:
        return ("Finding(" + ", ".join(f"{k}={v!r}" for k, v in zip(self.__slots__, self._fields()))
                + ")")

    def __getstate__(self):
        return self._fields()

    def __setstate__(self, state):
        (self.code, self.message, self.start, self.end, self.fix, self.name, self.extra) = state

    @property
    def fixable(self) -> bool:
        return self.fix is not None


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply sorted, non-overlapping edits in one pass.

    >>> apply_edits("hello world", [Edit(0, 1, "J"), Edit(5, 6, ", ")])
    'Jello, world'
    """
    parts, prev = [], 0
    for e in edits:
        parts.append(text[prev : e.start])
        parts.append(e.content)
        prev = e.end
    parts.append(text[prev:])
    return "".join(parts)
