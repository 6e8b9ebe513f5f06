"""D106 title-site-suffix."""

import pytest

from helpers import codes, fix, lint

BODY = "\n\nThe council voted on Tuesday to close the old library.\n"


@pytest.mark.parametrize("title, head", [
    ("Obama admits US gun laws are his 'biggest frustration' - BBC News",
     "Obama admits US gun laws are his 'biggest frustration'"),
    ("Attack stokes instability fears in North Africa - The Washington Post",
     "Attack stokes instability fears in North Africa"),
    ("How to Build a Terrarium (with Pictures) | eHow", "How to Build a Terrarium (with Pictures)"),
    ("# Hermitian matrix and its uses - Wikipedia", "# Hermitian matrix and its uses"),
])
def test_known_site_suffix_is_stripped_safely(title, head):
    text = title + BODY
    found = lint(text, ["D106"])
    assert [f.code for f in found] == ["D106"] and found[0].fix.is_safe
    assert fix(text, ["D106"]) == head + BODY


def test_guessed_site_after_a_pipe_on_the_title_line_is_safe_by_default():
    text = "Blinken denies the missile incident shows cracks in communications with Ukraine | Wbactive" + BODY
    found = lint(text, ["D106"])
    assert found[0].fix.is_safe
    assert fix(text, ["D106"]) == ("Blinken denies the missile incident shows cracks in "
                                   "communications with Ukraine" + BODY)


def test_guessed_pipe_fix_can_be_made_unsafe():
    text = "Blinken denies the missile incident shows cracks | Wbactive" + BODY
    found = lint(text, ["D106"], options={"debris": {"guessed-pipe-fix": "unsafe"}})
    assert not found[0].fix.is_safe


def test_guessed_site_after_a_dash_is_unsafe():
    text = "How we designed our async task framework - Dropbox" + BODY
    found = lint(text, ["D106"])
    assert [f.code for f in found] == ["D106"] and not found[0].fix.is_safe
    assert fix(text, ["D106"]) == text
    assert fix(text, ["D106"], unsafe=True) == "How we designed our async task framework" + BODY


@pytest.mark.parametrize("title", [
    "Ukraine - what we know so far",
    "Blinken will meet with Russia as US pushes for more diplomacy",
    "Prices rose 3 percent - and then fell again.",
    "A | B",
    "Mozilla",
])
def test_titles_without_a_site_suffix_are_left_alone(title):
    assert codes(title + BODY, ["D106"]) == []


def test_only_the_title_line_is_checked_for_a_single_suffix():
    text = "Plain headline here today" + BODY + "\nThe fund fell 3 percent - Reuters\n"
    assert codes(text, ["D106"]) == []


def test_the_same_suffix_on_several_lines_is_flagged_unsafe():
    text = ("Headline of the page itself\n\nRelated:\n\n"
            "Storm hits the coast overnight | Daily Courier\n"
            "Mayor opens the new bridge | Daily Courier\n")
    found = lint(text, ["D106"])
    assert [f.code for f in found] == ["D106", "D106"]
    assert all(not f.fix.is_safe for f in found)


def test_corpus_scope_flags_a_suffix_shared_by_several_titles(tmp_path):
    from helpers import run_cli

    for i, head in enumerate(["Storm hits the coast", "Mayor opens the bridge", "Library to close soon"]):
        (tmp_path / f"p{i}.txt").write_text(f"{head} - the courier daily\n\nBody text here.\n")
    (tmp_path / "q.txt").write_text("Prices rise again this week - the courier daily\n\nBody.\n")
    # lowercase suffix: not site-shaped, so a single file says nothing
    res = run_cli("check", "--select", "D106", ".", cwd=tmp_path)
    assert res.returncode == 0, res.stdout
    res = run_cli("check", "--select", "D106", "--config", "debris.title-suffix-scope = 'corpus'",
                  ".", cwd=tmp_path)
    assert res.returncode == 1
    assert res.stdout.count("D106") == 4 and "ends the title of 4 files" in res.stdout
    res = run_cli("fix", "--select", "D106", "--config", "debris.title-suffix-scope = 'corpus'",
                  ".", cwd=tmp_path)
    assert (tmp_path / "q.txt").read_text().startswith("Prices rise again this week - the courier daily")
