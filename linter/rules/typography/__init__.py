"""P: punctuation and typography slips (doubled quotes, fused words, spacing)."""

RULES: tuple = ()
