"""Reporters: findings as text, JSON, GitHub workflow commands, SARIF, or statistics.

Each reporter takes the finding dicts of a run (the JSON shape) and returns a string.
"""

from __future__ import annotations

from collections import Counter

FORMATS = ("text", "concise", "json", "github", "sarif")


def _mark(f: dict, unsafe_fixes: bool) -> str:
    fix = f.get("fix")
    if fix and (fix["applicability"] == "safe" or unsafe_fixes):
        return "[*] "
    return ""


def text(findings: list[dict], unsafe_fixes: bool = False) -> str:
    """``path:line:col: CODE [*] message`` lines (``[*]``: ``texthygiene fix`` can fix it).

    >>> print(text([{"path": "a.txt", "line": 3, "column": 1, "code": "D101",
    ...              "message": "site chrome", "fix": {"applicability": "safe"}}]), end="")
    a.txt:3:1: D101 [*] site chrome
    """
    return "".join(f"{f['path']}:{f['line']}:{f['column']}: {f['code']} {_mark(f, unsafe_fixes)}"
                   f"{f['message']}\n" for f in findings)


def summary(findings: list[dict], unsafe_fixes: bool = False, fixed: int = 0,
            mode: str = "check", errors: int = 0) -> str:
    """The closing line(s) of a text report; ``errors`` counts the problems reported apart."""
    lines = []
    n = len(findings)
    if mode == "diff":
        lines.append(f"Would fix {fixed} finding{'s' if fixed != 1 else ''} ({n} would remain).")
    elif mode == "fix":
        if n:
            lines.append(f"Found {n + fixed} finding{'s' if n + fixed != 1 else ''} "
                         f"({fixed} fixed, {n} remaining).")
        elif fixed:
            lines.append(f"Found {fixed} finding{'s' if fixed != 1 else ''} ({fixed} fixed, 0 remaining).")
        else:
            lines.append("All checks passed!")
    elif n == 0:
        lines.append("All checks passed!")
    else:
        lines.append(f"Found {n} finding{'s' if n != 1 else ''}.")
    if errors:
        lines = [l for l in lines if l != "All checks passed!"]
        lines.append(f"{errors} error{'s' if errors != 1 else ''} stopped texthygiene from "
                     "checking everything (see the error messages).")
    safe = sum(1 for f in findings if f.get("fix") and f["fix"]["applicability"] == "safe")
    unsafe = sum(1 for f in findings if f.get("fix") and f["fix"]["applicability"] == "unsafe")
    if mode == "check" and (safe or (unsafe and unsafe_fixes)):
        m = safe + (unsafe if unsafe_fixes else 0)
        opt = " --unsafe-fixes" if unsafe_fixes and unsafe else ""
        lines.append(f"[*] {m} fixable with `texthygiene fix{opt}`.")
    if unsafe and not unsafe_fixes:
        lines.append(f"{unsafe} hidden fix{'es' if unsafe != 1 else ''} can be enabled with "
                     "the `--unsafe-fixes` option.")
    return "\n".join(lines) + "\n"


def as_json(findings: list[dict]) -> str:
    """The findings as a JSON array, as ``json.dumps(findings, indent=2, ensure_ascii=False)``
    writes it (plus a newline), ~3x faster: ``json`` leaves indented output to its
    pure-Python encoder, ~20 ms per 1000 findings.

    >>> print(as_json([{"path": "a.txt", "line": 1, "column": 2, "end_line": 1, "end_column": 3,
    ...                 "code": "P302", "name": "double-space", "message": "doubled space",
    ...                 "fix": None}]), end="")
    [
      {
        "path": "a.txt",
        "line": 1,
        "column": 2,
        "end_line": 1,
        "end_column": 3,
        "code": "P302",
        "name": "double-space",
        "message": "doubled space",
        "fix": null
      }
    ]
    """
    if not findings:
        return "[]\n"
    return "[\n" + json_items(findings) + "\n]\n"


def json_items(findings: list[dict]) -> str:
    """The items of :func:`as_json`'s array, without the brackets: a report in pieces
    (one per file, where the file is checked) is ``[``, the pieces joined by ``,``, ``]``."""
    return ",\n".join([_finding_json(f) for f in findings])


_FINDING_KEYS = ("path", "line", "column", "end_line", "end_column", "code", "name", "message", "fix")


class _Odd(Exception):
    """A value :func:`_json` leaves to the ``json`` module."""


def _finding_json(f: dict) -> str:
    """One finding dict as an item of :func:`as_json`'s array (indented one level)."""
    if type(f) is not dict or tuple(f) != _FINDING_KEYS:
        return _json_item(f, "  ")
    try:
        return (f'  {{\n    "path": {_str(f["path"])},\n    "line": {_int(f["line"])},\n'
                f'    "column": {_int(f["column"])},\n    "end_line": {_int(f["end_line"])},\n'
                f'    "end_column": {_int(f["end_column"])},\n    "code": {_str(f["code"])},\n'
                f'    "name": {_str(f["name"])},\n    "message": {_str(f["message"])},\n'
                f'    "fix": {_json(f["fix"], "    ")}\n  }}')
    except _Odd:
        return _json_item(f, "  ")


def _json_item(value, indent: str) -> str:
    """``value`` as an item at ``indent`` of an indented JSON array or object."""
    try:
        return indent + _json(value, indent)
    except _Odd:
        import json

        return indent + json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + indent)


def _str(value) -> str:
    if type(value) is not str:
        raise _Odd
    return _quote(value)


def _int(value) -> str:
    if type(value) is not int:
        raise _Odd
    return int.__repr__(value)


def _quote(text: str) -> str:
    from json.encoder import encode_basestring  # the C encoder when there is one

    global _quote
    _quote = encode_basestring
    return encode_basestring(text)


def _json(value, indent: str) -> str:
    """``value`` (dicts with string keys, lists, strings, integers, true, false, null) as
    ``json.dumps(value, indent=2, ensure_ascii=False)`` writes it, its inner lines indented
    by ``indent`` more; :class:`_Odd` for anything else (floats, other types)."""
    t = type(value)
    if t is str:
        return _quote(value)
    if t is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    inner = indent + "  "
    if t is dict:
        if not value:
            return "{}"
        return "{\n" + ",\n".join([f"{inner}{_str(k)}: {_json(v, inner)}" for k, v in value.items()]) \
            + "\n" + indent + "}"
    if t is list:
        if not value:
            return "[]"
        return "[\n" + ",\n".join([inner + _json(v, inner) for v in value]) + "\n" + indent + "]"
    raise _Odd


def _gh_escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_escape_prop(s: str) -> str:
    return _gh_escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github(findings: list[dict]) -> str:
    """GitHub Actions workflow commands, one ``::error`` per finding.

    >>> print(github([{"path": "a.txt", "line": 2, "column": 5, "end_line": 2, "end_column": 9,
    ...                "code": "N101", "message": "Kiev, 1 of 3"}]), end="")
    ::error file=a.txt,line=2,col=5,endLine=2,endColumn=9,title=N101::N101 Kiev, 1 of 3
    """
    out = []
    for f in findings:
        props = (f"file={_gh_escape_prop(f['path'])},line={f['line']},col={f['column']},"
                 f"endLine={f.get('end_line', f['line'])},endColumn={f.get('end_column', f['column'])},"
                 f"title={_gh_escape_prop(f['code'])}")
        out.append(f"::error {props}::{_gh_escape_data(f['code'] + ' ' + f['message'])}\n")
    return "".join(out)


def sarif(findings: list[dict], rules: dict) -> str:
    """A SARIF 2.1.0 log (for code-scanning dashboards)."""
    import json

    from linter import __version__
    used = sorted({f["code"] for f in findings})
    doc = {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": {"driver": {
                "name": "texthygiene", "version": __version__,
                "rules": [{"id": c, "name": rules[c].name if c in rules else c,
                           "shortDescription": {"text": rules[c].summary if c in rules else c}}
                          for c in used]}},
            "results": [{
                "ruleId": f["code"], "level": "error", "message": {"text": f["message"]},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": f["path"]},
                    "region": {"startLine": f["line"], "startColumn": f["column"],
                               "endLine": f.get("end_line", f["line"]),
                               "endColumn": f.get("end_column", f["column"])}}}],
            } for f in findings],
        }],
    }
    try:
        return _json(doc, "") + "\n"
    except _Odd:
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def statistics(findings: list[dict], rules: dict) -> str:
    """Counts per code, most frequent first: ``count  CODE  [*] name``."""
    counts = Counter(f["code"] for f in findings)
    fixable = {f["code"] for f in findings if f.get("fix") and f["fix"]["applicability"] == "safe"}
    width = max((len(str(c)) for c in counts.values()), default=1)
    lines = []
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        name = rules[code].name if code in rules else ""
        mark = "[*]" if code in fixable else "[ ]"
        lines.append(f"{n:>{width}}\t{code}\t{mark} {name}")
    return "\n".join(lines) + ("\n" if lines else "")
