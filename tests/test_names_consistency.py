"""N101: one spelling per name in a file or a corpus."""

from __future__ import annotations

import re
import time

import pytest

from helpers import SEEDS, codes, fix, lint
from linter import engine
from linter.config import default_context
from linter.core.document import Document
from linter.rules.names.consistency import InconsistentNameSpelling

N = ["N101"]


def test_tie_goes_to_the_modern_form_with_case_possessive_and_compound_kept():
    text = ("KIEV (Reuters) - Officials arrived in Kiev on Wednesday.\n"
            "Kyiv’s goals were discussed. Kiev's allies met Kiev-based diplomats.\n"
            "Kyiv said it would reply; Kyiv-born officials in Kyiv agreed.\n")
    out = fix(text, N)
    assert out == ("KYIV (Reuters) - Officials arrived in Kyiv on Wednesday.\n"
                   "Kyiv’s goals were discussed. Kyiv's allies met Kyiv-based diplomats.\n"
                   "Kyiv said it would reply; Kyiv-born officials in Kyiv agreed.\n")
    assert fix(out, N) == out


def test_majority_wins_over_the_modern_form():
    text = ("Zelensky spoke on Monday. Zelensky said the strikes went on.\n"
            "Later this month, Zelenskyy will travel to Washington.\n")
    findings = lint(text, N)
    assert len(findings) == 1
    f = findings[0]
    assert text[f.start:f.end] == "Zelenskyy"
    assert "Zelensky 2×" in f.message and "Zelenskyy 1×" in f.message
    assert f.message.startswith("'Zelenskyy' → 'Zelensky': this file uses")
    assert "the majority spelling" in f.message
    assert "group zelenskyy" in f.message
    assert fix(text, N).count("Zelenskyy") == 0


def test_consistent_text_and_lone_forms_are_left_alone():
    assert codes("Kiev is the capital. Officials in Kiev said so.\n", N) == []
    assert codes("Zelenskyy met Biden. Zelenskyy’s aides agreed.\n", N) == []
    assert codes("The Washington Post reported from Kyiv and Odessa.\n", N) == []


def test_words_that_merely_contain_a_form_are_not_touched():
    text = "Kyiv is calm. Kievstar, the mobile operator, and Kievskaya station; kiev in lower case.\n"
    assert codes(text, N) == []


def test_fixed_phrases_are_never_touched_nor_counted():
    text = ("Kyiv was shelled. In Kyiv, restaurants still serve chicken Kiev.\n"
            "The state of Kievan Rus' was founded in the ninth century. Kyiv endures.\n")
    assert codes(text, N) == []
    mixed = text + "Kiev said so.\n"
    out = fix(mixed, N)
    assert "chicken Kiev" in out and "Kievan Rus'" in out and "Kyiv said so." in out


def test_derived_forms_follow_the_winner():
    text = "Odesa was hit again. Odesa port. The Odessan mayor said Odesans would stay.\n"
    assert fix(text, N) == "Odesa was hit again. Odesa port. The Odesan mayor said Odesans would stay.\n"


def test_odessa_texas_is_a_fixed_phrase():
    text = "Odesa, Ukraine, is twinned with Odessa, Texas. Odesa's port reopened.\n"
    assert codes(text, N) == []


def test_glosses_of_two_spellings_are_meant():
    assert codes("Kyiv (Kiev) is the capital. Kyiv is large.\n", N) == []
    assert codes("Gaddafi, also spelled Qaddafi, ruled Libya. Gaddafi died in 2011.\n", N) == []
    assert codes("Mumbai, formerly Bombay, is a port. Mumbai is rich.\n", N) == []
    # but a later stray spelling is still reported
    assert codes("Kyiv (Kiev) is the capital. Kiev is large. Kyiv grows.\n", N) == ["N101"]


def test_multi_word_forms_and_line_wraps():
    text = "Al Qaeda claimed it. Later al-Qaeda denied it and al-Qaeda\nleaders hid.\n"
    assert fix(text, N) == "Al-Qaeda claimed it. Later al-Qaeda denied it and al-Qaeda\nleaders hid.\n"
    wrapped = "Mao Zedong ruled. Mao Zedong died. Mao\nTse-tung was mourned.\n"
    assert fix(wrapped, N) == "Mao Zedong ruled. Mao Zedong died. Mao\nZedong was mourned.\n"


def test_house_style_reports_a_lone_non_preferred_form():
    opts = {"names": {"prefer": ["Kyiv", "Zelenskyy"]}}
    text = "Zelensky visited Kiev. Kiev welcomed him.\n"
    findings = lint(text, N, options=opts)
    assert [text[f.start:f.end] for f in findings] == ["Zelensky", "Kiev", "Kiev"]
    assert all("house style" in f.message for f in findings)
    assert fix(text, N, options=opts) == "Zelenskyy visited Kyiv. Kyiv welcomed him.\n"
    # the house style beats the majority
    assert fix("Kiev, Kiev, Kyiv.\n", N, options=opts) == "Kyiv, Kyiv, Kyiv.\n"


def test_ambiguous_groups_fire_only_with_a_house_style_and_never_safely():
    text = "Turkey hosted the talks. Türkiye said so. We ate turkey.\n"
    assert codes(text, N) == []
    opts = {"names": {"prefer": ["Türkiye"]}}
    findings = lint(text, N, options=opts)
    assert len(findings) == 1 and not findings[0].fix.is_safe
    assert fix(text, N, options=opts) == text
    assert fix(text, N, unsafe=True, options=opts) == "Türkiye hosted the talks. Türkiye said so. We ate turkey.\n"


def test_renamings_give_unsafe_fixes():
    text = "Mumbai is India's financial hub. Mumbai grew fast. Bombay traders agreed.\n"
    findings = lint(text, N)
    assert len(findings) == 1 and not findings[0].fix.is_safe
    assert fix(text, N) == text
    assert "Mumbai traders" in fix(text, N, unsafe=True)
    assert codes("Shares rose on the Bombay Stock Exchange in Mumbai.\n", N) == []


def test_keep_quoted_leaves_quotations_and_titles_alone():
    text = 'Kyiv is the capital. He wrote “The Road to Kiev” in 1990. Kyiv agreed. *Kiev Nights* sold.\n'
    assert len(lint(text, N)) == 2
    assert lint(text, N, options={"names": {"keep-quoted": True}}) == []


def _ctx(**names):
    return default_context({"names": names} if names else None)


def _corpus(texts, ctx):
    rule = InconsistentNameSpelling()
    docs = [Document.from_text(t, path=f"{i}.txt") for i, t in enumerate(texts)]
    ctx.corpus[rule.code] = rule.merge([rule.collect(d, ctx) for d in docs])
    return rule, docs


def test_corpus_scope_counts_across_files():
    texts = ["Zelensky said it. Zelensky again.\n", "Zelensky spoke.\n", "Zelenskyy met Biden.\n"]
    ctx = _ctx(scope="corpus")
    rule, docs = _corpus(texts, ctx)
    assert rule.corpus_enabled(ctx) == "run"
    assert list(rule.check(docs[0], ctx)) == list(rule.check(docs[1], ctx)) == []
    (f,) = rule.check(docs[2], ctx)
    assert "the corpus uses Zelenskyy 1× in 1 file, Zelensky 3× in 2 files" in f.message
    result = engine.fix(docs[2], [rule], ctx)
    assert result.fixed.text == "Zelensky met Biden.\n"


def test_corpus_scope_off_by_default_and_git_option():
    rule = InconsistentNameSpelling()
    assert rule.corpus_enabled(_ctx()) is False
    assert rule.corpus_enabled(_ctx(scope="corpus", corpus="git")) == "git"
    # a file that is consistent on its own is not judged by corpus counts in file scope
    ctx = _ctx()
    ctx.corpus[rule.code] = {"zelenskyy": {"counts": [1, 9, 0, 0, 0, 0], "files": [1, 3, 0, 0, 0, 0]}}
    assert list(rule.check(Document.from_text("Zelenskyy spoke.\n"), ctx)) == []


def test_collected_counts_are_picklable_and_merge():
    import pickle
    rule = InconsistentNameSpelling()
    part = rule.collect(Document.from_text("Kiev and Kyiv and Kyiv.\n"), _ctx())
    assert pickle.loads(pickle.dumps(part)) == {"kyiv": (2, 1)}


def _seed_texts():
    if not SEEDS.is_dir():
        pytest.skip("seed corpus not available")
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def test_seeds_file_scope():
    seeds = _seed_texts()
    assert "N101" in codes(seeds["001"], N) and "N101" in codes(seeds["002"], N)
    assert codes(seeds["000"], N) == [] and codes(seeds["003"], N) == []
    for name, text in seeds.items():
        out = fix(text, N)
        assert len(set(re.findall(r"\bZelensk\w*", out))) <= 1, name
    out2 = fix(seeds["002"], N)
    assert "KYIV (Reuters)" in out2 and "arrived in Kyiv" in out2 and "Kiev" not in out2
    assert out2.count("Zelensky") == 3 and "Zelenskyy" not in out2


def test_seeds_corpus_scope_reports_the_disagreement():
    seeds = _seed_texts()
    ctx = _ctx(scope="corpus")
    rule, docs = _corpus(list(seeds.values()), ctx)
    per_file = {name: [f.message for f in rule.check(d, ctx)] for name, d in zip(seeds, docs)}
    zel = {name: [m for m in msgs if "group zelenskyy" in m] for name, msgs in per_file.items()}
    assert zel["000"] == [] and zel["003"] and zel["001"]
    assert "Zelensky" in zel["003"][0] and "Zelenskyy" in zel["003"][0] and "files" in zel["003"][0]


def test_linear_time_on_a_large_text():
    para = ("Officials in Kyiv said the talks in Brussels went on. Zelenskyy spoke to reporters "
            "about the Odesa port and the Kharkiv front, and Western leaders agreed.\n\n")
    small, big = para * 2000, para * 20000
    t0 = time.perf_counter(); lint(small, N); t1 = time.perf_counter(); lint(big, N); t2 = time.perf_counter()
    assert (t2 - t1) < 25 * max(t1 - t0, 0.01)


def test_more_glosses_and_texts_about_the_spellings():
    assert codes("The city is Kyiv, not Kiev. Kyiv is the capital.\n", N) == []
    assert codes("Use the Ukrainian spelling Kyiv rather than the Russian Kiev. Kyiv agreed.\n", N) == []
    assert codes("The name is spelled both Kiev and Kyiv in English. Kyiv is large.\n", N) == []
    # an ordinary "and" between two spellings is no gloss
    assert codes("Officials in Kyiv and Kiev residents agreed. Kyiv is large.\n", N) == ["N101"]


def test_urls_and_addresses_are_never_rewritten():
    text = ("Kyiv is the capital; see https://en.wikipedia.org/wiki/Kiev or en.wikipedia.org/wiki/Kiev "
            "and mail press@Kiev.example. Kyiv agreed.\n")
    assert codes(text, N) == []


def _groups():
    from linter.core.packs import builtin_pack_paths
    from linter.rules.names import dictionary
    return list(dictionary.load(builtin_pack_paths("names")).groups.values())


_CTX: dict = {}


def _shared_ctx(prefer: str | None):
    """One context per house style for the per-group tests (building one reads every pack)."""
    if prefer not in _CTX:
        _CTX[prefer] = default_context({"names": {"prefer": [prefer]}} if prefer else None)
    return _CTX[prefer]


@pytest.mark.parametrize("group", _groups(), ids=lambda g: g.id)
def test_every_group_mixed_in_a_news_text_ends_with_one_spelling(group):
    # the modern form twice, every other form once, in running text
    forms = [group.modern, *group.forms]
    body = " ".join(f"Reporters said {f} mattered on day {i}." for i, f in enumerate(forms))
    text = f"{body}\nOfficials agreed.\n"
    ctx = _shared_ctx(group.modern if group.safety == "house-style" else None)
    rules = [InconsistentNameSpelling()]
    findings = engine.check(Document.from_text(text), rules, ctx)
    assert len(findings) == len(group.forms) - 1
    assert all(f.fix and f.fix.is_safe == (group.safety == "safe") for f in findings)
    out = engine.fix(Document.from_text(text), rules, ctx, unsafe=True).fixed.text
    for f in group.forms:
        if f != group.modern and f not in group.modern:
            assert not re.search(rf"(?<!\w){re.escape(f)}(?!\w)", out), f
    assert out.count(group.modern) >= len(forms)
