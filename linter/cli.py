"""The ``texthygiene`` command line: ``check``, ``fix``, ``rule``, ``rules``, ``install-hook``.

Exit codes: 0 clean, 1 findings (for ``fix``: findings remain), 2 error.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Iterable, Sequence

from linter import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A problem with the command line, the configuration or the packs: exit 2."""


def _codes_arg(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _add_run_options(p: argparse.ArgumentParser, fix: bool) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or folders to check (default: .); '-' reads standard input")
    sel = p.add_argument_group("rule selection")
    sel.add_argument("--select", type=_codes_arg, action="extend", default=None,
                     help="comma-separated rule codes or prefixes to enable (e.g. D,N101)")
    sel.add_argument("--ignore", type=_codes_arg, action="extend", default=None,
                     help="comma-separated rule codes or prefixes to disable")
    sel.add_argument("--extend-select", type=_codes_arg, action="extend", default=None,
                     help="codes to enable on top of the selection")
    cfg = p.add_argument_group("configuration")
    cfg.add_argument("--config", action="append", default=[], metavar="FILE | 'KEY = VALUE'",
                     help="a config file, or an inline TOML override such as "
                          "\"names.scope = 'corpus'\" (repeatable)")
    cfg.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    out = p.add_argument_group("output")
    out.add_argument("--format", "--output-format", dest="format", default=None,
                     choices=("text", "concise", "json", "github", "sarif"),
                     help="report format (default: text; github inside GitHub Actions is your choice)")
    out.add_argument("-o", "--output-file", default=None, help="write the report to a file")
    out.add_argument("--statistics", action="store_true", help="show counts per rule")
    out.add_argument("-q", "--quiet", action="store_true", help="print findings only")
    out.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings exist")
    run = p.add_argument_group("running")
    run.add_argument("--stdin-filename", default=None,
                     help="the name standard input is checked as (for config and file type)")
    run.add_argument("--jobs", "-j", type=int, default=None,
                     help="worker processes (default: all cores; none for a handful of files)")
    run.add_argument("--no-cache", action="store_true",
                     help="do not read or write .texthygiene_cache/ (also TEXTHYGIENE_NO_CACHE=1)")
    run.add_argument("--unsafe-fixes", dest="unsafe_fixes", action="store_true", default=None,
                     help="also apply (fix) or offer (check) fixes that a heuristic judged")
    run.add_argument("--no-unsafe-fixes", dest="unsafe_fixes", action="store_false")
    run.add_argument("--diff", action="store_true",
                     help="print the fixes as a unified diff and write nothing")
    if fix:
        run.add_argument("--convert-encoding", action="store_true",
                         help="rewrite files that are not UTF-8 as UTF-8 when the encoding is certain")
    else:
        run.add_argument("--fix", action="store_true", help="apply safe fixes (same as `fix`)")
        run.add_argument("--staged", action="store_true",
                         help="check the staged content of staged files (for a git pre-commit hook)")


def _terminal_width() -> int:
    """The width ``shutil.get_terminal_size`` would give (``$COLUMNS``, the terminal, 80)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, without the ``shutil`` import (and ``bz2``/``lzma`` behind it)
    that the default one costs every cold start: argparse makes a formatter for each option
    it adds, and the default asks ``shutil`` for the terminal width."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position,
                         _terminal_width() - 2 if width is None else width)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="texthygiene", formatter_class=_Formatter,
        description="Find, explain and fix scraping debris, mojibake, inconsistent name "
                    "spellings and typography slips in plain-text and Markdown files.")
    parser.add_argument("--version", action="version", version=f"texthygiene {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, formatter_class=_Formatter)

    _add_run_options(command("check", "report findings (exit 1 when any)"), fix=False)
    _add_run_options(command("fix", "apply safe fixes in place"), fix=True)
    p = command("rule", "explain a rule")
    p.add_argument("code", help="a rule code (D101) or name")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p = command("rules", "list every rule")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    p = command("install-hook", "install a plain git pre-commit hook in this repository")
    p.add_argument("--force", action="store_true", help="replace a hook texthygiene did not write")
    return parser


# -- commands -------------------------------------------------------------------------------
def _resolver(args):
    """Configuration for the run: discovered per file, or --config FILE, plus inline overrides.

    Command-line selection wins over configuration files, as in ruff.
    """
    from linter.config import ConfigResolver, parse_inline
    from linter.rules import SelectionError, resolve

    config_files, inline = [], []
    for item in args.config:
        if "=" not in item:
            if not os.path.isfile(item):
                raise UsageError(f"--config {item}: no such file (or write 'KEY = VALUE')")
            config_files.append(item)
        else:
            inline.append(item)
    if len(config_files) > 1:
        raise UsageError("--config FILE may be given once")
    for opt in ("select", "ignore", "extend_select"):
        for code in getattr(args, opt) or ():
            try:
                resolve(select=[code])
            except SelectionError:
                raise UsageError(f"--{opt.replace('_', '-')}: unknown rule code or prefix "
                                 f"{code!r} (see `texthygiene rules`)") from None
    return ConfigResolver(config_files[0] if config_files else None,
                          parse_inline(inline) if inline else {},
                          select=args.select, ignore=args.ignore,
                          extend_select=args.extend_select, isolated=args.isolated)


def _staged_sources(resolver):
    import subprocess

    from linter import files

    try:
        out = subprocess.run(["git", "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"],
                             capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        raise UsageError("--staged: not inside a git repository") from None
    top = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True,
                         text=True).stdout.strip()
    for name in (n for n in out.decode("utf-8", "surrogateescape").split("\0") if n):
        path = os.path.join(top, name)
        settings = resolver.for_path(path)
        if not settings.is_included(path) or settings.is_excluded(path):
            continue
        data = subprocess.run(["git", "show", f":{name}"], cwd=top, capture_output=True).stdout
        src = files.decode(path, data)
        yield src, files.display_path(path), settings


def cmd_run(args, mode: str) -> int:
    from linter import reporters, runner
    from linter.rules import registry

    resolver = _resolver(args)
    opts = runner.RunOptions(
        mode=mode, unsafe_fixes=args.unsafe_fixes, diff=args.diff, jobs=args.jobs,
        cache=not args.no_cache, convert_encoding=getattr(args, "convert_encoding", False),
        stdin_filename=args.stdin_filename)
    paths = args.paths or ["."]
    errors: list[str] = []
    results: Iterable = []
    streamed = False
    if getattr(args, "staged", False):
        results = [runner.process_source(src, display, settings, opts, write=False)
                   for src, display, settings in _staged_sources(resolver)]
    elif paths == ["-"]:
        results = [runner.run_stdin(sys.stdin.buffer.read(), resolver, opts)]
    else:
        if "-" in paths:
            raise UsageError("'-' (standard input) cannot be mixed with other paths")
        streamed = True

    fmt = args.format or "text"
    settings = resolver.for_path(paths[0] if paths != ["-"] else ".")
    unsafe = settings.unsafe_fixes if args.unsafe_fixes is None else args.unsafe_fixes
    rules = registry()

    # Text, concise, github and json reports are written file by file as results come in, so
    # a run holds no findings (only one marker per finding for the summary); the others
    # (sarif, statistics, json after diffs) need them all first.
    stream = streamed and (fmt == "github" or (fmt == "json" and not args.diff)
                           or (fmt in ("text", "concise") and not args.statistics))
    if streamed:
        if stream and not args.diff:  # each file's report is written where it is checked
            opts.render = fmt if fmt in ("github", "json") else "text"
            opts.render_unsafe = unsafe
        # files are checked while the rest are being found (the errors come first all the same)
        results = runner.iter_run(runner.iter_discover(paths, resolver, errors), resolver, opts)
    out_stream = sys.stdout
    if not streamed:
        for r in results:
            if r.output is not None:  # stdin in fix mode: the fixed text goes to stdout
                sys.stdout.write(r.output)
                sys.stdout.flush()
                out_stream = sys.stderr
                break
    out = _ReportOutput(args.output_file, out_stream)
    findings: list[dict] = []
    diffs: list[str] = []
    notices: list[str] = []
    fixed = 0
    changed = False
    items = 0  # json: the files whose findings the array holds so far
    for r in results:
        if r.error:
            errors.append(r.error)
        if r.notice:
            notices.append(r.notice)
        fixed += r.fixed
        changed = changed or r.changed
        if r.report is None and not r.findings and not r.diff:  # nothing to report
            continue
        if not stream:
            findings.extend(r.findings)
            if args.diff and r.diff:
                diffs.append(r.diff)
            continue
        if args.diff:
            if r.diff:
                out.write(r.diff)
        elif fmt == "json":  # the array's items, file by file
            piece = r.report if r.report is not None else reporters.json_items(r.findings)
            if piece:
                out.write(("[\n" if not items else ",\n") + piece)
                items += 1
            if r.report is not None:
                findings.extend(_marker_of(a) for a in r.fixes)
                continue
        elif r.report is not None:
            out.write(r.report)
            findings.extend(_marker_of(a) for a in r.fixes)
            continue
        elif fmt == "github":
            out.write(reporters.github(r.findings))
        else:
            out.write(reporters.text(r.findings, unsafe))
        findings.extend(_marker(f) for f in r.findings)

    report = []
    if not stream:
        report.extend(diffs)
    if fmt in ("text", "concise"):
        if not args.diff and not stream:
            report.append(reporters.text(findings, unsafe))
        if args.statistics:
            report = [reporters.statistics(findings, rules)]
        if not args.quiet:
            report.append(reporters.summary(findings, unsafe, fixed,
                                             "diff" if args.diff and mode == "fix" else mode,
                                             errors=len(set(errors))))
    elif fmt == "json":
        report.append(("\n]\n" if items else "[]\n") if stream else reporters.as_json(findings))
    elif fmt == "github":
        if not stream:
            report.append(reporters.github(findings))
    elif fmt == "sarif":
        report.append(reporters.sarif(findings, rules))
    out.write("".join(report))
    error = out.close()
    if error:
        errors.append(error)
    if not args.quiet:
        for n in notices:
            print(f"texthygiene: notice: {n}", file=sys.stderr)
    for e in dict.fromkeys(errors):  # one line per distinct problem (a broken pack hits every file)
        print(f"texthygiene: error: {e}", file=sys.stderr)

    if errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    if args.diff and mode == "fix":
        return EXIT_FINDINGS if changed or findings else EXIT_CLEAN
    return EXIT_FINDINGS if findings else EXIT_CLEAN


_MARKERS: dict = {}


def _marker(finding: dict) -> dict:
    """A shared stand-in for a finding that the summary can count (its fix applicability)."""
    fix = finding.get("fix")
    return _marker_of(fix["applicability"] if fix else None)


def _marker_of(key: str | None) -> dict:
    m = _MARKERS.get(key)
    if m is None:
        m = _MARKERS[key] = {"fix": {"applicability": key} if key else None}
    return m


class _ReportOutput:
    """Where the report goes: ``-o FILE`` (opened at the first write) or a stream."""

    #: text is passed on in pieces of about this size (one system call, not one per file)
    BUFFER = 1 << 16

    def __init__(self, path: str | None, stream):
        self.path, self.stream, self.fh, self.error = path, stream, None, None
        self.pending: list[str] = []
        self.size = 0

    def write(self, text: str) -> None:
        if not text:
            return
        self.pending.append(text)
        self.size += len(text)
        if self.size >= self.BUFFER:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        text = "".join(self.pending)
        self.pending.clear()
        self.size = 0
        if self.path is None:
            self.stream.write(text)
            return
        if self.fh is None and self.error is None:
            try:
                self.fh = open(self.path, "w", encoding="utf-8")
            except OSError as exc:
                self.error = f"{self.path}: cannot write the report ({exc.strerror})"
        if self.fh is not None:
            try:
                self.fh.write(text)
            except OSError as exc:
                self.error = f"{self.path}: cannot write the report ({exc.strerror})"

    def close(self) -> str | None:
        """Close the file (created even for an empty report); returns the error, if any."""
        self.flush()
        if self.path is not None and self.fh is None and self.error is None:
            try:  # an empty report still makes the file
                self.fh = open(self.path, "w", encoding="utf-8")
            except OSError as exc:
                self.error = f"{self.path}: cannot write the report ({exc.strerror})"
        if self.fh is not None:
            try:
                self.fh.close()
            except OSError as exc:
                self.error = f"{self.path}: cannot write the report ({exc.strerror})"
        return self.error


def rule_text(rule) -> str:
    safety = {"safe": "Fix is always safe.", "unsafe": "Fix is unsafe (applied with --unsafe-fixes).",
              "sometimes": "Fix is sometimes available; its safety depends on the finding.",
              "none": "No fix is available."}[rule.fix_safety]
    default = "selected by default" if rule.default else "not selected by default (enable with --extend-select)"
    return (f"# {rule.name} ({rule.code})\n\nFamily: {rule.code[0]} ({rule.family()}); {default}.\n"
            f"{safety}\n\n{rule.doc()}\n")


def cmd_rule(args) -> int:
    from linter.rules import by_name_or_code

    rule = by_name_or_code(args.code)
    if rule is None:
        raise UsageError(f"unknown rule {args.code!r}; `texthygiene rules` lists them")
    if args.format == "json":
        import json
        print(json.dumps(_rule_dict(rule), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(rule_text(rule))
    return EXIT_CLEAN


def _rule_dict(rule) -> dict:
    return {"code": rule.code, "name": rule.name, "summary": rule.summary,
            "family": rule.family(), "fix": rule.fix_safety, "default": rule.default,
            "explanation": rule.doc()}


def cmd_rules(args) -> int:
    from linter.rules import registry

    rules = registry().values()
    if args.format == "json":
        import json
        print(json.dumps([_rule_dict(r) for r in rules], indent=2, ensure_ascii=False))
        return EXIT_CLEAN
    if args.format == "markdown":
        sys.stdout.write(rules_markdown(rules))
        return EXIT_CLEAN
    fix_mark = {"safe": "fix", "unsafe": "fix?", "sometimes": "fix*", "none": ""}
    for r in rules:
        default = "" if r.default else " (opt-in)"
        print(f"{r.code}\t{r.name:<32}\t{fix_mark[r.fix_safety]:<4}\t{r.summary}{default}")
    return EXIT_CLEAN


def rules_markdown(rules) -> str:
    """The rule list as a Markdown page (docs/rules.md), one section per rule."""
    out = ["# texthygiene rules\n\nGenerated by `texthygiene rules --format markdown`.\n\n",
           "| code | name | fix | default | summary |\n|---|---|---|---|---|\n"]
    for r in rules:
        out.append(f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.fix_safety} | "
                   f"{'yes' if r.default else 'no'} | {r.summary} |\n")
    for r in rules:
        body = r.doc().replace("\n## ", "\n### ")
        out.append(f"\n## {r.code}\n\n`{r.name}`: {r.summary}\n\n{body}\n")
    return "".join(out)


def cmd_install_hook(args) -> int:
    from linter.githook import HookError, install

    try:
        path = install(force=args.force)
    except HookError as exc:
        raise UsageError(str(exc)) from None
    print(f"installed the texthygiene pre-commit hook in {path}")
    return EXIT_CLEAN


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    from linter.config import ConfigError
    from linter.core.packs import PackError
    from linter.rules import SelectionError

    from linter.core import coldstart

    coldstart.install()
    try:
        if args.command in ("check", "fix"):
            mode = "fix" if args.command == "fix" or getattr(args, "fix", False) or args.diff else "check"
            return cmd_run(args, mode)
        if args.command == "rule":
            return cmd_rule(args)
        if args.command == "rules":
            return cmd_rules(args)
        return cmd_install_hook(args)
    except (UsageError, ConfigError, PackError, SelectionError) as exc:
        print(f"texthygiene: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("texthygiene: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as exc:  # never a traceback
        print(f"texthygiene: error: internal error ({type(exc).__name__}: {exc}); "
              "please report it with the command you ran", file=sys.stderr)
        return EXIT_ERROR
    finally:
        coldstart.save()
        coldstart.uninstall()  # main() called in-process: the host's re and regex as they were


def entry() -> None:
    """The ``texthygiene`` console script: :func:`main`, then an exit that skips tearing the
    interpreter down (freeing every module, rule and compiled pattern one by one: ~10 ms, a
    tenth of a 10-file commit). The output is flushed and the ``atexit`` handlers run first;
    when the output cannot be flushed (a closed pipe), Python exits as usual."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    import atexit

    atexit._run_exitfuncs()
    os._exit(code or 0)


if __name__ == "__main__":
    sys.exit(main())
