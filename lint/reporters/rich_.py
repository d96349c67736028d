"""The default, human format: findings grouped by file, each with its line, carets under the span
(measured in terminal cells, so CJK double-width characters line up), the related place, the
suggested fix, and a summary table."""

from __future__ import annotations

from collections import defaultdict

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
MAX_CELLS = 72  # width of the snippet window


def _window(line: str, start: int, end: int) -> tuple[str, int, int, bool, bool]:
    """Crop ``line`` around ``[start, end)`` (character indices) to about MAX_CELLS cells."""
    if cell_len(line) <= MAX_CELLS:
        return line, start, end, False, False
    a = start
    budget = MAX_CELLS // 3
    while a > 0 and cell_len(line[a - 1 : start]) <= budget:
        a -= 1
    b = a
    while b < len(line) and cell_len(line[a : b + 1]) <= MAX_CELLS:
        b += 1
    return line[a:b], start - a, min(end, b) - a, a > 0, b < len(line)


def _snippet(console: Console, doc, f) -> None:
    if doc is None or not doc.lines:
        return
    line = doc.lines[min(f.start.line, len(doc.lines)) - 1]
    start = f.start.column - 1
    end = f.end.column - 1 if f.end.line == f.start.line else len(line.text)
    end = max(end, start + 1)
    shown, s, e, cut_left, cut_right = _window(line.text.replace("\t", " "), start, end)
    gutter = str(line.number)
    pad = " " * len(gutter)
    console.print(Text(f"{pad} │", style="blue"))
    body = Text(f"{gutter} │ ", style="blue")
    body.append(("…" if cut_left else "") + shown + ("…" if cut_right else ""))
    console.print(body)
    lead = cell_len(("…" if cut_left else "") + shown[:s])
    width = max(1, cell_len(shown[s:e]) if e > s else 1)
    marks = Text(f"{pad} │ ", style="blue")
    marks.append(" " * lead + "^" * width, style=STYLE[f.severity.value])
    if f.end.line > f.start.line:
        marks.append(f" … to line {f.end.line}", style="dim")
    console.print(marks)


def _fix_preview(doc, f) -> str:
    if f.fix is None or doc is None:
        return ""
    edits = sorted(f.fix.edits, key=lambda e: e.start_offset)
    if len(edits) == 1 and edits[0].end_offset - edits[0].start_offset <= 12 and edits[0].replacement:
        e = edits[0]
        return f"replace “{doc.text[e.start_offset:e.end_offset]}” with “{e.replacement}”"
    if all(not e.replacement.strip() for e in edits):
        removed = [doc.text[e.start_offset:e.end_offset] for e in edits]
        if all(not r.strip() for r in removed):
            return f"join the lines ({len(edits)} break{'s' if len(edits) != 1 else ''} removed)"
        return f"delete {sum(len(r) for r in removed)} characters"
    return f"{len(edits)} edit{'s' if len(edits) != 1 else ''}"


def render(result, registry, out, console: Console | None = None) -> None:
    console = console or Console(file=out, highlight=False, soft_wrap=True, emoji=False)
    by_path = defaultdict(list)
    for f in result.findings:
        by_path[f.path].append(f)
    for path in sorted(by_path):
        doc = result.documents.get(path)
        console.rule(Text(path, style="bold"), align="left", style="dim")
        for f in by_path[path]:
            head = Text()
            head.append(f"{f.path}:{f.start.line}:{f.start.column}: ", style="bold")
            head.append(f"{f.code} ", style=STYLE[f.severity.value] + " bold")
            head.append(f"[{f.rule}] ", style="dim")
            head.append(f.message)
            console.print(head)
            _snippet(console, doc, f)
            for rel in f.related:
                console.print(Text(f"  = related: {rel.path}:{rel.start.line}:{rel.start.column}: {rel.message}", style="blue"))
            preview = _fix_preview(doc, f)
            if preview:
                console.print(Text(f"  = fix ({f.fix.applicability.value}): {preview}", style="green"))
            console.print()
    from . import statistics

    rows = statistics(result)
    if rows:
        table = Table(title=None, show_edge=False, header_style="bold")
        table.add_column("code")
        table.add_column("rule")
        table.add_column("findings", justify="right")
        table.add_column("fixable", justify="right")
        for code, name, n, fx in rows:
            table.add_row(code, name, str(n), str(fx) if fx else "")
        console.print(table)
        n = len(result.findings)
        fixable = sum(1 for f in result.findings if f.fix is not None)
        console.print(Text(f"Found {n} finding{'s' if n != 1 else ''} in {result.files_checked} file{'s' if result.files_checked != 1 else ''}"
                           + (f" ({fixable} with a suggested fix)." if fixable else "."), style="bold"))
    else:
        console.print(Text(f"All checks passed ({result.files_checked} file{'s' if result.files_checked != 1 else ''}).", style="bold green"))
