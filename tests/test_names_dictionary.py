"""The variant dictionary: built-in packs load and are well-formed; broken packs fail clearly."""

from __future__ import annotations

import textwrap

import pytest

from linter.core.packs import PackError, builtin_pack_paths
from linter.rules.names import dictionary

BUILTIN = builtin_pack_paths("names")


@pytest.fixture(scope="module")
def vd():
    return dictionary.load(BUILTIN)


def write(tmp_path, body, name="user.toml", family="names"):
    p = tmp_path / name
    p.write_text(f'[pack]\nname = "t"\nfamily = "{family}"\n\n' + textwrap.dedent(body),
                 encoding="utf-8")
    return str(p)


def test_at_least_80_groups_across_the_required_areas(vd):
    assert len(vd.groups) >= 80
    kinds = {g.kind for g in vd.groups.values()}
    assert {"place", "person", "country", "organisation"} <= kinds
    for gid in ("kyiv", "odesa", "zelenskyy", "gaddafi", "al-qaeda", "hezbollah", "beijing",
                "mumbai", "czechia", "lukashenko", "khamenei"):
        assert gid in vd.groups, gid


def test_every_group_has_a_modern_form_a_note_and_aligned_derived_rows(vd):
    for g in vd.groups.values():
        assert g.modern in g.forms
        assert g.note.strip()
        for row in g.derived:
            assert len(row) == len(g.forms)


def test_derived_forms_and_fixed_phrases_from_the_issue(vd):
    kyiv, odesa = vd.groups["kyiv"], vd.groups["odesa"]
    assert ("Kyivan", "Kievan") in kyiv.derived
    assert ("Odesan", "Odessan") in odesa.derived
    assert "Kievan Rus" in kyiv.keep and "chicken Kiev" in kyiv.keep


def test_ambiguous_groups_never_fix_safely(vd):
    # names that are also ordinary words or other places: only with a house style
    for gid in ("turkiye", "north-macedonia", "netherlands", "guangzhou"):
        assert vd.groups[gid].safety == "house-style", gid
    # renamings whose old name is right in historical text: unsafe at least
    for gid in ("myanmar", "mumbai", "beijing", "eswatini"):
        assert vd.groups[gid].safety in ("unsafe", "house-style"), gid


def test_lookup_has_case_variants_and_apostrophe_variants(vd):
    assert vd.lookup["KIEV"][:2] == ("kyiv", 1)
    assert vd.lookup["Al-Qaida"][0] == "al-qaeda"
    assert vd.lookup["Sana’a"][0] == "sanaa"
    assert vd.lookup["Kievan"] == ("kyiv", 1, 0, "exact")


def test_matcher_respects_word_ends(vd):
    matcher = dictionary.compile_matcher(vd)
    text = "Kievan Kiev’s Kiev-based Kievx xKiev KIEV al-Qaida Al Qaeda bin Laden"
    assert [w for _, _, w in matcher.finditer(text)] == [
        "Kievan", "Kiev", "Kiev", "KIEV", "al-Qaida", "Al Qaeda", "bin Laden"]


def test_user_pack_adds_a_group_and_distinct_pairs(tmp_path):
    user = write(tmp_path, """
        [[group]]
        id = "tbilisi-test"
        forms = ["Tbilisi", "Tiflis"]
        modern = "Tbilisi"
        note = "test"

        [distinct]
        pairs = [["Foo", "Fooo"]]
    """)
    vd = dictionary.load(BUILTIN, [user])
    assert vd.form_of("Tiflis")[0].id == "tbilisi-test"
    assert vd.is_distinct("fooo", "FOO")


def test_user_group_with_a_builtin_id_replaces_it(tmp_path):
    user = write(tmp_path, """
        [[group]]
        id = "kyiv"
        forms = ["Kyiv", "Kiev", "Kyjiw"]
        modern = "Kyiv"
        note = "house list"
    """)
    vd = dictionary.load(BUILTIN, [user])
    assert vd.groups["kyiv"].forms == ("Kyiv", "Kiev", "Kyjiw")
    assert "Kievan" not in vd.lookup  # the built-in derived forms went with the old group


def test_user_packs_of_other_families_are_skipped(tmp_path):
    other = write(tmp_path, "[[rule]]\nx = 1\n", family="debris")
    assert dictionary.load(BUILTIN, [other]).groups.keys() == dictionary.load(BUILTIN).groups.keys()


@pytest.mark.parametrize("body, problem, entry", [
    ('[[group]]\nid = "a"\nforms = ["Aa"]\nmodern = "Aa"\nnote = "n"\n', "at least two forms", "group 'a'"),
    ('[[group]]\nid = "a"\nforms = ["Aa", "Ab"]\nmodern = "Ac"\nnote = "n"\n', "modern form 'Ac'", "group 'a'"),
    ('[[group]]\nid = "a"\nforms = ["Aa", "Ab"]\nmodern = "Aa"\n', "missing required key 'note'", "group 'a'"),
    ('[[group]]\nid = "a"\nforms = ["Aa", "Ab"]\nmodern = "Aa"\nnote = "n"\nderived = [["Aan"]]\n',
     "each derived row must list 2", "group 'a'"),
    ('[[group]]\nid = "a"\nforms = ["Aa", "Ab"]\nmodern = "Aa"\nnote = "n"\nsafety = "maybe"\n',
     "safety must be one of", "group 'a'"),
    ('[[group]]\nid = "a"\nforms = ["Aa", "Ab"]\nmodern = "Aa"\nnote = "n"\nspelling = 1\n',
     "unknown key(s) 'spelling'", "group 'a'"),
    ('[[group]]\nid = "a"\nforms = ["Aa", "A1!"]\nmodern = "Aa"\nnote = "n"\n', "is not a name", "group 'a'"),
    ('[[group]]\nid = "A b"\nforms = ["Aa", "Ab"]\nmodern = "Aa"\nnote = "n"\n', "id 'A b'", "group 'A b'"),
    ('[[group]]\nid = "a"\nforms = "Aa"\nmodern = "Aa"\nnote = "n"\n', "key 'forms' must be list", "group 'a'"),
    ('[[group]]\nid = "x"\nforms = ["Kiev", "Kyeeev"]\nmodern = "Kiev"\nnote = "n"\n',
     "spelling 'Kiev' is also in group 'kyiv'", "group 'x'"),
    ('[distinct]\npairs = [["Iran"]]\n', "each pair must be two names", "distinct"),
])
def test_broken_user_packs_name_file_entry_and_problem(tmp_path, body, problem, entry):
    path = write(tmp_path, body)
    with pytest.raises(PackError) as err:
        dictionary.load(BUILTIN, [path])
    assert err.value.path == path
    assert err.value.entry == entry
    assert problem in err.value.problem
    assert path in str(err.value) and problem in str(err.value)


def test_missing_pack_table_and_bad_toml(tmp_path):
    p = tmp_path / "nopack.toml"
    p.write_text('[[group]]\nid = "a"\n', encoding="utf-8")
    with pytest.raises(PackError, match=r"nopack.toml: entry 'pack': missing \[pack\] table"):
        dictionary.load([], [str(p)])
    q = tmp_path / "bad.toml"
    q.write_text("[[group]\n", encoding="utf-8")
    with pytest.raises(PackError, match="invalid TOML"):
        dictionary.load([], [str(q)])
