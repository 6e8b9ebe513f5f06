"""D: scraping debris left in text after extraction (site chrome, counters, teasers, captions)."""

from linter.rules.debris.bylines import AboutBoilerplate, Byline, Dateline, SourceNote
from linter.rules.debris.captions import PhotoCaption
from linter.rules.debris.comments import CommentNotice, CommentSection, CommentThread
from linter.rules.debris.markup import EmptyMarkup, TableRule
from linter.rules.debris.promo import CallToAction, PromoBox, TailPromo
from linter.rules.debris.teasers import RelatedTeaser, SlideshowItems

RULES: tuple = (
    PhotoCaption,
    RelatedTeaser,
    SlideshowItems,
    TailPromo,
    PromoBox,
    CallToAction,
    CommentSection,
    CommentThread,
    CommentNotice,
    Byline,
    Dateline,
    AboutBoilerplate,
    SourceNote,
    EmptyMarkup,
    TableRule,
)
