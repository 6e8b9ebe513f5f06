"""Findings, fixes and edits: what a rule reports and how it proposes to mend it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Applicability(str, Enum):
    """How sure a fix is. ``SAFE`` fixes run with ``fix``; ``UNSAFE`` only with ``--unsafe-fixes``."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` (offsets in the normalised document text) with ``content``.

    >>> Edit(3, 5, "x").apply_to("abcdefg")
    'abcxfg'
    """

    start: int
    end: int
    content: str = ""

    def apply_to(self, text: str) -> str:
        return text[: self.start] + self.content + text[self.end :]


@dataclass(frozen=True)
class Fix:
    """A set of edits applied together, with the applicability and a message saying what it does."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    message: str = ""

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


@dataclass
class Finding:
    """One problem at ``text[start:end]`` of a document, reported by the rule ``code``."""

    code: str
    message: str
    start: int
    end: int
    fix: Fix | None = None
    name: str = ""
    #: filled in by the engine for reporting: 1-based line/column of start and end
    extra: dict = field(default_factory=dict)

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
