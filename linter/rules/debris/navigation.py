"""Site navigation kept in the text: menu rows, breadcrumbs, tag lists."""

from __future__ import annotations

from linter.core.lazy import re  # compiled on first use
from bisect import bisect_right
from typing import Iterable

from linter.core.lazy import regex  # compiled on first use

from linter.core.document import Document
from linter.core.findings import Finding
from linter.core.rule import Context, Rule
from linter.rules.debris.layout import (
    Layout, clip, ends_sentence, last_nonblank, line_range_finding, lines_containing, pack_chrome, width,
)
from linter.rules.debris.structscan import inline_marks, line_gates

# separators of menu items and breadcrumbs, with the spaces around them
SEPARATOR = regex.compile(r"\s+(?:\||•|·|»|›|>|/|::|→|–|—)\s+|\s*(?:>>|»|›)\s*$")
# separators a menu row holds (dashes are left out: prose is full of them)
NAV_SEPARATORS = (" | ", " •", " · ", "»", "›", " > ", " / ", " :: ", " → ", ">>", "\t|", "|\t")
TABLE_CELLS = regex.compile(r"\s*\|\s*")
# two separators of :data:`SEPARATOR` (a row of three items holds two; ``re``'s ``\s`` takes
# in all that ``regex``'s does): a C test before the split
_SEP = r"(?:\s(?:\||•|·|»|›|>|/|::|→|–|—)\s|>>|»|›)"
MAY_ROW = re.compile(rf"{_SEP}.*?{_SEP}")
#: the separators of :data:`NAV_SEPARATORS` that :func:`inline_marks` does not find, by a
#: character each holds (looked up in the text, or for the rare ones in its runs of rare
#: characters, shared with the E rules): a pattern finding them from that character, which
#: ``re`` skips ahead to
_BY_KEY = {
    "|": re.compile(r"\|(?:(?<= \|)(?= )|(?<=\t\|)|(?=\t))"),  # " | ", "\t|", "|\t"
    ">": re.compile(r">(?:(?<= >)(?= )|(?=>))"),  # " > ", ">>"
    "•": re.compile(r"•(?<= •)"),
    "·": re.compile(r"·(?<= ·)(?= )"),
    "»": re.compile(r"»"),
    "›": re.compile(r"›"),
    "→": re.compile(r"→(?<= →)(?= )"),
}


def nav_candidates(doc: Document) -> list[int]:
    """The lines holding one of :data:`NAV_SEPARATORS`: " / " and " :: " from the marks the
    structural rules share (:func:`inline_marks`), the others by :func:`separator_lines`."""
    marks = inline_marks(doc)
    if marks is None:
        return lines_containing(doc, NAV_SEPARATORS)
    found = separator_lines(doc)
    lines = doc.lines
    marked = [i for needle, name in _MARKED.items() for i in marks[name] if needle in lines[i]]
    return sorted(set(found).union(marked)) if marked else found


#: separators found by :func:`inline_marks`
_MARKED = {" / ": "spaced_slash", " :: ": "double_colon"}


def separator_lines(doc: Document) -> list[int]:
    """The lines holding one of the :data:`NAV_SEPARATORS` but " / " and " :: ", in order:
    a scan from each character of :data:`_BY_KEY` that the text holds (most hold none).

    >>> separator_lines(Document.from_text("Home | News\\nA > B\\n1 / 2\\nMore »\\n"))
    [0, 1, 3]
    """
    from linter.rules.encoding.census import rare_of

    text = doc.text
    keys = [k for k in "|>" if k in text]
    rare = rare_of(doc)
    if rare:
        keys += [k for k in "•·»›→" if k in rare]
    found: list[int] = []
    starts = doc.line_starts
    for key in keys:
        search = _BY_KEY[key].search
        m = search(text)
        while m:
            i = bisect_right(starts, m.start()) - 1
            found.append(i)
            if i + 1 >= len(starts):
                break
            m = search(text, starts[i + 1])
    return sorted(set(found)) if len(keys) > 1 else found


def nav_items(line: str) -> list[str] | None:
    """The items of a navigation row, or None when ``line`` is not one.

    >>> nav_items("Home | News | Sport | Weather")
    ['Home', 'News', 'Sport', 'Weather']
    >>> nav_items("科技 > 要闻 > THE NEXT WEB > 正文")
    ['科技', '要闻', 'THE NEXT WEB', '正文']
    >>> nav_items("Prices rose 3% / year and wages 2% / year.") is None
    True
    """
    s = line.strip()
    if s.startswith("|") and s.endswith("|"):
        items = [c.strip() for c in TABLE_CELLS.split(s.strip("| ")) if c.strip()]
    else:
        items = [p.strip() for p in SEPARATOR.split(s) if p and p.strip()]
    if len(items) < 3:
        return None
    for item in items:
        if width(item) > 32 or len(item.split()) > 4 or ends_sentence(item) or item[:1].islower():
            return None
        if not any(ch.isalpha() for ch in item) or sum(ch.isdigit() for ch in item) > 2:
            return None
    return items


class NavigationRow(Rule):
    """What it does
    Flags rows of site navigation: three or more short items (at most four words each,
    none a sentence) joined by ``|``, ``•``, ``»``, ``›``, ``>``, ``/`` or set as the cells
    of one table row ("Home | News | Sport | Weather", "Tech > News > The Next Web > Article",
    "| Archives | Calendar | Subscribe | Write for us |").

    Why is this bad?
    Menus, breadcrumbs and footer link rows are the site, not the article.

    Example
    ```text
    | Weekly edition | Kernel | Security | Distributions | Contact Us | Search |
    ```

    Fix safety
    Unsafe: the line is deleted. A table whose first row is a header of short words looks
    the same, so table rows count only when no row next to them has numbers.
    """

    code = "D210"
    name = "navigation-row"
    summary = "Row of navigation links (menu, breadcrumb, footer links)"
    fix_safety = "unsafe"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        candidates = nav_candidates(doc)
        if not candidates:
            return
        lines = doc.lines
        for i in candidates:
            s = lines[i].strip()
            if not (s[:1] == "|" or MAY_ROW.search(s)) or width(s) > 200:
                continue  # not three items (nor the cells of a table row)
            items = nav_items(s)
            if not items:
                continue
            if s.startswith("|") and not self._menu_table_row(Layout.of(doc), i, len(items)):
                continue
            yield line_range_finding(self, doc, i, i, f"Navigation row of {len(items)} links: {clip(s, 60)!r}")

    @staticmethod
    def _menu_table_row(layout: Layout, i: int, n_items: int) -> bool:
        """A table row is a menu when it has 4+ cells, none empty, and no neighbouring row holds data."""
        lines = layout.lines
        cells = lines[i].strip().strip("|").split("|")
        if n_items < 4 or any(not c.strip() for c in cells):
            return False  # a data table leaves cells empty
        for j in (layout.prev(i), layout.next(i)):
            if j < 0:
                continue
            t = lines[j].strip()
            if t.startswith("|") and "-" in t and set(t) <= set("|-: "):
                return False  # a header row above a table rule
            if t.startswith("|") and any(ch.isdigit() for ch in t) and t.count("|") == lines[i].count("|"):
                return False  # a row of the same table with numbers in it
        return True


TAG_LINE = regex.compile(
    r"^(?:topics|tags|tagged(?:\s+with|\s+as)?|filed\s+under|categories|category|labels|keywords|related\s+topics|"
    r"more\s+on|schlagworte|schlagwörter|themen|étiquettes|mots-clés|etiquetas|temas|tags\s+relacionadas|标签|タグ)"
    r"\s*[:：]\s*(.+)$",
    regex.I,
)


TAG_ITEMS = regex.compile(r"\s*[,;|•·、，]\s*")
# (scanned with the other line gates by structscan.line_gates: its opening words are in START_WORDS)
TAG_GATE = re.compile(r"\n[ \t]*(?:[-•*][ \t]*)?(?:topics|tags|tagged|filed|categor|labels|keywords|related|more[ \t]+on|"
                      r"schlagw|themen|étiquettes|mots-clés|etiquetas|temas|标签|タグ)", re.I)


class TagList(Rule):
    """What it does
    Flags tag and category lines: "Topics: uber, libertarians, Sydney, Technology News",
    "Filed under: Politics, Europe", "Tags: ...", and after the article a "Topics" or
    "Tags" heading with its tags on the lines under it (short items, no sentences).

    Why is this bad?
    Taxonomy links are site metadata, not article prose.

    Example
    ```text
    Topics: uber, libertarians, Sydney, Editor's Picks, sharing economy, Technology News
    ```

    Fix safety
    Unsafe: the line is deleted.
    """

    code = "D211"
    name = "tag-list"
    summary = "Line of tags or categories"
    fix_safety = "unsafe"

    #: most items a tag block under a heading line holds
    MAX_BLOCK_ITEMS = 12

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        lines = doc.lines
        layout = None
        for i in line_gates(doc)["tag"]:
            s = lines[i].strip()
            if len(s) > 300:
                continue
            m = TAG_LINE.match(s.lstrip("-•* "))
            if not m:
                if TAG_HEADING.match(s):
                    layout = layout or Layout.of(doc)
                    last = self._block(layout, i, pack_chrome(doc, ctx))
                    if last > i:
                        yield line_range_finding(self, doc, i, last, f"Tag list: {s!r} and its {len(range(i, last))} "
                                                                     "item lines")
                continue
            items = [x.strip() for x in TAG_ITEMS.split(m.group(1)) if x.strip()]
            if (len(items) >= 2 and all(len(x.split()) <= 5 and not ends_sentence(x) for x in items)
                    and i not in pack_chrome(doc, ctx)):
                yield line_range_finding(self, doc, i, i, f"Tag list: {clip(s, 60)!r}")


    def _block(self, layout: Layout, i: int, chrome: frozenset) -> int:
        """The last line of the tag block under heading ``i`` after the article, or ``i``.

        The block runs to the end of the page (or to other site chrome) in short items of at
        most four words that are not sentences.
        """
        if layout.body_end < 0 or i <= layout.body_end:
            return i
        lines = layout.lines
        last, j, n = i, layout.next(i), 0
        while j >= 0 and n < self.MAX_BLOCK_ITEMS:
            t = lines[j].strip().lstrip("-•* ")
            if not (0 < len(t.split()) <= 4) or ends_sentence(t) or t.endswith((":", ",")) or j in chrome:
                break
            last, j, n = j, layout.next(j), n + 1
        return last if n else i


# "Topics", "Tags:", "Filed under" on a line of their own, the tags on the lines under it
TAG_HEADING = regex.compile(
    r"^(?:topics|tags|tagged(?:\s+with|\s+as)?|filed\s+under|categories|labels|keywords|related\s+topics|"
    r"schlagworte|schlagwörter|themen|étiquettes|mots-clés|etiquetas|temas|标签|タグ)\s*[:：]?$",
    regex.I,
)


class TrailingLinkList(Rule):
    """What it does
    Flags a list of short link-like items that ends the page straight after the last
    paragraph, with no heading or lead-in line of its own ("- Politics & Government",
    "- Arts & Entertainment", "- American flag").

    Why is this bad?
    An article's own lists are introduced ("The options are:", a subhead); a bare run of
    two-word items after the last paragraph is the page's tag cloud or link list.

    Example
    ```text
    ...the last paragraph of the article.
    - Politics & Government
    - Arts & Entertainment
    - American flag
    ```

    Fix safety
    Unsafe: the list is deleted.
    """

    code = "D212"
    name = "trailing-link-list"
    summary = "Bare list of short links ending the page after the last paragraph"
    fix_safety = "unsafe"

    MIN_ITEMS = 3

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        lines = doc.lines
        last = last_nonblank(lines, 1)
        if not last or lines[last[0]].lstrip()[0] not in "-*•·" or not _link_item(lines[last[0]]):
            return  # the page does not end in a list item: no list (and no layout needed)
        layout = Layout.of(doc)
        nb = layout.nonblank
        k = len(nb) - 1
        while k >= 0 and _link_item(lines[nb[k]]):
            k -= 1
        n_items = len(nb) - 1 - k
        if n_items < self.MIN_ITEMS or k < 0:
            return
        lead = lines[nb[k]].strip()
        # straight after a paragraph: no heading, no "...:" lead-in
        if not ends_sentence(lead) or width(lead) < 70:
            return
        yield line_range_finding(self, doc, nb[k + 1], nb[-1],
                                 f"List of {n_items} short links ending the page after the article")


LIST_MARK = regex.compile(r"^\s*(?:[-*•·]\s+)(.+)$")


def _link_item(line: str) -> bool:
    """A list item of at most four words, no sentence, no number.

    >>> _link_item("- Politics & Government"), _link_item("- Mix the flour and the salt."), _link_item("Home")
    (True, False, False)
    """
    m = LIST_MARK.match(line)
    if not m:
        return False
    item = m.group(1).strip()
    return (0 < len(item.split()) <= 4 and not ends_sentence(item) and not item.endswith((":", ","))
            and not any(ch.isdigit() for ch in item))


# a link that says where it goes: "More in Opinion ›", "Next Chapter →", "选择其他平台 >>"
ARROW_END = regex.compile(r"^(?P<label>[^«<=;{}()\[\]]*?\p{L}[^«<=;{}()\[\]]*?)\s*(?:>>|»|›|→|⟶|➔|➜|▸)$")
ARROW_GATE = re.compile(r"(?:>>|»|›|→|⟶|➔|➜|▸)[ \t]*\n")


def link_label(line: str) -> str | None:
    """The label of a link line ending in an arrow, or None.

    >>> link_label("More in Opinion ›"), link_label("选择其他平台 >>"), link_label("- Next Chapter →")
    ('More in Opinion', '选择其他平台', 'Next Chapter')
    >>> link_label("Les « boîtes noires »") is None, link_label("The vote was close. →") is None
    (True, True)
    """
    m = ARROW_END.match(line.strip().lstrip("-•* "))
    if not m:
        return None
    label = m.group("label").strip()
    if not label or len(label.split()) > 8 or width(label) > 60 or ends_sentence(label) or label.endswith((",", ":")):
        return None
    return label


class LinkLine(Rule):
    """What it does
    Flags a line that is one link ending in an arrow: "More in Opinion ›", "Next Chapter
    →", "View All Courses »", "选择其他平台 >>". The label is short (at most eight words)
    and is not a sentence.

    Why is this bad?
    The arrow is the mark of a link to another page (a section, the next chapter, a share
    dialog); extraction keeps its label as a line that reads as a stray heading.

    Example
    ```text
    ...the last paragraph of the article.
    More in Opinion ›
    ```

    Fix safety
    Unsafe: the line is deleted; a heading written with a closing arrow would go too.
    """

    code = "D213"
    name = "link-line"
    summary = "Line holding one link that ends in an arrow (More in Opinion ›)"
    fix_safety = "unsafe"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        candidates = line_gates(doc)["arrow"]  # ARROW_GATE's lines (the shared line scan)
        if not candidates:
            return
        lines = doc.lines
        chrome = pack_chrome(doc, ctx)
        for i in candidates:
            s = lines[i].strip()
            if s.startswith("|") or width(s) > 80 or i in chrome or link_label(s) is None:
                continue
            if nav_items(s) is not None:  # a row of links is D210's
                continue
            yield line_range_finding(self, doc, i, i, f"Link line: {clip(s, 60)!r}")
