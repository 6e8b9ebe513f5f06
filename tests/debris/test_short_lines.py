"""The short-line views of the structural rules (``bylines.ShortLines``): each view pattern must
find every line that its rule's gate finds and its rule's own pattern then accepts, so that
the rules report what they reported when they scanned the whole text."""

from __future__ import annotations

import pytest

from helpers import CORPUS, SEEDS, codes
from linter.core.document import Document
from linter.rules.debris import bylines as B
from linter.rules.debris import comments as C
from linter.rules.debris.layout import Layout, candidate_lines, lines_containing

BEFORE = "The council met on Monday and voted on the plan after a long debate that ran late into the night.\n\n"
AFTER = ("\n\nThe mayor said the vote would be repeated next month if the courts allowed it, and the "
         "council agreed.\n\nResidents were told to expect a decision by the end of the year.\n")

LINES = [
    "By Jane Doe", "- by: Jane Doe and John Roe", "3 March 2021 by Jane Doe", "Posted on April 21, 2015",
    "Jane Doe <jane@example.org>", "Jane Doe, jane@example.org.", "24 July 2015", "Updated: March 3, 2021 at 9:15 am",
    "3小时前", "Published an hour ago", "il y a 2 jours", "Tue, 3 March 2021", "About Acme Corp",
    "About the Author", "Media contacts:", "Jane Doe wrote on March 11th, 2015 at 02:57:", "Lars says:",
    "Lars says :", "Anonymous", "Guest", "Maria Lopez · 3 years ago", "Rarst | March 10, 2017 at 1:26 AM",
    "Tom Baker - an hour ago", "Guest on 12 March 2015", "JaneDoesaid on Monday:", "3 Comments", "Comments (12)",
    "08.04.2015 12:46", "2017-03-10 09:58 来源：网易", "12:46, 3 March 2021", "3 hours ago", "2015年7月24日",
    "1st March 2021", "24. Juli 2015", "5 mins ago", "- 2 days ago | Reuters", "9h30, 24 juillet 2015",
    "8. Item of a list", "12 March 2021 By Jane Doe", "1 March 2021, 10:02 by Jane Doe | Reuters",
    "Leave a Reply", "Post a Comment", "Join the discussion", "Discussion about this post", "Comentários",
    "Kommentare", "留言列表 (42)", "- 12 responses", "Schreiben Sie einen Kommentar", "No comments yet",
    "Posted3 March 2021", "Published:3 March 2021", "Updated9:15 am, 3 March 2021",
]
SPACES = [
    lambda s: s, lambda s: "\u00a0" + s, lambda s: s + "\u00a0 ", lambda s: s.replace(" ", "\u2009"),
    lambda s: s.replace(" ", "\u00a0"), lambda s: "\t" + s.upper(), lambda s: "  " + s.lower(),
    lambda s: "\r" + s.replace(" ", "\x0c"), lambda s: "\x0b" + s + "\r",
]


def _texts():
    texts = [BEFORE + change(line) + AFTER for line in LINES for change in SPACES]
    texts += [change(line) + "\n" + BEFORE for line in LINES for change in SPACES[:2]]
    for folder, pattern in ((SEEDS, "*"), (CORPUS / "pages", "*.txt")):
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob(pattern))[::3]]
    return texts


def _stripped(doc, i):
    return doc.lines[i].strip()


# (view limit, view pattern, old candidates, what the rule then asks of the stripped line)
CASES = {
    "D250 byline": (160, B.BYLINE_VIEW, lambda d: candidate_lines(d, B.BYLINE_GATE),
                    lambda s: len(s) <= 160 and (B.BYLINE.match(s) or B.POSTED.match(s))),
    "D250 contact": (160, B.CONTACT_VIEW, lambda d: candidate_lines(d, B.CONTACT_GATE),
                     lambda s: len(s) <= 160 and B.CONTACT.match(s)),
    "D251": (90, B.DATELINE_VIEW, lambda d: candidate_lines(d, B.DATELINE_GATE),
             lambda s: len(s) <= 90 and B.DATELINE.match(s)),
    "D252": (160, B.ABOUT_VIEW, lambda d: candidate_lines(d, B.ABOUT_GATE),
             lambda s: len(s) <= 100 and (B.ABOUT_HEADING.match(s) or B.AUTHOR_HEADING.match(s)
                                          or B.CONTACT_HEADING.match(s))),
    "D240": (90, C.HEADING_VIEW, lambda d: candidate_lines(d, C.HEADING_GATE),
             lambda s: len(s) <= 60 and C.COMMENT_HEADING.match(s)),
    "D241": (90, None, lambda d: lines_containing(d, C.AUTHOR_WORDS + C.DATED_SEPARATORS),
             lambda s: len(s) <= 90 and (C.AUTHOR_LINE.match(s) or C.ANONYMOUS.match(s) or C.DATED_AUTHOR.match(s))),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_view_finds_every_line_its_rule_accepts(case):
    from linter.rules.debris.layout import needle_regex

    limit, view_pattern, old, accepts = CASES[case]
    view_pattern = view_pattern or needle_regex(C.AUTHOR_WORDS + C.DATED_SEPARATORS)
    found = 0
    for text in _texts() + [t + "\u0130" for t in _texts()[:100]]:  # a dotted I: no lowercased view
        doc = Document.from_text(text)
        wanted = {i for i in old(doc) if accepts(_stripped(doc, i))}
        got = set(B.ShortLines.of(doc, limit).lines(view_pattern))
        assert wanted <= got, (case, [doc.lines[i] for i in wanted - got])
        found += len(wanted)
    assert found >= 5, case


#: the cases whose rules read the lines of a trigger of the shared line scan (bylines.view_lines)
TRIGGERS = {"D250 byline": "t_byline", "D251": "t_dateline", "D252": "t_about", "D240": "t_heading"}


@pytest.mark.parametrize("case", sorted(TRIGGERS))
def test_a_trigger_finds_every_line_its_rule_accepts(case):
    limit, view_pattern, old, accepts = CASES[case]
    found = 0
    for text in _texts() + [t.replace("\n", " \t\n") for t in _texts()[::5]]:
        doc = Document.from_text(text)
        wanted = {i for i in old(doc) if accepts(_stripped(doc, i))}
        got = set(B.view_lines(doc, limit, view_pattern, TRIGGERS[case]))
        assert wanted <= got, (case, [doc.lines[i] for i in wanted - got])
        found += len(wanted)
    assert found >= 5, case


def test_holds_gate_agrees_with_candidate_lines():
    gates = [B.BYLINE_GATE, B.DATELINE_GATE, B.ABOUT_GATE]
    for text in _texts()[:200]:
        doc = Document.from_text(text)
        for gate in gates:
            assert [i for i in range(len(doc.lines)) if B.holds_gate(doc, gate, i)] == candidate_lines(doc, gate)
        short = [i for i in range(len(doc.lines)) if len(doc.lines[i]) <= 300]
        assert ([i for i in short if B.holds_end_gate(doc, B.CONTACT_GATE, i)]
                == [i for i in candidate_lines(doc, B.CONTACT_GATE) if i in short])


def test_views_of_a_fixed_text_are_its_own():
    doc = Document.from_text(BEFORE + "By Jane Doe" + AFTER)
    assert codes(doc.text, ["D250"]) == ["D250"]
    view = B.ShortLines.of(doc, 90)
    fixed = doc.with_text(doc.text.replace("By Jane Doe", "Text"))
    assert B.ShortLines.of(fixed, 90) is not view and "By Jane" not in B.ShortLines.of(fixed, 90).text


FOOT_LINES = ["Originally published at example.com", "This article first appeared in Foo", "— bkuhn", "– The Editors",
              "-", "|  |  |", "•", "\u2b50\ufe0f\u2b50\ufe0f", "\u2630", "[责任编辑：张三]", "原标题：foo",
              "— West Ham United (@WestHam) October 31, 2021", "A post shared by Jane Doe (@jane) on Mar 3, 2021",
              "Une publication partagée par Jean", "Highlights pic.twitter.com/BUPgYtgHaY", "See https://t.co/abc"]


@pytest.mark.parametrize("dotted", [False, True])
def test_foot_lines_are_the_lines_of_their_gates(dotted):
    from linter.rules.debris import embeds, markup

    gates = {"source": B.SOURCE_GATE, "sign": B.SIGN_OFF_GATE, "empty": markup.EMPTY_GATE,
             "icon": markup.ICON_LINE_GATE}
    texts = [BEFORE + change(line) + AFTER for line in FOOT_LINES for change in SPACES]
    texts += [change(line) + "\n" + BEFORE + line for line in FOOT_LINES for change in SPACES[:2]]
    texts += _texts()[-40:]
    seen = 0
    for text in texts:
        doc = Document.from_text(text + ("\u0130" if dotted else ""))  # a dotted I: no lowercase copy
        got = B.foot_lines(doc)
        for name, gate in gates.items():
            assert got[name] == candidate_lines(doc, gate), (name, text[:80])
            seen += len(got[name])
        old = set(lines_containing(doc, embeds.EMBED_NEEDLES + embeds.SHARED_WORDS + ("SHARED", "Shared")))
        for i in old:
            s = doc.lines[i].strip()
            if embeds.TWEET_SIGNATURE.match(s) or embeds.INSTAGRAM_SIGNATURE.match(s) or embeds.PIC_LINK.search(s):
                assert i in embeds._candidates(doc), s
                seen += 1
    assert seen > 50


def test_the_lowercase_views_have_no_case_twins_the_lowercased_view_misses():
    from re import _casefix

    letters = {ch for g in B._LOWERCASE_VIEWS for ch in g.pattern if ch.isalpha()} - {"S"}  # \\S, not a letter
    assert all(ch == ch.lower() for ch in letters)
    # IGNORECASE equates a letter with what lowercases to it and with its extra case twins
    # (the long s, the dotless i, the Kelvin sign...): those must lowercase to it too
    for p in letters:
        for x in _casefix._EXTRA_CASES.get(ord(p), ()):
            low = chr(x).lower().replace("\u0131", "i").replace("\u017f", "s")
            assert low == p or len(low) != 1, (p, chr(x))


def test_a_page_without_triggers_is_neither_laid_out_nor_viewed():
    """D240-D270 find nothing to read on plain prose: no layout is made, and no short-line
    view but D241's (its author words can be anywhere on a line)."""
    from helpers import rules_for
    from linter import engine
    from linter.config import default_context

    doc = Document.from_text(BEFORE + "The plan was approved by the council, said Jane Doe.\n" + AFTER)
    assert engine.check(doc, rules_for(["D24", "D25", "D26", "D27"]), default_context()) == []
    assert not Layout.made(doc) and set(doc.meta["debris-short"][1]) == {90}
