"""The lexicon store: jieba's dictionary in a form that loads in milliseconds.

jieba keeps its dictionary as a Python dict (word -> frequency, plus every prefix), which costs
0.6 s to unmarshal in every process. The store holds the same data as a memory-mapped MARISA trie
(word -> id) with flat arrays indexed by id (frequency, part-of-speech tag), and the indexes and
tables the rules need beside it: the suggestible and the common words, those one substitution
apart by pattern (``显?`` -> 著, 示 … for 显著, 显示), the lexicon's idioms with one character
removed, the tone-marked readings and four-corner shape codes of Han characters, and the word
graph (every word and prefix) that the C route reads in place. It is built once from jieba's
``dict.txt`` (about 5 s, 29 MB), written atomically into the user cache folder, and keyed by the
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
import struct
import sys
import tempfile
from pathlib import Path

from jiaokan.fsutil import cache_home

FORMAT = 11
# Words that may be suggested as corrections: four characters or more from this count in jieba's
# corpus (idioms are rare there: 日晒雨淋 has 10), two or three characters from the second.
MIN_SUGGEST_FREQ = 5
MIN_SUGGEST_SHORT_FREQ = 50
# A word this frequent in jieba's corpus is common: TYPO takes it as a real word wherever it stands.
COMMON_FREQ = 1000


def location(name: str) -> Path | None:
    """Where package or module ``name`` is installed (its folder, or its file), without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None:
        return None
    if spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    return Path(spec.origin) if spec.origin else None


def dictionary_path() -> Path:
    """jieba's main dictionary, found without importing jieba (whose import loads its HMM tables)."""
    where = location("jieba")
    if where is None:
        raise RuntimeError("the jieba package is not installed")
    return where / "dict.txt"


def _version(package: str) -> str:
    """The installed version of ``package``, from its dist-info folder's name (importlib.metadata
    scans every installed distribution: 80 ms at each start)."""
    where = location(package)
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
    route = route_table(list(freqs), lambda word: logp_arr[trie.key_id(word)])
    meta = {
        "format": FORMAT,
        "total": total,
        "max_len": max(map(len, freqs)),
        "route_parts": [memoryview(part).nbytes for part in route],
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
                fh.write(part)
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
GOLDEN = 0x9E3779B97F4A7C15
SHORT_SLOT, LONG_SLOT = struct.Struct("=Qd"), struct.Struct("=QIId")


def _packed(key: str) -> int | None:
    """A key of 1-4 characters of the Basic Multilingual Plane (none U+0000) packed 16 bits each,
    the first character lowest; None for any other key."""
    if len(key) > 4 or any(not 0 < ord(c) <= 0xFFFF for c in key):
        return None
    return sum(ord(c) << (16 * i) for i, c in enumerate(key))


BLOOM_WORDS = 1 << 16  # the filter of the short keys: 4 Mbit, 512 KiB (a processor's L2 cache holds it)


def bloom_bits(key: int) -> tuple[int, int]:
    """Where the short key ``key`` sets its two bits in the filter: (word, mask)."""
    h = (key * GOLDEN) & MASK64
    return (h >> 48) & (BLOOM_WORDS - 1), (1 << ((h >> 32) & 63)) | (1 << ((h >> 38) & 63))


def route_table(words: list[str], logp_of) -> tuple[bytearray, bytearray, array.array, array.array]:
    """jieba's word graph for the C route (``jiaokan._speedups.route_log_prob`` and ``route_cut``):
    every word and every prefix of a word with the word's log-probability (``logp_of``; NaN for a
    prefix that is no word; positive, the sign flipped, for a word that is no prefix of a longer
    key, where the route stops looking), in two open-addressing tables, each at most half full. Keys of 1-4
    characters of the Basic Multilingual Plane go to the short table, packed into the key itself
    (``_packed``), slot ``(key * GOLDEN mod 2**64) >> 32`` on: 16-byte slots (key, log-probability),
    key 0 for an empty slot. Every other key goes to the long table, slot FNV-1a(code points) on:
    24-byte slots (hash, where its code points start in ``blob``, length (0: empty),
    log-probability). Beside them, a Bloom filter of the short keys of two characters or more
    (``bloom_bits``): the route asks it before it probes the short table, so that a key absent
    from the lexicon (a third of the probes) costs no cache miss. Returns (short, long, blob,
    bloom), native byte order."""
    nan = float("nan")
    prefixes = {word[:n] for word in words for n in range(1, len(word))}
    entries: dict[str, float] = {}  # in the order of the words (the set's order would vary by run)
    for word in words:
        for n in range(1, len(word)):
            entries.setdefault(word[:n], nan)
        # A word that no longer key starts with ends the route's probes: its log-probability
        # (negative) is stored with the sign flipped.
        lp = logp_of(word)
        if lp >= 0:
            raise ValueError(f"lexicon: the word {word!r} has log-probability {lp}")
        entries[word] = lp if word in prefixes else -lp
    shorts = [(k, _packed(k), lp) for k, lp in entries.items()]
    longs = [(k, lp) for k, key, lp in shorts if key is None]
    shorts = [(key, lp) for _, key, lp in shorts if key is not None]
    short = _open_table(SHORT_SLOT, [(((key * GOLDEN) & MASK64) >> 32, (key, lp)) for key, lp in shorts])
    bloom = array.array("Q", [0]) * BLOOM_WORDS
    for key, _ in shorts:
        if key >> 16:  # two characters or more
            word, bits = bloom_bits(key)
            bloom[word] |= bits
    blob = array.array("I")
    slots = []
    for word, lp in longs:
        h = FNV_OFFSET
        for ch in word:
            h = ((h ^ ord(ch)) * FNV_PRIME) & MASK64
        slots.append((h, (h, len(blob), len(word), lp)))
        blob.extend(map(ord, word))
    long = _open_table(LONG_SLOT, slots)
    if len(blob) % 2:
        blob.append(0)  # the filter after it starts on 8 bytes
    return short, long, blob, bloom


def _open_table(slot, entries: list[tuple[int, tuple]]) -> bytearray:
    """An open-addressing table of slots packed by the struct ``slot``, at most half full, a power
    of two of them: each entry ``(h, fields)`` in the first free slot from ``h`` on (linear probing),
    the free slots zero."""
    size = 1 << (2 * len(entries)).bit_length()
    table = bytearray(slot.size * size)
    taken = bytearray(size)
    mask = size - 1
    for h, fields in entries:
        i = h & mask
        while taken[i]:
            i = (i + 1) & mask
        taken[i] = 1
        slot.pack_into(table, slot.size * i, *fields)
    return table


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
