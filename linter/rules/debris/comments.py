"""Reader comment sections that extraction kept after the article."""

from __future__ import annotations

from linter.core.lazy import re  # compiled on first use
from typing import Iterable

from linter.core.lazy import regex  # compiled on first use

from linter.core.document import Document
from linter.core.findings import Finding
from linter.core.rule import Context, Rule
from linter.rules.debris.bylines import (
    DATE, NAME_TOKEN, QUOTES, RELATIVE_DATE, TIME, ShortLines, holds_gate, short_tail, view_lines,
)
from linter.rules.debris.structscan import LineGate
from linter.rules.debris.layout import (
    Layout, clip, line_range_finding, lines_containing, lowered, needle_regex, pack_chrome, width,
)

# A line that opens a comment section, in the languages of the corpus and the usual others.
COMMENT_HEADING = regex.compile(
    r"""^(?:[-*•#]+\s*)?(?:
        \d+\s+(?:comments?|responses?|replies|reactions|thoughts\s+on\s+.{1,80})
      | comments | comment\s*\(\d+\)
      | reader\s+comments | user\s+comments | (?:show|view|load|loading|read|see)\s+(?:all\s+)?(?:\d+\s+)?comments
      | (?:leave|post|add|write|submit)\s+(?:a|your|the\s+first)\s+(?:comment|reply|response)
      | join\s+the\s+(?:discussion|conversation) | discussion\s+about\s+this\s+(?:post|article|story)
      | no\s+comments?(?:\s+yet)?
      | (?:\d+\s+)?(?:kommentare?|commentaires?|comentários?|comentarios?|commenti|reacties|kommentarer|
                     komentáře|komentarze|комментарии|коментарі|yorumlar|hozzászólások)(?:\s*\(\d+\))?
      | (?:schreibe?n?\s+sie\s+)?einen\s+kommentar(?:\s+schreiben)?
      | (?:laisser|laissez|écrire|ajouter)\s+un\s+commentaire
      | (?:deja|deixe|deixa|escribe|escreva)\s+(?:un|um|tu|seu|o\s+seu)\s+comentári?o
      | 留言列表|留言|发表评论|发表留言|网友评论|评论|評論|コメント|コメントを書く|댓글
    )(?:\s*[(（]\d+[)）])?\s*[:：.!…]*$""",
    regex.I | regex.X,
)

# "Jane Doe wrote on March 11th, 2015 at 02:57:", "Lars says:", "Anonymous"
AUTHOR_LINE = regex.compile(
    r"""^(?:
        (?:\p{Lu}[\p{L}'.\-]*\s*){1,4}(?:wrote|commented|replied|said|schrieb|a\s+écrit|escribió|escreveu)
            \s+(?:on|at|am|le|el|em)(?:\s+.{1,60})?\s*:?
      | (?:\p{Lu}[\p{L}'.\-]*\s*){1,4}\s*says\s*:?
      | (?:\p{Lu}[\p{L}'.\-]*\s*){1,4}\s+on\s+(?:\w+\s+)?\d{1,2}(?:st|nd|rd|th)?[ ,/.]\s*.{1,40}(?:said|wrote)?\s*:?
    )$""",
    regex.X,
)
# a comment's author and date on one line: "Maria Lopez · 3 years ago", "Tom Baker | March 4,
# 2021 at 10:02 am", "Tom Baker March 4, 2021 at 10:02 am said:"
DATED_AUTHOR = regex.compile(
    rf"^(?!by\s)(?:{NAME_TOKEN}\s*){{1,4}}\s[·|•–—-]\s+(?:{DATE}(?:,?\s+(?:at\s+)?{TIME})?|{RELATIVE_DATE})"
    r"\s*(?:said|wrote|says)?\s*:?$",
    regex.I,
)
#: the separators between a comment's author and its date (found with plain substring scans)
DATED_SEPARATORS = (" · ", " | ", " • ", " – ", " — ", " - ")
ANONYMOUS = regex.compile(r"^(?:anonymous|anonym|anonyme|anónimo|anônimo|guest|匿名)$", regex.I)

COMMENT_WORD = regex.compile(
    r"\b(?:comments|commenting|commenters?|comment\s+(?:count|policy|section|thread|form)|"
    r"comentarios|comentários|commentaires|kommentare|commenti)\b|コメント|评论|留言",
    regex.I,
)
NOTICE_WORD = regex.compile(
    r"opinion|reflect|responsib|moderat|polic|polít|respet|respeit|log\s*in|login|sign\s*in|"
    r"account|submit|count|closed|disabled|e-?mail|@|registr|guideline|civil|abuse|"
    r"個人の見解|見解|不代表|言論",
    regex.I,
)


HEADING_GATE = re.compile(
    r"\n[ \t]*(?:[-*•#]+[ \t]*)?(?:\d|comment|reader|user|show|view|load|read|see|leave|post|add|write|submit|join|"
    r"discussion|no[ \t]|"
    r"kommentar|commentaire|comentário|comentario|commenti|reacties|komentá|komentarz|коммент|комент|yorum|"
    r"hozzászól|schreib|einen|laisser|laissez|écrire|ajouter|deja|deixe|deixa|escribe|escreva|留言|发表|网友|评论|評論|コメント|댓글)",
    re.I,
)
#: HEADING_GATE on the stripped lines of a :class:`ShortLines` view, sharper: a number opens a
#: count of comments, replies... ("3 Comments"), the verbs and adjectives open their phrase
HEADING_VIEW = re.compile(
    r"\n(?:[-*•#]+\s*)?(?:\d+\s*(?:comment|respons|repl|reaction|thought|kommentar|coment|reacties|komentá|"
    r"komentarz|коммент|комент|yorum|hozzászól)|comment|(?:reader|user|show|view|load|loading|read|see|leave|post|add|"
    r"write|submit|join|discussion|no|einen|laisser|laissez|écrire|ajouter|deja|deixe|deixa|escribe|escreva)\s|"
    r"kommentar|coment|reacties|komentá|komentarz|коммент|комент|yorum|hozzászól|schreib|留言|发表|网友|评论|評論|"
    r"コメント|댓글)",
    re.I,
)
#: words an author line holds (found with plain substring scans)
AUTHOR_WORDS = ("wrote", "says", "said", "commented", "replied", "schrieb", "écrit", "escribió", "escreveu",
                "nonym", "Guest", "GUEST", "guest", "nónimo", "nônimo", "匿名")


class CommentSection(Rule):
    """What it does
    Flags a comment section: a comments heading in the second part of a page ("Comments",
    "3 Comments", "Leave a Reply", "Post a Comment", "Join the discussion", "Discussion about
    this post", "Comentários",
    "Kommentare", "留言列表 (42)", ...) and every line after it.

    Why is this bad?
    Readers' comments are not the article. Extractors often keep them below it, where
    they pass for more article text in a corpus.

    Example
    ```text
    ...the last paragraph of the article.
    3 Comments
    Jane: Great read, thanks!
    ```

    A heading that is whole-line pack chrome ("Leave a Comment") is reported by D101 when
    it runs; this rule then flags the lines after it (its fix still takes the heading).

    Fix safety
    Unsafe: the section is deleted from the heading to the end of the file. A page whose
    article went on after such a heading would lose text, so the fix needs a review.
    """

    code = "D240"
    name = "comment-section"
    summary = "Comment section (heading and what follows) after the article"
    fix_safety = "unsafe"
    gate = LineGate("t_heading")

    #: the heading must come after this share of the page's text
    MIN_SHARE_BEFORE = 0.35

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        candidates = view_lines(doc, 90, HEADING_VIEW, "t_heading")
        if not candidates:
            return
        layout = Layout.of(doc)
        lines = doc.lines
        for i in candidates:
            s = lines[i].strip()
            if width(s) > 60 or not COMMENT_HEADING.match(s) or not holds_gate(doc, HEADING_GATE, i):
                continue
            if layout.share_before(i) < self.MIN_SHARE_BEFORE:
                continue
            last = layout.nonblank[-1]
            # "Leave a Comment" is pack chrome: D101 reports it, this rule what follows
            first, chrome = i, pack_chrome(doc, ctx)
            while first in chrome and first != last:
                first = layout.next(first)
            if first in chrome:
                return
            n = last - i
            yield line_range_finding(
                self, doc, first, last,
                f"Comment section after the article ({s!r} and {n} line{'s' if n != 1 else ''} after it)"
                if n else f"Comment section heading after the article: {s!r}",
                "Delete the comment section", delete_from=i,
            )
            return


class CommentThread(Rule):
    """What it does
    Flags a thread of reader comments without a heading, recognised by its author lines:
    "Jane Doe wrote on March 11th, 2015 at 02:57:", "Lars says:", two or more author-and-date
    lines ("Maria Lopez · 3 years ago", "Rarst · March 10, 2017 at 1:26 AM"), or "Anonymous"
    heading three or more comments in the second part of the page. The thread is flagged
    from its first author line to the end.

    Why is this bad?
    Comment threads are not the article; in a corpus they read as more article text.

    Example
    ```text
    ...the last paragraph of the article.
    Anonymous
    Great article.
    Anonymous
    Didn't you read it?
    ```

    Fix safety
    Unsafe: recognising a thread is a judgement on the shape of the page.
    """

    code = "D241"
    name = "comment-thread"
    summary = "Thread of reader comments recognised by its author lines"
    fix_safety = "unsafe"

    MIN_SHARE_BEFORE = 0.25

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        candidates, dated = self._author_lines(doc)
        if not candidates and len(dated) < 2:
            return
        lines = doc.lines
        # the lines' own tests first: the page's layout only for a page that may hold a thread
        authors = []
        for i in candidates:
            s = lines[i].strip()
            if len(s) <= 90:
                strong = AUTHOR_LINE.match(s) is not None
                if strong or ANONYMOUS.match(s):
                    authors.append((i, strong))
        if len(dated) < 2 and (len(authors) < 3 and not any(strong for _, strong in authors)):
            return
        layout = Layout.of(doc)
        if layout.body_start < 0:
            return
        starts = []
        for i, strong in authors:
            if layout.share_before(i) < self.MIN_SHARE_BEFORE:
                continue
            # "Anonymous" counts when it heads a comment (a line of text follows)
            if strong or not layout.is_heading_like(layout.next(i), 3):
                starts.append((i, strong))
        # two or more comments headed by their author and date ("Maria Lopez · 3 years ago")
        dated = [i for i in dated if layout.share_before(i) >= self.MIN_SHARE_BEFORE and i > layout.body_start]
        if len(dated) >= 2:
            starts = sorted(set(starts) | {(i, True) for i in dated})
        if not starts:
            return
        strong_n = sum(1 for _, strong in starts if strong)
        if strong_n == 0 and len(starts) < 3:
            return
        first = starts[0][0]
        # the author line must be followed by something (a comment) or end the page
        last = layout.nonblank[-1]
        n = sum(1 for _ in starts)
        yield line_range_finding(
            self, doc, first, last,
            f"Thread of reader comments ({n} author line{'s' if n != 1 else ''}, "
            f"from {clip(lines[first].strip(), 40)!r} to the end)",
            "Delete the comment thread",
        )

    @staticmethod
    def _author_lines(doc: Document) -> tuple[list[int], list[int]]:
        """The lines of at most 90 characters holding one of :data:`AUTHOR_WORDS`, and the
        lines opening a comment with its author and its date after a separator ("Maria
        Lopez · 3 years ago", "Rarst · March 10, 2017 at 1:26 AM"): one scan of the page's
        short lines finds both (no word nor separator reaches over a stripped space)."""
        lines = doc.lines
        authors, dated = [], []
        for i in ShortLines.of(doc, 90).lines(needle_regex(AUTHOR_WORDS + DATED_SEPARATORS)):
            line = lines[i]
            if any(w in line for w in AUTHOR_WORDS):
                authors.append(i)
            if any(sep in line for sep in DATED_SEPARATORS):
                s = line.strip()
                if len(s) <= 80 and DATED_AUTHOR.match(s):
                    dated.append(i)
        return authors, dated


#: the gate of CommentNotice on the last lines: PROMPT and COMMENT_WORD each need one of
#: these words (lowercase); keep it in step
NOTICE_GATE = ("comment", "reply", "coment", "kommentar", "コメント", "评论", "留言")


class CommentNotice(Rule):
    """What it does
    Flags a line near the end of a page about the comments rather than the subject: comment
    policies, prompts to log in to comment, comment counts ("The opinions expressed in
    reader comments are those of the author only...", "You must login or create an
    account to comment.", "Los comentarios que no respeten nuestra política...").

    Why is this bad?
    It is site furniture of the comment section, not article text.

    Example
    ```text
    ...the last paragraph of the article.
    Comment count on this article reflects comments made on the site and Facebook.
    ```

    Fix safety
    Unsafe: the line is deleted; a last paragraph about someone's comments could match.
    """

    code = "D242"
    name = "comment-notice"
    summary = "Comment policy or comment prompt near the end of the page"
    fix_safety = "unsafe"

    #: how many non-blank lines at the end of the page are looked at
    TAIL = 4
    PROMPT = regex.compile(
        r"(?:log\s*in|sign\s*in|register|create\s+an\s+account|logged\s+in)\b.{0,60}\bto\s+(?:comment|reply)\b|"
        r"^(?:please\s+)?(?:submit|send|post|email)\s+(?:your\s+)?comments\s+(?:on|to|about)\b",
        regex.I,
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        lines = doc.lines
        got = short_tail(doc, self.TAIL, 320)
        if got is None:
            return
        # the last lines that may be notices, if their gate words are there (on those lines
        # only: the last lines are often long paragraphs)
        near, low = got
        if low is None:  # (a dotted capital I: lowercased as it comes, for the gate only)
            low = "\n".join([s for _, s in near]).lower()
        tail = {i for i, _ in near} if any(w in low for w in NOTICE_GATE) else set()
        for i in sorted(set(_comment_lines(doc)) | tail):
            s = lines[i].strip()
            if len(s) > 320 or s[:1] in QUOTES:
                continue
            # a prompt to comment is furniture anywhere; talk about comments only at the end
            hit = self.PROMPT.search(s) or (i in tail and COMMENT_WORD.search(s) and NOTICE_WORD.search(s))
            if hit and i not in pack_chrome(doc, ctx):
                yield line_range_finding(self, doc, i, i, f"Comment notice, not article text: {clip(s, 60)!r}")


COMMENT_CASES = ("comment", "Comment", "COMMENT")


def _comment_lines(doc: Document) -> list[int]:
    """The lines holding "comment", "Comment" or "COMMENT": one scan of the lowercased text
    (shared by the rules) for "comment", instead of one scan of the text per spelling.

    >>> _comment_lines(Document.from_text("No comment\\ncOmment\\nCOMMENTS\\n"))
    [0, 2]
    """
    low = lowered(doc)
    if low is None:
        return lines_containing(doc, COMMENT_CASES)
    lines, line_index, starts = doc.lines, doc.line_index, doc.line_starts
    out = []
    pos = low.find("comment")
    while pos != -1:
        i = line_index(pos)
        if any(w in lines[i] for w in COMMENT_CASES):
            out.append(i)
        if i + 1 >= len(starts):
            break
        pos = low.find("comment", starts[i + 1])
    return out
