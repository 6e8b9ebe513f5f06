"""D106: the site name a page title carries after its headline (``Headline | Site``)."""

from __future__ import annotations

import re
from collections import Counter

from linter.core.findings import Edit, Fix
from linter.core.rule import Option, Rule
from linter.rules.debris import packs

#: the separators sites put between headline and site name
_SEP = re.compile(r"[ \t\u00a0]+(\||-|\u2013|\u2014|\u00b7|::|\u00bb|\u2022)[ \t\u00a0]+")
#: a character every :data:`_SEP` match holds
_SEP_CHARS = "|-\u2013\u2014\u00b7:\u00bb\u2022"
_BRACKET = re.compile(r"[ \t\u00a0]+\[([^\[\]]{2,40})\][ \t]*$")
_DOMAIN = re.compile(r"(?:[\w-]+\.)+(?:com|org|net|co|io|info|news|tv|fm|uk|de|fr|es|it|au|ca|in|br|jp|ru|ua)\b", re.I)
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+")
MAX_TITLE = 250
#: a line ending in ``SEP Capitalised words`` (no sentence punctuation): a title-list candidate
_CANDIDATE = re.compile(r"[ \t](?:\||-|\u2013|\u2014|\u00b7|::|\u00bb|\u2022)[ \t]+[A-Z0-9][^\n|.!?\"\u201d]{0,39}$",
                        re.M)
_SEPARATORS = ("|", "-", "\u2013", "\u2014", "\u00b7", "::", "\u00bb", "\u2022")
#: :data:`_CANDIDATE` once per separator, found from the separator (a literal ``re`` finds
#: fast) rather than from the space before it (a scan stopping at every space)
_CANDIDATES = tuple((sep[0], re.compile(re.escape(sep) + r"(?<=[ \t]" + re.escape(sep) + r")[ \t]+"
                                        r"[A-Z0-9][^\n|.!?\"\u201d]{0,39}$", re.M))
                    for sep in _SEPARATORS)


def suffix_lines(doc) -> list[int]:
    """The lines of ``doc`` where :data:`_CANDIDATE` matches, in order: a separator's pattern
    runs only when the text holds its first character.

    >>> from linter.core.document import Document
    >>> suffix_lines(Document.from_text("a - B\\nx-Y\\nc :: D\\nno | dot.\\ne \\u2013 F\\n"))
    [0, 2, 4]
    """
    text, found = doc.text, set()
    for first, rx in _CANDIDATES:
        if first in text:
            found.update(map(doc.line_index, map(re.Match.start, rx.finditer(text))))
    return sorted(found)


#: `` | ``, `` - `` and `` \u2013 ``, each found from its separator (a literal ``re`` skips to it)
_SPACED = tuple(re.compile(re.escape(sep) + "(?<= " + re.escape(sep) + ")(?= )") for sep in "|-\u2013")


def spaced_separator(text: str) -> bool:
    """Whether ``text`` holds `` | ``, `` - `` or `` \u2013 ``, each found by a search for the
    separator character (``str.find`` of a string starting with a space stops at every space).

    >>> spaced_separator("a-b c |d"), spaced_separator("x \u2013 y"), spaced_separator("a - b")
    (False, True, True)
    """
    return any(sep in text and rx.search(text) is not None for sep, rx in zip("|-\u2013", _SPACED))


def site_like(suffix: str) -> bool:
    """Whether ``suffix`` is shaped like a site name: 1-4 capitalised words, or a domain.

    >>> site_like("Wbactive"), site_like("TMZ.com"), site_like("The Seattle Times")
    (True, True, True)
    >>> site_like("what we know so far"), site_like("2015"), site_like("and then it rained.")
    (False, False, False)
    """
    s = suffix.strip()
    if not s or len(s) > 40:
        return False
    if _DOMAIN.fullmatch(s):
        return True
    if s[-1] in ".!?,;:" or any(ch in s for ch in ":\"\u201c\u201d"):
        return False
    words = s.split()
    if len(words) > 4 or not any(ch.isalpha() for ch in s):
        return False
    small = {"of", "the", "and", "for", "on", "in", "at", "de", "la", "le", "&", "en", "du"}
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in small for w in words) \
        and words[0][0].isupper()


def split_title(line: str) -> tuple[int, str, str] | None:
    """(offset of the separator, separator, suffix) of the last ``head SEP suffix`` split.

    >>> split_title("Blinken denies the missile incident shows cracks | Wbactive")
    (48, '|', 'Wbactive')
    >>> split_title("No separator here") is None
    True
    """
    # (both patterns start at every space: a line without their characters skips them)
    m = _BRACKET.search(line) if "]" in line else None
    if m and "[" not in line[:m.start()]:
        return m.start(), "[]", m.group(1)
    last = None
    if any(ch in line for ch in _SEP_CHARS):
        for last in _SEP.finditer(line):
            pass
    if last is None:
        return None
    return last.start(), last.group(1), line[last.end():].rstrip()


def _title_split(doc):
    """(line index, offset, separator, suffix) of the title line's suffix, or None."""
    lines = doc.lines
    i = next((k for k, line in enumerate(lines) if line.strip()), None)
    if i is None or len(lines[i]) > MAX_TITLE:
        return None
    body = _HEADING.sub("", lines[i])
    split = split_title(body)
    if split is None:
        return None
    off, sep, suffix = split
    off += len(lines[i]) - len(body)
    if not _headline_ok(lines[i][:off], suffix) or len(suffix.split()) > 5:
        return None
    return i, off, sep, suffix


def _headline_ok(head: str, suffix: str) -> bool:
    """A headline before the suffix: 3 to 30 words, longer than the suffix.

    >>> _headline_ok("Blinken denies the missile incident", "Wbactive"), _headline_ok("A B", "Site")
    (True, False)
    """
    words = head.split()
    return 3 <= len(words) <= 30 and len(head) > len(suffix)


class TitleSiteSuffix(Rule):
    """The site name after the headline on a page title line (``Headline | Site``).

    What it does:
        Looks at the title line (the first non-blank line) for a site name after a
        separator: ``Headline | Site``, ``Headline - Site``, ``Headline – Site``,
        ``Headline [Site]``. Also flags the same site-shaped suffix repeated on several
        lines of a file (a list of page titles), and, with ``title-suffix-scope =
        "corpus"`` under ``[tool.texthygiene.debris]``, a suffix that ends the title line of
        three or more files of the run (or of the git tree with ``title-suffix-corpus =
        "git"``). Only the suffix is removed: the headline stays.

    Why is this bad?
        Extractors take the HTML ``<title>``, which sites end with their own name; the
        suffix is not part of the headline.

    Example:
        ```text
        Obama admits US gun laws are his 'biggest frustration' - BBC News
        ```
        becomes ``Obama admits US gun laws are his 'biggest frustration'``.

    Fix safety:
        Safe when the suffix is a site known to the debris packs (``[[site]]`` entries),
        and when a site-shaped suffix (one to four capitalised words or a domain) follows
        `` | `` on the title line: a pipe is a title separator, never punctuation of prose
        (set ``guessed-pipe-fix = "unsafe"`` to change that). A guessed site after a dash
        (``Brexit - The Final Countdown``) and repeated suffixes are unsafe.
    """

    code = "D106"
    name = "title-site-suffix"
    summary = "Site name suffix on the title line ('Headline | Site')"
    fix_safety = "sometimes"
    section = "debris"
    corpus_aware = True
    options = (
        Option("guessed-pipe-fix", str, "safe",
               "fix applicability for an unknown site-shaped suffix after ' | ' on the title "
               "line", choices=("safe", "unsafe")),
        Option("title-suffix-scope", str, "file",
               "\"corpus\": also flag a title suffix that ends the title line of several "
               "files of the corpus", choices=("file", "corpus")),
        Option("title-suffix-corpus", str, "run",
               "with title-suffix-scope = \"corpus\": the files of the run, or every prose "
               "file tracked by git", choices=("run", "git")),
    )
    #: files whose title line must end with the same suffix to make it a site name
    MIN_FILES = 3

    # -- corpus scope ---------------------------------------------------------------------
    def corpus_enabled(self, ctx):
        if ctx.option("debris", "title-suffix-scope", "file") != "corpus":
            return False
        return ctx.option("debris", "title-suffix-corpus", "run") or "run"

    def collect(self, doc, ctx):
        """The suffix of this file's title line (``None`` when it has none)."""
        found = _title_split(doc)
        return found[3] if found else None

    def merge(self, parts):
        """suffix -> number of files whose title line ends with it.

        >>> TitleSiteSuffix().merge(["Wbactive", None, "Wbactive", "Daily Courier"])
        {'Wbactive': 2, 'Daily Courier': 1}
        """
        return dict(Counter(p for p in parts if p))

    def check(self, doc, ctx):
        lines = doc.lines
        title = next((i for i, line in enumerate(lines) if line.strip()), None)
        if title is None:
            return
        m = packs.matcher(ctx)
        pipe_safe = ctx.option("debris", "guessed-pipe-fix", "safe") == "safe"
        done = False
        line = lines[title]
        code = packs.code_lines(doc)
        if len(line) <= MAX_TITLE and title not in code:
            f = self._title(doc, title, line, m, pipe_safe, ctx)
            if f is not None:
                done = True
                yield f
        yield from self._repeated(doc, m, skip=title if done else -1, code=code)

    def _title(self, doc, i, line, m, pipe_safe, ctx):
        body = _HEADING.sub("", line)
        split = split_title(body)
        if split is None:
            return None
        off, sep, suffix = split
        off += len(line) - len(body)
        head = line[:off]
        if not _headline_ok(head, suffix):
            return None
        site = m.site(suffix)
        start = doc.line_starts[i] + off
        end = doc.line_starts[i] + len(line)
        edit = Edit(start, end, "")
        shown = f"[{suffix}]" if sep == "[]" else f"{sep} {suffix}"
        if site is not None:
            return self.finding(start, end, f"site name {shown!r} after the headline",
                                Fix.safe("Remove the site suffix", edit))
        files = 0
        if self.corpus_enabled(ctx):
            files = (ctx.corpus.get(self.code) or {}).get(suffix, 0)
        if files >= self.MIN_FILES and not (sep == "|" and pipe_safe and site_like(suffix)):
            return self.finding(start, end, f"{shown!r} ends the title of {files} files: a site name",
                                Fix.unsafe("Remove the site suffix", edit))
        if not site_like(suffix):
            return None
        if sep == "|" and pipe_safe:
            fix = Fix.safe("Remove the site suffix", edit)
        else:
            fix = Fix.unsafe("Remove the site suffix", edit)
        return self.finding(start, end, f"likely site name {shown!r} after the headline", fix)

    def _repeated(self, doc, m, skip, code=frozenset()):
        """Site-shaped suffixes that end several lines of one file (a list of page titles)."""
        text = doc.text
        # (a third of news pages hold no spaced separator; a suffix is reported when it
        # ends two lines or more)
        if not spaced_separator(text):
            return
        candidates = suffix_lines(doc)
        if len(candidates) < 2:
            return
        found = []
        lines = doc.lines
        for i in candidates:
            line = lines[i]
            if i == skip or len(line) > MAX_TITLE or i in code:
                continue
            split = split_title(line)
            if split is None or split[1] == "[]":
                continue
            off, sep, suffix = split
            if _headline_ok(line[:off], suffix) and site_like(suffix):
                found.append((i, off, sep, suffix))
        counts = Counter(s for *_, s in found)
        for i, off, sep, suffix in found:
            if counts[suffix] < 2:
                continue
            start = doc.line_starts[i] + off
            end = doc.line_starts[i] + len(doc.lines[i])
            yield self.finding(start, end, f"site name {sep} {suffix!r} repeated after "
                               f"{counts[suffix]} titles",
                               Fix.unsafe("Remove the site suffix", Edit(start, end, "")))
