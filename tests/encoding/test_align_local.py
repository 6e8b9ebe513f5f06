"""E101's alignment beyond the exact search's budget (``align.local_alignment``): linear in
the line, a valid alignment whatever the input, and on ftfy's repairs one that follows the
words (no span deletes text at one point and inserts it at another), also on long lines of
repetitive mojibake where a short anchor recurs everywhere (the fullwidth "ï½")."""

from __future__ import annotations

import difflib
import random
import re
from contextlib import contextmanager

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)
import pytest
from hypothesis import given, settings, strategies as st

from linter.rules.encoding import align
from linter.rules.encoding.repair import _plan_of, changed_spans, repair_line

WORDS = ("the minister said on Tuesday that talks with the port authority were constructive "
         "but slow and that prices rose in the year to January").split()
REPAIRED = ("café", "été", "don’t", "“quoted”", "naïve", "привет", "日本語のテキスト", "ｒａｔｈｅｒ",
            "ｔｈｉｓ", "à\xa0la", "Zürich", "€12", "—", "São", "ﬁne", "ｔ", "ï½")
CODECS = ("sloppy-windows-1252", "latin-1", "macroman", "sloppy-windows-1251")


def _damage(word: str, how: int) -> str:
    """``word`` as mojibake of one of several kinds (or left alone)."""
    codec = CODECS[how % len(CODECS)]
    try:
        out = word.encode("utf-8").decode(codec)
    except UnicodeDecodeError:
        return word
    if how % 7 == 5:  # twice over
        out = out.encode("utf-8").decode("sloppy-windows-1252", errors="replace")
    if how % 11 == 3:  # a lost no-break space
        out = out.replace("\xa0", " ")
    if how % 13 == 4 and len(out) > 2:  # a lost byte
        out = out[:-1] + "?"
    return out


@st.composite
def damaged_lines(draw):
    """A line of prose with some words damaged, and sometimes whole runs of one repaired word
    (repetitive mojibake)."""
    n = draw(st.integers(1, 60))
    words = [draw(st.sampled_from(WORDS + list(REPAIRED))) for _ in range(n)]
    if draw(st.booleans()):
        word = draw(st.sampled_from(REPAIRED))
        k = draw(st.integers(0, n))
        words[k:k] = [word] * draw(st.integers(2, 30))
    damage = draw(st.lists(st.integers(0, 1000), min_size=len(words), max_size=len(words)))
    rate = draw(st.sampled_from((0, 1, 2, 5)))
    glue = draw(st.sampled_from((" ", " ", "", "  ", "\xa0")))
    return glue.join(_damage(w, h) if rate and h % rate == 0 else w for w, h in zip(words, damage))


def _apply(line: str, spans) -> str:
    out, pos = [], 0
    for span in spans:
        assert pos <= span.start <= span.end
        out += [line[pos:span.start], span.replacement]
        pos = span.end
    return "".join(out) + line[pos:]


def _valid(a: str, b: str, blocks) -> None:
    """``blocks`` are equal substrings in increasing order in both strings."""
    i = j = 0
    for x, y, k in blocks:
        assert k > 0 and x >= i and y >= j and a[x:x + k] == b[y:y + k]
        i, j = x + k, y + k
    assert i <= len(a) and j <= len(b)


_ASCII_KEPT = re.compile(r"[^\x00-\x7f]|[ ?\x1a]")


def linear_path():
    """Every alignment takes the linear path (as a line beyond the exact search's budget)."""
    patch = pytest.MonkeyPatch.context()
    with patch as mp:
        mp.setattr(align, "EXACT_BUDGET", -1)
        mp.setattr(align, "_UNMETERED", -1)
        yield


local = pytest.fixture(linear_path)


@settings(max_examples=400, deadline=None)
@given(damaged_lines())
def test_spans_follow_the_words_on_ftfys_repairs(line):
    fixed, _ = _plan_of(line)
    with contextmanager(linear_path)():
        spans = changed_spans(line, fixed)
    assert _apply(line, spans) == fixed
    for span in spans:
        old, new = line[span.start:span.end], span.replacement
        if span.certain:
            # no ASCII letter, digit or mark moves between spans: ftfy kept each in place
            assert _ASCII_KEPT.sub("", old) == _ASCII_KEPT.sub("", new), (old, new)
            # and no whole word is deleted here to reappear in another span
            for word in old.split():
                if word.isascii() and len(word) > 1:
                    assert word in new, (word, old, new)
    with contextmanager(linear_path)():
        _valid(line, fixed, align.matching_blocks(line, fixed))


@settings(max_examples=300, deadline=None)
@given(st.text("ab cé€™\xa0?", max_size=200), st.text("ab cé€™\xa0?", max_size=200))
def test_any_pair_gets_a_valid_alignment(a, b):
    with contextmanager(linear_path)():
        blocks = align.matching_blocks(a, b)
        diffs = align.differences(a, b)
    _valid(a, b, blocks)
    rebuilt, i = [], 0
    for i1, i2, j1, j2 in diffs:
        rebuilt += [a[i:i1], b[j1:j2]]
        i = i2
    assert "".join(rebuilt) + a[i:] == b


def reference_spans(before: str, after: str) -> list[tuple[int, int, str]]:
    """changed_spans as it was written with difflib: opcodes merged within a word."""
    m = difflib.SequenceMatcher(None, before, after, autojunk=False)
    merged: list[list[int]] = []
    for op, i1, i2, j1, j2 in m.get_opcodes():
        if op == "equal":
            continue
        if merged and not any(c.isspace() for c in before[merged[-1][1]:i1]):
            merged[-1][1], merged[-1][3] = i2, j2
        else:
            merged.append([i1, i2, j1, j2])
    return [(i1, i2, after[j1:j2]) for i1, i2, j1, j2 in merged]


def fullwidth_line(n: int, seed: int = 1) -> str:
    """Prose in fullwidth letters read as Windows-1252, some letters left plain: the damage
    of a fuzzed page that made difflib's search quadratic (every few characters a "ï½")."""
    rng = random.Random(seed)
    words = []
    for _ in range(n):
        word = rng.choice(WORDS)
        words.append("".join(chr(ord(c) + 0xFEE0).encode("utf-8").decode("sloppy-windows-1252")
                             if c.isalpha() and rng.random() < 0.6 else c for c in word))
    return " ".join(words)


def test_repetitive_mojibake_takes_ftfys_words(local):
    # the mistake of an earlier attempt: a short anchor ("ï½") matched at the wrong repeat
    line = fullwidth_line(150)
    fixed, _ = _plan_of(line)
    assert fixed != line
    got = [(r.start, r.end, r.replacement) for r in changed_spans(line, fixed)]
    assert got == reference_spans(line, fixed)


def test_work_is_linear_in_a_densely_damaged_line():
    from test_linear import WorkCounter

    counts = []
    for n in (1500, 3000, 6000):
        line = fullwidth_line(n)
        fixed, _ = _plan_of(line)
        with WorkCounter() as counter:
            align.differences(line, fixed)
        counts.append(counter.n)
    assert counts[2] <= 2.25 * counts[1] and counts[1] <= 2.25 * counts[0], counts


def test_a_long_dense_line_is_still_aligned_word_by_word():
    line = fullwidth_line(6000)
    fixed, _ = _plan_of(line)
    spans = changed_spans(line, fixed)
    assert _apply(line, spans) == fixed
    assert all(r.certain and " " not in line[r.start:r.end] for r in spans)
    assert len(spans) > 1000


def test_a_run_too_costly_to_search_is_one_uncertain_span(local):
    a = "x " + "éè" * 3000 + "ê y"
    b = "x " + "èé" * 3000 + "ë y"
    assert align.marked_differences(a, b) == [(2, len(a) - 2, 2, len(b) - 2, True)]
    spans = changed_spans(a, b)
    assert [(s.start, s.end, s.certain) for s in spans] == [(2, len(a) - 2, False)]


def test_lost_bytes_are_dropped_inside_the_damaged_run(local):
    # Russian read as Windows-1251, then as Windows-1252, its A0 bytes become spaces: ftfy
    # drops those four spaces, not the real ones around the word
    word = ("привет".encode("utf-8").decode("sloppy-windows-1251").encode("utf-8")
            .decode("sloppy-windows-1252").replace("\xa0", " "))
    line = "Zürich à la  " + word + "  to the end"
    fixed, _ = _plan_of(line)
    assert fixed == "Zürich à la  привет  to the end"
    spans = changed_spans(line, fixed)
    assert [(line[r.start:r.end], r.replacement, r.certain) for r in spans] == [
        (word, "привет", True)]


def test_the_common_ends_of_a_long_run_are_kept(local):
    a = "x Ã¯" + "\xa0" * 400 + " y"
    b = "x ï" + "\xa0" * 400 + " y"
    assert align.differences(a, b) == [(2, 4, 2, 3)]


def test_ascii_that_ftfy_did_not_keep_is_one_uncertain_difference(local):
    a, b = "keep Ã© this but change that", "keep é THIS but change that"
    assert align.marked_differences(a, b) == [(5, 12, 5, 11, True)]


def test_rough_spans_are_unsafe(monkeypatch):
    line = "He said Ã© and Ã¨ twice."
    monkeypatch.setattr("linter.rules.encoding.repair.marked_differences",
                        lambda a, b: [(0, len(a), 0, len(b), True)])
    repair_line.cache_clear()
    try:
        assert [r.certain for r in repair_line(line)] == [False]
    finally:
        repair_line.cache_clear()


def test_real_damaged_lines_stay_well_within_the_exact_budget():
    from helpers import damaged_corpus_lines

    worst = 0
    for damaged, fixed in damaged_corpus_lines(5):
        budget = align._Budget(align.EXACT_BUDGET)
        align._exact(damaged, fixed, budget)
        worst = max(worst, align.EXACT_BUDGET - budget.left)
    if not worst:
        pytest.skip("no corpus")
    assert worst < align.EXACT_BUDGET / 4


def test_the_exact_search_stops_at_its_budget():
    text = "abcdefghijklmnopqrstuvwxyz0123456789" * 10  # every window recurs on ten diagonals
    with pytest.raises(align._Costly):
        align.long_blocks(text, text, align._Budget(5))
    assert align.long_blocks(text, text, align._Budget(10**6)) == align.long_blocks(text, text)
    damaged = fullwidth_line(400)
    fixed, _ = _plan_of(damaged)
    with pytest.raises(align._Costly):
        align._exact(damaged, fixed, align._Budget(align.EXACT_BUDGET))
