"""Photo captions and picture credits kept in the text."""

from __future__ import annotations

from linter.core.lazy import re  # compiled on first use
from typing import Iterable

from linter.core.lazy import regex  # compiled on first use

from linter.core.document import Document
from linter.core.findings import Finding
from linter.core.rule import Context, Rule
from linter.rules.debris.bylines import holds_end_gate
from linter.rules.debris.layout import candidate_lines, clip, is_list_item, line_range_finding, width
from linter.rules.debris.structscan import inline_marks, line_gates
from linter.rules.debris.wordlists import AGENCIES, AGENCY_NAMES

AGENCY = "(?:" + "|".join(AGENCIES) + ")"
NAME = r"\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,4}"
# "(Chalinee Thirasupa/Reuters)", "(AP Photo/Evan Vucci)", "(Getty Images)", "(Photo: Jane Doe/AFP)"
PAREN_CREDIT = regex.compile(
    rf"\((?:(?:photo|photograph|image|picture|foto|bild|credit|crédit)s?(?:\s+by)?\s*[:：]?\s*)?"
    rf"(?:{NAME}\s*/\s*(?:{AGENCY}|{NAME})(?:\s+via\s+{AGENCY})?|{AGENCY}(?:\s+(?:Photo|Images))?(?:\s*/\s*{NAME})?)\)\s*$"
)
# "Photo: ...", "Image credit: ...", "Photograph by ...", "Pictured: ...", "(All photos: Atlas staff)"
LABEL = regex.compile(
    r"^\(?(?:all\s+|top\s+|main\s+|lead\s+|header\s+|featured\s+|cover\s+|file\s+)?"
    r"(?:photo|photos|photograph|photographs|picture|pictures|image|images|illustration|graphic|video|foto|fotos|bild|"
    r"bilder|crédito|créditos|crédit|credit|credits|pictured|media\s+caption|image\s+caption|image\s+copyright)"
    r"(?:\s+(?:credit|credits|caption|courtesy|source))?"
    r"(?:\s*[:：|]\s*|\s+(?:by|von|par|por|de|courtesy\s+of|copyright)\s+)\S",
    regex.I,
)
# BBC's figure labels, "Image source, Getty Images", "Media caption Mr Obama said...", and
# "Credit...Jane Doe for The New York Times"
FIGURE_LABEL = regex.compile(r"^(?:(?:image|media|video)\s+(?:source|caption|copyright)\b\s*,?|credits?\s*(?:\.\.\.|…))\s*\S",
                             regex.I)
# a caption closing on its credit: "A protester in Hong Kong. Photograph: Jerome Favre/EPA"
TRAIL_CREDIT = regex.compile(
    r"(?:^|[.!?\"”’)]\s+|(?-i:(?<=\p{Ll})\s+(?=\p{Lu})))(?:photograph|photo|image|picture|illustration|composite|credit|foto|bild)s?"
    r"(?:\s+by)?\s*:\s*[^.!?:]{2,80}$",
    regex.I,
)
# a credit standing alone: "Getty Images", "AFP/Getty Images", "Jane Doe/Reuters"
BARE_CREDIT = regex.compile(rf"^(?:©\s*)?(?:{AGENCY}|{NAME}\s*/\s*{AGENCY})(?:\s+(?:Photo|Images))?(?:\s+via\s+{AGENCY})?\.?$")


# where a caption can be: a line ending in ")", opening with a label or an agency, "/Agency"
# (the first two scanned with the other line gates by structscan.line_gates, the first words of
# the second kept in its START_WORDS; the last two found from structscan.inline_marks)
GATES = (
    re.compile(r"\)[ \t]*\n"),
    re.compile(r"\n[ \t]*(?:[-*•][ \t]+)?(?:\(?(?:all|top|main|lead|header|featured|cover|photo|picture|image|"
               rf"illustration|graphic|video|foto|bild|crédit|credit|pictured|media|©)|{AGENCY})", re.I),
    re.compile(rf"/[^\S\n]*{AGENCY}"),  # ([^\S\n]: [ \t] with the odd spaces plain_spaces writes as spaces)
    re.compile(r"(?:Photograph|Photo|PHOTO|Image|Picture|Illustration|Composite|Credit|Foto|Bild)s?(?:[ \t]+by)?[ \t]*:[^\n]{2,80}\n"),
)


#: what a credit in parentheses holds: a slash or an agency (see :data:`AGENCY`)
AGENCY_WORD = re.compile("/|" + "|".join(AGENCY_NAMES))


def may_end_on_credit(s: str) -> bool:
    """Whether the last parentheses of ``s`` hold a slash or an agency: what
    :data:`PAREN_CREDIT` needs (its match starts at the last "(", as no "(" can be inside).

    >>> may_end_on_credit("A meeting in Bangkok. (Chalinee Thirasupa/Reuters)"), may_end_on_credit("It rose (a lot)")
    (True, False)
    """
    k = s.rfind("(")
    return k >= 0 and AGENCY_WORD.search(s, k) is not None


def may_trail_credit(s: str) -> bool:
    """Whether ``s`` has a colon with no sentence end after it: what :data:`TRAIL_CREDIT`
    needs (its colon is the last one, followed by no ``.``, ``!`` or ``?``).

    >>> may_trail_credit("In Hong Kong. Photograph: Jerome Favre/EPA"), may_trail_credit("Note: it rose.")
    (True, False)
    """
    k = s.rfind(":")
    return k >= 0 and "." not in s[k:] and "!" not in s[k:] and "?" not in s[k:]


def caption_candidates(doc: Document) -> list[int]:
    """The lines any of :data:`GATES` matches: the line scan shared with the other
    structural rules (the first two gates), then the other two where the text holds the
    character each needs."""
    found = line_gates(doc)
    parts = [found["paren"], found["caption"]]
    marks = inline_marks(doc)  # the lines GATES[2] and GATES[3] may match, checked with them
    if marks is None:
        parts += [candidate_lines(doc, GATES[2]), candidate_lines(doc, GATES[3])]
    else:
        slash, colon = GATES[2].search, GATES[3].compiled()
        parts += [[i for i in marks["slash_agency"] if slash(doc.lines[i])],
                  [i for i in marks["label_colon"] if holds_end_gate(doc, colon, i)]]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return parts[0] if parts else []
    return sorted(set().union(*parts))


# what :data:`LABEL` and :data:`FIGURE_LABEL` open with (``re`` folds case as widely as
# ``regex`` for these letters): a C test before those ``regex`` matches
MAY_LABEL = re.compile(r"\(?(?:(?:all|top|main|lead|header|featured|cover|file)\s+)?"
                       r"(?:photo|pictur|image|illustration|graphic|video|foto|bild|crédit|credit|media)", re.I)


# an agency's name, which a bare credit holds (:data:`BARE_CREDIT`): a C test before it
_NAMES_AGENCY = re.compile("|".join(AGENCY_NAMES))


def caption_kind(s: str) -> str | None:
    """What the stripped line ``s`` (its list marker taken off) is, as D201 reports it, or
    None: a caption ending on its credit in parentheses, one opening with a label, a bare
    credit, a caption closing on a labelled credit. Each test has a cheap necessary one first.

    >>> caption_kind("(AP Photo/Evan Vucci)"), caption_kind("Photo: Jane Doe"), caption_kind("It rose.")
    ('Picture credit', 'Photo caption or credit', None)
    """
    if s.endswith(")") and may_end_on_credit(s) and PAREN_CREDIT.search(s):
        return "Photo caption with its credit" if len(s.split()) > 6 else "Picture credit"
    if MAY_LABEL.match(s) and (LABEL.match(s) or FIGURE_LABEL.match(s)) and len(s.split()) <= 60:
        return "Photo caption or credit"
    if len(s) <= 60 and _NAMES_AGENCY.search(s) and BARE_CREDIT.match(s):
        return "Picture credit"
    if may_trail_credit(s) and len(s.split()) <= 60 and TRAIL_CREDIT.search(s):
        return "Photo caption with its credit"
    return None


def is_caption_label(text: str) -> bool:
    """Whether ``text`` opens with a caption or credit label or ends on a credit (D201 reports it).

    >>> is_caption_label("Media caption, Watch: the storm hits"), is_caption_label("Photos by Jane Doe")
    (True, True)
    >>> is_caption_label("A man walks past a carrier parked on a Harare street Credit: STR/AFP")
    True
    >>> is_caption_label("Photography was my lucky way of seeing the world")
    False
    """
    s = text.strip()
    return (LABEL.match(s) is not None or FIGURE_LABEL.match(s) is not None
            or (s.endswith(")") and PAREN_CREDIT.search(s) is not None) or TRAIL_CREDIT.search(s) is not None)


class PhotoCaption(Rule):
    """What it does
    Flags photo captions and picture credits: a line ending in a credit in parentheses
    ("... attends a meeting in Bangkok. (Chalinee Thirasupa/Reuters)", "(AP Photo/Evan
    Vucci)") or after a label ("... in Hong Kong. Photograph: Jerome Favre/EPA"), a line
    opening with a caption label ("Photo: ...", "Image credit: ...", "Photograph by ...",
    "Media caption ...", "Image source, Getty Images", "Credit...Jane Doe", "FILE PHOTO:
    ..."), or a credit standing alone ("Getty Images", "AFP/Getty Images").

    Why is this bad?
    A caption describes a picture the text no longer has; between paragraphs it reads as a
    stray sentence of the article, and credits are not prose at all.

    Example
    ```text
    Secretary of State Antony Blinken attends a meeting Thursday in Bangkok. (Chalinee Thirasupa/Reuters)
    ```

    Fix safety
    Unsafe: the line is deleted. A caption can hold the only mention of a fact, and some
    corpora want captions kept.
    """

    code = "D201"
    name = "photo-caption"
    summary = "Photo caption or picture credit"
    fix_safety = "unsafe"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        lines = doc.lines
        for i in caption_candidates(doc):
            s = t = lines[i].strip()
            if not s or s.startswith("|"):
                continue
            if is_list_item(s):
                s = s[2:].strip()
            kind = caption_kind(s)
            if kind is not None and width(t) <= 400:
                yield line_range_finding(self, doc, i, i, f"{kind}: {clip(s, 70)!r}")
