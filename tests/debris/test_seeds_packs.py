"""The seeds' pack-driven debris (issue 2's D part): found, removed by a safe fix, prose kept."""

import pytest

from helpers import SEEDS, fix, lint

D1 = ["D101", "D102", "D103", "D104", "D105", "D106"]

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds not present")


def seed(prefix):
    return next(SEEDS.glob(prefix + "_*.txt")).read_text(encoding="utf-8")


def test_seed_000_masthead_goes_headline_and_caption_stay():
    text = seed("000")
    assert any(f.code == "D103" and f.fix.is_safe for f in lint(text, D1))
    fixed = fix(text, D1)
    assert fixed.startswith("Blinken denies missile incident shows communication rift with Ukraine\n\n")
    assert "Democracy Dies in Darkness" not in fixed
    assert "Read our full coverage of the Russia-Ukraine war." in fixed
    assert "Telegram" not in fixed


def test_seed_001_title_suffix_is_stripped_and_comment_prompt_deleted():
    text = seed("001")
    fixed = fix(text, D1)
    first = fixed.split("\n", 1)[0]
    assert first == "Blinken denies the missile incident shows cracks in communications with Ukraine"
    assert "Leave a Comment" not in fixed
    assert fixed.rstrip().endswith("said ahead of the Trip.")


def test_seed_002_comments_closed_goes_subhead_and_byline_stay():
    text = seed("002")
    fixed = fix(text, D1)
    assert "Comments are closed" not in fixed
    assert "\nBattlefield pressures\n" in fixed
    assert fixed.startswith("By Daphne Psaledakis and Olena Harmash\n")


def test_seed_003_wix_chrome_and_counters_go():
    text = seed("003")
    fixed = fix(text, D1)
    for gone in ("top of page", "Writer's picture", "10 views0 comments", "bottom of page"):
        assert gone not in fixed
    assert fixed.startswith("Blinken will meet with Russia as US pushes for more diplomacy\n\n")
    assert "\n\nBy Michael Crowley and Anton Troianovski\n\n" in fixed


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_safe_fix_keeps_every_other_paragraph_and_is_idempotent(prefix):
    text = seed(prefix)
    fixed = fix(text, D1)
    assert fix(fixed, D1) == fixed
    debris = {i for f in lint(text, D1) if f.fix and f.fix.is_safe
              for i in range(text.count("\n", 0, f.start), text.count("\n", 0, f.end) + 1)}
    kept = [line for i, line in enumerate(text.split("\n")) if line.strip() and i not in debris]
    fixed_lines = set(fixed.split("\n"))
    for line in kept:
        assert line in fixed_lines, line
    # paragraphs stay separated as they were: no doubled blank lines appear
    assert "\n\n\n" not in fixed or "\n\n\n" in text
