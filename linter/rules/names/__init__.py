"""N: inconsistent transliterations and renamings (Kiev/Kyiv, Zelensky/Zelenskyy)."""

from linter.rules.names.consistency import InconsistentNameSpelling

RULES: tuple = (InconsistentNameSpelling,)
