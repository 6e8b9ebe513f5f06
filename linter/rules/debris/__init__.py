"""D: scraping debris left in text after extraction (site chrome, counters, teasers, captions)."""

from linter.rules.debris.comments import CommentNotice, CommentSection, CommentThread

RULES: tuple = (
    CommentSection,
    CommentThread,
    CommentNotice,
)
