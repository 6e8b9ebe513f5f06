"""Inputs on which the shared scans of the speed work once read a line differently from the
per-rule gates they replaced (found by a differential fuzz of the rules before and after).
Each must still be reported by the rule named, as before the speed work."""

from __future__ import annotations

import pytest

from helpers import rules_for
from linter import engine
from linter.config import default_context
from linter.core.document import Document

CASES = [
    # "İ".lower() is two characters: a lowercased gate text no longer lines up (D254)
    ("D254", "a\nb\nL\u0130censed under a Creative Commons license.\n"),
    # ASCII odd spaces (\x0b, \x0c) are spaces to the gates, as plain_spaces writes them
    ("D250", "x\n\x0bBy Jane Doe\n"),
    ("D251", "x\n\x0b3 March 2021\n"),
    ("D252", "A long article paragraph that is prose and goes on for a while, yes it does.\n"
             "\x0cAbout the author\nJane Doe writes about politics for the paper and lives in the "
             "town of Springfield.\n"),
    ("D241", "A long article paragraph that is prose and goes on for a while, yes it does.\n"
             "\x0c3 Comments\nJane says:\n"),
    ("D201", "x\nA protester. Photograph\x0b: Jerome Favre\n"),
    # a capital that regex's \p{Lu} knows and Python's str.isupper (older tables) may not
    ("D220", "The talks went on until late at night, and the allies agreed on the next steps.\n"
             "Biden disputes \ua7cbelensky claims on the missile\n"
             "The president said on Tuesday that the missile was probably not fired by Russia.\n"),
    ("D231", "Officials said on Tuesday that the talks would resume next week in the capital.\n\n"
             "War in Ukraine: What you need to know\nThe latest: Russia fired at least 85 missiles.\n"
             "\ua7cbhotos: Our photographers have been on the ground.\n"
             "\ua7cbow you can help: Here are ways to support.\n"),
    # the first line read beyond the 300 characters a line-start scan looks at
    ("D270", " " * 290 + "A post shared by J"),
    # a first line indented to ~300 characters: its gates read its first 300, the rules'
    # triggers the whole line (as the views of stripped lines do)
    ("D251", " " * 296 + "3 March 2021"),
    ("D250", " " * 290 + "3 march 2021 by Jane Doe\n"),
    ("D260", " " * 298 + "- x"),
]


@pytest.mark.parametrize("code,text", CASES, ids=[c for c, _ in CASES])
def test_still_reported(code, text):
    found = engine.check(Document.from_text(text, path="doc.txt"), rules_for(["ALL"]), default_context())
    assert code in {f.code for f in found}


def test_an_unterminated_last_line_is_read_on_its_last_300_characters_as_before():
    text = "Jane Doe, jane@example.com" + " " * 300
    found = engine.check(Document.from_text(text, path="doc.txt"), rules_for(["ALL"]), default_context())
    assert {f.code for f in found} == {"P303"}
