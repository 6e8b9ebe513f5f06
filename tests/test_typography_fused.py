"""P201-P203: words run together where a page's blocks were joined."""

import pytest
from helpers import CORPUS, SEEDS, codes, fix, lint

from linter.core.packs import PackError
from linter.rules.typography.fused import load_mixed_case


# -- P201 fused words ------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("  • Writer's pictureThe San Juan Daily Star\n", "  • Writer's picture The San Juan Daily Star\n"),
    ("The company said it would appeal, her lawyer saidThey will not comment.\n",
     "The company said it would appeal, her lawyer said They will not comment.\n"),
    ("Video platforms for businesses saidOpens a new window that the lineup was new.\n",
     "Video platforms for businesses said Opens a new window that the lineup was new.\n"),
    ("Share on FacebookShare on Twitter\n", "Share on Facebook Share on Twitter\n"),
    ("Officials blamed the faultObama administration policy, he wrote.\n",
     "Officials blamed the fault Obama administration policy, he wrote.\n"),
])
def test_p201_catches_and_fixes(text, expected):
    assert codes(text, select=["P201"]) == ["P201"]
    assert fix(text, select=["P201"]) == text                 # unsafe only
    fixed = fix(text, select=["P201"], unsafe=True)
    assert fixed == expected
    assert codes(fixed, select=["P201"]) == []


@pytest.mark.parametrize("text", [
    "I bought an iPhone and an iPad, watched YouTube on my PlayStation and ate at McDonald's.",
    "She sold it on eBay, wrote JavaScript for iOS and macOS, and finished a PhD.",
    "Find me on LinkedIn, my blog runs on WordPress and the code is on GitHub.",
    "Neil deGrasse Tyson spoke isiZulu and isiXhosa with Ms. McAllister and Mr. MacArthur.",
    "Irish names such as O'Neill and O’Brien, and DiCaprio or LeBron.",
    "Water is H2O, carbon dioxide is CO2; the mtDNA and mRNA samples had a pH of 7.",
    "It weighs 10kg, runs 5km, costs $5bn and the A320 flew on the 21st at 3pm.",
    "Version v2.3.1 of python3 adds utf8 and mp3 support for html5 pages on ipv6.",
    "Write to someone@exampleMail.com or visit https://example.com/someThing today.",
    "Tag it #throwbackThursday and ping @nytimesWorld now.",
    "Call `getElementById` or `remoteStorage` in code spans.",
    "The getElementById function is a camelCase name.",          # several humps
    "Set featureX and openSUSE and reCAPTCHA aside.",             # no lowercase after the capital
])
def test_p201_leaves_names_and_code_alone(text):
    assert codes(text, select=["P201"], path="a.md") == []


def test_p201_a_word_used_twice_is_a_term():
    text = ("The remoteStorage protocol stores data. Apps use remoteStorage to sync.\n")
    assert codes(text, select=["P201"]) == []


def test_p201_technical_file_reports_only_clear_cases():
    text = ("Use fetch() and res.json() here. The bodyUsed flag and the statusText field, "
            "then call pageAction and the formData.\nThe pictureThe end.\n")
    found = lint(text, select=["P201"])
    assert [text[f.start:f.end] for f in found] == ["pictureThe"]


def test_p201_user_pack_adds_names(tmp_path):
    pack = tmp_path / "brands.toml"
    pack.write_text('[pack]\nname = "mine"\nfamily = "typography"\ndescription = "x"\n\n'
                    '[words]\nnames = ["weddingPlanner"]\n', encoding="utf-8")
    from linter.config import default_context
    from linter.core.document import Document
    from linter import engine
    from helpers import rules_for
    ctx = default_context()
    text = "She hired a weddingPlanner for the day.\n"
    doc = Document.from_text(text)
    assert [f.code for f in engine.check(doc, rules_for(["P201"]), ctx)] == ["P201"]
    ctx2 = default_context()
    ctx2.pack_paths = dict(ctx2.pack_paths, user=[str(pack)])
    assert engine.check(doc, rules_for(["P201"]), ctx2) == []


def test_mixed_case_pack_errors_name_the_entry(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[pack]\nname = "b"\nfamily = "typography"\ndescription = "x"\n\n'
                   '[words]\nnames = ["ok", 3]\n', encoding="utf-8")
    with pytest.raises(PackError, match="words.names"):
        load_mixed_case([str(bad)])
    bad.write_text('[pack]\nname = "b"\nfamily = "typography"\ndescription = "x"\n\n'
                   '[words]\nnamez = ["ok"]\n', encoding="utf-8")
    with pytest.raises(PackError, match="namez"):
        load_mixed_case([str(bad)])


# -- P202 fused number -----------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("10 views0 comments\n", "10 views 0 comments\n"),
    ("View comments941\n", "View comments 941\n"),
    ("3 likes2 shares\n", "3 likes 2 shares\n"),
])
def test_p202_catches_and_fixes(text, expected):
    assert codes(text, select=["P202"]) == ["P202"]
    assert fix(text, select=["P202"], unsafe=True) == expected


@pytest.mark.parametrize("text", [
    "The disease3 spread fast, the study says.",        # footnote marker
    "Play the mp3 or the mp4, use python3 and html5 for covid19 data.",
    "Users allseer15, BluJay27, lulufan54321 and gogito167 commented.",
    "It weighs 10kg and the A320 lands at 5pm on the 21st.",
    "The variable x1 and the file report2024.pdf.",
    "Section abc123_def and v1.2 of sha256sum.",
])
def test_p202_leaves_alone(text):
    assert codes(text, select=["P202"]) == []


# -- P203 missing sentence break -------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Biden skips forum to attend granddaughter’s wedding In his stead, Blinken will speak.\n",
     "Biden skips forum to attend granddaughter’s wedding. In his stead, Blinken will speak.\n"),
    ("Shops were hit by the exodus The number of shoppers has fallen this year.\n",
     "Shops were hit by the exodus. The number of shoppers has fallen this year.\n"),
    ("The rain did not stop all day long However the match went on as planned.\n",
     "The rain did not stop all day long. However the match went on as planned.\n"),
])
def test_p203_catches_and_fixes(text, expected):
    assert codes(text, select=["P203"]) == ["P203"]
    assert fix(text, select=["P203"]) == text
    assert fix(text, select=["P203"], unsafe=True) == expected


@pytest.mark.parametrize("text", [
    "We watched the film In the Mood for Love and read the novel The remains of the day.",
    "Members of The Who and the band They Might Be Giants played.",
    "Biden Skips Forum To Attend Wedding In His Stead",          # title case
    "Since the identity matrix In is Hermitian, the result holds.",
    "He said the word The is the most common word in English.",
    "The US and Europe agreed. In a statement, they said so.",
    "Paris is in France and Rome is in Italy, said the guide.",
])
def test_p203_leaves_alone(text):
    assert codes(text, select=["P203"]) == []


# -- seeds and corpus ------------------------------------------------------------------------
def test_seeds_fused_findings():
    if not SEEDS.exists():
        pytest.skip("shared seeds are not available")
    s1 = (SEEDS / "001_861c7d8c4de888dc.txt").read_text(encoding="utf-8")
    s3 = (SEEDS / "003_fe4fb2dea130ca3f.txt").read_text(encoding="utf-8")
    assert [s1[f.start:f.end] for f in lint(s1, select=["P2"])] == ["wedding In"]
    assert sorted(s3[f.start:f.end] for f in lint(s3, select=["P2"])) == ["pictureThe", "views0"]
    assert "granddaughter’s wedding. In his stead" in fix(s1, select=["P203"], unsafe=True)
    for name in ("000_5e03979797d43c26.txt", "002_b55532b72c78f078.txt"):
        assert codes((SEEDS / name).read_text(encoding="utf-8"), select=["P2"]) == []


def test_clean_articles_have_almost_no_fused_findings():
    folder = CORPUS / "articles"
    files = sorted(folder.glob("*.txt")) if folder.exists() else []
    if not files:
        pytest.skip("shared corpus is not available")
    from linter import engine
    from linter.config import default_context
    from linter.core.document import Document
    from helpers import rules_for
    rules, ctx = rules_for(["P2"]), default_context()
    flagged = [p.name for p in files
               if engine.check(Document.from_text(p.read_text(encoding="utf-8")), rules, ctx)]
    assert len(flagged) <= len(files) // 50, flagged      # at most 2% of clean files
