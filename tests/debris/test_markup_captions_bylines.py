"""D201 captions, D250-D253 bylines, datelines, boilerplate, source notes, D260-D261 markup husks."""

from helpers import SEEDS, codes, fix, lint

import pytest

P1 = ("The council voted on Tuesday to close the old library on Main Street, ending a debate "
      "that had run for more than two years.")
P2 = ("Supporters of the library said the building could still serve the neighbourhood as a "
      "reading room, and asked the council to delay the sale until the spring.")


def between(line: str) -> str:
    return f"{P1}\n{line}\n{P2}\n"


# -- D201 ------------------------------------------------------------------------------
@pytest.mark.parametrize("line", [
    "Secretary of State Antony Blinken attends a meeting Thursday in Bangkok. (Chalinee Thirasupa/Reuters)",
    "Protesters gather outside the court. (AP Photo/Evan Vucci)",
    "Photo: Joseph Cox",
    "Image credit: Raspberry Pi Foundation",
    "Photograph by Jane Doe for The Times",
    "Getty Images",
    "AFP/Getty Images",
    "A protester holds a flag outside the court in Hong Kong. Photograph: Jerome Favre/EPA",
    "FILE PHOTO: The logo of the company is seen at its headquarters in Paris",
    "Image source, Getty Images",
    "Image caption, The bridge was closed on Tuesday morning",
    "Media caption Mr Obama told the BBC that gun control was his biggest frustration",
    "Credit...Jane Doe for The New York Times",
    "A man walks past an armoured carrier parked on a Harare street on Thursday Credit: STR/AFP",
])
def test_captions_and_credits(line):
    text = between(line)
    assert codes(text, ["D201"]) == ["D201"]
    assert fix(text, ["D201"], unsafe=True) == f"{P1}\n{P2}\n"
    assert fix(text, ["D201"]) == text


@pytest.mark.parametrize("line", [
    "The photo was taken in 1908 (according to the museum).",
    "She sold the images to Getty Images in 2004, the lawsuit says.",
    "Photography became her trade after the war.",
    "The deal was led by Reuters and the AP (Associated Press).",
    "She printed the sign in bold: Photo: no flash allowed, then hung it up.",
    "The museum's label reads: Image: unknown artist, circa 1900. Nobody questioned it.",
    "Image sources, the court heard, were never disclosed to the defence.",
    "Credit card debt rose again last year, the bank said.",
])
def test_prose_about_photos_is_not_a_caption(line):
    assert codes(between(line), ["D201"]) == []


# -- D250 / D251 --------------------------------------------------------------------------
@pytest.mark.parametrize("line", [
    "By Michael Crowley and Anton Troianovski",
    "By Daphne Psaledakis and Olena Harmash",
    "Por Steven Lee Myers, Keith Bradsher y",
    "posted on April 21, 2015, at 11:29 a.m.",
])
def test_bylines(line):
    assert codes(between(line), ["D250"]) == ["D250"]


@pytest.mark.parametrize("head", [
    "Why our library matters\n\nJane Doe\n\nFollow\n\n5 min read\n\nMar 3, 2021\n\n",
    "Why our library matters\nRichard (R.J.) Eskow\nTopics: libraries, council, Sydney\n",
    "Why our library matters\n24 July 2015\nAna de la Cruz\n",
])
def test_author_name_next_to_the_post_widgets(head):
    text = head + P1 + "\n" + P2 + "\n"
    found = [f for f in lint(text, ["D250"]) if "name" in f.message]
    assert len(found) == 1
    assert "Why our library matters" in fix(text, ["D250"], unsafe=True)


@pytest.mark.parametrize("text", [
    f"Why our library matters\nJane Doe\n{P1}\n{P2}\n",                  # no widget next to it
    f"{P1}\nKenya Trip\n24 July 2015\n{P2}\n",                           # in the body, not the head
    "Why our library matters\n24 July 2015\nLog In\n" + P1 + "\n",        # a button
])
def test_names_without_post_widgets_are_left_alone(text):
    assert [f for f in lint(text, ["D250"]) if "name" in f.message] == []


@pytest.mark.parametrize("line", [
    "By changed lines",
    "By the end of the year the library had closed.",
    "By 2030, the city hopes to have rebuilt it.",
])
def test_prose_starting_with_by_is_not_a_byline(line):
    assert codes(between(line), ["D250"]) == []


@pytest.mark.parametrize("line", ["24 July 2015", "- 24 July 2015", "08.04.2015 12:46",
                                  "Updated: March 3, 2021 at 9:15 am", "2017-03-10 09:58　来源：网易科学人",
                                  "Updated 3:45 PM ET, Tue March 3, 2021", "Published 2 hours ago", "3 days ago",
                                  "vor 3 Stunden", "il y a 2 jours", "hace 5 minutos", "3小时前"])
def test_datelines(line):
    assert codes(between(line), ["D251"]) == ["D251"]
    # a line holding only a date is D251's, not D250's as well
    assert codes(between(line), ["D250", "D251"]) == ["D251"]


def test_dates_in_prose_or_timelines_are_left_alone():
    assert codes(between("On 24 July 2015 the council met again."), ["D251"]) == []
    assert codes(between("Two days ago the council met again and voted."), ["D251"]) == []
    assert codes(between("3 days ago, nobody had heard of the plan"), ["D251"]) == []
    # a run of dates is a timeline, not a dateline
    assert codes(P1 + "\n" + "7 May 1856\n26 September 1907\n" + P2 + "\n", ["D251"]) == []


def test_seed_bylines_never_removed_by_a_safe_fix():
    if not SEEDS.exists():
        pytest.skip("no shared corpus")
    for name, byline in (("002_b55532b72c78f078.txt", "By Daphne Psaledakis and Olena Harmash"),
                         ("003_fe4fb2dea130ca3f.txt", "By Michael Crowley and Anton Troianovski")):
        text = (SEEDS / name).read_text(encoding="utf-8")
        assert byline in fix(text, ["D"])
        assert "D250" in codes(text, ["D250"])


# -- D252 / D253 --------------------------------------------------------------------------
def test_about_company_boilerplate():
    text = (f"{P1}\n{P2}\nAbout Acme Corp\nAcme Corp is the leading maker of anvils, with offices "
            "in twelve countries and more than four thousand employees.\n")
    assert codes(text, ["D252"]) == ["D252"]
    assert fix(text, ["D252"], unsafe=True) == f"{P1}\n{P2}\n"


@pytest.mark.parametrize("heading", ["About the Author", "About the authors:", "Über den Autor", "À propos de l'auteur"])
def test_author_box_after_the_article(heading):
    text = (f"{P1}\n{P2}\n{heading}\nJane Doe is a reporter at the Gazette covering city hall and the "
            "courts. She lives in Sydney with two cats.\n")
    assert codes(text, ["D252"]) == ["D252"]
    assert fix(text, ["D252"], unsafe=True) == f"{P1}\n{P2}\n"


def test_about_heading_before_unrelated_prose_is_left_alone():
    text = f"{P1}\nAbout the vote\n{P2}\n"
    assert codes(text, ["D252"]) == []
    # "about" and a lower-case word is a subhead, not a company's name
    text = f"{P1}\nAbout a week after testing\nA week after testing, the council closed the library for good.\n"
    assert codes(text, ["D252"]) == []


def test_source_note():
    line = "Originally published at www.example.com on November 18, 2011."
    assert codes(between(line), ["D253"]) == ["D253"]
    assert codes(between("The essay was originally published in 1911, she said."), ["D253"]) == []


# -- D260 / D261 --------------------------------------------------------------------------
@pytest.mark.parametrize("line", ["- ", "-", "|  |  |", "|", "  • ", "⭐️⭐️⭐️⭐️", "☰", "✕", "\ufffc", "👍 👎"])
def test_empty_markup(line):
    assert codes(between(line), ["D260"]) == ["D260"]
    assert fix(between(line), ["D260"], unsafe=True) == f"{P1}\n{P2}\n"


def test_markup_with_words_is_left_alone():
    assert codes(between("- Share the load"), ["D260"]) == []
    assert codes(between("| a | b |"), ["D260"]) == []
    assert codes(between("---"), ["D260"]) == []
    # section breaks and box drawing are the text's own
    for line in ("❦", "⁂", "* * *", "❧ ❧ ❧", "────────┼────", "→ Next chapter", "✻ ✻ ✻"):
        assert codes(between(line), ["D260"]) == [], line


def test_table_rule_only_in_plain_text():
    table = "| Model | Price |\n|---|---|\n| Pi 3 | $35 |\n"
    assert codes(P1 + "\n" + table, ["D261"]) == ["D261"]
    assert codes(P1 + "\n" + table, ["D261"], path="doc.md") == []
    assert codes(P1 + "\n---\n" + P2, ["D261"]) == []


@pytest.mark.parametrize("line", ["Bradley M. Kuhn <bkuhn@example.org>", "Jane Doe, jane@example.co.uk",
                                  "Jane Doe <j.doe@news.example-paper.org>"])
def test_author_contact_line(line):
    assert codes(between(line), ["D250"]) == ["D250"]
    assert codes(line + "\n\n" + P1 + "\n", ["D250"]) == ["D250"]  # a first line too


def test_prose_with_an_address_is_not_a_contact_line():
    assert codes(between("Write to the council at clerk@example.org before Friday."), ["D250"]) == []
    assert codes(between("Questions go to clerk@city.gov.uk."), ["D250"]) == []


def test_kicker_above_the_headline():
    text = f"chaos theory\nThe Hidden Heroines of Chaos\n{P1}\n{P2}\n"
    assert codes(text, ["D255"]) == ["D255"]
    assert fix(text, ["D255"], unsafe=True) == f"The Hidden Heroines of Chaos\n{P1}\n{P2}\n"
    # a series label ending in a colon stands over a short headline too
    text = f"Open Library Project:\n\nBetter Branch Libraries\n\n{P1}\n{P2}\n"
    assert codes(text, ["D255"]) == ["D255"]
    assert codes(f"Library Project\n\nBetter Branches\n\n{P1}\n{P2}\n", ["D255"]) == []


@pytest.mark.parametrize("top", [
    "The Hidden Heroines of Chaos\n",                 # the headline itself
    "Contents\n- Introduction\n- History\n",          # a table of contents
    "Kenya trip\nThe president flew to Nairobi on Friday for talks with the government.\n",  # prose under it
    "New Zealand\nCoordinates: 42°S 174°E\n",
])
def test_first_lines_that_are_not_kickers(top):
    assert codes(top + P1 + "\n" + P2 + "\n", ["D255"]) == []


# -- D256 ------------------------------------------------------------------------------
@pytest.mark.parametrize("sign", ["— bkuhn", "– The Editors", "— Jane"])
def test_sign_off_after_the_last_paragraph(sign):
    text = f"{P1}\n{P2}\n{sign}\n"
    assert codes(text, ["D256"]) == ["D256"]
    assert fix(text, ["D256"], unsafe=True) == f"{P1}\n{P2}\n"
    assert fix(text, ["D256"]) == text


@pytest.mark.parametrize("text", [
    f"— Mark Twain\n{P1}\n{P2}\n",                                         # an epigraph's attribution
    f"{P1}\n{P2}\n“A library is the heart of a town, and a town without one has stopped listening.”\n— Mary Roe\n",  # a quotation's
    f"{P1}\n— and then the vote\n{P2}\n",                                   # inside the article
    f"{P1}\n{P2}\n— 12 March 2021\n",                                       # a date: D251's business
])
def test_dashes_that_are_not_sign_offs(text):
    assert codes(text, ["D256"]) == []


def test_a_byline_in_the_page_head_is_reported_once():
    # the byline sits next to site chrome in the head: both the byline and the page-head
    # author readings apply to it
    text = ("Harbour ferry returns after a winter away | Island Herald\n\nSkip to content\n\n"
            "By Marta Ilves\n\n"
            "PÄRNU — The ferry to the outer islands sailed again on Monday, after four months "
            "in dock, the operator said.\n")
    found = [f for f in lint(text) if f.code == "D250"]
    assert len(found) == 1 and text[found[0].start:].startswith("By Marta Ilves")
