"""The optional C speedups (jiaokan._speedups) give exactly what their Python definitions give."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import SEEDS, need
from jiaokan import speedups

native = pytest.mark.skipif(not speedups.NATIVE, reason="jiaokan was built without its C speedups")
TEXT = st.text(alphabet="工会工人\0a𠀀", max_size=120)


def test_the_wheel_carries_the_speedups_where_a_compiler_is():
    """A machine with a C compiler and Python's headers builds them (CI's machines do): a wheel that
    silently fell back to pure Python would run several times slower."""
    cc = (sysconfig.get_config_var("CC") or "cc").split()[0]
    headers = os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h"))
    if not (shutil.which(cc) and headers) or os.environ.get("JIAOKAN_NO_SPEEDUPS"):
        pytest.skip("no C compiler or Python headers here: a pure-Python build is expected")
    assert speedups.NATIVE


@settings(max_examples=300, deadline=None)
@given(TEXT)
@example("工会" * 40)
@example("\0工会\0工会\0")
def test_repeated_grams_is_its_definition(text):
    """Every string of 2–6 characters without "\\0" that occurs twice or more, with its number of
    (possibly overlapping) occurrences."""
    expected = {}
    for n in range(2, 7):
        for i in range(len(text) - n + 1):
            g = text[i : i + n]
            if "\0" not in g:
                expected[g] = expected.get(g, 0) + 1
    expected = {g: c for g, c in expected.items() if c >= 2}
    assert speedups.py_repeated_grams(text, 2, 6) == expected


@native
@settings(max_examples=400, deadline=None)
@given(TEXT, st.integers(1, 4), st.integers(0, 4))
@example("工会" * 40, 2, 4)
def test_c_repeated_grams_equals_python_in_order(text, min_n, extra):
    from jiaokan import _speedups

    got = _speedups.repeated_grams(text, min_n, min_n + extra)
    assert list(got.items()) == list(speedups.py_repeated_grams(text, min_n, min_n + extra).items())


@native
@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="工会a\U00020000\x00é", max_size=120), st.integers(5, 32), st.integers(1, 12))
@example("工" * 60, 8, 8)  # ties everywhere
def test_c_winnow_equals_python(text, k, w):
    from jiaokan import _speedups

    hashes, positions = _speedups.winnow(text, k, w)
    py_hashes, py_positions = speedups.py_winnow(text, k, w)
    assert (hashes, positions) == (py_hashes.tobytes(), py_positions.tobytes())


@native
def test_the_sample_reports_give_the_same_findings_without_the_speedups(tmp_path):
    seeds = need(SEEDS)

    def run(env_extra: dict) -> list:
        env = {**os.environ, "JIAOKAN_NO_CACHE": "1", **env_extra}
        r = subprocess.run([sys.executable, "-m", "jiaokan", "check", str(seeds), "--isolated", "--format", "json"],
                           capture_output=True, text=True, env=env, cwd=tmp_path)
        assert r.returncode == 1, r.stderr
        return json.loads(r.stdout)["findings"]

    with_c = run({})
    assert with_c and with_c == run({"JIAOKAN_NO_SPEEDUPS": "1"})


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="工会人a", min_size=8, max_size=70), st.text(alphabet="工会人a", min_size=8, max_size=70),
       st.data(), st.booleans(), st.integers(0, 40))
@example("工会工会人工会工会人工会", "工会工会人工会工会人工会", None, True, 0)
def test_c_align_regions_equals_python(a, b, data, same, min_length):
    """Chains of seeds along diagonals, grown outwards, merged across small edits: the regions the
    C code finds are those of the Python definition, on texts full of repeats."""
    if same:
        b = a
    k = 4
    if data is None:  # the explicit example: two seeds of one text
        seeds = [(0, 5), (1, 6)]
    else:
        seeds = data.draw(st.lists(st.tuples(st.integers(0, len(a) - k), st.integers(0, len(b) - k)), max_size=12))
        if same:
            seeds = [(i, j) for i, j in seeds if i < j]
    expected = speedups.py_align_regions(a, b, seeds, same, min_length, k, 2)
    assert all(a1 - a0 >= k or same for a0, a1, _, _ in expected)
    if speedups.NATIVE:
        from jiaokan import _speedups

        assert _speedups.align_regions(a, b, list(seeds), same, min_length, k, 2) == expected


def test_align_regions_grows_merges_and_refuses():
    # one seed grown to the whole shared passage; a second passage after a substituted character
    a, b = "甲乙丙丁戊己庚辛壬癸子丑", "天甲乙丙丁戊己庚辛壬癸子丑"
    assert speedups.align_regions(a, b, [(2, 3)], False, 0, 4, 2) == [(0, 12, 1, 13)]
    a2 = "甲乙丙丁戊X庚辛壬癸子丑"
    assert speedups.align_regions(a2, b, [(0, 1), (7, 8)], False, 0, 4, 2) == [(0, 12, 1, 13)]  # stepped over
    assert speedups.align_regions(a, b, [(2, 3)], False, 13, 4, 2) == []  # shorter than min_length
    with pytest.raises(ValueError):
        speedups.align_regions(a, b, [(10, 0)], False, 0, 4, 2)  # the k-gram runs past the text


@native
@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from([0, 1, 7, 2**63, 2**64 - 1, 12345]), max_size=12), max_size=6))
def test_c_shared_hashes_equals_python(lists):
    from array import array

    from jiaokan import _speedups

    arrays = [array("Q", values) for values in lists]
    assert _speedups.shared_hashes(arrays) == speedups.py_shared_hashes(arrays)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["工会", "\n", "人", "", "\n\n"]), max_size=20))
@example([])
@example(["\n"])
def test_split_at_splits_as_str_split(items):
    """The parts between the separators, none holding one, which rejoined give the list back."""
    got = speedups.py_split_at(items, "\n")
    assert all("\n" not in part for part in got)
    rejoined = got[0] + [x for part in got[1:] for x in ["\n", *part]]
    assert rejoined == items
    assert speedups.py_split_at(["工", "\n", "会"], "\n") == [["工"], ["会"]]
    if speedups.NATIVE:
        from jiaokan import _speedups

        assert _speedups.split_at(items, "\n") == got
        with pytest.raises(TypeError):
            _speedups.split_at(tuple(items), "\n")


@native
def test_c_shared_hashes_over_many_buckets():
    """Tens of thousands of values (C sorts them into hundreds of buckets first): the same set,
    values repeated within one array only not among them."""
    import random
    from array import array

    from jiaokan import _speedups

    rng = random.Random(7)
    pool = [rng.getrandbits(64) for _ in range(30_000)] + list(range(500))
    arrays = [array("Q", rng.choices(pool, k=rng.randrange(0, 4000))) for _ in range(25)]
    arrays.append(array("Q", [2**64 - 1] * 3))  # in one array only, three times
    expected = speedups.py_shared_hashes(arrays)
    assert 1000 < len(expected) and 2**64 - 1 not in expected
    assert _speedups.shared_hashes(arrays) == expected

@native
def test_c_shared_hashes_refuses_other_arrays():
    from array import array

    from jiaokan import _speedups

    for other in (array("I", [1, 2]), array("q", [-1]), b"12345678", [1]):
        with pytest.raises(TypeError):
            _speedups.shared_hashes([other])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from([0, 1, 7, 2**63, 2**64 - 1]), max_size=12), max_size=6),
       st.sets(st.sampled_from([0, 1, 7, 2**63, 2**64 - 1, 99])))
def test_shared_postings_is_its_definition(lists, shared):
    """The documents and positions of each shared value, in order, and each document's shared
    values once each in text order; the same from C."""
    from array import array

    hashes = [array("Q", values) for values in lists]
    positions = [array("I", range(100, 100 + len(values))) for values in lists]
    postings, shared_of = speedups.py_shared_postings(hashes, positions, shared)
    for d, values in enumerate(lists):
        assert shared_of[d] == list(dict.fromkeys(v for v in values if v in shared))
        for v in set(values) & shared:
            assert postings[v][d] == [100 + i for i, x in enumerate(values) if x == v]
    assert all(list(docs) == sorted(docs) for docs in postings.values())
    if speedups.NATIVE:
        from jiaokan import _speedups

        got = _speedups.shared_postings(hashes, positions, shared)
        assert got == (postings, shared_of)
        assert [list(docs) for docs in got[0].values()] == [list(docs) for docs in postings.values()]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.integers(1, 6), max_size=10), min_size=1, max_size=7), st.integers(1, 8),
       st.integers(1, 3))
def test_seeds_with_earlier_is_its_definition(lists, limit, max_per):
    """DUP002's seeds of each document with the earlier ones: every pair of places of a value the
    two share, unless it is boilerplate (in ``limit`` documents or more) or held more than
    ``max_per`` times by either (aligned_with_earlier, in C, aligns them)."""
    from array import array

    hashes = [array("Q", values) for values in lists]
    positions = [array("I", range(100, 100 + len(values))) for values in lists]
    shared = {v for v in set().union(*map(set, lists)) if sum(v in values for values in lists) >= 2}
    postings, shared_of = speedups.py_shared_postings(hashes, positions, shared)
    for db in range(len(lists)):
        seeds = speedups.py_seeds_with_earlier(db, shared_of[db], postings, limit, max_per)
        want: dict[int, list] = {}
        for v in shared_of[db]:
            docs = postings[v]
            if len(docs) >= limit or len(docs[db]) > max_per:
                continue
            for da in sorted(d for d in docs if d < db and len(docs[d]) <= max_per):
                want.setdefault(da, []).extend((i, j) for i in docs[da] for j in docs[db])
        assert {da: sorted(p) for da, p in seeds.items()} == {da: sorted(p) for da, p in want.items()}



@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="工会人大", min_size=0, max_size=60), min_size=1, max_size=6), st.integers(2, 7),
       st.integers(1, 3), st.integers(4, 12))
@example(["工会人大会会工人大工", "工会人大会会工人大工", "大大工会人大会会工人大工"], 4, 2, 4)  # three copies
def test_aligned_with_earlier_is_seeds_then_alignment(texts, limit, max_per, min_length):
    """DUP002's alignment of each document with the earlier ones, from the fingerprints of real
    (small) texts: the regions align_regions grows from seeds_with_earlier's seeds, for the earlier
    documents that have any, in ascending order; the same from C."""
    k = 3
    prints = [speedups.py_winnow(t, k, 2) for t in texts]
    hashes, positions = [h for h, _ in prints], [p for _, p in prints]
    shared = speedups.py_shared_hashes(hashes)
    postings, shared_of = speedups.py_shared_postings(hashes, positions, shared)
    for db in range(len(texts)):
        got = speedups.py_aligned_with_earlier(db, shared_of[db], postings, limit, max_per, texts, min_length, k, 2)
        seeds = speedups.py_seeds_with_earlier(db, shared_of[db], postings, limit, max_per)
        want = [(da, speedups.py_align_regions(texts[da], texts[db], seeds[da], False, min_length, k, 2))
                for da in sorted(seeds)]
        assert got == [(da, r) for da, r in want if r]
        if texts == ["工会人大会会工人大工", "工会人大会会工人大工", "大大工会人大会会工人大工"] and db == 2:
            assert got == [(0, [(0, 10, 2, 12)]), (1, [(0, 10, 2, 12)])]
        if speedups.NATIVE:
            from jiaokan import _speedups

            assert _speedups.aligned_with_earlier(db, shared_of[db], postings, limit, max_per, texts, min_length,
                                                  k, 2) == got

@pytest.mark.skipif(not speedups.NATIVE, reason="jiaokan was built without its C speedups")
def test_c_shared_postings_refuses_what_it_cannot_read():
    from array import array

    from jiaokan import _speedups

    with pytest.raises(TypeError):
        _speedups.shared_postings([array("q", [1])], [array("I", [0])], {1})
    with pytest.raises(TypeError):
        _speedups.shared_postings([array("Q", [1])], [array("I", [0])], {"1"})
    with pytest.raises(OverflowError):
        _speedups.shared_postings([array("Q", [1])], [array("I", [0])], {-1})
    with pytest.raises(ValueError):
        _speedups.shared_postings([array("Q", [1])], [], {1})


WORDS = frozenset({"会工", "人工", "工人会", "a工", "工𠀀", "人会", "工会", "会人会"})
TABLE = {"?工": "人会", "工?": "会", "?a": "x", "a?": "工", "工?会": "人", "?会": "工人", "?人会": "会", "会?会": "人",
         "?𠀀": "人工"}
IDIOMS = {"会会": ("会人会",), "工工": ("工人会", "人工会")}
ALIKE = {"工": "会人", "会": "人", "人": "", "a": "工x", "𠀀": "工"}
FREQ = {"人工": 30, "工会": 50, "会工": 20, "人会": 50, "工人会": 40, "会人会": 40, "a工": 5, "工𠀀": 5, "ax": 5}


def _alike(ch):
    return ALIKE.get(ch, "")


def _frequency(word):
    return FREQ.get(word, 0)


def _index(impl, confusables=_alike, frequency=_frequency, keep_all_from=4, cache_size=8):
    build = speedups.py_edit_index if impl == "python" else speedups.edit_index
    return build(WORDS, TABLE, IDIOMS, confusables, frequency, keep_all_from, cache_size)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="工会人?a𠀀é", min_size=1, max_size=6), min_size=1, max_size=12), st.integers(0, 6),
       st.integers(1, 4))
@example(["𠀀工"], 4, 2)  # the swap 工𠀀 must be a canonical str, or it equals no key
@example(["a工"], 4, 2)
@example(["会人"], 2, 2)  # a known form: no correction
@example(["会𠀀", "工\0", "会𠀀"], 4, 1)  # wide keys (beyond the BMP, or U+0000): not packed, still cached
def test_c_window_options_equals_python(ws, keep_all_from, cache_size):
    """Swaps, the look/sound-alike choice (the most frequent word, the earliest position on ties,
    none where the window itself has a frequency) and idioms, over a small cache that starts over.
    The C code asks ``frequency`` about the same words in the same order, and ``confusables``
    about single characters (once each)."""
    calls = {"python": [], "native": []}

    def probes(name):
        def confusables(ch):
            assert len(ch) == 1
            calls[name].append(("alike", ch))
            return _alike(ch)

        def frequency(word):
            calls[name].append(("freq", word))
            return _frequency(word)

        return confusables, frequency

    py_index = _index("python", *probes("python"), keep_all_from, cache_size)
    expected = [speedups.py_window_options(w, py_index) for w in ws + ws[::-1]]
    if not speedups.NATIVE:
        return
    from jiaokan import _speedups

    index = _index("native", *probes("native"), keep_all_from, cache_size)
    got = [_speedups.window_options(w, index) for w in ws + ws[::-1]]
    assert got == expected
    assert [c for c in calls["native"] if c[0] == "freq"] == [c for c in calls["python"] if c[0] == "freq"]
    assert {c for c in calls["native"] if c[0] == "alike"} == {c for c in calls["python"] if c[0] == "alike"}
    for swaps, _, _ in got:
        for swapped, _ in swaps:
            assert hash(swapped) == hash(swapped.encode("utf-8").decode("utf-8"))  # canonical: hashes as its copy


@pytest.mark.parametrize("impl", ["python", "native"])
def test_window_options_examples(impl):
    if impl == "native" and not speedups.NATIVE:
        pytest.skip("built without the C speedups")
    options = speedups.py_window_options if impl == "python" else speedups.window_options
    index = _index(impl)
    # swaps that are words, or every swap from keep_all_from characters on
    assert options("会工", index)[0] == (("工会", True),)
    assert options("工会人工", index)[0] == (("会工人工", False), ("工人会工", False), ("工会工人", False))
    # 工工: ?工 -> 人工 (人 is alike 工, 30), 工? -> 工会 (50): the more frequent word; and its idioms
    assert options("工工", index) == ((), (1, "工会"), ("工人会", "人工会"))
    # ... on a tie, the earlier position
    assert options("工工", _index(impl, frequency=lambda w: 50 if w in ("人工", "工会") else 0))[1] == (0, "人工")
    # 工会 is a word itself (a frequency): no correction, though ?会 -> 人会 is one
    assert options("工会", index)[1] is None
    assert options("工会", _index(impl, frequency=lambda w: 0 if w == "工会" else _frequency(w)))[1] == (0, "人会")
    # the fill's first alike character: ?会 -> 工人, and 会 is alike 人 only
    assert options("会会", index) == ((), (0, "人会"), ("会人会",))
    assert options("人", index) == ((), None, ())
    assert options("工会人工工", index)[1] is None  # longer than any key: swaps only
    # a pattern beyond the Basic Multilingual Plane (kept beside the packed table): ?𠀀 -> 人工,
    # and 人 is alike 会
    assert options("会𠀀", index) == ((), (0, "人𠀀"), ())
    assert options("𠀀工", index)[0] == (("工𠀀", True),)  # a word beyond the plane
    # the cache: the same answer, the same object
    assert options("会会", index) is options("会会", index)


@pytest.mark.parametrize("impl", ["python", "native"])
def test_edit_index_refuses_what_it_cannot_hold(impl):
    if impl == "native" and not speedups.NATIVE:
        pytest.skip("built without the C speedups")
    edit_index = speedups.py_edit_index if impl == "python" else speedups.edit_index
    with pytest.raises(ValueError):
        edit_index(frozenset({"工会工会工"}), {}, {}, str, len, 4, 8)  # longer than EDIT_MAX
    with pytest.raises(ValueError):
        edit_index(frozenset({""}), {}, {}, str, len, 4, 8)
    with pytest.raises(ValueError):
        edit_index(frozenset(), {"工?": 1}, {}, str, len, 4, 8)
    with pytest.raises(ValueError):
        edit_index(frozenset(), {}, {}, str, len, 4, 0)
    with pytest.raises(TypeError):
        edit_index(["工会"], {}, {}, str, len, 4, 8)
    options = speedups.py_window_options if impl == "python" else speedups.window_options
    with pytest.raises(TypeError):  # confusables must answer with a str
        options("工工", _index(impl, confusables=lambda ch: 5))


def test_first_shared_is_its_definition():
    assert speedups.py_first_shared("著示出", "出示") == 1
    assert speedups.py_first_shared("著示", "工会") == -1
    assert speedups.py_first_shared("", "工") == speedups.py_first_shared("工", "") == -1


TOKEN = st.text(alphabet="工会人a𠀀", min_size=1, max_size=4)


@native
@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(TOKEN, max_size=8), max_size=6), st.sets(TOKEN, max_size=8), st.integers(0, 4),
       st.booleans())
@example([["工", "会会", "会", "工", "人"], ["人", "a", "工"]], {"会", "工", "a"}, 3, False)
@example([["人", "人", "会"], ["人", "人"]], {"人"}, 3, False)  # 人人: wanted though offered nothing
def test_c_token_windows_equals_python(token_lists, opening, max_neighbour, frozen):
    """The windows, single-character stretches and doubled spots, in the same order; and with a
    window filter (each implementation's own, over the same data), the same windows kept."""
    from jiaokan import _speedups

    runs = ["".join(tokens) for tokens in token_lists]
    bases = [sum(len(r) + 1 for r in runs[:k]) for k in range(len(runs))]
    opening = frozenset(opening) if frozen else opening
    got = _speedups.token_windows(runs, bases, token_lists, opening, max_neighbour)
    want = speedups.py_token_windows(runs, bases, token_lists, opening, max_neighbour)
    assert got == want
    assert list(got[0]) == list(want[0])  # the windows in the same order: TYPO's tie-breaks follow it
    skip, terms, wanted = (frozenset({"工会"}), {"人"}), {"会会": 3, "人工": 2, "a工": 5}, {"人人": ["人工人"]}
    c_keep = _speedups.window_filter(_index("native"), skip, terms, 3, wanted, 2)
    py_keep = speedups.py_window_filter(_index("python"), skip, terms, 3, wanted, 2)
    got = _speedups.token_windows(runs, bases, token_lists, opening, max_neighbour, c_keep)
    want = speedups.py_token_windows(runs, bases, token_lists, opening, max_neighbour, py_keep)
    assert got == want and list(got[0]) == list(want[0])
    # Again, the options of the windows now cached: those offered nothing are refused by their
    # packed keys, unless wanted.
    again = _speedups.token_windows(runs, bases, token_lists, opening, max_neighbour, c_keep)
    assert again == want and list(again[0]) == list(want[0])
    plain = speedups.py_token_windows(runs, bases, token_lists, opening, max_neighbour)[0]
    assert list(want[0]) == [w for w in plain if py_keep(w)]


def test_window_filter_keeps_what_the_lexicon_offers_something_for():
    for impl in ("python", "native") if speedups.NATIVE else ("python",):
        make = speedups.py_window_filter if impl == "python" else speedups.window_filter
        keep = make(_index(impl), (frozenset({"工工"}),), {"会会": 3, "会人人工": 2}, 3, {"人人": ["人工人"]}, 2)
        keep = keep if impl == "python" else (lambda w, f=keep: bool(
            speedups.token_windows([w], [0], [[w]], {w}, 3, f)[0]))
        assert not keep("工工")  # a word (in a skip set)
        assert not keep("会会")  # a term of the document
        assert keep("会工")  # swaps into a word
        assert keep("人人")  # wanted
        assert not keep("人")  # nothing one edit away
        assert keep("人会人工")  # its swap 会人人工 is a term of the document (used twice)
        assert not keep("工人工会")  # swaps (at four characters, all of them) that are neither words nor terms


@native
def test_c_token_windows_refuses_tokens_that_are_not_the_run():
    from jiaokan import _speedups

    with pytest.raises(ValueError):
        _speedups.token_windows(["工会"], [0], [["工"]], {"工"}, 3)
    with pytest.raises(ValueError):
        _speedups.token_windows(["工会"], [0, 3], [["工", "会"]], {"工"}, 3)
    with pytest.raises(TypeError):
        _speedups.token_windows(["工会"], [0], [("工", "会")], {"工"}, 3)
    with pytest.raises(TypeError):
        _speedups.token_windows(["工会"], [0], [["工", "会"]], ["工"], 3)
    with pytest.raises(ValueError):  # a capsule of another kind
        _speedups.token_windows(["工会"], [0], [["工", "会"]], {"工"}, 3, _index("native"))
    with pytest.raises(TypeError):
        _speedups.window_filter(_index("native"), [frozenset()], {}, 3, {}, 5)


@native
@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(-5, 60), st.integers(-5, 60)), max_size=8))
@example([(0, 3), (5, 5), (7, 4), (8, 10)])
def test_c_ranges_equals_python(spans):
    assert speedups.ranges is not speedups.py_ranges  # the C code, through its wrapper
    assert speedups.ranges(spans) == speedups.py_ranges(spans)
    assert list(speedups.ranges(spans)) == [v for s, e in spans for v in range(s, e)]


@native
def test_c_ranges_refuses_what_is_not_a_span():
    from jiaokan import _speedups

    for bad in ([[0, 3]], [(0,)], [("a", 1)], 5):
        with pytest.raises(TypeError):
            _speedups.ranges(bad)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([0, 1, 7, 2**63, 2**64 - 1]), st.integers(0, 2**32 - 1)), max_size=40),
       st.integers(0, 5))
@example([(7, 10), (1, 11), (7, 12), (1, 13), (7, 14)], 3)
def test_repeated_pairs_is_its_definition(items, max_per):
    """Every pair of places of each value held 2 to max_per times, values in order of first
    occurrence and places in text order; the same from C."""
    from array import array

    hashes, positions = array("Q", [h for h, _ in items]), array("I", [p for _, p in items])
    got = speedups.py_repeated_pairs(hashes, positions, max_per)
    expected = []
    for h in dict.fromkeys(hashes):
        where = [p for g, p in items if g == h]
        if 2 <= len(where) <= max_per:
            expected += [(where[x], where[y]) for x in range(len(where)) for y in range(x + 1, len(where))]
    assert got == expected
    if items == [(7, 10), (1, 11), (7, 12), (1, 13), (7, 14)]:
        assert got == [(10, 12), (10, 14), (12, 14), (11, 13)]
    if speedups.NATIVE:
        from jiaokan import _speedups

        assert _speedups.repeated_pairs(hashes, positions, max_per) == got
        with pytest.raises(ValueError):
            _speedups.repeated_pairs(hashes, array("I", [*positions, 1]), max_per)
        with pytest.raises(TypeError):
            _speedups.repeated_pairs(array("I", [1]), array("I", [1]), max_per)


def test_han_ranges_are_the_regex_modules_han():
    """jiaokan.rules.lang.HAN_RANGES holds exactly the characters of regex's \\p{Han}, so han_runs
    finds what ``\\p{Han}+`` finds."""
    import regex

    from jiaokan.rules.lang import HAN_RANGES, han_runs

    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    found = [(ord(every[m.start()]), ord(every[m.end() - 1])) for m in regex.finditer(r"\p{Han}+", every)]
    assert tuple(found) == HAN_RANGES
    starts, runs = han_runs(every)
    assert [(ord(r[0]), ord(r[-1])) for r in runs] == found
    assert [every[s] for s in starts] == [r[0] for r in runs]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="工会a1〇〆\u2e80\u2e9a𠀀，\0 ", max_size=60))
@example("")
@example("工会")
@example("a工会〇，𠀀𠀀b")
def test_char_runs_is_its_definition(text):
    """The maximal runs of the characters in the ranges, with where each starts; the same from C."""
    import regex

    from jiaokan.rules.lang import HAN_BYTES

    expected = [(m.start(), m.group()) for m in regex.finditer(r"\p{Han}+", text)]
    starts, runs = speedups.py_char_runs(text, HAN_BYTES)
    assert list(zip(starts, runs)) == expected
    assert speedups.py_char_runs(text, b"") == ([], [])
    if speedups.NATIVE:
        from jiaokan import _speedups

        assert _speedups.char_runs(text, HAN_BYTES) == (starts, runs)
        assert _speedups.char_runs(text, b"") == ([], [])
        for bad in (b"\1\0\0\0", array_bytes([5, 4]), array_bytes([1, 5, 3, 9])):
            with pytest.raises(ValueError):
                _speedups.char_runs(text, bad)



def _spans(text, cuts):
    """Sorted (start, end) spans of a text from a list of cut points."""
    points = sorted({min(c, len(text)) for c in cuts})
    return [(points[i], points[i + 1]) for i in range(0, len(points) - 1, 2)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="工会aZ1٣〇\u2e80\u2e9a𠀀²，。：” \n\t_-", max_size=60), st.lists(st.integers(0, 60), max_size=6))
@example("", [])
@example(" 。工会a1，会", [])
@example("工会。 一", [0, 3])
def test_word_view_is_its_definition(text, cuts):
    """Runs of letters, digits (str.isalnum: ٣ and ² too) and Han characters, outside the skipped
    spans, as regex's [\\p{Han}\\p{L}\\p{N}]+ finds them; the same from C."""
    import regex

    from jiaokan.rules.dup.fingerprint import OPENS_AFTER, SENTENCE_END
    from jiaokan.rules.lang import HAN_BYTES

    skipped = _spans(text, cuts)
    kept = [m for m in regex.finditer(r"[\p{Han}\p{L}\p{N}]+", text)
            if not any(a < m.end() and m.start() < b for a, b in skipped)]
    got = speedups.py_word_view(text, HAN_BYTES, skipped, OPENS_AFTER, SENTENCE_END)
    assert got[0] == "".join(m.group() for m in kept)
    assert list(got[2]) == [m.start() for m in kept]
    assert list(got[1]) == [sum(len(k.group()) for k in kept[:i]) for i in range(len(kept))]
    assert len(got[3]) == len(got[4]) == len(kept)
    if speedups.NATIVE:
        from jiaokan import _speedups

        raw = _speedups.word_view(text, HAN_BYTES, skipped, OPENS_AFTER, SENTENCE_END)
        assert raw == (got[0], got[1].tobytes(), got[2].tobytes(), got[3].tobytes(), got[4].tobytes())
        with pytest.raises(ValueError):
            _speedups.word_view(text, b"\1\0\0\0", skipped, OPENS_AFTER, SENTENCE_END)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.text(alphabet="工会职大", min_size=1, max_size=6), max_size=8), max_size=5),
       st.dictionaries(st.text(alphabet="工会职大", min_size=2, max_size=4), st.integers(1, 4), max_size=6))
@example([["工会", "工", "职工大会", "工会"], ["大会"]], {"大会": 3})
def test_count_tokens_is_its_definition(run_tokens, terms):
    """Counts in order of first occurrence; single characters and short tokens that are neither
    common nor the document's terms open windows; common tokens of 3-5 characters are its words."""
    common = frozenset({"工会", "职工大会", "大会职工", "工会职"})
    counts, opening, words = speedups.py_count_tokens(run_tokens, common, terms, 4, 2, 3, 5)
    every = [t for tokens in run_tokens for t in tokens]
    assert list(counts.items()) == [(t, every.count(t)) for t in dict.fromkeys(every)]
    assert opening == {t for t in every if len(t) == 1 or (len(t) <= 4 and t not in common and terms.get(t, 0) < 2)}
    assert words == [t for t in dict.fromkeys(every) if 3 <= len(t) <= 5 and t in common]
    if speedups.NATIVE:
        from jiaokan import _speedups

        got = _speedups.count_tokens(run_tokens, common, terms, 4, 2, 3, 5)
        assert (list(got[0].items()), got[1], got[2]) == (list(counts.items()), opening, words)
        with pytest.raises(TypeError):
            _speedups.count_tokens([["工", 1]], common, terms, 4, 2, 3, 5)

def array_bytes(values):
    from array import array

    return array("I", values).tobytes()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="情況况後后著乾a1，𠀀𪚥\0 ", max_size=40))
@example("")
@example("況")
@example("a")
def test_map_chars_is_its_definition(text):
    """Each mapped character replaced, one for one; the text itself when none is; from C the same
    str, of the narrowest kind (so equal to and hashed as the str Python makes)."""
    from jiaokan.rules.lang.script import _to_simplified

    pairs = array_bytes([x for a, b in sorted([("況", "况"), ("後", "后"), ("𪚥", "一")]) for x in (ord(a), ord(b))])
    expected = text.replace("況", "况").replace("後", "后").replace("𪚥", "一")
    got = speedups.py_map_chars(text, pairs)
    assert got == expected and (got is text) == (expected == text)
    if speedups.NATIVE:
        from jiaokan import _speedups

        native_got = _speedups.map_chars(text, pairs)
        assert native_got == expected and hash(native_got) == hash(expected)
        assert (native_got is text) == (expected == text)
        assert _speedups.map_chars(text, _to_simplified()) == speedups.py_map_chars(text, _to_simplified())
        for bad in (b"\1\0\0\0", array_bytes([5, 4, 5, 6]), array_bytes([0x40000, 1])):
            with pytest.raises(ValueError):
                _speedups.map_chars(text, bad)
