"""The lexicon store (jiaokan.rules.lang): the same segmentation, frequencies and probabilities as
jieba's own dictionary-based segmenter, loaded from a memory-mapped store, rebuilt when broken."""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import GOV, SEEDS
from jiaokan import speedups
from jiaokan.rules import lang
from jiaokan.rules.lang import store


@pytest.fixture(scope="module")
def jieba_tok():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


# The segmenters: the C route over the store's word graph (when jiaokan is built with its
# speedups), rjieba (which a process without them switches to once it has segmented enough text),
# and the Python route. All must give jieba's words.
KINDS = ["python", "rjieba"] + (["c"] if speedups.NATIVE else [])


@contextlib.contextmanager
def _segmenting(kind: str):
    lex = lang.lexicon()
    saved = lang._native, lex._route_args
    if kind != "c":
        lex._route_args = None
        lang._native = pytest.importorskip("rjieba").cut if kind == "rjieba" else False
    try:
        yield
    finally:
        lang._native, lex._route_args = saved


SEGMENTERS = pytest.mark.parametrize("kind", KINDS)


def _lines() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt")) + sorted(GOV.glob("*.txt"))[:4]
    return [ln for p in paths for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]


@SEGMENTERS
def test_cut_is_jiebas_cut_on_real_text(jieba_tok, kind):
    lines = _lines()
    assert len(lines) > 100
    with _segmenting(kind):
        diff = [ln for ln in lines if lang.cut(ln) != jieba_tok.lcut(ln, HMM=False)]
    assert diff == []


# Repeated characters (人人人, 常常常) make ties between routes; rarer Han ranges (\u3400, \u9fea) fall
# outside jieba's blocks.
MIXED = st.text(alphabet=st.sampled_from(list("的是在工会职工农民权益维护省总人常天 \t\r\nAbc19._%-#&+，。、“”（）《》"
                                              "\u3000\u3400\u9fea")),
                max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(MIXED | st.text(alphabet="的是工会职工人人常Ab1.\n", max_size=12), max_size=8))
@example(["工会", "", "人人人", "维护\u3400权益"])
@example(["工会\n职工", "人"])  # a text's own line break is not a joining one
def test_cut_many_is_cut_of_each(texts):
    """Several texts in one call (to rjieba, split at the joining line breaks): each text's words
    as cut() gives them, whatever the texts hold (breaks, spaces, rarer Han, empty texts)."""
    for kind in KINDS:
        with _segmenting(kind):
            assert lang.cut_many(texts) == [lang.cut(t) for t in texts], kind


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="的是在工会职工人常天维护权益", min_size=1, max_size=10), min_size=1, max_size=6), MIXED)
def test_cut_after_cut_many_is_jiebas_cut(jieba_tok, runs, text):
    """cut() takes the words of the blocks the last cut_many segmented: they are jieba's words
    for the block alone and in a longer text, and each caller gets a list of its own."""
    for kind in KINDS:
        with _segmenting(kind):
            lang.cut_many(runs)
            if kind == "c":
                assert set(lang._recent_blocks) == set(runs)
            for t in runs + [text, "，".join(runs), text.join(runs)]:
                words = lang.cut(t)
                assert words == jieba_tok.lcut(t, HMM=False), (kind, t)
                words.append("x")
            assert [lang.cut(r) for r in runs] == [jieba_tok.lcut(r, HMM=False) for r in runs]


@SEGMENTERS
def test_cut_many_on_the_han_runs_of_real_text(kind):
    import regex

    runs = [m.group() for ln in _lines() for m in regex.finditer(r"\p{Han}+", ln)]
    assert len(runs) > 1000
    with _segmenting(kind):
        assert lang.cut_many(runs) == [lang.cut(r) for r in runs]


@settings(max_examples=300, deadline=None)
@given(MIXED)
@example("人人人不以这\u4db5")  # rjieba, given the whole text, breaks this tie the other way
def test_cut_and_probability_match_jieba_on_any_text(jieba_tok, text):
    for kind in KINDS:
        with _segmenting(kind):
            assert lang.cut(text) == jieba_tok.lcut(text, HMM=False), kind
    if text:
        route: dict = {}
        jieba_tok.calc(text, jieba_tok.get_DAG(text), route)
        assert lang.lexicon().log_prob(text) == pytest.approx(route[0][0])


def test_frequencies_and_tags_are_jiebas(jieba_tok):
    lex = lang.lexicon()
    words = [w for w, f in jieba_tok.FREQ.items() if f][:: 997]
    assert len(words) > 300
    assert all(lex.freq(w) == jieba_tok.FREQ[w] for w in words)
    assert lex.freq("不是一个词语吧") == 0 and lex.tag("不是一个词语吧") == ""
    assert lang.pos("工会") == "n" and lang.pos("维护") == "v"
    assert lex.idioms_minus_one.get("晒雨淋") == ("日晒雨淋",)
    near = ["显" + c for c in lex.one_substitution("显?")]
    assert {"显著", "显示"} <= set(near) and all(lex.freq(w) >= 50 for w in near)
    assert [lex.freq(w) for w in near] == sorted((lex.freq(w) for w in near), reverse=True)


@pytest.fixture(scope="module")
def built_store(tmp_path_factory):
    """A cache folder holding a store built once (each damage test copies it, then damages it)."""
    home = tmp_path_factory.mktemp("store-home")
    code = "from jiaokan.rules import lang; lang.lexicon()"
    res = subprocess.run([sys.executable, "-c", code], env={"JIAOKAN_CACHE_HOME": str(home), "PATH": ""},
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    return home


@pytest.mark.parametrize("damage", [
    "(p / 'subst.marshal').unlink()",
    "(p / 'subst.marshal').write_bytes((p / 'subst.marshal').read_bytes()[:1000])",
    # the same size, bytes overwritten: found by its digest when TYPO first reads it
    "b = bytearray((p / 'subst.marshal').read_bytes()); b[5000:5100] = bytes(100); (p / 'subst.marshal').write_bytes(b)",
    "(p / 'route.bin').unlink()",
    "(p / 'route.bin').write_bytes((p / 'route.bin').read_bytes()[:-4000])",
    "(p / 'route.bin').write_bytes(b'')",
])
def test_a_broken_store_is_rebuilt(tmp_path, damage, built_store):
    """A store left half-written (a file missing or cut short) is set aside and rebuilt, in a fresh
    process."""
    import shutil

    shutil.copytree(built_store, tmp_path, dirs_exist_ok=True)
    code = (
        "import sys; from jiaokan.rules import lang; from jiaokan.rules.lang import store\n"
        "p = store.store_dir(); lang.lexicon()\n"
        "assert p.exists() and (p / 'words.marisa').exists()\n"
        f"{damage}; lang._lexicon = None\n"
        "assert lang.cut('维护职工权益') == ['维护', '职工', '权益']\n"
        "assert lang.lexicon().log_prob('维护职工权益') == lang.lexicon().route('维护职工权益')[0][0]\n"
        "assert (p / 'subst.marshal').exists() and lang.lexicon().one_substitution('显?')\n"
        "print(sorted(x.name for x in p.parent.iterdir()))\n"
    )
    env = {"JIAOKAN_CACHE_HOME": str(tmp_path), "PATH": ""}
    res = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == f"[{store.store_dir().name!r}]"  # no temporary or old folder left


def test_an_unwritable_cache_folder_still_works(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code = "from jiaokan.rules import lang; print(lang.cut('维护职工权益'))"
    res = subprocess.run([sys.executable, "-c", code], env={"JIAOKAN_CACHE_HOME": str(blocker / "sub")},
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "维护" in res.stdout


@settings(max_examples=300, deadline=None)
@given(MIXED | st.text(alphabet="的是工会职工人人常天不以这\u4db5", max_size=30))
@example("人人人不以这\u4db5")
def test_the_c_route_gives_the_python_routes_probability(text):
    """log_prob over the store's word graph in C is the marisa route's, to the last bit."""
    lex = lang.lexicon()
    if lex._route_args is None:
        pytest.skip("jiaokan was built without its C speedups")
    assert lex.log_prob(text) == (lex.route(text)[0][0] if text else 0.0)


def test_the_c_route_on_real_text():
    lex = lang.lexicon()
    if lex._route_args is None:
        pytest.skip("jiaokan was built without its C speedups")
    text = "".join(_lines())
    pieces = [text[i : i + n] for n in (1, 3, 8, 13) for i in range(0, len(text) - n, 97)]
    assert len(pieces) > 1000
    assert [lex.log_prob(p) for p in pieces] == [lex.route(p)[0][0] for p in pieces]


@pytest.fixture(scope="module")
def some_words() -> list[str]:
    """Words of the dictionary of every length, the longest (in the long table) among them."""
    words = sorted(lang.lexicon().trie.keys(), key=lambda w: (-len(w), w))
    return words[:200] + words[200::1999]


@settings(max_examples=300, deadline=None)
@given(data=st.data())
@example(data=None)
def test_the_c_cut_is_the_python_routes(some_words, data):
    """route_cut over the store's two tables (short keys packed, long ones hashed) gives the words
    of Lexicon._cut_block, the Python route over the marisa trie: on dictionary words run together
    (long ones too), with rarer characters, letters and digits, and characters beyond the BMP."""
    lex = lang.lexicon()
    if lex._route_args is None:
        pytest.skip("jiaokan was built without its C speedups")
    if data is None:
        texts = ["中华人民共和国万岁", "人民代表大会常务委员会", "𠀀工会𠀀职工", "B超和T恤3G", "常常常人人人", ""]
    else:
        pieces = st.sampled_from(some_words) | st.text(alphabet="的是工会人常Ab19.𠀀\u3400\u9fea", max_size=4)
        texts = data.draw(st.lists(st.lists(pieces, max_size=6).map("".join), max_size=5))
    assert speedups.route_cut(texts, *lex._route_args) == [list(lex._cut_block(t)) for t in texts]
    assert [lex.log_prob(t) for t in texts] == [lex.route(t)[0][0] if t else 0.0 for t in texts]


def test_the_filter_holds_every_short_key():
    """The route asks the Bloom filter before it probes the short table: a key of two characters
    or more that the filter lacked would end a route early (no false negatives allowed)."""
    lex = lang.lexicon()
    if lex._route_args is None:
        pytest.skip("jiaokan was built without its C speedups")
    short, bloom = lex._route_args[0].cast("Q"), lex._route_args[3].cast("Q")
    keys = [k for k in short[0::2] if k >> 16]
    assert len(keys) > 100_000 and len(bloom) == store.BLOOM_WORDS
    assert all(bloom[word] & bits == bits for word, bits in map(store.bloom_bits, keys))
    # ... and it turns away most keys that are in no table (what it is for).
    absent = [store._packed(a + b) for a in "的是工会职工人民" for b in "黿鼉鼈黽黾鼋鼍鳖"]
    assert sum(bloom[w] & bits == bits for w, bits in map(store.bloom_bits, absent)) < len(absent) / 4


def test_the_route_tables_do_not_depend_on_the_hash_seed():
    """The store is the same bytes from any build of the same dictionary (Python's string hashing
    varies by process: a set's order must not place the keys)."""
    code = ("import hashlib\n"
            "from jiaokan.rules.lang import lexicon, store\n"
            "lex = lexicon()\n"
            "words = sorted(lex.trie.keys())[::150]\n"
            "parts = store.route_table(words, lambda w: lex.logps[lex.trie.key_id(w)])\n"
            "print(hashlib.sha256(b''.join(bytes(p) for p in parts)).hexdigest())\n")
    digests = {subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed},
                              capture_output=True, text=True, check=True).stdout for seed in ("1", "2", "3")}
    assert len(digests) == 1 and digests.pop().strip()
