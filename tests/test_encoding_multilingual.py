"""Correct text in many languages: no E finding, and fix (every family) leaves it unchanged."""

from __future__ import annotations

import unicodedata

import pytest
from helpers import codes, fix, rules_for
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from linter import engine
from linter.config import default_context
from linter.core.document import Document
from linter.rules.encoding.gate import suspect_lines

SENTENCES = {
    "french": "« Ça m’étonnerait », dit-elle à l’aïeul ; l’été dernier, à Noël, où était-il ?",
    "german": "Die Straße führt über die Brücke; „Größe“ und Gemütlichkeit sind Äußerlichkeiten.",
    "polish": "Zażółć gęślą jaźń — pchnąć w tę łódź jeża lub ośm skrzyń fig.",
    "czech": "Příliš žluťoučký kůň úpěl ďábelské ódy, řekl „dědeček“.",
    "turkish": "İstanbul’da ılık bir günde Ağrı Dağı’nı gördük; şöyle böyle, çok güzel.",
    "vietnamese": "Tiếng Việt có dấu: người, đường, thưởng thức, Hà Nội và Thành phố Hồ Chí Minh.",
    "greek": "Η Ελλάδα είναι χώρα της νοτιοανατολικής Ευρώπης· «Καλημέρα», είπε ο παππούς.",
    "russian": "«Съешь же ещё этих мягких французских булок», — сказал он в Москве.",
    "ukrainian": "Київ — столиця України; ґанок, їжак, єнот і м’ята ростуть біля річки.",
    "arabic": "اللغة العربية جميلة، وقال: «مرحباً بكم في القاهرة» عام ٢٠٢٤.",
    "hebrew": "שלום עולם! ירושלים היא עיר עתיקה, והמחיר הוא 100 ש״ח.",
    "persian": "می‌خواهم به کتاب‌خانه بروم؛ زبان فارسی زیباست.",
    "hindi": "हिन्दी भारत की राजभाषा है; क़ानून, ज़मीन और श्री का प्रयोग होता है।",
    "chinese": "中华人民共和国成立于1949年，首都是北京。“你好，世界！”他说。",
    "japanese": "日本語の文章です。「ＮＨＫ」によると、東京は晴れ（最高気温２５度）でした。",
    "korean": "대한민국의 수도는 서울입니다. “안녕하세요”라고 말했다.",
    "thai": "ภาษาไทยเป็นภาษาราชการของประเทศไทย",
    "spanish": "¿Dónde está el niño? ¡Qué año! El pingüino comió piñas.",
    "portuguese": "A ação do coração: São Paulo, irmã e maçã; não há pão.",
    "hungarian": "Árvíztűrő tükörfúrógép, őszi ünnepség.",
    "romanian": "Știință și țară: Înțelepciunea românească.",
    "icelandic": "Þórður og Sigríður fóru í ferðalag til Ísafjarðar.",
    "emoji": "Great work 👩‍💻 and family 👨‍👩‍👧‍👦, flags 🏳️‍🌈 🇺🇦, skin tones 👍🏽 and ❤️ love.",
    "english": "It’s the “best” café — really… 5 € or £4; naïve résumé, coöperate, 10 °C.",
}


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_no_e_finding(language):
    text = SENTENCES[language] + "\n"
    assert codes(text, select=["E"]) == []
    assert codes(text, select=["E"], path="doc.md") == []


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_fix_with_every_family_changes_nothing(language):
    text = SENTENCES[language] + "\n"
    assert fix(text) == text
    assert fix(text, unsafe=True) == text


def test_a_paragraph_of_all_languages_is_left_alone():
    text = "\n\n".join(SENTENCES[k] for k in sorted(SENTENCES)) + "\n"
    assert codes(text, select=["E"]) == []
    assert fix(text, select=["E"], unsafe=True) == text


# -- properties -------------------------------------------------------------------------------
# The E rules and a context built once: the properties run hundreds of examples.
E_RULES = rules_for(["E"])
CTX = default_context(None)


def e_fix(text: str, unsafe: bool) -> str:
    return engine.fix(Document.from_text(text), E_RULES, CTX, unsafe=unsafe).fixed.to_text()


def e_codes(text: str) -> list[str]:
    return [f.code for f in engine.check(Document.from_text(text), E_RULES, CTX)]


#: Letters, marks, digits, punctuation, symbols and spaces from any script; no controls,
#: format characters, surrogates or private use.
_PROSE = st.characters(categories=("L", "M", "N", "P", "S", "Zs"),
                       exclude_characters="&\ufffd")


def _clean(text: str) -> str:
    """Text as a careful writer would store it: NFC, no compatibility forms."""
    text = unicodedata.normalize("NFC", text)
    return "".join(c for c in text
                   if not ("\uff01" <= c <= "\uff5e" or "\ufb00" <= c <= "\ufb06"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.lists(st.text(_PROSE, min_size=1, max_size=30), min_size=1, max_size=8))
def test_fix_never_changes_clean_text_without_mojibake_markers(lines):
    text = _clean("\n".join(lines))
    assume(not suspect_lines(text))
    assert e_fix(text, unsafe=True) == text
    assert e_codes(text) == []


_ANY = st.text(st.characters(exclude_categories=("Cs",)), max_size=80)
_DAMAGE = st.sampled_from(["â€™", "Ã©", "&amp;#8217;", "&nbsp;", "\u200b", "\x92", "\x07",
                           "e\u0301", "ﬁ", "ＡＢ", "\ufffd", "\u200e", "Ð¿Ñ€", "\u00ad"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_ANY, _DAMAGE), max_size=10))
def test_fix_is_idempotent(parts):
    text = "".join(parts)
    once = e_fix(text, unsafe=True)
    assert e_fix(once, unsafe=True) == once
    safe_once = e_fix(text, unsafe=False)
    assert e_fix(safe_once, unsafe=False) == safe_once
