"""D: scraping debris left in text after extraction (site chrome, counters, teasers, captions)."""

from linter.rules.debris.comments import CommentNotice, CommentSection, CommentThread
from linter.rules.debris.teasers import RelatedTeaser, SlideshowItems

RULES: tuple = (
    RelatedTeaser,
    SlideshowItems,
    CommentSection,
    CommentThread,
    CommentNotice,
)
