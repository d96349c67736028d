"""Shared by DUP001 and DUP002: which aligned matches are reportable passages."""

from __future__ import annotations

from .fingerprint import DupView, Match, align


def reportable(view_a: DupView, view_b: DupView, seeds, *, same: bool, options: dict) -> list[Match]:
    matches = align(view_a.text, view_b.text, seeds, same=same, min_similarity=options["min-similarity"],
                    min_length=shortest(options))
    return reportable_matches(view_a, view_b, matches, options)


def shortest(options: dict) -> int:
    """The shortest match that can be reported (a whole sentence may be shorter than a passage)."""
    return min(options["min-length"], options["min-sentence-length"])


def reportable_matches(view_a: DupView, view_b: DupView, matches: list[Match], options: dict) -> list[Match]:
    """The matches long enough to report: passages, and shorter whole sentences."""
    out = []
    for m in matches:
        if m.length >= options["min-length"]:
            out.append(m)
        elif view_a.whole_sentences(m.a0, m.a1) and view_b.whole_sentences(m.b0, m.b1):
            out.append(m)  # a whole repeated sentence, shorter than a passage
    return out


def describe(m: Match) -> str:
    kind = "identical" if m.identical else f"{min(m.similarity, 99.9):.1f}% similar"
    return f"{m.length} characters, {kind}"


OPTIONS = {
    # Shortest reportable passage, in letters/digits/Han characters (punctuation and spaces not counted).
    "min-length": 50,
    # A repeated whole sentence is reported from this length on.
    "min-sentence-length": 30,
    # rapidfuzz ratio (0-100) two copies must reach to count as the same passage.
    "min-similarity": 85.0,
}
