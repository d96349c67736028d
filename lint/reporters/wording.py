"""Wording shared by the human formats."""

from __future__ import annotations


def plural(n: int, noun: str, plural_form: str | None = None) -> str:
    """``3 findings``, ``1 file``, ``2 fixes``."""
    return f"{n} {noun if n == 1 else (plural_form or noun + 's')}"


def closing_line(result) -> str:
    """The last line of the human formats, without its final punctuation."""
    files = plural(result.files_checked, "file")
    if result.findings:
        return f"Found {plural(len(result.findings), 'finding')} in {files}"
    return f"All checks passed ({files})"
