"""Review of E101's alignment (b74ebd8, a09db90): a safe fix must never move a word.

E101's safe spans are applied without --unsafe-fixes, span by span: a span that deletes a
word at one point while another span inserts it at another loses the word when only the
first is applied, and doubles it when only the second is (the other one unsafe, suppressed
or overlapped). These lines are ftfy's own repairs; each certain span must be the repair of
the text it covers, so that applying it alone keeps every word exactly once.

Each failed before ``repair._each_alone`` (the lines come from an adversarial review of the
alignment; the exact path's cases predate the linear one): a span that may move text is
kept certain only when it stands alone, joined with its neighbours if need be.
"""

from __future__ import annotations

import random
from contextlib import contextmanager

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)
import pytest

from helpers import fix
from linter.rules.encoding import align
from linter.rules.encoding.repair import _plan_of, repair_line

WORDS = ("the minister said on Tuesday that talks with the port authority were constructive "
         "but slow and that prices rose in the year to January").split()


def _moj(word: str, codec: str = "sloppy-windows-1252") -> str:
    return word.encode("utf-8").decode(codec)


def _fullwidth_prefix(n: int, seed: int = 1) -> str:
    """Dense mojibake (fullwidth letters read as Windows-1252): a line this long is beyond the
    exact search's budget and takes ``local_alignment`` by itself."""
    rng = random.Random(seed)
    return " ".join("".join(_moj(chr(ord(c) + 0xFEE0)) if c.isalpha() and rng.random() < 0.6
                            else c for c in rng.choice(WORDS)) for _ in range(n))


@contextmanager
def _linear():
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(align, "EXACT_BUDGET", -1)
        if hasattr(align, "_UNMETERED"):
            mp.setattr(align, "_UNMETERED", -1)
        repair_line.cache_clear()
        yield
    repair_line.cache_clear()


def _apply(line: str, spans) -> str:
    out, pos = [], 0
    for s in spans:
        out += [line[pos:s.start], s.replacement]
        pos = s.end
    return "".join(out) + line[pos:]


def _each_certain_span_is_local(line: str) -> None:
    """No certain span inserts a word from nothing, nor joins two words of the line into one
    (ftfy re-decodes each damaged run in place): applied alone, such a span doubles or loses
    a word that another span moves."""
    fixed, _ = _plan_of(line)
    spans = repair_line(line)
    assert _apply(line, spans) == fixed
    for s in spans:
        old, new = line[s.start:s.end], s.replacement
        if not s.certain:
            continue
        assert old or not new.strip(), ("inserted", new)
        assert len(old.split()) <= max(1, len(new.split())) or _plan_of(old)[0] == new, (old, new)


def test_safe_fix_of_a_long_line_does_not_double_a_word():
    # "voilà привет x" as UTF-8 read as Windows-1252, the no-break space of "à" lost. The
    # linear path drops the real space after "привет" instead of the one after "Ã": a certain
    # span inserts "привет" after "à", an unsafe one deletes the damaged word; `fix` applies
    # the first only, and the next round repairs the damaged word a second time.
    line = _fullwidth_prefix(3000) + " voilÃ  " + _moj("привет") + " x"
    fixed, _ = _plan_of(line)
    with pytest.raises(align._Costly):  # the line takes the linear path by itself
        align._exact(line, fixed, align._Budget(align.EXACT_BUDGET))
    assert fixed.endswith(" voilà привет x")
    out = fix(line + "\n", select=["E101"])
    assert out.count("привет") <= 1, out[-40:]  # repaired once, or left for --unsafe-fixes


@pytest.mark.parametrize("line", [
    "voilÃ  " + _moj("привет") + " x",                    # insertion certain, deletion unsafe
    "Il est allÃ© Ã  " + _moj("Москва") + " hier.",       # "Ã© Ã" -> "é" loses the "à"
])
def test_linear_alignment_spans_do_not_move_words(line):
    repair_line.cache_clear()
    _each_certain_span_is_local(line)  # the exact path aligns these short lines right
    with _linear():
        _each_certain_span_is_local(line)


def test_exact_alignment_spans_do_not_move_words():
    # difflib's alignment (the exact path, unchanged since before b74ebd8) pairs the "’" that
    # ftfy made of "\x92" with the "’" inside the damaged fullwidth word: certain spans turn
    # the Arabic word into "ｒａｔｈｅｒ" and insert the Arabic after it, an unsafe one deletes
    # the damaged "ｒａｔｈｅｒ": safe fixes double "ｒａｔｈｅｒ".
    line = ("March\x92\xa0 " + _moj("ｒａｔｈｅｒ", "sloppy-windows-1250") + "\xa0 "
            + _moj("مرحبا", "sloppy-windows-1250") + "\xa0")
    assert _plan_of(line)[0] == "March’\xa0 ｒａｔｈｅｒ\xa0 مرحبا\xa0"
    repair_line.cache_clear()
    out = fix(line + "\n", select=["E101"])
    assert out.count("ｒａｔｈｅｒ") <= 1, out


def test_safe_fix_does_not_repeat_ascii_words():
    # ftfy reads "á\x92 " of the first "zůstává\x92 " as one UTF-8 character (its space a lost
    # no-break space) but the second, followed by an ideographic space, as "á’". difflib pairs
    # the repeated phrase across the two occurrences: a certain span inserts "the New zůstávᒠ"
    # at the start, an unsafe one deletes the old phrase; every round of `fix` inserts it again
    # (ten copies of "the New" after the fix, exact path, on main before b74ebd8 too).
    line = "the New zůstává\x92 the New zůstává\x92\u3000the"
    assert _plan_of(line)[0] == "the New zůstávᒠthe New zůstává’\u3000the"
    repair_line.cache_clear()
    out = fix(line + "\n", select=["E101"])
    assert out.count("New") == 2, out


@pytest.mark.parametrize("line", [
    "ÃŒÃ¯ÃºÃ\x8dÂµâ‰\xa0Ã\x8fÃ±Â¥\xa0",  # -> "한국어\xa0": the first NBSP is a byte of "어"
    ("й›Ёж°ґжґ—еЎµеѕЊзљ„жћќй\xa0\xadе›єз„¶жЋ‰иђЅдє›и‘‰з‰‡ж\x98Їеђ¦д№џжґ—еЋ»еЎµе‹ћж†‚е‚·"
     "\xa0"),
])
def test_an_nbsp_inside_a_damaged_word_does_not_cut_it(line):
    # an NBSP that is a byte of a mojibake character is paired with ftfy's own NBSP (both
    # paths): changed_spans cuts the word there, and the second span is a certain deletion of
    # the bytes of characters the first span already wrote: applied alone it loses them
    repair_line.cache_clear()
    spans = repair_line(line)
    assert _apply(line, spans) == _plan_of(line)[0]
    for s in spans:
        assert not s.certain or s.replacement.strip() or not line[s.start:s.end].strip(), (
            line[s.start:s.end], s.replacement)
