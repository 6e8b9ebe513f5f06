"""The shared line scan of the structural rules finds exactly the lines each gate's own
``candidate_lines`` scan finds, and the rules' cheap triggers skip nothing they report."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from helpers import CORPUS, ROOT, SEEDS, lint
from linter.core.document import Document
from linter.rules.debris import captions
from linter.rules.debris.layout import candidate_lines
from linter.rules.debris.structscan import _scanner, line_gates


def _gates() -> dict:
    start, end = _scanner()[2:4]
    return {**start, **end}


def _texts():
    for folder in (ROOT / "examples", ROOT / "tests" / "fixtures"):
        for p in sorted(folder.rglob("*")):
            if p.is_file() and p.suffix in (".txt", ".md"):
                yield p.read_text(encoding="utf-8", errors="replace")
    for folder, step in ((SEEDS, 1), (CORPUS / "pages", 4)):
        if folder.is_dir():
            for p in sorted(folder.iterdir())[::step]:
                if p.is_file():
                    yield p.read_text(encoding="utf-8", errors="replace")


def _variants(text: str):
    yield text
    yield text.rstrip("\n")  # no final newline: the last line's end gates
    yield text.replace("\n", " \t\n")  # spaces before every newline
    yield text.replace("\n", "\u00a0\n").replace(": ", " : ")  # odd spaces


def _same(text: str) -> None:
    doc = Document.from_text(text)
    found = line_gates(doc)
    for name, gate in _gates().items():
        assert found[name] == candidate_lines(Document.from_text(text), gate), (name, text[:200])
    fresh = Document.from_text(text)
    assert captions.caption_candidates(doc) == sorted(
        set().union(*(candidate_lines(fresh, g) for g in captions.GATES))), text[:200]


def test_line_gates_match_each_gates_own_scan_on_real_text():
    n = 0
    for text in _texts():
        for variant in _variants(text):
            _same(variant)
            n += 1
    assert n >= 12  # four variants of each example and fixture, more with ../shared


WORDS = ["Photo", "PHOTO", "(AP", "AP", "Reuters", "Getty Images", "© 2024", "Related", "READ MORE", "Read",
         "More on", "Tags", "topics", "Filed", "You", "Most Read", "in case", "In", "te ", "Te\t", "Subscribe",
         "follow", "like us", "Sign up", "Slide", "1", "12", "3 of", "12/50", "Lire aussi", "à", "相关阅读", "标签",
         "The", "the", "pa", "Paris", "install", "Inscreva-se", "Stay tuned", "Watch", "don't", "Up next"]
TAILS = ["", ".", ")", "...", "…", " »", " ›", "→", " >>", "×", " ✕", ":", ": x", " :", " (Reuters)",
         " / AFP", "/Getty Images", " Photograph: Jane Doe/EPA", " x y z"]
LINE = st.tuples(st.sampled_from(["", " ", "\t", "- ", "* ", "• ", "# ", "-", "\u00a0"]), st.sampled_from(WORDS),
                 st.sampled_from([" ", ": ", "：", "\t", ""]), st.sampled_from(["", "news", "the story", "us"]),
                 st.sampled_from(TAILS), st.sampled_from(["", " ", "\t", "  "])).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(LINE, st.just("")), min_size=1, max_size=8), st.booleans())
def test_line_gates_match_each_gates_own_scan_on_generated_lines(lines, final_newline):
    _same("\n".join(lines) + ("\n" if final_newline else ""))


def test_triggers_keep_the_rules_findings():
    text = ("The council met on Monday and agreed the budget for the year, officials said.\n"
            "Biden disputes Zelensky claims on Poland missile\n"
            "The mayor said the talks would go on, and that the allies agreed on the next steps.\n"
            "Related: Chicago is America's most segregated city\n"
            "The last paragraph of the article ends here, as they all do, with a full stop.\n"
            "Follow us on Twitter for updates.\n"
            "- Politics & Government\n- Arts & Entertainment\n- American flag\n")
    got = {f.code for f in lint(text, select=["D2"])}
    assert {"D220", "D232"} <= got
    ending = "The last paragraph of the article ends here, as they all do, with a full stop.\n" \
             "- Politics & Government\n- Arts & Entertainment\n- American flag\n"
    assert "D212" in {f.code for f in lint(ending, select=["D212"])}
    box = ("Intro paragraph of the article, long enough to read as prose for the layout.\n"
           "War in Ukraine: What you need to know\nThe latest: Russia fired missiles.\n"
           "Photos: Our photographers have been there.\nHow you can help: Here are ways.\n")
    assert "D231" in {f.code for f in lint(box, select=["D231"])}


PARAS = ["The council met on Monday and agreed the budget for the year, officials said.",
         "The mayor said the talks would go on, and that the allies agreed on the next steps.",
         "Officials expect the work on the harbour to finish before the winter storms arrive here."]
HEADS = ["Biden disputes Zelensky claims on Poland missile", "Missile in Poland was accident, NATO says. But fear remains.",
         "Five things we learned from the Obama interview", "Related: Chicago is America's most segregated city",
         "Battlefield pressures", "Why the NATO summit matters for Kyiv", "“Quoted” headline about the NATO summit here",
         "the lowercase line about the NATO summit goes here", "Read more: Ten things to know about the storm",
         "Council sells the library to a developer, mayor says.", "Photo: AP", "A line that ends open and",
         "Zelensky meets Biden in Washington ahead of talks \u00a0", "- Politics & Government",
         # longer than 130 characters only by the spaces around it
         "\u00a0" * 90 + "Biden disputes Zelensky claims on Poland missile",
         "Biden disputes Zelensky claims on Poland missile" + " \t" * 60]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PARAS), st.sampled_from(HEADS), st.just("")), min_size=2, max_size=9),
       st.sampled_from(["\n", "\n\n", " \n"]))
def test_teaser_trigger_skips_no_page_with_a_teaser(parts, sep):
    from linter.rules.debris import teasers

    text = sep.join(parts) + "\n"
    found = [(f.start, f.message) for f in lint(text, select=["D220"])]
    trigger = teasers.may_hold_teaser
    teasers.may_hold_teaser = lambda doc, min_words: True  # the full reading of every page
    try:
        assert [(f.start, f.message) for f in lint(text, select=["D220"])] == found
    finally:
        teasers.may_hold_teaser = trigger


def test_first_class_holds_every_character_a_match_opens_with():
    import re

    from linter.rules.debris.structscan import first_class

    cases = {r"(?:[-*]+[ \t]*)?(?:ab|c\d)": ["-- ab", "c7", "*c1"], r"x*y": ["y", "xxy"], r"\s?(?:q|\w)": [" q", "_"],
             r"(?:)a": ["a"], r"a|b?": [], r"[^a]b": [], r"(?=a)a": [], r"\bab": [], r"(?i)ab": [], r"x?(?i:a)": []}
    for pattern, samples in cases.items():
        first = first_class(pattern)
        if not samples:  # may match the empty string or opens with an assertion: unknown
            assert first is None, pattern
            continue
        for s in samples:
            assert re.match(pattern, s) and re.match(first, s), (pattern, s)
    assert first_class(r"\d") == r"[\d]" and first_class("é|e") == "[eé]"
    # the line scan tries each of its groups only where that group's first class holds
    assert _scanner()[0].pattern.count("(?=(?:(?=[") >= 12
