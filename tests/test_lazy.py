"""The lazy stand-ins for compiled patterns (linter/core/lazy.py) behave like the
compiled patterns they stand for, copied and pickled too (a pool started by spawning, as on
macOS and Windows, pickles what it sends its workers)."""

from __future__ import annotations

import copy
import pickle
import re

import pytest

from linter.core.lazy import lazy, re as lazy_re, regex as lazy_regex


@pytest.mark.parametrize("make", [
    lambda: lazy_re.compile(r"\bBy\s+(?P<name>\w+)", lazy_re.I),
    lambda: lazy_regex.compile(r"\bBy\s+(?P<name>\p{Lu}\w+)", lazy_regex.I),
])
@pytest.mark.parametrize("used", [False, True])
@pytest.mark.parametrize("how", ["copy", "deepcopy", "pickle"])
def test_copies_and_pickles_match_like_the_original(make, used, how):
    rx = make()
    if used:
        rx.search("")
    twin = {"copy": copy.copy, "deepcopy": copy.deepcopy,
            "pickle": lambda x: pickle.loads(pickle.dumps(x))}[how](rx)
    text = "Share this\nBY Jane Doe\n"
    assert twin.search(text).group("name") == rx.search(text).group("name") == "Jane"
    assert (twin.pattern, twin.flags) == (rx.pattern, rx.flags)


def test_attributes_the_pattern_lacks_are_attribute_errors():
    rx = lazy(r"\d+")
    assert not hasattr(rx, "no_such_thing")
    assert rx.groups == re.compile(r"\d+").groups == 0


@pytest.mark.parametrize("stand_in,real_name", [(lazy_re, "re"), (lazy_regex, "regex")])
def test_the_stand_ins_flags_are_the_real_modules(stand_in, real_name):
    real = __import__(real_name)
    names = {n for cls in type(stand_in).__mro__ for n in vars(cls) if n.isupper()}
    assert len(names) >= 14
    assert {n: getattr(stand_in, n) for n in names} == {n: int(getattr(real, n)) for n in names}


def test_an_ascii_pattern_through_the_stand_in_is_ascii_and_quiet(capsys):
    rx = lazy_re.compile(r"\w+", lazy_re.A)
    assert rx.findall("caf\u00e9 ok") == ["caf", "ok"]
    assert capsys.readouterr().out == ""  # not compiled with re.DEBUG
