"""The compiled include/exclude tests of ``Settings`` agree with plain ``fnmatch`` globbing."""

from __future__ import annotations

import fnmatch
import os

from hypothesis import given, settings, strategies as st

from linter.config import DEFAULT_EXCLUDE, Settings, _glob_match, _relative

PARTS = st.sampled_from(["a", "b", "build", "docs", "x.md", "y.txt", "a.min.txt", ".git", "venv",
                         "node_modules", "notes", "n.rst", "[x]", "dist"])
PATTERNS = st.sampled_from(["build", "docs/*.md", "*.min.txt", "a/b", "notes/", "*.txt", "[x]",
                            "d*", "a/*/y.txt", "?", "**/n.rst", "b/"])


@settings(max_examples=400, deadline=None)
@given(st.lists(PARTS, min_size=1, max_size=5), st.lists(PATTERNS, max_size=5))
def test_is_excluded_matches_reference(parts, patterns):
    root = os.path.abspath("proj")
    path = os.path.join(root, *parts)
    s = Settings(root=root, extend_exclude=patterns)
    rel = _relative(path, root)
    expected = any(_glob_match(rel, p) for p in (*DEFAULT_EXCLUDE, *patterns))
    assert s.is_excluded(path) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(PARTS, min_size=1, max_size=4), st.lists(PATTERNS, max_size=4))
def test_is_included_matches_reference(parts, patterns):
    path = os.path.join("proj", *parts)
    s = Settings(extend_include=patterns)
    name = os.path.basename(path)
    expected = any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(path, p)
                   for p in (*s.include, *s.extend_include))
    assert s.is_included(path) == expected


def test_relative_paths():
    root = os.path.abspath("proj")
    assert _relative(os.path.join(root, "a", "b.txt"), root) == "a/b.txt"
    assert _relative(root, root) == "."
    assert _relative(root + "x/c.txt", root) == "../projx/c.txt"
    assert _relative(os.path.dirname(root), root) == ".."


NAMES = st.sampled_from(["a.txt", "b.md", "x.md", "y.txt", "a.min.txt", "n.rst", "build", "d.py",
                         "[x]", "q", ".git", "notes.txt"])


@settings(max_examples=400, deadline=None)
@given(st.lists(PARTS, max_size=3), st.lists(NAMES, max_size=6), st.lists(PATTERNS, max_size=4),
       st.lists(PATTERNS, max_size=3), st.booleans())
def test_keep_names_matches_the_tests_file_by_file(parts, names, exclude, include, below):
    # discovery filters a folder's names at once: the same as is_included / is_excluded_relative
    root = os.path.abspath("proj")
    folder = os.path.join("proj" if below else "elsewhere", *parts)
    s = Settings(root=root, extend_exclude=exclude, extend_include=include)
    rel = _relative(os.path.abspath(folder), root)
    rel = "" if rel == "." else rel + "/"
    expected = [n for n in names if s.is_included(os.path.join(folder, n))
                and not s.is_excluded_relative(rel + n)]
    assert s.keep_names(folder, rel, names) == expected
    assert Settings(root=root, include=[]).keep_names(folder, rel, names) == []
