"""The rule base class, rule options and the context rules run in.

A rule is a class with a code (``D101``), a kebab-case name, a docstring in sections
(What it does / Why is this bad? / Example / Fix safety) and a ``check`` method that yields
findings for one document. Rules never touch files, the CLI or reporters.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable, Iterator

from linter.core.document import Document
from linter.core.findings import Finding, Fix

FAMILIES = {
    "D": "scraping debris",
    "E": "encoding and Unicode",
    "N": "names and transliterations",
    "P": "punctuation and typography",
}


@dataclass(frozen=True)
class Option:
    """A per-rule setting read from ``[tool.texthygiene.<section>]``."""

    name: str
    type: type | tuple[type, ...]
    default: Any
    help: str = ""
    choices: tuple | None = None


@dataclass
class Context:
    """What a rule may know beyond the document: settings, packs and corpus-wide counts."""

    #: section name -> {option: value}, defaults already filled in
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: family letter -> list of pack file paths (built in, configured, entry points)
    pack_paths: dict[str, list[str]] = field(default_factory=dict)
    #: rule code -> merged result of ``Rule.collect`` over the whole run (corpus scope)
    corpus: dict[str, Any] = field(default_factory=dict)
    #: a cache rules may use for compiled data, keyed as they like; shared for a whole run
    cache: dict[Any, Any] = field(default_factory=dict)
    #: codes of the rules the engine is running on the current document (empty: unknown), so
    #: that a rule can leave a line to another rule that reports it better
    selected: frozenset = frozenset()

    def option(self, section: str, name: str, default: Any = None) -> Any:
        return self.options.get(section, {}).get(name, default)

    def cached(self, key: Any, build):
        """Return ``cache[key]``, building it once with ``build()``."""
        try:
            return self.cache[key]
        except KeyError:
            value = self.cache[key] = build()
            return value


class Rule:
    """Base class of every rule. Subclasses set the class attributes and implement ``check``."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    #: one-line summary shown by ``texthygiene rules``
    summary: ClassVar[str] = ""
    #: "safe", "unsafe", "sometimes" (depends on the finding) or "none"
    fix_safety: ClassVar[str] = "none"
    #: selected when the user selects nothing
    default: ClassVar[bool] = True
    #: config section holding this rule's options, and the options
    section: ClassVar[str | None] = None
    options: ClassVar[tuple[Option, ...]] = ()
    #: document kinds the rule runs on
    kinds: ClassVar[tuple[str, ...]] = ("text", "markdown", "rst")
    #: True when the rule's fixes restore damaged characters (mojibake, entities): the fixer
    #: applies them before any other fix, so other rules judge the repaired text
    repairs_text: ClassVar[bool] = False
    #: True when the rule can count things across all files of a run (see ``collect``)
    corpus_aware: ClassVar[bool] = False
    #: a cheap test the engine runs on ``doc.text`` before calling ``check``; when it fails,
    #: ``check`` is not called at all (a document of ~5 KB then costs no Python call). One of:
    #: a compiled pattern (``gate.search(text)`` must find something), a string (must occur
    #: in the text), or a tuple of strings (one must occur). ``None``: always call ``check``.
    #: The gate must be true of every document the rule can report anything on (the tests
    #: run every rule with and without gates and compare); ``check`` may test it again.
    gate: ClassVar[Any] = None

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:  # pragma: no cover
        raise NotImplementedError

    # -- corpus scope -----------------------------------------------------------------
    def collect(self, doc: Document, ctx: Context) -> Any:
        """Per-document counts for corpus scope; merged with ``merge`` into ``ctx.corpus``."""
        return None

    def merge(self, parts: list[Any]) -> Any:
        return parts

    def corpus_enabled(self, ctx: Context) -> bool:
        """Whether this run should call ``collect`` on every document first."""
        return False

    # -- helpers ----------------------------------------------------------------------
    def finding(self, start: int, end: int, message: str, fix: Fix | None = None) -> Finding:
        return Finding(self.code, message, start, end, fix, self.name)

    @classmethod
    def family(cls) -> str:
        return FAMILIES.get(cls.code[:1], "other")

    @classmethod
    def doc(cls) -> str:
        """The rule's documentation (its docstring), with its sections as ``## Heading``."""
        return normalize_sections(inspect.cleandoc(cls.__doc__ or ""))


SECTION_HEADINGS = ("What it does", "Why is this bad?", "Example", "Examples", "Fix safety",
                    "Options", "Known problems", "References")
_HEADING = re.compile(r"^(?:#+\s*)?(" + "|".join(re.escape(h) for h in SECTION_HEADINGS) + r"):?\s*$")


def normalize_sections(doc: str) -> str:
    r"""Write section headings as ``## Heading`` and dedent the body under each.

    >>> print(normalize_sections("Summary.\n\nWhat it does:\n    Finds things."))
    Summary.
    <BLANKLINE>
    ## What it does
    Finds things.
    """
    out: list[str] = []
    section: list[str] = []

    def flush():
        out.extend(textwrap.dedent("\n".join(section)).split("\n") if section else [])
        section.clear()

    for line in doc.split("\n"):
        m = _HEADING.match(line.strip()) if not line.startswith((" ", "\t")) else None
        if m:
            flush()
            out.append("## " + m.group(1))
        else:
            section.append(line)
    flush()
    return "\n".join(out)


def iter_line_spans(doc: Document) -> Iterator[tuple[int, int, int, str]]:
    """Yield ``(index, start, end, line)`` for every line of ``doc`` (0-based index)."""
    start = 0
    for i, line in enumerate(doc.lines):
        end = start + len(line)
        yield i, start, end, line
        start = end + 1
