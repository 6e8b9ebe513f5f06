"""E: encoding and Unicode damage (mojibake, entities, invisible and control characters)."""

from linter.rules.encoding.file_encoding import NonUtf8File

RULES: tuple = (
    NonUtf8File,
)
