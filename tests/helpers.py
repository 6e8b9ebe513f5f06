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
