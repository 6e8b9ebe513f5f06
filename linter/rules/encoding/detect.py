"""Guess the encoding of bytes that are not UTF-8, and convert them when the guess is sure.

Pure Python, no dependency. The approach is the one of chardet/charset-normalizer in
miniature: byte-order marks first, then the NUL pattern of BOM-less UTF-16/32, then every
candidate codec that decodes the bytes strictly is scored by how *plausible* its text is
(letters inside words of one script, no control characters, no symbols wedged between
letters, natural letter case, kana for Japanese, common hanzi for Chinese). The confidence
reflects how clearly the best candidate beats the others and how much evidence there was.

>>> guess_encoding("Café crème brûlée".encode("cp1252"))
('latin-1', 0.63)
>>> guess_encoding("“Smart” quotes".encode("cp1252"))[0]
'cp1252'
>>> guess_encoding("hello".encode("utf-16"))
('utf-16', 1.0)
"""

from __future__ import annotations

import codecs
import unicodedata

from linter.rules.encoding.tables import LATIN_ALPHABETS

_ALPHABETS = tuple(frozenset(a) for a in LATIN_ALPHABETS.values())

#: Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Single-byte candidates, in order of preference when two decode to the same text.
SINGLE_BYTE = ("latin-1", "cp1252", "cp1250", "iso-8859-2", "cp1251", "koi8-r", "cp1253",
               "cp1254", "cp1255", "cp1256", "cp1257")
#: Multi-byte East Asian candidates.
MULTI_BYTE = ("shift_jis", "euc-jp", "gb18030", "big5", "euc-kr")

#: Non-ASCII punctuation and symbols that are ordinary in prose.
PROSE_PUNCT = frozenset("\u00a0\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026«»‹›"
                        "•·°€£¥¢©®™§¶†‡‰¡¿×÷±²³¹¼½¾ªº"
                        "\u3000、。「」『』（）・〜！？：；，．【】《》〈〉")
#: Characters allowed between two letters of one word (apostrophes, hyphen-likes).
IN_WORD = frozenset("'\u2019\u2018-\u00b7\u2010\u2011\u00ad")
#: Prose punctuation that may touch a letter on both sides ("word—word", "“Yes”").
JOINERS = IN_WORD | frozenset("\u2013\u2014\u2026\u201c\u201d\u201e\u00a0«»/")

#: Below this many non-ASCII characters the evidence is thin and the confidence is lowered.
EVIDENCE = 12
#: ``convert_to_utf8`` refuses below this confidence.
CONVERT_THRESHOLD = 0.6


def _script(ch: str) -> str:
    """A coarse script name for a letter: the first word of its Unicode name.

    >>> _script("é"), _script("ж"), _script("λ"), _script("の")
    ('LATIN', 'CYRILLIC', 'GREEK', 'HIRAGANA')
    """
    name = unicodedata.name(ch, "")
    head = name.split(" ", 1)[0]
    if head in ("CJK", "HALFWIDTH", "FULLWIDTH", "KATAKANA-HIRAGANA"):
        if "KATAKANA" in name:
            return "KATAKANA"
        if "HANGUL" in name:
            return "HANGUL"
        if "LATIN" in name:
            return "LATIN"
        return "CJK"
    return head


def _plausibility(text: str, encoding: str) -> tuple[float, int]:
    """(quality in 0..1, number of non-ASCII characters) of ``text`` as decoded prose.

    Every sign of a wrong decoding adds to a penalty, weighed against the number of non-ASCII
    characters: control or unassigned characters, symbols wedged between letters, words that
    mix scripts, a capital after a small letter, accented letters no single alphabet holds,
    lone non-ASCII letters, and for East Asian codecs the mix of kana, hangul and hanzi.
    """
    cjk = encoding in MULTI_BYTE
    n = len(text)
    bad = 0.0
    nonascii = kana = halfwidth = hanzi = common_hanzi = hangul = 0
    upper = lower = lone = letters = 0
    latin: dict[str, int] = {}
    scripts: set[str] = set()
    word_len = word_nonascii = 0
    prev_script = ""
    prev_lower = False

    def end_word() -> float:
        nonlocal scripts, word_len, word_nonascii, lone
        penalty = 0.0
        if not cjk:
            if len(scripts) > 1:
                penalty += 2  # "Ïðè" is fine, "cafй" is not
            if word_len >= 4 and word_nonascii * 2 > word_len and scripts == {"LATIN"}:
                penalty += 1  # a Latin word made mostly of accents: Cyrillic read as Latin
            if word_len == 1 and word_nonascii == 1:
                lone += 1
        scripts = set()
        word_len = word_nonascii = 0
        return penalty

    for i, ch in enumerate(text):
        o = ord(ch)
        if o < 128:
            if ch.isalpha():
                scripts.add("LATIN")
                word_len += 1
                prev_script, prev_lower = "LATIN", ch.islower()
                continue
            if word_len and ch != "'":
                bad += end_word()
            if o < 32 and ch not in "\t\n\r\f":
                bad += 3
                nonascii += 1
            prev_script, prev_lower = "", False
            continue
        nonascii += 1
        cat = unicodedata.category(ch)
        if cat[0] == "M":
            # a combining mark belongs after a letter of its own script ("ֳ" after "S" is not)
            head = unicodedata.name(ch, "").split(" ", 1)[0]
            if not prev_script or (head != "COMBINING" and head != prev_script):
                bad += 2
            word_len += 1
            word_nonascii += 1
            continue
        if cat[0] == "L":
            sc = _script(ch)
            scripts.add(sc)
            word_len += 1
            word_nonascii += 1
            if cjk:
                if 0xFF61 <= o <= 0xFF9F:
                    halfwidth += 1
                elif sc in ("HIRAGANA", "KATAKANA"):
                    kana += 1
                elif sc == "HANGUL":
                    hangul += 1
                elif sc == "LATIN":
                    low = ch.lower()[:1]
                    latin[low] = latin.get(low, 0) + 1
                elif sc == "CJK":
                    hanzi += 1
                    try:
                        ch.encode("gb2312")
                        common_hanzi += 1
                    except UnicodeEncodeError:
                        pass
            else:
                letters += 1
                if sc == "LATIN":
                    low = ch.lower()[:1]
                    latin[low] = latin.get(low, 0) + 1
                if cat == "Lu":
                    upper += 1
                    if prev_lower:
                        bad += 1  # "ðÏ": a capital right after a small letter
                elif cat == "Ll":
                    lower += 1
            prev_script, prev_lower = sc, cat == "Ll"
            continue
        wedged = word_len > 0 and i + 1 < n and text[i + 1].isalpha()
        if cat in ("Cc", "Cn", "Co", "Cs"):
            bad += 3
        elif ch in JOINERS:
            pass
        elif ch in PROSE_PUNCT or cat == "Zs":
            bad += 2 if wedged else 0  # "wi¹zka": a symbol inside a word
        else:
            bad += 1.75 if wedged else 0.25
        if word_len and ch not in IN_WORD:
            bad += end_word()
        prev_script, prev_lower = "", False
    if word_len:
        bad += end_word()

    if latin:
        # accented letters that no single alphabet holds together: the wrong code page
        total = sum(latin.values())
        covered = max(sum(c for ltr, c in latin.items() if ltr in a) for a in _ALPHABETS)
        bad += 0.4 * (total - covered)
    if cjk:
        # half-width katakana are rare in real text; Chinese uses no kana, no hangul and no
        # spaces between words, and few hanzi outside GB2312; Japanese without kana is odd
        bad += 1.5 * halfwidth
        if encoding in ("gb18030", "big5"):
            spaced = sum(1 for k in range(1, n - 1) if text[k] == " "
                         and ord(text[k - 1]) > 0x2E80 and ord(text[k + 1]) > 0x2E80)
            bad += 0.5 * (kana + hangul) + spaced
            if encoding == "gb18030":
                bad += hanzi - common_hanzi
            else:
                bad += 0.1 * hanzi  # no frequency table for Big5: a little doubt
        elif encoding in ("shift_jis", "euc-jp"):
            bad += 0.5 * hangul + (0 if kana else 0.25 * hanzi)
        elif encoding == "euc-kr":
            bad += 0.5 * kana + 0.3 * hanzi
    else:
        cased = upper + lower
        if cased >= 8 and upper > 0.5 * cased:
            bad += upper - 0.5 * cased  # real text is mostly small letters
        if letters >= 8:
            if lone > 0.3 * letters:
                bad += 0.5 * lone  # words are rarely a single accented letter
    if not nonascii:
        return 1.0, 0
    return max(0.0, 1.0 - bad / nonascii), nonascii


def _nul_pattern(data: bytes) -> str | None:
    """The BOM-less UTF-16/32 codec suggested by where NUL bytes fall, or None."""
    if len(data) < 4 or b"\x00" not in data:
        return None
    sample = data[:4096]
    n = len(sample) - len(sample) % 4
    if n < 4:
        return None
    counts = [sample[k:n:4].count(0) for k in range(4)]
    quarter = n // 4
    if counts[1] > 0.9 * quarter and counts[2] > 0.9 * quarter and counts[3] > 0.9 * quarter:
        return "utf-32-le"
    if counts[0] > 0.9 * quarter and counts[1] > 0.9 * quarter and counts[2] > 0.9 * quarter:
        return "utf-32-be"
    even, odd = counts[0] + counts[2], counts[1] + counts[3]
    half = n // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def guess_encoding(data: bytes) -> tuple[str | None, float]:
    """The likely encoding of ``data`` and a confidence between 0 and 1.

    ``(None, 0.0)`` when nothing decodes it. Valid UTF-8 (or ASCII) is reported as such with
    full confidence. A single-byte guess rests on the plausibility of the decoded text, so
    short samples with few non-ASCII characters get a modest confidence.

    >>> guess_encoding(b"plain")
    ('ascii', 1.0)
    >>> guess_encoding("Привет, как дела? Всё хорошо.".encode("cp1251"))[0]
    'cp1251'
    """
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                data.decode(name)
            except UnicodeDecodeError:
                return name, 0.5
            return name, 1.0
    if data.isascii():
        return "ascii", 1.0
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8", 1.0
    wide = _nul_pattern(data)
    if wide:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            return wide, 0.4
        quality, _ = _plausibility(text[:4000], "utf-16")
        return wide, round(min(0.95, 0.5 + 0.45 * quality), 2)

    # the multi-byte codecs rarely decode foreign bytes strictly, so try them first
    seen: dict[str, str] = {}
    scored: list[tuple[float, int, str]] = []
    for name in MULTI_BYTE + SINGLE_BYTE:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if text in seen:  # same text as a preferred codec: not a rival
            continue
        seen[text] = name
        quality, nonascii = _plausibility(text, name)
        scored.append((quality, nonascii, name))
    if not scored:
        return None, 0.0
    order = {name: k for k, name in enumerate(MULTI_BYTE + SINGLE_BYTE)}
    scored.sort(key=lambda t: (-t[0], order[t[2]]))
    best_q, nonascii, best = scored[0]
    runner_q = scored[1][0] if len(scored) > 1 else 0.0
    margin = best_q - runner_q
    # evidence: few non-ASCII characters say little; a narrow margin says "could be either"
    evidence = min(1.0, 0.55 + 0.45 * nonascii / EVIDENCE)
    confidence = best_q * evidence * min(1.0, 0.5 + 4 * margin)
    return best, round(max(0.0, min(confidence, 0.99)), 2)


def convert_to_utf8(data: bytes) -> tuple[str | None, str]:
    """Decode non-UTF-8 ``data`` for rewriting as UTF-8: ``(text, reason)``.

    ``text`` is None when the encoding cannot be told with confidence (the file must then be
    converted by hand); ``reason`` says what was decided and why. A byte-order mark is dropped.

    >>> convert_to_utf8("Ça coûte 5 €, garçon, à Noël.".encode("cp1252"))
    ('Ça coûte 5 €, garçon, à Noël.', 'decoded as cp1252 (confidence 0.78)')
    >>> convert_to_utf8(b"\\x81\\x8d\\x8f")[0] is None
    True
    """
    name, confidence = guess_encoding(data)
    if name is None:
        return None, "no known encoding decodes these bytes"
    if name in ("ascii", "utf-8"):
        return data.decode("utf-8"), f"already {name}"
    if confidence < CONVERT_THRESHOLD:
        return None, (f"the encoding is uncertain (perhaps {name}, confidence {confidence:.2f}, "
                      f"below {CONVERT_THRESHOLD}); convert it by hand, e.g. "
                      f"iconv -f {name} -t UTF-8")
    text = data.decode(name)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, f"decoded as {name} (confidence {confidence:.2f})"


def non_utf8_message(data: bytes, error: UnicodeDecodeError) -> str:
    """The message of an E902 finding: where decoding failed and what the file probably is.

    >>> data = "ok\\nna\\xefve, très".encode("latin-1")
    >>> try:
    ...     data.decode("utf-8")
    ... except UnicodeDecodeError as exc:
    ...     print(non_utf8_message(data, exc))  # doctest: +NORMALIZE_WHITESPACE
    not valid UTF-8: byte 0xEF at line 2, column 3 (byte offset 5) cannot be decoded;
    the file may be latin-1, but the guess is not confident (0.31), so
    `texthygiene fix --convert-encoding` will refuse it; convert it by hand
    (e.g. iconv -f latin-1 -t UTF-8)
    """
    off = error.start
    line = data.count(b"\n", 0, off) + 1
    column = off - (data.rfind(b"\n", 0, off) + 1) + 1
    bad = data[off:error.end][:4]
    what = " ".join(f"0x{b:02X}" for b in bad)
    noun = "byte" if len(bad) == 1 else "bytes"
    head = (f"not valid UTF-8: {noun} {what} at line {line}, column {column} "
            f"(byte offset {off}) cannot be decoded")
    name, confidence = guess_encoding(data)
    if name is None:
        return head + "; no known encoding decodes the file, so it cannot be converted"
    if confidence >= CONVERT_THRESHOLD or name in ("ascii", "utf-8"):
        return (f"{head}; the file looks like {name} (confidence {confidence:.2f}); "
                f"convert it with `texthygiene fix --convert-encoding`")
    return (f"{head}; the file may be {name}, but the guess is not confident "
            f"({confidence:.2f}), so `texthygiene fix --convert-encoding` will refuse it; "
            f"convert it by hand (e.g. iconv -f {name} -t UTF-8)")
