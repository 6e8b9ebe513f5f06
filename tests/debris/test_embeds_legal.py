"""D270 social embeds, D254 legal notices, D262 wiki edit links, D221 gallery headings, D242 prompts."""

from helpers import codes, fix, lint

import pytest

P1 = ("The council voted on Tuesday to close the old library on Main Street, ending a debate "
      "that had run for more than two years.")
P2 = ("Supporters of the library said the building could still serve the neighbourhood as a "
      "reading room, and asked the council to delay the sale until the spring.")
P3 = ("The mayor said the vote was final and that the books would move to the new branch "
      "across the river by the end of the year.")


def test_embedded_tweet_signature_and_text():
    text = (f"{P1}\nHighlights from our 4-1 win at Villa Park pic.twitter.com/BUPgYtgHaY\n"
            f"— West Ham United (@WestHam) October 31, 2021\n{P2}\n")
    assert codes(text, ["D270"]) == ["D270", "D270"]
    assert fix(text, ["D270"], unsafe=True) == f"{P1}\n{P2}\n"


def test_handles_and_links_in_prose_are_not_embeds():
    text = (f"{P1}\nThe club (@WestHam on Twitter) posted the video on October 31, 2021, "
            f"and fans shared it widely.\n{P2}\n")
    assert codes(text, ["D270"]) == []


def test_legal_notice_at_the_end():
    for line in ("Linux is a registered trademark of Linus Torvalds",
                 "This website and all documents on it are licensed under a Creative Commons "
                 "Attribution-Share Alike 3.0 License."):
        text = f"{P1}\n{P2}\n{P3}\n{line}\n"
        assert codes(text, ["D254"]) == ["D254"], line
        assert fix(text, ["D254"], unsafe=True) == f"{P1}\n{P2}\n{P3}\n"


def test_legal_talk_in_prose_is_left_alone():
    text = f"{P1}\n{P2}\n“All rights reserved,” the lawyer wrote, “means nothing here.”\n"
    assert codes(text, ["D254"]) == []
    text = f"{P1}\n{P2}\nThe code was released under a licence of its own in 2004.\n"
    assert codes(text, ["D254"]) == []


def test_wiki_edit_link_is_cut_safely():
    text = f"{P1}\nHistory[edit]\n{P2}\n"
    assert codes(text, ["D262"]) == ["D262"]
    assert fix(text, ["D262"]) == f"{P1}\nHistory\n{P2}\n"
    # not selected by default
    assert "D262" not in codes(text)


def test_edit_in_brackets_inside_prose_is_left_alone():
    text = f"{P1}\nThe reviewer wrote a long note in the margin and asked for one more round of changes [edit]\n"
    assert codes(text, ["D262"]) == []
    assert codes(f"{P1}\nHistory [edit]\n", ["D262"]) == []


def test_gallery_heading_goes_with_the_slideshow():
    gallery = "\n".join(f"- {k}/20 Caption of picture {k}" for k in range(1, 5))
    text = f"{P1}\nBusiness news in pictures\n{gallery}\n{P2}\n"
    found = lint(text, ["D221"])
    assert len(found) == 5
    assert fix(text, ["D221"], unsafe=True) == f"{P1}\n{P2}\n"


def test_prompt_to_comment_anywhere():
    text = f"{P1}\nSubmit comments on this post to <editor@example.org>.\n{P2}\n{P3}\n{P1}\n{P2}\n"
    assert codes(text, ["D242"]) == ["D242"]


@pytest.mark.parametrize("line", ["She asked readers to send comments to the council.",
                                  "He declined to comment on the vote."])
def test_comment_words_in_the_body_are_left_alone(line):
    text = f"{P1}\n{line}\n{P2}\n{P3}\n{P1}\n{P2}\n"
    assert codes(text, ["D242"]) == []
