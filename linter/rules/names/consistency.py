"""N101: one spelling per name in a scope (a file, or the whole corpus)."""

from __future__ import annotations

from typing import Any, Iterable

from linter.core.document import Document, per_text
from linter.core.findings import Edit, Finding, Fix
from linter.core.rule import Context, Option, Rule
from linter.rules.names import dictionary
from linter.rules.names.policy import choose, describe_counts
from linter.rules.names.scan import KeepPhrases, scan


def compiled(ctx: Context):
    """The dictionary, its matcher and keep-phrase regexes, built once per run and pack set."""
    names, user = ctx.pack_paths.get("names", ()), ctx.pack_paths.get("user", ())
    last = ctx.cache.get("names.dictionary.last")
    if last is not None and last[0] == names and last[1] == user:
        return last[2]  # the pack lists of the last call (two per file): no keys to build
    value = _compiled(ctx, tuple(names), tuple(user))
    ctx.cache["names.dictionary.last"] = (names[:], user[:], value)
    return value


def _compiled(ctx: Context, builtin: tuple, user: tuple):
    def build():
        vd = dictionary.load(list(builtin), list(user))
        return vd, dictionary.compile_matcher(vd), KeepPhrases(vd)

    return ctx.cached(("names.dictionary", builtin, user), build)


def occurrences(doc: Document, ctx: Context):
    vd, matcher, keeps = compiled(ctx)
    keep_quoted = bool(ctx.option("names", "keep-quoted", False))
    return vd, scan(doc.text, vd, matcher, keeps, keep_quoted, words_of(doc))


def words_of(doc: Document) -> set[str]:
    """The distinct capitalised words of ``doc``, computed once for N101 and N201."""
    return per_text(doc, "names.words", _capitalised_words)


def _capitalised_words(doc: Document) -> set[str]:
    return dictionary.capitalised_words(doc.text)


def count(vd, occ) -> dict[str, list[int]]:
    counts: dict[str, list[int]] = {}
    for o in occ:
        row = counts.setdefault(o.group, [0] * len(vd.groups[o.group].forms))
        row[o.form] += 1
    return counts


class InconsistentNameSpelling(Rule):
    """Flags a name spelled two ways in one scope (Kiev and Kyiv, Zelensky and Zelenskyy).

    ## What it does
    Finds every spelling listed in the variant dictionary (`linter/packs/names/*.toml`, plus
    your `extend-packs` files whose `[pack] family = "names"`) and, when one scope uses more
    than one spelling of a group, reports each occurrence of the losing spellings. The
    winner is, in order: your house style (`prefer`), the majority in the scope, and on a tie
    the group's modern form. With a house style, a lone non-preferred spelling is reported
    too. Case (KIEV → KYIV), possessives (Kiev’s → Kyiv’s), hyphenated compounds
    (Kiev-based → Kyiv-based) and derived forms (Kievan → Kyivan) follow the winner.

    Left alone: matches inside another word; the group's fixed phrases (Kievan Rus',
    chicken Kiev, Peking duck); two spellings that gloss each other ("Kyiv (Kiev)",
    "Mumbai, formerly Bombay"); with `keep-quoted = true`, text in quotation marks or
    Markdown emphasis (quotes, titles). Groups whose names are also ordinary words or other
    places (Turkey/Türkiye, Macedonia, Holland, Canton) are reported only with a house style.

    The scope is one file (`scope = "file"`), or with `scope = "corpus"` all files of the
    run (`corpus = "run"`) or every prose file tracked by git (`corpus = "git"`), so that one
    changed file is judged against the corpus.

    ## Why is this bad?
    A reader (or a search index, or a model trained on the corpus) sees two names where
    there is one entity; counts, searches and deduplication split.

    ## Example
    ```text
    Blinken arrived in Kiev on Wednesday. Kyiv’s goals in the war ... Kyiv last month ...
    ```
    Use instead (tie → the modern form):
    ```text
    Blinken arrived in Kyiv on Wednesday. Kyiv’s goals in the war ... Kyiv last month ...
    ```

    Configuration:
    ```toml
    [tool.texthygiene.names]
    prefer = ["Kyiv", "Zelenskyy"]   # house style
    scope = "corpus"                 # "file" (default) or "corpus"
    corpus = "git"                   # "run" (default) or "git"
    keep-quoted = true               # leave quotations and titles alone
    ```

    ## Fix safety
    Safe for groups whose spellings are spellings of one entity and nothing else (Kyiv/Kiev,
    Gaddafi/Qaddafi, al-Qaeda/al-Qaida). Unsafe for renamings whose old name is right for
    its period or still names institutions (Bombay/Mumbai, Burma/Myanmar, Peking/Beijing)
    and for every house-style-only group: review those with `--unsafe-fixes --diff`.
    """

    code = "N101"
    name = "inconsistent-name-spelling"
    summary = "A name is spelled two ways in one scope (Kiev/Kyiv, Zelensky/Zelenskyy)"
    fix_safety = "sometimes"
    section = "names"
    corpus_aware = True
    options = (
        Option("prefer", list, [], "house style: preferred spellings, e.g. [\"Kyiv\", \"Zelenskyy\"]"),
        Option("scope", str, "file", "count spellings per file or across the corpus",
               ("file", "corpus")),
        Option("corpus", str, "run", "with scope = \"corpus\": the files of the run, or every "
               "prose file tracked by git", ("run", "git")),
        Option("keep-quoted", bool, False, "leave spellings inside quotation marks and "
               "Markdown emphasis (quotes, titles of works) alone"),
    )

    # -- corpus scope ---------------------------------------------------------------------
    def corpus_enabled(self, ctx: Context):
        # the runner asks this once per run, before any file: load (and so validate) the
        # packs here, so that a broken user pack is a clear error, not a crash on a file
        compiled(ctx)
        if ctx.option("names", "scope", "file") != "corpus":
            return False
        return ctx.option("names", "corpus", "run") or "run"

    def collect(self, doc: Document, ctx: Context) -> dict[str, tuple[int, ...]]:
        vd, occ = occurrences(doc, ctx)
        return {gid: tuple(c) for gid, c in count(vd, occ).items()}

    def merge(self, parts: list[Any]) -> dict[str, dict[str, list[int]]]:
        """Sum per-file counts: ``{group: {"counts": [...], "files": [...]}}``.

        >>> InconsistentNameSpelling().merge([{"kyiv": (2, 0)}, {"kyiv": (1, 3)}, None])
        {'kyiv': {'counts': [3, 3], 'files': [2, 1]}}
        """
        out: dict[str, dict[str, list[int]]] = {}
        for part in parts:
            for gid, counts in (part or {}).items():
                slot = out.setdefault(gid, {"counts": [0] * len(counts), "files": [0] * len(counts)})
                if len(slot["counts"]) != len(counts):  # packs differ between files: skip
                    continue
                for i, c in enumerate(counts):
                    slot["counts"][i] += c
                    slot["files"][i] += 1 if c else 0
        return out

    # -- check ----------------------------------------------------------------------------
    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        vd, occ = occurrences(doc, ctx)
        if not occ:
            return
        prefer = ctx.option("names", "prefer", []) or []
        local = count(vd, occ)
        corpus = ctx.corpus.get(self.code) if self.corpus_enabled(ctx) else None
        decisions = {}
        for gid, counts in local.items():
            group = vd.groups[gid]
            files = None
            if corpus is not None and gid in corpus and len(corpus[gid]["counts"]) == len(counts):
                basis, files = corpus[gid]["counts"], corpus[gid]["files"]
                where = "the corpus uses"
            else:
                basis, where = counts, "this file uses"
            choice = choose(group, list(basis), prefer)
            if choice is not None:
                decisions[gid] = (group, choice, f"{where} {describe_counts(group, basis, files)}")
        for o in occ:
            d = decisions.get(o.group)
            if d is None:
                continue
            group, choice, usage = d
            if o.form == choice.index:
                continue
            found = doc.text[o.start:o.end]
            target_row = group.forms if o.row < 0 else group.derived[o.row]
            replacement = dictionary.apply_case(target_row[choice.index], o.mode)
            if " " in replacement and "\n" in found:
                replacement = replacement.replace(" ", "\n", 1)
            safe = group.safety == "safe"
            msg = (f"'{found}' → '{replacement}': {usage} "
                   f"(group {group.id}; {choice.reason})")
            fix_msg = f"Replace '{found}' with '{replacement}'"
            fix = (Fix.safe if safe else Fix.unsafe)(fix_msg, Edit(o.start, o.end, replacement))
            yield self.finding(o.start, o.end, msg, fix)
