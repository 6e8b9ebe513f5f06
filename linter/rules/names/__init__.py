"""N: inconsistent transliterations and renamings (Kiev/Kyiv, Zelensky/Zelenskyy)."""

from linter.rules.names.consistency import InconsistentNameSpelling
from linter.rules.names.discovery import NameVariantDiscovered

RULES: tuple = (InconsistentNameSpelling, NameVariantDiscovered)
