"""D: scraping debris left in text after extraction (site chrome, counters, teasers, captions)."""

from linter.rules.debris.bylines import AboutBoilerplate, Byline, Dateline, Kicker, LegalNotice, SignOff, SourceNote
from linter.rules.debris.captions import PhotoCaption
from linter.rules.debris.chrome import ChromeLine, ChromeSpan
from linter.rules.debris.comments import CommentNotice, CommentSection, CommentThread
from linter.rules.debris.counters import EngagementCounter
from linter.rules.debris.embeds import SocialEmbed
from linter.rules.debris.fused import FusedChrome
from linter.rules.debris.markup import EditLink, EmptyMarkup, TableRule
from linter.rules.debris.masthead import Masthead
from linter.rules.debris.navigation import LinkLine, NavigationRow, TagList, TrailingLinkList
from linter.rules.debris.promo import CallToAction, ClosableNotice, PromoBox, TailPromo
from linter.rules.debris.teasers import RelatedTeaser, SlideshowItems, TeaserCard
from linter.rules.debris.title_suffix import TitleSiteSuffix

RULES: tuple = (
    ChromeLine,
    ChromeSpan,
    Masthead,
    EngagementCounter,
    FusedChrome,
    TitleSiteSuffix,
    PhotoCaption,
    NavigationRow,
    TagList,
    TrailingLinkList,
    LinkLine,
    RelatedTeaser,
    SlideshowItems,
    TeaserCard,
    TailPromo,
    PromoBox,
    CallToAction,
    ClosableNotice,
    CommentSection,
    CommentThread,
    CommentNotice,
    Byline,
    Dateline,
    AboutBoilerplate,
    SourceNote,
    LegalNotice,
    Kicker,
    SignOff,
    SocialEmbed,
    EmptyMarkup,
    TableRule,
    EditLink,
)
