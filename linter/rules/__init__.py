"""The rule registry: every rule of every family, by code, and rule selection.

Each family is a subpackage exposing ``RULES``, a tuple of rule classes.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from linter.core.rule import Rule

FAMILY_PACKAGES = (
    "linter.rules.debris",
    "linter.rules.encoding",
    "linter.rules.names",
    "linter.rules.typography",
)


class SelectionError(ValueError):
    """A selector that names no rule."""


@lru_cache(maxsize=None)
def registry() -> dict[str, type[Rule]]:
    """All rule classes by code, sorted by code."""
    found: dict[str, type[Rule]] = {}
    for name in FAMILY_PACKAGES:
        module = importlib.import_module(name)
        for rule in getattr(module, "RULES", ()):
            if rule.code in found:
                raise RuntimeError(f"duplicate rule code {rule.code}")
            found[rule.code] = rule
    return dict(sorted(found.items()))


def by_name_or_code(key: str) -> type[Rule] | None:
    """Look a rule up by its code (``D101``) or its name (``wix-chrome``)."""
    rules = registry()
    if key.upper() in rules:
        return rules[key.upper()]
    for rule in rules.values():
        if rule.name == key:
            return rule
    return None


def expand(selector: str) -> set[str]:
    """Codes a selector names: ``ALL``, a family letter, a code prefix, a full code, a rule name.

    >>> expand("ALL") == set(registry())
    True
    """
    rules = registry()
    sel = selector.strip()
    if sel.upper() == "ALL":
        return set(rules)
    rule = by_name_or_code(sel)
    if rule is not None:
        return {rule.code}
    codes = {c for c in rules if c.startswith(sel.upper())}
    if not codes or not sel[:1].isalpha():
        raise SelectionError(f"unknown rule selector {selector!r}")
    return codes


def validate_selector(selector: str) -> None:
    expand(selector)


def resolve(select: list[str] | None = None, ignore: list[str] | None = None,
            extend_select: list[str] | None = None) -> set[str]:
    """The codes that run: ``select`` (default: every rule marked default) plus ``extend_select``,
    minus ``ignore``. A more specific selector wins over a less specific one, as in ruff."""
    rules = registry()
    weighted: dict[str, tuple[int, bool]] = {}

    def apply(selectors, on: bool):
        for s in selectors or ():
            codes = expand(s)
            weight = 0 if s.strip().upper() == "ALL" else len(s.strip())
            if by_name_or_code(s) is not None:
                weight = 99
            for c in codes:
                if c not in weighted or weight >= weighted[c][0]:
                    weighted[c] = (weight, on)

    if select is None:
        for code, rule in rules.items():
            if rule.default:
                weighted[code] = (-1, True)
    else:
        apply(select, True)
    apply(extend_select, True)
    apply(ignore, False)
    return {c for c, (_, on) in weighted.items() if on}
