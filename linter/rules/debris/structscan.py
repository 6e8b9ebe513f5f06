"""One scan per document for the line gates of the structural debris rules.

The rules of ``captions``, ``navigation``, ``teasers`` and ``promo`` each found their
candidate lines with their own :func:`~linter.rules.debris.layout.candidate_lines` scans
(ten C passes over every document). :func:`line_gates` finds them all in one pass over the
newlines of the lowercased, plain-spaced text (the text those scans read):

- a line *start* gate (``\\n[ \\t]*word...``) is tried only where the line opens with one of
  the gates' words (a trie of their literals, which ``re`` rejects in a step or two), and
  then each such gate's own pattern is matched there in a lookahead;
- a line *end* gate (``X[ \\t]*\\n``, X a closing parenthesis, an ellipsis, an arrow or a
  close button) is read off the characters before the newline;
- the *foot* gates of ``bylines``, ``markup`` and ``embeds`` (source notes, sign-offs, empty
  items, icon lines, embedded posts: ``bylines.foot_lines``) are start gates opening with
  :data:`FOOT_OPENERS` or an icon, found in the same pass.

The result is what ``candidate_lines(doc, gate)`` gives for each gate (the tests compare);
when the text cannot be lowercased in place (see ``lowered``) each gate runs on its own.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from linter.core.document import Document, per_text
from linter.rules.debris.layout import candidate_lines, lower_gate, lowered, plain_spaces
from linter.rules.debris.wordlists import AGENCY_NAMES as _AGENCY_NAMES

#: the line end gates: name -> the characters the line closes on (before spaces and tabs)
END_GATES = {
    "paren": (")",),
    "ellipsis": ("…", "..."),
    "arrow": (">>", "»", "›", "→", "⟶", "➔", "➜", "▸"),
    "close": ("×", "✕", "✖", "╳"),
}
_END_OF = {}
for _name, _tails in END_GATES.items():
    for _t in _tails:
        _END_OF[_t[-1]] = _END_OF.get(_t[-1], ()) + (_name,)
#: a newline after one of the end gates' last characters (or after a space: then the line
#: is read in Python)
_END = r"(?<=[" + re.escape("".join(k for k in _END_OF if k != ".") + "> \t") + r"]\n)|(?<=\.\.\.\n)"

#: the words the start gates open with (after indent and bullets), lowercase; a gate's line
#: opens with one of them (or with a digit), so the trie of them lets through every line a
#: gate can match: keep in step with the gates (the tests check every gate's positives)
START_WORDS = """
( © all top main lead header featured cover photo picture image illustration graphic video foto bild crédit credit
media
related read see more also watch listen lire à lesen mehr leia veja lea leggi
slide topics tag filed categor labels keywords schlagw themen étiquettes mots-clés etiquetas temas 标签 タグ
you recommended most trending editor don up what other latest from around sponsored promoted today elsewhere das
sur noticias articoli 相关 精彩 推荐 热门 関連 おすすめ 관련
subscribe follow like join sign register download get share click tap visit check support become donate bookmark
try stay abonnieren folgen suivez abonnez siga síguenos suscríbete install inscreva
""".split() + [name.lower() for name in _AGENCY_NAMES] + ["in case", "in\tcase", "te ", "te\t"]

#: the words the *trigger* groups open with (see :func:`_triggers`), after a bullet, "#" or
#: the marks of FOOT_OPENERS (a digit opens a line for all): the line starts of the view
#: patterns of D250, D251, D252 and D240, a space, a tab or a colon after the words their
#: rules' own patterns need it after; keep in step with those patterns
TRIGGER_WORDS = [w + end for w in """
by par por von di door av af przez written words reporting publié veröffentlicht
""".split() for end in " \t:"] + [w + end for w in """
vor il hace há reader user show view load loading read see leave post add write submit join discussion no
einen laisser laissez écrire ajouter deja deixe deixa escribe escreva
""".split() for end in " \t"] + """
posted published publicado updated last aktualisiert mon tue wed thu fri sat sun montag dienstag mittwoch donnerstag freitag samstag sonntag lundi
mardi mercredi jeudi vendredi samedi dimanche jan feb févr fev mar märz apr avr abr may mai jun juin jul juil aug août
ago sep set oct okt out nov dec dez déc dic
about über à acerca sobre sull media press investor
comment kommentar coment reacties komentá komentarz коммент комент yorum hozzászól schreib 留言 发表 网友 评论 評論 コメント 댓글
""".split()
#: the relative dates D251 reads ("a day ago", "an hour ago", "one week ago"), the other trigger
#: openers: a, an or one, a unit, "ago"
TRIGGER_OPENERS = r"(?:an?|one)[ \t]*[a-z]{1,7}[ \t]+ago"
#: the longest stripped line a trigger's rule reads (the widest view): a trigger is tried
#: only on a line whose character after that many (from its first non-space) is a space
#: or the line end (a superset: the rules test the length)
TRIGGER_LIMIT = 160


def trie_regex(words) -> str:
    """An alternation of the literal ``words`` factored by leading characters, so that ``re``
    rejects a position after one test per distinct first character. A word that another
    word begins is left out (the shorter one matches first).

    >>> trie_regex(["in", "install", "ap", "afp"])
    'a(?:fp|p)|in'
    """
    words = sorted(set(words))
    words = [w for w in words if not any(w != v and w.startswith(v) for v in words)]

    def build(ws: list[str]) -> str:
        groups: dict[str, list[str]] = {}
        for w in ws:
            groups.setdefault(w[:1], []).append(w[1:])
        parts = []
        for ch, rest in sorted(groups.items()):
            sub = build(rest) if rest != [""] else ""
            parts.append(re.escape(ch) + (f"(?:{sub})" if "|" in sub else sub))
        return "|".join(parts)

    return build(words)


try:  # the parser of ``re`` (private, as ``layout`` uses ``re._casefix``)
    from re import _parser as _sre
except ImportError:  # Python 3.10
    import sre_parse as _sre  # type: ignore[no-redef]

_CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_SPACE: r"\s", _sre.CATEGORY_WORD: r"\w"}


def first_class(pattern: str) -> str | None:
    """A character class holding every character a match of ``pattern`` can open with
    (a superset); None when that is not known (the pattern may match the empty string, or
    opens with an assertion, a negated class, any character...).

    >>> print(first_class(r"(?:[-*]+[ \\t]*)?(?:ab|c\\d)|\\d|[x-z]"))
    [\\*\\-acx-z\\d]
    >>> first_class(r"a?"), first_class(r"(?=a)a"), first_class(r"[^a]"), first_class(r"(?i:a)")
    (None, None, None, None)
    """
    parsed = _sre.parse(pattern)
    items = None if parsed.state.flags & re.IGNORECASE else _first_items(parsed)
    if items is None:
        return None
    chars = sorted({i for i in items if isinstance(i, tuple)})
    parts = [re.escape(chr(a)) if a == b else re.escape(chr(a)) + "-" + re.escape(chr(b)) for a, b in chars]
    return "[" + "".join(parts) + "".join(sorted({i for i in items if isinstance(i, str)})) + "]"


def _first_items(seq) -> list | None:
    """The first characters of the parsed pattern ``seq``: ``(low, high)`` code point ranges
    and category escapes; None when unknown (see :func:`first_class`)."""
    out: list = []
    for op, av in seq:
        if op is _sre.LITERAL:
            return out + [(av, av)]
        if op is _sre.IN:
            for o, a in av:
                if o is _sre.LITERAL:
                    out.append((a, a))
                elif o is _sre.RANGE:
                    out.append(a)
                elif o is _sre.CATEGORY and a in _CATEGORIES:
                    out.append(_CATEGORIES[a])
                else:  # a negation, another category
                    return None
            return out
        if op is _sre.BRANCH:
            for alt in av[1]:
                got = _first_items(alt)
                if got is None:
                    return None
                out += got
            return out
        if op is _sre.SUBPATTERN:
            got = None if av[1] & re.IGNORECASE else _first_items(av[-1])
            return None if got is None else out + got
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            got = _first_items(av[2])
            if got is None:
                return None
            out += got
            if av[0] >= 1:
                return out
            continue  # may be skipped: what follows may open the match too
        return None
    return None  # the pattern may match the empty string


def _gates() -> tuple[dict, dict, dict]:
    """The start gates, the end gates (name -> pattern) and the foot gates (name -> pattern
    read on the lowercased text: case-insensitive ones as their twins, the others as they
    are) of the rules that own them (imported late: those modules import this one). The
    foot gates (D253's source notes, D256's sign-offs, D260's empty items and icon lines,
    the two line starts of D270's embedded posts) open with :data:`FOOT_OPENERS`."""
    from linter.rules.debris import bylines, captions, embeds, markup, navigation, promo, teasers

    start = {"caption": captions.GATES[1], "teaser_label": teasers.TEASER_LABEL_GATE,
             "slide": teasers.SLIDE_GATE, "tag": navigation.TAG_GATE, "tail": promo.TAIL_GATE,
             "cta": promo.CTA_GATE}
    end = {"paren": captions.GATES[0], "ellipsis": teasers.ELLIPSIS_GATE, "arrow": navigation.ARROW_GATE,
           "close": promo.CLOSE_GATE}
    foot = {"source": bylines.SOURCE_GATE, "sign": bylines.SIGN_OFF_GATE, "empty": markup.EMPTY_GATE,
            "icon": markup.ICON_LINE_GATE, "insta": embeds.INSTAGRAM_START, "tweet": embeds.TWEET_START}
    return start, end, foot


def _triggers() -> dict:
    """The trigger groups: name -> the view pattern of a rule that reads short stripped lines
    (a :class:`~linter.rules.debris.bylines.ShortLines` view), matched in the scan after the
    line's indent. Unlike a gate, a trigger finds a superset of the lines its rule reports
    (the lines its view pattern finds, long lines too; the tests check every rule's
    positives), so that the rule needs no view of its own when the text is lowercased."""
    from linter.rules.debris import bylines, comments

    return {"t_byline": bylines.BYLINE_VIEW, "t_dateline": bylines.DATELINE_VIEW, "t_about": bylines.ABOUT_VIEW,
            "t_heading": comments.HEADING_VIEW}


#: the words and characters a line opens with (after its indent) when one of the foot gates
#: can match it (lowercase; keep in step with the gates), besides the icons of D260
FOOT_OPENERS = (r"[-*•+·][ \t]*(?:\n|\Z)|[|—–\[]|-(?=[^\n]*\(@)|originally|this[ \t]+[aspe]|a\s+[vp]|republished|reprinted"
                r"|原标题|责任编辑|une\s|ein\s|una\s")


_SCAN: list = []


def _scanner():
    """``(pattern, start gate names, start gates, end gates, first-line test, foot gates)``:
    compiled once."""
    if not _SCAN:
        from linter.rules.debris.markup import ICONS

        from linter.rules.debris.bylines import _twin

        gates, ends, foot = _gates()
        triggers = _triggers()
        names = [*gates, *foot, *triggers]
        bodies = []
        for name, gate in [*gates.items(), *foot.items()]:
            gate = gate.compiled() if hasattr(gate, "compiled") else gate
            if name in gates:
                assert gate.flags & re.IGNORECASE, name
            twin = lower_gate(gate) if gate.flags & re.IGNORECASE else gate
            assert twin is not None and twin.pattern.startswith("\\n"), name
            bodies.append(twin.pattern[2:])
        for name, view in triggers.items():
            twin = _twin(view)
            assert twin is not None and twin.pattern.startswith("\\n"), name
            bodies.append(r"[ \t]*" + twin.pattern[2:])
        # where a line opens like a gate or a trigger (the first test at every newline), like
        # a gate (then the gates are tried) and like a trigger (then the triggers, on a short line)
        opens = (r"(?=[ \t]*(?:(?:[-*•#·—–]+[ \t]*)?(?:" + trie_regex(START_WORDS + TRIGGER_WORDS) + r"|\d|"
                 + TRIGGER_OPENERS + ")"
                 rf"|[{ICONS}]|{FOOT_OPENERS}))")
        gate_opens = (r"(?=[ \t]*(?:(?:[-*•#]+[ \t]*)?(?:" + trie_regex(START_WORDS) + r"|\d{1,3}[ \t]*[/ovds])"
                      rf"|[{ICONS}]|{FOOT_OPENERS}))")
        trigger_opens = r"(?=[ \t]*(?:[-*•#·—–]+[ \t]*)?(?:" + trie_regex(TRIGGER_WORDS) + r"|\d|" + TRIGGER_OPENERS + "))"
        short = rf"(?=[ \t]*(?![^\n]{{{TRIGGER_LIMIT}}}[^\n \t]))"
        # (the empty groups _g and _t tell which of the two sets of groups were tried; a group
        # is tried only on a line whose first character can open it)
        tries = [_try(n, b) for n, b in zip(names, bodies)]
        caps = ("(?:" + gate_opens + "(?P<_g>)" + "".join(t for n, t in zip(names, tries) if n not in triggers)
                + ")?(?:" + trigger_opens + short + "(?P<_t>)"
                + "".join(t for n, t in zip(names, tries) if n in triggers) + ")?")
        # a match needs a start gate's match or an end gate's character: fail otherwise
        need = "(?<=\n)"
        for n in reversed(names):
            need = f"(?({n})|{need})"
        need = need.replace("(?<=\n)", f"(?:{_END})")
        # most lines (blank ones, prose) fail a test of their first character, one step for
        # re where ``opens`` takes many
        guard = first_class(opens[len(r"(?=[ \t]*"):-1])
        guard = rf"(?=[ \t]*{guard})" if guard else ""
        pattern = re.compile(r"\n(?:(?:" + _END + ")(?P<end>)|" + guard + opens + ")" + caps + need)
        # the first line has no newline before it: tried only when it opens like a gate
        first = re.compile(opens[3:-1])
        index = pattern.groupindex
        groups = tuple((index[flag], tuple((index[n], n) for n in names if (n in triggers) == tried))
                       for flag, tried in (("_g", False), ("_t", True)))
        _SCAN.extend((pattern, names, gates, ends, first, foot, groups))
    return _SCAN


def _try(name: str, body: str) -> str:
    """The lookahead that sets group ``name`` where ``body`` matches and always succeeds,
    testing first the characters ``body`` can open with (:func:`first_class`).

    >>> _try("x", "ab|c"), _try("y", "a?")
    ('(?=(?:(?=[ac])(?P<x>ab|c))?)', '(?=(?P<y>a?)?)')
    """
    first = first_class(body)
    return f"(?=(?:(?={first})(?P<{name}>{body}))?)" if first else f"(?=(?P<{name}>{body})?)"


_LAST: dict = {}


def last_doc(key: str, doc: Document, build):
    """``build(doc)``, kept for the document text last asked about under ``key`` (a
    one-document cache, see :func:`~linter.core.document.per_text`)."""
    return per_text(doc, key, build, _LAST)


class LineGates(dict):
    """Gate name -> candidate lines (0-based, in order); ``scanned``: whether the lowercased
    text was scanned (else each gate ran on its own, and the triggers not at all)."""

    scanned = False

    def __missing__(self, key):
        return []


class LineGate:
    """A :attr:`Rule.gate` for a rule that reads only the lines of some groups of the shared
    line scan (``names``): it fails when the scan of the text, made by an earlier rule, found
    none, so that the engine does not call the rule. When the scan of the text is not made
    (the rule runs first) or not in one scan (see :func:`line_gates`), it holds, or tests ``fallback`` (a
    tuple of strings, one of which any page the rule reports on holds).

    >>> doc = Document.from_text("Text\\nOriginally published at x\\n")
    >>> gate = LineGate("source")
    >>> gate.search(doc.text), bool(line_gates(doc)["source"]), gate.search(doc.text)
    (True, True, True)
    >>> doc = Document.from_text("Text\\n"); _ = line_gates(doc); gate.search(doc.text)
    """

    def __init__(self, *names: str, fallback: tuple = ()):
        self.names, self.fallback = names, fallback

    def search(self, text: str) -> bool | None:
        kept = _LAST.get("line-gates")
        if kept is None or kept[0] is not text or not kept[1].scanned:
            return True if not self.fallback or any(f in text for f in self.fallback) else None
        found = kept[1]
        return True if any(found.get(n) for n in self.names) else None

    def __repr__(self) -> str:
        return f"LineGate{self.names!r}"


def line_gates(doc: Document) -> LineGates:
    """The candidate lines of every structural line gate in ``doc`` (see :func:`last_doc`).

    >>> g = line_gates(Document.from_text("Photo: AP\\nRead more: A story\\nText (Reuters)\\nNext →\\n"))
    >>> g["caption"], g["teaser_label"], g["paren"], g["arrow"]
    ([0], [1], [2], [3])
    """
    return last_doc("line-gates", doc, _scan)


def _scan(doc: Document) -> LineGates:
    pattern, names, gates, ends, opens_first, foot, groups = _scanner()
    out = LineGates()
    text = doc.text
    if not text:
        return out
    low = lowered(doc)
    if low is None:  # each gate on its own (candidate_lines falls back to the original text)
        for name, gate in [*gates.items(), *ends.items(), *foot.items()]:
            found = candidate_lines(doc, gate)
            if found:
                out[name] = found
        return out
    text = plain_spaces(doc, low)
    # the first line: its gates read its first 300 characters (as candidate_lines does), its
    # triggers the whole line (as the rules' views of stripped lines do)
    first = text[:300]
    if "\n" in first:
        first = first[:first.index("\n")]
    if opens_first.match(first):
        m = pattern.match("\n" + first)
        if m:
            _starts(out, groups if len(first) < 300 else groups[:1], 0, m)
    if len(first) >= 300:
        end = text.find("\n")
        whole = text if end < 0 else text[:end]
        if opens_first.match(whole):
            m = pattern.match("\n" + whole)
            if m:
                _starts(out, groups[1:], 0, m)
    end_group = pattern.groupindex["end"]
    starts = doc.line_starts  # the lines' offsets (most rules need them: computed once)
    last = len(doc.lines) - 1
    for m in pattern.finditer(text):
        pos = m.start()
        line = bisect_right(starts, pos) - 1
        if m.lastindex == end_group:  # an end gate's character alone (no group after it)
            _end_gates(out, line, text, starts[line], pos)
            continue
        regs = m.regs
        if regs[end_group][0] >= 0:
            _end_gates(out, line, text, starts[line], pos)
        if line < last:
            line += 1
            for flag, group in groups:
                if regs[flag][0] >= 0:  # the groups of this set were tried
                    for k, name in group:
                        if regs[k][0] >= 0:
                            out.setdefault(name, []).append(line)
    if not doc.ends_with_newline:
        last = len(starts) - 1
        _end_gates(out, last, text, max(starts[last], len(text) - 300), len(text))
    out.scanned = True
    return out


def _starts(out: LineGates, groups: tuple, i: int, m) -> None:
    """Record line ``i`` under the start gates and triggers whose groups (of the sets
    ``groups``) took part in the match ``m``."""
    regs = m.regs
    for flag, group in groups:
        if regs[flag][0] >= 0:
            for k, name in group:
                if regs[k][0] >= 0:
                    out.setdefault(name, []).append(i)


def _end_gates(out: LineGates, i: int, text: str, start: int, end: int) -> None:
    """Record line ``i`` (``text[start:end]``) under the end gates it closes on."""
    while end > start and text[end - 1] in " \t":
        end -= 1
    for name in _END_OF.get(text[end - 1], ()) if end > start else ():
        if text.endswith(END_GATES[name], start, end):
            out.setdefault(name, []).append(i)


#: where the structural rules look inside lines, in the lowercased text (supersets: each rule
#: checks its lines with its own pattern): "/" before an agency (D201's credit gate) or between
#: spaces (a D210 separator); a colon after the end of a caption label (Photograph, Photo, Foto,
#: Image, Picture, Illustration, Composite, Credit, Bild; a plural, " by" or spaces) with 2-80
#: characters after it to the line end (D201's trailing credit gate), or " :: " (D210)
_AGENCIES = "|".join(name.lower() for name in _AGENCY_NAMES)
SLASH = re.compile(rf"/(?:(?=[ \t]*(?:{_AGENCIES}))(?P<slash_agency>))?(?:(?<= /)(?= )(?P<spaced_slash>))?"
                   r"(?(slash_agency)|(?(spaced_slash)|(?!)))")
COLON = re.compile(r":(?:(?<=[hoentdsy \t]:)(?:(?<=graph:)|(?<=oto:)|(?<=mage:)|(?<=ture:)|(?<=tion:)|(?<=site:)"
                   r"|(?<=edit:)|(?<=bild:)|(?<=s:)|(?<=by:)|(?<=[ \t]:))(?=[^\n]{2,80}(?:\n|\Z))(?P<label_colon>))?"
                   r"(?:(?<= :)(?=: )(?P<double_colon>))?(?(label_colon)|(?(double_colon)|(?!)))")


def inline_marks(doc: Document) -> LineGates | None:
    """Lines (in order, once each) that may hold :data:`SLASH` and :data:`COLON` marks, by
    group name; None when the text cannot be lowercased in place (then each rule scans on
    its own). One scan per character, only where the text holds it (see :func:`last_doc`).

    >>> m = inline_marks(Document.from_text("A (Jane Doe/Reuters)\\nHome / News\\nx\\nPhoto :: AP / AFP\\n"))
    >>> m["slash_agency"], m["spaced_slash"], m["label_colon"], m["double_colon"]
    ([0, 3], [1, 3], [3], [3])
    """
    return last_doc("inline-marks", doc, _inline_marks)


def _inline_marks(doc: Document) -> LineGates | None:
    low = lowered(doc)
    if low is None:
        return None
    result = LineGates()
    text = plain_spaces(doc, low)
    for ch, pattern in (("/", SLASH), (":", COLON)):
        start = text.find(ch)  # (str.find runs faster than re's search for a character)
        if start >= 0:
            _marks(result, text, pattern, start)
    return result


def _marks(out: LineGates, text: str, pattern, start: int = 0) -> None:
    """Record under each group of ``pattern`` the lines where it matched (from ``start``)."""
    slots = [(k, out.setdefault(name, [])) for name, k in pattern.groupindex.items()]
    line, at = 0, 0
    for m in pattern.finditer(text, start):
        pos = m.start()
        line += text.count("\n", at, pos)
        at = pos
        regs = m.regs
        for k, found in slots:
            if regs[k][0] >= 0 and (not found or found[-1] != line):
                found.append(line)
