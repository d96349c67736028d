"""The ``jiaokan`` command."""

from __future__ import annotations

import argparse
import functools
import io
import os
import sys
import time
from pathlib import Path

from . import __version__
from .errors import JiaokanError, UsageError


def _codes(values) -> list[str]:
    out: list[str] = []
    for v in values or ():
        out.extend(c.strip().upper() for c in v.split(",") if c.strip())
    return out


@functools.lru_cache(maxsize=1)
def _registry():
    """One registry per process: the rule packs' entry points are loaded once."""
    from .registry import Registry

    return Registry()


def _plugin_commands() -> dict:
    try:
        registry = _registry()
    except JiaokanError:
        return {}
    out = {}
    for batch in registry.pm.hook.jiaokan_commands():
        for command in batch or ():
            out[command.name] = command
    return out


def build_parser(plugin_commands: dict | None = None) -> argparse.ArgumentParser:
    from .reporters import FORMATS

    parser = argparse.ArgumentParser(
        prog="jiaokan",
        description="校勘 jiaokan: a consistency and fact-checking linter for Chinese documents.",
    )
    parser.add_argument("--version", action="version", version=f"jiaokan {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check documents (the default command)")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="files or folders (default: .)")
    check.add_argument("--format", "--output-format", dest="format", choices=sorted(FORMATS), default="rich",
                       help="output format (default: rich)")
    check.add_argument("--select", action="append", metavar="CODES", help="only these codes or prefixes (comma-separated)")
    check.add_argument("--extend-select", action="append", metavar="CODES", help="add these codes or prefixes")
    check.add_argument("--ignore", action="append", metavar="CODES", help="skip these codes or prefixes")
    check.add_argument("--config", metavar="FILE", help="use this jiaokan.toml or pyproject.toml")
    check.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    check.add_argument("--output-file", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    check.add_argument("--statistics", action="store_true", help="print counts per code instead of findings")
    check.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--report-unused-ignores", action="store_true",
                       help="report suppression comments that suppressed nothing (JK100)")
    check.add_argument("--fix", action="store_true", help="apply safe fixes, then report what remains")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: apply unsafe fixes too")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    check.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in this baseline")
    check.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                       help="worker processes for the per-document phase (default: the number of cores)")
    check.add_argument("--no-cache", action="store_true", help="do not read or write the results cache")
    check.add_argument("--cache-dir", metavar="DIR", help="where the cache lives (default: .jiaokan_cache)")

    base = sub.add_parser("baseline", help="record today's findings, to report only new ones")
    base.add_argument("action", choices=["create", "update"],
                      help="create: record every finding; update: drop entries that are fixed")
    base.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    base.add_argument("--baseline", "-o", metavar="FILE", default=None, help="default: .jiaokan-baseline.json")
    base.add_argument("--select", action="append", metavar="CODES")
    base.add_argument("--ignore", action="append", metavar="CODES")
    base.add_argument("--config", metavar="FILE")
    base.add_argument("--isolated", action="store_true")
    sub.add_parser("rules", help="list every rule, enabled or not").add_argument(
        "--format", choices=["table", "json"], default="table")
    rule = sub.add_parser("rule", help="print a rule's documentation")
    rule.add_argument("code")
    for command in (plugin_commands or {}).values():
        command.configure(sub.add_parser(command.name, help=command.help))
    return parser


def _settings(args):
    from .config import find_config, load

    if getattr(args, "isolated", False):
        return load(None)
    if getattr(args, "config", None):
        path = Path(args.config)
        if not path.is_file():
            raise UsageError(f"{args.config}: config file not found")
        return load(path)
    first = Path(args.paths[0]) if getattr(args, "paths", None) else Path.cwd()
    return load(find_config(first if first.exists() else Path.cwd()))


class _Progress:
    """A progress bar on stderr that appears only once a run has taken more than a second."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.t0 = time.monotonic()
        self.bar = None
        self.task = None

    def __call__(self, i: int, total: int, path: str) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            if time.monotonic() - self.t0 < 1.0:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                                console=Console(file=sys.stderr), transient=True)
            self.bar.start()
            self.task = self.bar.add_task(path, total=total)
        self.bar.update(self.task, completed=i, total=total, description=path[-40:])

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def cmd_check(args) -> int:
    from .reporters import FORMATS, plural, statistics
    from .runner import Engine

    settings = _settings(args)
    registry = _registry()
    engine = Engine(settings, registry, select=_codes(args.select), extend_select=_codes(args.extend_select),
                    ignore=_codes(args.ignore), report_unused_ignores=args.report_unused_ignores)
    from .cache import from_settings

    engine.cache = from_settings(engine, not args.no_cache, args.cache_dir)
    engine.jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    show_progress = not args.no_progress and sys.stderr.isatty() and not os.environ.get("CI")
    progress = _Progress(show_progress)
    try:
        result = engine.run(args.paths, progress)
        if args.diff:
            from .fix import apply

            outcome = apply(result, args.unsafe_fixes, write=False)
            _emit("".join(outcome.diffs), args.output_file)
            print(f"jiaokan: {plural(outcome.fixed, 'fix', 'fixes')} in {plural(len(outcome.files), 'file')} "
                  "would be applied", file=sys.stderr)
            return 0 if args.exit_zero or not outcome.files else 1
        fixed_total = 0
        if args.fix:
            from .fix import apply

            # Fixed text can make room for fixes that overlapped before: a few rounds, as ruff does.
            for _ in range(5):
                outcome = apply(result, args.unsafe_fixes, write=True)
                for path in outcome.stale:
                    print(f"jiaokan: warning: {path}: changed during the run; not fixed", file=sys.stderr)
                fixed_total += outcome.fixed
                if not outcome.files:
                    break
                result = engine.run(args.paths, None)
    finally:
        progress.close()
    if args.baseline:
        from .baseline import filter_new, load

        dropped = filter_new(result, load(Path(args.baseline)))
        if dropped:
            print(f"jiaokan: {plural(dropped, 'finding')} in the baseline not shown", file=sys.stderr)
    for path, reason in result.skipped:
        print(f"jiaokan: warning: {path}: skipped ({reason})", file=sys.stderr)
    for path, reason in result.errors:
        print(f"jiaokan: error: {path}: {reason}", file=sys.stderr)
    buf = io.StringIO()
    if args.statistics:
        for code, name, n, fixable in statistics(result):
            buf.write(f"{n:6d}\t{code}\t{'[*] ' if fixable else ''}{name}\n")
    else:
        FORMATS[args.format](result, registry, buf)
    _emit(buf.getvalue(), args.output_file)
    if args.fix:
        print(f"jiaokan: fixed {plural(fixed_total, 'finding')}, {len(result.findings)} remaining", file=sys.stderr)
    if args.exit_zero:
        return 0
    return 1 if result.findings else 0


def _emit(text: str, output_file: str | None) -> None:
    if output_file:
        from .fsutil import atomic_write

        atomic_write(Path(output_file), text.encode("utf-8"))
    else:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:  # `jiaokan check | head`
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())


def cmd_rules(args) -> int:
    registry = _registry()
    rows = [registry.rules[c] for c in registry.codes]
    if args.format == "json":
        import json

        json.dump([{"code": r.code, "name": r.name, "severity": r.severity.value, "default_enabled": r.default_enabled,
                    "fixable": r.fixable, "summary": r.summary(), "options": r.options} for r in rows],
                  sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(show_edge=False, header_style="bold")
    for col in ("code", "name", "default", "severity", "fix", "what it does"):
        table.add_column(col)
    for r in rows:
        table.add_row(r.code, r.name, "on" if r.default_enabled else "off", r.severity.value,
                      "yes" if r.fixable else "", r.summary())
    Console(highlight=False).print(table)
    return 0


def cmd_rule(args) -> int:
    registry = _registry()
    code = args.code.upper()
    cls = registry.rules.get(code)
    if cls is None:
        raise UsageError(f"unknown rule code {args.code!r} (see `jiaokan rules`)")
    print(f"# {cls.code} {cls.name}\n")
    print(f"Default severity: {cls.severity.value}. {'Enabled' if cls.default_enabled else 'Disabled'} by default."
          f"{' Has a fix.' if cls.fixable else ''}\n")
    print(cls.documentation())
    if cls.options:
        print("\n## Option defaults")
        for k, v in cls.options.items():
            print(f"- `{k}` = {v!r}")
    return 0


def cmd_baseline(args) -> int:
    from .baseline import DEFAULT_FILE, load, write
    from .reporters import plural
    from .runner import Engine

    settings = _settings(args)
    engine = Engine(settings, _registry(), select=_codes(args.select), ignore=_codes(args.ignore))
    result = engine.run(args.paths)
    path = Path(args.baseline or DEFAULT_FILE)
    if args.action == "create":
        n = write(path, result)
        print(f"jiaokan: {path}: {plural(n, 'finding')} recorded", file=sys.stderr)
    else:
        old = load(path)
        n = write(path, result, keep=old)
        gone = sum(old.values()) - n
        print(f"jiaokan: {path}: {n} kept, {gone} fixed and pruned", file=sys.stderr)
    return 0


COMMANDS = {"check": cmd_check, "rules": cmd_rules, "rule": cmd_rule, "baseline": cmd_baseline}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    plugin_commands = _plugin_commands() if argv and argv[0] not in COMMANDS else {}
    if not argv or argv[0] not in {*COMMANDS, *plugin_commands, "-h", "--help", "--version"}:
        argv.insert(0, "check")  # `jiaokan docs/` is `jiaokan check docs/`
    parser = build_parser(plugin_commands)
    args = parser.parse_args(argv)
    try:
        if args.command in plugin_commands:
            return plugin_commands[args.command].run(args)
        return COMMANDS[args.command](args)
    except JiaokanError as exc:
        print(f"jiaokan: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("jiaokan: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback for the user; JIAOKAN_DEBUG=1 shows it
        if os.environ.get("JIAOKAN_DEBUG"):
            raise
        print(f"jiaokan: internal error: {type(exc).__name__}: {exc} (set JIAOKAN_DEBUG=1 for a traceback)",
              file=sys.stderr)
        return 2


def entry() -> None:  # pragma: no cover
    sys.exit(main())
