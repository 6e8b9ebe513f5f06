"""Line gates (``layout.candidate_lines``) and the whitespace ``str.strip`` removes: the rules
judge stripped lines, so a no-break, thin or ideographic space where a gate says ``[ \\t]``
must not hide a line (scraped text keeps ``&nbsp;`` as U+00A0; French puts U+202F before
a colon)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from helpers import CORPUS, SEEDS, codes
from linter.core.document import Document
import linter.rules.debris as debris
from linter.rules.debris.layout import candidate_lines

BEFORE = "The council met on Monday and voted on the plan after a long debate that ran late into the night.\n\n"
AFTER = ("\n\nThe mayor said the vote would be repeated next month if the courts allowed it, and the "
         "council agreed.\n\nResidents were told to expect a decision by the end of the year.\n")

CASES = [
    ("D251", "August 22, 2013"),
    ("D213", "More in Opinion \u203a"),
    ("D233", "Get the app for faster browsing and breaking news alerts \u00d7"),
    ("D221", "- 1 of 5"),
]
SPACES = {
    "leading no-break space": lambda s: "\u00a0" + s,
    "trailing no-break space": lambda s: s + "\u00a0",
    "thin spaces": lambda s: s.replace(" ", "\u2009"),
    "narrow no-break spaces": lambda s: s.replace(" ", "\u202f"),
    "leading ideographic space": lambda s: "\u3000" + s,
}


@pytest.mark.parametrize("code,line", CASES)
@pytest.mark.parametrize("spaces", sorted(SPACES))
def test_a_line_with_other_spaces_is_found_like_the_plain_one(code, line, spaces):
    assert codes(BEFORE + line + AFTER, select=[code]) == [code]  # the plain line is found
    assert codes(BEFORE + SPACES[spaces](line) + AFTER, select=[code]) == [code]


def test_prose_with_no_break_spaces_is_left_alone():
    text = BEFORE.replace(" ", "\u00a0") + "Le\u00a0vote\u202f: une\u00a0d\u00e9cision attendue pour la fin de l'ann\u00e9e." + AFTER
    assert codes(text, select=["D213", "D221", "D233", "D251"]) == []


def _line_gates():
    """Every module-level pattern of the debris rules named like a gate."""
    for info in pkgutil.iter_modules(debris.__path__):
        module = importlib.import_module(f"linter.rules.debris.{info.name}")
        for name, value in vars(module).items():
            if name.endswith("_GATE") and hasattr(value, "search") and isinstance(value.pattern, str):
                yield f"{info.name}.{name}", value


def _lines():
    texts = [BEFORE + line + AFTER for _code, line in CASES]
    for folder, pattern in ((SEEDS, "*"), (CORPUS / "pages", "*.txt")):
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob(pattern))[::4]]
    return texts


def test_every_line_gate_reads_other_spaces_as_spaces():
    gates = list(_line_gates())
    assert len(gates) >= 10
    for text in _lines():
        plain = Document.from_text(text)
        for spaces, change in SPACES.items():
            changed = Document.from_text("\n".join(change(line) if line else line for line in text.split("\n")))
            for name, gate in gates:
                assert candidate_lines(changed, gate) == candidate_lines(plain, gate), (name, spaces)


def test_a_fixed_document_does_not_keep_the_texts_of_earlier_rounds():
    from linter.core.findings import Edit
    from linter.rules.debris.layout import plain_spaces

    doc = Document.from_text(BEFORE + "\u00a0August 22, 2013" + AFTER)
    plain_spaces(doc, doc.text)
    for n in range(5):  # the fixer's rounds: each document shares the first one's meta
        doc = doc.with_text(doc.text + f"Round {n}.\u00a0\n", [Edit(len(doc.text), len(doc.text), "")])
        assert plain_spaces(doc, doc.text) == doc.text.replace("\u00a0", " ")

    def texts(value):  # the document texts the meta holds on to
        if isinstance(value, str):
            return [value] if value.startswith(BEFORE[:40]) else []
        if isinstance(value, dict):
            value = [*value.keys(), *value.values()]
        return [t for v in value for t in texts(v)] if isinstance(value, (tuple, list)) else []

    old = {t for t in texts(doc.meta) if t.replace("\u00a0", " ") != doc.text.replace("\u00a0", " ")}
    assert not old
