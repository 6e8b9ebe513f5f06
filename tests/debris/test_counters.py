"""D104 engagement-counter."""

import pytest

from helpers import codes, fix, lint

PARA1 = "\u201cThere\u2019s a diplomatic path forward,\u201d Psaki said."
PARA2 = "The talks will resume next week in Geneva."


def article(*middle):
    return "\n\n".join((PARA1, *middle, PARA2)) + "\n"


@pytest.mark.parametrize("line", [
    "10 views0 comments", "10 views 0 comments", "0 Comments", "- 941 comments", "3 min read",
    "5 minute read", "Reading time: 4 minutes", "1.2K claps", "12 Shares 4 Comments",
    "Share 0 Tweet 0", "Comments (3)", "2,304 views",
])
def test_counter_lines_are_deleted_by_a_safe_fix(line):
    text = article(line)
    found = lint(text, ["D104"])
    assert [f.code for f in found] == ["D104"]
    assert found[0].fix.is_safe, line
    assert fix(text, ["D104"]) == article()


@pytest.mark.parametrize("line", ["12 Shares", "4 likes", "Share 0"])
def test_a_single_share_or_like_count_is_unsafe(line):
    # "100 shares" can be a list item of a finance article
    found = lint(article(line), ["D104"])
    assert [f.code for f in found] == ["D104"] and not found[0].fix.is_safe


def test_fused_counters_are_named_in_the_message():
    found = lint(article("10 views0 comments"), ["D104"])
    assert "fused" in found[0].message


@pytest.mark.parametrize("prose", [
    "The page had 10 views in its first hour.",
    "Comments (5 posted) were read by the editors.",
    "- 100 shares of Apple at $150",
    "It takes 3 min to read the summary.",
    "2020",
    "Views from the top of the tower.",
])
def test_prose_with_numbers_is_left_alone(prose):
    assert codes(article(prose), ["D104"]) == []


def test_counter_in_a_metadata_line_is_an_unsafe_span():
    text = article("Jane Doe \u00b7 Mar 3, 2022 \u00b7 3 min read")
    found = lint(text, ["D104"])
    assert [f.code for f in found] == ["D104"] and not found[0].fix.is_safe
    assert fix(text, ["D104"], unsafe=True) == article("Jane Doe \u00b7 Mar 3, 2022")
    assert fix(text, ["D104"]) == text
