"""D101 and D102: site and platform chrome listed in the debris rule packs."""

from __future__ import annotations

from linter.core.findings import Fix
from linter.core.lineedit import delete_line_edit, delete_span_edit
from linter.core.rule import Rule
from linter.rules.debris import packs
from linter.rules.debris.layout import lowered


def make_fix(entry: packs.Chrome, message: str, edit) -> Fix | None:
    """The fix an entry allows: safe, unsafe, or none."""
    if entry.fix == "safe":
        return Fix.safe(message, edit)
    if entry.fix == "unsafe":
        return Fix.unsafe(message, edit)
    return None


class ChromeLine(Rule):
    """A whole line that is site or platform chrome from a rule pack.

    What it does:
        Flags lines that are, in full, chrome of a known source of pages, as listed in the
        debris rule packs (``linter/packs/debris/*.toml`` plus your ``extend-packs``):
        WordPress (``Leave a Comment``, ``Comments are closed, but trackbacks and pingbacks
        are open.``, ``Share this:``), Wix (``top of page``, ``bottom of page``, the
        ``Writer's picture`` author widget), Blogger, Squarespace, Medium, Substack, Ghost,
        Tumblr and generic news-site chrome (``Advertisement``, ``Skip to content``,
        ``Sign up for our newsletter``, copyright lines). List markers, spacing, quote
        styles and trailing arrows do not matter; the rest of the line must match.

    Why is this bad?
        Text extractors keep the buttons, widgets and footers of the page around the
        article. They are not part of the text and pollute corpora, search and models.

    Example:
        ```text
        top of page

        Blinken will meet with Russia as US pushes for more diplomacy
        ...
        Leave a Comment
        ```
        Both chrome lines go; the headline and the paragraphs stay. A sentence that only
        mentions the words (``"Leave a comment on the draft by Friday," she said.``) is
        never matched: the whole line must be the chrome.

    Fix safety:
        The fix deletes the line and the blank lines it leaves, keeping paragraphs
        separated. Each pack entry says whether that is safe: safe only for text that can
        never be article prose (``Skip to content``); unsafe for words an article might
        use as a line of its own (``Related``, ``Previous``, ``Privacy Policy``).
    """

    code = "D101"
    name = "chrome-line"
    summary = "Whole line of site or platform chrome from a rule pack"
    fix_safety = "sometimes"

    def check(self, doc, ctx):
        hits = packs.scan(doc, ctx).chrome
        for i in sorted(hits):
            entry = hits[i]
            start, end = doc.line_span(i)
            msg = f"{entry.message} ({entry.pack} pack)"
            fix = make_fix(entry, "Delete the chrome line", packs.scan(doc, ctx).delete_edit(doc, i))
            yield self.finding(start, end, msg, fix)


class ChromeSpan(Rule):
    """Site or platform chrome at the start or end of a line, or inside it, from a rule pack.

    What it does:
        Flags pack entries that match part of a line: a call to action glued to the last
        paragraph (``... war. Are you on Telegram? Subscribe to our channel for updates
        and exclusive video.``), share buttons inside a line (``Click to share on X (Opens
        in new window)``), a notice at a line end.

    Why is this bad?
        Extractors join neighbouring blocks: chrome then sits inside an article line, where
        whole-line rules cannot see it.

    Example:
        ```text
        Read our full coverage of the war. Are you on Telegram? Subscribe to our channel for updates and exclusive video.
        ```
        becomes ``Read our full coverage of the war.``

    Fix safety:
        The fix removes only the span (never joining two words); when nothing else is
        left on the line, the line goes. Safe or unsafe as the pack entry says.
    """

    code = "D102"
    name = "chrome-span"
    summary = "Chrome from a rule pack at a line start, line end or inside a line"
    fix_safety = "sometimes"

    def check(self, doc, ctx):
        m = packs.matcher(ctx)
        hits = m.span_hits(doc.text, lowered(doc))
        if not hits:
            return
        whole = packs.scan(doc, ctx)
        text = doc.text
        for h in hits:
            i = doc.line_index(h.start)
            if whole.whole_line(i):
                continue
            start, end = doc.line_span(i)
            msg = f"{h.entry.message} ({h.entry.pack} pack)"
            rest = (text[start:h.start] + text[h.end:end]).strip(" \t-\u2022\u00b7*|:")
            if not rest:
                fix = make_fix(h.entry, "Delete the chrome line", delete_line_edit(doc, i))
            else:
                fix = make_fix(h.entry, "Remove the chrome", delete_span_edit(text, h.start, h.end))
            yield self.finding(h.start, h.end, msg, fix)
