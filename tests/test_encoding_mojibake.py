"""E101 mojibake: repaired through ftfy, span by span, exactly, and never on clean text."""

from __future__ import annotations

import subprocess
import sys

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252 for making mojibake)
import pytest
from helpers import ROOT, SEEDS, codes, fix, lint, rules_for

from linter import engine
from linter.config import default_context
from linter.core.document import Document
from linter.rules.encoding.gate import suspect_lines

E101 = rules_for(["E101"])
CTX = default_context(None)


def e101_fix(text: str) -> str:
    """fix --select E101 --unsafe-fixes, without rebuilding rules and context per call."""
    return engine.fix(Document.from_text(text), E101, CTX, unsafe=True).fixed.to_text()


def e101_codes(text: str) -> list[str]:
    return [f.code for f in engine.check(Document.from_text(text), E101, CTX)]

FIXTURE = ROOT / "tests" / "fixtures" / "encoding" / "mojibake_article.txt"


def as_cp1252(text: str) -> str:
    """UTF-8 read as Windows-1252 (its five undefined bytes kept as C1, as ftfy's codec does)."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


def as_latin1(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def test_message_names_the_encodings_and_shows_before_and_after():
    [finding] = lint("I donâ€™t know.", select=["E101"])
    assert finding.message == "UTF-8 read as Windows-1252: 'donâ€™t' → 'don’t'"
    assert finding.fix.is_safe
    assert fix("I donâ€™t know.", select=["E101"]) == "I don’t know."


def test_one_finding_per_damaged_word_and_nothing_else_changes():
    text = "He said “yes” â€” the cafÃ© was closed &amp; it’s ＦＵＬＬ of ﬁsh.\n"
    found = lint(text, select=["E101"])
    assert [text[f.start:f.end] for f in found] == ["â€”", "Ã©"]
    # curly quotes, the entity, fullwidth letters and the ligature are not ftfy's business here
    assert fix(text, select=["E101"]) == "He said “yes” — the café was closed &amp; it’s ＦＵＬＬ of ﬁsh.\n"


@pytest.mark.parametrize("damaged, expected, words", [
    ("Ð¿Ñ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€", "привет мир", "UTF-8 read as Windows-1252"),
    ("donâ\x80\x99t", "don’t", "UTF-8 read as Latin-1"),
    ("a \x93quote\x94 here", "a “quote” here", "Windows-1252 read as Latin-1"),
    ("The Mona Lisa doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t have eyebrows.",
     "The Mona Lisa doesn’t have eyebrows.", "3 times over"),
    ("Î•Î»Î»Î¬Î´Î±", "Ελλάδα", "UTF-8 read as"),
    ("æ\x9d±äº¬", "東京", "UTF-8 read as Latin-1"),
    ("ðŸ‘\x8d nice", "👍 nice", "UTF-8 read as Windows-1252"),
])
def test_repairs_exactly(damaged, expected, words):
    found = lint(damaged, select=["E101"])
    assert found and all(words in f.message for f in found)
    assert fix(damaged, select=["E101"]) == expected


def test_guessed_repairs_are_unsafe():
    # ftfy restores a no-break space that became a space: a guess
    text = "voilÃ le travail"
    [finding] = lint(text, select=["E101"])
    assert not finding.fix.is_safe and "no-break space" in finding.message
    assert fix(text, select=["E101"]) == text
    assert fix(text, select=["E101"], unsafe=True) == "voilà le travail"


def test_lost_bytes_become_a_replacement_character_only_unsafely():
    text = "the â€\ufffd end and itâ€™s fine"
    lossy, intact = lint(text, select=["E101"])
    assert not lossy.fix.is_safe and "lost" in lossy.message
    assert intact.fix.is_safe  # the intact span in the same line stays safe
    assert fix(text, select=["E101"]) == "the â€\ufffd end and it’s fine"
    assert fix(text, select=["E101"], unsafe=True) == "the \ufffd end and it’s fine"


@pytest.mark.parametrize("mangle", [as_cp1252, as_latin1])
def test_fixture_article_restored_exactly(mangle):
    clean = FIXTURE.read_text(encoding="utf-8")
    damaged = mangle(clean)
    assert damaged != clean
    assert fix(damaged, select=["E101"]) == clean
    assert fix(clean, select=["E101"]) == clean
    assert codes(clean, select=["E101"]) == []


@pytest.mark.parametrize("mangle", [as_cp1252, as_latin1])
def test_seeds_mangled_are_restored_exactly(mangle):
    if not SEEDS.is_dir():
        pytest.skip("shared corpus absent")
    for path in sorted(SEEDS.glob("*.txt")):
        clean = path.read_text(encoding="utf-8")
        damaged = mangle(clean)
        assert damaged != clean
        assert fix(damaged, select=["E101"]) == clean, path.name
        # and with every rule: the same text as fixing the clean copy
        assert fix(damaged) == fix(clean), path.name


@pytest.mark.parametrize("text", [
    "It’s the “best” café in town — really… 5 € or £4.",
    "Les « boîtes noires » de l’été, à 20\u00a0°C.",
    "Prášťáci, žluťoučký kůň úpěl ďábelské ódy.",
    "São Paulo, IRMÃ e MAÇÃ. Ação, coração.",
    "Київ — столиця України. Сірий кіт і ґава.",
    "В Москве «Газпром» и «Роснефть».",
    "JOSÉ’S café, NOËL”s and Brontë…”",
    "ΟΥ ΚΑΙ Ελλάδα — «Αθήνα»",
    "Box ├──┤ and │ table ┬ ┐",
])
def test_clean_text_is_left_alone(text):
    assert codes(text, select=["E101"]) == []
    assert fix(text, select=["E101"], unsafe=True) == text


def test_clean_text_never_reaches_ftfy():
    code = (
        "import sys\n"
        "from helpers import lint\n"
        f"text = open({str(FIXTURE)!r}, encoding='utf-8').read()\n"
        "assert lint(text, select=['E101']) == []\n"
        "print('ftfy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": f"{ROOT}:{ROOT / 'tests'}", "PATH": ""})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_gate_passes_over_clean_corpus_articles():
    from helpers import CORPUS
    folder = CORPUS / "articles"
    if not folder.is_dir():
        pytest.skip("shared corpus absent")
    flagged = 0
    total = 0
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        total += text.count("\n") + 1
        flagged += len(suspect_lines(text))
        assert e101_codes(text) == [], path.name
    assert flagged * 1000 < total  # well under one line in a thousand goes to ftfy


def test_corpus_lines_mangled_in_each_code_page_are_repaired_like_ftfy():
    """Every line ftfy.fix_encoding repairs, E101 repairs to the same text."""
    from helpers import CORPUS
    folder = CORPUS / "articles"
    if not folder.is_dir():
        pytest.skip("shared corpus absent")
    import ftfy

    lines = sorted({line for path in sorted(folder.glob("*.txt"))
                    for line in path.read_text(encoding="utf-8").split("\n")
                    if not line.isascii() and len(line) < 200})[::4]
    compared = 0
    for codec in ("sloppy-windows-1252", "latin-1", "sloppy-windows-1251", "sloppy-windows-1250",
                  "sloppy-windows-1253", "iso-8859-2", "macroman", "cp437"):
        for line in lines:
            try:
                damaged = line.encode("utf-8").decode(codec)
            except UnicodeDecodeError:
                continue
            expected = ftfy.fix_encoding(damaged)
            if expected == damaged:
                continue
            assert e101_fix(damaged) == expected, (codec, damaged)
            compared += 1
    assert compared > 400


def _mangle(text: str, *codecs: str, nbsp_lost: bool = False) -> str:
    for codec in codecs:
        text = text.encode("utf-8").decode(codec)
    return text.replace("\u00a0", " ") if nbsp_lost else text


@pytest.mark.parametrize("clean, codecs, nbsp_lost", [
    ("Šveices baņķieri gaida konkrētus projektus", ("sloppy-windows-1252",), True),
    ("Приятного аппетита, друзья!", ("sloppy-windows-1251", "sloppy-windows-1251"), True),
    ("בהודעה של המשרד", ("sloppy-windows-1252",), False),
    ("#правильноепитание", ("cp437",), False),
    ("Merci de télécharger le fichier…", ("macroman",), False),
    ("La région se trouve à l’ouest de l’Ukraine", ("sloppy-windows-1251",), True),
    ("Napíšte nám, prosím", ("sloppy-windows-1250",), False),
    ("Campeonato – Série F – Divisão", ("sloppy-windows-1252", "sloppy-windows-1252"), False),
])
def test_real_world_shapes_are_repaired_safely_like_ftfy(clean, codecs, nbsp_lost):
    """Double mojibake, a lost no-break space with other evidence on the line, other code pages."""
    import ftfy

    damaged = _mangle(clean, *codecs, nbsp_lost=nbsp_lost)
    assert damaged != clean
    assert ftfy.fix_encoding(damaged) == clean
    assert fix(damaged, select=["E101"]) == clean


def test_a_space_swallowed_into_a_symbol_is_not_fixed_safely():
    # the closing quote's last byte was lost; ftfy's guess (a no-break space) gives a dagger
    text = "â€œThe numbers are in,â€ said Ana, and doesnâ€™t care.\n"
    found = lint(text, select=["E101"])
    by_safety = {f.fix.is_safe for f in found if "†" in f.fix.edits[0].content}
    assert by_safety == {False}
    fixed = fix(text, select=["E101"])
    assert "“The" in fixed and "doesn’t" in fixed and "†" not in fixed
    assert "in,â€ said" in fixed  # left for a human (or --unsafe-fixes)
