"""Markup husks extraction leaves behind: empty list items, empty table rows, table rules."""

from __future__ import annotations

from linter.core.lazy import re  # compiled on first use
from typing import Iterable

from linter.core.lazy import regex  # compiled on first use

from linter.core.document import Document
from linter.core.findings import Edit, Finding
from linter.core.rule import Context, Rule
from linter.rules.debris.bylines import foot_lines
from linter.rules.debris.layout import line_range_finding
from linter.rules.debris.structscan import LineGate

EMPTY_ITEM = regex.compile(r"^[ \t]*(?:[-*•+·][ \t]*|\|(?:[ \t]*\|)*[ \t]*|\|[ \t]*)$", regex.M)
#: EMPTY_ITEM for :func:`candidate_lines`: from line start to line start, a scan ``re`` runs fast
EMPTY_GATE = re.compile(r"\n[ \t]*(?:[-*•+·][ \t]*|\|(?:[ \t]*\|)*[ \t]*|\|[ \t]*)(?=\n|\Z)")
# icons left as a line: emoji and pictographs (⭐️⭐️⭐️⭐️), UI glyphs (☰ ✕ × ⋮ ▶), arrows, the object
# replacement character; not section breaks (❦ ❧ ☙ ⁂ ✻ * * *) nor box drawing
ICONS = ("\U0001F300-\U0001FAFF\u2600-\u2618\u261A-\u26FF\u2700-\u271F\u274C-\u2765\u2768-\u27BF"
         "\u2B00-\u2BFF\u2190-\u21FF\u25B2\u25B6\u25BA\u25BC\u25C0\u25C4\u22EE\u22EF\uFFFC\u00D7")
ICON_LINE_GATE = re.compile(rf"\n[ \t]*[{ICONS}](?:[{ICONS}\uFE0F\u200D \t]|[\U0001F3FB-\U0001F3FF])*(?=\n|\Z)")
TABLE_RULE = regex.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?[ \t]*$", regex.M)


class EmptyMarkup(Rule):
    """What it does
    Flags lines that hold nothing but markup: an empty list item (``-``, ``•``), an empty
    table row (``|  |  |``), or icons (``⭐️⭐️⭐️⭐️``, a menu ``☰`` or close ``✕`` button, the
    object replacement character). Section breaks (``❦``, ``⁂``, ``* * *``) are left alone.

    Why is this bad?
    They are the husks of images, icons and layout tables whose content the extractor
    dropped; they carry no text and break up paragraphs and lists.

    Example
    ```text
    - First point
    -
    |  |  |
    ```

    Fix safety
    Unsafe: the line is deleted. It holds no words, but in a Markdown file an empty row can
    be part of a table's layout.
    """

    code = "D260"
    name = "empty-markup"
    summary = "Line holding only an empty list item, an empty table row or icons"
    fix_safety = "unsafe"
    gate = LineGate("empty", "icon")

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        text = doc.text
        found = set()
        lines = foot_lines(doc)
        if lines["empty"] and ("-" in text or "|" in text or "•" in text or "*" in text):
            found.update(lines["empty"])
        icons = set() if text.isascii() else set(lines["icon"]) - found
        for i in sorted(found | icons):
            yield line_range_finding(self, doc, i, i, "Line of icons left by extraction" if i in icons
                                     else "Empty list item or table row left by extraction")


class TableRule(Rule):
    """What it does
    In plain-text files, flags the ``|---|---|`` rule lines an extractor writes under a
    table's first row.

    Why is this bad?
    In plain text they are layout, not words: they show up in a corpus as lines of dashes.
    (Markdown files are left alone: there the rule line makes the table.)

    Example
    ```text
    | Model | Price |
    |---|---|
    | Pi 3 | $35 |
    ```

    Fix safety
    Unsafe: the line is deleted; the rows stay.
    """

    code = "D261"
    name = "table-rule-line"
    summary = "Markdown table rule line in a plain-text file"
    fix_safety = "unsafe"
    kinds = ("text",)
    gate = "---"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        if "---" not in doc.text:
            return
        for m in TABLE_RULE.finditer(doc.text):
            i = doc.line_index(m.start())
            yield line_range_finding(self, doc, i, i, "Table rule line in plain text")


EDIT_LINK = regex.compile(r"(?<=\S)\[(?:edit|edit source|bearbeiten|Quelltext bearbeiten|modifier|modifier le code|"
                          r"editar|editar código-fonte|modifica|wijzigen|редактировать|編集|编辑)\]$", regex.M)


class EditLink(Rule):
    """What it does
    Flags the "[edit]" link text that wiki pages glue to the end of each section heading
    ("History[edit]", "Geschichte[Bearbeiten]").

    Why is this bad?
    It is the label of a wiki's edit button, not part of the heading.

    Example
    ```text
    Community[edit]
    ```

    Fix safety
    Safe: only the bracketed label glued to the end of a short line goes; the heading stays.
    Not selected by default (only wiki dumps have it): select ``D262``.
    """

    code = "D262"
    name = "wiki-edit-link"
    summary = "Wiki \"[edit]\" link text glued to a heading"
    fix_safety = "safe"
    default = False

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        if "]" not in doc.text:
            return
        from linter.core.findings import Fix

        for m in EDIT_LINK.finditer(doc.text):
            i = doc.line_index(m.start())
            if len(doc.lines[i].split()) > 12:
                continue
            fix = Fix.safe(f"Remove {m.group()!r}", Edit(m.start(), m.end(), ""))
            yield self.finding(m.start(), m.end(), f"Wiki edit-link text {m.group()!r} after a heading", fix)
