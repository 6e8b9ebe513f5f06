"""N: inconsistent transliterations and renamings (Kiev/Kyiv, Zelensky/Zelenskyy)."""

RULES: tuple = ()
