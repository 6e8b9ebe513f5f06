"""E101: mojibake, repaired span by span through ftfy."""

from __future__ import annotations

from typing import Iterable

from linter.core.document import Document
from linter.core.findings import Edit, Finding, Fix
from linter.core.rule import Context, Rule, TextGate
from linter.rules.encoding import census as _census
from linter.rules.encoding.census import census, rare_of
from linter.rules.encoding.gate import may_hold, suspect_lines


def _suspect(text: str) -> bool:
    """E101's gate: the census of the text (shared with the other E rules) leaves a line to
    suspect (:func:`linter.rules.encoding.gate.may_hold`)."""
    _, rare, present = _census._made(text)
    return may_hold(text, present, rare)


def _word_bounds(line: str, start: int, end: int, reach: int = 25) -> tuple[int, int]:
    """Widen ``start:end`` to the whole word(s) around it, at most ``reach`` characters."""
    a = start
    while a > 0 and start - a < reach and not line[a - 1].isspace():
        a -= 1
    b = end
    while b < len(line) and b - end < reach and not line[b].isspace():
        b += 1
    return a, b


class Mojibake(Rule):
    """Checks for mojibake: text that was encoded in one encoding and decoded in another.

    ## What it does
    Finds spans such as "donâ€™t" (UTF-8 read as Windows-1252), "cafÃ©", "Ð¿Ñ€Ð¸Ð²ÐµÑ‚"
    (Russian UTF-8 read as Windows-1252) or a stray "\\x92" (Windows-1252 read as Latin-1),
    and repairs them exactly as ftfy does. The message says what happened and shows the
    damaged word before and after: "UTF-8 read as Windows-1252: 'donâ€™t' → 'don’t'".

    A cheap prefilter looks for the shape mojibake leaves (a UTF-8 lead byte shown as a
    character of a legacy code page, followed by continuation bytes shown the same way); only
    lines with that shape go to ftfy. Clean text (curly quotes, accents, any script) never
    does.

    ## Why is this bad?
    Mojibake makes text unreadable and unsearchable, and it spreads: every further wrong
    decoding doubles it ("Ã¢â‚¬â„¢"). The original text can nearly always be recovered exactly.

    ## Example
        The minister said he didnâ€™t know.
        Le cafÃ© est fermÃ©.

    Use instead:

        The minister said he didn’t know.
        Le café est fermé.

    ## Fix safety
    The fix changes nothing but the damaged span: ftfy runs with its quote straightening, HTML
    unescaping, width and ligature fixes and Unicode normalisation switched off. It is safe
    when ftfy's repair is unambiguous (the whole span re-decodes cleanly and the result no
    longer looks like mojibake). It is unsafe when ftfy had to guess: a no-break space that
    became a space, bytes that were lost (the span then becomes U+FFFD, the honest marker of
    lost data), or a result that still looks odd. It is also unsafe for a stretch of a very
    long, densely damaged line that the alignment of the line with its repair could not cut
    into words (see ``linter.rules.encoding.align``): that stretch is one span, applied only
    with ``--unsafe-fixes``.
    """

    code = "E101"
    repairs_text = True
    name = "mojibake"
    summary = "Mojibake (text decoded with the wrong encoding)"
    fix_safety = "sometimes"
    gate = TextGate(_suspect)

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        lines = suspect_lines(doc.text, census(doc), rare_of(doc))
        if not lines:
            return
        from linter.rules.encoding.repair import repair_line, show  # imports ftfy

        for start, end in lines:
            line = doc.text[start:end]
            for span in repair_line(line):
                a, b = _word_bounds(line, span.start, span.end)
                before = line[a:b]
                after = line[a:span.start] + span.replacement + line[span.end:b]
                message = f"{span.explanation}: '{show(before)}' → '{show(after)}'"
                edit = Edit(start + span.start, start + span.end, span.replacement)
                maker = Fix.safe if span.certain else Fix.unsafe
                fix = maker(f"Replace with '{show(after)}'", edit)
                yield self.finding(start + span.start, start + span.end, message, fix)
