"""E902: a file that is not valid UTF-8 (reported by the file layer, which reads the bytes)."""

from __future__ import annotations

from typing import Iterable

from linter.core.document import Document
from linter.core.findings import Finding
from linter.core.rule import Context, Rule
from linter.rules.encoding.detect import non_utf8_message  # noqa: F401  (the file layer's API)


class NonUtf8File(Rule):
    """Checks that every file is valid UTF-8.

    ## What it does
    Reports a file whose bytes do not decode as UTF-8: where decoding first fails (line,
    column and byte offset) and the encoding the file most likely uses (cp1252, latin-1,
    cp1251, Shift_JIS, GB18030, UTF-16, ...) with a confidence.

    ## Why is this bad?
    Every tool downstream (tokenisers, search indexes, diff viewers) assumes UTF-8. A file in
    a legacy code page is read as mojibake or rejected, and mixing encodings in one corpus is
    how "donâ€™t" gets made. Such a file is never rewritten by an ordinary `fix`.

    ## Example
    A file saved by an old editor in Windows-1252:

        Caf\\xe9 cr\\xe8me \\x93to go\\x94

    is reported as "not valid UTF-8: byte 0xE9 at line 1, column 4 ...; the file looks like
    cp1252". After `texthygiene fix --convert-encoding` it reads:

        Café crème “to go”

    ## Fix safety
    No automatic fix. `texthygiene fix --convert-encoding` is an explicit opt-in that rewrites
    the file as UTF-8 when the detected encoding is confident, and refuses (leaving the file
    untouched) when it is not: convert such files by hand, e.g. with `iconv`.
    """

    code = "E902"
    name = "non-utf8-file"
    summary = "File is not valid UTF-8"
    fix_safety = "none"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        # A decoded Document is UTF-8 by construction: the file layer reports this rule with
        # ``non_utf8_message(data, error)`` when decoding the bytes fails.
        return ()
