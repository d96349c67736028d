"""Per-character loops that the rules share, in C when the optional extension ``jiaokan._speedups``
was compiled with the wheel, in Python otherwise (the definitions below). Both give the same
results; tests hold the C code to these definitions. (``route_log_prob`` and ``route_cut``, which
read the word graph of the lexicon store, are None without the C code: ``jiaokan.rules.lang``'s
``Lexicon.route`` and ``Lexicon._cut_block`` are their definitions.)

Like markupsafe's or msgpack's speedups: a machine without a C compiler gets a pure-Python jiaokan
that runs slower and finds the same things. ``JIAOKAN_NO_SPEEDUPS=1`` turns the C code off.
"""

from __future__ import annotations

import os
from array import array
from collections import Counter
from functools import lru_cache
from itertools import accumulate, compress

import xxhash


def py_repeated_grams(text: str, min_n: int, max_n: int) -> dict[str, int]:
    """Every string of ``min_n``..``max_n`` characters without "\\0" that occurs at least twice in
    ``text`` (occurrences may overlap), with its count; shorter strings first, each length in the
    order of first occurrence. Counted level by level: a string can repeat only where its prefix
    one character shorter repeats."""
    alive = range(len(text) - min_n + 1)
    out: dict[str, int] = {}
    for n in range(min_n, max_n + 1):
        grams = [text[i : i + n] for i in alive]
        repeated = {g: c for g, c in Counter(grams).items() if c >= 2 and len(g) == n and "\0" not in g}
        out.update(repeated)
        alive = list(compress(alive, map(repeated.__contains__, grams)))
    return out


def py_extend(a: str, b: str, a0: int, a1: int, b0: int, b1: int, same: bool, confirm: int) -> tuple[int, int, int, int]:
    """The aligned region ``a[a0:a1]`` ~ ``b[b0:b1]`` grown outwards while the characters agree,
    stepping over one differing character when the ``confirm`` characters beyond it agree (a
    near-copy with an edit close to its edge). With ``same`` (``a`` and ``b`` are one text, the
    region in ``a`` before the one in ``b``), the first copy never reaches into the second."""
    while True:
        if a0 > 0 and b0 > 0 and a[a0 - 1] == b[b0 - 1] and (not same or a1 <= b0 - 1):
            a0 -= 1
            b0 -= 1
        elif (a0 > confirm and b0 > confirm and (not same or a1 <= b0 - 1 - confirm)
              and a[a0 - 1 - confirm : a0 - 1] == b[b0 - 1 - confirm : b0 - 1]):
            a0 -= 1 + confirm
            b0 -= 1 + confirm
        else:
            break
    while True:
        if a1 < len(a) and b1 < len(b) and a[a1] == b[b1] and (not same or a1 < b0):
            a1 += 1
            b1 += 1
        elif (a1 + 1 + confirm <= len(a) and b1 + 1 + confirm <= len(b) and (not same or a1 + confirm < b0)
              and a[a1 + 1 : a1 + 1 + confirm] == b[b1 + 1 : b1 + 1 + confirm]):
            a1 += 1 + confirm
            b1 += 1 + confirm
        else:
            break
    return a0, a1, b0, b1


CHAIN_DIAGONALS = 3  # a seed joins an open chain up to this many diagonals away ...
CHAIN_GAP = 48  # ... whose last seed is at most this far back
MERGE_SLACK = 8  # regions that continue each other across an edit this small merge


def _chains(seeds: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Seeds in order, each joining the open chain of the first diagonal from d - CHAIN_DIAGONALS
    to d + CHAIN_DIAGONALS whose last seed is at most CHAIN_GAP back, or starting a chain."""
    chains: list[list[tuple[int, int]]] = []
    open_chains: dict[int, int] = {}  # diagonal -> index into chains
    for i, j in sorted(seeds):
        d = j - i
        best = None
        for dd in range(d - CHAIN_DIAGONALS, d + CHAIN_DIAGONALS + 1):
            c = open_chains.get(dd)
            if c is not None and i - chains[c][-1][0] <= CHAIN_GAP:
                best = c
                break
        if best is None:
            chains.append([(i, j)])
            open_chains[d] = len(chains) - 1
        else:
            chains[best].append((i, j))
            open_chains[d] = best
    return chains


def py_align_regions(a: str, b: str, seeds: list[tuple[int, int]], same: bool, min_length: int, k: int,
                     confirm: int) -> list[tuple[int, int, int, int]]:
    """The aligned regions (a0, a1, b0, b1) of ``a`` and ``b`` grown from the seed pairs ``(i, j)``
    of equal ``k``-grams: the seeds chained along diagonals, each chain's span grown outwards as
    ``py_extend`` grows it (with ``same``, ``a`` and ``b`` are one text, and a copy never reaches into
    the other), those of at least ``k`` characters merged where they continue each other across a
    small edit, and of those the ones of at least ``min_length`` characters."""
    if any(i < 0 or j < 0 or i + k > len(a) or j + k > len(b) for i, j in seeds):
        raise ValueError("align_regions: a seed outside the texts")
    regions = []
    for chain in _chains(seeds):
        a0, b0 = chain[0]
        a1, b1 = chain[-1][0] + k, chain[-1][1] + k
        a0, a1, b0, b1 = py_extend(a, b, a0, a1, b0, b1, same, confirm)
        if same and a1 > b0:
            a1 = b0  # a passage repeated right after itself: the copies cannot overlap
        if a1 - a0 >= k:
            regions.append([a0, a1, b0, b1])
    regions.sort()
    merged: list[list[int]] = []
    for r in regions:
        if merged:
            m = merged[-1]
            if (r[0] <= m[1] + MERGE_SLACK and r[2] <= m[3] + MERGE_SLACK and r[2] >= m[2] - MERGE_SLACK
                    and -MERGE_SLACK <= (r[2] - r[0]) - (m[2] - m[0]) <= MERGE_SLACK):
                m[1] = max(m[1], r[1])
                m[3] = max(m[3], r[3])
                continue
        merged.append(list(r))
    out = []
    for a0, a1, b0, b1 in merged:
        if same and a1 > b0:
            a1 = b0
        if max(a1 - a0, b1 - b0) >= min_length:
            out.append((a0, a1, b0, b1))
    return out


EDIT_MAX = 4  # the longest key of an edit index: windows, suggestible words and their patterns have 2-4 characters
NO_OPTIONS = ((), None, ())  # what most windows have


class PyEditIndex:
    """What ``window_options`` looks a window up in, and its cache of the answers."""

    def __init__(self, words, table, idioms, confusables, frequency, keep_all_from: int, cache_size: int):
        self.words, self.table, self.idioms = words, table, idioms
        self.confusables, self.frequency = confusables, frequency
        self.keep_all_from, self.cache_size = keep_all_from, cache_size
        self.cache: dict[str, tuple] = {}


def py_edit_index(words: set | frozenset, table: dict[str, str], idioms: dict[str, tuple], confusables, frequency,
                  keep_all_from: int, cache_size: int) -> PyEditIndex:
    """The index that ``window_options`` looks windows up in:

    - the suggestible ``words``, and the one-substitution ``table`` (pattern with "?" -> the
      characters that complete it, most frequent word first), keys of 1 to EDIT_MAX characters;
    - ``idioms``: a window -> the idioms it is with one character dropped (a tuple);
    - ``confusables``: a character -> the characters easily confused with it (a str);
    - ``frequency``: a word -> its lexicon frequency (an int);
    - ``keep_all_from``: from this many characters on, a window's swaps are all kept;
    - ``cache_size``: the windows whose options are kept (the cache starts over when full).
    """
    if not isinstance(words, (set, frozenset)) or not isinstance(table, dict) or not isinstance(idioms, dict):
        raise TypeError("edit_index: words must be a set, table and idioms dicts")
    if any(not isinstance(k, str) or not 1 <= len(k) <= EDIT_MAX for k in (*words, *table)) or any(
            not isinstance(v, str) for v in table.values()):
        raise ValueError(f"edit_index: keys must be str of 1 to {EDIT_MAX} characters, values str")
    if cache_size < 1:
        raise ValueError("edit_index: cache_size must be positive")
    return PyEditIndex(frozenset(words), dict(table), idioms, confusables, frequency, keep_all_from, cache_size)


def py_window_options(w: str, index: PyEditIndex) -> tuple[tuple, tuple | None, tuple]:
    """What lies one edit from the window ``w`` (cached in ``index`` by ``w``):

    - its swaps of unequal neighbours, left to right, as (swapped, swapped is a word of the index):
      those that are words or, from ``keep_all_from`` characters on, all of them;
    - its look/sound-alike correction (j, right), or None: for each position j whose pattern (``w``
      with "?" at j) completes into words of the index, the first completing character (the most
      frequent word) among ``confusables(w[j])``; of those words, the most frequent, the earliest
      j on ties; and none at all when ``w`` itself has a frequency (it is a word);
    - the idioms it is with one character dropped.
    """
    got = index.cache.get(w)
    if got is not None:
        return got
    swaps = []
    for j in range(len(w) - 1):
        if w[j] != w[j + 1]:
            right = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
            known = right in index.words
            if known or len(w) >= index.keep_all_from:
                swaps.append((right, known))
    best = None
    for j in range(len(w) if len(w) <= EDIT_MAX else 0):
        fill = index.table.get(w[:j] + "?" + w[j + 1 :])
        if fill is None:
            continue
        i = py_first_shared(fill, index.confusables(w[j]))
        if i >= 0:
            right = w[:j] + fill[i] + w[j + 1 :]
            f = index.frequency(right)
            if best is None or f > best[0]:
                best = (f, j, right)
    choice = None if best is None or index.frequency(w) else (best[1], best[2])
    got = (tuple(swaps), choice, index.idioms.get(w, ()))
    if got == NO_OPTIONS:
        got = NO_OPTIONS
    if 1 <= len(w) <= EDIT_MAX:
        if len(index.cache) >= index.cache_size:  # a plain dict that starts over: cheaper than an LRU
            index.cache.clear()
        index.cache[w] = got
    return got


def py_count_tokens(run_tokens: list[list[str]], common, terms: dict, max_open: int, min_uses: int, word_min: int,
                    word_max: int) -> tuple[dict[str, int], set[str], list[str]]:
    """TYPO's counts of a document's tokens (``run_tokens``: the segmented runs): each token with
    its number of occurrences, in order of first occurrence; the tokens that open windows (single
    characters, and tokens of at most ``max_open`` characters that are neither in ``common`` nor
    used ``min_uses`` times in ``terms``); and the tokens of ``word_min``..``word_max``
    characters in ``common``, in order of first occurrence."""
    counts: dict[str, int] = Counter()
    for tokens in run_tokens:
        counts.update(tokens)
    opening = {t for t in counts
               if len(t) == 1 or (len(t) <= max_open and t not in common and terms.get(t, 0) < min_uses)}
    words = [t for t in counts if word_min <= len(t) <= word_max and t in common]
    return dict(counts), opening, words


def py_token_windows(runs: list[str], bases: list[int], run_tokens: list[list[str]], opening, max_neighbour: int,
                     keep=None):
    """TYPO's suspicious windows of a document's Han runs (``runs[r]`` starts at ``bases[r]`` and
    is segmented as ``run_tokens[r]``): for each token in ``opening``, in text order, a single
    character with its previous token and with its next one (each of at most ``max_neighbour``
    characters), and between two single characters all three; a longer token alone. Returns
    (windows, single_runs, doubled):

    - windows: window string -> its places (base, run, start in run, end in run), in order of first
      occurrence;
    - single_runs: (start, end) in the text of every stretch of three or more single-character
      tokens of a run that holds a token in ``opening``;
    - doubled: (r, i, start in run) of each single-character token in ``opening`` whose previous
      token (of two characters or more) ends with it, or whose next one starts with it.

    With a window filter ``keep`` (``window_filter``), only the windows it keeps."""
    windows: dict[str, list] = {}

    def add(w: str, place: tuple) -> None:
        places = windows.get(w)
        if places is None:
            if keep is not None and not keep(w):
                return
            windows[w] = places = []
        places.append(place)

    single_runs: list[tuple[int, int]] = []
    doubled: list[tuple[int, int, int]] = []
    for r, (base, run, tokens) in enumerate(zip(bases, runs, run_tokens)):
        if opening.isdisjoint(tokens):
            continue
        offs = list(accumulate(map(len, tokens), initial=0))
        singles = [i for i, t in enumerate(tokens) if len(t) == 1]
        if len(singles) >= 3:
            first = prev_i = singles[0]
            for i in singles[1:] + [-1]:
                if i != prev_i + 1:
                    if prev_i - first >= 2:
                        single_runs.append((base + offs[first], base + offs[prev_i] + 1))
                    first = i
                prev_i = i
        for i, tok in enumerate(tokens):
            if tok not in opening:
                continue
            o = offs[i]
            if len(tok) == 1:
                prev = tokens[i - 1] if i else ""
                nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
                if prev and len(prev) <= max_neighbour:
                    add(run[o - len(prev) : o + 1], (base, run, o - len(prev), o + 1))
                if nxt and len(nxt) <= max_neighbour:
                    add(run[o : o + 1 + len(nxt)], (base, run, o, o + 1 + len(nxt)))
                if len(prev) == 1 and len(nxt) == 1:
                    add(run[o - 1 : o + 2], (base, run, o - 1, o + 2))
                if (len(prev) >= 2 and prev[-1] == tok) or (len(nxt) >= 2 and nxt[0] == tok):
                    doubled.append((r, i, o))
            else:
                add(tok, (base, run, o, o + len(tok)))
    return windows, single_runs, doubled


def py_window_filter(index, skip: tuple, terms: dict, min_uses: int, wanted, swap_uses: int):
    """The filter ``token_windows`` keeps windows by: not a window in one of the ``skip`` sets (the
    words) or used ``min_uses`` times in ``terms`` (the document's terms), and one that the edit
    ``index`` offers a correction (``window_options``: a look/sound-alike, idioms, or a swap that
    is a word or used ``swap_uses`` times in ``terms``) or that is in ``wanted``."""

    def keep(w: str) -> bool:
        if any(w in words for words in skip) or terms.get(w, 0) >= min_uses:
            return False
        swaps, choice, idioms = py_window_options(w, index)
        offered = choice is not None or idioms or any(
            known or terms.get(swap, 0) >= swap_uses for swap, known in swaps)
        return bool(offered) or w in wanted

    return keep


def py_ranges(spans: list[tuple[int, int]]) -> array:
    """The integers of each span ``(start, end)`` in turn, end exclusive, as array("l")."""
    out = array("l")
    for start, end in spans:
        out.extend(range(start, end))
    return out


def py_first_shared(a: str, b: str) -> int:
    """The index in ``a`` of its first character that also occurs in ``b``, or -1."""
    hits = set(a).intersection(b)
    return min(map(a.index, hits)) if hits else -1


def py_split_at(items: list, sep) -> list[list]:
    """The parts of ``items`` between its items equal to ``sep`` (one more part than there are
    separators, as ``str.split`` splits)."""
    out, start = [], 0
    for i, item in enumerate(items):
        if item == sep:
            out.append(items[start:i])
            start = i + 1
    out.append(items[start:])
    return out


def _range_class(ranges: bytes, who: str) -> str:
    """The inside of a regex character class for ``ranges`` (bytes of native uint32 pairs first,
    last: sorted, not overlapping; else ValueError)."""
    import re

    bounds = array("I")
    bounds.frombytes(ranges)
    if len(bounds) % 2 or any(bounds[i] > bounds[i + 1] for i in range(0, len(bounds), 2)) or any(
            bounds[i] <= bounds[i - 1] for i in range(2, len(bounds), 2)):
        raise ValueError(f"{who}: ranges must be sorted pairs of uint32 that do not overlap")
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in zip(bounds[::2], bounds[1::2]))


@lru_cache(maxsize=8)
def _run_pattern(ranges: bytes):
    import re

    cls = _range_class(ranges, "char_runs")
    return re.compile(f"[{cls}]+") if cls else re.compile("(?!)")


def py_char_runs(text: str, ranges: bytes) -> tuple[list[int], list[str]]:
    """The maximal runs of ``text`` whose characters lie in ``ranges`` (bytes of native uint32
    pairs first, last: sorted, not overlapping), and where each starts."""
    starts, runs = [], []
    for m in _run_pattern(ranges).finditer(text):
        starts.append(m.start())
        runs.append(m.group())
    return starts, runs


@lru_cache(maxsize=8)
def _word_pattern(ranges: bytes):
    import re

    cls = _range_class(ranges, "word_view")
    # The standard library's \w without "_" is str.isalnum (the C code's letters and digits).
    return re.compile(f"(?:[^\\W_]|[{cls}])+" if cls else r"[^\W_]+")


def py_word_view(text: str, ranges: bytes, skipped, opens: str, ends: str) -> tuple[str, array, array, array, array]:
    """DUP's view of ``text``: its maximal runs of letters and digits (``str.isalnum``) and of the
    characters in ``ranges`` (as ``char_runs`` takes them), except those that overlap a ``skipped``
    (start, end) span (sorted by start), joined; where each run starts in the view and in the text;
    and per run whether a sentence starts before it (the text before it, back to the previous run
    and without edge whitespace, ends with a character of ``opens``, or is blank at the start of
    the text) and ends after it (a character of ``ends`` between it and the next run; after the
    last run, in the rest of the text, or the rest is blank)."""
    parts, starts, offsets = [], array("I"), array("I")
    sent_start, sent_end = array("B"), array("B")
    n = prev_end = j = 0
    for m in _word_pattern(ranges).finditer(text):
        s, e = m.span()
        while j < len(skipped) and skipped[j][1] <= s:
            j += 1
        if j < len(skipped) and skipped[j][0] < e:
            continue
        between = text[prev_end:s].strip()
        sent_start.append(1 if (between and between[-1] in opens) or (not between and prev_end == 0) else 0)
        if sent_end:
            sent_end[-1] = 1 if any(c in ends for c in between) else 0
        sent_end.append(0)
        starts.append(n)
        offsets.append(s)
        parts.append(m.group())
        n += e - s
        prev_end = e
    if sent_end:
        rest = text[prev_end:].strip()
        sent_end[-1] = 1 if not rest or any(c in ends for c in rest) else 0
    return "".join(parts), starts, offsets, sent_start, sent_end


def py_map_chars(text: str, pairs: bytes) -> str:
    """``text`` with each character that is a first of ``pairs`` (native uint32 pairs from, to,
    sorted by from) replaced by its second: the same length; ``text`` itself when none is."""
    values = array("I")
    values.frombytes(pairs)
    table = dict(zip(values[::2], map(chr, values[1::2])))
    out = text.translate(table)
    return text if out == text else out


def py_repeated_pairs(hashes, positions, max_per: int) -> list[tuple[int, int]]:
    """The pairs ``(p, q)``, ``p`` before ``q``, of the positions of each value that occurs 2 to
    ``max_per`` times in ``hashes`` (``positions`` beside them): values in order of first
    occurrence, each one's pairs in the order its positions occur."""
    if len(hashes) != len(positions):
        raise ValueError("repeated_pairs: hashes and positions differ in length")
    by_hash: dict[int, list[int]] = {}
    for h, p in zip(hashes, positions):
        by_hash.setdefault(h, []).append(p)
    pairs = []
    for where in by_hash.values():
        if 1 < len(where) <= max_per:
            for x in range(len(where)):
                for y in range(x + 1, len(where)):
                    pairs.append((where[x], where[y]))
    return pairs


def py_shared_hashes(arrays) -> set[int]:
    """The values that occur in at least two of ``arrays``, by set operations (a dict of every value
    with its arrays would take gigabytes at 100 MB of text)."""
    seen: set[int] = set()
    shared: set[int] = set()
    for values in arrays:
        mine = set(values)
        shared |= mine & seen
        seen |= mine
    return shared


def py_shared_postings(hash_arrays: list, position_arrays: list, shared: set) -> tuple[dict, list]:
    """For each value of ``shared`` found in the arrays (document d: ``hash_arrays[d]``, with its
    positions in ``position_arrays[d]``): value -> {d: [positions]}, documents and positions in
    order; and for each document its shared values, once each, in text order."""
    postings: dict[int, dict[int, list[int]]] = {}
    shared_of: list[list[int]] = []
    for d, (hashes, positions) in enumerate(zip(hash_arrays, position_arrays)):
        mask = list(map(shared.__contains__, hashes))
        mine = list(zip(compress(hashes, mask), compress(positions, mask)))
        for h, p in mine:
            postings.setdefault(h, {}).setdefault(d, []).append(p)
        shared_of.append(list(dict.fromkeys(h for h, _ in mine)))
    return postings, shared_of


def py_seeds_with_earlier(db: int, shared: list[int], postings: dict, limit: int, max_per: int) -> dict:
    """DUP002's seeds of document ``db`` with each earlier document: for each of its ``shared``
    values (in order) found in fewer than ``limit`` documents, and at most ``max_per`` times in
    ``db``, the pairs (position in the earlier document, position in ``db``) of each earlier
    document holding it at most ``max_per`` times (``postings``: value -> {document: positions},
    documents ascending, as ``shared_postings`` makes them). Returns {earlier document: pairs}."""
    seeds: dict[int, list[tuple[int, int]]] = {}
    for h in shared:
        docs = postings[h]
        if len(docs) >= limit:
            continue  # boilerplate: most documents have it
        py = docs[db]
        if len(py) > max_per:
            continue
        for da, px in docs.items():
            if da >= db:
                break  # the earlier documents come first
            if len(px) <= max_per:
                seeds.setdefault(da, []).extend((i, j) for i in px for j in py)
    return seeds


def py_aligned_with_earlier(db: int, shared: list[int], postings: dict, limit: int, max_per: int, texts: list[str],
                            min_length: int, k: int, confirm: int) -> list[tuple[int, list]]:
    """DUP002's aligned regions of document ``db`` with each earlier document ``da`` it has seeds
    with (``py_seeds_with_earlier``), in ascending order of ``da``: ``(da, regions)`` where
    ``py_align_regions(texts[da], texts[db], seeds, False, min_length, k, confirm)`` finds any."""
    out = []
    seeds = py_seeds_with_earlier(db, shared, postings, limit, max_per)
    for da in sorted(seeds):
        regions = py_align_regions(texts[da], texts[db], seeds[da], False, min_length, k, confirm)
        if regions:
            out.append((da, regions))
    return out


def py_winnow(text: str, k: int, w: int) -> tuple[array, array]:
    """Winnowing: the XXH3-64 hash of each ``k``-gram of ``text`` (its UTF-32-LE bytes), and of
    every window of ``w`` k-grams the minimum (the rightmost on ties), each change recorded once:
    (hashes, k-gram positions)."""
    n = len(text) - k + 1
    hashes, positions = array("Q"), array("I")
    if n <= 0:
        return hashes, positions
    data = text.encode("utf-32-le")
    h = xxhash.xxh3_64_intdigest
    grams = [h(data[4 * i : 4 * i + 4 * k]) for i in range(n)]
    m = 0  # the rightmost minimum of the current window
    last = -1
    for i in range(n):
        if grams[i] <= grams[m]:
            m = i
        elif m <= i - w:  # the minimum has left the window: the window's rightmost minimum
            window = grams[i - w + 1 : i + 1]
            m = i - window[::-1].index(min(window))
        if (i >= w - 1 or i == n - 1) and m != last:
            hashes.append(grams[m])
            positions.append(m)
            last = m
    return hashes, positions


_native = None
if not os.environ.get("JIAOKAN_NO_SPEEDUPS"):
    try:
        from jiaokan import _speedups as _native
    except ImportError:  # built without a C compiler: the definitions above do the work
        _native = None

NATIVE = _native is not None

if _native is not None:
    repeated_grams = _native.repeated_grams
    align_regions = _native.align_regions
    edit_index = _native.edit_index
    window_options = _native.window_options
    token_windows = _native.token_windows
    window_filter = _native.window_filter
    # Their Python definitions are jiaokan.rules.lang.Lexicon.route and _cut_block, over the marisa trie.
    route_log_prob = _native.route_log_prob
    route_cut = _native.route_cut
    shared_hashes = _native.shared_hashes
    repeated_pairs = _native.repeated_pairs
    char_runs = _native.char_runs
    shared_postings = _native.shared_postings
    aligned_with_earlier = _native.aligned_with_earlier
    split_at = _native.split_at
    count_tokens = _native.count_tokens
    map_chars = _native.map_chars

    def word_view(text: str, ranges: bytes, skipped, opens: str, ends: str) -> tuple[str, array, array, array, array]:
        view, raw_starts, raw_offsets, raw_sent_start, raw_sent_end = _native.word_view(text, ranges, skipped, opens, ends)
        starts, offsets, sent_start, sent_end = array("I"), array("I"), array("B"), array("B")
        starts.frombytes(raw_starts)
        offsets.frombytes(raw_offsets)
        sent_start.frombytes(raw_sent_start)
        sent_end.frombytes(raw_sent_end)
        return view, starts, offsets, sent_start, sent_end

    word_view.__doc__ = py_word_view.__doc__

    def winnow(text: str, k: int, w: int) -> tuple[array, array]:
        if not 5 <= k <= 32:  # the C code hashes inputs of 17 to 128 bytes only
            return py_winnow(text, k, w)
        raw_hashes, raw_positions = _native.winnow(text, k, w)
        hashes, positions = array("Q"), array("I")
        hashes.frombytes(raw_hashes)
        positions.frombytes(raw_positions)
        return hashes, positions

    winnow.__doc__ = py_winnow.__doc__

    def ranges(spans: list[tuple[int, int]]) -> array:
        out = array("l")
        out.frombytes(_native.ranges(spans))
        return out

    ranges.__doc__ = py_ranges.__doc__
else:
    repeated_grams = py_repeated_grams
    align_regions = py_align_regions
    edit_index = py_edit_index
    window_options = py_window_options
    token_windows = py_token_windows
    window_filter = py_window_filter
    route_log_prob = route_cut = None  # Lexicon.route and _cut_block do the work
    shared_hashes = py_shared_hashes
    repeated_pairs = py_repeated_pairs
    char_runs = py_char_runs
    shared_postings = py_shared_postings
    aligned_with_earlier = py_aligned_with_earlier
    split_at = py_split_at
    count_tokens = py_count_tokens
    map_chars = py_map_chars
    word_view = py_word_view
    winnow = py_winnow
    ranges = py_ranges
