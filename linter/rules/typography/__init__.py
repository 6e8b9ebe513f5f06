"""P: punctuation and typography slips (doubled quotes, fused words, spacing)."""

from linter.rules.typography.fused import FusedNumber, FusedWords, MissingSentenceBreak
from linter.rules.typography.spacing import (DoubledSpace, MissingSpaceAfterPunctuation,
                                             TrailingWhitespace)
from linter.rules.typography.quotes import (DoubledAsciiQuote, DoubledCurlyQuote,
                                            MixedQuoteStyle)

RULES: tuple = (
    DoubledCurlyQuote,
    DoubledAsciiQuote,
    MixedQuoteStyle,
    FusedWords,
    FusedNumber,
    MissingSentenceBreak,
    MissingSpaceAfterPunctuation,
    DoubledSpace,
    TrailingWhitespace,
)
