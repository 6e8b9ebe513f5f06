"""Word lists that several debris modules read: kept here, apart from the rules and the
shared scans, so each can import them at the top without importing the other."""

from __future__ import annotations

#: the picture agencies and sources a credit names, each with the longer forms of its name
#: (the first word of each is what :data:`AGENCY_NAMES` holds)
AGENCIES = (r"Reuters", r"AP", r"AFP", r"EPA(?:-EFE)?", r"Getty\s+Images", r"Getty", r"Shutterstock",
            r"iStock(?:photo)?", r"Alamy", r"Bloomberg", r"PA(?:\s+(?:Wire|Images))?", r"ANP", r"dpa", r"Xinhua",
            r"Sipa(?:\s+USA)?", r"Zuma(?:\s+Press)?", r"Corbis", r"Keystone", r"NurPhoto", r"Anadolu(?:\s+Agency)?",
            r"TASS", r"Pool", r"Handout", r"Wikimedia\s+Commons", r"Unsplash", r"Pexels")


def leading_word(pattern: str) -> str:
    """The word a pattern opens with, its leading letters (``Getty\\s+Images``: ``Getty``)."""
    end = 0
    while end < len(pattern) and pattern[end].isalpha():
        end += 1
    return pattern[:end]


#: the word each agency's name opens with, once each, in order
AGENCY_NAMES = tuple(dict.fromkeys(map(leading_word, AGENCIES)))
