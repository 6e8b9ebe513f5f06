"""The cheap gates in front of the E, N and P rules skip nothing a rule would report."""

from __future__ import annotations

from helpers import lint
from linter.rules.names import discovery

LAMMY = ("Foreign Secretary David Lammy arrived in Kyiv on Monday. Officials said Lammy would "
         "meet Blinken. Later Blinken and Lamy met the president.\n")


def test_n201_memo_bounded_and_shared_across_files(monkeypatch):
    expected = [(f.code, f.start) for f in lint(LAMMY, select=["N201"])]
    assert expected, "the fixture must hold a discovered variant"
    monkeypatch.setattr(discovery, "_MAX_KEYS", 2)  # the memo is cleared all the time
    assert [(f.code, f.start) for f in lint(LAMMY, select=["N201"])] == expected


def test_n201_gate_passes_only_texts_with_a_shared_skeleton():
    keys = discovery._PairingKeys(frozenset())
    words = {"Lammy", "Lamy", "Blinken", "Monday"}
    found = [keys[w] for w in words]
    assert len(set(found)) < len(found)  # Lammy and Lamy share "lami"
    assert lint("Blinken met Lammy on Monday.\n", select=["N201"]) == []


def test_n101_gate_on_every_word_of_a_key_finds_every_spelling():
    from linter.config import default_context
    from linter.rules.names.consistency import compiled

    _, matcher, _ = compiled(default_context())
    assert matcher.also, "multi-word spellings give keys with other required words"
    spellings = sorted(w for ws in matcher.by_key.values() for w in ws)
    text = "\n".join(f"On Monday, {w} said so; later {w.replace(' ', chr(10))} too."
                     for w in spellings)
    found = matcher.finditer(text)
    plain = dict(matcher.also)
    try:
        matcher.also.clear()  # the gate on the key word alone, as before
        assert matcher.finditer(text) == found
    finally:
        matcher.also.update(plain)
    assert {w for _, _, w in found} >= {w for w in spellings if " " not in w and "\n" not in w}


# -- P: the shared scan of joins finds exactly what each rule's own scan found ------------
import re  # noqa: E402

from hypothesis import given, settings, strategies as st  # noqa: E402

from linter.core.document import Document  # noqa: E402
from linter.rules.typography import joins as j  # noqa: E402

L, U = j.LOWER, j.UPPER
OWN_SCANS = {
    "humps": re.compile(f"[{U}](?<=[{L}][{U}])"),
    "digits": re.compile(f"[0-9](?<=[{L}][0-9])"),
    "glued": re.compile(f"[.!?](?<=[{L}][.!?])([\"”’)]?)([{U}][{L}]+)"),
    "starters": j.STARTER_AFTER_WORD,
}
PIECES = ["the", "In", "his", "Her", "However", "pictureThe", "views0", "mp3", "end.", "Next",
          ".”", "’", "'", ")", "?", "!", " ", "  ", "\n", "É", "é", "ß", "Ø", "x", "Q", "1", "e.g.",
          "”So", "wedding", "In his", "so"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_joins_are_each_rules_own_matches(text):
    assert_same_places(text)


def assert_same_places(text, where=""):
    found = j.joins(Document.from_text(text))
    for name, own in OWN_SCANS.items():
        places = getattr(found, name)
        if name == "glued":  # candidates: P301 confirms each with its own pattern
            places = [p for p in places if own.match(text, p)]
        assert places == [m.start() for m in own.finditer(text)], (where, name)


def test_joins_on_real_pages():
    from helpers import CORPUS
    import pytest
    pages = sorted((CORPUS / "pages").glob("*"))[:40] if CORPUS.exists() else []
    if not pages:
        pytest.skip("no corpus")
    for path in pages:
        assert_same_places(path.read_text(encoding="utf-8", errors="replace"), path)


# -- E: the census of rare characters; the mojibake prefilter on them --------------------
from linter.rules.encoding import census as ec  # noqa: E402
from linter.rules.encoding import gate as eg  # noqa: E402

E_PIECES = ["don", "â€™", "t", "Ã©", "cafÃ", " ", "\n", "’", "“", "”", "é", "—", "Ð¿", "Ñ€",
            "\x92", "\x07", "\r", "\x0b", "\u200b", "&amp;", "&", "ﬁ", "\ufffd", "Â", "Ã ", "x",
            "é’", "€", "Г©", "√©", "\u0301", "Ａ", "\u202e"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(E_PIECES), max_size=40).map("".join))
def test_census_and_rare_runs_skip_nothing(text):
    doc = Document.from_text(text)
    runs = ec.rare_of(doc)
    assert runs == "\n".join(re.findall("[^\t\n\x20-\x25\x27-\x7e]+", doc.text))
    assert ec.census(doc) == frozenset(c for c in doc.text if c in ec._ALL or c == "&")
    assert eg.suspect_lines(doc.text, ec.census(doc), runs) == eg.suspect_lines(doc.text)


# -- P: the pre-tests of P101, P102 and P303 -----------------------------------------------
from linter.rules.typography import quotes as pq  # noqa: E402

P_PIECES = ["a", " ", "\n", "'", "''", ",", ",,", "`", "``", "’", "‘", "’’", "‘‘", "“", "x",
            "\t", "é", "said"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(P_PIECES), max_size=30).map("".join))
def test_quote_pre_tests_are_the_literal_tests(text):
    assert pq._any_doubled(text) == ("''" in text or ",," in text or "``" in text)
    runs = ec.rare_of(Document.from_text(text))
    assert ("’’" in runs or "‘‘" in runs) == ("’’" in text or "‘‘" in text)


def test_typography_pre_tests_keep_positives():
    from helpers import lint
    text = "He said “so’’ and ,,so'' then.  \nThe  cat sat. \n"
    codes = {f.code for f in lint(text, select=["P101", "P102", "P302", "P303"])}
    assert codes == {"P101", "P102", "P302", "P303"}


# -- N: the capitalised words, found by the faster pattern ----------------------------------
from linter.rules.names import dictionary as nd  # noqa: E402

N_PIECES = ["Kyiv", "kyiv", "Müller", "MÜLLER", "é", "É", "Ł", "ódź", "Москва", "a", "B", " ",
            "’s", "-", "_", "1", "٣", "Zelenskyy", "McDonald", "\n", "ǅ", "ß"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(N_PIECES), max_size=30).map("".join))
def test_capitalised_words_fast_pattern_is_the_plain_one(text):
    assert nd.capitalised_words(text) == set(nd.CAPITALISED.findall(text))


WW_PIECES = ["Lamy", "lamy", "Lammy", "LAMY", "x", "_", "1", " ", ".", "é", "\u0307", "İ", "i̇",
             "Lamyx", "’", "\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(WW_PIECES), max_size=30).map("".join),
       st.lists(st.sampled_from(["Lamy", "lamy", "Lammy", "LAMY", "i̇lamy", "Lamyx"]),
                min_size=1, max_size=4, unique=True))
def test_whole_words_is_the_trie_regex(text, words):
    words = sorted(words, key=lambda w: (-len(w), w))
    where = re.compile(r"\b(?:" + nd.trie_regex(words) + r")\b")
    expected = {w: [] for w in words}
    for m in where.finditer(text):
        expected[m.group()].append(m.span())
    assert discovery.whole_words(text, words) == expected


def test_char_gates_answer_from_the_census_of_each_text():
    from linter.rules.encoding.controls import ControlCharacter
    from linter.rules.encoding.invisible import InvisibleCharacter
    gate = InvisibleCharacter.gate
    first, second = "pass\u200bword", "password\x07"
    assert gate.search(first) and gate.search(second) is None and gate.search(first)
    assert ControlCharacter.gate.search(second) and ControlCharacter.gate.search(first) is None


# -- gates of E101 and the P rules: each holds on every text its rule reports on --------------
def _gated_equals_full(text, codes, path="doc.txt"):
    from helpers import rules_for
    from linter import engine
    from linter.config import default_context
    rules, ctx = rules_for(codes), default_context()
    doc = Document.from_text(text, path=path)
    keys = [(f.code, f.start, f.end, f.message) for f in engine.check(doc, rules, ctx)]
    assert keys == [(f.code, f.start, f.end, f.message)
                    for f in engine.check(doc, rules, ctx, gates=False)]
    return keys


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(E_PIECES), max_size=40).map("".join))
def test_mojibake_gate_is_the_early_exit_of_suspect_lines(text):
    doc = Document.from_text(text)
    lines = eg.suspect_lines(doc.text, ec.census(doc), ec.rare_of(doc))
    assert not lines or eg.may_hold(doc.text, ec.census(doc), ec.rare_of(doc))
    _gated_equals_full(text, ["E101"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES + P_PIECES), max_size=40).map("".join))
def test_typography_gates_skip_nothing(text):
    _gated_equals_full(text, ["P101", "P102", "P201", "P202", "P203", "P301", "P303"])


def test_typography_and_mojibake_gates_keep_positives_and_skip_clean_text():
    from linter.rules import registry
    positives = {"P201": "Writer's pictureThe San Juan Daily Star\n",
                 "P202": "10 views0 comments\n",
                 "P203": "Biden skips the forum to attend a wedding In his stead, Blinken speaks.\n",
                 "P301": "The talks ended later.Ezra Klein was there.\n",
                 "P303": "The talks will resume on Friday. \n",
                 "P101": "Scholz said that “everything will be discussed.’’\n",
                 "P102": 'He said, "It is over.\'\' Then he left.\n',
                 "E101": "The minister said he didnâ€™t know.\n"}
    clean = "The minister said on Tuesday that “the talks” would resume in Kyiv; café.\n"
    for code, text in positives.items():
        assert [k[0] for k in _gated_equals_full(text, [code])] == [code], code
        gate = registry()[code].gate
        assert gate.search(text) and gate.search(clean) is None, code
