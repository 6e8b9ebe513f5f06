"""D105 fused-chrome."""

from helpers import codes, fix, lint

PARA = "The council voted on Tuesday to close the old library."


def test_slogan_fused_to_a_site_name_inside_a_line():
    text = PARA + "\n\nRead the coverage of The Washington PostDemocracy Dies in Darkness\n"
    found = lint(text, ["D105"])
    assert [f.code for f in found] == ["D105"]
    assert "slogan" in found[0].message and not found[0].fix.is_safe
    assert fix(text, ["D105"], unsafe=True) == PARA + "\n\nRead the coverage of The Washington Post\n"


def test_chrome_label_fused_before_other_text():
    text = PARA + "\n\nbottom of pageCopyright Jane Doe\n"
    found = lint(text, ["D105"])
    assert [f.code for f in found] == ["D105"]
    assert fix(text, ["D105"], unsafe=True) == PARA + "\n\nCopyright Jane Doe\n"


def test_wix_label_glued_to_a_name_is_a_pack_span_not_d105():
    text = PARA + "\n\nJan 19, 2022 \u00b7 Writer's pictureJane Doe\n"
    assert [f.code for f in lint(text, ["D102", "D105"])] == ["D102"]
    assert fix(text, ["D102"]) == PARA + "\n\nJan 19, 2022 \u00b7 Jane Doe\n"
    # a line that is the Wix author widget as a whole is D101's
    assert [f.code for f in lint(PARA + "\n\nWriter's pictureJane Doe\n", ["D101", "D102", "D105"])] == ["D101"]
    # prose that starts with the words is not chrome
    assert lint(PARA + "\n\nWriter's picture of the town was bleak.\n", ["D101", "D102", "D105"]) == []


def test_site_name_glued_to_the_last_word_of_a_sentence():
    text = "Read the whole storyThe Guardian\n"
    assert codes(text, ["D105"]) == ["D105"]
    assert fix(text, ["D105"], unsafe=True) == "Read the whole story\n"


def test_whole_masthead_lines_are_left_to_d103():
    assert codes("The Washington PostDemocracy Dies in Darkness\n\n" + PARA + "\n", ["D105"]) == []


def test_camel_case_words_in_prose_are_left_alone():
    for prose in ("She bought an iPhone at McDonald's and posted it on YouTube.",
                  "The JavaScript library is on GitHub.",
                  "He read The Washington Post every morning."):
        assert codes(prose + "\n", ["D105"]) == [], prose
