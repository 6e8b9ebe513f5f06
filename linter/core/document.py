"""The document model: decoded text with newlines normalised to ``\\n``, and how to map back.

Rules see ``Document.text`` (always ``\\n`` line ends, no BOM) and report character offsets
into it. The original line endings and BOM are kept so that a fixed document can be
written back byte-for-byte the same except for the edits.
"""

from __future__ import annotations

import bisect
from functools import cached_property

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mdx")
RST_SUFFIXES = (".rst",)


def kind_for_path(path: str) -> str:
    """The kind of prose a file holds, from its name: ``markdown``, ``rst`` or ``text``.

    >>> kind_for_path("notes/a.MD"), kind_for_path("b.txt"), kind_for_path("c.rst")
    ('markdown', 'text', 'rst')
    """
    lower = path.lower()
    if lower.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if lower.endswith(RST_SUFFIXES):
        return "rst"
    return "text"


class Document:
    """One prose file (or stdin) as the rules see it.

    >>> doc = Document.from_text("one\\r\\ntwo\\r\\n", path="a.txt")
    >>> doc.text, doc.newline
    ('one\\ntwo\\n', '\\r\\n')
    >>> doc.position(4)
    (2, 1)
    """

    def __init__(self, text: str, path: str = "<text>", kind: str = "text", bom: bool = False,
                 newline: str = "\n", crlf_at: list[int] | None = None, meta: dict | None = None):
        self.text, self.path, self.kind = text, path, kind
        self.bom, self.newline = bom, newline
        #: offsets (in ``text``) of the ``\n`` characters that were ``\r\n`` in the source,
        #: only when the file mixes line endings; ``None`` when all endings are ``newline``.
        self.crlf_at = crlf_at
        self.meta = {} if meta is None else meta

    def __repr__(self) -> str:
        return (f"Document(path={self.path!r}, kind={self.kind!r}, bom={self.bom!r}, "
                f"newline={self.newline!r}, text={self.text[:40]!r}{'...' if len(self.text) > 40 else ''})")

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.text, self.path, self.kind, self.bom, self.newline, self.crlf_at, self.meta) == \
            (other.text, other.path, other.kind, other.bom, other.newline, other.crlf_at, other.meta)

    __hash__ = None

    @classmethod
    def from_text(cls, raw: str, path: str = "<text>", kind: str | None = None) -> "Document":
        """Build a document from decoded text as it was in the file (any line endings, BOM)."""
        bom = raw.startswith("\ufeff")
        if bom:
            raw = raw[1:]
        newline, crlf_at = "\n", None
        if "\r" in raw and "\r\n" in raw:  # one character is searched much faster than two
            text = raw.replace("\r\n", "\n")
            n_crlf = raw.count("\r\n")
            n_lf = text.count("\n")
            if n_crlf == n_lf:
                newline = "\r\n"
            else:
                newline = "\r\n" if n_crlf * 2 > n_lf else "\n"
                crlf_at = _crlf_offsets(raw)
        else:
            text = raw
        # positional: keywords make the call ~0.5 us dearer, per file of a run
        return cls(text, path, kind or kind_for_path(path), bom, newline, crlf_at)

    def to_text(self) -> str:
        """The text with its original line endings and BOM restored."""
        if self.crlf_at is not None:
            parts, prev = [], 0
            for off in self.crlf_at:
                parts.append(self.text[prev:off])
                parts.append("\r")
                prev = off
            parts.append(self.text[prev:])
            body = "".join(parts)
        elif self.newline != "\n":
            body = self.text.replace("\n", self.newline)
        else:
            body = self.text
        return ("\ufeff" + body) if self.bom else body

    def with_text(self, text: str, edits: list | None = None) -> "Document":
        """A copy holding ``text``; ``edits`` (sorted, applied) keep mixed line endings in place."""
        crlf_at = None
        if self.crlf_at is not None:
            crlf_at = _shift_offsets(self.crlf_at, edits or [], text)
        return Document(text=text, path=self.path, kind=self.kind, bom=self.bom,
                        newline=self.newline, crlf_at=crlf_at, meta=self.meta)

    # -- line and column mapping -------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        """Offset of the first character of each line (0-based lines)."""
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    @cached_property
    def lines(self) -> list[str]:
        """The lines without their ``\\n``; a final newline does not start an extra line."""
        lines = self.text.split("\n")
        if self.text.endswith("\n"):
            lines.pop()
        return lines

    def line_index(self, offset: int) -> int:
        """0-based index of the line holding ``offset``."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``, columns counted in characters."""
        i = self.line_index(offset)
        return i + 1, offset - self.line_starts[i] + 1

    def line_span(self, index: int) -> tuple[int, int]:
        """(start, end) offsets of line ``index`` (0-based), the end before its ``\\n``."""
        start = self.line_starts[index]
        end = self.text.find("\n", start)
        return start, (len(self.text) if end == -1 else end)

    @property
    def ends_with_newline(self) -> bool:
        return self.text.endswith("\n")


def per_text(doc: Document, key, build, store: dict | None = None):
    """``build(doc)``, made once per text of ``doc``: kept as ``(doc.text, result)`` under
    ``key`` in ``store``, by default ``doc.meta``. A fixed document shares its meta with the
    one it was fixed from, so a result kept for another text is made again. A module-level
    dict as ``store`` keeps only the document last asked about: the engine runs every rule on
    a document before the next one, and nothing is left on the documents a run is done with.

    >>> doc = Document.from_text("a\\nb\\n")
    >>> per_text(doc, "n", lambda d: len(d.lines)), per_text(doc.with_text("a\\n"), "n", lambda d: len(d.lines))
    (2, 1)
    """
    store = doc.meta if store is None else store
    kept = store.get(key)
    text = doc.text
    if kept is not None and kept[0] is text:
        return kept[1]
    result = build(doc)
    store[key] = (text, result)
    return result


def _crlf_offsets(raw: str) -> list[int]:
    """Offsets in the normalised text of each ``\\n`` that was ``\\r\\n`` in ``raw``."""
    out, removed, i = [], 0, raw.find("\r\n")
    while i != -1:
        out.append(i - removed)
        removed += 1
        i = raw.find("\r\n", i + 2)
    return out


def _shift_offsets(offsets: list[int], edits: list, new_text: str) -> list[int]:
    """Move recorded ``\\r\\n`` offsets through sorted, non-overlapping ``edits``.

    Newlines inside replaced spans disappear; newlines in inserted content become ``\\n``.
    """
    out, delta, j = [], 0, 0
    for off in offsets:
        while j < len(edits) and edits[j].end <= off:
            delta += len(edits[j].content) - (edits[j].end - edits[j].start)
            j += 1
        if j < len(edits) and edits[j].start <= off < edits[j].end:
            continue
        new = off + delta
        if 0 <= new < len(new_text) and new_text[new] == "\n":
            out.append(new)
    return out
