"""P101/P102: doubled single quotes, backticks and commas standing for a double quote."""

import pytest
from helpers import SEEDS, codes, fix, lint


# -- P101 doubled curly quotes -------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Scholz said that “everything will be discussed in Ukraine.’’\n",
     "Scholz said that “everything will be discussed in Ukraine.”\n"),
    ("‘‘We will not back down,’’ the minister said.\n",
     "“We will not back down,” the minister said.\n"),
    ("He called it “a dead end’’ and left.", "He called it “a dead end” and left."),
])
def test_p101_safe_fix(text, expected):
    assert codes(text, select=["P101"]) == ["P101"] * (text.count("’’") + text.count("‘‘"))
    assert fix(text, select=["P101"]) == expected
    assert fix(expected, select=["P101"]) == expected


@pytest.mark.parametrize("text", [
    "The Russian word ob’’yavlenie keeps its hard-sign mark.",   # transliteration of ъ
    "She bought a 12’’ vinyl record.",                           # inches
    "Nested: “He said ‘no’” and “‘yes’ she said”.",              # ’” and ”’ are fine
    "A run of three ’’’ marks is left alone.",
    "“Quoted properly,” she said.",
    "Code `print(’’)` in a span.\n",
])
def test_p101_leaves_alone(text):
    assert codes(text, select=["P101"], path="a.md") == []


def test_p101_possessive_inside_single_quotes_is_unsafe():
    text = "‘I stayed with the Joneses’’ he wrote."
    [finding] = lint(text, select=["P101"])
    assert not finding.fix.is_safe
    assert fix(text, select=["P101"]) == text


def test_p101_reversed_marks_are_unsafe():
    text = "’’Hello,” she said."
    [finding] = lint(text, select=["P101"])
    assert not finding.fix.is_safe
    assert fix(text, select=["P101"], unsafe=True) == "“Hello,” she said."


def test_p101_seed_003():
    seed = SEEDS / "003_fe4fb2dea130ca3f.txt"
    if not seed.exists():
        pytest.skip("shared seeds are not available")
    text = seed.read_text(encoding="utf-8")
    assert "Ukraine.’’" in text
    fixed = fix(text, select=["P101"])
    assert "in Ukraine.”\n" in fixed and "’’" not in fixed
    assert len(fixed) == len(text) - 1
    assert fix(fixed, select=["P101"]) == fixed


# -- P102 ASCII stand-ins ------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("He said, \"It is over.'' Then he left.\n", "He said, \"It is over.\" Then he left.\n"),
    ("Their proposed ``solution'' was a script.\n", "Their proposed \"solution\" was a script.\n"),
    ("Sie sagte ,,ja'' und ging.\n", "Sie sagte „ja“ und ging.\n"),
    ("He wrote “fine” and then ''wrong'' marks.\n", "He wrote “fine” and then “wrong” marks.\n"),
    ("Er sagte: „Nein.'' Dann ging er.\n", "Er sagte: „Nein.“ Dann ging er.\n"),
])
def test_p102_unsafe_fix(text, expected):
    assert set(codes(text, select=["P102"])) == {"P102"}
    assert fix(text, select=["P102"]) == text          # unsafe only
    fixed = fix(text, select=["P102"], unsafe=True)
    assert fixed == expected
    assert codes(fixed, select=["P102"]) == []


@pytest.mark.parametrize("text, path", [
    ("name = ''\n", "a.txt"),                                    # empty string
    ("call f('', '') with two empty strings\n", "a.txt"),
    ("The transliteration ob''ekt uses two apostrophes.\n", "a.txt"),
    ("He is 6'2'' tall and the screen is 15'' wide.\n", "a.txt"),
    ("MediaWiki '''bold''' markup.\n", "a.txt"),
    ("Use `x = ''` to clear it, or ``y = ''`` in rst.\n", "a.md"),
    ("Use ``x = ''`` to clear it.\n", "a.rst"),
    ("```\nprint(''.join(parts))\n```\n", "a.md"),
    ("A lone closing mark.'' with no opener.\n", "a.txt"),      # no partner on the line
    ("Counting 1,,2 is a typo of another kind.\n", "a.txt"),
])
def test_p102_leaves_alone(text, path):
    assert codes(text, select=["P102"], path=path) == []


# -- P110 mixed quote styles ---------------------------------------------------------------
CURLY_ARTICLE = (
    "“We’re sharing the information we have,” Blinken said.\n\n"
    "“It’s not the system itself that matters,” he said. “You have to ask: can they use it?”\n\n"
    "Russia’s foreign minister didn’t say whether Moscow’s offer stood.\n\n"
    "The Writer's picture was missing.\n"
)


def test_p110_flags_the_minority_and_fixes_toward_curly():
    found = lint(CURLY_ARTICLE, select=["P110"])
    assert [CURLY_ARTICLE[f.start] for f in found] == ["'"]
    assert "curly" in found[0].message
    fixed = fix(CURLY_ARTICLE, select=["P110"], unsafe=True)
    assert "The Writer’s picture" in fixed
    assert fix(CURLY_ARTICLE, select=["P110"]) == CURLY_ARTICLE       # unsafe only
    assert codes(fixed, select=["P110"]) == []


def test_p110_fixes_toward_straight_and_pairs_quotes():
    text = ('"It is over," he said. "Don\'t go," she said. "Fine," he said. "No," said I. '
            '"Yes," said she. "Why?" "Because." "Oh." "Ah." "I\'m off." "Isn\'t it late?"\nThey called it “a dead end” later.\n')
    fixed = fix(text, select=["P110"], unsafe=True)
    assert 'They called it "a dead end" later.' in fixed
    assert fixed.count('"') == text.count('"') + 2


def test_p110_straight_to_curly_roles():
    text = ("“One,” “two,” “three,” “four,” “five,” “six,” “seven,” “eight,” "
            "she’s ’90s and he said \"so\" and 'maybe' we'll\n")
    fixed = fix(text, select=["P110"], unsafe=True, options={"typography": {"max-minority": 0.5}})
    assert fixed.endswith("she’s ’90s and he said “so” and ‘maybe’ we’ll\n")


def test_p110_uses_the_files_own_curly_forms():
    text = "„Ja“, sagte er. „Nein“, sagte sie. „Gut“, sagten beide. „Also“. Er rief \"Halt\".\n"
    fixed = fix(text, select=["P110"], unsafe=True, options={"typography": {"max-minority": 0.5}})
    assert fixed.endswith("Er rief „Halt“.\n")


@pytest.mark.parametrize("text, path", [
    ("“Curly” quotes and ’apostrophes’ only, she’s sure.\n", "a.txt"),
    ("\"Straight\" quotes and 'apostrophes' only, she's sure.\n", "a.txt"),
    ("He is 5'10\" tall, “she” said, “and” “that” “is” “all”.\n", "a.txt"),      # primes
    ("“One” “two” “three” “four” “five” “six” and `print('x')`\n", "a.md"),       # code span
    ("“One” “two” “three” “four” “five” “six”\n\n```\nx = \"y\"\n```\n", "a.md"),  # fence
    ("“א” “ב” “ג” “ד” “ה” “ו” “ז” “ח” “ט” and צה\"ל\n", "a.txt"),                 # gershayim
    ("Tie: “one” against \"two\"\n", "a.txt"),
])
def test_p110_leaves_alone(text, path):
    assert codes(text, select=["P110"], path=path) == []


def test_p110_deliberately_mixed_file_is_not_reported_by_default_share():
    text = "“a” “b” “c” \"d\" \"e\"\n"            # minority is 40% of the marks
    assert codes(text, select=["P110"]) == []
    assert codes(text, select=["P110"], options={"typography": {"max-minority": 0.5}}) == ["P110"] * 4


def test_p110_is_not_selected_by_default():
    assert "P110" not in codes(CURLY_ARTICLE)


def test_p110_seed_003_writer_picture():
    seed = SEEDS / "003_fe4fb2dea130ca3f.txt"
    if not seed.exists():
        pytest.skip("shared seeds are not available")
    text = seed.read_text(encoding="utf-8")
    found = lint(text, select=["P110"])
    assert [text[f.start - 6:f.start + 2] for f in found] == ["Writer's"]


def test_p101_nested_single_quotes_are_unsafe():
    text = "‘He called it ‘nonsense’’ and walked out."
    [finding] = lint(text, select=["P101"])
    assert not finding.fix.is_safe
