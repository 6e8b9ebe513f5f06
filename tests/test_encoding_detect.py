"""The encoding detector, the E902 message and --convert-encoding's conversion function."""

from __future__ import annotations

import pytest

from linter.rules import registry
from linter.rules.encoding.detect import convert_to_utf8, guess_encoding, non_utf8_message

FRENCH = ("Le garçon a mangé une pêche à la crème près de la forêt. Très bien, ça, "
          "dit-il à sa mère en août.")
ENGLISH_SMART = ("“We’ve been in regular contact with our partners — throughout,” he said. "
                 "It’s the café’s best… and it costs 5 €.")
RUSSIAN = ("Президент Украины заявил, что ракета, упавшая в Польше, не была украинской. "
           "Министр иностранных дел сказал, что расследование продолжается.")
UKRAINIAN = "Київ — столиця України. Їжачок і ґава живуть у лісі біля річки."
JAPANESE = "日本語のテキストです。東京は晴れています。今日はいい天気ですね。明日も晴れるでしょう。"
CHINESE = "中华人民共和国是一个位于东亚的国家，首都是北京。今天天气很好，我们去公园散步吧。"
POLISH = "Zażółć gęślą jaźń. Pchnąć w tę łódź jeża lub ośm skrzyń fig. Źródło świeżej wody."
GREEK = "Η Ελλάδα είναι χώρα της νοτιοανατολικής Ευρώπης, με πρωτεύουσα την Αθήνα."


@pytest.mark.parametrize("text, encoding, expected", [
    (ENGLISH_SMART, "cp1252", "cp1252"),
    (FRENCH, "latin-1", "latin-1"),
    (FRENCH, "cp1252", "latin-1"),     # no byte in 0x80-0x9F: the same bytes as latin-1
    (RUSSIAN, "cp1251", "cp1251"),
    (UKRAINIAN, "cp1251", "cp1251"),
    (RUSSIAN, "koi8-r", "koi8-r"),
    (JAPANESE, "shift_jis", "shift_jis"),
    (JAPANESE, "euc-jp", "euc-jp"),
    (CHINESE, "gb18030", "gb18030"),
    (POLISH, "cp1250", "cp1250"),
    (GREEK, "cp1253", "cp1253"),
])
def test_guesses_the_encoding_and_is_confident(text, encoding, expected):
    name, confidence = guess_encoding(text.encode(encoding))
    assert name == expected
    assert confidence >= 0.6
    assert text.encode(encoding).decode(name) == text


@pytest.mark.parametrize("codec, expected", [
    ("utf-16", "utf-16"), ("utf-32", "utf-32"),
    ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),
])
def test_utf16_and_utf32_by_bom_or_nul_pattern(codec, expected):
    data = (FRENCH + "\n" + RUSSIAN).encode(codec)
    name, confidence = guess_encoding(data)
    assert name == expected
    assert confidence >= 0.9
    text, _ = convert_to_utf8(data)
    assert text == FRENCH + "\n" + RUSSIAN


def test_utf8_and_ascii_are_recognised():
    assert guess_encoding(b"plain ascii") == ("ascii", 1.0)
    assert guess_encoding(FRENCH.encode("utf-8")) == ("utf-8", 1.0)


def test_thin_evidence_is_not_confident():
    # one accented letter: ï in latin-1 is ď in cp1250; nothing tells them apart
    name, confidence = guess_encoding("a na\xefve idea".encode("latin-1"))
    assert name == "latin-1"
    assert confidence < 0.6


def test_undecodable_bytes_give_no_guess():
    # 0x81 0x8D ... are undefined in every cp125x; a lone 0x81 pair breaks the CJK codecs too
    name, confidence = guess_encoding(b"\x81\x8d \x8f\x90 \x9d")
    assert confidence < 0.6


def test_english_with_smart_quotes_in_cp1252_is_not_read_as_another_code_page():
    data = (ENGLISH_SMART * 3).encode("cp1252")
    text, reason = convert_to_utf8(data)
    assert text == ENGLISH_SMART * 3
    assert "cp1252" in reason


def test_convert_refuses_when_not_confident():
    text, reason = convert_to_utf8("na\xefve".encode("latin-1"))
    assert text is None
    assert "uncertain" in reason and "iconv" in reason


def test_convert_drops_a_bom():
    text, _ = convert_to_utf8("\ufeffhello, café".encode("utf-16"))
    assert text == "hello, café"


def test_corpus_articles_in_legacy_code_pages_are_never_confidently_misread():
    """Real clean articles re-encoded in each code page: a confident guess is a right guess."""
    from helpers import CORPUS
    folder = CORPUS / "articles"
    if not folder.is_dir():
        pytest.skip("shared corpus absent")
    checked = 0
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for codec in ("cp1252", "cp1251", "cp1250", "cp1253", "shift_jis", "gb18030", "utf-16"):
            try:
                data = text.encode(codec)
            except UnicodeEncodeError:
                continue
            if data.isascii():
                continue
            decoded, _ = convert_to_utf8(data)
            if decoded is not None:
                assert decoded == text.lstrip("\ufeff"), (path.name, codec)
                checked += 1
    assert checked > 100


def _error(data: bytes) -> UnicodeDecodeError:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc
    raise AssertionError("valid UTF-8")


def test_message_names_position_encoding_and_the_fix():
    data = ("Title\n\n" + RUSSIAN).encode("cp1251")
    msg = non_utf8_message(data, _error(data))
    assert "line 3, column 1" in msg
    assert "byte offset 7" in msg
    assert "cp1251" in msg
    assert "texthygiene fix --convert-encoding" in msg


def test_message_when_unsure_says_the_conversion_will_refuse():
    data = "x\xe9".encode("latin-1")
    msg = non_utf8_message(data, _error(data))
    assert "0xE9" in msg and "line 1, column 2" in msg
    assert "refuse" in msg


def test_e902_rule_is_registered_and_documented():
    rule = registry()["E902"]
    assert rule.name == "non-utf8-file"
    doc = rule.doc()
    for section in ("What it does", "Why is this bad?", "Example", "Fix safety"):
        assert section in doc
    assert list(rule().check(None, None)) == []
