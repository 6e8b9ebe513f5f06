"""D103: an outlet's masthead (its name, often fused with its slogan) left as a line."""

from __future__ import annotations

from linter.core.findings import Fix

from linter.core.rule import Rule
from linter.rules.debris import packs


class Masthead(Rule):
    """A line that is a known outlet's masthead: its name with its slogan, or either alone.

    What it does:
        Flags lines that are exactly the name of a site from the debris packs' ``[[site]]``
        entries with its slogan, joined or fused (``The Washington PostDemocracy Dies in
        Darkness``), or the name or the slogan alone (``The Washington Post``).

    Why is this bad?
        The masthead is the page's logo text; an extractor that keeps it puts the outlet's
        name and motto above the headline as if they were text of the article.

    Example:
        ```text
        The Washington PostDemocracy Dies in Darkness

        Blinken denies missile incident shows communication rift with Ukraine
        ```
        The first line goes; the headline stays.

    Fix safety:
        A name with its slogan on a line of their own is never prose: the fix, deleting
        the line, is safe. A bare name or slogan could be a credit line or a quoted
        motto, so deleting it is unsafe.
    """

    code = "D103"
    name = "masthead"
    summary = "Outlet masthead (name and slogan) left as a line"
    fix_safety = "sometimes"

    def check(self, doc, ctx):
        hits = packs.scan(doc, ctx).masthead
        for i in sorted(hits):
            site, slogan = hits[i]
            start, end = doc.line_span(i)
            edit = packs.scan(doc, ctx).delete_edit(doc, i)
            if slogan:
                yield self.finding(start, end, f"masthead of {site.name} with its slogan",
                                   Fix.safe("Delete the masthead line", edit))
            else:
                yield self.finding(start, end, f"line is only the name or slogan of {site.name}",
                                   Fix.unsafe("Delete the masthead line", edit))
