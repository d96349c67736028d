"""Language data for TYPO: jieba's word frequencies, indexes for one-edit neighbours, and which
characters are confusable (the same sound in pypinyin, or the same shape by four-corner code)."""

from __future__ import annotations

import marshal
import os
import threading
from functools import lru_cache

from jiaokan.rules.lang import freq, tokenizer

MIN_INDEX_FREQ = 5  # words rarer than this in jieba's corpus are not suggested
_lock = threading.Lock()
_indexes = None


def _cache_path() -> str:
    import jieba

    base = getattr(tokenizer(), "tmp_dir", None) or os.path.join(os.path.expanduser("~"), ".cache", "jiaokan")
    return os.path.join(base, f"typo-index-{jieba.__version__}-{len(freq())}-{MIN_INDEX_FREQ}.marshal")


def indexes() -> tuple[dict, dict]:
    """(substitution index, deletion index), built once and cached on disk.

    substitution: "显?" -> ["显著", "显示", …] (each word of 2–4 characters, one wildcard)
    deletion:     "晒雨淋" -> ["日晒雨淋"] (each word of 3–5 characters with one character removed)
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
    sub: dict[str, list[str]] = {}
    dele: dict[str, list[str]] = {}
    for w, f in freq().items():
        if f < MIN_INDEX_FREQ or not ("\u4e00" <= w[0] <= "\u9fff"):
            continue
        n = len(w)
        if 2 <= n <= 4:
            for j in range(n):
                sub.setdefault(w[:j] + "?" + w[j + 1 :], []).append(w)
        if 3 <= n <= 5:
            for j in range(n):
                dele.setdefault(w[:j] + w[j + 1 :], []).append(w)
    built = (sub, dele)
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


def same_four_corner(a: str, b: str) -> bool:
    """Characters with the same four-corner code: the closest look-alikes (己/已, 未/末)."""
    codes = _four_corner()
    return a != b and codes.get(a) is not None and codes.get(a) == codes.get(b)


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


@lru_cache(maxsize=1)
def idiom_set() -> frozenset[str]:
    """Idioms (成语): the words jieba's dictionary tags "i"."""
    import jieba

    tok = tokenizer()
    path = tok.dictionary if tok.dictionary != jieba.DEFAULT_DICT else None
    stream = open(path, "rb") if path else tok.get_dict_file()
    out = set()
    with stream as fh:
        for raw in fh:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3 and parts[2] == "i":
                out.add(parts[0])
    return frozenset(out)
