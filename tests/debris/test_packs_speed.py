"""The shortcuts of the pack rules (D101-D106) find what the plain scans they replace find."""

from __future__ import annotations

from pathlib import Path

from helpers import ROOT, lint
from linter.config import default_context
from linter.core.document import Document
from linter.rules.debris import fused, packs, title_suffix
from linter.rules.debris.layout import lowered

TITLES = ("Blinken denies the missile incident shows cracks | Wbactive\n"
          "Talks go on in Geneva - Daily Courier\n"
          "well-known\tx -\tFoo Bar\n"
          "a - b - C and d\n"
          "Prices rise again \u2013 The Courier\n"
          "Floods hit the coast \u2014 Coast News\n"
          "Storm :: Weather Desk\n"
          "One \u00bb Two Three\n"
          "A title \u2022 Site\n"
          "Not one | sentence ends here.\n"
          "x \u00b7 9 News")


def _texts():
    yield TITLES
    for p in sorted((ROOT / "examples").rglob("*")):
        if p.suffix in (".txt", ".md"):
            yield p.read_text(encoding="utf-8")


def test_d106_suffix_lines_are_the_candidate_pattern_lines():
    for text in _texts():
        doc = Document.from_text(text)
        expected = sorted({doc.line_index(m.start()) for m in title_suffix._CANDIDATE.finditer(text)})
        assert title_suffix.suffix_lines(doc) == expected


def test_d106_repeated_suffixes_still_found():
    text = ("Intro line of the page here\n\n" + "\n".join(
        f"Story number {n} about the harbour | Coast Courier" for n in range(3)) + "\n")
    assert [f.code for f in lint(text, ["D106"])].count("D106") == 3


def test_d102_needles_find_what_the_gate_words_find():
    m = packs.matcher(default_context())
    text = ("Click to print (Opens in new window)\n"
            "Click to PRINT (OPENS IN NEW WINDOW)\n"
            "Are you on Telegram? Subscribe to our channel for updates.\n"
            "Read more. Comments are closed, but trackbacks and pingbacks are open.\n"
            "The window was open, she said; continue reading \u201cthe story\u201d\n"
            "Continue reading \u201cThe rest of the story\u201d \u2192\n")
    doc = Document.from_text(text)
    with_low = m.span_hits(text, lowered(doc))
    assert with_low == m.span_hits(text, None)
    assert len(with_low) >= 5


def test_d102_needles_are_longer_than_the_words():
    m = packs.matcher(default_context())
    for span in m._span_gated:
        if span.gates is not None:
            assert all(len(n) >= min(map(len, span.gates)) for n in span.needles)


def test_d105_label_before_a_long_lowercase_run_is_not_a_label():
    m = packs.matcher(default_context())
    assert fused.fused_spans("bottom of pageCopyright", m)
    assert fused.fused_spans("xbottom of pageCopyright", m) == []
    assert fused.fused_spans("see the unrelatedStory", m) == []
    assert fused.fused_spans("Top stories" + "x" * 40 + "relatedStory", m) == []


def test_d105_glue_points_are_the_regex_capitals():
    import random

    rng = random.Random(5)
    alphabet = "aZx \u00e9\u00c9\u00df\u00de\u00d7\u00f7\u00ff\u00c0\u00bf\u00c3\u2019\u4e2d\U0001F600\u0100"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(3000)]
    texts += list(_texts()) + ["lone \ud800 surrogate iPhone"]
    for text in texts:
        assert fused.glue_points(text) == [g.start() for g in fused._UPPER_GLUED.finditer(text)]


def test_plain_spaces_replaces_every_odd_space():
    from linter.rules.debris.layout import ODD_SPACE, _ODD_SPACES, plain_spaces

    text = "a" + "b".join(_ODD_SPACES) + "\u00e9 x\u00a0y\n"
    doc = Document.from_text(text)
    assert plain_spaces(doc, text) == ODD_SPACE.sub(" ", text)
    low = lowered(doc)
    assert plain_spaces(doc, low) == ODD_SPACE.sub(" ", low)
    ascii_text = "a\x0bb\x0cc\rd e\n"
    assert plain_spaces(Document.from_text(ascii_text), ascii_text) == ODD_SPACE.sub(" ", ascii_text)


def test_d104_has_digit_is_the_digit_pattern():
    from linter.rules.debris import counters

    for text in ("no digits here", "caf\u00e9 and 7", "\u0663 min read", "\u00e9\u00e8", "x\uff11y", ""):
        doc = Document.from_text(text)
        assert counters.has_digit(doc) == (counters._DIGIT.search(text) is not None)


def test_d106_split_title_without_separator_characters():
    assert title_suffix.split_title("A plain headline with words") is None
    assert title_suffix.split_title("Headline here [Site]") == (13, "[]", "Site")
    assert title_suffix.split_title("Headline a :: Site") == (10, "::", "Site")


def test_d105_only_glue_points_passing_the_gate_matter():
    m = packs.matcher(default_context())
    line = "iPhone news bottom of pageCopyright and The Washington PostDemocracy Dies in Darkness"
    firsts, lasts, longest = fused.glue_tables(m)[:3]
    keep = [p for p in fused.glue_points(line)
            if line[p:p + 2] in firsts or lasts is None or line[p - 2:p] in lasts or "\u00df" in line[p - 2:p]]
    assert fused.fused_spans(line, m, keep) == fused.fused_spans(line, m)
    assert len(fused.fused_spans(line, m)) == 2


def test_d101_start_anywhere_entry_found_by_its_symbol():
    m = packs.matcher(default_context())
    assert "\u00a9" in m.rest_words  # the Ghost footer's (c), found faster than "ghost"
    text = "Intro text here.\n\nJane Blog \u00a9 2024 \u2022 Published with Ghost\n\nMore.\n"
    assert [f.code for f in lint(text, ["D101"])] == ["D101"]
    assert 2 in m.line_candidates(Document.from_text(text))


def test_d105_live_points_are_the_glue_points_fused_spans_reads():
    import random

    m = packs.matcher(default_context())
    rng = random.Random(7)
    words = ["The", "Washington", "Post", "Democracy", "Dies", "in", "Darkness", "page", "bottom",
             "of", "top", "iPhone", "caf\u00e9", "\u00c9cole", "stra\u00dfe", "x", " ", "\n", ".",
             "Guardian", "story", "related", "\u00c0", "\u00ff", "\u2019", "\U0001F600", "a", "Z"]
    texts = ["".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(4000)]
    texts += list(_texts()) + ["lone \ud800 surrogate storyThe Guardian"]
    firsts, lasts, longest = fused.glue_tables(m)[:3]
    for text in texts:
        expected, passing = [], []
        for p in fused.glue_points(text):
            if not (text[p:p + 2] in firsts or lasts is None or text[p - 2:p] in lasts
                    or "\u00df" in text[p - 2:p]):
                continue
            passing.append(p)
            start = text.rfind("\n", 0, p) + 1
            end = text.find("\n", p)
            line = text[start:None if end == -1 else end]
            if fused.fused_spans(line, m, [p - start]):
                expected.append(p)
        live = fused.live_points(text, m)
        assert set(expected) <= set(live), text
        assert live == [p for p in passing if fused._live(text, p, m, longest)], text


def test_d106_spaced_separator_is_the_substring_test():
    import random

    rng = random.Random(3)
    alphabet = [" ", "|", "-", "\u2013", "a", "\n", "\t", "\u00a0"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9))) for _ in range(4000)]
    for text in texts + list(_texts()):
        expected = " | " in text or " - " in text or " \u2013 " in text
        assert title_suffix.spaced_separator(text) == expected, repr(text)


def test_d102_marks_are_in_every_example_and_skip_texts_without_them():
    m = packs.matcher(default_context())
    marked = [s for s in m._span_gated if s.mark]
    assert len(marked) >= 2
    for span in m._span_gated:
        assert span.mark in span.entry.example
        assert m.span_hits(span.entry.example, None)
    text = "Are you on Telegram? Join our channel for updates.\n"
    assert [h.entry.id for h in m.span_hits(text, lowered(Document.from_text(text)))] == \
        ["subscribe-channel-inline"]
    assert m.span_hits(text.replace("?", ""), None) == []


def test_d101_d104_one_gate_scan_finds_what_both_gates_find():
    from linter.rules.debris.counters import HEADS
    from linter.rules.debris.layout import candidate_lines

    m = packs.matcher(default_context())
    extra = "10 views0 comments\n- 3 min read\nShare this:\n\u2022 12 Shares\nThe end.\nLeave a Comment\n"
    for text in [extra, *_texts()]:
        doc = Document.from_text(text)
        both = set(candidate_lines(doc, HEADS.regex, lowered(doc)))
        both |= set(candidate_lines(doc, m.head_gate.regex, lowered(doc)))
        assert both <= set(m.gate_lines(doc))


def _bucket_classify(m, line):
    """What :meth:`packs.Matcher.classify` found before its pieces were picked by head: the
    first-character bucket's whole alternation."""
    hit = m.classify(line)
    if hit is not None and not isinstance(hit, packs.Chrome) or hit is not None and hit.regex is None:
        return hit  # a masthead or a literal: looked up, not matched
    clean = packs.clean_line(line)
    if len(line) > packs.MAX_CHROME_LINE or not clean:
        return None
    picked = m._bucket_entries.get(clean[0].lower())
    if picked:
        rx, entries = packs._pieces(picked)
        got = rx.fullmatch(clean)
        if got is not None:
            return entries[int(got.lastgroup[1:])]
    return next((e for _g, e, rx in m._line_rest if rx.fullmatch(clean)), None)


def _line_variants(m):
    """Lines near what the line regexes match: their examples, cut, cased, marked and
    padded in many ways, and the lines of the examples folder."""
    import random

    rng = random.Random(5)
    seen = [e.example for e in m._line_entries] + [e.example for e in m._span_entries]
    out = list(seen)
    for ex in seen:
        for _ in range(12):
            s = ex
            op = rng.randrange(6)
            if op == 0:
                s = s[:rng.randrange(1, len(s) + 1)]
            elif op == 1:
                s = s.upper() if rng.random() < 0.5 else s.swapcase()
            elif op == 2:
                s = rng.choice(["- ", "\u2022 ", "  ", "# ", "\t"]) + s + rng.choice(["", ":", " \u00bb", "  "])
            elif op == 3:
                i = rng.randrange(len(s) + 1)
                s = s[:i] + rng.choice(["0", "9", "x", " ", "  ", "\u00a0", "\x0c", "I", "\u0131"]) + s[i:]
            elif op == 4:
                s = s.replace(" ", rng.choice(["  ", "\t", " \x0b"]), 1)
            else:
                s = rng.choice(["The ", "A ", "12 ", "\u00a9 ", ""]) + s
            out.append(s)
    for text in _texts():
        out.extend(text.split("\n"))
    return out


def test_d101_pieces_picked_by_head_find_what_the_bucket_alternation_finds():
    m = packs.matcher(default_context())
    lines = _line_variants(m)
    hits = 0
    for line in lines:
        got = m.classify(line)
        assert got == _bucket_classify(m, line), repr(line)
        hits += isinstance(got, packs.Chrome) and got.regex is not None
    assert hits > len(m._line_entries)  # the regex entries' examples and many variants match


def test_d101_pieces_of_a_user_pack_are_found_by_head(tmp_path):
    """A user pack's line regexes join the head index (derived from the loaded packs)."""
    from linter.core.rule import Context

    pack = tmp_path / "gazette.toml"
    pack.write_text(
        '[pack]\nname = "gazette"\nfamily = "debris"\n\n'
        '[[chrome]]\nid = "gz-edition"\nregex = "(?:Morning|Evening) Gazette edition \\\\d{1,3}"\n'
        'message = "Gazette edition banner"\nexample = "Evening Gazette edition 12"\n\n'
        '[[chrome]]\nid = "gz-anywhere"\nregex = ".{1,40} read the Gazette \u2042"\n'
        'message = "Gazette asterism footer"\nexample = "Every day, read the Gazette \u2042"\n\n'
        '[[chrome]]\nid = "gz-tip"\nregex = "Tip the Gazette desk ~ gazette"\nwhere = "inline"\n'
        'message = "Gazette tip line"\nexample = "Story here. Tip the Gazette desk ~ gazette"\n',
        encoding="utf-8")
    paths = packs.builtin_pack_paths("debris")
    ctx = Context(pack_paths={"debris": paths, "user": [str(pack)]})
    m = packs.matcher(ctx)
    assert "\u2042" in m.rest_words
    text = ("Talks went on.\n\n- EVENING gazette Edition 7\nMorning Gazette edition\n"
            "Morning Gazette edition 1234\n  Each week: read the Gazette \u2042\nThe end.\n")
    doc = Document.from_text(text)
    scan = packs.scan(doc, ctx)
    assert {i: e.id for i, e in scan.chrome.items()} == {2: "gz-edition", 5: "gz-anywhere"}
    assert sorted(scan.chrome) == [i for i, line in enumerate(doc.lines)
                                   if _bucket_classify(m, line) is not None]
    for line in _line_variants(m):
        assert m.classify(line) == _bucket_classify(m, line), repr(line)
    # the span entry's triggers (its mark and its words) come from the loaded pack too
    spans = m.span_hits("Talks. TIP the gazette desk ~ Gazette\n", "talks. tip the gazette desk ~ gazette\n")
    assert [h.entry.id for h in spans] == ["gz-tip"]
    assert m.span_hits("Talks. TIP the gazette desk - Gazette\n", None) == []
    # the built-in packs alone know none of them
    assert packs.scan(doc, default_context()).chrome == {}


def test_d101_pieces_with_the_dotted_or_dotless_i_are_tried_on_ascii_lines(tmp_path):
    """``re`` matches the dotted capital I and the dotless i with an ASCII i, which case
    folding does not: such pieces are tried on every line of their bucket."""
    pack = tmp_path / "tr.toml"
    pack.write_text(
        '[pack]\nname = "tr"\nfamily = "debris"\n\n'
        '[[chrome]]\nid = "tr-edition"\nregex = "B\u0130R haber \\\\d+|Ba\u015fka"\n'
        'message = "m"\nexample = "B\u0130R haber 4"\n\n'
        '[[chrome]]\nid = "tr-coast"\nregex = "K\u0131y\u0131 news(?: today)?"\n'
        'message = "m"\nexample = "K\u0131y\u0131 news"\n', encoding="utf-8")
    m = packs.Matcher.from_paths([*packs.builtin_pack_paths("debris"), str(pack)])
    lines = ["bir haber 4", "- BIR HABER 12", "B\u0130R haber 4",
             "kiyi news", "KIYI NEWS today", "K\u0131y\u0131 news", "kiyi newsroom", "bir haberler 4"]
    for line in lines + _line_variants(m):
        assert m.classify(line) == _bucket_classify(m, line), repr(line)
    assert [getattr(m.classify(line), "id", None) for line in lines[:6]] == \
        ["tr-edition", "tr-edition", "tr-edition", "tr-coast", "tr-coast", "tr-coast"]


def test_pack_family_on_clean_text_classifies_only_its_few_gate_lines(monkeypatch):
    """Prose without chrome: the gate scan leaves D101 a handful of lines to classify and the
    family finds nothing; the same text with chrome added is still caught."""
    from linter import engine
    from linter.rules import registry

    ctx = default_context()
    m = packs.matcher(ctx)
    calls = []
    classify = m.classify
    monkeypatch.setattr(m, "classify", lambda line, *a: calls.append(line) or classify(line, *a))
    prose = [f"Officials said on day {i} that the talks in Geneva would go on, and that the "
             f"allies agreed on the next steps for the region." for i in range(150)]
    prose[40:40] = ["The Report", "Share prices rose 3% in early trading on Tuesday, brokers said."]
    text = "\n\n".join(prose) + "\n"
    rules = [registry()[c]() for c in ("D101", "D102", "D103", "D104", "D105", "D106")]
    assert engine.check(Document.from_text(text), rules, ctx) == []
    assert len(calls) <= 3
    dirty = text.replace("The Report", "Share this:\n\nTop of page").replace(
        "brokers said.", "brokers said. Are you on Telegram? Join our channel for updates.")
    found = {f.code for f in engine.check(Document.from_text(dirty), rules, ctx)}
    assert found == {"D101", "D102"}


def test_d101_head_gate_blank_line_guard_changes_no_line():
    import re

    from linter.rules.debris.layout import candidate_lines

    m = packs.matcher(default_context())
    for gate in (m.scan_gate, m.head_gate):
        guarded = gate.regex
        assert guarded.pattern.startswith("\\n(?!\\n)")
        plain = re.compile("\\n" + guarded.pattern[len("\\n(?!\\n)"):])
        for text in [*_texts(), "\n\nShare this:\n\n\n10 views\n", "\n", ""]:
            doc = Document.from_text(text)
            low = lowered(doc)
            assert candidate_lines(doc, guarded, low) == candidate_lines(doc, plain, low)


def test_d104_segments_are_what_the_pattern_finds():
    import random

    from linter.rules.debris import counters

    rng = random.Random(17)
    pieces = ["Jane Doe", " \u00b7 ", " | ", "\u2022", "3 min read", "12 views", "0 comments", "\n", " ",
              "|", "Share 4", "x"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(4000)]
    for text in texts + list(_texts()):
        got = [(m.start(), m.end()) for m in counters.segments(text)]
        assert got == [(m.start(), m.end()) for m in counters.SEGMENT.finditer(text)], repr(text)


def test_d101_has_removed_sees_every_removed_character():
    from linter.rules.debris import heads

    for ch in heads.REMOVED:
        for text in ("a" + ch + "b", "caf\u00e9 " + ch, "\u2019" + ch):
            assert packs.has_removed(Document.from_text(text)), repr(text)
    assert not packs.has_removed(Document.from_text("caf\u00e9 \u2019 plain"))
