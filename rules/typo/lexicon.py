"""Language data for TYPO, over the shared lexicon store (jiaokan.rules.lang): word frequencies,
one-edit neighbours, and which characters are confusable (the same toned sound in pypinyin, or the
same shape by four-corner code)."""

from __future__ import annotations

from functools import lru_cache

from jiaokan.rules.lang import freq as frequency  # noqa: F401  (TYPO's name for it)
from jiaokan.rules.lang import lexicon
from jiaokan.rules.lang.store import shape_keys


def one_substitution(pattern: str) -> str:
    """The characters that complete ``pattern`` ("显?") into a suggestible word of 2–4 characters,
    most frequent word first."""
    return lexicon().one_substitution(pattern)


def idioms_minus_one(text: str) -> tuple[str, ...]:
    """Idioms (tagged "i" in jieba's dictionary) that become ``text`` with one character removed
    (晒雨淋 -> 日晒雨淋)."""
    return lexicon().idioms_minus_one.get(text, ())


@lru_cache(maxsize=65536)
def confusables(a: str) -> str:
    """Characters that look or sound like ``a``: the same toned reading in pypinyin, or four-corner
    codes that share the first four digits, or differ in one of them and share the rest. One string
    (the store's groups joined; a character may recur), which the edit index of ``window_options``
    keeps sorted, once per character: cheaper to make than a set of hundreds."""
    lex = lexicon()
    groups = [lex.sound_alikes(r) for r in lex.readings(a)]
    code = lex.shape(a)
    if code:
        groups += [lex.shape_alikes(key) for key in shape_keys(code)]
    return "".join(groups).replace(a, "")


def confusable(a: str, b: str) -> bool:
    """The characters ``a`` and ``b`` are easily confused."""
    return b in confusables(a)


@lru_cache(maxsize=200000)
def log_prob(text: str) -> float:
    """Log-probability of ``text`` under jieba's unigram word model, on its best segmentation
    (the same dynamic programme jieba segments with)."""
    return lexicon().log_prob(text)

