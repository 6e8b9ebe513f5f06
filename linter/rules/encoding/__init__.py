"""E: encoding and Unicode damage (mojibake, entities, invisible and control characters)."""

from linter.rules.encoding.compat import FullwidthLatin, LatinLigature
from linter.rules.encoding.controls import ControlCharacter
from linter.rules.encoding.entities import DoubleEscapedEntity, HtmlEntity
from linter.rules.encoding.file_encoding import NonUtf8File
from linter.rules.encoding.invisible import InvisibleCharacter, StrayBidiControl
from linter.rules.encoding.mojibake import Mojibake
from linter.rules.encoding.normalization import DecomposedLetter
from linter.rules.encoding.replacement import ReplacementCharacter

RULES: tuple = (
    Mojibake,
    HtmlEntity,
    DoubleEscapedEntity,
    ControlCharacter,
    InvisibleCharacter,
    StrayBidiControl,
    ReplacementCharacter,
    DecomposedLetter,
    LatinLigature,
    FullwidthLatin,
    NonUtf8File,
)
