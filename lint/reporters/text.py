from __future__ import annotations


def render_concise(result, registry, out) -> None:
    for f in result.findings:
        fixable = " [*]" if f.fix is not None else ""
        out.write(f"{f.path}:{f.start.line}:{f.start.column}: {f.code}{fixable} {f.message}\n")
    from .wording import closing_line

    out.write(closing_line(result) + ".\n")
