"""D201's cheap tests in front of its ``regex`` patterns leave every caption they find."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from linter.rules.debris import captions as C

PREFIX = ["", "(", "All ", "top ", "FILE ", "Main\u00a0", "(cover "]
LABELS = ["photo", "Photos", "PHOTOGRAPH", "photographs", "Picture", "pictured", "IMAGES", "Image caption",
          "image copyright", "Illustration", "graphic", "Video", "foto", "Fotos", "Bild", "bilder", "Crédito",
          "créditos", "CRÉDIT", "credit", "Credits", "Media caption", "media\u2009caption", "Image source",
          "Video caption", "credits...", "Credit…", "\u017fhoto", "Photograph\u017f"]
SEPARATORS = [": ", " by ", "：", " | ", " courtesy of ", " copyright ", ", ", " ", "..."]
TAILS = ["Jane Doe/Reuters", "AP", "a man walks past (Reuters)", "the storm hits.", "x"]


def _old(s: str):
    """The tests D201 ran before the cheap ones were put in front."""
    if s.endswith(")") and C.may_end_on_credit(s) and C.PAREN_CREDIT.search(s):
        return "Photo caption with its credit" if len(s.split()) > 6 else "Picture credit"
    if (C.LABEL.match(s) or C.FIGURE_LABEL.match(s)) and len(s.split()) <= 60:
        return "Photo caption or credit"
    if len(s) <= 60 and C.BARE_CREDIT.match(s):
        return "Picture credit"
    if len(s.split()) <= 60 and C.may_trail_credit(s) and C.TRAIL_CREDIT.search(s):
        return "Photo caption with its credit"
    return None


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PREFIX), st.sampled_from(LABELS), st.sampled_from(SEPARATORS), st.sampled_from(TAILS))
def test_caption_kind_is_the_full_reading(prefix, label, sep, tail):
    s = (prefix + label + sep + tail).strip()
    assert C.caption_kind(s) == _old(s), s


def test_the_agency_names_are_written_once():
    import re

    from linter.rules.debris import structscan

    assert C.AGENCY_NAMES == tuple(dict.fromkeys(re.match(r"[A-Za-z]+", a).group() for a in C.AGENCIES))
    for name in C.AGENCY_NAMES:
        assert C.AGENCY_WORD.search(f"(Jane Doe {name})")
        assert structscan.SLASH.search(f"jane doe/{name.lower()}").group("slash_agency") is not None
    assert re.fullmatch(C.AGENCY, "Getty Images") and re.fullmatch(C.AGENCY, "EPA-EFE")
