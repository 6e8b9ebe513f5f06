"""Inline suppression directives."""

from linter.core.suppression import parse


def test_ignore_with_codes_and_prefixes():
    s = parse("x\ny texthygiene: ignore[D101, N]\n")
    assert s.silences("D101", 1) and s.silences("N102", 1)
    assert not s.silences("D102", 1) and not s.silences("D101", 0)


def test_markdown_needs_an_html_comment():
    text = "texthygiene: ignore\n<!-- texthygiene: ignore -->\n"
    s = parse(text, "markdown")
    assert not s.silences("D101", 0) and s.silences("D101", 1)


def test_off_on_blocks_and_unclosed_block():
    s = parse("a\ntexthygiene: off[P]\nb\ntexthygiene: on\nc\ntexthygiene: off\nd")
    assert s.silences("P101", 2) and not s.silences("D101", 2)
    assert not s.silences("P101", 4) and s.silences("D101", 6)


def test_prose_without_directive():
    assert not parse("Nothing to see: texthygiene is a tool.")
