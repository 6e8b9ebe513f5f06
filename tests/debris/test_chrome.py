"""D101 chrome-line, D102 chrome-span, D103 masthead."""

import pytest

from helpers import codes, fix, lint

PARA1 = "The council voted on Tuesday to close the old library on Main Street."
PARA2 = "Supporters said the building could still serve the neighbourhood."


def article(*middle):
    return "\n\n".join((PARA1, *middle, PARA2)) + "\n"


@pytest.mark.parametrize("line", [
    "top of page", "bottom of page", "  \u2022 Writer\u2019s pictureThe Daily Courier",
    "Leave a Comment", "Comments are closed, but trackbacks and pingbacks are open.",
    "Comments are closed.", "Share this:", "Like this:", "Like Loading...",
    "Click to share on Twitter (Opens in new window)", "Skip to main content",
    "Email ThisBlogThis!Share to XShare to FacebookShare to Pinterest",
    "Newer Post Older Post Home", "Subscribe to: Post Comments (Atom)",
    "\u00a9 2021 Example Media Group. All rights reserved.", "Advertisement",
    "You must login or create an account to comment.", "| Minecraft News | Powered by Tumblr |",
    "Great! Check your inbox and click the link to confirm your subscription.",
    "Thanks for reading The Weekly Wire! Subscribe for free to receive new posts and support my work.",
    "Member-only story", "Share Tweet Email Print", "Powered by Squarespace",
])
def test_safe_chrome_lines_are_deleted_with_their_blank_line(line):
    text = article(line)
    assert codes(text, ["D101"]) == ["D101"]
    assert fix(text, ["D101"]) == article()


@pytest.mark.parametrize("line", [
    "Related", "Previous", "Next \u2192", "Privacy Policy", "Sign in", "Posted in Uncategorized, Politics",
    "Sign up for our newsletter", "Follow us on Twitter", "Read more", "Recent Posts",
    "This article is more than 2 years old", "Reuse this content", "Enter your email address",
    "By signing up, you agree to our Privacy Policy and Terms of Service.",
])
def test_unsafe_chrome_lines_are_flagged_and_only_removed_with_unsafe_fixes(line):
    text = article(line)
    found = lint(text, ["D101"])
    assert [f.code for f in found] == ["D101"]
    assert not found[0].fix.is_safe
    assert fix(text, ["D101"]) == text
    assert fix(text, ["D101"], unsafe=True) == article()


@pytest.mark.parametrize("prose", [
    "\u201cLeave a comment on the draft by Friday,\u201d she said.",
    "Comments are closed on weekends, the moderators said.",
    "She read more than forty books that summer.",
    "Share this: the most important lesson of the year.",
    "We went to the top of page three and stopped.",
    "Related stories appeared in three newspapers on the same day.",
    "The site said it was powered by WordPress and hosted in Ohio.",
    "Advertisement revenue fell by a third.",
    "This article is more than two years in the making.",
    "By signing up for the class, you agree to attend every week, the teacher said.",
    "Enter your email address only if you want the receipt, the clerk told him.",
])
def test_prose_that_mentions_chrome_words_is_left_alone(prose):
    text = article(prose)
    assert codes(text, ["D101", "D102", "D103"]) == []
    assert fix(text, ["D101", "D102", "D103"], unsafe=True) == text


def test_chrome_lines_at_top_and_bottom_keep_the_final_newline_and_paragraphs():
    text = "top of page\n\nHeadline\n\n" + PARA1 + "\n\n" + PARA2 + "\n\n\nbottom of page"
    assert fix(text, ["D101"]) == "Headline\n\n" + PARA1 + "\n\n" + PARA2


def test_chrome_span_at_the_end_of_a_line_is_removed_without_joining_words():
    text = article("Read our full coverage of the war. Are you on Telegram? Subscribe to our "
                   "channel for updates and exclusive video.")
    found = lint(text, ["D102"])
    assert [f.code for f in found] == ["D102"]
    assert fix(text, ["D102"]) == article("Read our full coverage of the war.")


def test_chrome_span_inside_a_line():
    text = article("Share this: Click to share on Facebook (Opens in new window) Facebook Click to "
                   "share on X (Opens in new window) X")
    fixed = fix(text, ["D101", "D102"])
    assert "Opens in new window" not in fixed
    assert "  " not in fixed


def test_span_that_is_the_whole_line_deletes_the_line():
    text = article("Comments are closed, but trackbacks and pingbacks are open.")
    assert fix(text, ["D102", "D101"]) == article()


def test_masthead_with_slogan_is_safe_and_keeps_the_headline():
    text = ("The Washington PostDemocracy Dies in Darkness\n\n"
            "Blinken denies missile incident shows communication rift with Ukraine\n\n" + PARA1 + "\n")
    found = lint(text, ["D103"])
    assert [f.code for f in found] == ["D103"] and found[0].fix.is_safe
    assert fix(text, ["D103"]) == text.split("\n\n", 1)[1]


@pytest.mark.parametrize("line", ["The Washington Post", "Democracy Dies in Darkness", "BBC News"])
def test_bare_masthead_name_or_slogan_is_unsafe(line):
    found = lint(article(line), ["D103"])
    assert [f.code for f in found] == ["D103"] and not found[0].fix.is_safe


def test_masthead_name_inside_prose_is_not_flagged():
    assert codes(article("The Washington Post reported the story first."), ["D103"]) == []


def test_inline_suppression_silences_a_chrome_span():
    line = "Read on. Are you on Telegram? Subscribe to our channel for updates."
    assert codes(article(line), ["D102"]) == ["D102"]
    assert codes(article(line + " texthygiene: ignore[D102]"), ["D102"]) == []


def test_adjacent_chrome_lines_at_the_top_leave_no_blank_line():
    text = "top of page\n  \u2022 Writer's pictureThe Daily Courier\n\nHeadline of the day\n\n" + PARA1 + "\n"
    assert fix(text, ["D101"]) == "Headline of the day\n\n" + PARA1 + "\n"


def test_a_suppressed_line_next_to_chrome_is_kept():
    text = "top of page\nWriter's pictureJane Doe <!-- texthygiene: ignore -->\n\nHeadline\n"
    fixed = fix(text, ["D101"], path="doc.md")
    assert fixed == "Writer's pictureJane Doe <!-- texthygiene: ignore -->\n\nHeadline\n"


@pytest.mark.parametrize("line", [
    "This website and all documents on it are licensed under a Creative Commons Attribution 4.0 License.",
    "Linux is a registered trademark of Linus Torvalds",
    "Comments and public postings are copyrighted by their creators.",
    "From the section US & Canada", "Featured Slide Shows", "Topics: uber, libertarians, sharing economy",
    "Download the Daily Courier app now!",
    "Follow Jane Doe on Twitter: @janedoe", "Contact the author at jane.doe@example.com.",
    "Teilen", "Lire la suite \u2192", "- default, selected", "\u00d7", "Publicidad", "\u5206\u4eab\u5230", "From Around the Web", "Your Ad Choices",
])
def test_more_generic_chrome_is_flagged_unsafe(line):
    found = lint(article(line), ["D101"])
    assert [f.code for f in found] == ["D101"] and not found[0].fix.is_safe, line


@pytest.mark.parametrize("prose", [
    "The licence says the text is licensed under a Creative Commons licence, which matters.",
    "Linux is a registered trademark of Linus Torvalds.",
    "Topics: we discussed the budget, the bridge and the library.",
    "From the section on taxes, the report moved to housing.",
    "Click here to see why the council voted no, the leaflet said, but few did.",
    "Follow the money on Twitter and you will see the pattern.",
])
def test_sentences_like_generic_chrome_are_left_alone(prose):
    assert codes(article(prose), ["D101"]) == []


def test_markdown_code_blocks_are_left_alone():
    text = ("# How the share bar renders\n\nThe widget prints this:\n\n```text\nShare this:\n"
            "10 views0 comments\nThe Washington PostDemocracy Dies in Darkness\n```\n\nLeave a Comment\n")
    found = lint(text, ["D101", "D102", "D103", "D104", "D105", "D106"], path="doc.md")
    assert [(f.code, text.count("\n", 0, f.start)) for f in found] == [("D101", 10)]
    # the same lines outside a fence are debris
    assert len(lint(text.replace("```text\n", "").replace("```\n", ""),
                    ["D101", "D103", "D104"], path="doc.md")) == 4
