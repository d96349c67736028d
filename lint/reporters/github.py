"""GitHub Actions workflow commands: one ``::warning``/``::error``/``::notice`` line a finding."""

from __future__ import annotations

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(result, registry, out) -> None:
    for f in result.findings:
        props = (
            f"file={_escape_prop(f.path)},line={f.start.line},col={f.start.column},"
            f"endLine={f.end.line},endColumn={f.end.column},title={_escape_prop(f.code + ' ' + f.rule)}"
        )
        out.write(f"::{LEVEL[f.severity.value]} {props}::{_escape_data(f.code + ' ' + f.message)}\n")
