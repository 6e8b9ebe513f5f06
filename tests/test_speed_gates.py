"""The cheap gates in front of the E, N and P rules skip nothing a rule would report."""

from __future__ import annotations

from helpers import lint
from linter.rules.names import discovery

LAMMY = ("Foreign Secretary David Lammy arrived in Kyiv on Monday. Officials said Lammy would "
         "meet Blinken. Later Blinken and Lamy met the president.\n")


def test_n201_memo_bounded_and_shared_across_files(monkeypatch):
    expected = [(f.code, f.start) for f in lint(LAMMY, select=["N201"])]
    assert expected, "the fixture must hold a discovered variant"
    monkeypatch.setattr(discovery, "_MAX_KEYS", 2)  # the memo is cleared all the time
    assert [(f.code, f.start) for f in lint(LAMMY, select=["N201"])] == expected


def test_n201_gate_passes_only_texts_with_a_shared_skeleton():
    keys = discovery._PairingKeys(frozenset())
    words = {"Lammy", "Lamy", "Blinken", "Monday"}
    found = [keys[w] for w in words]
    assert len(set(found)) < len(found)  # Lammy and Lamy share "lami"
    assert lint("Blinken met Lammy on Monday.\n", select=["N201"]) == []


def test_n101_gate_on_every_word_of_a_key_finds_every_spelling():
    from linter.config import default_context
    from linter.rules.names.consistency import compiled

    _, matcher, _ = compiled(default_context())
    assert matcher.also, "multi-word spellings give keys with other required words"
    spellings = sorted(w for ws in matcher.by_key.values() for w in ws)
    text = "\n".join(f"On Monday, {w} said so; later {w.replace(' ', chr(10))} too."
                     for w in spellings)
    found = matcher.finditer(text)
    plain = dict(matcher.also)
    try:
        matcher.also.clear()  # the gate on the key word alone, as before
        assert matcher.finditer(text) == found
    finally:
        matcher.also.update(plain)
    assert {w for _, _, w in found} >= {w for w in spellings if " " not in w and "\n" not in w}
