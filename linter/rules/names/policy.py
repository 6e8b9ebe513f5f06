"""Which spelling of a group wins in a scope, and why (pure functions on counts).

The order: the house style (``prefer``) first, then the majority, then on a tie the group's
modern form (or, when the modern form is not among the tied ones, the first tied form in the
group's order).
"""

from __future__ import annotations

from typing import NamedTuple

from linter.rules.names.dictionary import Group


class Choice(NamedTuple):
    """The winning form index and the reason, in words a user can act on."""

    index: int
    reason: str


def preferred_index(group: Group, prefer: list[str] | tuple[str, ...]) -> int | None:
    """The index of the first ``prefer`` entry that is a form of ``group`` (None: no house style).

    >>> g = Group("kyiv", ("Kyiv", "Kiev"), "Kyiv", note="n")
    >>> preferred_index(g, ["Zelenskyy", "Kiev"]), preferred_index(g, ["Odesa"])
    (1, None)
    """
    for p in prefer:
        if p in group.forms:
            return group.forms.index(p)
    return None


def choose(group: Group, counts: list[int], prefer=()) -> Choice | None:
    """The form a scope should use, or None when nothing is to be said.

    >>> g = Group("kyiv", ("Kyiv", "Kiev"), "Kyiv", note="n")
    >>> choose(g, [3, 3]).reason
    'tie: the modern form'
    >>> choose(g, [1, 4]).index, choose(g, [0, 4]), choose(g, [0, 4], ["Kyiv"]).index
    (1, None, 0)
    """
    p = preferred_index(group, prefer)
    if p is not None:
        return Choice(p, "house style: `prefer`") if any(
            c for i, c in enumerate(counts) if i != p) else None
    if group.safety == "house-style":
        return None
    used = [i for i, c in enumerate(counts) if c]
    if len(used) < 2:
        return None
    top = max(counts)
    tied = [i for i in used if counts[i] == top]
    if len(tied) == 1:
        return Choice(tied[0], "the majority spelling")
    m = group.modern_index
    if m in tied:
        return Choice(m, "tie: the modern form")
    return Choice(tied[0], "tie: the first of the tied forms in the group's order")


def describe_counts(group: Group, counts: list[int], files: list[int] | None = None) -> str:
    """``Kyiv 3×, Kiev 3×`` (forms in use only; with the number of files for corpus counts).

    >>> g = Group("kyiv", ("Kyiv", "Kiev"), "Kyiv", note="n")
    >>> describe_counts(g, [3, 1]), describe_counts(g, [5, 2], [2, 1])
    ('Kyiv 3×, Kiev 1×', 'Kyiv 5× in 2 files, Kiev 2× in 1 file')
    """
    parts = []
    for i, c in enumerate(counts):
        if not c:
            continue
        text = f"{group.forms[i]} {c}×"
        if files is not None:
            n = files[i]
            text += f" in {n} file" + ("s" if n != 1 else "")
        parts.append(text)
    return ", ".join(parts)
