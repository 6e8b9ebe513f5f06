"""The plain git pre-commit hook (for repositories without the pre-commit framework).

``hooks/pre-commit`` in the source tree is this script; ``texthygiene install-hook`` writes
it into the repository's hooks folder with the installing Python filled in.
"""

from __future__ import annotations

import os
import subprocess
import sys

MARKER = "texthygiene pre-commit hook"
PYTHON_LINE = 'TEXTHYGIENE_PYTHON=""'

SCRIPT = """#!/bin/sh
# texthygiene pre-commit hook (written by `texthygiene install-hook`).
# Checks the staged content of prose files (the index, not the working tree) and stops
# the commit when texthygiene finds something. Fix with `texthygiene fix`, `git add`, commit.
# Skip it once with `git commit --no-verify`.
TEXTHYGIENE_PYTHON=""
if [ -n "$TEXTHYGIENE_PYTHON" ] && [ -x "$TEXTHYGIENE_PYTHON" ]; then
  exec "$TEXTHYGIENE_PYTHON" -m linter check --staged
fi
if command -v texthygiene >/dev/null 2>&1; then
  exec texthygiene check --staged
fi
echo "texthygiene pre-commit hook: texthygiene is not installed; pip install texthygiene, or delete this hook" >&2
exit 2
"""


class HookError(Exception):
    """Installing the hook is not possible; the message says why and what to do."""


def script_for(python: str) -> str:
    """The hook script with ``python`` as the interpreter to try first."""
    return SCRIPT.replace(PYTHON_LINE, f'TEXTHYGIENE_PYTHON="{python}"')


def hooks_dir(cwd: str = ".") -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--git-path", "hooks"], cwd=cwd,
                             capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        raise HookError("not inside a git repository; run it from your repository") from None
    return os.path.join(cwd, out) if not os.path.isabs(out) else out


def install(cwd: str = ".", force: bool = False, python: str | None = None) -> str:
    """Write the hook; refuses to replace a hook that texthygiene did not write."""
    folder = hooks_dir(cwd)
    path = os.path.join(folder, "pre-commit")
    if os.path.exists(path) and not force:
        with open(path, encoding="utf-8", errors="replace") as fh:
            if MARKER not in fh.read():
                raise HookError(f"{path} exists and was not written by texthygiene; add "
                                "`texthygiene check --staged` to it yourself, or use --force")
    os.makedirs(folder, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(script_for(python or sys.executable))
    os.chmod(path, 0o755)
    return path
