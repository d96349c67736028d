"""The lexicon store: jieba's dictionary in a form that loads in milliseconds.

jieba keeps its dictionary as a Python dict (word -> frequency, plus every prefix), which costs
0.6 s to unmarshal in every process. The store holds the same data as a memory-mapped MARISA trie
(word -> id) with flat arrays indexed by id (frequency, part-of-speech tag), and the indexes and
tables the rules need beside it: the suggestible and the common words, those one substitution
apart by pattern (``显?`` -> 著, 示 … for 显著, 显示), the lexicon's idioms with one character
removed, the tone-marked readings and four-corner shape codes of Han characters, and the word
graph (every word and prefix) that the C route reads in place. It is built once from jieba's
``dict.txt`` (about 5 s, 31 MB), written atomically into the user cache folder, and keyed by the
versions of the data it was built from, so an upgrade builds a fresh one.
"""

from __future__ import annotations

import array
import hashlib
import importlib.util
import marshal
import math
import os
import shutil
import sys
import tempfile
from pathlib import Path

FORMAT = 10
# Words that may be suggested as corrections: four characters or more from this count in jieba's
# corpus (idioms are rare there: 日晒雨淋 has 10), two or three characters from the second.
MIN_SUGGEST_FREQ = 5
MIN_SUGGEST_SHORT_FREQ = 50
# A word this frequent in jieba's corpus is common: TYPO takes it as a real word wherever it stands.
COMMON_FREQ = 1000


def cache_home() -> Path:
    base = os.environ.get("JIAOKAN_CACHE_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "jiaokan")
    return Path(base)


def _location(name: str) -> Path | None:
    """Where package or module ``name`` is installed (its folder, or its file), without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None:
        return None
    if spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    return Path(spec.origin) if spec.origin else None


def dictionary_path() -> Path:
    """jieba's main dictionary, found without importing jieba (whose import loads its HMM tables)."""
    where = _location("jieba")
    if where is None:
        raise RuntimeError("the jieba package is not installed")
    return where / "dict.txt"


def _version(package: str) -> str:
    """The installed version of ``package``, from its dist-info folder's name (importlib.metadata
    scans every installed distribution: 80 ms at each start)."""
    where = _location(package)
    if where is None:
        return "?"
    where = where.parent  # a package's folder or a single-file module (marisa_trie's extension)
    norm = package.replace("-", "_")
    names = sorted(p.name for p in where.glob("*.dist-info") if p.name.lower().startswith(norm.lower() + "-"))
    return names[-1][len(norm) + 1 : -len(".dist-info")] if names else "?"


def store_key() -> str:
    src = dictionary_path()
    st = src.stat()
    # Versions and size, not the file's path: every virtual environment with the same packages
    # (a pre-commit environment, a project's venv) shares one store.
    ident = "|".join([str(FORMAT), str(st.st_size), _version("jieba"), _version("pypinyin"),
                      _version("four_corner_method"), _version("marisa_trie")])
    return hashlib.sha256(ident.encode()).hexdigest()[:16]


def store_dir() -> Path:
    return cache_home() / f"lexicon-{FORMAT}-{store_key()}"


def build(dest: Path) -> Path:
    """Build the store from jieba's dict.txt into ``dest`` (written beside it, then renamed);
    returns where it is."""
    import marisa_trie
    import xxhash

    freqs: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = 0
    with open(dictionary_path(), "rb") as fh:
        for raw in fh:
            parts = raw.decode("utf-8").strip().split(" ")
            if len(parts) < 2:
                continue
            word, f = parts[0], int(parts[1])
            if f <= 0:  # jieba's word graph skips words without a count
                freqs.pop(word, None)
                continue
            freqs[word] = f  # as jieba: a repeated word keeps its last count, the total counts both
            total += f
            if len(parts) >= 3:
                tags[word] = parts[2]
    trie = marisa_trie.Trie(list(freqs))
    tag_names = sorted(set(tags.values()))
    tag_ids = {t: i + 1 for i, t in enumerate(tag_names)}  # 0 = no tag
    freq_arr = array.array("I", [0]) * len(trie)
    logp_arr = array.array("d", [0.0]) * len(trie)
    log_total = math.log(total)
    tag_arr = bytearray(len(trie))
    for word, f in freqs.items():
        i = trie.key_id(word)
        freq_arr[i] = min(f, 2**32 - 1)
        logp_arr[i] = math.log(f) - log_total
        tag_arr[i] = tag_ids.get(tags.get(word, ""), 0)
    readings, shapes = _char_tables()
    idioms: dict[str, list[str]] = {}
    subst: dict[str, list[str]] = {}
    for word, f in freqs.items():
        n = len(word)
        if f < (MIN_SUGGEST_FREQ if n >= 4 else MIN_SUGGEST_SHORT_FREQ) or not "\u4e00" <= word[0] <= "\u9fff":
            continue
        if 2 <= n <= 4:
            for j in range(n):
                subst.setdefault(word[:j] + "?" + word[j + 1 :], []).append(word)
        if n >= 4 and tags.get(word) == "i":
            for j in range(n):
                idioms.setdefault(word[:j] + word[j + 1 :], []).append(word)
    # Suggestible words one substitution apart: "显?" -> "著示…" (the characters that complete a
    # word, most frequent first). 89k patterns: small enough for a dict, which TYPO queries for
    # every suspicious window (30 ms to load, 15x faster to query than a trie).
    subst_table = {k: "".join(w[k.index("?")] for w in sorted(v, key=lambda w: -freqs[w])) for k, v in subst.items()}
    # ... and every word of 2-4 characters frequent enough to suggest (57k; the table above keeps
    # to words that start in the main Han block), which TYPO asks about every transposition.
    suggestible = sorted(w for w, f in freqs.items()
                         if 2 <= len(w) <= 4 and f >= (MIN_SUGGEST_FREQ if len(w) >= 4 else MIN_SUGGEST_SHORT_FREQ))
    # ... and the common words of two characters or more (5k), which TYPO asks about every window.
    common = sorted(w for w, f in freqs.items() if len(w) >= 2 and f >= COMMON_FREQ)
    route = route_table(list(freqs), trie.key_id)
    meta = {
        "format": FORMAT,
        "total": total,
        "max_len": max(map(len, freqs)),
        "route_slots": len(route[0]),
        "route_bytes": sum(len(part) * part.itemsize for part in route),
        "tags": tag_names,
        "idioms_minus_one": {k: tuple(v) for k, v in idioms.items()},
    }
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=dest.name + ".", suffix=".tmp", dir=dest.parent))
    except OSError:  # no writable cache folder: build a private store for this process
        tmp = Path(tempfile.mkdtemp(prefix="jiaokan-lexicon-"))
        dest = tmp
    try:
        trie.save(str(tmp / "words.marisa"))
        subst_bytes = marshal.dumps((subst_table, suggestible, common))
        (tmp / "subst.marshal").write_bytes(subst_bytes)
        meta["subst_digest"] = xxhash.xxh3_64_hexdigest(subst_bytes)  # checked when the store opens
        (tmp / "freq.bin").write_bytes(_little_endian(freq_arr).tobytes())
        (tmp / "logp.bin").write_bytes(_little_endian(logp_arr).tobytes())
        (tmp / "tags.bin").write_bytes(bytes(tag_arr))
        with open(tmp / "route.bin", "wb") as fh:  # native byte order: the C code reads it in place
            for part in route:
                fh.write(part.tobytes())
        with open(tmp / "meta.marshal", "wb") as fh:
            marshal.dump(meta, fh)
        _char_trie(readings, shapes).save(str(tmp / "chars.marisa"))
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if tmp == dest:
        return dest
    try:
        if dest.exists():  # an unreadable store (interrupted by hand, older layout): set it aside
            trash = dest.with_name(f"{dest.name}.{os.getpid()}.old")
            os.rename(dest, trash)
            shutil.rmtree(trash, ignore_errors=True)
        os.rename(tmp, dest)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)  # another process put its store there first: use it
    _prune(dest)
    return dest


FNV_OFFSET, FNV_PRIME, MASK64 = 0xCBF29CE484222325, 0x100000001B3, (1 << 64) - 1
ROUTE_EMPTY = 0xFFFFFFFF


def route_table(words: list[str], key_id) -> tuple[array.array, ...]:
    """jieba's word graph for the C route (``jiaokan._speedups.route_log_prob``): every word and
    every prefix of a word, in an open-addressing table keyed by FNV-1a over code points. Slot i
    holds hashes[i], where its key starts in ``blob`` (the code points of every word, one after
    another; ROUTE_EMPTY: an empty slot), and (trie id + 1) << 8 | length (id + 1 = 0 for a prefix
    that is no word). Returns (hashes, offsets, packed, blob)."""
    blob = array.array("I")
    entries: dict[str, tuple[int, int, int]] = {}
    for word in words:
        if len(word) > 255:
            continue  # a key's length must fit a byte (jieba's longest word has 16 characters)
        off = len(blob)
        blob.extend(map(ord, word))
        h = FNV_OFFSET
        for n, ch in enumerate(word, 1):
            h = ((h ^ ord(ch)) * FNV_PRIME) & MASK64
            if n == len(word):
                entries[word] = (h, off, (key_id(word) + 1) << 8 | n)
            elif word[:n] not in entries:
                entries[word[:n]] = (h, off, n)
    size = 1 << (2 * len(entries)).bit_length()  # at most half full
    hashes = array.array("Q", [0]) * size
    offsets = array.array("I", [ROUTE_EMPTY]) * size
    packed = array.array("I", [0]) * size
    mask = size - 1
    for h, off, pk in entries.values():
        i = h & mask
        while offsets[i] != ROUTE_EMPTY:
            i = (i + 1) & mask
        hashes[i], offsets[i], packed[i] = h, off, pk
    return hashes, offsets, packed, blob


def _prune(current: Path) -> None:
    """Remove builds abandoned over an hour ago (best effort). Stores of other versions stay: another
    environment on this machine may still use them."""
    import time

    for other in current.parent.glob("lexicon-*.tmp"):
        try:
            if time.time() - other.stat().st_mtime > 3600:
                shutil.rmtree(other, ignore_errors=True)
        except OSError:
            continue


def _little_endian(arr: array.array) -> array.array:
    if sys.byteorder != "little":
        arr = array.array(arr.typecode, arr)
        arr.byteswap()
    return arr


def read_array(path: Path, typecode: str) -> array.array:
    arr = array.array(typecode)
    arr.frombytes(path.read_bytes())
    return _little_endian(arr)


def _char_tables() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """Every toned reading of each character pypinyin knows (heteronyms included), and the
    four-corner code of each character the four_corner_method package knows."""
    from four_corner_method import FourCornerMethod
    from pypinyin import Style, pinyin
    from pypinyin.pinyin_dict import pinyin_dict

    readings: dict[str, tuple[str, ...]] = {}
    for cp in pinyin_dict:
        ch = chr(cp)
        rs = sorted({p for group in pinyin(ch, style=Style.TONE3, heteronym=True) for p in group} - {ch})
        if rs:
            readings[ch] = tuple(rs)
    shapes = {ch: code for ch, code in FourCornerMethod().data.items()
              if len(ch) == 1 and code and not "\ud800" <= ch <= "\udfff"}
    return readings, shapes


def shape_keys(code: str) -> list[str]:
    """Keys under which look-alike four-corner codes meet: two codes of one length that share the
    first four digits, or differ in one of them and share the rest, have a key in common."""
    head, tail = code[:4], code[4:]
    keys = [f"{len(code)}:{head}"]
    keys += [f"{len(code)}:{head[:d]}*{head[d + 1:]}{tail}" for d in range(len(head))]
    return keys


def _char_trie(readings: dict[str, tuple[str, ...]], shapes: dict[str, str]):
    """One trie for the character tables: "r" + character -> its readings ("zhao2,zhe,zhuo2"),
    "c" + character -> its four-corner code, "R" + reading -> the characters with that reading,
    "C" + shape key -> the characters with a code under that key."""
    import marisa_trie

    by_sound: dict[str, list[str]] = {}
    for ch, rs in readings.items():
        for r in rs:
            by_sound.setdefault(r, []).append(ch)
    by_shape: dict[str, list[str]] = {}
    for ch, code in shapes.items():
        for key in shape_keys(code):
            by_shape.setdefault(key, []).append(ch)
    items = [("r" + ch, ",".join(rs)) for ch, rs in readings.items()]
    items += [("c" + ch, code) for ch, code in shapes.items()]
    items += [("R" + r, "".join(chs)) for r, chs in by_sound.items()]
    items += [("C" + k, "".join(chs)) for k, chs in by_shape.items()]
    return marisa_trie.BytesTrie((k, v.encode("utf-8")) for k, v in items)
