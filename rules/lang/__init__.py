"""Language data shared by the rule families: jieba's lexicon and segmenter, loaded lazily and once
per process (jieba keeps its own marshal cache of the dictionary, so a cold start costs ~0.5 s)."""

from __future__ import annotations

import logging
import os
import tempfile
import threading

_lock = threading.Lock()
_tokenizer = None


def tokenizer():
    """jieba's default tokenizer, initialised once, quietly, with its cache in a private folder."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tok = jieba.Tokenizer()
                cache_dir = os.environ.get("JIAOKAN_CACHE_HOME") or os.path.join(
                    os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "jiaokan")
                try:
                    os.makedirs(cache_dir, exist_ok=True)
                    tok.tmp_dir = cache_dir
                except OSError:
                    tok.tmp_dir = tempfile.gettempdir()
                tok.initialize()
                _tokenizer = tok
    return _tokenizer


def freq() -> dict[str, int]:
    """Word -> frequency from jieba's dictionary (~350,000 words). Prefix-only entries have 0."""
    return tokenizer().FREQ


def cut(text: str) -> list[str]:
    return tokenizer().lcut(text, HMM=False)
