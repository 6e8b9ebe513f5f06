"""The head gate in front of the whole-line pack matcher: it must never hide a line the
matcher would flag (a superset), and it should leave most prose lines out."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import CORPUS, SEEDS
from linter.core.document import Document
from linter.rules.debris import heads, packs
from linter.rules.debris.counters import HEADS, LINE, MAX_COUNTER_LINE

MATCHER = packs.Matcher.from_paths(packs.builtin_pack_paths("debris"))
EXAMPLES = [e.example for p in MATCHER.packs for e in p.chrome if e.where == "line"]
EXAMPLES += [n for s in MATCHER.sites for n in s.names] + [s.slogan for s in MATCHER.sites if s.slogan]


def misses(lines):
    """Lines the matcher classifies that the gate leaves out."""
    doc = Document.from_text("\n".join(lines) + "\n")
    found = set(MATCHER.line_candidates(doc))
    return [line for i, line in enumerate(doc.lines) if MATCHER.classify(line) and i not in found]


VARIANTS = [
    str.upper, str.lower, str.title,
    lambda s: "- " + s, lambda s: "\u2022\u00a0" + s, lambda s: "  # " + s + "  ",
    lambda s: s.replace("'", "\u2019").replace('"', "\u201c"), lambda s: s.replace(" ", "\u00a0"),
    lambda s: s.replace(" ", "  "), lambda s: s + " \u00bb", lambda s: s + ":",
    lambda s: s.replace("...", "\u2026"), lambda s: s.replace("-", "\u2013"),
    lambda s: s[:3] + "\u00ad" + s[3:], lambda s: s.replace("s", "\u017f"), lambda s: s.replace("ss", "\u00df"),
    lambda s: s.replace("i", "\u0131"), lambda s: s.replace("I", "\u0130"), lambda s: s.replace("fi", "\ufb01"),
    lambda s: s.replace("1", "\u0663"), lambda s: s.replace("k", "\u212a"),
]


def test_every_pack_example_passes_the_gate_in_every_spelling():
    lines = [v(ex) for ex in EXAMPLES for v in [lambda s: s, *VARIANTS]]
    assert sum(1 for line in lines if MATCHER.classify(line)) > len(EXAMPLES)
    assert misses(lines) == []


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(EXAMPLES), st.lists(st.sampled_from(range(len(VARIANTS))), max_size=3))
def test_random_spellings_of_examples_pass_the_gate(example, picks):
    line = example
    for k in picks:
        line = VARIANTS[k](line)
    assert misses(["Some prose line.", line, "More prose."]) == []


def test_the_gate_leaves_prose_out():
    prose = ["The talks went on until late in the evening, officials said.",
             "Blinken denies the missile incident shows cracks",
             "In other words, we knew that we should be building the newer pair of shoes."]
    doc = Document.from_text("\n".join(prose + ["Share this:", "Leave a Comment"]) + "\n")
    assert MATCHER.line_candidates(doc) == [3, 4]


def test_a_document_with_a_soft_hyphen_is_not_gated():
    doc = Document.from_text("Sha\u00adre this\nThe talks went on.\n")
    assert MATCHER.line_candidates(doc) == [0, 1]
    assert 0 in packs.scan(doc, _ctx()).chrome


def _ctx():
    from linter.config import default_context
    return default_context()


def _real_lines():
    out = []
    for folder in (CORPUS / "pages", SEEDS):
        if folder.is_dir():
            for p in sorted(folder.glob("*.txt")):
                out.append(p.read_text(encoding="utf-8"))
    return out


def test_no_real_chrome_line_is_hidden_by_the_gate():
    texts = _real_lines()
    if not texts:
        pytest.skip("no shared corpus")
    for text in texts:
        doc = Document.from_text(text)
        found = set(MATCHER.line_candidates(doc))
        hidden = [line for i, line in enumerate(doc.lines) if MATCHER.classify(line) and i not in found]
        assert hidden == []


def test_no_counter_line_is_hidden_by_its_gate():
    from linter.rules.debris.layout import candidate_lines, lowered
    lines = ["10 views0 comments", "- 3 min read", "Comments (3)", "\u2022 12 Shares", "Share 0",
             "READING TIME: 4 MINS", "\u0663 comments", "6.2K", "The 10 views were great."]
    doc = Document.from_text("\n".join(lines) + "\n")
    found = candidate_lines(doc, HEADS.regex, lowered(doc))
    real = [i for i, line in enumerate(lines) if len(line) <= MAX_COUNTER_LINE and LINE.match(line)]
    assert len(real) == 8
    assert set(real) <= set(found)


def test_pattern_heads_of_random_literals_are_prefixes_of_them():
    rng = random.Random(7)
    words = ["Share", "Read more", "Posted in", "Sign up", "Top of page", "Ad"]
    for _ in range(50):
        w = " ".join(rng.sample(words, 2))
        pre, exact = heads.pattern_heads(w)
        canon = heads.canonical(w)
        assert any(canon.startswith(p) for p in pre) or canon in exact


@pytest.mark.parametrize("line", [
    "This work is licensed under a Creative Commons Attribution 4.0 License.",
    "Linux is a registered trademark of Linus Torvalds.", "Linux is a trade mark of Linus Torvalds.",
    "All images are the copyright of their owners.", "© 2021 Example Media. ALL RIGHTS RESERVED.",
    "Unauthorised reproduction is prohibited.", "未经授权，不得转载", "版权所有", "禁止转载", "無断転載を禁じます",
    "Alle Rechte vorbehalten.", "Tous droits réservés.", "Todos los derechos reservados.",
    "Todos os direitos reservados.",
])
def test_every_legal_notice_holds_a_gate_word(line):
    from linter.rules.debris.bylines import LEGAL, LEGAL_WORDS, legal_gate
    from linter.rules.debris.layout import lower_same_length as _lower
    assert LEGAL.search(line)
    assert any(w in line.lower() for w in LEGAL_WORDS)
    assert legal_gate(_lower(line)) and legal_gate(_lower(line.replace("s", "\u017f")))


@pytest.mark.parametrize("line", [
    "You must log in to comment.", "Please submit your comments to the editor.",
    "Comment count on this article reflects comments made on the site.", "Los comentarios que no respeten.",
    "Die Kommentare geben die Meinung wieder.", "コメントは個人の見解です", "评论不代表本站观点", "留言仅代表网友个人",
    "Sign in to reply.",
])
def test_every_comment_notice_holds_a_gate_word(line):
    from linter.rules.debris.comments import COMMENT_WORD, NOTICE_GATE, CommentNotice
    assert CommentNotice.PROMPT.search(line) or COMMENT_WORD.search(line)
    assert any(w in line.lower() for w in NOTICE_GATE)


def _gates():
    from linter.rules.debris import bylines, captions, comments, navigation, promo, teasers
    out = []
    for mod in (bylines, captions, comments, navigation, promo, teasers):
        for name, obj in vars(mod).items():
            if name.endswith("GATE") and hasattr(obj, "search"):
                out.append(obj)
        out.extend(getattr(mod, "GATES", ()))
    return out


TWIN_LINES = ["By Jane Doe", "BY JANE", "\u0131n case you missed it", "\u017fponsored content", "- Posted on May 3",
              "\u041a\u043e\u043c\u043c\u0435\u043d\u0442\u0430\u0440\u0438\u0438 (3)", "\u043a\u1c82\u043c\u043c\u0435\u043d\u0442",
              "Updated: 3 March 2021", "Tags: a, b", "Read more: x", "PHOTO: AP", "\u0130n case", "About Acme",
              "Originally published at x", "1/50 Slide", "Subscribe to our newsletter", "You might also like"]


def test_case_insensitive_gates_find_the_same_lines_on_the_lowercased_text():
    from linter.rules.debris.layout import candidate_lines, lower_gate
    texts = ["\n".join(TWIN_LINES) + "\n", "\n".join(reversed(TWIN_LINES))] + _real_lines()[:40]
    gates = [g for g in _gates() if g.flags & 2]
    assert len(gates) >= 8 and all(lower_gate(g) is not None for g in gates)
    for text in texts:
        doc = Document.from_text(text)
        for g in gates:
            assert candidate_lines(doc, g) == candidate_lines(doc, g, doc.text), g.pattern
