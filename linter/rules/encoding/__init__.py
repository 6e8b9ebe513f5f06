"""E: encoding and Unicode damage (mojibake, entities, invisible and control characters)."""

from linter.rules.encoding.file_encoding import NonUtf8File
from linter.rules.encoding.mojibake import Mojibake

RULES: tuple = (
    Mojibake,
    NonUtf8File,
)
