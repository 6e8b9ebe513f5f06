"""Embedded social-media posts flattened into the text."""

from __future__ import annotations

from typing import Iterable

from linter.rules.debris.lazy import regex  # compiled on first use

from linter.core.document import Document
from linter.core.findings import Finding
from linter.core.rule import Context, Rule
from linter.rules.debris.layout import Layout, clip, line_range_finding, lines_containing, lowered

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

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        text = doc.text
        if "(@" not in text and "pic.twitter.com" not in text and "t.co/" not in text and "shar" not in text:
            return
        lines = doc.lines
        for i in _candidates(doc):
            s = lines[i].strip()
            if len(s) > 400:
                continue
            if TWEET_SIGNATURE.match(s) or INSTAGRAM_SIGNATURE.match(s):
                yield line_range_finding(self, doc, i, i, f"Signature of an embedded post: {clip(s, 60)!r}")
            elif PIC_LINK.search(s) and len(s) <= 300:
                yield line_range_finding(self, doc, i, i, f"Text of an embedded post: {clip(s, 60)!r}")


#: a line TWEET_SIGNATURE or PIC_LINK matches holds one of these (as written)
EMBED_NEEDLES = ("(@", "pic.twitter.com/", "t.co/")
#: a line INSTAGRAM_SIGNATURE matches holds one of these (in any case)
SHARED_WORDS = ("shared", "partagée", "geteilt", "compartida")


def _candidates(doc: Document) -> list[int]:
    """The lines that may be part of an embedded post (the others match none of the patterns)."""
    found = set(lines_containing(doc, EMBED_NEEDLES))
    low = lowered(doc)
    if low is None:
        return Layout.of(doc).nonblank
    for w in SHARED_WORDS:
        pos = low.find(w)
        while pos != -1:
            found.add(doc.line_index(pos))
            pos = low.find(w, pos + 1)
    return sorted(found)
