"""The variant dictionary: groups of spellings of one name, loaded and validated from TOML packs.

A pack file (``linter/packs/names/*.toml``, or a user's ``extend-packs`` file whose
``[pack] family = "names"``) holds ``[[group]]`` entries::

    [[group]]
    id = "kyiv"                      # unique; a user group with a built-in id replaces it
    kind = "place"                   # place | person | country | organisation | other
    forms = ["Kyiv", "Kiev"]         # spellings of one entity (at least two)
    modern = "Kyiv"                  # the form a tie goes to
    derived = [["Kyivan", "Kievan"]] # rows parallel to ``forms``: adjectives, plurals
    keep = ["Kievan Rus", "chicken Kiev"]  # fixed phrases never touched
    safety = "safe"                  # safe | unsafe | house-style
    note = "where the spellings come from"

and an optional ``[distinct] pairs = [["Iran", "Iraq"], ...]`` table of look-alike names the
discovery rule (N201) must never pair. Every problem is a :class:`PackError` naming the file,
the entry and what is wrong.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from linter.core.packs import PackError, read_pack, reject_unknown, require

KINDS = ("place", "person", "country", "organisation", "other")
SAFETIES = ("safe", "unsafe", "house-style")
GROUP_KEYS = {"id", "kind", "forms", "modern", "derived", "keep", "safety", "note"}
PACK_KEYS = {"pack", "group", "distinct"}
APOSTROPHES = "'’"
_FORM_RE = re.compile(r"^[^\W\d_][\w'’ .-]*[\w.]$|^[^\W\d_]$")


class Group(NamedTuple):
    """One entity and its spellings. ``forms[i]`` and ``derived[k][i]`` are one spelling system."""

    id: str
    forms: tuple[str, ...]
    modern: str
    derived: tuple[tuple[str, ...], ...] = ()
    keep: tuple[str, ...] = ()
    safety: str = "safe"
    kind: str = "other"
    note: str = ""
    source: str = ""

    @property
    def modern_index(self) -> int:
        return self.forms.index(self.modern)

    def label(self) -> str:
        """``Kyiv/Kiev``: the group as users see it."""
        return "/".join(self.forms)


class VariantDictionary:
    """All groups, and the table from every spelling (with its case variants) to its group."""

    def __init__(self, groups: dict[str, Group] | None = None,
                 lookup: dict[str, tuple[str, int, int, str]] | None = None,
                 distinct: set[tuple[str, str]] | None = None):
        self.groups: dict[str, Group] = {} if groups is None else groups
        #: exact text -> (group id, form index, derived row or -1, case mode)
        self.lookup: dict[str, tuple[str, int, int, str]] = {} if lookup is None else lookup
        #: (a, b) pairs, casefolded and sorted, that discovery never pairs
        self.distinct: set[tuple[str, str]] = set() if distinct is None else distinct

    def form_of(self, word: str) -> tuple[Group, int] | None:
        """The group and form index a spelling belongs to (any case variant), or None."""
        hit = self.lookup.get(word)
        return (self.groups[hit[0]], hit[1]) if hit else None

    def is_distinct(self, a: str, b: str) -> bool:
        return tuple(sorted((a.casefold(), b.casefold()))) in self.distinct


def case_variants(form: str) -> list[tuple[str, str]]:
    """The case variants of a form that count as that form, with their mode.

    >>> case_variants("al-Qaeda")
    [('al-Qaeda', 'exact'), ('AL-QAEDA', 'upper'), ('Al-Qaeda', 'title')]
    >>> case_variants("Kyiv")
    [('Kyiv', 'exact'), ('KYIV', 'upper')]
    """
    out = [(form, "exact")]
    if form.upper() != form:
        out.append((form.upper(), "upper"))
    if form[:1].islower():
        out.append((form[:1].upper() + form[1:], "title"))
    return out


def apostrophe_variants(text: str) -> list[str]:
    """A spelling with ``'`` also matches with ``’`` and the other way round.

    >>> apostrophe_variants("Sana'a")
    ["Sana'a", 'Sana’a']
    """
    if not any(a in text for a in APOSTROPHES):
        return [text]
    plain = text.replace("’", "'")
    return [plain, plain.replace("'", "’")]


def apply_case(target: str, mode: str) -> str:
    """Give ``target`` the case of the matched text.

    >>> apply_case("Kyiv", "upper"), apply_case("al-Qaeda", "title"), apply_case("Kyiv", "exact")
    ('KYIV', 'Al-Qaeda', 'Kyiv')
    """
    if mode == "upper":
        return target.upper()
    if mode == "title":
        return target[:1].upper() + target[1:]
    return target


def _string_list(entry: dict, key: str, path, name: str, required: bool) -> list[str]:
    value = require(entry, key, list, path, name, required=required, default=[])
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise PackError(path, f"{key!r} must hold non-empty strings, not {item!r}", name)
    return value


def _check_form(form: str, key: str, path, name: str) -> None:
    if form != form.strip() or "  " in form or not _FORM_RE.match(form):
        raise PackError(path, f"{key} {form!r} is not a name (letters, with inner spaces, "
                        "hyphens, apostrophes or dots)", name)


def parse_group(entry: dict, path: str, index: int) -> Group:
    """Validate one ``[[group]]`` table."""
    if not isinstance(entry, dict):
        raise PackError(path, "every [[group]] must be a table", f"group #{index + 1}")
    gid = entry.get("id")
    name = f"group {gid!r}" if isinstance(gid, str) else f"group #{index + 1}"
    reject_unknown(entry, GROUP_KEYS, path, name)
    gid = require(entry, "id", str, path, name)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", gid):
        raise PackError(path, f"id {gid!r} must be lower-case letters, digits and hyphens", name)
    forms = _string_list(entry, "forms", path, name, required=True)
    if len(forms) < 2:
        raise PackError(path, "a group needs at least two forms", name)
    for f in forms:
        _check_form(f, "form", path, name)
    if len({f for f in forms}) != len(forms):
        raise PackError(path, "forms are listed twice", name)
    modern = require(entry, "modern", str, path, name)
    if modern not in forms:
        raise PackError(path, f"modern form {modern!r} is not one of the forms {forms}", name)
    derived_raw = require(entry, "derived", list, path, name, required=False, default=[])
    derived = []
    for row in derived_raw:
        if not isinstance(row, list) or len(row) != len(forms):
            raise PackError(path, f"each derived row must list {len(forms)} strings, one per "
                            f"form in the order of forms; got {row!r}", name)
        for d in row:
            if not isinstance(d, str):
                raise PackError(path, f"derived forms must be strings, not {d!r}", name)
            _check_form(d, "derived form", path, name)
        derived.append(tuple(row))
    keep = _string_list(entry, "keep", path, name, required=False)
    safety = require(entry, "safety", str, path, name, required=False, default="safe")
    if safety not in SAFETIES:
        raise PackError(path, f"safety must be one of {', '.join(SAFETIES)}, not {safety!r}", name)
    kind = require(entry, "kind", str, path, name, required=False, default="other")
    if kind not in KINDS:
        raise PackError(path, f"kind must be one of {', '.join(KINDS)}, not {kind!r}", name)
    note = require(entry, "note", str, path, name)
    if not note.strip():
        raise PackError(path, "note (where the spellings come from) must not be empty", name)
    return Group(gid, tuple(forms), modern, tuple(derived), tuple(keep), safety, kind, note, path)


def parse_pack(data: dict, path: str) -> tuple[list[Group], list[tuple[str, str]]]:
    """The groups and distinct pairs of one parsed names pack."""
    reject_unknown(data, PACK_KEYS, path, "pack file")
    groups_raw = data.get("group", [])
    if not isinstance(groups_raw, list):
        raise PackError(path, "'group' must be an array of tables ([[group]])", "group")
    groups = [parse_group(e, path, i) for i, e in enumerate(groups_raw)]
    seen: set[str] = set()
    for g in groups:
        if g.id in seen:
            raise PackError(path, "group id used twice in this pack", f"group {g.id!r}")
        seen.add(g.id)
    pairs: list[tuple[str, str]] = []
    distinct = data.get("distinct")
    if distinct is not None:
        if not isinstance(distinct, dict):
            raise PackError(path, "'distinct' must be a table with 'pairs'", "distinct")
        reject_unknown(distinct, {"pairs"}, path, "distinct")
        for row in require(distinct, "pairs", list, path, "distinct"):
            if (not isinstance(row, list) or len(row) != 2
                    or not all(isinstance(x, str) and x.strip() for x in row)):
                raise PackError(path, f"each pair must be two names, not {row!r}", "distinct")
            pairs.append((row[0], row[1]))
    return groups, pairs


def pack_family(data: dict, path: str) -> str:
    pack = data.get("pack")
    if not isinstance(pack, dict):
        raise PackError(path, "missing [pack] table (name, family, description)", "pack")
    reject_unknown(pack, {"name", "family", "description"}, path, "pack")
    require(pack, "name", str, path, "pack")
    return require(pack, "family", str, path, "pack")


def load(builtin: list[str], user: list[str] = ()) -> VariantDictionary:
    """Load the built-in names packs, then the user packs whose family is ``names``."""
    vd = VariantDictionary()
    owners: dict[str, str] = {}
    for path, is_user in [(p, False) for p in builtin] + [(p, True) for p in user]:
        data = read_pack(path)
        family = pack_family(data, path)
        if family != "names":
            if is_user:
                continue
            raise PackError(path, f"a pack in the names folder must have family 'names', "
                            f"not {family!r}", "pack")
        groups, pairs = parse_pack(data, path)
        for g in groups:
            if g.id in vd.groups and not is_user:
                raise PackError(path, f"group id also used in {vd.groups[g.id].source}",
                                f"group {g.id!r}")
            old = vd.groups.pop(g.id, None)
            if old is not None:  # a user group replaces the built-in group of the same id
                for k in [k for k, v in vd.lookup.items() if v[0] == g.id]:
                    del vd.lookup[k]
            vd.groups[g.id] = g
            _index(vd, g, path, owners)
        for a, b in pairs:
            vd.distinct.add(tuple(sorted((a.casefold(), b.casefold()))))
    return vd


def _index(vd: VariantDictionary, g: Group, path: str, owners: dict[str, str]) -> None:
    rows = [(g.forms, -1)] + [(row, k) for k, row in enumerate(g.derived)]
    for row, k in rows:
        for i, form in enumerate(row):
            for variant, mode in case_variants(form):
                for text in apostrophe_variants(variant):
                    hit = vd.lookup.get(text)
                    if hit is not None and hit[0] != g.id:
                        raise PackError(path, f"spelling {text!r} is also in group {hit[0]!r} "
                                        f"({owners.get(hit[0], '?')})", f"group {g.id!r}")
                    if hit is None or (mode == "exact" and hit[3] != "exact"):
                        vd.lookup[text] = (g.id, i, k, mode)
    owners[g.id] = path


#: capitalised words (letters only; no word boundary in front, which would cost the regex engine its fast
#: scan for the first letter: a match inside a word, "Donald" in "McDonald", is harmless)
CAPITALISED = re.compile(r"[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u017F][^\W\d_]*")
#: the same words, found faster: ASCII letters by a plain class, the rest (accents, other
#: scripts) by the Unicode class, which then runs once per word instead of once per letter
_CAPITALISED_FAST = re.compile(r"[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u017F][a-zA-Z]*[^\W\d_]*")
_FIRST_TOKEN = re.compile(r"[^\W\d_]+")


def capitalised_words(text: str) -> set[str]:
    """The distinct capitalised words of a text (one C-level pass).

    >>> sorted(capitalised_words("Kiev-based KIEV al-Qaeda Zelensky’s"))
    ['KIEV', 'Kiev', 'Qaeda', 'Zelensky']
    """
    return set(_CAPITALISED_FAST.findall(text))


class Matcher:
    r"""Every spelling of the dictionary in a text, found without a regex of every spelling.

    Each spelling is filed under a key word: its first word when that is capitalised
    ("Kiev", "Khan" for "Khan Younis"), else its first capitalised word ("Qaeda" for
    "al-Qaeda"). A text's distinct capitalised words (one C-level pass, shared with N201)
    meet the keys in a set intersection; only for keys present does a small regex of that
    key's spellings run (compiled on first use, kept for the run). Spaces inside a spelling
    match any run of spaces or one line break (hard-wrapped text).

    >>> m = Matcher(["Kiev", "Kievan", "al-Qaeda", "Khan Younis"])
    >>> [w for _, _, w in m.finditer("Kievan al-Qaeda Kiev’s Kievx xKiev Khan\nYounis")]
    ['Kievan', 'al-Qaeda', 'Kiev', 'Khan\nYounis']
    >>> m.also["Khan"], m.finditer("Khan said so")  # no "Younis" in the text: no search
    (frozenset({'Younis'}), [])
    """

    def __init__(self, words):
        self.by_key: dict[str, list[str]] = {}
        for w in sorted(set(words)):
            tokens = _FIRST_TOKEN.findall(w)
            key = next((t for t in tokens if t[:1].isupper()), tokens[0] if tokens else w)
            self.by_key.setdefault(key, []).append(w)
        self.keys = frozenset(self.by_key)
        # the other capitalised words every spelling of a key holds ("Netherlands" for
        # "The Netherlands"): each is then in the text too, so the key's regex runs only
        # when all of them are
        self.also: dict[str, frozenset[str]] = {}
        for key, spellings in self.by_key.items():
            common = set.intersection(*(set(_FIRST_TOKEN.findall(w)) for w in spellings))
            common = {t for t in common if t != key and CAPITALISED.fullmatch(t)}
            if common and CAPITALISED.fullmatch(key):
                self.also[key] = frozenset(common)
        self._compiled: dict[str, re.Pattern] = {}

    def pattern(self, key: str) -> re.Pattern:
        pat = self._compiled.get(key)
        if pat is None:
            pat = self._compiled[key] = re.compile(trie_regex(self.by_key[key]) + r"(?!\w)")
        return pat

    def finditer(self, text: str, words: set[str] | None = None):
        """``(start, end, text)`` of every match at a word start, in order."""
        if words is None:
            words = capitalised_words(text)
        present = self.keys.intersection(words)
        hits = []
        also = self.also
        for key in present:
            if key in also and not also[key] <= words:
                continue  # a word every spelling of the key holds is missing
            for m in self.pattern(key).finditer(text):
                s = m.start()
                if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
                    continue
                hits.append((s, m.end(), m.group()))
        hits.sort()
        # a spelling inside a longer one found under another key (never in the built-in packs)
        out, last = [], -1
        for h in hits:
            if h[0] >= last:
                out.append(h)
                last = h[1]
        return out


def compile_matcher(vd: VariantDictionary) -> Matcher:
    """The matcher for every spelling, case variant and derived form of the dictionary."""
    return Matcher(vd.lookup)


SPACE = r"(?:[ \t]*\n[ \t]*|[ \t]+)"


def trie_regex(words: list[str]) -> str:
    """A regex that matches exactly ``words``, longest first, built as a trie.

    >>> p = re.compile(trie_regex(["Kiev", "Kievan", "Kyiv"]))
    >>> [m.group() for m in p.finditer("Kievan Kiev Kyiv")]
    ['Kievan', 'Kiev', 'Kyiv']
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        end = "" in node
        branches = [(_esc(ch) + emit(child)) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie)


def _esc(ch: str) -> str:
    return SPACE if ch == " " else re.escape(ch)
