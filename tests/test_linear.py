"""Every registered rule does work linear in the size of its input.

For each rule (read from the registry, so rules added later are covered) the test runs
``check`` (and ``collect`` for corpus-aware rules) on a generated document, on one twice
as long and on one four times as long, and asserts that the WORK at most roughly doubles
with one of the two doublings (a superlinear step grows faster at both; a finding that
first appears at one size, such as a tail section that spans the rest of the page, can
make one doubling step look steeper while the work stays linear). Work is an operation
count, not a time: Python calls and executed lines (``sys.settrace``) plus calls of C
functions such as str methods, regex searches and builtins (``sys.setprofile``'s
``c_call``). A loop over lines inside a loop over lines, a search of every finding in a
list of all findings, a rebuild of a list per item, all show up as work growing fourfold.
One thing a count cannot see is the work inside a single C call (a regex that backtracks,
``text.count`` from the start of the text per finding): the documents here double by
adding paragraphs of the same kind, so such a call's cost would only show in timings
(``bench/run.py --profile``).

Doubling the paragraphs cannot see work that grows with the length of ONE line (a search
of the whole line per finding in it, an alignment of the line with its repair): a second
test joins the same documents into a single line each (paragraph breaks become spaces) and
asks the same of every rule.

The document is news-like prose written for this test with what the rules look for mixed
in at a steady rate: debris lines (the packs' own ``example`` phrases too), mojibake,
spelling variants of names, typography slips, invisible and look-alike characters, and
Markdown structure; paragraph ``i`` is the same in every document, so the long document
starts with the short one.
"""

from __future__ import annotations

import random
import re
import sys

import pytest

from helpers import ROOT
from linter.config import default_context
from linter.core.document import Document
from linter.rules import registry

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: paragraphs of the short document (the others have twice and four times as many)
N_PARAGRAPHS = 30
#: allowed growth: work(2x) <= GROWTH * work(1x) + SLACK
GROWTH = 2.25
SLACK = 3000

PEOPLE = (
    ("Volodymyr Zelensky", "Zelenskyy", "Zelenskiy"), ("Antony Blinken", "Blinken", "Blinkin"),
    ("Muammar Gaddafi", "Qaddafi", "Kadhafi"), ("Olena Kovalenko", "Kovalenko", "Kowalenko"),
    ("Mohammed bin Salman", "Mohammad bin Salman", "Muhammad bin Salman"),
)
PLACES = (("Kyiv", "Kiev"), ("Kharkiv", "Kharkov"), ("Odesa", "Odessa"), ("Bangkok", "Bangkok"))
ROLES = ("foreign minister", "spokeswoman", "mayor", "chief economist", "harbour master")
ORGS = ("the ministry", "the city council", "the port authority", "the central bank")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
CLAUSES = (
    "the ferry timetable would change from the first week of {month}",
    "talks with {place} were “constructive but slow”",
    "prices rose {n}% in the year to {month}, the fastest pace since {year}",
    "the investigation into the missile that landed near {place} is ongoing",
    "nobody’s plans for the harbour had been settled — not even the council’s",
    "the café on the quay would reopen after repairs costing €{n} million",
)
MONTHS = ("January", "March", "June", "September", "November")
DEBRIS = (
    "Share this article", "Advertisement", "10 views0 comments", "Leave a Comment",
    "Skip to main content", "Sign up for our newsletter", "Read more: Ferry fares to rise",
    "Photo: Reuters", "top of page", "bottom of page", "Writer's picture",
    "Comments are closed, but trackbacks and pingbacks are open.", "Related Articles",
    "Click here to subscribe", "Follow us on Twitter", "© 2023 The Harbour Times. All rights reserved.",
)
SLIPS = (
    ("’", "'"), ("“", '"'), ("”", '"'), (" — ", " -- "), (", ", " , "), (". ", ".  "),
    ("the ", "the the "), (" said", " said\u00a0"), ("café", "cafe\u0301"), ("…", "..."),
)
ODDITIES = (
    "Kyi\u0456v", "co\u00adoperation", "zero\u200bwidth", "the\ufffdcouncil", "&amp; partners",
    "&nbsp;", "tab\there", "dou\u00c3\u00a9ble", "Ã¢â‚¬â„¢", "bell\x07", "trailing   ",
)


def _mojibake(s: str) -> str:
    out = []
    for ch in s:
        try:
            out.append(ch.encode("utf-8").decode("cp1252") if ord(ch) > 127 else ch)
        except UnicodeDecodeError:
            out.append(ch)
    return "".join(out)


def _pack_strings() -> list[str]:
    """``example``/``examples`` strings and string lists (variants) of every shipped pack."""
    out: list[str] = []

    def walk(node, key=None):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            if all(isinstance(x, str) for x in node) and key not in ("domains",):
                out.extend(x for x in node if len(x) < 200)
            else:
                for v in node:
                    walk(v, key)
        elif isinstance(node, str) and key in ("example", "examples", "canonical", "name") \
                and len(node) < 200:
            out.append(node)

    for path in sorted((ROOT / "linter").rglob("*.toml")):
        try:
            walk(tomllib.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return list(dict.fromkeys(out))


PACK_STRINGS = _pack_strings()


def paragraph(i: int, markdown: bool) -> str:
    """Paragraph ``i`` of every generated document (deterministic)."""
    rng = random.Random(i)
    person = rng.choice(PEOPLE)
    place = rng.choice(PLACES)
    name = person[0] if i % 4 else person[1 + i // 4 % (len(person) - 1)]
    town = place[i // 3 % len(place)]
    sentences = []
    for _ in range(rng.randint(2, 5)):
        clause = rng.choice(CLAUSES).format(month=rng.choice(MONTHS), place=town, n=rng.randint(2, 90),
                                            year=rng.randint(1990, 2022))
        sentences.append(f"{name}, the {rng.choice(ROLES)} of {rng.choice(ORGS)}, said on "
                         f"{rng.choice(DAYS)} in {town} that {clause}.")
        name = name.split()[-1]
    text = " ".join(sentences)
    if i % 5 == 1:
        text = _mojibake(text)
    if i % 3 == 2:
        a, b = SLIPS[i // 3 % len(SLIPS)]
        text = text.replace(a, b, 1)
    if i % 7 == 3:
        text += " " + ODDITIES[i // 7 % len(ODDITIES)] + " was noted."
    parts = [text]
    if i % 6 == 4:
        parts.insert(0, DEBRIS[i // 6 % len(DEBRIS)])
    if PACK_STRINGS and i % 4 == 0:
        parts.append(PACK_STRINGS[i // 4 % len(PACK_STRINGS)])
    if markdown:
        if i % 8 == 0:
            parts.insert(0, f"## {town} {rng.choice(DAYS)}")
        if i % 8 == 5:
            parts.append(f"- a list item about {town}\n- another, with [a link](https://example.com/{i})")
        if i % 16 == 7:
            parts.append(f"```\ncode {i} -- \"kept\" as it is\n```")
    return "\n\n".join(parts)


def document(n: int, markdown: bool) -> str:
    return "\n\n".join(paragraph(i, markdown) for i in range(n)) + "\n"


class WorkCounter:
    """Counts Python calls and lines (settrace) and C calls (setprofile) while active."""

    def __init__(self):
        self.n = 0

    def _trace(self, frame, event, arg):
        self.n += 1
        return self._trace

    def _profile(self, frame, event, arg):
        if event == "c_call":
            self.n += 1

    def __enter__(self):
        self.n = 0
        sys.setprofile(self._profile)
        sys.settrace(self._trace)
        return self

    def __exit__(self, *exc):
        sys.settrace(None)
        sys.setprofile(None)


def work(rule, text: str, path: str, ctx) -> tuple[int, int]:
    """(operations, findings) of one rule on ``text``: collect/merge when corpus-aware, then check."""
    doc = Document.from_text(text, path=path)
    with WorkCounter() as counter:
        if rule.corpus_aware:
            ctx.corpus[rule.code] = rule.merge([rule.collect(doc, ctx)])
        found = len(list(rule.check(doc, ctx)))
    return counter.n, found


def one_line(text: str) -> str:
    """The document as a single line: its line and paragraph breaks become spaces."""
    return re.sub(r"\n+", " ", text).strip() + "\n"


def growth(rule, path: str, joined: bool = False) -> list[tuple[int, int]]:
    """(work, findings) of ``rule`` on documents of N, 2N and 4N paragraphs (each made one
    line when ``joined``)."""
    ctx = default_context()
    md = path.endswith(".md")
    docs = [document(k * N_PARAGRAPHS, md) for k in (1, 2, 4)]
    if joined:
        docs = [one_line(d) for d in docs]
    # warm-up on the longest document: compiled data, lazy imports and patterns compiled on
    # first use (a longer document meets more of them); each document is then measured as a
    # fresh copy of its text, since per-document caches are keyed by the text object
    work(rule, docs[-1], path, ctx)
    return [work(rule, fresh_copy(d), path, ctx) for d in docs]


def fresh_copy(text: str) -> str:
    """An equal string that is another object (no cache keyed by the text object holds it).

    >>> a = "some text"; b = fresh_copy(a); (a == b, a is b)
    (True, False)
    """
    return (text + " ")[:-1]


def linear(counts: list[tuple[int, int]]) -> bool:
    """True unless the work grows faster than GROWTH at both doublings."""
    (w1, _), (w2, _), (w4, _) = counts
    return w2 <= GROWTH * w1 + SLACK or w4 <= GROWTH * w2 + SLACK


RULES = sorted(registry().values(), key=lambda r: r.code)


@pytest.mark.parametrize("rule_cls", RULES, ids=[r.code for r in RULES])
def test_rule_work_is_linear(rule_cls):
    rule = rule_cls()
    for path in ("article.txt", "article.md"):
        if Document.from_text("", path=path).kind not in rule.kinds:
            continue
        counts = growth(rule, path)
        assert linear(counts), (
            f"{rule.code} on {path}: work (findings) {counts} for 1x, 2x, 4x the input; "
            "some step is superlinear")


@pytest.mark.parametrize("rule_cls", RULES, ids=[r.code for r in RULES])
def test_rule_work_is_linear_in_the_line_length(rule_cls):
    rule = rule_cls()
    path = "article.txt"
    if Document.from_text("", path=path).kind not in rule.kinds:
        pytest.skip(f"{rule.code} does not read {path}")
    counts = growth(rule, path, joined=True)
    assert linear(counts), (
        f"{rule.code} on one long line: work (findings) {counts} for 1x, 2x, 4x the line; "
        "some step is superlinear")


def test_generated_document_doubles():
    short, long = document(N_PARAGRAPHS, True), document(2 * N_PARAGRAPHS, True)
    assert long.startswith(short[:-1])
    assert 1.8 < len(long) / len(short) < 2.2
    assert "â€" in short and "Advertisement" in long and "Kiev" in short


class _Toy:
    code, corpus_aware = "X000", False

    def __init__(self, quadratic: bool):
        self.quadratic = quadratic

    def check(self, doc, ctx):
        lines = doc.lines
        for i, line in enumerate(lines):
            if self.quadratic:  # compares each line with every earlier line
                if any(line == other for other in lines[:i]):
                    yield i
            elif line in ("Advertisement",):
                yield i


def test_counter_tells_linear_from_quadratic():
    assert linear(growth(_Toy(quadratic=False), "a.txt"))
    assert not linear(growth(_Toy(quadratic=True), "a.txt"))
