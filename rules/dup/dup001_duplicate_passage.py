"""DUP001 duplicate-passage."""

from __future__ import annotations

from jiaokan import Edit, Fix, Related, Rule, Severity
from jiaokan.speedups import repeated_pairs

from .fingerprint import MAX_PER_DOC, build_view
from .passages import OPTIONS, describe, reportable


class DuplicatePassage(Rule):
    """## What it does
    Finds a passage that a document repeats: a paragraph, several paragraphs or a long sentence
    that occurs twice, even when one copy is hard-wrapped over many lines, re-indented, or has a
    few characters changed. Reported once, at the later copy, with the earlier copy as the related
    location, the similarity and the length of the shared text.

    ## Why is this bad?
    Repeats come from copy-and-paste while drafting and from merged versions; in a published report
    they read as carelessness. Formulaic phrases that every report repeats are short, or part of
    longer sentences that differ, and are not reported.

    ## Example
    ```text
    社区养老服务是民生工作的重点。全年新建社区养老服务中心四十六个……
    ……
    社区养老服务是民生工作的重
    点。全年新建社区养老服务中心四
    十六个……
    ```

    ## Fix safety
    The fix deletes the later copy. It is unsafe: the copies may differ in a detail that matters, and
    the text around the deleted copy may need rewording.

    ## Options
    - `min-length` (50): shortest reported passage, counting letters, digits and Han characters.
    - `min-sentence-length` (30): a whole repeated sentence is reported from this length.
    - `min-similarity` (85): rapidfuzz ratio the copies must reach.
    """

    code = "DUP001"
    name = "duplicate-passage"
    severity = Severity.WARNING
    fixable = True
    options = dict(OPTIONS)

    def check(self, document, context):
        view = build_view(document)
        # Every pair of places of a fingerprint the document holds 2 to MAX_PER_DOC times.
        seeds = repeated_pairs(view.hashes, view.positions, MAX_PER_DOC)
        matches = reportable(view, view, seeds, same=True, options=self.config)
        # One finding per later copy, against its earliest copy.
        best: dict[tuple[int, int], object] = {}
        for m in matches:
            key = (m.b0, m.b1)
            if key not in best or m.a0 < best[key].a0:
                best[key] = m
        for m in sorted(best.values(), key=lambda m: m.b0):
            a_start, a_end = view.span(m.a0, m.a1)
            b_start, b_end = view.span(m.b0, m.b1)
            first = document.position(a_start)
            last = document.position(a_end)
            lines = f"line {first.line}" if first.line == last.line else f"lines {first.line}–{last.line}"
            yield self.finding(
                document, b_start, b_end,
                f"passage repeats {lines} ({describe(m)})",
                related=[Related(document.path, first, last, "the earlier copy")],
                fix=Fix.unsafe(Edit(b_start, b_end, "")),
                data={"similarity": m.similarity, "length": m.length},
            )
