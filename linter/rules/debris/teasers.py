"""Links to other stories that extraction left inside the article: teasers and slideshows."""

from __future__ import annotations

from linter.core.lazy import re  # compiled on first use
from bisect import bisect_right
from typing import Iterable

from linter.core.lazy import regex  # compiled on first use

from linter.core.document import Document
from linter.core.findings import Finding
from linter.core.rule import Context, Option, Rule
from linter.rules.debris.bylines import DATE
from linter.rules.debris.captions import is_caption_label
from linter.rules.debris.layout import (
    CLOSERS, TERMINAL, Layout, clip, ends_sentence, is_list_item, is_prose, line_range_finding, opens_paragraph,
    pack_chrome, width,
)
from linter.rules.debris.structscan import line_gates

SENTENCE_SPLIT = regex.compile(r"(?<=[.!?])\s+(?=\p{Lu})")
# lines that end open (a wrapped paragraph continues) or introduce something
OPEN_END = regex.compile(r"(?:[,;:\-–—(/&]|\b(?:and|or|but|the|a|an|of|to|in|for|with|on|at|by|from|as|that))$",
                         regex.I)


QUOTES = "\"“”«»"
_QUOTED = re.compile(f"[{QUOTES}]")


def teaser_shape(text: str, min_words: int = 6, max_words: int = 18) -> bool:
    """Whether ``text`` is shaped like a story headline.

    A headline is a single line of ``min_words``..``max_words`` words, starting with a
    capital, not ending open (comma, conjunction, article) and either without terminal
    punctuation or made of two or more short clipped sentences ("X happened, NATO says.
    But fear remains.").

    >>> teaser_shape("Biden disputes Zelensky claims on Poland missile")
    True
    >>> teaser_shape("Missile in Poland was accident, NATO says. But spillover fear remains.")
    True
    >>> teaser_shape("Battlefield pressures"), teaser_shape("Proof: By definition of the Hermitian matrix")
    (False, False)
    >>> teaser_shape("Russia and Iran deny Blinken's allegations.")
    False
    >>> teaser_shape("Posted by Jane Doe at 10:42 AM"), teaser_shape("Jan 19, 2022 · Writer's picture Jane Doe")
    (False, False)
    """
    s = text.strip()
    ws = s.split()
    if not (min_words <= len(ws) <= max_words) or width(s) > 130:
        return False
    if not s[:1].isupper() or s.endswith(("¶", " #")) or any(q in s for q in QUOTES):
        return False
    # (the cheapest tests first, the costliest last: not Title Case, no byline or date opening)
    if not ends_sentence(s):
        # not "(...)" or "[...]" notes, no open end (a sentence end is not one; read on the
        # last six characters, which hold any of its words with the character before it),
        # not sentences cut off, not "Proof: ..." labels
        return (not s.endswith(("?", ")", "]")) and not OPEN_END.search(s[-6:]) and not title_case(s)
                and len(SENTENCE_SPLIT.split(s)) == 1 and not ONE_WORD_LABEL.match(s) and headline_voice(s)
                and not BYLINE_START.match(s))
    # "Missile in Poland was accident, NATO says. But spillover fear remains." (the words
    # ATTRIBUTION looks for, tested first as plain strings)
    if not s.endswith(".") or not _may_attribute(s) or title_case(s):
        return False
    sentences = SENTENCE_SPLIT.split(s)
    return (len(sentences) >= 2 and all(len(x.split()) <= 8 for x in sentences)
            and ATTRIBUTION.search(sentences[0]) is not None and not BYLINE_START.match(s))


def _may_attribute(s: str) -> bool:
    """What :data:`ATTRIBUTION` needs in ``s``: a comma and one of its verbs (as written).

    >>> _may_attribute("Missile was accident, NATO says."), _may_attribute("Storm hits the harbour.")
    (True, False)
    """
    return "," in s and ("say" in s or "said" in s or "report" in s or "warn" in s)


# words that lean on the surrounding article or talk to the reader: a subhead's, not a headline's
SUBHEAD_WORDS = regex.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|us|(?i:we|we['’](?:re|ve|d|ll)|our|my|me|this|these|those|them"
                              r"|here['’]s|it['’]s|there['’]s))\b")
SUBHEAD_START = regex.compile(r"^(?:but|and|so|or|yet|still|no|yes|now|then|also|plus)\b", regex.I)
# a capitalised word or an acronym after the first word, not opening a clause ("NATO", "U.S.", "Zelensky")
NAME_WORD = regex.compile(r"(?<![:.!?]\s)(?<=\s)(?:\p{Lu}\p{L}|\p{Lu}\.\p{Lu})")


def headline_voice(text: str) -> bool:
    """Whether a headline-shaped line reads as the headline of another story, not as a subhead.

    A teaser must make sense out of context, so it names who or what it is about (a
    capitalised name or an acronym after its first word) and does not lean on the
    article around it ("this issue", "them", "It's easiest...", "But ...") or speak in
    the first person ("We don't know what we don't know"), as subheads do.

    >>> headline_voice("Biden disputes Zelensky claims on Poland missile")
    True
    >>> headline_voice("Rock salt on icy streets can cause mayhem below them")
    False
    >>> headline_voice("Interest costs make it harder for the government to do other things")
    False
    >>> headline_voice("But Washington doesn't want to hear about the potential problems")
    False
    """
    return (NAME_WORD.search(text) is not None and SUBHEAD_WORDS.search(text) is None
            and SUBHEAD_START.match(text) is None)


ONE_WORD_LABEL = regex.compile(r"^\w+:\s")
BYLINE_START = regex.compile(rf"^(?:(?:posted\s+|written\s+)?(?:by|par|por|von|di|door)\s+(?-i:\p{{Lu}})|{DATE})", regex.I)
# the headline way of quoting a source: "..., NATO says." / "..., says NATO."
ATTRIBUTION = regex.compile(r",\s+(?:(?:\S+\s+){0,3}(?:says|say|said|reports?|warns?)|(?:says|said)(?:\s+\S+){1,3})\.$")


def title_case(text: str) -> bool:
    """Whether most words after the first are capitalised (a Title Case heading).

    >>> title_case("Make a List of Everything You Own and Do Some Decluttering")
    True
    >>> title_case("Biden disputes Zelensky claims on Poland missile")
    False
    """
    ws = [w for w in text.split()[1:] if len(w) >= 4 and w[:1].isalpha()]
    return len(ws) >= 2 and sum(1 for w in ws if w[:1].isupper()) * 2 > len(ws)


# "Related: ...", "READ MORE: ...", "Lire aussi : ...": a teaser that says so
TEASER_WORDS = (r"(?:related(?:\s+(?:story|article|coverage|content))?|read\s+(?:more|also|next)|see\s+also|more|also\s+read"
                r"|watch|listen|lire\s+aussi|à\s+lire\s+aussi|lesen\s+sie\s+auch|mehr\s+zum\s+thema|leia\s+também"
                r"|veja\s+também|lea\s+también|leggi\s+anche)")
TEASER_LABEL = regex.compile(rf"^(?:[-•*]\s+)?{TEASER_WORDS}\s*[:：]\s+(?=\S)", regex.I)
# (scanned with the other line gates by structscan.line_gates: its opening words are in START_WORDS)
TEASER_LABEL_GATE = re.compile(rf"\n[ \t]*(?:[-•*][ \t]+)?{TEASER_WORDS}[ \t]*[:：][ \t]", re.I)


def labelled_teaser(text: str) -> bool:
    """Whether ``text`` is a teaser that says so: a label, then a headline.

    >>> labelled_teaser("Related: Chicago is America's most segregated city")
    True
    >>> labelled_teaser("READ MORE: Council sells the library"), labelled_teaser("Watch: Storm hits the harbour")
    (True, True)
    >>> labelled_teaser("More: the council said it would decide on Friday, and then it did, over a long evening.")
    False
    """
    s = text.strip()
    m = TEASER_LABEL.match(s)
    if not m:
        return False
    rest = s[m.end():]
    ws = rest.split()
    return (2 <= len(ws) <= 20 and width(rest) <= 150 and opens_paragraph(rest) and not rest.endswith((":", ","))
            and not is_prose(rest))


def short_subhead(text: str) -> bool:
    """A subhead of one to five words: no sentence, no list item, no label ("Privilege").

    >>> short_subhead("Battlefield pressures"), short_subhead("Why?"), short_subhead("Photo: AP")
    (True, False, False)
    """
    s = text.strip()
    return 0 < len(s.split()) <= 5 and not ends_sentence(s) and not s.endswith((":", ",")) and ": " not in s


class RelatedTeaser(Rule):
    """What it does
    Flags a related-story teaser inside the article body: a single line shaped like a
    headline (6 to 18 words, no closing punctuation, or two clipped headline sentences)
    that stands alone between two prose paragraphs.

    Why is this bad?
    News sites put links to other stories between paragraphs ("Biden disputes Zelensky
    claims on Poland missile"). Extraction keeps their text, which then interrupts the
    article as if it were a sentence of it.

    A subhead also stands alone between paragraphs; what sets a teaser apart is its shape
    and its voice. Subheads are short noun phrases ("Battlefield pressures", 1 to 5 words)
    or questions; teasers are full headlines of six words or more. A teaser must make sense
    out of context, so it names someone or something (a capitalised name or an acronym
    after its first word) and neither leans on the article ("this issue", "them", "But
    ...") nor speaks in the first person, as sentence-shaped subheads do. In an article
    sectioned by two or more short subheads, headline-shaped lines are taken for subheads
    too. Lines in the page head (before the first paragraph) or after the last paragraph
    are left to other rules. A teaser that says so ("Related: ...", "READ MORE: ...",
    "Watch: ...", "Lire aussi : ...") counts anywhere after the first paragraph.

    Example
    ```text
    ...killing two people.

    Missile in Poland was accident, NATO says. But spillover fear remains.

    Zelensky has waffled on his claim...
    ```

    Fix safety
    Unsafe: a long subhead ("Five things we learned from the interview") has the same
    shape; review before deleting.
    """

    code = "D220"
    name = "related-teaser"
    summary = "Related-story teaser line between paragraphs"
    fix_safety = "unsafe"
    section = "debris"
    options = (
        Option("teaser-min-words", int, 6, "fewest words a related-story teaser line has (shorter lines are subheads)"),
    )

    #: this many short subheads ("Privilege", "Kenya trip") between paragraphs mark a sectioned
    #: article, whose headline-shaped lines are subheads as well (labelled teasers still count)
    MAX_SHORT_SUBHEADS = 2

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        min_words = ctx.option(self.section, "teaser-min-words", 6)
        said = line_gates(doc)["teaser_label"]
        if not said and not may_hold_teaser(doc, min_words):
            return  # no labelled teaser and no headline-shaped line between prose lines
        layout = Layout.of(doc)
        lines = doc.lines
        if len(layout.prose) < 2:
            return
        # a teaser that says so ("Related: ...") anywhere after the first paragraph
        teasers = [(i, True) for i in said if i > layout.body_start and labelled_teaser(lines[i])]
        labelled = {i for i, _ in teasers}
        # else a teaser is the one line between two prose lines
        nb, rank, prose = layout.nonblank, layout.rank, layout.prose
        prose_set = set(prose)
        subheads = 0
        for a in prose:
            k = rank[a]
            if k + 2 >= len(nb) or nb[k + 2] not in prose_set:
                continue
            i = nb[k + 1]
            s = lines[i]
            if len(s) > 131 and len(s.strip()) > 130 and len(s.split(None, 5)) > 5:
                continue  # too wide for a teaser (width >= length), too many words for a short subhead
            if i in labelled or s[:1] in " \t|" or is_list_item(s) or not layout.stands_alone(i):
                continue
            shaped = teaser_shape(s, min_words)
            if not shaped and not short_subhead(s) or is_caption_label(s):
                continue
            if shaped:
                teasers.append((i, False))
            else:
                subheads += 1
        if not teasers:
            return
        chrome = pack_chrome(doc, ctx)
        boxed = boxes_start(doc, layout, ctx)
        for i, said in sorted(teasers):
            # an article sectioned by short subheads has its longer subheads too
            if (said or subheads < self.MAX_SHORT_SUBHEADS) and i not in chrome and i < boxed:
                yield line_range_finding(self, doc, i, i,
                                         f"Related-story teaser inside the article: {clip(lines[i].strip(), 70)!r}")


# a line that may be a related-story teaser, followed by a line that may be prose (a
# superset, read without laying out the page): a line opening with a capital (or a character
# ``re`` cannot class) that is 130 characters long at most before the spaces ending it, or
# one opening with an odd space; that ends open (no sentence end, no quote, no comma...) or
# on a full stop (two clipped sentences); then, after blank lines, a line of 110 characters
# or more or one closing on a sentence end or a closer. (``(?=(X))\1`` takes X whole, with
# no way back into it: a long line costs a step per character, not one per way to cut it.)
_CLOSES = re.escape(TERMINAL + CLOSERS)
_TEASER_LINES: dict = {}


def teaser_lines(min_words: int):
    r"""The pattern of :func:`may_hold_teaser`: a match is the newline before a line that
    may be a teaser of ``min_words`` words or more, and the line up to its end.

    >>> [m.group()[1:] for m in teaser_lines(6).finditer(
    ...     "A paragraph.\nBiden disputes Zelensky claims on Poland missile\nThe end.\n")]
    ['Biden disputes Zelensky claims on Poland missile']
    """
    rx = _TEASER_LINES.get(min_words)
    if rx is None:
        least = max(2 * min_words - 1, 1)  # the characters that many words take
        rx = _TEASER_LINES[min_words] = re.compile(
            r"\n(?=[A-Z\x0b\x0c\r\x1c-\x1f\x80-\U0010ffff])"
            rf"(?:(?=([^\n]{{{least},130}}))\1[^\S\n]*|(?=\s)[^\n]*)"
            r"(?<![!?…。！？)\],;:\-–—(/&\"“”«»])"
            rf"(?=\n(?:[^\S\n]*\n)*(?:[^\n]{{110}}|[^\n]*[{_CLOSES}][^\S\n]*(?:\n|\Z)))")
    return rx


def may_hold_teaser(doc: Document, min_words: int) -> bool:
    """Whether some line of ``doc`` may be a related-story teaser: shaped like a headline
    (:func:`teaser_shape`) between two prose lines. One C scan finds the few lines that
    can be (:func:`teaser_lines`); each is then checked in full.

    >>> may_hold_teaser(Document.from_text(
    ...     "The talks went on until late at night, and the allies agreed on the next steps.\\n"
    ...     "Biden disputes Zelensky claims on Poland missile\\n"
    ...     "The president said on Tuesday that the missile was probably not fired by Russia.\\n"), 6)
    True
    """
    text = doc.text
    quoted = _QUOTED.search
    for m in teaser_lines(min_words).finditer(text):
        t = m.group().strip()  # the line (no space or tab opens it), stripped
        if len(t) > 130 or not t[:1].isupper() or quoted(t):
            continue  # what teaser_shape rules out, tested cheaply first
        ws = t.split()
        if min_words <= len(ws) <= 18 and _may_read_as_headline(t, ws):
            i = bisect_right(doc.line_starts, m.end()) - 1
            if _between_prose(doc.lines, i) and teaser_shape(t, min_words):
                return True
    return False


def _may_read_as_headline(t: str, ws: list[str]) -> bool:
    """Cheap tests :func:`teaser_shape` needs to pass on the stripped line ``t`` (words ``ws``):
    a sentence end only as two clipped sentences with an attribution (a full stop, a comma);
    else no open end and a capitalised word after the first (see :func:`headline_voice`)."""
    if ends_sentence(t):
        return t.endswith(".") and "," in t
    return (t[-1] not in ",;:-–—(/&" and not t.endswith(("?", ")", "]", "¶", " #"))
            and any(map(opens_capital, ws[1:])))


#: a capital as NAME_WORD reads one (``regex``'s Unicode tables can be newer than ``str``'s)
_CAPITAL = regex.compile(r"\p{Lu}")


def opens_capital(w: str) -> bool:
    """Whether ``w`` opens with a capital, as ``str.isupper`` or ``regex``'s ``\\p{Lu}`` takes it.

    >>> opens_capital("Zelensky"), opens_capital("\ua7cbelensky"), opens_capital("claims")
    (True, True, False)
    """
    c = w[:1]
    return c.isupper() or (c > "\x7f" and _CAPITAL.match(c) is not None)


def _between_prose(lines: list[str], i: int) -> bool:
    """Whether the non-blank lines before and after line ``i`` both read as prose."""
    p = i - 1
    while p >= 0 and not lines[p].strip():
        p -= 1
    if p < 0 or not is_prose(lines[p]):
        return False
    n = i + 1
    while n < len(lines) and not lines[n].strip():
        n += 1
    return n < len(lines) and is_prose(lines[n])


def boxes_start(doc: Document, layout: Layout, ctx: Context) -> int:
    """Where the boxes of other stories that D230 or D231 report (when they run) start: the
    teasers in them are theirs. The number of lines when there is none."""
    from linter.rules.debris.promo import promo_box, tail_box_start

    start = len(doc.lines)
    if "D230" in ctx.selected:
        i = tail_box_start(doc, layout)
        start = i if i >= 0 else start
    if "D231" in ctx.selected:
        i = promo_box(doc, layout)[0]
        start = min(start, i) if i >= 0 else start
    return start


# "1/50 Caption...", "- 12/50 ...", "Slide 3 of 12", "1 of 5"
SLIDE = regex.compile(r"^(?:[-*•]\s+)?(?:(?:slide|image|photo|picture|bild|foto)\s+)?(\d{1,3})\s*(?:/|of|von|de|sur)\s*(\d{1,3})\b",
                      regex.I)


# (scanned with the other line gates by structscan.line_gates: its opening words are in START_WORDS)
SLIDE_GATE = re.compile(r"\n[ \t]*(?:[-*•][ \t]+)?(?:(?:slide|image|photo|picture|bild|foto)[ \t]+)?\d{1,3}[ \t]*(?:/|of|von|de|sur)",
                        re.I)


class SlideshowItems(Rule):
    """What it does
    Flags the items of a slideshow or photo gallery kept by extraction: lines numbered
    "1/50 ...", "2/50 ...", "Slide 3 of 12" that count up against the same total.

    Why is this bad?
    A gallery of other stories' pictures, with their captions, is not the article.

    Example
    ```text
    - 1/50 United goin down Manchester United's absence from the Champions League...
    - 2/50 Star Wars boosts economy Production of the next Star Wars movie...
    ```

    Fix safety
    Unsafe: the lines are deleted; a numbered list in the text written as "1/3 ..." would go.
    """

    code = "D221"
    name = "slideshow-items"
    summary = "Numbered slideshow or gallery items (1/50, 2/50, ...)"
    fix_safety = "unsafe"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        candidates = line_gates(doc)["slide"]
        if not candidates:
            return
        layout = Layout.of(doc)
        lines = doc.lines
        hits: list[tuple[int, int, int]] = []
        for i in candidates:
            m = SLIDE.match(lines[i].strip())
            if m:
                k, total = int(m.group(1)), int(m.group(2))
                if 0 < k <= total:
                    hits.append((i, k, total))
        by_total: dict[int, set[int]] = {}
        for _, k, total in hits:
            by_total.setdefault(total, set()).add(k)
        galleries = {t for t, ks in by_total.items() if t >= 3 and _longest_run(ks) >= 3}
        firsts = {}
        for i, k, total in hits:
            if total in galleries and total not in firsts:
                firsts[total] = i
        for i in sorted(firsts.values()):
            # the gallery's own heading ("Business news in pictures") just above it
            j, taken = layout.prev(i), 0
            while j >= 0 and taken < 2 and layout.is_heading_like(j, 6) and not is_list_item(lines[j]):
                yield line_range_finding(self, doc, j, j, f"Heading of a slideshow: {clip(lines[j].strip(), 60)!r}")
                j, taken = layout.prev(j), taken + 1
        for i, k, total in hits:
            s = lines[i].strip()
            # three numbers in a row of one gallery, or a lone "1 of 5" pager line
            if total in galleries or PAGER.match(s):
                yield line_range_finding(self, doc, i, i, f"Slideshow item {k}/{total}: {clip(s, 60)!r}")


PAGER = regex.compile(r"^(?:[-*•]\s+)?\d{1,3}\s+(?:of|von|de|sur)\s+\d{1,3}$", regex.I)


def _longest_run(numbers: set[int]) -> int:
    """Length of the longest run of consecutive integers.

    >>> _longest_run({1, 2, 3, 7}), _longest_run({1, 3})
    (3, 1)
    """
    best = 0
    for n in numbers:
        if n - 1 not in numbers:
            k = n
            while k + 1 in numbers:
                k += 1
            best = max(best, k - n + 1)
    return best


READ_MORE = regex.compile(r"^(?:read\s+more|read\s+the\s+full\s+(?:story|article)|continue\s+reading|keep\s+reading|"
                          r"weiterlesen|mehr\s+lesen|lire\s+la\s+suite|leer\s+más|leia\s+mais|continua\s+a\s+leggere|"
                          r"阅读全文|查看全文|続きを読む|더\s*보기)\s*[:»›>….]*$", regex.I)
ELLIPSIS_END = ("…", "...")
ELLIPSIS_GATE = re.compile(r"(?:…|\.\.\.)[ \t]*\n")


class TeaserCard(Rule):
    """What it does
    Flags the card of another story kept inside the text: a summary cut off with an
    ellipsis ("This article is a continuation of ...'s epic telling of the story…"),
    the headline above it and the "Read more" under it; and a Title Case headline cut off
    with an ellipsis standing alone between paragraphs ("Friday's Best Deals: Children's
    Books, Circular Lamp, Memory Foam...").

    Why is this bad?
    A truncated summary is a link to another page; it reads as a broken sentence here.

    Example
    ```text
    The Spectacular Story Of Metroid, Part 2
    This article is a continuation of Mama Robotnik's epic telling of the story…
    Read more
    ```

    Fix safety
    Unsafe: the card's lines are deleted.
    """

    code = "D222"
    name = "teaser-card"
    summary = "Card of another story: headline, truncated summary, \"Read more\""
    fix_safety = "unsafe"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        candidates = line_gates(doc)["ellipsis"]
        if not candidates:
            return
        lines = doc.lines
        layout = None  # laid out for the first line that needs it (most cut lines are prose)
        done: set[int] = set()
        for i in candidates:
            s = lines[i].strip()
            if i in done or not s.endswith(ELLIPSIS_END) or len(s) > 300:
                continue
            n = _next_nonblank(lines, i)
            if n >= 0 and READ_MORE.match(lines[n].strip()):
                layout = layout or Layout.of(doc)
                p = layout.prev(i)
                # a card has its headline above the summary; a paragraph cut short alone may be the article's
                if p < 0 or not layout.is_heading_like(p, 15) or is_list_item(lines[p]) or len(s.split()) > 50:
                    continue
                first, last = p, n
                done.update(range(first, last + 1))
                yield line_range_finding(self, doc, first, last, f"Card of another story: {clip(lines[first].strip(), 60)!r}")
            elif title_case(s) and len(s.split()) <= 15:
                layout = layout or Layout.of(doc)
                if (layout.body_start < i < layout.body_end and layout.stands_alone(i)
                        and is_prose(lines[layout.prev(i)])):
                    yield line_range_finding(self, doc, i, i, f"Truncated headline of another story: {clip(s, 60)!r}")


def _next_nonblank(lines: list[str], i: int) -> int:
    """Index of the non-blank line after line ``i`` (what ``Layout.next`` gives), or -1.

    >>> _next_nonblank(["a", " ", "b"], 0), _next_nonblank(["a", ""], 0)
    (2, -1)
    """
    for k in range(i + 1, len(lines)):
        if lines[k].strip():
            return k
    return -1
