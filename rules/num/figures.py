"""Figures of a document (cached per document), and the comparison that decides a conflict."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .extract import Figure, extract
from .keys import BROAD_KEYS, Keys, content_words, scopes_compatible, times_compatible

# Two sentences about the same measure share context beyond the key itself.
MIN_CONTEXT_OVERLAP = 0.25
SPECIFIC_KEY_LENGTH = 4


def keys_for(config: dict) -> Keys:
    """The measure keys with a rule's extra ``synonyms`` (made once per set of synonyms: the three
    NUM rules ask for them for every document)."""
    return _keys(tuple(tuple(group) for group in config.get("synonyms", ())))


@lru_cache(maxsize=8)
def _keys(synonyms: tuple[tuple[str, ...], ...]) -> Keys:
    return Keys(synonyms)


def document_figures(doc, keys: Keys) -> list[Figure]:
    cached = doc.cache.get("num-figures")
    if cached is not None:
        return cached
    norm = doc.norm
    figures = []
    words_of: dict[str, frozenset] = {}  # a sentence often holds several figures
    # Only figures with a key: where nothing identifies what a figure counts, it is never compared.
    for s, e, fig in extract(norm, keys, paragraph_starts(doc), keyed_only=True):
        start, end = doc.norm_to_span(s, e)
        fig.start, fig.end = start, end
        # Computed here, with the document, so a cached summary compares without the lexicon.
        if fig.sentence not in words_of:
            words_of[fig.sentence] = frozenset(content_words(fig.sentence))
        fig.words = words_of[fig.sentence]
        figures.append(fig)
    doc.cache["num-figures"] = figures
    return figures


def paragraph_starts(doc) -> frozenset[int]:
    """Indices in ``doc.norm`` where a paragraph starts: every content line, except the
    continuations of broken wraps (the WRAP analysis decides which line breaks are wraps)."""
    from jiaokan.rules.wrap.analysis import analyse

    info = analyse(doc)
    continuations = {br.second.number for br in info["breaks"]}
    return frozenset(doc.norm_index(cl.start) for cl in info["lines"] if cl.number not in continuations)


@dataclass
class Verdict:
    why: str
    overlap: float


def same_measure(a: Figure, b: Figure, *, same_document: bool) -> Verdict | None:
    """Why ``a`` and ``b`` measure the same thing, or None when they may not."""
    if a.key != b.key or a.unit != b.unit or a.kind != b.kind:
        return None
    if a.key in BROAD_KEYS and (a.raw_key != b.raw_key or len(a.raw_key) < 4):
        return None
    if not scopes_compatible(a.scope, b.scope):
        return None
    if not times_compatible(a, b, same_document):
        return None
    # The key alone rarely identifies a measure (3万名教师参加培训 is not the total of
    # 教师): the two sentences must also share context beyond the key.
    keyish = a.raw_key + b.raw_key + a.key
    wa = {w for w in _words(a) if w not in keyish}
    wb = {w for w in _words(b) if w not in keyish}
    shared = len(wa & wb)
    overlap = shared / max(1, min(len(wa), len(wb)))
    if len(a.key) >= SPECIFIC_KEY_LENGTH:
        # (a sentence that says nothing but the specific key and the figure has no context to miss)
        if (overlap < MIN_CONTEXT_OVERLAP or shared < 1) and wa and wb:
            return None
    elif overlap < 2 * MIN_CONTEXT_OVERLAP and shared < 4 or shared < 2:
        return None
    reasons = [f"both count “{a.key}”" + (f" (“{a.raw_key}” / “{b.raw_key}”)" if a.raw_key != b.raw_key else "")]
    reasons.append(f"in {a.unit}")
    if a.scope or b.scope:
        reasons.append(f"scope {a.scope or '—'} / {b.scope or '—'}")
    if a.times or b.times:
        reasons.append(f"time {'、'.join(a.times) or '—'} / {'、'.join(b.times) or '—'}")
    return Verdict(", ".join(reasons), round(overlap, 2))


def _words(f: Figure):
    """The content words of a figure's sentence (made with the document, or from its sentence)."""
    return f.words or (content_words(f.sentence) if f.sentence else ())


def compared_value(value: float, lo: float, hi: float) -> float:
    """What a figure is compared by: its lower bound when open-ended (超过100万), else its value."""
    return lo if hi == float("inf") else value


def intervals_overlap(a_lo: float, a_hi: float, b_lo: float, b_hi: float) -> bool:
    """Both figures may be right: their intervals [lo, hi) share a value."""
    return not (a_hi <= b_lo or b_hi <= a_lo)


def conflict_candidates(values: list[float], max_ratio: float = 1.7) -> list[tuple[int, int]]:
    """The pairs (i, j), i < j, in that order, of figures (by their ``compared_value``) whose values
    are both positive and within ``max_ratio`` of each other: the only pairs ``conflict`` can accept,
    found by sorting the values instead of trying every pair (the window is a little wider than the
    ratio, so rounding never loses a pair)."""
    order = sorted((v, i) for i, v in enumerate(values) if v > 0)
    pairs = []
    for s, (v, i) in enumerate(order):
        limit = v * max_ratio * (1 + 1e-9)
        for w, j in order[s + 1 :]:
            if w > limit:
                break
            pairs.append((i, j) if i < j else (j, i))
    pairs.sort()
    return pairs


def conflict(a: Figure, b: Figure, max_ratio: float = 1.7) -> bool:
    """The intervals do not overlap, so both cannot be right, and the values are close enough to be
    two versions of one figure: a figure mistyped or left stale is near the right one, while
    values far apart (113.6万 against 6.6万) measure different periods or populations."""
    return values_conflict(a.value, a.lo, a.hi, b.value, b.lo, b.hi, max_ratio)


def values_conflict(a_value: float, a_lo: float, a_hi: float, b_value: float, b_lo: float, b_hi: float,
                    max_ratio: float = 1.7) -> bool:
    """``conflict`` of two figures given by their values and intervals."""
    if intervals_overlap(a_lo, a_hi, b_lo, b_hi):
        return False
    lo, hi = sorted((compared_value(a_value, a_lo, a_hi), compared_value(b_value, b_lo, b_hi)))
    return lo > 0 and hi / lo <= max_ratio
