"""Every pattern a run compiles is the same text from one run to the next.

The compiled-pattern cache (linter/core/coldstart.py) is keyed by pattern text: a pattern
built from a set in hash order would miss the cache and rewrite it on every run, and two
runs would not be byte-for-byte the same program.
"""

import os
import subprocess
import sys
from pathlib import Path

from linter.core import coldstart

ROOT = Path(__file__).resolve().parents[1]


def _compiled_patterns(tmp_path: Path, seed: str) -> set:
    table_file = tmp_path / f"regex-{seed}.marshal"
    env = {**os.environ, "PYTHONHASHSEED": seed, "TEXTHYGIENE_REGEX_CACHE": str(table_file),
           "TEXTHYGIENE_NO_CACHE": "1"}
    env.pop("TEXTHYGIENE_NO_REGEX_CACHE", None)
    proc = subprocess.run([sys.executable, "-m", "linter", "check", "--isolated", "--jobs", "1",
                           "--unsafe-fixes", str(ROOT / "examples")],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr
    table = coldstart.load(str(table_file), coldstart._tag())
    return {key for key in table if isinstance(key, tuple) and key and key[0] in ("re", "regex")}


def test_patterns_do_not_depend_on_hash_order(tmp_path):
    first = _compiled_patterns(tmp_path, "1")
    second = _compiled_patterns(tmp_path, "2")
    assert first, "the run compiled no pattern through the cache"
    only_one = sorted((k[1][:120] for k in first ^ second), key=str)
    assert not only_one, f"patterns that differ with the hash seed: {only_one}"
