"""Build the benchmark corpora from real article text (see ``bench/run.py``).

The source is a folder of clean article text (``../shared/corpus/articles`` when present,
else ``examples/articles``). Files are made by taking runs of consecutive paragraphs of one
article, varying them (numbers re-drawn, a few words swapped between neighbouring
sentences) and injecting at a small rate what texthygiene looks for: debris lines (the
``example`` phrases of the D packs, else a short built-in list), mojibake (a sentence
re-decoded as cp1252), name variants (one person or place spelt several ways) and
typography slips. Every corpus is deterministic for a given seed.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent

#: used when the D packs hold no example phrases (seen on real pages)
BUILTIN_DEBRIS = (
    "top of page", "bottom of page", "Writer's picture", "10 views0 comments",
    "Leave a Comment", "Comments are closed, but trackbacks and pingbacks are open.",
    "Share this article", "Advertisement", "Skip to main content", "Sign up for our newsletter",
    "Read more:", "Related Articles", "Click here to subscribe", "Posted in Uncategorized",
    "Share on Facebook", "Share on Twitter", "Follow us on Instagram", "All rights reserved.",
)

#: one spelling group per entity, the first is the usual one
NAME_GROUPS = (
    ("Zelensky", "Zelenskyy", "Zelenskiy", "Zelenski"),
    ("Kyiv", "Kiev"),
    ("Gaddafi", "Qaddafi", "Kadhafi", "Gadhafi"),
    ("Tchaikovsky", "Chaikovsky", "Tschaikowsky"),
    ("Mohammed bin Salman", "Mohammad bin Salman", "Muhammad bin Salman"),
    ("Dostoevsky", "Dostoyevsky", "Dostoievski"),
    ("Al Jazeera", "Al-Jazeera", "Aljazeera"),
    ("Kharkiv", "Kharkov"),
)
NAME_SENTENCES = (
    "Officials in {0} said on Tuesday that talks would resume next week.",
    "A spokesman for {0} declined to comment on the report.",
    "{0} has been mentioned in several statements since the spring.",
    "The visit to {0} was announced late on Sunday evening.",
)

TYPO_SLIPS = (
    ("’", "'"), (" — ", " -- "), (", ", " , "), (". ", ".  "), ("“", '"'), ("”", '"'),
)

PARA_SPLIT = re.compile(r"\n\s*\n")
DIGITS = re.compile(r"\d+")


def default_source() -> Path:
    shared = REPO.parent / "shared" / "corpus" / "articles"
    if shared.is_dir() and any(shared.iterdir()):
        return shared
    return REPO / "examples" / "articles"


def load_articles(source: Path) -> list[list[str]]:
    """Articles as lists of paragraphs (blank-line separated, at least 40 characters)."""
    out = []
    for p in sorted(source.iterdir()):
        if p.suffix not in (".txt", ".md") or not p.is_file():
            continue
        text = p.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        paras = [q.strip() for q in PARA_SPLIT.split(text) if len(q.strip()) >= 40]
        if paras:
            out.append(paras)
    if not out:
        raise SystemExit(f"no article text in {source}")
    return out


def _strings(node, keys=("example", "examples", "phrase", "phrases", "literal", "literals")):
    """Every string stored under one of ``keys`` anywhere in a parsed TOML document."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k in keys:
                if isinstance(v, str):
                    yield v
                elif isinstance(v, list):
                    yield from (x for x in v if isinstance(x, str))
            else:
                yield from _strings(v, keys)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v, keys)


def pack_phrases(repo: Path = REPO) -> list[str]:
    """The example phrases of the D (debris) packs, one line each, without duplicates."""
    seen, out = set(), []
    for folder in (repo / "linter" / "packs" / "debris", repo / "linter" / "rules" / "debris"):
        for p in sorted(folder.rglob("*.toml")) if folder.is_dir() else ():
            try:
                data = tomllib.loads(p.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError):
                continue
            for s in _strings(data):
                for line in s.split("\n"):
                    line = line.strip()
                    if len(line) >= 4 and line not in seen:
                        seen.add(line)
                        out.append(line)
    return out


def mojibake(s: str) -> str:
    """``s`` as it reads after UTF-8 bytes were decoded as cp1252 (undecodable chars kept).

    >>> mojibake("it’s café")
    'itâ€™s cafÃ©'
    """
    out = []
    for ch in s:
        if ord(ch) < 128:
            out.append(ch)
            continue
        try:
            out.append(ch.encode("utf-8").decode("cp1252"))
        except UnicodeDecodeError:
            out.append(ch)
    return "".join(out)


class Maker:
    """Makes varied documents from article paragraphs, with injected faults."""

    def __init__(self, articles: list[list[str]], debris: list[str], seed: int = 1,
                 debris_rate: float = 0.03, mojibake_rate: float = 0.01, names_rate: float = 0.02,
                 typo_rate: float = 0.02):
        self.articles = articles
        self.debris = debris or list(BUILTIN_DEBRIS)
        self.rng = random.Random(seed)
        self.rates = (debris_rate, mojibake_rate, names_rate, typo_rate)
        self.injected = {"debris": 0, "mojibake": 0, "names": 0, "typography": 0}

    def _vary(self, para: str) -> str:
        rng = self.rng
        para = DIGITS.sub(lambda m: str(rng.randrange(1, 10 ** min(len(m.group()), 4))), para)
        if rng.random() < 0.3:
            words = para.split(" ")
            if len(words) > 8:
                i, j = rng.randrange(len(words)), rng.randrange(len(words))
                words[i], words[j] = words[j], words[i]
                para = " ".join(words)
        return para

    def _inject(self, paras: list[str]) -> list[str]:
        rng = self.rng
        d, m, n, t = self.rates
        out = []
        for para in paras:
            r = rng.random()
            if r < d:
                out.append(rng.choice(self.debris))
                self.injected["debris"] += 1
            r = rng.random()
            if r < m:
                s = para if any(ord(c) > 127 for c in para) else para.replace("'", "’", 2) + " — “as reported”"
                para = mojibake(s)
                self.injected["mojibake"] += 1
            r = rng.random()
            if r < n:
                group = rng.choice(NAME_GROUPS)
                para += " " + rng.choice(NAME_SENTENCES).format(rng.choice(group))
                self.injected["names"] += 1
            r = rng.random()
            if r < t:
                a, b = rng.choice(TYPO_SLIPS)
                para = para.replace(a, b, 1)
                self.injected["typography"] += 1
            out.append(para)
        return out

    def document(self, size: int, markdown: bool = False) -> str:
        """One document of about ``size`` characters."""
        rng = self.rng
        art = rng.choice(self.articles)
        i = rng.randrange(len(art))
        paras, n = [], 0
        while n < size:
            p = self._vary(art[i % len(art)])
            paras.append(p)
            n += len(p) + 2
            i += 1
            if i % len(art) == 0:
                art = rng.choice(self.articles)
        paras = self._inject(paras)
        if markdown:
            title = " ".join(paras[0].split()[:8]).rstrip(".,;:")
            paras.insert(0, "# " + title)
            if len(paras) > 4 and rng.random() < 0.5:
                paras.insert(3, "## " + " ".join(paras[3].split()[:5]).rstrip(".,;:"))
        return "\n\n".join(paras) + "\n"

    def size(self) -> int:
        """A file size: mostly 2-8 KB, a few larger, about 5 KB on average."""
        return int(min(40_000, max(600, self.rng.lognormvariate(8.3, 0.55))))


def build_tree(folder: Path, maker: Maker, total: int, files_per_dir: int = 1000) -> dict:
    """Write about ``total`` bytes of .txt/.md files below ``folder``; returns a summary."""
    folder.mkdir(parents=True, exist_ok=True)
    n = size = 0
    while size < total:
        md = maker.rng.random() < 0.4
        d = folder / f"d{n // files_per_dir:03d}"
        if n % files_per_dir == 0:
            d.mkdir(exist_ok=True)
        data = maker.document(maker.size(), markdown=md).encode("utf-8")
        (d / f"f{n:05d}.{'md' if md else 'txt'}").write_bytes(data)
        n += 1
        size += len(data)
    return {"files": n, "bytes": size}


def build_file(path: Path, maker: Maker, total: int) -> dict:
    """One text file of about ``total`` bytes (documents one after the other)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    size = 0
    with open(path, "wb") as fh:
        while size < total:
            data = maker.document(maker.size()).encode("utf-8") + b"\n"
            fh.write(data)
            size += len(data)
    return {"files": 1, "bytes": size}


def build_commit(folder: Path, maker: Maker, n: int = 10, size: int = 5000) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        md = i % 3 == 2
        data = maker.document(size, markdown=md).encode("utf-8")
        (folder / f"change{i:02d}.{'md' if md else 'txt'}").write_bytes(data)
        total += len(data)
    return {"files": n, "bytes": total}


def build_all(out: Path, source: Path, sizes: dict, seed: int = 1) -> dict:
    """Build (or reuse, when the manifest matches) every corpus below ``out``."""
    phrases = pack_phrases()
    spec = {"source": str(source), "sizes": sizes, "seed": seed, "phrases": len(phrases),
            "version": 3}
    manifest = out / "manifest.json"
    if manifest.exists():
        try:
            old = json.loads(manifest.read_text())
            if old.get("spec") == spec:
                return old
        except ValueError:
            pass
    import shutil
    for name in ("commit", "commit-clean", "tree", "quarter", "big"):
        shutil.rmtree(out / name, ignore_errors=True)
    articles = load_articles(source)
    info: dict = {"spec": spec}
    maker = Maker(articles, phrases, seed)
    info["commit"] = build_commit(out / "commit", maker)
    clean = Maker(articles, phrases, seed + 4, 0.0, 0.0, 0.0, 0.0)
    info["commit-clean"] = build_commit(out / "commit-clean", clean)
    maker = Maker(articles, phrases, seed + 1)
    info["tree"] = build_tree(out / "tree", maker, sizes["tree"])
    info["tree"]["injected"] = dict(maker.injected)
    maker = Maker(articles, phrases, seed + 2)
    info["quarter"] = build_tree(out / "quarter", maker, sizes["tree"] // 4)
    maker = Maker(articles, phrases, seed + 3)
    info["big"] = build_file(out / "big" / "big.txt", maker, sizes["big"])
    info["articles"] = len(articles)
    manifest.write_text(json.dumps(info, indent=1))
    return info


def write_phrases(path: Path) -> int:
    """The grep -F phrase file: the D packs' phrases (else the built-in list); returns the count."""
    phrases = pack_phrases() or list(BUILTIN_DEBRIS)
    path.write_text("\n".join(phrases) + "\n", encoding="utf-8")
    return len(phrases)


if __name__ == "__main__":  # pragma: no cover
    print(len(pack_phrases()), "pack phrases")
