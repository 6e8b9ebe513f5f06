"""E: encoding and Unicode damage (mojibake, entities, invisible and control characters)."""

RULES: tuple = ()
