"""ftfy, configured to repair mojibake and nothing else, and its repairs cut into spans.

This module imports ftfy: import it only when the gate has found a suspect line.

ftfy's defaults also straighten curly quotes, unescape HTML entities, widen fullwidth
letters, split ligatures and NFC-normalise: none of that may ride along with a mojibake
fix, so every such fixer is switched off here. What stays on is ftfy's encoding repair with
its own sub-steps (re-decoding, a lost no-break space, a lost byte, partial mojibake inside
correct text, C1 controls meant as Windows-1252), so that a line is repaired exactly as
``ftfy.fix_encoding`` repairs it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from ftfy import TextFixerConfig, fix_and_explain
from ftfy.badness import is_bad

from linter.rules.encoding.align import marked_differences
from linter.rules.encoding.display import show  # noqa: F401  (re-exported for the rule)

CONFIG = TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=True,
)

#: Display names of the codecs ftfy names in its explanations.
CODEC_NAMES = {
    "latin-1": "Latin-1",
    "sloppy-windows-1252": "Windows-1252",
    "windows-1252": "Windows-1252",
    "sloppy-windows-1251": "Windows-1251",
    "sloppy-windows-1250": "Windows-1250",
    "sloppy-windows-1253": "Windows-1253",
    "sloppy-windows-1254": "Windows-1254",
    "sloppy-windows-1257": "Windows-1257",
    "iso-8859-2": "ISO-8859-2",
    "macroman": "Mac OS Roman",
    "cp437": "DOS code page 437",
    "utf-8": "UTF-8",
    "utf-8-variants": "UTF-8",
}


class Repair(NamedTuple):
    """One repaired span of a line: ``line[start:end]`` becomes ``replacement``."""

    start: int
    end: int
    replacement: str
    explanation: str = ""
    certain: bool = True


def _name(codec: str) -> str:
    return CODEC_NAMES.get(codec, codec)


def describe(plan, text: str = "") -> str:
    """Say in words what a plan of ftfy steps undid.

    >>> describe([("encode", "sloppy-windows-1252"), ("decode", "utf-8")])
    'UTF-8 read as Windows-1252'
    >>> describe([("encode", "latin-1"), ("transcode", "restore_byte_a0"), ("decode", "utf-8")])
    'UTF-8 read as Latin-1 (a no-break space had become a space)'
    >>> describe([("transcode", "fix_c1_controls")])
    'Windows-1252 read as Latin-1 (C1 control characters)'
    """
    phrases: list[str] = []
    notes: list[str] = []
    encoded = None
    for action, param in plan:
        if action == "encode":
            encoded = param
            if param == "latin-1" and text and not any("\x80" <= c <= "\x9f" for c in text):
                encoded = "sloppy-windows-1252"  # the same bytes: use the everyday name
        elif action == "decode" and encoded is not None:
            phrases.append(f"{_name(param)} read as {_name(encoded)}")
            encoded = None
        elif (action, param) == ("apply", "decode_inconsistent_utf8"):
            phrases.append("UTF-8 read as Windows-1252 (inside otherwise correct text)")
        elif (action, param) == ("transcode", "fix_c1_controls"):
            phrases.append("Windows-1252 read as Latin-1 (C1 control characters)")
        elif (action, param) == ("transcode", "restore_byte_a0"):
            notes.append("a no-break space had become a space")
        elif (action, param) == ("transcode", "replace_lossy_sequences"):
            notes.append("bytes were lost: the character cannot be recovered, U+FFFD marks it")
    unique = list(dict.fromkeys(phrases))
    text = "; then ".join(unique) if unique else "mojibake"
    if len(phrases) > 1 and len(unique) == 1:
        text += f", {len(phrases)} times over"
    if notes:
        text += " (" + "; ".join(dict.fromkeys(notes)) + ")"
    return text


def changed_spans(before: str, after: str) -> tuple[Repair, ...]:
    """The spans of ``before`` that differ from ``after``, one per damaged word.

    Applying every span's replacement to ``before`` gives ``after`` exactly. A span that
    holds a rough difference of a pathological long line (a stretch the alignment could not
    cut into words, see :mod:`linter.rules.encoding.align`) is not certain.

    >>> [(r.start, r.end, r.replacement) for r in
    ...  changed_spans("donâ€™t say Ã©tÃ© no", "don’t say été no")]
    [(3, 6, '’'), (12, 17, 'été')]
    """
    merged: list[list] = []
    for i1, i2, j1, j2, rough in marked_differences(before, after):  # difflib's opcodes, fast
        if merged:
            gap = before[merged[-1][1]:i1]
            if not any(c.isspace() for c in gap):  # same word: one span
                merged[-1][1], merged[-1][3] = i2, j2
                merged[-1][4] = merged[-1][4] or rough
                continue
        merged.append([i1, i2, j1, j2, rough])
    return tuple(Repair(i1, i2, after[j1:j2], "", not rough) for i1, i2, j1, j2, rough in merged)


def _plan_of(text: str) -> tuple[str, list[tuple[str, str]]]:
    fixed, plan = fix_and_explain(text, CONFIG)
    return fixed, [tuple(step) for step in plan or ()]


def _certain(after: str, plan, spans: int) -> bool:
    """Whether ftfy's repair is beyond doubt.

    Not when bytes were lost (the span becomes U+FFFD), nor when the result still looks like
    mojibake. A no-break space restored from a plain space is a guess when it is the only
    evidence ("voilÃ le"); with other repaired spans in the same line it is corroborated.
    """
    if ("transcode", "replace_lossy_sequences") in plan:
        return False
    if ("transcode", "restore_byte_a0") in plan and spans < 2:
        return False
    return not is_bad(after)


def _guessed_symbol(line: str, span) -> bool:
    """Whether ``span`` swallowed a plain space to make a symbol, not a letter: ftfy read the
    space as a lost no-break space (byte A0), a guess that other damaged spans do not corroborate
    ("numbers,â€ said", whose lost byte was a closing quote's, would become "numbers,†said";
    "Ã l'ouest" becoming "à l'ouest" makes a letter and stays certain).

    >>> from types import SimpleNamespace as S
    >>> _guessed_symbol("numbers,â€ said", S(start=8, end=11, replacement="†"))
    True
    >>> _guessed_symbol("Ã l'ouest", S(start=0, end=2, replacement="à"))
    False
    """
    return " " in line[span.start:span.end] and not span.replacement.isalpha()


def _may_move_text(line: str, span: Repair) -> bool:
    """Whether ``span`` may move text rather than repair it in place: it inserts text from
    nothing, deletes text across a space, or joins words into fewer that ftfy does not make
    of its text alone. ftfy re-decodes each damaged run in place, but the alignment of a line
    with its repair can pair a repaired character with a copy elsewhere (a repeated phrase, a
    no-break space that was a byte of a damaged character); such a span, applied without its
    partner (unsafe, suppressed or overlapped), would lose or double a word.

    >>> S = lambda a, b, r: Repair(a, b, r)
    >>> _may_move_text("donâ€™t", S(3, 6, "’")), _may_move_text("caf\u00c3\u00a9", S(3, 5, "é"))
    (False, False)
    >>> _may_move_text("voilà x", S(6, 6, "привет")), _may_move_text("allÃ© Ã x", S(3, 8, "é"))
    (True, True)
    """
    old, new = line[span.start:span.end], span.replacement
    if not old:
        return bool(new.strip())
    if not new.strip() and any(c.isspace() for c in old):
        return True
    return len(old.split()) > max(1, len(new.split())) and _plan_of(old)[0] != new


def _each_alone(line: str, fixed: str, spans: tuple[Repair, ...]) -> tuple[Repair, ...]:
    """``spans`` with each certain one kept certain only when it stands alone: ftfy repairs
    its word alone the same way (the test the spans of an uncertain plan pass, see
    :func:`repair_line`), or the line with only that span applied is still repaired by ftfy
    into ``fixed`` (the span took nothing ftfy's repair of the rest needs, and put nothing
    there twice). A certain span that does not stand alone is joined with the next ones
    until the joined span does ("Р" -> "Приятного" and "Сџ…Р В°" -> "аппетита", where the
    alignment gave the first word's space to a lost no-break space of the second, stand
    alone as one span); what never does is not certain.

    >>> line = "Р СџРЎР‚Р С‘РЎРЏРЎвЂљР Р…Р С•Р С–Р С• Р В°Р С—Р С—Р ВµРЎвЂљР С‘РЎвЂљР В°, x"
    >>> [(r.replacement, r.certain) for r in repair_line(line)]
    [('Приятного аппетита', True)]
    """
    out: list[Repair] = []
    group: list[Repair] = []
    for r in spans:
        if not r.certain and not group:
            out.append(r)
            continue
        group.append(r)
        joined = _joined(line, group)
        if _stands_alone(line, fixed, joined):
            out.append(joined)
            group = []
    for r in group:
        out.append(r._replace(certain=False))
    return tuple(out)


def _joined(line: str, group: list[Repair]) -> Repair:
    """One span covering ``group`` (the text between its spans unchanged); certain when all are."""
    first, last = group[0], group[-1]
    replacement = "".join(
        r.replacement + (line[r.end:n.start] if n is not None else "")
        for r, n in zip(group, [*group[1:], None]))
    return Repair(first.start, last.end, replacement, first.explanation,
                  all(r.certain for r in group))


def _stands_alone(line: str, fixed: str, r: Repair) -> bool:
    if not r.certain:
        return False
    return (_word_repair(line, r)[0] is not None
            or _plan_of(line[:r.start] + r.replacement + line[r.end:])[0] == fixed)


def _word_repair(line: str, r: Repair) -> tuple[str | None, list, str]:
    """ftfy's repair of the word around ``r`` alone and its plan when it is ``r``'s repair
    (else ``None, []``), and the word."""
    a, b = _word(line, r.start, r.end)
    word = line[a:b]
    own_fixed, own_plan = _plan_of(word)
    if own_fixed == word[: r.start - a] + r.replacement + word[r.end - a:]:
        return own_fixed, own_plan, word
    return None, [], word


def _word(line: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    while end < len(line) and not line[end].isspace():
        end += 1
    return start, end


@lru_cache(maxsize=256)
def repair_line(line: str) -> tuple[Repair, ...]:
    """ftfy's mojibake repair of one line, as spans (none when ftfy leaves the line alone).

    Each span carries the explanation of ftfy's plan and whether the repair is certain. When
    the plan of the whole line includes a guess, each span is weighed on its own: a span
    that ftfy repairs the same way by itself, without guessing, is still certain.

    Kept for the last lines asked about (a pure function of the line): a line repeated
    across files, and every line the fixer checks again after a round of fixes elsewhere,
    costs ftfy once.

    >>> [(r.replacement, r.explanation, r.certain) for r in repair_line("it’s cafÃ©")]
    [('é', 'UTF-8 read as Windows-1252 (inside otherwise correct text)', True)]
    """
    fixed, plan = _plan_of(line)
    if fixed == line:
        return ()
    explanation = describe(plan, line)
    spans = changed_spans(line, fixed)
    certain = _certain(fixed, plan, len(spans))
    if certain or len(spans) == 1:
        out = tuple(Repair(r.start, r.end, r.replacement, explanation,
                           certain and r.certain and not _guessed_symbol(line, r))
                    for r in spans)
        if not any(_may_move_text(line, r) for r in out) and (
                len(out) == 1 or all(r.certain for r in out)):
            return out
        return _each_alone(line, fixed, out)  # some span may move text: each must stand alone
    out = []
    for r in spans:
        # (a rough span is not asked again)
        own_fixed, own_plan, word = _word_repair(line, r) if r.certain else (None, [], "")
        if own_fixed is not None:
            out.append(Repair(r.start, r.end, r.replacement, describe(own_plan, word),
                              _certain(own_fixed, own_plan, 1)))
        else:
            out.append(Repair(r.start, r.end, r.replacement, explanation, False))
    return tuple(out)
