"""The default, human format: findings grouped by file, each with its line, carets under the span
(measured in terminal cells, so CJK double-width characters line up), the related place, the
suggested fix, and a summary table."""

from __future__ import annotations

from collections import defaultdict

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .wording import closing_line, plural

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


def _tail_window(line: str) -> tuple[str, bool]:
    """The end of ``line``, at most MAX_CELLS cells."""
    a = len(line)
    while a > 0 and cell_len(line[a - 1 :]) <= MAX_CELLS:
        a -= 1
    return line[a:], a > 0


def _print_line(console, gutter_w, number, text, lead_cells, width_cells, style, note=""):
    pad = " " * gutter_w
    body = Text(f"{str(number).rjust(gutter_w)} │ ", style="blue")
    body.append(text)
    console.print(body)
    marks = Text(f"{pad} │ ", style="blue")
    marks.append(" " * lead_cells + "^" * max(1, width_cells), style=style)
    if note:
        marks.append(note, style="dim")
    console.print(marks)


def _snippet(console: Console, doc, f) -> None:
    if doc is None or not doc.lines:
        return
    style = STYLE[f.severity.value]
    first = doc.lines[min(f.start.line, len(doc.lines)) - 1]
    gutter_w = len(str(f.end.line))
    console.print(Text(f"{' ' * gutter_w} │", style="blue"))
    start = f.start.column - 1
    if f.end.line == f.start.line:
        end = max(f.end.column - 1, start + 1)
        shown, s, e, cut_left, cut_right = _window(first.text.replace("\t", " "), start, end)
        prefix = "…" if cut_left else ""
        _print_line(console, gutter_w, first.number, prefix + shown + ("…" if cut_right else ""),
                    cell_len(prefix + shown[:s]), cell_len(shown[s:e]), style)
        return
    # A span over several lines: the end of its first line and the start of its last line.
    text = first.text.replace("\t", " ")[start:]
    shown, cut = _tail_window(text)
    prefix = "…" if cut else ""
    _print_line(console, gutter_w, first.number, prefix + shown, cell_len(prefix), cell_len(shown), style)
    last = doc.lines[min(f.end.line, len(doc.lines)) - 1]
    if last.number != first.number:
        if last.number > first.number + 1:
            console.print(Text(f"{' ' * gutter_w} ┆", style="blue"))
        end = max(f.end.column - 1, 1)
        shown, s, e, _, cut_right = _window(last.text.replace("\t", " "), 0, end)
        _print_line(console, gutter_w, last.number, shown + ("…" if cut_right else ""), 0, cell_len(shown[:e]), style)


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
            return f"join the lines ({plural(len(edits), 'break')} removed)"
        return f"delete {sum(len(r) for r in removed)} characters"
    return plural(len(edits), "edit")


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
        fixable = sum(1 for f in result.findings if f.fix is not None)
        console.print(Text(closing_line(result) + (f" ({fixable} with a suggested fix)." if fixable else "."), style="bold"))
    else:
        console.print(Text(closing_line(result) + ".", style="bold green"))
