"""Embedded social-media posts flattened into the text."""

from __future__ import annotations

from typing import Iterable

from linter.core.lazy import re, regex  # compiled on first use

from linter.core.document import Document
from linter.core.findings import Finding
from linter.core.rule import Context, Rule
from linter.rules.debris.bylines import foot_lines
from linter.rules.debris.layout import Layout, clip, line_range_finding, lowered
from linter.rules.debris.structscan import LineGate, line_gates

# "— West Ham United (@WestHam) October 31, 2021", "— Jane Doe (@jane) 31 Oct 2021"
TWEET_SIGNATURE = regex.compile(
    r"^[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s+(?:\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{L}+\.?\s+\d{4})\s*$"
)
# "A post shared by Jane Doe (@jane) on Mar 3, 2021 at 9:15am PST"
INSTAGRAM_SIGNATURE = regex.compile(r"^(?:A\s+post\s+shared\s+by|Une\s+publication\s+partagée\s+par|"
                                    r"Ein\s+Beitrag\s+geteilt\s+von|Una\s+publicación\s+compartida\s+de)\b.{0,120}$",
                                    regex.I)
# a tweet body ends with its picture link
PIC_LINK = regex.compile(r"\bpic\.twitter\.com/\w+\s*$|\bhttps?://t\.co/\w+\s*$")


class SocialEmbed(Rule):
    """What it does
    Flags embedded social-media posts that extraction flattened into lines: the tweet's
    signature ("— West Ham United (@WestHam) October 31, 2021"), the tweet text ending in
    its ``pic.twitter.com`` or ``t.co`` link, Instagram's "A post shared by ...".

    Why is this bad?
    An embedded post is a quotation box of another site's markup; flattened, its
    signature and links read as broken sentences of the article.

    Example
    ```text
    Highlights from our 4-1 win at Villa Park pic.twitter.com/BUPgYtgHaY
    — West Ham United (@WestHam) October 31, 2021
    ```

    Fix safety
    Unsafe: the lines are deleted; an article may quote the post on purpose.
    """

    code = "D270"
    name = "social-embed"
    summary = "Embedded social-media post (signature, picture link)"
    fix_safety = "unsafe"
    gate = None  # (set below: EmbedGate)

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        candidates = _candidates(doc)
        if not candidates:
            return
        text, lines = doc.text, doc.lines
        # the rule's gate, tested last: a candidate line that holds a needle holds it for the page
        if not any(n in lines[i] for i in candidates for n in PAGE_NEEDLES) and not any(n in text for n in PAGE_NEEDLES):
            return
        for i in candidates:
            s = lines[i].strip()
            if len(s) > 400:
                continue
            if TWEET_SIGNATURE.match(s) or INSTAGRAM_SIGNATURE.match(s):
                yield line_range_finding(self, doc, i, i, f"Signature of an embedded post: {clip(s, 60)!r}")
            elif PIC_LINK.search(s) and len(s) <= 300:
                yield line_range_finding(self, doc, i, i, f"Text of an embedded post: {clip(s, 60)!r}")


#: one of these is in every page the rule reports on
PAGE_NEEDLES = ("(@", "pic.twitter.com", "t.co/", "shar")
#: a line TWEET_SIGNATURE or PIC_LINK matches holds one of these (as written)
EMBED_NEEDLES = ("(@", "pic.twitter.com/", "t.co/")
#: a line INSTAGRAM_SIGNATURE matches holds one of these (in any case)
SHARED_WORDS = ("shared", "partagée", "geteilt", "compartida")
#: on the lowercased, plain-spaced text (``bylines.foot_lines`` scans for them): the line starts
#: INSTAGRAM_SIGNATURE and TWEET_SIGNATURE match (a dash opening a line that holds "(@")
INSTAGRAM_START = re.compile(r"\n[ \t]*(?:a\s+post\s+shared|une\s+publication\s+partag|ein\s+beitrag\s+geteilt|"
                             r"una\s+publicaci)")
TWEET_START = re.compile(r"\n[ \t]*[—–-](?=[^\n]*\(@)")


def _candidates(doc: Document) -> list[int]:
    """The lines that may be part of an embedded post and hold one of EMBED_NEEDLES or
    SHARED_WORDS (the others match none of the patterns): the line starts of the signatures
    from the shared scan of line starts, the picture links from one scan for ".co" (in
    "pic.twitter.com/" and "t.co/").

    >>> _candidates(Document.from_text("a\\nSee pic.twitter.com/x\\n- J (@j) May 3, 2021\\nA post shared by J\\n"))
    [1, 2, 3]
    """
    low = lowered(doc)
    if low is None:
        return Layout.of(doc).nonblank
    foot = foot_lines(doc)
    found = set(foot["insta"]).union(foot["tweet"])
    if doc.lines:  # the shared scan reads only the first 300 characters of the first line
        found.add(0)
    text, lines, line_index, starts = doc.text, doc.lines, doc.line_index, doc.line_starts
    pos = text.find(".co") if "/" in text else -1  # (a character is found much faster)
    while pos != -1:
        i = line_index(pos)
        if "pic.twitter.com/" in lines[i] or "t.co/" in lines[i]:
            found.add(i)
        if i + 1 >= len(starts):
            break
        pos = text.find(".co", starts[i + 1])
    out = []
    for i in sorted(found):
        if any(n in lines[i] for n in EMBED_NEEDLES):
            out.append(i)
        else:
            start = starts[i]
            line = low[start:start + len(lines[i])]
            if any(w in line for w in SHARED_WORDS):
                out.append(i)
    return out


class EmbedGate:
    """D270's :attr:`Rule.gate`: a signature holds "(@", a picture link a "/", and an Instagram
    signature opens a line of the shared line scan's "insta" group (a :class:`LineGate`, which
    holds when that scan is not made), or the first line, which that scan reads only up to
    300 characters.

    >>> doc = Document.from_text("Plain text.\\nMore text.\\n"); _ = line_gates(doc)
    >>> EmbedGate().search(doc.text), EmbedGate().search("See pic.twitter.com/x\\n")
    (None, True)
    """

    def __init__(self):
        self.insta = LineGate("insta")

    def search(self, text: str) -> bool | None:
        if "/" in text or "(@" in text or text.find("\n", 0, 300) < 0:
            return True
        return self.insta.search(text)


SocialEmbed.gate = EmbedGate()
