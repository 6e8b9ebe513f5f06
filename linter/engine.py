"""The engine: run rules over a document, honour suppressions, and fix to a fixpoint."""

from __future__ import annotations

from typing import Callable, Iterable, Sequence

from linter.core import suppression
from linter.core.document import Document
from linter.core.packs import PackError
from linter.core.findings import Edit, Finding, apply_edits
from linter.core.rule import Context, Rule

MAX_FIX_ITERATIONS = 10


class RuleCrash(Exception):
    """A rule raised on a document: a bug in texthygiene, reported without a traceback."""

    def __init__(self, code: str, path: str, exc: BaseException):
        self.code, self.path, self.exc = code, path, exc
        super().__init__(f"rule {code} failed on {path}: {type(exc).__name__}: {exc} "
                         f"(a texthygiene bug: please report it; ignore {code} to go on)")


def instantiate(rule_classes: Iterable[type[Rule]]) -> list[Rule]:
    return [cls() for cls in rule_classes]


def gate_test(gate) -> Callable[[str], bool] | None:
    """The text test of a :attr:`Rule.gate` (None: no gate).

    >>> gate_test("&")("Tom &amp; Jerry"), gate_test(("Kiev", "Kyiv"))("in Kyiv")
    (True, True)
    >>> import re; gate_test(re.compile(r"\\d"))("no digits")
    False
    """
    if gate is None:
        return None
    if isinstance(gate, str):
        return lambda text: gate in text
    if isinstance(gate, tuple):
        return lambda text: any(g in text for g in gate)
    search = gate.search
    return lambda text: search(text) is not None


def _plan(rules: Sequence[Rule], kind: str, ctx: Context) -> tuple[list, frozenset]:
    """The rules that run on documents of ``kind`` with their gate tests, and their codes;
    worked out once per rule list and kind (kept in ``ctx.cache``)."""
    key = ("engine.plan", id(rules), kind)
    plan = ctx.cache.get(key)
    if plan is None or plan[0] is not rules or len(rules) != plan[3]:
        run = [(rule, gate_test(rule.gate)) for rule in rules if kind in rule.kinds]
        plan = ctx.cache[key] = (rules, run, frozenset(rule.code for rule, _ in run), len(rules))
    return plan[1], plan[2]


def check(doc: Document, rules: Sequence[Rule], ctx: Context | None = None,
          gates: bool = True) -> list[Finding]:
    """All findings of ``rules`` on ``doc``, suppressions applied, sorted by position.

    A rule whose :attr:`Rule.gate` fails on the text is skipped (``gates=False`` runs every
    rule in full: the tests compare both).
    """
    ctx = ctx or Context()
    run, ctx.selected = _plan(rules, doc.kind, ctx)
    text = doc.text
    findings: list[Finding] = []
    for rule, gate in run:
        if gate is not None and gates and not gate(text):
            continue
        try:
            for f in rule.check(doc, ctx):
                if not f.name:
                    f.name = rule.name
                findings.append(f)
        except PackError:
            raise  # a user's broken pack: reported as such, not as a bug
        except Exception as exc:
            raise RuleCrash(rule.code, doc.path, exc) from exc
    if findings:
        sup = suppression.parse(text, doc.kind)
        if sup:
            findings = [f for f in findings if not sup.silences(f.code, doc.line_index(f.start))]
        if len(findings) > 1:
            findings.sort(key=_order)
    return findings


def _order(f: Finding) -> tuple:
    return f.start, f.code, f.end


class FixResult:
    """What fixing one document did."""

    def __init__(self, original: Document, fixed: Document, applied: list[Finding] | None = None,
                 remaining: list[Finding] | None = None, converged: bool = True):
        self.original, self.fixed = original, fixed
        self.applied = [] if applied is None else applied
        self.remaining = [] if remaining is None else remaining
        self.converged = converged

    @property
    def changed(self) -> bool:
        return self.fixed.text != self.original.text


def choose_fixes(findings: list[Finding], unsafe: bool, fixable: set[str] | None = None,
                 first: frozenset[str] = frozenset()) -> tuple[list[Finding], list[Edit]]:
    """The findings whose fixes can be applied together (no overlapping edits), in order.

    ``fixable`` limits fixing to those codes (None: every code). While a fix of a code in
    ``first`` (rules that repair the characters themselves, ``Rule.repairs_text``) applies,
    those are applied alone, so that no other rule judges text that is still damaged.
    """
    chosen: list[Finding] = []
    edits: list[Edit] = []
    candidates = [f for f in findings if f.fix and (unsafe or f.fix.is_safe)
                  and (fixable is None or f.code in fixable)]
    repairs = [f for f in candidates if f.code in first]
    candidates = repairs or candidates
    candidates.sort(key=lambda f: (f.fix.start, f.fix.end))
    last_end = -1
    for f in candidates:
        fe = f.fix.edits
        if fe[0].start < last_end or any(a.end > b.start for a, b in zip(fe, fe[1:])):
            continue
        chosen.append(f)
        edits.extend(fe)
        last_end = max(e.end for e in fe)
    edits.sort()
    return chosen, edits


def fix(doc: Document, rules: Sequence[Rule], ctx: Context | None = None, unsafe: bool = False,
        max_iterations: int = MAX_FIX_ITERATIONS, fixable: set[str] | None = None) -> FixResult:
    """Apply fixes until none applies (at most ``max_iterations`` rounds)."""
    ctx = ctx or Context()
    first = frozenset(r.code for r in rules if r.repairs_text)
    result = FixResult(original=doc, fixed=doc)
    current = doc
    findings = check(current, rules, ctx)
    for _ in range(max_iterations):
        chosen, edits = choose_fixes(findings, unsafe, fixable, first)
        if not edits:
            break
        new_text = apply_edits(current.text, edits)
        if new_text == current.text:
            break
        result.applied.extend(chosen)
        current = current.with_text(new_text, edits)
        findings = check(current, rules, ctx)
    else:
        result.converged = not choose_fixes(findings, unsafe, fixable, first)[1]
    result.fixed = current
    result.remaining = findings
    return result
