"""What sites put after the article: recommendation boxes, promo boxes, calls to action."""

from __future__ import annotations

from linter.core.lazy import re  # compiled on first use
from typing import Iterable

from linter.core.lazy import regex  # compiled on first use

from linter.core.document import Document
from linter.core.findings import Finding, Fix
from linter.core.lineedit import delete_span_edit
from linter.core.rule import Context, Rule
from linter.rules.debris.layout import (
    Layout, candidate_lines, clip, ends_sentence, is_prose, last_nonblank, line_range_finding, lower_gate, lowered,
    pack_chrome, width,
)
from linter.rules.debris.structscan import line_gates
from linter.rules.debris.wordlists import leading_word
from linter.rules.debris.teasers import opens_capital

# Headings of the boxes of other stories that follow an article.
TAIL_HEADING = regex.compile(
    r"""^(?:[-*•#]+\s*)?(?:
        you\s+(?:might|may|will)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)
      | related(?:\s+(?:videos?|stories|articles|posts|content|coverage|links|reading|news|topics|galleries))?
      | more\s+(?:from|on|in|about|by)\s+.{1,40}
      | more\s+(?:stories|articles|news|videos|coverage)(?:\s+.{0,30})?
      | recommended(?:\s+(?:for\s+you|reading|stories|videos|articles))?
      | most\s+(?:popular|read|viewed|shared|emailed)(?:\s+.{0,20})?
      | trending(?:\s+(?:now|stories|articles))?
      | (?:editor'?s?|editors’)\s+picks
      | don['’]?t\s+miss | up\s+next | read\s+next | what\s+to\s+read\s+next | also\s+read
      | other\s+.{1,30}\s+(?:columns|stories|articles|posts)
      | latest\s+(?:news|stories|articles|videos|posts)
      | featured\s+(?:slide\s*shows?|videos?|stories|articles)
      | (?:from\s+)?around\s+the\s+web | sponsored(?:\s+(?:content|stories|links))? | promoted\s+stories
      | today\s+on\s+\S.{0,30} | in\s+case\s+you\s+missed\s+it | elsewhere\s+on\s+\S.{0,30}
      | lesen\s+sie\s+auch | mehr\s+zum\s+thema | das\s+könnte\s+sie\s+auch\s+interessieren
      | (?:à\s+)?lire\s+aussi | sur\s+le\s+même\s+sujet | leia\s+também | veja\s+também | lea\s+también
      | te\s+puede\s+interesar | noticias\s+relacionadas | articoli\s+correlati | leggi\s+anche
      | 相关阅读|相关新闻|相关文章|精彩推荐|精彩视频推荐|推荐阅读|热门推荐|関連記事|おすすめ記事|관련\s*기사
    )\s*[:：»›>…]*$""",
    regex.I | regex.X,
)


# (scanned with the other line gates by structscan.line_gates: its opening words are in START_WORDS)
TAIL_GATE = re.compile(
    r"\n[ \t]*(?:[-*•#]+[ \t]*)?(?:you|related|more|recommended|most|trending|editor|don|up|read|what|also|other|"
    r"latest|featured|from|around|sponsored|promoted|today|in[ \t]case|elsewhere|lesen|mehr|das|à|lire|sur|leia|veja|"
    r"lea|te[ \t]|noticias|articoli|leggi|相关|精彩|推荐|热门|関連|おすすめ|관련)",
    re.I,
)


class TailPromo(Rule):
    """What it does
    Flags a box of other stories after the article: a heading such as "You Might Also
    Like", "Related Videos", "More from <site>", "Most Read", "Other Opinion Columns",
    "Lesen Sie auch", "相关阅读" and, when it comes near the end of the page, everything
    after it. Earlier in the page only the heading line is flagged. A heading that is
    whole-line pack chrome is left to D101 when it runs (one finding per line).

    Why is this bad?
    Recommendation boxes hold headlines and summaries of other stories; kept after the
    article they read as more of it.

    Example
    ```text
    ...the last paragraph of the article.
    You Might Also Like
    Uber raises fares during Sydney siege
    ```

    Fix safety
    Unsafe: the box is deleted from its heading to the end of the page.
    """

    code = "D230"
    name = "tail-promo"
    summary = "Box of related or recommended stories after the article"
    fix_safety = "unsafe"

    #: a heading followed by less than this share of the page's text takes the rest with it
    MAX_SHARE_AFTER = 0.4

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        candidates = tail_headings(doc)
        if not candidates:
            return  # no heading line: no layout needed
        layout = Layout.of(doc)
        lines = doc.lines
        if not layout.prose:
            return
        for i in candidates:
            s = lines[i].strip()
            if i < layout.body_start:
                continue
            chrome = i in pack_chrome(doc, ctx)  # then D101 reports the heading itself
            if layout.share_after(i) <= self.MAX_SHARE_AFTER:
                last = layout.nonblank[-1]
                if chrome and i == last:
                    return
                yield line_range_finding(
                    self, doc, layout.next(i) if chrome else i, last,
                    f"Box of other stories after the article ({s!r} and what follows)",
                    "Delete the box to the end of the page", delete_from=i,
                )
                return
            if not chrome:
                yield line_range_finding(self, doc, i, i, f"Heading of a box of other stories: {s!r}")


def tail_box_start(doc: Document, layout: Layout) -> int:
    """The line where D230's box of other stories starts and runs to the end of the page, or -1."""
    for i in tail_headings(doc):
        if i >= layout.body_start and layout.share_after(i) <= TailPromo.MAX_SHARE_AFTER:
            return i
    return -1


def tail_headings(doc: Document) -> list[int]:
    """The lines of TAIL_GATE that are headings of boxes of other stories (at most 60 wide)."""
    lines, out = doc.lines, []
    for i in line_gates(doc)["tail"]:
        line = lines[i]
        if len(line) > 60 and len(line.strip()) > 60:
            continue  # too wide (the width is at least the length)
        s = line.strip()
        if width(s) <= 60 and TAIL_HEADING.match(s):
            out.append(i)
    return out


# "The latest: ...", "Photos: ...", "How you can help: ..."
LABELLED = regex.compile(r"^(\p{Lu}[^:.!?]{0,40}?):\s+\S")


class PromoBox(Rule):
    """What it does
    Flags a promo box at the end of the page: a short heading followed by three or more
    paragraphs that each open with a different short label and a colon ("The latest:",
    "Photos:", "How you can help:"), running to the end of the page.

    Why is this bad?
    Such boxes ("War in Ukraine: What you need to know") advertise the site's coverage;
    they are the same under every article of a topic, not part of this one.

    Example
    ```text
    War in Ukraine: What you need to know
    The latest: Russia fired at least 85 missiles...
    Photos: Our photographers have been on the ground...
    How you can help: Here are ways to support...
    ```

    Fix safety
    Unsafe: an article ending in labelled paragraphs (a glossary, a fact box) looks the same.
    """

    code = "D231"
    name = "promo-box"
    summary = "Promo box of labelled paragraphs at the end of the page"
    fix_safety = "unsafe"

    MIN_ITEMS = 3

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        if not may_end_in_promo_box(doc):
            return
        layout = Layout.of(doc)
        head, n = promo_box(doc, layout)
        if head < 0:
            return
        yield line_range_finding(
            self, doc, head, layout.nonblank[-1],
            f"Promo box at the end of the page ({doc.lines[head].strip()!r} and {n} labelled items)",
            "Delete the promo box",
        )


def may_end_in_promo_box(doc: Document) -> bool:
    """Whether the second and third last non-blank lines have a colon where a label's would
    be: a promo box ends in three labelled paragraphs or more, perhaps followed by a call to
    action (so those two lines are labelled either way).

    >>> may_end_in_promo_box(Document.from_text("Photos: x\\nThe latest: y\\nHow to help: z\\n"))
    True
    >>> may_end_in_promo_box(Document.from_text("Text.\\nThe latest: y\\nHow to help: z\\n"))
    False
    """
    lines = doc.lines
    last = last_nonblank(lines, 3)
    return len(last) == 3 and _may_be_labelled(lines[last[1]].strip()) and _may_be_labelled(lines[last[2]].strip())


def _may_be_labelled(s: str) -> bool:
    """What :data:`LABELLED` needs of a stripped line: a capital, then a first colon within
    42 characters with no sentence end before it and a space after it.

    >>> _may_be_labelled("The latest: Russia fired"), _may_be_labelled("He said: no"), _may_be_labelled("At 10:30")
    (True, True, False)
    """
    k = s.find(":", 0, 42)
    return k > 0 and opens_capital(s) and s[k + 1:k + 2].isspace() and not any(c in s[:k] for c in ".!?")


def promo_box(doc: Document, layout: Layout) -> tuple[int, int]:
    """The heading line of D231's promo box ending the page and its number of labelled items,
    or ``(-1, 0)``."""
    lines = doc.lines
    nb = layout.nonblank
    if len(nb) < PromoBox.MIN_ITEMS + 2:
        return -1, 0
    # walk back from the end over labelled paragraphs (a closing call to action may follow)
    k = len(nb) - 1
    if not LABELLED.match(lines[nb[k]].strip()) and is_call_to_action(lines[nb[k]]):
        k -= 1
    labels = []
    while k >= 0:
        s = lines[nb[k]].strip()
        m = LABELLED.match(s)
        if not m or len(m.group(1).split()) > 5 or _is_heading(s):
            break
        labels.append(m.group(1).lower())
        k -= 1
    if len(set(labels)) < PromoBox.MIN_ITEMS or k < 1 or not _is_heading(lines[nb[k]].strip()):
        return -1, 0
    return nb[k], len(labels)


def _is_heading(text: str) -> bool:
    return not ends_sentence(text) and len(text.split()) <= 10 and not is_prose(text)


#: the verbs a call to action opens with (what may follow each in its pattern)
CTA_VERBS = (r"subscribe", r"follow", r"like(?=\s+us\b)", r"join", r"sign\s+up", r"register", r"download", r"get",
             r"share", r"click", r"tap", r"read", r"watch", r"listen", r"visit", r"check\s+out", r"support", r"become",
             r"donate", r"install", r"bookmark", r"try", r"stay\s+(?:tuned|up\s+to\s+date)", r"abonnieren\s+sie",
             r"folgen\s+sie", r"suivez", r"abonnez-vous", r"siga", r"síguenos", r"suscríbete", r"inscreva-se")
CTA_VERB = "(?:" + "|".join(CTA_VERBS) + ")"
CTA_TARGET = (r"(?:\bour\b|\bus\b|channel|newsletter|podcast|telegram|whatsapp|twitter|facebook|instagram|"
              r"youtube|tiktok|linkedin|\bapp\b|inbox|updates|alerts|feed|unser|uns\b|nous|notre|nos\b|nosso|nuestro)")
CTA_SENTENCE = regex.compile(rf"^{CTA_VERB}\b\s*(?:[^\s.!?]+\s+){{0,3}}{CTA_TARGET}[^.!?]{{0,160}}[.!?]*$", regex.I)
SHORT_QUESTION = regex.compile(r"^(?:\S+\s+){0,6}\S+\?$")
SPLIT = regex.compile(r"(?<=[.!?])\s+(?=[\p{Lu}\"“])")


# (scanned with the other line gates by structscan.line_gates: its opening words are in START_WORDS)
CTA_GATE = re.compile(rf"\n[ \t]*(?:[-•*][ \t]*)?{CTA_VERB}\b", re.I)
# a call-to-action verb where a sentence can open: at the start or after [.!?] and spaces
# (``re`` and its ``\s`` take in all that ``regex`` does); no line without one holds a call
# to action, whole or trailing
_CTA_WORDS = "(?:" + "|".join(dict.fromkeys(map(leading_word, CTA_VERBS))) + ")"  # their first words
MAY_CTA_FIRST = re.compile(rf"\s*{_CTA_WORDS}", re.I)
MAY_CTA_NEXT = re.compile(rf"[.!?]\s+{_CTA_WORDS}", re.I)


def may_call_to_action(s: str) -> bool:
    """Whether a call-to-action verb opens ``s`` or follows a sentence end in it (a match, then
    a search from the rare [.!?]: one pattern trying both at every character costs more).

    >>> may_call_to_action("Are you on Telegram? Subscribe to our channel."), may_call_to_action("It got cold.")
    (True, False)
    """
    return MAY_CTA_FIRST.match(s) is not None or MAY_CTA_NEXT.search(s) is not None


# "Are you on Telegram? Subscribe to our channel": a call to action after a lead-in question
CTA_AFTER_QUESTION = re.compile(rf"\?[ \t]+{CTA_VERB}\b", re.I)


# what CTA_AFTER_QUESTION needs, anywhere in the text (``\s`` for the odd spaces and the tabs
# that the lines' scan reads as spaces): one search of the lowercased text (see
# :func:`lower_gate`) before the lines are looked for
_AFTER_QUESTION = re.compile(rf"\?\s+{CTA_VERB}\b", re.I)


def may_follow_question(doc: Document) -> bool:
    """Whether a call-to-action verb may follow a question mark in ``doc`` (the lines of
    CTA_AFTER_QUESTION are looked for only then).

    >>> [may_follow_question(Document.from_text(t)) for t in ("Why?\\u00a0Subscribe now.", "Why? No.")]
    [True, False]
    """
    twin = lower_gate(_AFTER_QUESTION.compiled())
    low = lowered(doc)
    if twin is None or low is None:
        return True
    return twin.search(low) is not None


def is_call_to_action(text: str) -> bool:
    """Whether every sentence of ``text`` is a call to action or a short lead-in question.

    >>> is_call_to_action("Are you on Telegram? Subscribe to our channel for updates.")
    True
    >>> is_call_to_action("Follow the money, the reporters were told.")
    False
    """
    parts = [p for p in SPLIT.split(text.strip()) if p]
    if not parts or not any(CTA_SENTENCE.match(p) for p in parts):
        return False
    return all(CTA_SENTENCE.match(p) or SHORT_QUESTION.match(p) for p in parts)


#: the sentences of a line (compiled once, not looked up in ``regex``'s cache per call)
SENTENCES = regex.compile(r"[^\s].*?(?:[.!?](?=\s+[\p{Lu}\"“]|\s*$)|$)")


def trailing_call_to_action(text: str) -> int:
    """Offset in ``text`` where a trailing run of call-to-action sentences starts, or -1.

    >>> t = "Read our full coverage of the war. Are you on Telegram? Subscribe to our channel."
    >>> trailing_call_to_action(t)
    0
    >>> trailing_call_to_action("The talks ended at noon. Follow us on Twitter for updates.")
    25
    """
    parts = [(m.start(), m.group()) for m in SENTENCES.finditer(text)]
    start = -1
    seen_cta = False
    for offset, sentence in reversed(parts):
        sentence = sentence.strip()
        if CTA_SENTENCE.match(sentence):
            seen_cta = True
            start = offset
        elif SHORT_QUESTION.match(sentence) and seen_cta:
            start = offset
        else:
            break
    return start if seen_cta else -1


class CallToAction(Rule):
    """What it does
    Flags calls to action: lines, or the closing sentences of the last paragraph, that
    ask the reader to subscribe, follow, join, download or read more of the site ("Are you
    on Telegram? Subscribe to our channel for updates and exclusive video.", "Follow us on
    Twitter to get the latest..."). A sentence counts when it opens with such a verb and
    names the site or a channel ("our", "us", newsletter, Telegram, app...).

    Why is this bad?
    It is the site talking to its readers, not the article.

    Example
    ```text
    ...the last paragraph of the article. Follow us on Twitter for updates.
    Are you on Telegram? Subscribe to our channel for updates and exclusive video.
    ```

    Fix safety
    Unsafe: a whole line is deleted, or the trailing sentences are cut from the last
    paragraph (without joining words).
    """

    code = "D232"
    name = "call-to-action"
    summary = "Call to subscribe, follow or read more of the site"
    fix_safety = "unsafe"

    #: trailing sentences are cut from this many last non-blank lines
    TAIL = 3

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        lines = doc.lines
        tail = set(last_nonblank(lines, self.TAIL))
        candidates = set(line_gates(doc)["cta"])
        if "?" in doc.text and may_follow_question(doc):
            candidates.update(candidate_lines(doc, CTA_AFTER_QUESTION))
        for i in sorted(candidates | tail):
            s = lines[i].strip()
            if len(s) > 400 or not may_call_to_action(s):
                continue
            if is_call_to_action(s):
                if i not in pack_chrome(doc, ctx):
                    yield line_range_finding(self, doc, i, i, f"Call to action, not article text: {clip(s, 60)!r}")
                continue
            if i in tail:
                off = trailing_call_to_action(lines[i])
                if off > 0 and i not in pack_chrome(doc, ctx):
                    start = doc.line_starts[i] + off
                    end = doc.line_span(i)[1]
                    while end > start and doc.text[end - 1] in " \t":
                        end -= 1
                    fix = Fix.unsafe("Cut the call to action", delete_span_edit(doc.text, start, end))
                    yield self.finding(start, end, f"Call to action at the end of the article: "
                                                    f"{clip(doc.text[start:end], 60)!r}", fix)


# a banner or pop-up that ends in its close button: "...立即更新×", "Crop Image ×"
CLOSE_END = regex.compile(r"[^\s\d.,+\-*/=×✕✖╳]\s*[×✕✖╳]$")
CLOSE_GATE = re.compile(r"[×✕✖╳][ \t]*\n")


class ClosableNotice(Rule):
    """What it does
    Flags a line that ends in a close button ("×", "✕"): the text of a banner, pop-up or
    dismissible notice ("浏览器更新提醒…立即更新×", "Crop Image ×"). A multiplication sign
    after a number ("2 ×") or in a formula is not a close button.

    Why is this bad?
    Update prompts, cookie and app banners and dialogs are the page's interface; extraction
    keeps their text with the button glyph glued to it.

    Example
    ```text
    Update your browser to browse 5 times faster. Update now×
    ```

    Fix safety
    Unsafe: the line is deleted.
    """

    code = "D233"
    name = "closable-notice"
    summary = "Banner or pop-up text ending in its close button (×)"
    fix_safety = "unsafe"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        lines = doc.lines
        for i in line_gates(doc)["close"]:  # CLOSE_GATE's lines (the shared line scan)
            s = lines[i].strip()
            if width(s) <= 200 and not s.startswith("|") and CLOSE_END.search(s):
                yield line_range_finding(self, doc, i, i, f"Banner or pop-up with its close button: {clip(s, 60)!r}")
