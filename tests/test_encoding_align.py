"""The fast alignment of E101 gives difflib's blocks exactly, and stays linear on long lines."""

from __future__ import annotations

import difflib

import pytest
from hypothesis import given, settings, strategies as st

from linter.rules.encoding import align
from linter.rules.encoding.repair import _plan_of, changed_spans


def difflib_blocks(a: str, b: str) -> list[tuple[int, int, int]]:
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [tuple(x) for x in m.get_matching_blocks()[:-1]]


def difflib_differences(a: str, b: str) -> list[tuple[int, int, int, int]]:
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [(i1, i2, j1, j2) for op, i1, i2, j1, j2 in m.get_opcodes() if op != "equal"]


PARAGRAPH = (
    "The minister said on Tuesday that the ferry timetable would change from the first week "
    "of March, and that talks with the port authority were “constructive but slow”. Prices rose "
    "4% in the year to January, the fastest pace since 2008, the central bank said in a statement "
    "that also warned of “a long and difficult winter” for the harbour towns of the north coast. "
)

DAMAGE = ("â€™", "Ã©", "Ã¨", "â€œ", "â€\x9d", "Â\xa0", "Ã ", "\x92", "Ð¿Ñ€", "’", "“", " ", "e", "")


@st.composite
def damaged_pairs(draw):
    """A repaired text and a damaged one: real-looking prose with edits of mojibake shapes."""
    text = draw(st.sampled_from([PARAGRAPH, PARAGRAPH * 3, "aaaa bbbb " * 30, "ab" * 90]))
    text = text[: draw(st.integers(0, len(text)))]
    edits = draw(st.lists(st.tuples(st.integers(0, max(len(text), 1)), st.integers(0, 4),
                                    st.sampled_from(DAMAGE)), max_size=6))
    damaged = text
    for pos, cut, new in sorted(edits, reverse=True):
        damaged = damaged[:pos] + new + damaged[pos + cut:]
    return (damaged, text) if draw(st.booleans()) else (text, damaged)


@settings(max_examples=400, deadline=None)
@given(damaged_pairs())
def test_blocks_are_difflibs(pair):
    a, b = pair
    assert align.matching_blocks(a, b) == difflib_blocks(a, b)
    assert align.differences(a, b) == difflib_differences(a, b)


@settings(max_examples=300, deadline=None)
@given(st.text("ab c", max_size=300), st.text("ab c", max_size=300))
def test_blocks_are_difflibs_on_repetitive_text(a, b):
    # two letters and a space: many ties between equally long blocks
    assert align.matching_blocks(a, b) == difflib_blocks(a, b)


@pytest.mark.parametrize("budget", [0, 10**9])  # windows indexed, or searched for
def test_small_windows_take_the_sampled_path(monkeypatch, budget):
    # with tiny windows nearly every search goes through the sampling: still difflib's blocks
    monkeypatch.setattr(align, "_SEARCH_BUDGET", budget)
    monkeypatch.setattr(align, "WINDOW", 2)
    monkeypatch.setattr(align, "LONG", 5)
    monkeypatch.setattr(align, "_STRIDE", 4)
    damaged = PARAGRAPH.replace("’", "â€™").replace("é", "Ã©").replace(" the ", " thÃ© ")
    for a, b in ((damaged, PARAGRAPH), (PARAGRAPH, damaged), ("abab" * 20, "ab" * 30 + "ba" * 9)):
        assert align.matching_blocks(a, b) == difflib_blocks(a, b)


def test_long_line_one_span_per_damaged_word():
    clean = PARAGRAPH * 20 + "It isn’t over."
    damaged = clean.replace("It isn’t", "It isnâ€™t")
    spans = changed_spans(damaged, clean)
    assert [(damaged[s.start:s.end], s.replacement) for s in spans] == [("â€™", "’")]


def test_work_is_linear_in_the_line(monkeypatch):
    calls = {"dp": 0}
    real = align._longest_dp

    def counting(a, b, alo, ahi, blo, bhi, budget=None):
        calls["dp"] += (ahi - alo) * (bhi - blo)
        return real(a, b, alo, ahi, blo, bhi, budget)

    monkeypatch.setattr(align, "_longest_dp", counting)
    cost = []
    for n in (10, 40):
        clean = PARAGRAPH * n
        damaged = clean.replace("’", "â€™").replace("“", "â€œ")
        calls["dp"] = 0
        align.matching_blocks(damaged, clean)
        cost.append(calls["dp"])
    # the quadratic search only ever sees the short stretches around each damaged word
    assert cost[1] <= 4 * 1.2 * cost[0] + 1000
    assert cost[1] < 1e6


def reference_spans(before: str, after: str) -> list[tuple[int, int, str]]:
    """changed_spans as it was written with difflib: opcodes merged within a word."""
    merged: list[list[int]] = []
    for i1, i2, j1, j2 in difflib_differences(before, after):
        if merged and not any(c.isspace() for c in before[merged[-1][1]:i1]):
            merged[-1][1], merged[-1][3] = i2, j2
        else:
            merged.append([i1, i2, j1, j2])
    return [(i1, i2, after[j1:j2]) for i1, i2, j1, j2 in merged]


@pytest.mark.parametrize("line", [
    "donâ€™t say Ã©tÃ© no",
    "Le cafÃ© est fermÃ©.",
    "it\x92s",
    "voilÃ  le",
    # cp1252's "â€“" ends in "“": difflib aligns it with the real quote of the repair, and
    # the spans keep difflib's boundaries (one span over "â€“ â€œ")
    PARAGRAPH + "erupted â€“ â€œstop it,â€\x9d one reply began â€“ and " + PARAGRAPH,
])
def test_changed_spans_are_difflibs(line):
    fixed, _ = _plan_of(line)
    assert fixed != line
    got = [(r.start, r.end, r.replacement) for r in changed_spans(line, fixed)]
    assert got == reference_spans(line, fixed)
    rebuilt, pos = [], 0
    for start, end, new in got:
        rebuilt += [line[pos:start], new]
        pos = end
    assert "".join(rebuilt) + line[pos:] == fixed


def test_spans_are_difflibs_on_real_damaged_lines():
    from helpers import damaged_corpus_lines

    checked = 0
    for damaged, fixed in damaged_corpus_lines(3):
        got = [(r.start, r.end, r.replacement) for r in changed_spans(damaged, fixed)]
        assert got == reference_spans(damaged, fixed)
        checked += 1
    if not checked:
        pytest.skip("no corpus")
    assert checked > 20
