"""Language data for TYPO, over the shared lexicon store (jiaokan.rules.lang): word frequencies,
one-edit neighbours, and which characters are confusable (the same toned sound in pypinyin, or the
same shape by four-corner code)."""

from __future__ import annotations

from functools import lru_cache

from jiaokan.rules.lang import lexicon


def frequency(word: str) -> int:
    return lexicon().freq(word)


def one_substitution(pattern: str) -> list[str]:
    """Suggestible words of 2–4 characters matching ``pattern`` ("显?"), most frequent first."""
    return lexicon().one_substitution(pattern)


def idioms_minus_one(text: str) -> tuple[str, ...]:
    """Idioms (tagged "i" in jieba's dictionary) that become ``text`` with one character removed
    (晒雨淋 -> 日晒雨淋)."""
    return lexicon().idioms_minus_one.get(text, ())


@lru_cache(maxsize=262144)
def confusable(a: str, b: str) -> str | None:
    """"sound" or "shape" when ``a`` and ``b`` are easily confused, else None."""
    if a == b:
        return None
    lex = lexicon()
    if lex.readings(a) & lex.readings(b):
        return "sound"
    ca, cb = lex.shape(a), lex.shape(b)
    if ca and cb and len(ca) == len(cb):
        diff = sum(x != y for x, y in zip(ca[:4], cb[:4]))
        if diff == 0 or (diff == 1 and ca[4:] == cb[4:]):
            return "shape"
    return None


@lru_cache(maxsize=200000)
def log_prob(text: str) -> float:
    """Log-probability of ``text`` under jieba's unigram word model, on its best segmentation
    (the same dynamic programme jieba segments with)."""
    return lexicon().log_prob(text)

