"""D210 navigation rows, D211 tag lists."""

from helpers import codes, fix, lint

import pytest

P1 = ("The council voted on Tuesday to close the old library on Main Street, ending a debate "
      "that had run for more than two years.")
P2 = ("Supporters of the library said the building could still serve the neighbourhood as a "
      "reading room, and asked the council to delay the sale until the spring.")


def around(line: str) -> str:
    return f"{P1}\n{line}\n{P2}\n"


@pytest.mark.parametrize("line", [
    "Home | News | Sport | Weather",
    "Home » World » Europe",
    "Tech > News > The Next Web > Article",
    "About • Contact • Privacy Policy • Terms of Use",
    "| Archives | Calendar | Subscribe | Write for us | FAQ | Sponsors |",
])
def test_navigation_rows(line):
    text = around(line)
    assert codes(text, ["D210"]) == ["D210"]
    assert fix(text, ["D210"], unsafe=True) == f"{P1}\n{P2}\n"
    assert fix(text, ["D210"]) == text


@pytest.mark.parametrize("line", [
    "Prices rose 3% / year and wages 2% / year.",
    "The route runs London – Paris – Brussels, and the fare is the same.",
    "Either/or, and/or, his/her: the style guide bans all three.",
    "A | B",
])
def test_prose_with_separators_is_not_navigation(line):
    assert codes(around(line), ["D210"]) == []


def test_data_table_rows_are_not_navigation():
    table = ("|  | Draft | Review | Final |\n| Load map |  |  |  |\n| Save map |  |  |  |\n")
    assert codes(P1 + "\n" + table, ["D210"]) == []
    table = "| Model | Price | Memory | Storage |\n| Pi 3 | $35 | 1 GB | 8 GB |\n"
    assert codes(P1 + "\n" + table, ["D210"]) == []


def test_tag_list():
    line = "Topics: uber, libertarians, Sydney, Editor's Picks, sharing economy, Technology News"
    assert codes(around(line), ["D211"]) == ["D211"]
    assert fix(around(line), ["D211"], unsafe=True) == f"{P1}\n{P2}\n"


def test_prose_after_topics_label_is_not_a_tag_list():
    line = "Topics: the council discussed the library, the ferry and the budget for an hour."
    assert codes(around(line), ["D211"]) == []


def test_trailing_link_list_after_the_last_paragraph():
    text = f"{P1}\n{P2}\n- Politics & Government\n- Arts & Entertainment\n- American flag\n"
    assert codes(text, ["D212"]) == ["D212"]
    assert fix(text, ["D212"], unsafe=True) == f"{P1}\n{P2}\n"


@pytest.mark.parametrize("tail", [
    "You will need:\n- Flour\n- Salt\n- Water\n",                  # introduced
    "External links\n- City council\n- Library friends\n- Ferry timetable\n",  # under a heading
    "- Mix the flour.\n- Add the salt.\n- Bake it.\n",              # steps, not links
])
def test_introduced_lists_and_steps_are_left_alone(tail):
    assert codes(f"{P1}\n{P2}\n{tail}", ["D212"]) == []


@pytest.mark.parametrize("line", ["More in Opinion ›", "Next Chapter →", "- View All Courses »", "选择其他平台 >>",
                                  "Sign me up →"])
def test_link_lines_ending_in_an_arrow(line):
    text = around(line)
    assert codes(text, ["D213"]) == ["D213"]
    assert fix(text, ["D213"], unsafe=True) == f"{P1}\n{P2}\n"
    assert fix(text, ["D213"]) == text


@pytest.mark.parametrize("line", [
    "Les « boîtes noires »",                                   # a French quotation closing the line
    "The council voted and the mayor left the room. →",        # a sentence
    "x = y >>",                                                # code
    "Home » World » Europe",                                   # a row of links: D210's
    "Next, the mayor turned to the budget and the clerk read the figures aloud to everyone in the room »",
])
def test_lines_ending_in_arrows_that_are_not_links(line):
    assert codes(around(line), ["D213"]) == []


def test_tag_block_after_the_article():
    text = f"{P1}\n{P2}\nTopics\nLibraries\nSydney\nCity council\n"
    found = lint(text, ["D211"])
    assert [f.code for f in found] == ["D211"]
    assert fix(text, ["D211"], unsafe=True) == f"{P1}\n{P2}\n"


@pytest.mark.parametrize("text", [
    f"{P1}\nTopics\n- Libraries\n- Reading rooms\n{P2}\n",                 # inside the article
    f"{P1}\n{P2}\nTags\nThe council will publish the full list of tags on Friday.\n",  # prose under it
])
def test_tag_headings_without_a_tag_block(text):
    assert codes(text, ["D211"]) == []


def test_separator_lines_are_the_lines_holding_a_separator():
    from linter.core.document import Document
    from linter.rules.debris.layout import lines_containing
    from linter.rules.debris.navigation import NAV_SEPARATORS, _MARKED, separator_lines

    rest = tuple(n for n in NAV_SEPARATORS if n not in _MARKED)
    for text in ("Home | News\nA > B\n1 / 2\nMore »\n", "a\t|b\nc|\td\ne>>f\ng •h\ni · j\nk → l\nm ›\n",
                 "no separator|here\nx>y\na·b\nc→d\n", "last | line"):
        doc = Document.from_text(text)
        assert separator_lines(doc) == lines_containing(doc, rest), text
