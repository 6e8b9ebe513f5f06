"""Helpers shared by the tests: run rules on a string, run the real CLI as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from linter import engine
from linter.config import default_context
from linter.core.document import Document
from linter.rules import registry, resolve

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
CORPUS = SHARED / "corpus"


def rules_for(select):
    codes = resolve(select=list(select) if select else None)
    return [registry()[c]() for c in sorted(codes)]


def lint(text: str, select=None, path: str = "doc.txt", options: dict | None = None):
    """Findings of the selected rules (all default rules when ``select`` is None) on ``text``."""
    doc = Document.from_text(text, path=path)
    return engine.check(doc, rules_for(select), default_context(options))


def codes(text: str, select=None, path: str = "doc.txt", options: dict | None = None) -> list[str]:
    return [f.code for f in lint(text, select, path, options)]


def fix(text: str, select=None, unsafe: bool = False, path: str = "doc.txt",
        options: dict | None = None) -> str:
    """The text after ``fix`` (safe fixes only unless ``unsafe``)."""
    doc = Document.from_text(text, path=path)
    result = engine.fix(doc, rules_for(select), default_context(options), unsafe=unsafe)
    return result.fixed.to_text()


def run_cli(*args: str, cwd=None, input: str | bytes | None = None, env: dict | None = None):
    """Run ``python -m linter ARGS`` as a real subprocess; returns CompletedProcess (text mode)."""
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    full_env.setdefault("TEXTHYGIENE_NO_CACHE", "1")
    full_env.pop("GITHUB_ACTIONS", None)
    if env:
        extra_path = env.get("PYTHONPATH")
        full_env.update(env)
        if extra_path:
            full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + extra_path
    return subprocess.run([sys.executable, "-m", "linter", *args], cwd=cwd, env=full_env,
                          input=input, capture_output=True,
                          text=not isinstance(input, bytes), timeout=120)


def damaged_corpus_lines(words_per_line: int, seed: int = 7, articles: int = 60):
    """Lines of 80+ characters of the shared corpus's first ``articles`` articles, each with
    up to ``words_per_line`` random words read as Windows-1252 (UTF-8 mojibake), kept when
    E101's prefilter suspects them: ``(damaged, ftfy's repair)``. None at all without the
    corpus (callers skip)."""
    import random

    from linter.rules.encoding.gate import suspect_lines
    from linter.rules.encoding.repair import _plan_of

    paths = sorted((CORPUS / "articles").glob("*"))[:articles] if CORPUS.exists() else []
    rng = random.Random(seed)
    for path in paths:
        for line in path.read_text(encoding="utf-8").split("\n"):
            if len(line) < 80:
                continue
            words = line.split(" ")
            for k in rng.sample(range(len(words)), min(words_per_line, len(words))):
                words[k] = words[k].encode("utf-8").decode("cp1252", errors="replace")
            damaged = " ".join(words)
            if suspect_lines(damaged):
                yield damaged, _plan_of(damaged)[0]
