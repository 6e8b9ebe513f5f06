"""Debris rule packs: loading, validation errors, user packs, the compiled matcher."""

import textwrap

import pytest

from helpers import codes, fix, lint
from linter.core.packs import PackError
from linter.core.rule import Context
from linter.rules.debris import packs
from linter.rules.debris.chrome import ChromeLine
from linter.core.document import Document
from linter import engine

BUILTIN = packs.builtin_pack_paths("debris")


def write(tmp_path, body, name="mine.toml"):
    p = tmp_path / name
    p.write_text(textwrap.dedent(body), encoding="utf-8")
    return str(p)


HEAD = """
[pack]
name = "mine"
family = "debris"
description = "test pack"
"""


def test_every_builtin_pack_loads_and_names_its_platform():
    names = {packs.load_pack(p).name for p in BUILTIN}
    assert {"wordpress", "wix", "blogger", "squarespace", "medium", "substack", "ghost",
            "tumblr", "news", "mastheads"} <= names


def test_every_builtin_entry_has_message_example_and_a_valid_fix():
    for p in BUILTIN:
        pack = packs.load_pack(p)
        for e in pack.chrome:
            assert e.message and e.example
            assert e.fix in packs.FIXES and e.where in packs.WHERE


def test_examples_are_matched_by_the_compiled_matcher():
    m = packs.Matcher.from_paths(BUILTIN)
    for p in BUILTIN:
        for e in packs.load_pack(p).chrome:
            if e.where == "line":
                assert m.line_entry(e.example) is not None, (e.pack, e.id)
            else:
                assert any(h.entry.id == e.id or h.entry.where == e.where
                           for h in m.span_hits(e.example)), (e.pack, e.id)


@pytest.mark.parametrize("body, problem, entry", [
    ('[[chrome]]\nid = "x"\ntext = "Share now"\nmessage = "m"\n', "missing required key 'example'", "x"),
    ('[[chrome]]\nid = "x"\ntext = "a"\nregex = "b"\nmessage = "m"\nexample = "a"\n', "exactly one", "x"),
    ('[[chrome]]\nid = "x"\nregex = "(unclosed"\nmessage = "m"\nexample = "a"\n', "invalid regex", "x"),
    ('[[chrome]]\nid = "x"\nregex = "(a)"\nmessage = "m"\nexample = "a"\n', "capturing groups", "x"),
    ('[[chrome]]\nid = "x"\ntext = "Share now"\nmessage = "m"\nexample = "Subscribe"\n', "does not match", "x"),
    ('[[chrome]]\nid = "x"\ntext = "Share now"\nwhere = "middle"\nmessage = "m"\nexample = "Share now"\n', "'where'", "x"),
    ('[[chrome]]\nid = "x"\ntext = "Share now"\nfix = "maybe"\nmessage = "m"\nexample = "Share now"\n', "'fix'", "x"),
    ('[[chrome]]\nid = "x"\ntext = "Share now"\nmessage = "m"\nexample = "Share now"\ncolour = 1\n', "unknown key", "x"),
    ('[[chrome]]\nid = "x"\ntext = "Share now"\nmessage = 3\nexample = "Share now"\n', "must be str", "x"),
    ('[[site]]\nid = "s"\nname = "Gazette"\naliases = "The Gazette"\n', "must be list", "s"),
    ('[[chrome]]\nid = "x"\ntext = "A"\nmessage = "m"\nexample = "A"\n'
     '[[chrome]]\nid = "x"\ntext = "B"\nmessage = "m"\nexample = "B"\n', "duplicate id", "x"),
])
def test_invalid_entries_name_file_entry_and_problem(tmp_path, body, problem, entry):
    path = write(tmp_path, HEAD + body)
    with pytest.raises(PackError) as err:
        packs.load_pack(path)
    assert err.value.path == path
    assert err.value.entry == entry
    assert problem in err.value.problem
    assert path in str(err.value)


def test_pack_header_problems(tmp_path):
    with pytest.raises(PackError, match="missing \\[pack\\]"):
        packs.load_pack(write(tmp_path, '[[chrome]]\ntext = "a"\n'))
    with pytest.raises(PackError, match="family is 'names'"):
        packs.load_pack(write(tmp_path, HEAD.replace('"debris"', '"names"')))
    with pytest.raises(PackError, match="invalid TOML"):
        packs.load_pack(write(tmp_path, HEAD + "[[chrome]\n"))


def test_user_pack_from_extend_packs_adds_chrome(tmp_path):
    path = write(tmp_path, HEAD + textwrap.dedent('''
        [[chrome]]
        id = "gazette-promo"
        text = "Gazette Plus members read ad-free"
        fix = "safe"
        message = "Gazette app promo"
        example = "Gazette Plus members read ad-free"

        [[site]]
        name = "The Gazette"
        slogan = "News Without Fear"
        '''))
    text = "The GazetteNews Without Fear\n\nThe council met on Tuesday.\n\nGazette Plus members read ad-free\n"
    doc = Document.from_text(text)
    ctx = Context(pack_paths={"debris": BUILTIN, "user": [path]})
    rules = [cls() for cls in packs_rules()]
    found = engine.check(doc, rules, ctx)
    assert {f.code for f in found} == {"D101", "D103"}
    fixed = engine.fix(doc, rules, ctx).fixed.text
    assert fixed == "The council met on Tuesday.\n"
    # without the user pack the promo is not known
    bare = engine.check(doc, rules, Context(pack_paths={"debris": BUILTIN}))
    assert bare == []


def test_user_pack_of_another_family_is_ignored(tmp_path):
    other = write(tmp_path, HEAD.replace('"debris"', '"names"'), "names.toml")
    ctx = Context(pack_paths={"debris": BUILTIN, "user": [other]})
    assert packs.pack_files(ctx) == tuple(BUILTIN)


def test_broken_user_pack_raises_pack_error(tmp_path):
    path = write(tmp_path, HEAD + '[[chrome]]\nid = "bad"\nregex = "[a-"\nmessage = "m"\nexample = "a"\n')
    ctx = Context(pack_paths={"debris": BUILTIN, "user": [path]})
    with pytest.raises(PackError, match="bad"):
        packs.matcher(ctx)


def test_matcher_is_built_once_per_run():
    ctx = Context(pack_paths={"debris": BUILTIN})
    assert packs.matcher(ctx) is packs.matcher(ctx)


def test_normalisation_of_lines():
    m = packs.Matcher.from_paths(BUILTIN)
    for line in ("top of page", "TOP OF PAGE", "  - top of page  ", "## Top of page", "top\u00a0of page"):
        assert m.line_entry(line).id == "top-of-page", line
    assert m.line_entry("We went to the top of page three.") is None


def test_a_hard_wrapped_continuation_is_not_chrome():
    text = "The new header of the file looks\n    like this:\n\n    Header: value\n"
    assert codes(text, ["D101"]) == []
    assert codes("Great post.\n\nLike this:\n", ["D101"]) == ["D101"]


def packs_rules():
    from linter.rules.debris.chrome import ChromeSpan
    from linter.rules.debris.masthead import Masthead
    return (ChromeLine, ChromeSpan, Masthead)


def test_extend_packs_in_config_through_the_cli(tmp_path):
    from helpers import run_cli

    (tmp_path / ".texthygiene.toml").write_text('extend-packs = ["packs/gazette.toml"]\n')
    (tmp_path / "packs").mkdir()
    write(tmp_path / "packs", HEAD + textwrap.dedent('''
        [[chrome]]
        id = "gazette-app"
        text = "Gazette Plus members read ad-free"
        fix = "safe"
        message = "Gazette app promo"
        example = "Gazette Plus members read ad-free"
        '''), "gazette.toml")
    article = tmp_path / "a.txt"
    article.write_text("The council met on Tuesday.\n\nGazette Plus members read ad-free\n", encoding="utf-8")
    res = run_cli("check", "--select", "D101", "a.txt", cwd=tmp_path)
    assert res.returncode == 1 and "D101" in res.stdout and "Gazette app promo" in res.stdout
    res = run_cli("fix", "--select", "D101", "a.txt", cwd=tmp_path)
    assert article.read_text(encoding="utf-8") == "The council met on Tuesday.\n"


def test_broken_user_pack_is_an_error_through_the_cli(tmp_path):
    from helpers import run_cli

    (tmp_path / ".texthygiene.toml").write_text('extend-packs = ["bad.toml"]\n')
    write(tmp_path, HEAD + '[[chrome]]\nid = "bad-entry"\ntext = "Hi"\nmessage = "m"\nexample = "Bye"\n',
          "bad.toml")
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    res = run_cli("check", "--select", "D101", "a.txt", cwd=tmp_path)
    assert res.returncode == 2
    assert "bad.toml" in res.stderr and "bad-entry" in res.stderr and "does not match" in res.stderr
    assert "Traceback" not in res.stderr


def test_pack_from_an_installed_distribution_entry_point(tmp_path):
    """A third-party distribution registers its pack under the ``texthygiene.packs`` group."""
    import os
    from helpers import run_cli

    site = tmp_path / "site"
    (site / "gazette_pack-1.0.dist-info").mkdir(parents=True)
    (site / "gazette_pack-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: gazette-pack\nVersion: 1.0\n")
    (site / "gazette_pack-1.0.dist-info" / "entry_points.txt").write_text(
        "[texthygiene.packs]\ndebris.gazette = gazette_pack:pack_path\n")
    write(site, HEAD + textwrap.dedent('''
        [[chrome]]
        id = "gazette-app"
        text = "Gazette Plus members read ad-free"
        fix = "safe"
        message = "Gazette app promo"
        example = "Gazette Plus members read ad-free"
        '''), "gazette.toml")
    (site / "gazette_pack.py").write_text(
        "import os\n\ndef pack_path():\n    return os.path.join(os.path.dirname(__file__), 'gazette.toml')\n")
    work = tmp_path / "work"
    work.mkdir()
    (work / "a.txt").write_text("The council met on Tuesday.\n\nGazette Plus members read ad-free\n", encoding="utf-8")
    env = {"PYTHONPATH": str(site) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    res = run_cli("check", "--select", "D101", "a.txt", cwd=work, env=env)
    assert res.returncode == 1 and "Gazette app promo" in res.stdout, res.stdout + res.stderr
    res = run_cli("check", "--select", "D101", "a.txt", cwd=work)
    assert res.returncode == 0


@pytest.mark.parametrize("line", [
    "Blog \u00a9 2024 Powered by Ghost",
    "The Field Notes \u00a9 2023 \u2022 Published with Ghost",
    "Powered by Ghost",
])
def test_ghost_footer_credit_with_or_without_a_separator(line):
    text = "An opening paragraph of the post, long enough to read as prose here.\n\n" + line + "\n"
    assert "D101" in codes(text)


def test_ghost_footer_credit_leaves_prose_about_ghost_alone():
    text = ("The newsletter moved in 2024. Powered by Ghost, the site now costs less to run "
            "than the old one, says the editor.\n")
    assert "D101" not in codes(text)
