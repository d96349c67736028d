"""Applying fixes: the engine, not the rules, decides which edits go in and writes the files.

A fix is all-or-nothing: its edits go in together or not at all. Fixes whose edits overlap an
edit already accepted for the same file are skipped (and reported), so no edit ever lands on text
another edit has changed. Files are written atomically in their original encoding, with their BOM,
and only when their bytes are still the ones that were checked.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .decode import encode
from .fsutil import atomic_write
from .model import Applicability, Finding


@dataclass
class FixResult:
    fixed: int = 0  # findings whose fix was applied
    skipped_overlap: int = 0
    files: list[str] = field(default_factory=list)  # files changed (or that would change)
    stale: list[str] = field(default_factory=list)  # changed on disk during the run: left alone
    diffs: list[str] = field(default_factory=list)


def applicable(f: Finding, unsafe: bool) -> bool:
    return f.fix is not None and (unsafe or f.fix.applicability == Applicability.SAFE)


def apply_to_text(text: str, findings: list[Finding], unsafe: bool, newline: str = "\n") -> tuple[str, int, int]:
    """(new text, fixes applied, fixes skipped for overlapping) for one document."""
    fixes = sorted((f.fix for f in findings if applicable(f, unsafe)),
                   key=lambda fx: min(e.start_offset for e in fx.edits))
    taken: list[tuple[int, int]] = []
    chosen = []
    skipped = 0
    for fx in fixes:
        spans = [(e.start_offset, e.end_offset) for e in fx.edits]
        if any(a < tb and ta < b or (a == b == ta) for a, b in spans for ta, tb in taken):
            skipped += 1
            continue
        taken.extend(spans)
        chosen.append(fx)
    edits = sorted((e for fx in chosen for e in fx.edits), key=lambda e: e.start_offset, reverse=True)
    out = text
    for e in edits:
        replacement = e.replacement.replace("\n", newline) if newline != "\n" else e.replacement
        out = out[: e.start_offset] + replacement + out[e.end_offset :]
    return out, len(chosen), skipped


def apply(result, unsafe: bool, write: bool) -> FixResult:
    """Apply the fixes of a run's findings to its documents; ``write=False`` only computes diffs."""
    by_path: dict[str, list[Finding]] = {}
    for f in result.findings:
        if applicable(f, unsafe):
            by_path.setdefault(f.path, []).append(f)
    out = FixResult()
    for path, findings in sorted(by_path.items()):
        doc = result.documents.get(path)
        if doc is None:
            continue
        new, n, skipped = apply_to_text(doc.text, findings, unsafe, doc.newline)
        out.skipped_overlap += skipped
        if new == doc.text:
            continue
        if not write:
            out.diffs.append("".join(difflib.unified_diff(
                doc.text.splitlines(keepends=True), new.splitlines(keepends=True),
                fromfile=f"a/{path}", tofile=f"b/{path}")))
            out.files.append(path)
            out.fixed += n
            continue
        fs_path = Path(doc.fs_path)
        try:
            current = hashlib.sha256(fs_path.read_bytes()).hexdigest()
        except OSError:
            out.stale.append(path)
            continue
        if doc.source_bytes_hash and current != doc.source_bytes_hash:
            out.stale.append(path)  # edited while we were checking: never overwrite newer work
            continue
        atomic_write(fs_path, encode(new, doc.encoding, doc.bom))
        out.files.append(path)
        out.fixed += n
    return out
