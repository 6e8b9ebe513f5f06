"""The lazy ``re``/``regex`` stand-ins, now in :mod:`linter.core.lazy` (kept importable here)."""

from linter.core.lazy import lazy, re, regex  # noqa: F401
