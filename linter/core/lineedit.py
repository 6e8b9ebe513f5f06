"""Edits that delete whole lines while keeping paragraph separation as it was."""

from __future__ import annotations

from linter.core.document import Document
from linter.core.findings import Edit


def _blank(line: str) -> bool:
    return not line.strip()


def delete_line_edit(doc: Document, index: int, last: int | None = None) -> Edit:
    """An edit removing lines ``index..last`` (0-based, inclusive) and the blank lines they leave.

    - at the top of the file, or after a blank line, the blank lines that follow go too;
    - at the end of the file (only blank lines after), the blank lines before go too, and the
      file keeps its final newline or its absence;
    - between two paragraphs, one blank line stays.

    >>> doc = Document.from_text("para\\n\\nShare this:\\n\\nnext\\n")
    >>> delete_line_edit(doc, 2).apply_to(doc.text)
    'para\\n\\nnext\\n'
    >>> doc = Document.from_text("text\\n\\nLeave a Comment")
    >>> delete_line_edit(doc, 2).apply_to(doc.text)
    'text'
    >>> doc = Document.from_text("top of page\\nHeadline\\n")
    >>> delete_line_edit(doc, 0).apply_to(doc.text)
    'Headline\\n'
    """
    lines = doc.lines
    last = index if last is None else last
    n = len(lines)
    after = last + 1
    while after < n and _blank(lines[after]):
        after += 1
    before = index - 1
    while before >= 0 and _blank(lines[before]):
        before -= 1
    if after >= n:
        # nothing but blank lines follow: cut from the end of the last content line
        if before < 0:
            return Edit(0, len(doc.text) - (1 if doc.ends_with_newline else 0), "")
        start = doc.line_span(before)[1]
        end = doc.line_span(n - 1)[1]
        return Edit(start, end, "")
    start = doc.line_starts[index]
    if before < 0 or before < index - 1:
        # top of file, or a blank line precedes: take the following blank lines too
        end = doc.line_starts[after]
    else:
        end = doc.line_starts[last + 1]
    return Edit(start, end, "")


def delete_span_edit(text: str, start: int, end: int) -> Edit:
    """An edit removing ``text[start:end]`` inside a line without joining two words.

    Spaces on one side are taken along; if words would touch, one space is left.

    >>> t = "Read this. Share this: now"
    >>> delete_span_edit(t, 11, 22).apply_to(t)
    'Read this. now'
    """
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    while end < len(text) and text[end] in " \t":
        end += 1
    left = text[start - 1] if start > 0 else "\n"
    right = text[end] if end < len(text) else "\n"
    if left not in "\n" and right not in "\n":
        return Edit(start, end, " ")
    return Edit(start, end, "")
