"""D220 related-story teasers, D221 slideshow items."""

from helpers import SEEDS, codes, fix, lint

import pytest

P1 = ("The council voted on Tuesday to close the old library on Main Street, ending a debate "
      "that had run for more than two years.")
P2 = ("Supporters of the library said the building could still serve the neighbourhood as a "
      "reading room, and asked the council to delay the sale until the spring.")
P3 = ("The mayor said the vote was final and that the books would move to the new branch "
      "across the river by the end of the year.")


def page(middle: str, sep: str = "\n\n") -> str:
    return sep.join([P1, P2, middle, P3]) + "\n"


@pytest.mark.parametrize("teaser", [
    "Sydney Harbour Bridge repairs delayed again as costs climb",
    "Bridge repairs were delayed, city says. But fears remain.",
    "Related: Council sells the Main Street library to a developer",
])
def test_teaser_between_paragraphs_is_flagged(teaser):
    for sep in ("\n\n", "\n"):
        text = page(teaser, sep)
        assert codes(text, ["D220"]) == ["D220"]
        fixed = fix(text, ["D220"], unsafe=True)
        assert teaser not in fixed and P2 in fixed and P3 in fixed
        assert fix(text, ["D220"]) == text  # unsafe only


@pytest.mark.parametrize("line", [
    "Battlefield pressures",                                   # a short subhead
    "Why did the council wait?",                               # a question subhead
    "Make a List of Everything You Own and Keep It Handy",     # Title Case heading
    "Russia and Iran deny the allegations made this week.",     # a short paragraph
    "Download it and install it. You can get it from the site.",  # two short sentences, no attribution
    "By Jane Doe and Sam Roe",                                 # a byline
    # subheads written as sentences: no name to stand on their own, or leaning on the article
    "Rock salt on icy streets can cause mayhem below them",
    "Construction during the winter is not always a good idea",
    "The U.S. has not faced this issue for many years",
    "But Washington does not want to hear about the potential problems",
    "We did not know what we did not know about Oslo",
    "It’s easiest to judge the Vision Pro on what won’t change",
    # bylines, datelines, labels and notes are other rules' business or the article's
    "Posted by Jane Doe of the Harbour Gazette at 10:42 AM",
    "Jan 19, 2022 · Writer's picture Jane Doe",
    "Proof: By definition of the Hermitian matrix",
    "The day came and the Leviathan entered the atmosphere [MP4 SP]",
    "Media caption, Watch: the storm hits the Sydney harbour",    # a caption: D201's
])
def test_subheads_and_short_paragraphs_are_not_teasers(line):
    assert codes(page(line), ["D220"]) == []


def test_sectioned_article_keeps_its_sentence_subheads():
    # an article with short subheads ("Consent", "Privilege") writes some longer ones too
    text = "\n\n".join([P1, "Consent", P2, "Privilege", P3, "Fix the surveillance economy, not just Facebook",
                       P1]) + "\n"
    assert codes(text, ["D220"]) == []
    # a teaser that says so is still one
    text = text.replace("Fix the surveillance", "Read more: Fix the surveillance")
    assert codes(text, ["D220"]) == ["D220"]


@pytest.mark.parametrize("line", ["Read more: Sydney Harbour Bridge repairs delayed again as costs climb",
                                  "RELATED: Council sells Main Street library", "Watch: Storm hits the harbour",
                                  "Lire aussi : Les critiques de la CNIL contre le projet de loi"])
def test_labelled_teaser_anywhere_after_the_first_paragraph(line):
    # next to other debris ("Advertisement"), not between two paragraphs
    text = "\n\n".join([P1, "Advertisement", line, P2, P3]) + "\n"
    assert codes(text, ["D220"]) == ["D220"]
    assert line not in fix(text, ["D220"], unsafe=True)
    # in the page head, before the article, it is left to other rules
    assert codes("\n\n".join([line, P1, P2]) + "\n", ["D220"]) == []


def test_labels_on_prose_are_not_teasers():
    text = "\n\n".join([P1, "More: the council said it would decide on Friday, and then it did, over a long "
                                "evening of debate.", P2]) + "\n"
    assert codes(text, ["D220"]) == []


def test_teaser_needs_prose_on_both_sides():
    # a headline at the top of the page is not a teaser
    text = "Harbour bridge repairs delayed again as costs climb\n\n" + P1 + "\n\n" + P2 + "\n"
    assert codes(text, ["D220"]) == []


def test_seed_teasers_flagged_and_subhead_kept():
    if not SEEDS.exists():
        pytest.skip("no shared corpus")
    text = (SEEDS / "000_5e03979797d43c26.txt").read_text(encoding="utf-8")
    lines = {text.count("\n", 0, f.start) + 1 for f in lint(text, ["D220"])}
    assert {15, 23, 35} <= lines
    text = (SEEDS / "001_861c7d8c4de888dc.txt").read_text(encoding="utf-8")
    lines = {text.count("\n", 0, f.start) + 1 for f in lint(text, ["D220"])}
    assert {10, 18, 30} <= lines
    text = (SEEDS / "002_b55532b72c78f078.txt").read_text(encoding="utf-8")
    assert "Battlefield pressures" in fix(text, ["D"], unsafe=True)


GALLERY = "\n".join(f"- {k}/12 Caption of picture number {k} in the gallery" for k in range(1, 6))


def test_slideshow_items_flagged():
    text = P1 + "\n" + GALLERY + "\n" + P2 + "\n"
    found = lint(text, ["D221"])
    assert len(found) == 5
    assert fix(text, ["D221"], unsafe=True) == P1 + "\n" + P2 + "\n"
    assert codes(P1 + "\n- 1 of 5\n" + P2 + "\n", ["D221"]) == ["D221"]


def test_fractions_and_prose_counts_are_not_slides():
    recipe = "- 1/2 cup flour\n- 3/4 cup sugar\n- 1/4 teaspoon salt\n- 2/3 cup milk\n"
    assert codes(P1 + "\n" + recipe, ["D221"]) == []
    assert codes("About 1 of 5 voters stayed home, and 2 of 5 voted early.\n", ["D221"]) == []


CARD = ("The Spectacular Story Of Metroid, Part 2\n"
        "This article is a continuation of an epic telling of the story of the Metroid games…\n"
        "Read more\n")


def test_teaser_card_with_truncated_summary():
    text = f"{P1}\n{CARD}{P2}\n{P3}\n"
    found = lint(text, ["D222"])
    assert len(found) == 1
    assert fix(text, ["D222"], unsafe=True) == f"{P1}\n{P2}\n{P3}\n"


def test_truncated_title_case_headline_between_paragraphs():
    text = f"{P1}\nFriday's Best Deals: Children's Books, Circular Lamp, Memory Foam...\n{P2}\n{P3}\n"
    assert codes(text, ["D222"]) == ["D222"]


def test_trailing_ellipsis_in_prose_is_not_a_card():
    text = f"{P1}\nAnd then he said the vote would wait until spring…\n{P2}\n{P3}\n"
    assert codes(text, ["D222"]) == []
    # a paragraph cut short before "Read more", with no headline above it, may be the article's own
    text = f"{P1}\n{P2} And then…\nRead more\n{P3}\n"
    assert codes(text, ["D222"]) == []


def test_min_words_option():
    text = page("Bridge repairs in Kyiv delayed")  # five words: a subhead by default
    assert codes(text, ["D220"]) == []
    opts = {"debris": {"teaser-min-words": 4}}
    assert codes(text, ["D220"], options=opts) == ["D220"]


def test_teasers_in_a_box_of_other_stories_are_the_box_rules():
    box = f"Most Read\n\n{P3}\n\nSydney Harbour Bridge repairs delayed again as costs climb\n\n"
    text = "\n\n".join([P1, P2, P3, P1, P2]) + "\n\n" + box + P2 + "\n"
    found = lint(text, ["D"])
    teaser_line = text[:text.index("Sydney Harbour")].count("\n")
    on_line = [f.code for f in found if text.count("\n", 0, f.start) <= teaser_line <= text.count("\n", 0, f.end - 1)]
    assert "D220" not in on_line and "D230" in on_line
    # alone, D220 still reports it
    assert "D220" in codes(text, ["D220"])
