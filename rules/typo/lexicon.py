"""Language data for TYPO: jieba's word frequencies, indexes for one-edit neighbours, and which
characters are confusable (the same sound in pypinyin, or the same shape by four-corner code)."""

from __future__ import annotations

import marshal
import os
import threading
from functools import lru_cache

from jiaokan.rules.lang import freq, tokenizer

MIN_INDEX_FREQ = 5  # words rarer than this in jieba's corpus are never suggested
MIN_SHORT_FREQ = 50  # ... and two- and three-character words rarer than this neither
_lock = threading.Lock()
_indexes = None


def _cache_path() -> str:
    import jieba

    base = getattr(tokenizer(), "tmp_dir", None) or os.path.join(os.path.expanduser("~"), ".cache", "jiaokan")
    return os.path.join(base, f"typo-index-2-{jieba.__version__}-{len(freq())}-{MIN_INDEX_FREQ}.marshal")


def indexes() -> tuple[dict, dict, dict]:
    """(substitution index, idiom deletion index, part-of-speech tags), built once from jieba's
    dictionary and cached on disk next to jieba's own cache.

    substitution: "显?" -> ["显著", "显示", …] (words of 2–4 characters that may be suggested)
    deletion:     "晒雨淋" -> ["日晒雨淋"] (idioms, tagged "i", with one character removed)
    tags:         word -> jieba's part-of-speech tag
    """
    global _indexes
    if _indexes is None:
        with _lock:
            if _indexes is None:
                _indexes = _load_or_build()
    return _indexes


def _load_or_build():
    path = _cache_path()
    try:
        with open(path, "rb") as fh:
            return marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    tags = _read_tags()
    sub: dict[str, list[str]] = {}
    dele: dict[str, list[str]] = {}
    for w, f in freq().items():
        n = len(w)
        if f < (MIN_INDEX_FREQ if n >= 4 else MIN_SHORT_FREQ) or not ("\u4e00" <= w[0] <= "\u9fff"):
            continue
        if 2 <= n <= 4:
            for j in range(n):
                sub.setdefault(w[:j] + "?" + w[j + 1 :], []).append(w)
        if n >= 4 and tags.get(w) == "i":
            for j in range(n):
                dele.setdefault(w[:j] + w[j + 1 :], []).append(w)
    fq = freq()
    for words in sub.values():
        words.sort(key=lambda w: -fq.get(w, 0))  # most frequent first: the search stops at a hit
    built = (sub, dele, tags)
    try:
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            marshal.dump(built, fh)
        os.replace(tmp, path)
    except OSError:
        pass
    return built


@lru_cache(maxsize=1)
def _four_corner() -> dict:
    from four_corner_method import FourCornerMethod

    return FourCornerMethod().data


@lru_cache(maxsize=65536)
def _pinyins(ch: str) -> frozenset[str]:
    """Every reading of ``ch`` with its tone (着: zhe, zháo, zhuó …)."""
    from pypinyin import Style, pinyin

    return frozenset(p for group in pinyin(ch, style=Style.TONE3, heteronym=True) for p in group)


@lru_cache(maxsize=262144)
def confusable(a: str, b: str) -> str | None:
    """"sound" or "shape" when ``a`` and ``b`` are easily confused, else None."""
    if a == b:
        return None
    if _pinyins(a) & _pinyins(b):
        return "sound"
    codes = _four_corner()
    ca, cb = codes.get(a), codes.get(b)
    if ca and cb and len(ca) == len(cb):
        diff = sum(x != y for x, y in zip(ca[:4], cb[:4]))
        if diff == 0 or (diff == 1 and ca[4:] == cb[4:]):
            return "shape"
    return None


def frequency(word: str) -> int:
    return freq().get(word, 0)


@lru_cache(maxsize=200000)
def log_prob(text: str) -> float:
    """Log-probability of ``text`` under jieba's unigram word model, on its best segmentation
    (the same dynamic programme jieba segments with)."""
    tok = tokenizer()
    dag = tok.get_DAG(text)
    route: dict = {}
    tok.calc(text, dag, route)
    return route[0][0] if text else 0.0


def _read_tags() -> dict[str, str]:
    import jieba

    tok = tokenizer()
    path = tok.dictionary if tok.dictionary != jieba.DEFAULT_DICT else None
    stream = open(path, "rb") if path else tok.get_dict_file()
    out: dict[str, str] = {}
    with stream as fh:
        for raw in fh:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3:
                out[parts[0]] = parts[2]
    return out


def pos(word: str) -> str:
    """jieba's part-of-speech tag of ``word``; unknown Han words are taken as nouns (names and new
    terms, as jieba's own guess for out-of-vocabulary words mostly is)."""
    tag = indexes()[2].get(word)
    if tag:
        return tag
    return "n" if len(word) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in word) else "x"
