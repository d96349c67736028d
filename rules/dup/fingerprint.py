"""Dup views, winnowed fingerprints, and turning shared fingerprints into aligned passages."""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass

from jiaokan.rules.lang import HAN_BYTES
from jiaokan.speedups import align_regions, winnow, word_view

K = 8  # k-gram length, in dup-view characters
W = 8  # winnowing window: any shared run of W + K - 1 = 15 characters shares a fingerprint
CONFIRM = 4  # characters that must agree after a substituted one for an extension to step over it
MAX_PER_DOC = 8  # a k-gram more frequent than this in one document is a formula, not a copy
SENTENCE_END = "。！？；!?;"
OPENS_AFTER = SENTENCE_END + "：:”」』）)…"  # a sentence starts after these


def view_text(text: str) -> str:
    """The runs of letters, digits and Han characters of ``text``, joined (a dup view's text)."""
    return word_view(text, HAN_BYTES, (), OPENS_AFTER, SENTENCE_END)[0]


@dataclass
class DupView:
    """A document's letters, digits and Han characters, with the map back to file offsets."""

    text: str
    run_starts: array  # dup-view index where each run begins
    run_offsets: array  # file offset of each run's first character
    line_starts: array  # file offsets of line starts (for positions after the document is gone)
    hashes: array  # winnowed fingerprints: hash values ...
    positions: array  # ... and their dup-view positions
    source_len: int
    sentence_start: array  # per run: 1 when a sentence starts with the run
    sentence_end: array  # per run: 1 when a sentence ends with the run

    def whole_sentences(self, a: int, b: int, slack: int = 2) -> bool:
        """True when the passage ``text[a:b]`` starts and ends at sentence boundaries (within
        ``slack`` characters)."""
        r = bisect.bisect_right(self.run_starts, a) - 1
        if not (self.sentence_start[r] and a - self.run_starts[r] <= slack):
            return False
        r = bisect.bisect_right(self.run_starts, b - 1) - 1
        run_end = self.run_starts[r + 1] if r + 1 < len(self.run_starts) else len(self.text)
        return bool(self.sentence_end[r]) and run_end - b <= slack

    def offset(self, i: int) -> int:
        """File offset of dup-view index ``i`` (``len(text)`` maps to the end of the last run)."""
        if i >= len(self.text):
            if not self.text:
                return self.source_len
            r = len(self.run_starts) - 1
            return self.run_offsets[r] + (len(self.text) - self.run_starts[r])
        r = bisect.bisect_right(self.run_starts, i) - 1
        return self.run_offsets[r] + (i - self.run_starts[r])

    def span(self, a: int, b: int) -> tuple[int, int]:
        return self.offset(a), self.offset(b - 1) + 1 if b > a else self.offset(a)

    def position(self, offset: int):
        from jiaokan import Position

        line = bisect.bisect_right(self.line_starts, offset) - 1
        return Position(line + 1, offset - self.line_starts[line] + 1, offset)


def build_view(doc) -> DupView:
    """The document's runs of letters, digits and Han characters (outside its skipped ranges),
    joined, with where each run starts and whether a sentence starts or ends with it (by the
    characters between it and its neighbours); cached on the document."""
    cached = doc.cache.get("dup-view")
    if cached is not None:
        return cached
    view_text, starts, offsets, sent_start, sent_end = word_view(doc.text, HAN_BYTES, doc.skipped_ranges,
                                                                 OPENS_AFTER, SENTENCE_END)
    hashes, positions = fingerprints(view_text)
    view = DupView(view_text, starts, offsets, array("I", doc.line_starts), hashes, positions, len(doc.text),
                   sent_start, sent_end)
    doc.cache["dup-view"] = view
    return view


def fingerprints(text: str) -> tuple[array, array]:
    """Winnowing: the minimum k-gram hash of every window of W k-grams (rightmost on ties)."""
    return winnow(text, K, W)


@dataclass
class Match:
    a0: int
    a1: int
    b0: int
    b1: int
    similarity: float
    identical: bool = False

    @property
    def length(self) -> int:
        return max(self.a1 - self.a0, self.b1 - self.b0)


def align(a: str, b: str, seeds: list[tuple[int, int]], *, same: bool, min_similarity: float,
          min_length: int) -> list[Match]:
    """Aligned passages of ``a`` and ``b`` grown from seed pairs ``(i, j)`` of equal k-grams: the
    regions ``align_regions`` grows (extending outwards while the characters agree, stepping over
    a substituted character when the next CONFIRM characters agree again), as similar as
    ``min_similarity``."""
    if not seeds:
        return []
    return similar(a, b, align_regions(a, b, seeds, same, min_length, K, CONFIRM), min_similarity)


def similar(a: str, b: str, regions, min_similarity: float) -> list[Match]:
    """The aligned regions ``(a0, a1, b0, b1)`` of ``a`` and ``b`` as similar as ``min_similarity``."""
    from rapidfuzz import fuzz  # (imported on first use: 20 ms a run from the cache need not spend)

    out = []
    for a0, a1, b0, b1 in regions:
        sa, sb = a[a0:a1], b[b0:b1]
        sim = fuzz.ratio(sa, sb)
        if sim >= min_similarity:
            out.append(Match(a0, a1, b0, b1, round(sim, 1), sa == sb))
    return out
