"""N201: look-alike spellings of names no dictionary lists, and distinct names left alone."""

from __future__ import annotations

import pytest

from helpers import SEEDS, fix, lint
from linter.config import default_context
from linter.core.document import Document
from linter.core.packs import builtin_pack_paths
from linter.rules.names import dictionary
from linter.rules.names.discovery import NameVariantDiscovered
from linter.rules.names.skeleton import skeleton

N = ["N201"]


def found(text, select=N):
    return [(text[f.start:f.end], f) for f in lint(text, select)]


def test_lamy_beside_lammy_names_the_other_form_and_counts():
    text = ("British Foreign Secretary David Lammy arrived in Kyiv on Wednesday.\n"
            "Blinken and Lamy are expected to press Ukraine for more information.\n")
    (hit,) = found(text)
    word, f = hit
    assert word == "Lamy"
    assert "'Lammy'" in f.message and "Lammy 1×" in f.message and "Lamy 1×" in f.message
    assert not f.fix.is_safe
    assert fix(text, N) == text
    assert "Blinken and Lammy are" in fix(text, N, unsafe=True)


def test_the_majority_spelling_wins():
    text = ("Defence official Oleksiy Tsybulskyi spoke on Monday. Officials said Tsybulskyi "
            "would stay, and aides to Tsybulskyi agreed with a statement from Tsybulskiy.\n")
    hits = found(text)
    assert [w for w, _ in hits] == ["Tsybulskiy"]
    assert "'Tsybulskyi'" in hits[0][1].message and "the more frequent spelling" in hits[0][1].message


def test_house_style_picks_the_winner():
    text = ("British Foreign Secretary David Lammy arrived in Kyiv on Wednesday.\n"
            "Blinken and Lamy are expected to press Ukraine for more information.\n")
    (f,) = lint(text, N, options={"names": {"prefer": ["Lamy"]}})
    assert text[f.start:f.end] == "Lammy" and "house style" in f.message


def test_title_case_headlines_prove_nothing():
    text = ("Biden Meets Lammy And Lamy Allies In Kyiv\n\n"
            "The talks went on for hours.\n")
    assert found(text) == []


def test_zelenskyi_beside_zelenskyy_without_a_dictionary():
    # the built-in dictionary lists these (N101 reports them); without it, N201 finds them
    text = ("Ukrainian President Volodymyr Zelenskyy spoke. Officials said Zelenskyy "
            "would travel, and aides to Zelenskyi confirmed it.\n")
    ctx = default_context()
    ctx.pack_paths["names"] = []
    findings = list(NameVariantDiscovered().check(Document.from_text(text), ctx))
    assert [text[f.start:f.end] for f in findings] == ["Zelenskyi"]
    # with the dictionary the pair is N101's business, not N201's
    assert found(text) == []
    assert [w for w, _ in found(text, ["N101", "N201"])] == ["Zelenskyi"]


def test_skeleton_erases_romanisation_choices_only():
    same = [("Zelenskyy", "Zelenskiy"), ("Lammy", "Lamy"), ("Mikhail", "Mihail"),
            ("Kravets", "Kravetz"), ("Müller", "Muller"), ("Dmitry", "Dmitri"), ("Yuriy", "Yurii")]
    for a, b in same:
        assert skeleton(a) == skeleton(b), (a, b)


def distinct_pairs():
    pairs = []
    for path in builtin_pack_paths("names"):
        from linter.core.packs import read_pack
        pairs += [tuple(p) for p in read_pack(path).get("distinct", {}).get("pairs", [])]
    return pairs


def test_the_distinct_list_holds_the_issue_pairs():
    pairs = {frozenset(p) for p in distinct_pairs()}
    for a, b in [("Iran", "Iraq"), ("Austria", "Australia"), ("Slovakia", "Slovenia"),
                 ("Niger", "Nigeria"), ("Gambia", "Zambia"), ("Mali", "Malawi"),
                 ("Sudan", "South Sudan"), ("Johnson", "Johnston")]:
        assert frozenset((a, b)) in pairs


@pytest.mark.parametrize("a, b", distinct_pairs())
def test_distinct_names_are_never_paired(a, b):
    text = (f"Officials from {a} met envoys from {b} on Monday. Talks between {a} and "
            f"{b} went on, and a statement by {b} followed.\n")
    assert found(text) == []


CONTROLS = [
    # look-alike countries and people in one text
    "Iran and Iraq signed a deal. Austria and Australia watched, as did Slovakia and Slovenia. "
    "Niger and Nigeria, Gambia and Zambia, Mali and Malawi, Sudan and South Sudan all spoke.\n",
    "Boris Johnson met Alan Johnston in London. Johnson said Johnston was right.\n",
    # two people whose names share a skeleton, told apart by their other names
    "Alan Smith and Allan Jones spoke. Smith said so; Jones agreed. Later Alan left and Allan stayed.\n",
    "Governor Brian Kemp met the singer Luke Bryan. Kemp praised Bryan, and Brian thanked him.\n",
    "Shares of Philips rose while Phillips, the analyst, said Philips was cheap.\n",
    "Mohammed bin Salman met Mohamed Salah. Salah thanked Mohammed.\n",
    "Sidney Crosby scored twice in Sydney. Crosby said Sydney was loud.\n",
    "Guyana and French Guiana share a border. Guyana exports rice; French Guiana hosts a spaceport.\n",
    "Senator Michael Bennet met Naftali Bennett. Bennet spoke first, then Bennett.\n",
    "Field Marshal Montgomery praised the Marshall Plan. The Marshal said the Marshall aid helped.\n",
    "Hassan Nasrallah spoke. Comedian Hasan Minhaj joked about it.\n",
    # ordinary words capitalised at sentence starts
    "Later, the latter option was chosen. Latter-day plans were dropped. Later still, none.\n",
    "Dinner was served. Diner owners complained. The diner closed and dinner ended.\n",
    # acronyms and case
    "NATO officials met. Nato said the alliance would act. NATO agreed.\n",
    # consistent transliterations
    "Volodymyr Zelenskyy met Dmitry Kuleba. Zelenskyy and Kuleba spoke of Kharkiv.\n",
]


@pytest.mark.parametrize("text", CONTROLS)
def test_control_texts_give_no_finding(text):
    assert lint(text, ["N"]) == []


def test_seed_002_line_5():
    p = next(SEEDS.glob("002_*.txt"), None) if SEEDS.is_dir() else None
    if p is None:
        pytest.skip("seed corpus not available")
    text = p.read_text(encoding="utf-8")
    doc = Document.from_text(text)
    hits = [f for f in lint(text, N)]
    assert len(hits) == 1
    assert doc.position(hits[0].start)[0] == 5
    assert text[hits[0].start:hits[0].end] == "Lamy" and "'Lammy'" in hits[0].message


def test_discovery_is_quiet_on_the_clean_articles():
    from helpers import CORPUS
    folder = CORPUS / "articles"
    if not folder.is_dir():
        pytest.skip("corpus not available")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    flagged = sum(1 for t in texts if lint(t, N))
    assert flagged <= 4, flagged  # measured: 3 files, each a real variant (Tallon/Talon ...)
