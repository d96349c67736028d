from __future__ import annotations


def render_concise(result, registry, out) -> None:
    for f in result.findings:
        fixable = " [*]" if f.fix is not None else ""
        out.write(f"{f.path}:{f.start.line}:{f.start.column}: {f.code}{fixable} {f.message}\n")
    n = len(result.findings)
    if n:
        out.write(f"Found {n} finding{'s' if n != 1 else ''} in {result.files_checked} file{'s' if result.files_checked != 1 else ''}.\n")
    else:
        out.write(f"All checks passed ({result.files_checked} file{'s' if result.files_checked != 1 else ''}).\n")
