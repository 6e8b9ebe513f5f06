"""D105: chrome fused to the text next to it with no space (``pictureThe``, ``PostDemocracy``)."""

from __future__ import annotations

import re

from linter.core.findings import Fix
from linter.core.lineedit import delete_span_edit
from linter.core.rule import Rule
from linter.rules.debris import packs

#: a lowercase letter directly followed by an uppercase one: where two blocks were glued
_GLUE = re.compile(r"[a-z\u00df-\u00ff][A-Z\u00c0-\u00de]")
_WORD_END = re.compile(r"(?![\w])")
_LAST_WORD = re.compile(r"[a-z\u00df-\u00ff]+$")
_TOKEN = re.compile(r"\S+")


def _longest_label_word(m: packs.Matcher) -> int:
    """The length of the longest last word of a fused chrome label (0: none)."""
    return max(map(len, m.fused_labels), default=0)


def fused_spans(line: str, m: packs.Matcher, points=None) -> list[tuple[int, int, str]]:
    """(start, end, what) of chrome glued to a neighbour inside ``line``; ``points``: the
    offsets of the glue points' capitals to look at (default: all of them).

    >>> mm = packs.Matcher.from_paths(packs.builtin_pack_paths("debris"))
    >>> fused_spans("The Washington PostDemocracy Dies in Darkness", mm)
    [(19, 45, 'the slogan of The Washington Post')]
    >>> fused_spans("bottom of pageCopyright 2020", mm)
    [(0, 14, 'the chrome label bottom of page')]
    >>> fused_spans("She bought an iPhone at McDonald's.", mm)
    []
    """
    out = []
    longest = _longest_label_word(m)
    for pos in (g.start() + 1 for g in _GLUE.finditer(line)) if points is None else points:
        first = _TOKEN.match(line, pos).group()  # the word at the capital (never a space)
        found = False
        for key in (first, first.rstrip(".,:;!?'\u2019")):
            for phrase, site in m.fused_starts.get(key, ()):
                if line.startswith(phrase, pos) and _WORD_END.match(line, pos + len(phrase)):
                    what = (f"the slogan of {site.name}" if phrase == site.slogan
                            else f"the name of {site.name}")
                    out.append((pos, pos + len(phrase), what))
                    found = True
                    break
            if found:
                break
        if found:
            continue
        # the lowercase run before the capital, or a longer piece of it than any label word
        word = _LAST_WORD.search(line, max(0, pos - longest - 1), pos)
        for label in m.fused_labels.get(word.group().casefold(), ()) if word else ():
            head = packs.clean_line(line[max(0, pos - len(label) - 4):pos]).casefold()
            if head.endswith(label):
                start = pos - len(label)
                if start == 0 or not line[start - 1].isalnum():
                    out.append((start, pos, f"the chrome label {line[start:pos]}"))
                    break
    return out


class FusedChrome(Rule):
    """A known site name, slogan or chrome label glued to the word before or after it.

    What it does:
        Finds places where a lowercase letter is directly followed by an uppercase one and
        one side is known chrome from the debris packs: a site name or slogan starting
        right after a word (``PostDemocracy Dies in Darkness``), or a chrome label ending
        right before a capital (``bottom of pageCopyright``). Lines that
        are chrome as a whole are left to D101 and D103.

    Why is this bad?
        Extractors that drop the space between blocks glue the logo, the motto or a
        widget's label to real text; the glued token is neither and breaks search and
        tokenisation.

    Example:
        ```text
        Read the coverage of The Washington PostDemocracy Dies in Darkness
        ```
        The slogan is flagged and its removal proposed.

    Fix safety:
        Unsafe: the fix removes the glued chrome (never joining two words), but the words
        on the line around it are judged by a heuristic.
    """

    code = "D105"
    name = "fused-chrome"
    summary = "Site name, slogan or chrome label fused to adjacent text"
    fix_safety = "unsafe"

    def check(self, doc, ctx):
        text = doc.text
        m = packs.matcher(ctx)
        firsts, lasts = _glue_gate(m)
        starts = doc.line_starts
        whole = None
        points: dict[int, list[int]] = {}  # line -> the glue points worth a look, in order
        for pos in glue_points(text):
            # a known phrase starting at the capital, or a known label's last word before it
            if text[pos:pos + 2] not in firsts and (lasts is not None and text[pos - 2:pos] not in lasts
                                                    and "\u00df" not in text[pos - 2:pos]):
                continue
            i = doc.line_index(pos)
            points.setdefault(i, []).append(pos - starts[i])
        for i, at in points.items():
            line = doc.lines[i]
            if whole is None:
                whole = packs.scan(doc, ctx)
            if len(line) > 2000 or whole.whole_line(i):
                continue
            for s, e, what in fused_spans(line, m, at):
                a, b = starts[i] + s, starts[i] + e
                yield self.finding(a, b, f"{what} fused to the adjacent text",
                                   Fix.unsafe("Remove the fused chrome",
                                              delete_span_edit(text, a, b)))


#: the capital of a glue point (``_GLUE``), found from the capitals: far fewer than the
#: lowercase letters a scan for ``_GLUE`` stops at
_UPPER_GLUED = re.compile(r"[A-Z\u00c0-\u00de](?<=[a-z\u00df-\u00ff][A-Z\u00c0-\u00de])")

#: UTF-8 bytes to letter classes for :func:`glue_points`: ``a`` and ``A`` for the ASCII
#: letters, ``X`` for 0xC3 (the first byte of U+00C0-U+00FF), ``l`` and ``u`` for the
#: second bytes of its lowercase (U+00DF-U+00FF) and uppercase (U+00C0-U+00DE) letters
_CLASSES = bytes(ord("a") if 0x61 <= b <= 0x7A else ord("A") if 0x41 <= b <= 0x5A
                 else ord("X") if b == 0xC3 else ord("l") if 0x9F <= b <= 0xBF
                 else ord("u") if 0x80 <= b <= 0x9E else 0x20 for b in range(256))
#: a lowercase letter then a capital, as classes (ASCII or not, each), and where the capital
#: starts; "l" and "u" only count after "X", so that other characters' bytes never match
_GLUED_CLASSES = ((b"aA", 1), (b"aXu", 1), (b"XlA", 2), (b"XlXu", 2))


def glue_points(text: str) -> list[int]:
    """Offsets of the capitals of the glue points (:data:`_GLUE`) of ``text``, in order.

    Found in the UTF-8 bytes written as letter classes (:data:`_CLASSES`) by ``str.find``:
    C passes at memory speed, where a regex stops at every capital (:data:`_UPPER_GLUED`).

    >>> glue_points("iPhone, caf\u00e9\u00c9clair and McDonald\u2019s \u00c9cole\u00dfA")
    [1, 12, 25, 40]
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates
        return [g.start() for g in _UPPER_GLUED.finditer(text)]
    classes = data.translate(_CLASSES)
    found = []
    for needle, at in _GLUED_CLASSES if b"\xc3" in data else _GLUED_CLASSES[:1]:
        pos = classes.find(needle)
        while pos != -1:
            found.append(pos + at)
            pos = classes.find(needle, pos + 1)
    if len(data) == len(text):  # ASCII: the byte offsets are the offsets
        return sorted(found)
    out, last, offset = [], 0, 0
    for pos in sorted(found):
        offset += len(data[last:pos].decode("utf-8"))
        last = pos
        out.append(offset)
    return out


_GATES: dict = {}


def _glue_gate(m: packs.Matcher):
    """(first two characters of the known phrases, last two of the labels' last words or
    None): a glue point with neither around it is no fused chrome (see :func:`fused_spans`)."""
    got = _GATES.get(id(m))
    if got is None or got[0] is not m:
        firsts = frozenset(p[:2] for lst in m.fused_starts.values() for p, _s in lst)
        keys = list(m.fused_labels)
        lasts = None if any(len(k) < 2 for k in keys) else frozenset(k[-2:] for k in keys)
        got = _GATES[id(m)] = (m, firsts, lasts)
    return got[1], got[2]
