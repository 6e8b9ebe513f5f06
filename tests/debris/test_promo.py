"""D230 tail promo boxes, D231 labelled promo boxes, D232 calls to action."""

from helpers import SEEDS, codes, fix, lint

import pytest

BODY = "\n".join([
    "The council voted on Tuesday to close the old library on Main Street, ending a debate "
    "that had run for more than two years.",
    "Supporters of the library said the building could still serve the neighbourhood as a "
    "reading room, and asked the council to delay the sale until the spring.",
    "The mayor said the vote was final and that the books would move to the new branch "
    "across the river by the end of the year, when the lease of the old building runs out.",
    "Residents who still hold books from the old library can return them at the town hall "
    "until the end of the month, the council said in a statement on Wednesday.",
]) + "\n"


def test_related_box_after_the_article():
    tail = "You Might Also Like\nHarbour bridge repairs delayed again\nNew ferry timetable\n"
    text = BODY + tail
    found = lint(text, ["D230"])
    assert len(found) == 1
    assert fix(text, ["D230"], unsafe=True) == BODY
    assert fix(text, ["D230"]) == text


def test_related_heading_early_in_the_page_flags_only_the_heading():
    text = BODY + "Related stories\n" + BODY + BODY
    found = lint(text, ["D230"])
    assert len(found) == 1 and text.count("\n", 0, found[0].end) == text.count("\n", 0, found[0].start)


def test_prose_mentioning_related_stories_is_left_alone():
    text = BODY + "More from the council meeting will follow on Friday, the mayor said.\n"
    assert codes(text, ["D230"]) == []
    assert codes(BODY + "Related to this, the mayor resigned.\n", ["D230"]) == []


BOX = ("War on the coast: What you need to know\n\n"
       "The latest: Storms hit the coast on Tuesday, the third time this month.\n\n"
       "Photos: Our photographers have been on the ground since the start.\n\n"
       "How you can help: Here are ways to support the people of the coast.\n\n"
       "Read our full coverage of the storms. Are you on Telegram? Subscribe to our channel for updates.\n")


def test_promo_box_at_the_end():
    text = BODY.replace("\n", "\n\n") + BOX
    assert "D231" in codes(text, ["D231"])
    assert fix(text, ["D231"], unsafe=True).rstrip("\n") == BODY.replace("\n", "\n\n").rstrip("\n")


def test_labelled_paragraphs_inside_the_article_are_not_a_promo_box():
    qa = ("Q: When does the library close?\nA: At the end of the year.\n"
          "Q: Where do the books go?\nA: To the new branch.\n")
    assert codes(BODY + qa, ["D231"]) == []
    notes = ("Correction: An earlier version misstated the date of the vote.\n"
             "Update: The council confirmed the sale on Friday.\n")
    assert codes(BODY + notes, ["D231"]) == []


@pytest.mark.parametrize("line", [
    "Are you on Telegram? Subscribe to our channel for updates and exclusive video.",
    "Follow us on Twitter to get the latest on the world's hidden wonders.",
    "Sign up for our newsletter.",
])
def test_call_to_action_lines(line):
    text = BODY + line + "\n"
    assert codes(text, ["D232"]) == ["D232"]
    assert fix(text, ["D232"], unsafe=True) == BODY


def test_call_to_action_cut_from_the_last_paragraph():
    text = BODY + "The talks ended at noon. Follow us on Twitter for more updates.\n"
    assert fix(text, ["D232"], unsafe=True) == BODY + "The talks ended at noon.\n"


@pytest.mark.parametrize("line", [
    "Follow the money, the investigators were told.",
    "Like our parents before us, we moved west in the spring.",
    "Support for the plan among our members fell to a third.",
    "“Join us,” the mayor told the crowd.",
])
def test_prose_is_not_a_call_to_action(line):
    assert codes(BODY + line + "\n", ["D232"]) == []


def test_seed_footer_call_to_action():
    if not SEEDS.exists():
        pytest.skip("no shared corpus")
    text = (SEEDS / "000_5e03979797d43c26.txt").read_text(encoding="utf-8")
    lines = {text.count("\n", 0, f.start) + 1 for f in lint(text, ["D232"])}
    assert 65 in lines


def test_box_heading_that_is_pack_chrome_gets_one_finding():
    tail = "You Might Also Like\nHarbour bridge repairs delayed again\nNew ferry timetable\n"
    text = BODY + tail
    found = lint(text, ["D"])
    heading = [f.code for f in found if text.count("\n", 0, f.start) == 4]
    assert heading == ["D101"]
    assert [f.code for f in found if text.count("\n", 0, f.start) == 5] == ["D230"]
    assert fix(text, ["D"], unsafe=True) == BODY



@pytest.mark.parametrize("line", ["Update your browser to browse 5 times faster. Update now×", "Crop Image ×",
                                  "浏览器更新提醒电脑登录微信无需扫码，浏览QQ空间提速 5 倍立即更新×", "Accept cookies ✕"])
def test_closable_notice(line):
    text = BODY + line + "\n"
    assert codes(text, ["D233"]) == ["D233"]
    assert fix(text, ["D233"], unsafe=True) == BODY
    assert fix(text, ["D233"]) == text


@pytest.mark.parametrize("line", ["The room measured 4 ×", "Scale the picture by 2×", "The magnification was 10 × 2 ×",
                                  "| 3 | 4 × |"])
def test_multiplication_signs_are_not_close_buttons(line):
    assert codes(BODY + line + "\n", ["D233"]) == []
