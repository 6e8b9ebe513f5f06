"""P301-P303: missing space after sentence punctuation, doubled spaces, trailing whitespace."""

import pytest
from helpers import codes, fix, lint


# -- P301 missing space after punctuation ------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("The order was lifted hours later.Ezra Acayan / Getty Images\n",
     "The order was lifted hours later. Ezra Acayan / Getty Images\n"),
    ("Books on occult phenomenon.”There was no mention of his deck.\n",
     "Books on occult phenomenon.” There was no mention of his deck.\n"),
    ("What will computing change?Financial Times asked.\n",
     "What will computing change? Financial Times asked.\n"),
    ("It is over!Now we rest.\n", "It is over! Now we rest.\n"),
])
def test_p301_catches_and_fixes(text, expected):
    assert codes(text, select=["P301"]) == ["P301"]
    assert fix(text, select=["P301"]) == text
    fixed = fix(text, select=["P301"], unsafe=True)
    assert fixed == expected
    assert codes(fixed, select=["P301"]) == []


@pytest.mark.parametrize("text, path", [
    ("The U.S. and the U.K. agreed, e.g. on trade, i.e. on tariffs.", "a.txt"),
    ("Tools, e.g.Python, and more, i.e.Ruby.", "a.txt"),
    ("J.R.R.Tolkien and J.K.Rowling wrote books.", "a.txt"),
    ("Pi is 3.14159 and the rate rose 2.5 points.", "a.txt"),
    ("Wait...What was that? Well...Maybe.", "a.txt"),
    ("Visit example.com or https://example.org/A.Page and mail a.b@Example.org now.", "a.txt"),
    ("Open Report.Final.docx and booking.Com for details.", "a.txt"),
    ("Import java.util.List and call System.out.println now.", "a.txt"),
    ("In JavaScript, exports.Cow = Cow; sets the export.", "a.txt"),
    ("Call `foo.Bar` in a code span.", "a.md"),
])
def test_p301_leaves_alone(text, path):
    assert codes(text, select=["P301"], path=path) == []


# -- P302 doubled spaces -----------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Linux  is a registered trademark.\n", "Linux is a registered trademark.\n"),
    ("The talks ended,  and the minister left.\n", "The talks ended, and the minister left.\n"),
    ("He paid 25  dollars.\n", "He paid 25 dollars.\n"),
])
def test_p302_safe_fix(text, expected):
    assert codes(text, select=["P302"]) == ["P302"]
    assert fix(text, select=["P302"]) == expected


@pytest.mark.parametrize("text, path", [
    ("   Task Force (IETF).  Note that other groups may also distribute\n", "a.txt"),  # sentence gap
    ("1.  Introduction\n", "a.txt"),
    ("       *  GET a folder: retrieve the names\n", "a.txt"),
    ("Name      Age     City\nAnna      31      Oslo\n", "a.txt"),                  # alignment
    ("| a  | b |\n", "a.txt"),                                                      # table row
    ("Para.\n\n    indented  code\n", "a.md"),                                     # code block
    ("聖誕前夕裝點些聖誕飾品  感受一下節慶的氛圍\n", "a.txt"),
    ("Use `a  b` here\n\n```\nx  = 1\n```\n", "a.md"),
    ("Question?  Answer.  Next: one.\n", "a.txt"),
])
def test_p302_leaves_alone(text, path):
    assert codes(text, select=["P302"], path=path) == []


# -- P303 trailing whitespace --------------------------------------------------------------------
def test_p303_removes_trailing_whitespace_safely():
    text = "First line.   \nSecond line.\t\n   \nLast line. "
    found = lint(text, select=["P303"])
    assert len(found) == 4
    assert fix(text, select=["P303"]) == "First line.\nSecond line.\n\nLast line."


def test_p303_keeps_markdown_hard_breaks():
    text = "Roses are red,  \nviolets are blue.  \n\nEnd of poem.   \n"
    found = lint(text, select=["P303"], path="poem.md")
    assert [text[f.start:f.end] for f in found] == ["  ", "   "]      # before a blank line / at the end
    assert fix(text, select=["P303"], path="poem.md") == "Roses are red,  \nviolets are blue.\n\nEnd of poem.\n"
    assert fix(text, select=["P303"], path="poem.txt") == "Roses are red,\nviolets are blue.\n\nEnd of poem.\n"


def test_p303_crlf_file_keeps_crlf():
    text = "one  \r\ntwo\r\n"
    assert fix(text, select=["P303"]) == "one\r\ntwo\r\n"


def test_p303_clean_text_has_no_finding():
    assert codes("Clean line.\n\n    Indented line.\n", select=["P303"]) == []
