"""Every rule together: fixing twice changes nothing more than fixing once, and a fix never
leaves a finding whose fix would apply (the fixpoint is reached)."""

from hypothesis import HealthCheck, given, settings, strategies as st

from helpers import fix, lint

FRAGMENTS = [
    "top of page", "bottom of page", "Leave a Comment", "10 views0 comments", "Share this:",
    "Comments are closed, but trackbacks and pingbacks are open.", "Skip to content",
    "The Washington PostDemocracy Dies in Darkness", "Advertisement",
    "Officials arrived in Kiev on Tuesday for talks.", "KIEV (Reuters) – Talks began.",
    "President Zelensky said the talks went well.", "Zelenskyy thanked the ministers.",
    "Zelenskyi later spoke to reporters.", "The port of Odessa reopened; Odesa is busy.",
    "He said it was over.’’", "‘‘Quoted,’’ she wrote.", "The market doesnâ€™t move.",
    "â€œWe wait,â€\x9d he said.", "Tom &amp; Jerry", "soft\u00adhyphen", "zero\u200bwidth",
    "The mayor said the delay would not change the budget.", "Harbour town braces for winter",
    "By Jane Doe", "Photo: Jane Doe/Reuters", "It rained.Next day it cleared.",
    "Two  spaces here.", "trailing space ", "A wedding In his stead the aide spoke.",
    "Read more", "Related articles", "© 2024 Example News. All rights reserved.",
]
LINES = st.lists(st.sampled_from(FRAGMENTS + ["", ""]), min_size=1, max_size=14)


def compose(lines, crlf):
    text = "\n".join(lines) + "\n"
    return text.replace("\n", "\r\n") if crlf else text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES, st.booleans(), st.booleans())
def test_fix_is_idempotent(lines, crlf, unsafe):
    text = compose(lines, crlf)
    once = fix(text, unsafe=unsafe)
    assert fix(once, unsafe=unsafe) == once
    remaining = [f for f in lint(once) if f.fix and (unsafe or f.fix.is_safe)]
    assert not remaining, [(f.code, f.message) for f in remaining]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_safe_fix_keeps_every_long_prose_line(lines):
    text = compose(lines, False)
    fixed = fix(text)
    for line in lines:
        if line in ("The mayor said the delay would not change the budget.",
                    "President Zelensky said the talks went well."):
            key = line.split(" said")[0].replace("Zelensky", "")
            assert key in fixed
