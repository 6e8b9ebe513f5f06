"""E201-E503: entities, control and invisible characters, U+FFFD, NFC, ligatures, fullwidth."""

from __future__ import annotations

import pytest
from helpers import codes, fix, lint

from linter.rules import registry


def test_every_e_rule_is_documented():
    for code, rule in registry().items():
        if not code.startswith("E"):
            continue
        doc = rule.doc()
        for section in ("What it does", "Why is this bad?", "Example", "Fix safety"):
            assert f"## {section}" in doc, (code, section)
        assert rule.name and rule.summary


# -- E201 / E202 entities ---------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Tom&#8217;s fish &amp; chips", "Tom’s fish & chips"),
    ("open 9&nbsp;am", "open 9\u00a0am"),
    ("it&#x2019;s &quot;fine&quot;", "it’s \"fine\""),
    ("R&amp;D &mdash; and &eacute;t&eacute;", "R&D — and été"),
])
def test_e201_entities_in_plain_text(text, expected):
    assert set(codes(text, select=["E201"])) == {"E201"}
    assert fix(text, select=["E201"]) == expected


@pytest.mark.parametrize("text", [
    "AT&T and Procter & Gamble; Q&A at 5",
    "Write `&amp;` to get an ampersand.",
    "The string \"&nbsp;\" is what the page had.",
    "Rock &roll; or &bogus; is not an entity.",
    "Tom's fish & chips",
])
def test_e201_leaves_alone(text):
    assert codes(text, select=["E201"]) == []


def test_e201_is_unsafe_where_the_line_talks_about_html():
    text = "In HTML, &lt; starts a tag."
    [finding] = lint(text, select=["E201"])
    assert not finding.fix.is_safe


def test_e201_not_in_markdown():
    assert codes("Tom&#8217;s fish &amp; chips", select=["E201"], path="a.md") == []


@pytest.mark.parametrize("path, expected", [
    ("a.txt", "It’s a \"deal\" & more"),
    ("a.md", "It&#8217;s a &quot;deal&quot; &amp; more"),
])
def test_e202_double_escaped(path, expected):
    text = "It&amp;#8217;s a &amp;quot;deal&amp;quot; &amp;amp; more"
    assert codes(text, select=["E202"], path=path) == ["E202"] * 4
    # in plain text E201 does not double-report the &amp; of a double escape
    assert codes(text, select=["E201"], path=path) == []
    assert fix(text, select=["E201", "E202"], path=path) == expected


def test_e202_leaves_single_entities_and_plain_ampersands_alone():
    assert codes("Tom&#8217;s &amp; Jerry &amp; co", select=["E202"], path="a.md") == []


# -- E301 control characters ------------------------------------------------------------------
def test_e301_controls():
    text = "Revenue rose\x07 4%\x0bin Q3.\x1b[31m red\x1b[0m\x7f"
    found = lint(text, select=["E301"])
    assert len(found) == 5
    assert fix(text, select=["E301"]) == "Revenue rose 4%\x0bin Q3. red"
    assert fix(text, select=["E301"], unsafe=True) == "Revenue rose 4%\nin Q3. red"


def test_e301_between_letters_is_unsafe():
    [finding] = lint("foo\x01bar", select=["E301"])
    assert not finding.fix.is_safe


def test_e301_leaves_tabs_newlines_and_text_alone():
    assert codes("a\tb\nc\n\nd — “e” é\n", select=["E301"]) == []


def test_e301_leaves_cp1252_c1_to_mojibake_rule():
    # \x92 is a Windows-1252 apostrophe read as Latin-1: E101's business, not E301's
    assert codes("it\x92s", select=["E301"]) == []
    assert codes("it\x92s", select=["E101"]) == ["E101"]
    assert codes("a\x9db", select=["E301"]) == ["E301"]


# -- E302 invisible characters ----------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("pass\u200bword", "password"),
    ("Ge\u00adbäude", "Gebäude"),
    ("word\u2060joiner", "wordjoiner"),
    ("mid\ufefftext", "midtext"),
    ("stray\u200djoiner in English", "strayjoiner in English"),
    ("x\u200b\u200b\u200by", "xy"),
])
def test_e302_removes_invisible(text, expected):
    assert codes(text, select=["E302"]) == ["E302"]
    assert fix(text, select=["E302"]) == expected


@pytest.mark.parametrize("text", [
    "می\u200cخواهم به خانه بروم",              # Persian ZWNJ
    "क्\u200dष and र\u200d्",                     # Devanagari ZWJ
    "ශ්\u200dරී ලංකා",                           # Sinhala ZWJ
    "👩\u200d💻 and 👨\u200d👩\u200d👧 and 🏳️\u200d🌈 and 👩🏽\u200d🚀",  # emoji ZWJ sequences
    "ภาษา\u200bไทย",                              # Thai word-break hint
    "plain text without any",
])
def test_e302_leaves_needed_joiners_alone(text):
    assert codes(text, select=["E302"]) == []


# -- E303 bidi ---------------------------------------------------------------------------------
def test_e303_stray_mark_on_latin_line():
    text = "Meeting at 10:00\u200e in Berlin."
    assert codes(text, select=["E303"]) == ["E303"]
    assert fix(text, select=["E303"]) == "Meeting at 10:00 in Berlin."


def test_e303_marks_in_rtl_lines_are_left_alone():
    assert codes("המחיר הוא 100\u200f ש״ח (USD\u200e 27)", select=["E303"]) == []
    assert codes("العدد \u2067123\u2069 كبير", select=["E303"]) == []


def test_e303_override_is_always_reported_and_only_unsafely_fixed():
    text = "access = \u202euser\u202c"
    found = lint(text, select=["E303"])
    assert [f.code for f in found] == ["E303", "E303"]
    assert not found[0].fix.is_safe
    assert fix(text, select=["E303"]) == "access = \u202euser"


# -- E401 replacement character ---------------------------------------------------------------
def test_e401_reports_runs_without_fix():
    text = "The caf\ufffd opens at 9 and \ufffd\ufffd closes."
    found = lint(text, select=["E401"])
    assert len(found) == 2
    assert all(f.fix is None for f in found)
    assert "lost" in found[0].message
    assert fix(text, select=["E401"], unsafe=True) == text


def test_e401_quiet_on_clean_text():
    assert codes("No replacement here: café, “quotes”.", select=["E401"]) == []


# -- E501 decomposed letters ------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Cafe\u0301 in Mu\u0308nchen", "Café in München"),
    ("\u0438\u0306\u043e\u0434", "йод"),            # Cyrillic й decomposed
    ("\u03b1\u0301\u03bb\u03c6\u03b1", "άλφα"),    # Greek ά decomposed
    ("Vie\u0323\u0302t Nam", "Việt Nam"),          # two marks, one letter
])
def test_e501_composes(text, expected):
    assert set(codes(text, select=["E501"])) == {"E501"}
    assert fix(text, select=["E501"]) == expected


@pytest.mark.parametrize("text", [
    "Café in München, Việt Nam, йод, άλφα",  # already NFC
    "n\u0308 has no precomposed form",
    "क़ानून और ज़मीन",                          # Hindi nukta letters, NFC would rewrite
    "क\u093c\u093eनून",                          # decomposed nukta: not ours to touch
    "בְּרֵאשִׁית בָּרָא",                      # Hebrew points in the order written
    "بِسْمِ ٱللَّهِ",                           # Arabic harakat
])
def test_e501_leaves_alone(text):
    assert codes(text, select=["E501"]) == []


# -- E502 ligatures, E503 fullwidth -----------------------------------------------------------
def test_e502_ligatures_inside_words():
    text = "The ﬁnancial ofﬁcer expects inﬂation to ease."
    assert codes(text, select=["E502"]) == ["E502"] * 3
    assert fix(text, select=["E502"]) == "The financial officer expects inflation to ease."


def test_e502_leaves_standalone_glyph_and_real_letters():
    assert codes("The glyph ﬁ is a ligature. Œuvre, Æsir, ĳs.", select=["E502"]) == []


def test_e503_fullwidth_in_latin_text():
    text = "Sales rose ２０％ in ＬＯＵＤ markets."
    assert codes(text, select=["E503"]) == ["E503", "E503"]
    assert fix(text, select=["E503"]) == "Sales rose 20% in LOUD markets."


@pytest.mark.parametrize("text", [
    "ＮＨＫのニュースによると、２０２４年に発表された。",
    "我们使用ＡＰＩ接口（２０２３版）。",
    "삼성전자 ＳＡＭＳＵＮＧ 발표",
    "Only punctuation ！ here",
])
def test_e503_leaves_cjk_lines_alone(text):
    assert codes(text, select=["E503"]) == []


def test_a_line_test_searches_each_line_once():
    """E503 and the stray-bidi rule ask, for every hit, whether its line holds CJK or
    right-to-left text: one search per line, however many hits a long line has."""
    import re

    from linter.rules.encoding.ranges import LineTest

    searched = []

    class Counting:
        def __init__(self, pattern):
            self.pattern = pattern

        def search(self, text, start, end):
            searched.append((start, end))
            return self.pattern.search(text, start, end)

    text = "ＡＢ x " * 2000 + "\n中文 ＡＢ\nＡＢ"
    holds = LineTest(Counting(re.compile("[\u4e00-\u9fff]")), text)
    first_line = [holds(i) for i in range(0, 10000, 5)]
    assert not any(first_line) and holds(10002) and not holds(len(text) - 1)
    assert len(searched) == 3


def test_fullwidth_and_bidi_on_a_long_line_with_many_hits():
    text = "Sales rose ２０％ in ＱＩ, said the \u200emanager. " * 500 + "\n"
    found = codes(text)
    assert found.count("E503") == 1000 and found.count("E302") + found.count("E303") >= 1
    cjk = "中文 ２０ " * 300 + "\n"
    assert "E503" not in codes(cjk)
