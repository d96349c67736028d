"""Language data shared by the rule families: jieba's lexicon (word frequencies, part-of-speech tags)
and its segmentation, served from the lexicon store (see ``store.py``), loaded lazily and once per
process in a few milliseconds.

``cut`` gives exactly jieba's ``lcut(text, HMM=False)``: the same dictionary, the same maximum-
probability route over the same word graph, the same handling of Latin letters and digits. The
route runs in C over the store's word graph (``route_cut``) when jiaokan is built with its
speedups. Without them, once a process has segmented more than ``NATIVE_AFTER`` characters, the
blocks go to rjieba (jieba-rs, the same dictionary and route in Rust) when it is installed:
importing it costs 0.1 s, more than a single report's segmentation in Python.
"""

from __future__ import annotations

import marshal
import math
import re
import threading
from array import array
from functools import lru_cache
from pathlib import Path

from jiaokan.speedups import char_runs, route_cut, route_log_prob, split_at

from . import store

# The characters of the regex module's \p{Han} (the Unicode Script property Han), as ranges of
# code points: the tests hold the two to each other.
HAN_RANGES = ((0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x3005, 0x3005), (0x3007, 0x3007),
              (0x3021, 0x3029), (0x3038, 0x303B), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFA6D),
              (0xFA70, 0xFAD9), (0x16FE2, 0x16FE3), (0x16FF0, 0x16FF6), (0x20000, 0x2A6DF), (0x2A700, 0x2B81E),
              (0x2B820, 0x2CEAD), (0x2CEB0, 0x2EBE0), (0x2EBF0, 0x2EE5D), (0x2F800, 0x2FA1D), (0x30000, 0x3134A),
              (0x31350, 0x33479))
HAN_BYTES = array("I", [x for r in HAN_RANGES for x in r]).tobytes()


def han_runs(text: str) -> tuple[list[int], list[str]]:
    """The runs of Han characters of ``text`` (``\\p{Han}+``) and where each starts."""
    return char_runs(text, HAN_BYTES)


_lock = threading.Lock()
_lexicon = None
_failure: Exception | None = None

# jieba's own block patterns (jieba/__init__.py: re_han_default, re_skip_default, re_eng)
_RE_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
_RE_SKIP = re.compile("(\r\n|\\s)", re.U)
_RE_ENG = re.compile("[a-zA-Z0-9]", re.U)
_RE_OUTSIDE = re.compile("[^\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-\n]")  # a character outside the blocks

# The blocks of the last cut_many call (one document's runs) with their words, for cut() to reuse:
# a block's words are the same whoever asks (a block is segmented on its own).
_recent_blocks: dict[str, list[str]] = {}

NATIVE_AFTER = 60_000  # characters segmented in Python before rjieba is worth its import
_native = None  # rjieba's cut once imported; False when it is not installed
_segmented = 0


def _native_cut(pending: int = 0):
    """rjieba's ``cut`` once this process has segmented, or is about to segment (``pending``
    characters more), enough text to repay its import, else None."""
    global _native
    if _native is None and _segmented + pending > NATIVE_AFTER:
        try:
            import rjieba
        except ImportError:  # an optional accelerator: the Python route gives the same words
            _native = False
        else:
            _native = rjieba.cut
    return _native or None


class Lexicon:
    """Word frequencies and tags of jieba's dictionary, over a memory-mapped trie."""

    def __init__(self, path: Path):
        import marisa_trie
        import xxhash

        self.trie = marisa_trie.Trie()
        self.trie.mmap(str(path / "words.marisa"))
        self._subst: dict | None = None
        self._suggestible: frozenset | None = None
        self._common: frozenset | None = None
        self.freqs = store.read_array(path / "freq.bin", "I")
        self.logps = store.read_array(path / "logp.bin", "d")
        self.tag_ids = (path / "tags.bin").read_bytes()
        meta = marshal.loads((path / "meta.marshal").read_bytes())
        # The substitution table is read (3 MB) and checked now, and parsed only when TYPO asks.
        self._subst_data: bytes | None = (path / "subst.marshal").read_bytes()
        if (meta.get("format") != store.FORMAT or not len(self.freqs) == len(self.logps) == len(self.trie)
                or xxhash.xxh3_64_hexdigest(self._subst_data) != meta.get("subst_digest")):
            raise ValueError("lexicon store of another format, or damaged")
        self.total: int = meta["total"]
        self.max_len: int = meta["max_len"]
        self.tag_names = [""] + list(meta["tags"])
        self.chars = marisa_trie.BytesTrie()
        self.chars.mmap(str(path / "chars.marisa"))
        self.idioms_minus_one: dict = meta["idioms_minus_one"]
        self.unknown_logp = -math.log(self.total)  # jieba: an unknown character counts once
        # The word graph for the C route, mapped (pages are read as the route touches them).
        self._route_args = None
        if route_log_prob is not None:
            import mmap

            with open(path / "route.bin", "rb") as fh:
                mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            view = memoryview(mapped)
            short, long, blob, bloom = meta["route_parts"]
            if len(view) != short + long + blob + bloom:
                raise ValueError("lexicon store with a damaged route table")
            a, b, c = short, short + long, short + long + blob
            self._route_args = (view[:a], view[a:b], view[b:c], view[c:], self.max_len, self.unknown_logp)

    def freq(self, word: str) -> int:
        i = self.trie.get(word)
        return 0 if i is None else self.freqs[i]

    def tag(self, word: str) -> str:
        i = self.trie.get(word)
        return "" if i is None else self.tag_names[self.tag_ids[i]]

    def route(self, sentence: str) -> tuple[list[float], list[int]]:
        """jieba's ``calc`` over jieba's ``get_DAG``, in one backward pass: for each position, the
        best log-probability of the rest of the sentence, and where the first word of that route
        ends (exclusive). Ties go to the longer word, as in jieba."""
        n = len(sentence)
        logp = self.logps
        prefixes = self.trie.iter_prefixes_with_ids
        maxlen = self.max_len
        best_rest = [0.0] * (n + 1)
        word_end = [0] * (n + 1)
        none = -math.inf
        for k in range(n - 1, -1, -1):
            best, end = none, k + 1
            for p, i in prefixes(sentence[k : k + maxlen]):  # shortest first
                x = k + len(p)
                v = logp[i] + best_rest[x]
                if v >= best:
                    best, end = v, x
            if best == none:  # no word starts here: the character alone, counted once
                best = self.unknown_logp + best_rest[k + 1]
            best_rest[k], word_end[k] = best, end
        return best_rest, word_end

    def log_prob(self, text: str) -> float:
        """The log-probability of ``text``'s best route (``route``), in C when built with it."""
        if self._route_args is not None:
            return route_log_prob(text, *self._route_args)
        return self.route(text)[0][0] if text else 0.0

    def _cut_block(self, sentence: str):
        word_end = self.route(sentence)[1]
        x, n, buf = 0, len(sentence), ""
        while x < n:
            y = word_end[x]
            word = sentence[x:y]
            if len(word) == 1 and _RE_ENG.match(word):
                buf += word
            else:
                if buf:
                    yield buf
                    buf = ""
                yield word
            x = y
        if buf:
            yield buf

    def cut_blocks(self, blocks: list[str]) -> list[list[str]]:
        """The words of each of ``blocks``, each one block of jieba's pattern (``_RE_HAN``): in C
        over the store's word graph, or by rjieba, or by the Python route."""
        global _segmented
        if self._route_args is not None:
            return route_cut(blocks, *self._route_args)
        native = _native_cut(sum(map(len, blocks)))
        _segmented += sum(map(len, blocks))
        if native:
            return [native(b, False) for b in blocks]
        return [list(self._cut_block(b)) for b in blocks]

    def cut(self, text: str) -> list[str]:
        if _RE_HAN.fullmatch(text):  # one block, the common case: a run of Han characters
            known = _recent_blocks.get(text)
            return list(known) if known is not None else self.cut_blocks([text])[0]
        out: list[str] = []
        parts = _RE_HAN.split(text)  # what lies between the blocks, and the blocks (odd indices)
        words = iter(self._cut_known(parts[1::2]))  # every block in one call
        for i, blk in enumerate(parts):
            if i % 2:
                out.extend(next(words))
            elif blk:
                for x in _RE_SKIP.split(blk):
                    if _RE_SKIP.match(x):
                        out.append(x)
                    else:
                        out.extend(x)
        return out

    def _cut_known(self, blocks: list[str]) -> list[list[str]]:
        """``cut_blocks(blocks)``, taking the words of the blocks the last ``cut_many`` segmented
        from it (the clauses NUM segments are mostly runs TYPO has segmented whole)."""
        known = _recent_blocks
        if not known:
            return self.cut_blocks(blocks)
        missing = [b for b in blocks if b not in known]
        fresh = iter(self.cut_blocks(missing) if missing else ())
        return [known[b] if b in known else next(fresh) for b in blocks]

    def _load_suggest(self) -> None:
        table, words, common = marshal.loads(self._subst_data)
        self._subst, self._suggestible, self._common = table, frozenset(words), frozenset(common)
        self._subst_data = None

    @property
    def substitutions(self) -> dict[str, str]:
        """Pattern ("显?") -> the characters that complete it into a suggestible word, most frequent
        word first ("著示…" for 显著, 显示 …); loaded on first use."""
        if self._subst is None:
            self._load_suggest()
        return self._subst

    @property
    def suggestible(self) -> frozenset[str]:
        """The words of 2–4 characters frequent enough to be suggested as corrections
        (``store.MIN_SUGGEST_FREQ`` from four characters, ``MIN_SUGGEST_SHORT_FREQ`` below)."""
        if self._suggestible is None:
            self._load_suggest()
        return self._suggestible

    @property
    def common(self) -> frozenset[str]:
        """The words of two characters or more as frequent as ``store.COMMON_FREQ``."""
        if self._common is None:
            self._load_suggest()
        return self._common

    def one_substitution(self, pattern: str) -> str:
        """The characters that, put for the "?" of ``pattern``, make a suggestible word, most
        frequent word first ("显?" -> "著示…" for 显著, 显示 …)."""
        return self.substitutions.get(pattern, "")

    def _char_entry(self, key: str) -> str:
        hit = self.chars.get(key)
        return hit[0].decode("utf-8") if hit else ""

    def readings(self, ch: str) -> tuple[str, ...]:
        """Every toned reading of ``ch`` (着: zhao2, zhe, zhuo2 …); () for a character without one."""
        r = self._char_entry("r" + ch)
        return tuple(r.split(",")) if r else ()

    def shape(self, ch: str) -> str | None:
        """The four-corner code of ``ch``."""
        return self._char_entry("c" + ch) or None

    def sound_alikes(self, reading: str) -> str:
        """The characters with this toned reading."""
        return self._char_entry("R" + reading)

    def shape_alikes(self, key: str) -> str:
        """The characters whose four-corner code falls under this key (see ``store.shape_keys``)."""
        return self._char_entry("C" + key)


def lexicon() -> Lexicon:
    """The lexicon store, built on first use and then memory-mapped by every process."""
    global _lexicon, _failure
    if _lexicon is None:
        with _lock:
            if _failure is not None:  # one failed build per process, not one per rule and document
                raise _failure
            if _lexicon is None:
                path = store.store_dir()
                try:
                    _lexicon = Lexicon(path)
                except (OSError, RuntimeError, ValueError, EOFError, TypeError, KeyError):
                    try:
                        _lexicon = Lexicon(store.build(path))
                    except Exception as exc:
                        _failure = exc
                        raise
    return _lexicon


@lru_cache(maxsize=1 << 18)
def freq(word: str) -> int:
    """How often ``word`` occurs in jieba's corpus (0: not a word of the lexicon)."""
    return lexicon().freq(word)


@lru_cache(maxsize=1 << 16)
def pos(word: str) -> str:
    """jieba's part-of-speech tag of ``word``; unknown Han words are taken as nouns (names and new
    terms, as jieba's own guess for out-of-vocabulary words mostly is)."""
    t = lexicon().tag(word)
    if t:
        return t
    return "n" if len(word) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in word) else "x"


def cut(text: str) -> list[str]:
    """jieba's segmentation without HMM (``jieba.lcut(text, HMM=False)``)."""
    return lexicon().cut(text)


def cut_many(texts: list[str]) -> list[list[str]]:
    """``[cut(t) for t in texts]``, with the texts that are one block of jieba's pattern (runs of
    common Han characters: most of them) segmented in one call: in C, or by rjieba joined by line
    breaks (a break ends a block, so each is cut as on its own; one call instead of thousands of
    short ones takes 40% less time for a document's runs)."""
    global _recent_blocks
    lex = lexicon()
    native = None
    if lex._route_args is None:
        native = _native_cut(sum(map(len, texts)))
        if not native:
            return [lex.cut(t) for t in texts]  # (each counted by cut() as it goes)
    # Each text one block (not empty, no line break of its own, no character outside the blocks)?
    joined = "\n".join(texts)
    if all(texts) and joined.count("\n") == len(texts) - 1 and not _RE_OUTSIDE.search(joined):
        blocks = list(range(len(texts)))
    else:  # ... else the texts that are one block are segmented together, and the others on their own
        blocks = [i for i, t in enumerate(texts) if _RE_HAN.fullmatch(t)]
    if native is None:
        parts = lex.cut_blocks(texts if len(blocks) == len(texts) else [texts[i] for i in blocks])
    else:
        parts = split_at(native("\n".join(texts[i] for i in blocks), False), "\n") if blocks else []
    out: list[list[str] | None] = [None] * len(texts)
    if len(parts) == len(blocks):  # (with rjieba, a break is always a token of its own)
        for i, part in zip(blocks, parts):
            out[i] = part
        _recent_blocks = {texts[i]: part for i, part in zip(blocks, parts)}
    return [got if got is not None else lex.cut(t) for got, t in zip(out, texts)]
