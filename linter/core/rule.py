"""The rule base class, rule options and the context rules run in.

A rule is a class with a code (``D101``), a kebab-case name, a docstring in sections
(What it does / Why is this bad? / Example / Fix safety) and a ``check`` method that yields
findings for one document. Rules never touch files, the CLI or reporters.
"""

from __future__ import annotations

import re
from collections import namedtuple
from typing import Any, ClassVar, Iterable, Iterator

from linter.core.document import Document
from linter.core.findings import Finding, Fix

FAMILIES = {
    "D": "scraping debris",
    "E": "encoding and Unicode",
    "N": "names and transliterations",
    "P": "punctuation and typography",
}


class Option(namedtuple("Option", "name type default help choices", defaults=("", None))):
    """A per-rule setting read from ``[tool.texthygiene.<section>]``.

    >>> Option("teaser-min-words", int, 6).default
    6
    """

    __slots__ = ()


class Context:
    """What a rule may know beyond the document: settings, packs and corpus-wide counts."""

    def __init__(self, options: dict[str, dict[str, Any]] | None = None,
                 pack_paths: dict[str, list[str]] | None = None,
                 corpus: dict[str, Any] | None = None, cache: dict[Any, Any] | None = None,
                 selected: frozenset = frozenset()):
        #: section name -> {option: value}, defaults already filled in
        self.options = {} if options is None else options
        #: family letter -> list of pack file paths (built in, configured, entry points)
        self.pack_paths = {} if pack_paths is None else pack_paths
        #: rule code -> merged result of ``Rule.collect`` over the whole run (corpus scope)
        self.corpus = {} if corpus is None else corpus
        #: a cache rules may use for compiled data, keyed as they like; shared for a whole run
        self.cache = {} if cache is None else cache
        #: codes of the rules the engine is running on the current document (empty: unknown),
        #: so that a rule can leave a line to another rule that reports it better
        self.selected = selected

    def __repr__(self) -> str:
        return (f"Context(options={self.options!r}, pack_paths={self.pack_paths!r}, "
                f"corpus={self.corpus!r}, selected={self.selected!r})")

    def option(self, section: str, name: str, default: Any = None) -> Any:
        return self.options.get(section, {}).get(name, default)

    def cached(self, key: Any, build):
        """Return ``cache[key]``, building it once with ``build()``."""
        try:
            return self.cache[key]
        except KeyError:
            value = self.cache[key] = build()
            return value


class TextGate:
    """A :attr:`Rule.gate` made of a cheap test of the text (engine calls ``search``).

    >>> gate = TextGate(lambda text: "''" in text)
    >>> gate.search("a ''b''"), gate.search("a 'b'")
    (True, None)
    """

    def __init__(self, test):
        self.test = test

    def search(self, text: str) -> bool | None:
        return True if self.test(text) else None

    def __repr__(self) -> str:
        return f"TextGate({self.test.__name__})"


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
    #: in the text), a tuple of strings (one must occur), or a :class:`TextGate` (any test of
    #: the text, such as one reading a census shared by several rules). ``None``: always call
    #: ``check``.
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
        import inspect

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

    import textwrap

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
