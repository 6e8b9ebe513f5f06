"""D240-D242: comment sections, comment threads, comment notices."""

from helpers import codes, fix, lint

ARTICLE = (
    "The council voted on Tuesday to close the old library on Main Street, ending a debate "
    "that had run for more than two years.\n"
    "Supporters of the library said the building could still serve the neighbourhood as a "
    "reading room, and asked the council to delay the sale until the spring.\n"
    "The mayor said the vote was final and that the books would move to the new branch "
    "across the river by the end of the year.\n"
)


def test_comment_section_after_the_article_is_flagged_to_the_end():
    text = ARTICLE + "3 Comments\nMaria\nSad to see it go.\nTom\nAbout time.\n"
    found = lint(text, ["D240"])
    assert [f.code for f in found] == ["D240"]
    assert fix(text, ["D240"], unsafe=True) == ARTICLE
    # unsafe only: a plain fix keeps the text
    assert fix(text, ["D240"]) == text


def test_comment_headings_in_other_languages():
    for heading in ("Comentários", "Kommentare (12)", "留言列表 (42)", "Leave a Reply", "Join the discussion",
                    "Discussion about this post"):
        assert codes(ARTICLE + heading + "\nGreat piece.\n", ["D240"]) == ["D240"], heading


def test_comment_heading_at_the_top_or_in_prose_is_left_alone():
    # a comment counter in the page head is not a comment section
    assert codes("941 comments\n" + ARTICLE, ["D240"]) == []
    # prose that mentions comments
    text = ARTICLE + "Leave a comment on the draft by Friday, she said.\n"
    assert codes(text, ["D240"]) == []
    # a table cell called "Comment" is not a heading
    assert codes(ARTICLE + "Comment\nnew\nscheduled\n", ["D240"]) == []


def test_comment_thread_by_repeated_author_lines():
    text = ARTICLE + ("Anonymous\nPrivacy Badger is also a good plugin to mention here.\n"
                      "Lars\nCouldn't I just block it in my proxy filter?\n"
                      "Anonymous\nGreat article.\nAnonymous\nThanks for writing this up.\n")
    found = lint(text, ["D241"])
    assert [f.code for f in found] == ["D241"]
    assert fix(text, ["D241"], unsafe=True) == ARTICLE


def test_comment_thread_by_dated_author_line():
    text = ARTICLE + "Alexander Petrov wrote on March 11th, 2015 at 02:57:\nNice API.\n"
    assert codes(text, ["D241"]) == ["D241"]


def test_quoted_writers_and_repeated_captions_are_not_a_thread():
    text = ARTICLE + ("Makali wrote:\n    Whenever a programmer thinks skins are a cool idea...\n"
                      "I am fully in support of this proposal.\n")
    assert codes(text, ["D241"]) == []
    text = ARTICLE + "Image\nA worker repairs cables in Queens.\n" * 3
    assert codes(text, ["D241"]) == []


def test_comment_notice_near_the_end():
    for line in ("You must login or create an account to comment.",
                 "The opinions expressed in reader comments are those of the author only, "
                 "and do not reflect the opinions of The Daily Times."):
        assert codes(ARTICLE + line + "\n", ["D242"]) == ["D242"], line
        assert fix(ARTICLE + line + "\n", ["D242"], unsafe=True) == ARTICLE


def test_comment_notice_leaves_prose_alone():
    for line in ("He declined to comment.",
                 "Officials did not respond to requests for comment on Friday.",
                 "“The comments were not a reflection of our policy,” she said."):
        assert codes(ARTICLE + line + "\n", ["D242"]) == [], line


def _per_line(found, text):
    lines: dict[int, list[str]] = {}
    for f in found:
        for n in range(text.count("\n", 0, f.start), text.count("\n", 0, max(f.end - 1, f.start)) + 1):
            lines.setdefault(n, []).append(f.code)
    return lines


def test_pack_chrome_heading_gets_one_finding():
    # "Leave a Comment" is WordPress chrome (D101, safe fix): the comment rules leave it to D101
    text = ARTICLE + "Leave a Comment\n"
    assert codes(text, ["D"]) == ["D101"]
    assert fix(text, ["D"]) == ARTICLE
    # with comments under it, D240 flags what follows the heading
    text = ARTICLE + "Leave a Comment\nMaria\nSad to see it go.\n"
    per_line = _per_line(lint(text, ["D"]), text)
    assert per_line[3] == ["D101"] and per_line[4] == ["D240"] and per_line[5] == ["D240"]
    assert fix(text, ["D"], unsafe=True) == ARTICLE
    # a notice that is pack chrome: one finding as well
    text = ARTICLE + "Comments are closed, but trackbacks and pingbacks are open.\n"
    assert codes(text, ["D"]) == ["D101"]


def test_comment_rules_alone_still_report_pack_chrome():
    # without D101 in the run, nobody else would report the line
    assert codes(ARTICLE + "Leave a Comment\n", ["D240"]) == ["D240"]
    assert codes(ARTICLE + "Comments are closed, but trackbacks and pingbacks are open.\n", ["D242"]) == ["D242"]


def test_counter_heading_is_left_to_d104():
    text = ARTICLE + "12 comments\nMaria\nSad to see it go.\n"
    per_line = _per_line(lint(text, ["D"]), text)
    assert per_line[3] == ["D104"] and per_line[4] == ["D240"]
    assert fix(text, ["D"], unsafe=True) == ARTICLE
    assert codes(text, ["D240"]) == ["D240"]


def test_thread_of_comments_headed_by_author_and_date():
    thread = ("Maria Lopez · 3 years ago\nSad to see it go.\n"
              "Tom Baker | March 4, 2021 at 10:02 am\nAbout time, frankly.\n")
    text = ARTICLE + thread
    assert codes(text, ["D241"]) == ["D241"]
    assert fix(text, ["D241"], unsafe=True) == ARTICLE


def test_one_dated_author_line_or_bylines_are_not_a_thread():
    # the post's own signature and date, once
    assert codes(ARTICLE + "Jane Doe · March 4, 2021\n", ["D241"]) == []
    # bylines of several stories on one page
    text = ARTICLE + "By Jane Doe · March 4, 2021\n" + ARTICLE + "By Tom Baker · March 5, 2021\n" + ARTICLE
    assert codes(text, ["D241"]) == []
