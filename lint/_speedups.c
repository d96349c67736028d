/* jiaokan._speedups: the per-character loops of the rules, in C.
 *
 * Optional: the wheel build compiles it when a C compiler is there, and jiaokan.speedups falls
 * back to the pure-Python definitions otherwise. Both give the same results (tests compare them).
 *
 *   repeated_grams(text, min_n, max_n) -> dict
 *       every string of min_n..max_n code points, without "\0", that occurs at least twice in
 *       ``text`` (overlapping occurrences), with its number of occurrences; level by level (shorter
 *       first), each level in the order of first occurrence.
 *   align_regions(a, b, seeds, same, min_length, k, confirm) -> list of (a0, a1, b0, b1)
 *       DUP's aligned regions of ``a`` and ``b``: the seeds (i, j) chained along diagonals, each
 *       chain grown outwards (as py_extend grows it), merged across small edits, those of at least
 *       min_length characters (jiaokan.speedups.py_align_regions).
 *   edit_index(words, table, idioms, confusables, frequency, keep_all_from, cache_size) -> capsule
 *       the suggestible ``words`` (a set) and the one-substitution ``table`` (pattern with "?" ->
 *       completing characters), keys of 1-4 code points packed into 64 bits in open-addressing
 *       tables (wider keys in a Python set or dict beside them); the ``idioms`` dict, and the
 *       ``confusables`` and ``frequency`` functions (the answers of confusables kept, as hash sets);
 *       and a cache of up to ``cache_size`` windows' options, which starts over when full.
 *   window_options(w, index) -> (swaps, choice, idioms)
 *       the options of the window ``w``, cached, as jiaokan.speedups.py_window_options defines them.
 *   token_windows(runs, bases, run_tokens, opening, max_neighbour, keep=None) -> (windows, single_runs, doubled)
 *       TYPO's suspicious windows of a document's segmented Han runs (see jiaokan.speedups), only
 *       those that the window filter ``keep`` keeps.
 *   window_filter(index, skip, terms, min_uses, wanted, swap_uses) -> capsule
 *       keeps a window unless it is in one of the ``skip`` sets or used ``min_uses`` times in
 *       ``terms``, and only if the edit index offers it a correction (a look/sound-alike, idioms,
 *       or a swap that is a word or used ``swap_uses`` times in terms) or it is in ``wanted``.
 *   char_runs(text, ranges) -> (starts, runs)
 *       the maximal runs of ``text`` whose characters lie in ``ranges`` (native uint32 pairs
 *       first, last), and where each starts (jiaokan.speedups.py_char_runs).
 *   count_tokens(run_tokens, common, terms, max_open, min_uses, word_min, word_max) -> (dict, set, list)
 *       the tokens of a document's segmented runs with their counts (in order of first occurrence);
 *       those that open TYPO's windows (single characters, and tokens of at most max_open characters
 *       in neither ``common`` nor used min_uses times in ``terms``); and its tokens in ``common`` of
 *       word_min..word_max characters, in order of first occurrence (jiaokan.speedups.py_count_tokens).
 *   word_view(text, ranges, skipped, opens, ends) -> (str, bytes, bytes, bytes, bytes)
 *       DUP's view of a text: its maximal runs of letters and digits (str.isalnum) and of the
 *       characters in ``ranges`` (as char_runs takes them) that overlap no ``skipped`` (start, end)
 *       span, joined; where each run starts in the view and in the text (native uint32), and per
 *       run (a byte 0/1) whether a sentence starts before it and ends after it
 *       (jiaokan.speedups.py_word_view).
 *   repeated_pairs(hashes, positions, max_per) -> list of (p, q)
 *       the pairs of positions of each value held 2 to max_per times, values in order of first
 *       occurrence (jiaokan.speedups.py_repeated_pairs).
 *   split_at(items, sep) -> list of lists
 *       the parts of the list ``items`` between its items equal to ``sep``, as str.split splits.
 *   ranges(spans) -> bytes
 *       the integers of each span (start, end) in turn, end exclusive, as native C longs (array("l")).
 *   route_log_prob(text, short, long, blob, bloom, max_len, unknown) -> float
 *       jieba's best route log-probability of ``text`` over the word graph of the lexicon store
 *       (rules/lang/store.py, route_table), as jiaokan.rules.lang.Lexicon.route computes it.
 *   route_cut(blocks, short, long, blob, bloom, max_len, unknown) -> list of lists
 *       the words of each block of jieba's pattern over the same word graph, as
 *       jiaokan.rules.lang.Lexicon._cut_block gives them (jieba's cut without HMM).
 *   shared_hashes(arrays) -> set
 *       the values (uint64, as in array("Q")) that occur in at least two of ``arrays``.
 *   aligned_with_earlier(db, shared, postings, limit, max_per, texts, min_length, k, confirm) -> list
 *       DUP002's pairs of places of document db with each earlier document, through its shared
 *       values found in fewer than limit documents (jiaokan.speedups.py_seeds_with_earlier), and
 *       for each earlier document da (ascending) with any, align_regions(texts[da], texts[db],
 *       those seeds, False, min_length, k, confirm), where it finds regions: (da, regions); the
 *       seeds never become Python objects (jiaokan.speedups.py_aligned_with_earlier).
 *   shared_postings(hash_arrays, position_arrays, shared) -> (postings, shared_of)
 *       for the values in ``shared`` found in the arrays (document d: hash_arrays[d], with the
 *       positions in position_arrays[d]), value -> {d: [positions]} in document and text order,
 *       and per document its shared values, once each, in text order.
 *   winnow(text, k, w) -> (bytes, bytes)
 *       the XXH3-64 hash of each k-gram of the text's UTF-32-LE encoding, winnowed: the rightmost
 *       minimum of every window of w k-grams, each change recorded once; the hashes (native uint64)
 *       and their k-gram positions (native uint32), as array("Q") / array("I") take them.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Strings are always "ready" from Python 3.12 on (and the call is deprecated there). */
#if PY_VERSION_HEX >= 0x030C0000
#define READY(s) 0
#else
#define READY(s) PyUnicode_READY(s)
#endif

static int append_value(PyObject *list, const char *format, ...);

/* ---- text as code points ---- */

static uint32_t *
code_points(PyObject *text, Py_ssize_t *len)
{
    if (READY(text) < 0)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    uint32_t *cp = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(uint32_t));
    if (!cp) {
        PyErr_NoMemory();
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < n; i++)
        cp[i] = PyUnicode_READ(kind, data, i);
    *len = n;
    return cp;
}

/* ---- repeated_grams ---- */

static inline uint64_t
mix(uint64_t h, uint32_t c)
{
    h ^= (uint64_t)c + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 31);
}

typedef struct {
    Py_ssize_t first; /* position of the first occurrence, -1: empty slot */
    Py_ssize_t count;
} slot_t;

static PyObject *
repeated_grams(PyObject *self, PyObject *args)
{
    PyObject *text;
    int min_n, max_n;
    if (!PyArg_ParseTuple(args, "Uii", &text, &min_n, &max_n))
        return NULL;
    if (min_n < 1 || max_n < min_n) {
        PyErr_SetString(PyExc_ValueError, "need 1 <= min_n <= max_n");
        return NULL;
    }
    Py_ssize_t n;
    uint32_t *cp = code_points(text, &n);
    if (!cp)
        return NULL;
    PyObject *out = PyDict_New();
    Py_ssize_t *alive = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Py_ssize_t));
    uint64_t *hash = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(uint64_t));
    uint8_t *keep = PyMem_Malloc((size_t)(n ? n : 1));
    size_t *where = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(size_t)); /* the slot of each alive gram */
    slot_t *table = NULL;
    if (!out || !alive || !hash || !keep || !where) {
        PyErr_NoMemory();
        goto fail;
    }
    /* Level 1: every position whose character is not the separator. hash[i] is the hash of the
       gram of the current length starting at i. */
    Py_ssize_t n_alive = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (cp[i] != 0) {
            alive[n_alive++] = i;
            hash[i] = mix(0, cp[i]);
        }
    }
    for (int len = 1; len <= max_n && n_alive > 0; len++) {
        if (len > 1) {
            /* extend each alive gram by one character; a gram that would cross the end or a
               separator dies */
            Py_ssize_t m = 0;
            for (Py_ssize_t a = 0; a < n_alive; a++) {
                Py_ssize_t i = alive[a];
                if (i + len <= n && cp[i + len - 1] != 0) {
                    hash[i] = mix(hash[i], cp[i + len - 1]);
                    alive[m++] = i;
                }
            }
            n_alive = m;
            if (!n_alive)
                break;
        }
        if (len < min_n)
            continue; /* shorter grams are neither counted nor used to prune: level min_n counts them all */
        size_t size = 16;
        while (size < (size_t)n_alive * 2)
            size <<= 1;
        PyMem_Free(table);
        table = PyMem_Malloc(size * sizeof(slot_t));
        if (!table) {
            PyErr_NoMemory();
            goto fail;
        }
        for (size_t s = 0; s < size; s++)
            table[s].first = -1;
        /* count; keep[a] marks the first occurrence of a gram */
        for (Py_ssize_t a = 0; a < n_alive; a++) {
            Py_ssize_t i = alive[a];
            size_t s = (size_t)hash[i] & (size - 1);
            keep[a] = 0;
            for (;;) {
                slot_t *e = &table[s];
                if (e->first < 0) {
                    e->first = i;
                    e->count = 1;
                    keep[a] = 1;
                    break;
                }
                if (hash[e->first] == hash[i] &&
                    memcmp(cp + e->first, cp + i, (size_t)len * sizeof(uint32_t)) == 0) {
                    e->count++;
                    break;
                }
                s = (s + 1) & (size - 1);
            }
            where[a] = s;
        }
        /* emit repeated grams in order of first occurrence, and keep alive only the positions of
           repeated grams (a longer gram can repeat only where its prefix does) */
        Py_ssize_t m = 0;
        for (Py_ssize_t a = 0; a < n_alive; a++) {
            Py_ssize_t i = alive[a];
            slot_t *e = &table[where[a]];
            if (e->count < 2)
                continue;
            alive[m++] = i;
            if (keep[a] && len >= min_n) {
                PyObject *key = PyUnicode_Substring(text, i, i + len);
                PyObject *val = key ? PyLong_FromSsize_t(e->count) : NULL;
                if (!val || PyDict_SetItem(out, key, val) < 0) {
                    Py_XDECREF(key);
                    Py_XDECREF(val);
                    goto fail;
                }
                Py_DECREF(key);
                Py_DECREF(val);
            }
        }
        n_alive = m;
    }
    PyMem_Free(table);
    PyMem_Free(where);
    PyMem_Free(keep);
    PyMem_Free(hash);
    PyMem_Free(alive);
    PyMem_Free(cp);
    return out;
fail:
    PyMem_Free(table);
    PyMem_Free(where);
    PyMem_Free(keep);
    PyMem_Free(hash);
    PyMem_Free(alive);
    PyMem_Free(cp);
    Py_XDECREF(out);
    return NULL;
}

/* ---- extend ---- */

static int
equal_runs(int ka, const void *da, Py_ssize_t i, int kb, const void *db, Py_ssize_t j, Py_ssize_t n)
{
    for (Py_ssize_t t = 0; t < n; t++)
        if (PyUnicode_READ(ka, da, i + t) != PyUnicode_READ(kb, db, j + t))
            return 0;
    return 1;
}

/* Grows the aligned region a[*a0:*a1] ~ b[*b0:*b1] outwards while the characters agree, stepping
 * over one differing character when the ``confirm`` characters beyond it agree; with ``same`` (a
 * and b are one text), the copy in a never reaches into the copy in b (jiaokan.speedups.py_extend). */
static void
extend_region(int ka, const void *da, Py_ssize_t la, int kb, const void *db, Py_ssize_t lb, Py_ssize_t *pa0,
              Py_ssize_t *pa1, Py_ssize_t *pb0, Py_ssize_t *pb1, int same, Py_ssize_t confirm)
{
    Py_ssize_t a0 = *pa0, a1 = *pa1, b0 = *pb0, b1 = *pb1;
    for (;;) {
        if (a0 > 0 && b0 > 0 && PyUnicode_READ(ka, da, a0 - 1) == PyUnicode_READ(kb, db, b0 - 1) &&
            (!same || a1 <= b0 - 1)) {
            a0--;
            b0--;
        } else if (a0 > confirm && b0 > confirm && (!same || a1 <= b0 - 1 - confirm) &&
                   equal_runs(ka, da, a0 - 1 - confirm, kb, db, b0 - 1 - confirm, confirm)) {
            a0 -= 1 + confirm;
            b0 -= 1 + confirm;
        } else {
            break;
        }
    }
    for (;;) {
        if (a1 < la && b1 < lb && PyUnicode_READ(ka, da, a1) == PyUnicode_READ(kb, db, b1) && (!same || a1 < b0)) {
            a1++;
            b1++;
        } else if (a1 + 1 + confirm <= la && b1 + 1 + confirm <= lb && (!same || a1 + confirm < b0) &&
                   equal_runs(ka, da, a1 + 1, kb, db, b1 + 1, confirm)) {
            a1 += 1 + confirm;
            b1 += 1 + confirm;
        } else {
            break;
        }
    }
    *pa0 = a0, *pa1 = a1, *pb0 = b0, *pb1 = b1;
}

/* ---- align_regions ---- */

#define CHAIN_DIAGONALS 3 /* a seed joins an open chain up to this many diagonals away ... */
#define CHAIN_GAP 48      /* ... whose last seed is at most this far back in a */
#define MERGE_SLACK 8     /* regions that continue each other across an edit this small merge */

typedef struct {
    Py_ssize_t i, j;
} seed_t;

typedef struct {
    Py_ssize_t a0, b0, last_i, last_j;
} chain_t;

typedef struct {
    Py_ssize_t a0, a1, b0, b1;
} region_t;

static int
compare_seed(const void *x, const void *y)
{
    const seed_t *s = x, *t = y;
    return s->i != t->i ? (s->i < t->i ? -1 : 1) : (s->j < t->j ? -1 : s->j > t->j);
}

static int
compare_region(const void *x, const void *y)
{
    const Py_ssize_t *r = x, *q = y;
    for (int k = 0; k < 4; k++)
        if (r[k] != q[k])
            return r[k] < q[k] ? -1 : 1;
    return 0;
}

/* The open chain of diagonal d (its index + 1; 0: none), in a table of 2^k slots. */
typedef struct {
    Py_ssize_t d, chain; /* chain 0: an empty slot */
} diag_t;

static diag_t *
diag_slot(diag_t *t, size_t mask, Py_ssize_t d)
{
    size_t s = (size_t)((uint64_t)d * 0x9E3779B97F4A7C15ULL >> 20) & mask;
    while (t[s].chain && t[s].d != d)
        s = (s + 1) & mask;
    return &t[s];
}

/* The aligned regions of a and b (kinds and data) grown from the n seeds (which it sorts), those
 * of at least min_length characters, appended to ``out`` as (a0, a1, b0, b1); 0, or -1 with an
 * exception (a ValueError, in the name of ``who``, for a seed outside the texts). */
static int
align_seeds(int ka, const void *da, Py_ssize_t la, int kb, const void *db, Py_ssize_t lb, seed_t *seeds,
            Py_ssize_t n, int same, Py_ssize_t min_length, Py_ssize_t k, Py_ssize_t confirm, PyObject *out,
            const char *who)
{
    for (Py_ssize_t t = 0; t < n; t++) {
        if (seeds[t].i < 0 || seeds[t].j < 0 || seeds[t].i + k > la || seeds[t].j + k > lb) {
            PyErr_Format(PyExc_ValueError, "%s: a seed outside the texts", who);
            return -1;
        }
    }
    size_t mask = 15;
    while (mask + 1 < 2 * (size_t)n)
        mask = 2 * mask + 1;
    chain_t *chains = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(chain_t));
    region_t *regions = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(region_t));
    diag_t *diags = PyMem_Calloc(mask + 1, sizeof(diag_t));
    int rc = -1;
    if (!chains || !regions || !diags) {
        PyErr_NoMemory();
        goto done;
    }
    /* Chains: seeds in order, each joining the open chain of the first diagonal from
     * d - CHAIN_DIAGONALS to d + CHAIN_DIAGONALS whose last seed is at most CHAIN_GAP back. */
    Py_ssize_t nchains = 0;
    if (n > 1)
        qsort(seeds, (size_t)n, sizeof(seed_t), compare_seed);
    for (Py_ssize_t t = 0; t < n; t++) {
        Py_ssize_t i = seeds[t].i, j = seeds[t].j, d = j - i, best = -1;
        for (Py_ssize_t dd = d - CHAIN_DIAGONALS; dd <= d + CHAIN_DIAGONALS && n > 1; dd++) {
            diag_t *e = diag_slot(diags, mask, dd);
            if (e->chain && i - chains[e->chain - 1].last_i <= CHAIN_GAP) {
                best = e->chain - 1;
                break;
            }
        }
        if (best < 0) {
            best = nchains++;
            chains[best].a0 = i, chains[best].b0 = j;
        }
        chains[best].last_i = i, chains[best].last_j = j;
        diag_t *e = diag_slot(diags, mask, d);
        e->d = d;
        e->chain = best + 1;
    }
    /* Each chain's span grown outwards; those of at least k characters. */
    Py_ssize_t nregions = 0;
    for (Py_ssize_t c = 0; c < nchains; c++) {
        Py_ssize_t a0 = chains[c].a0, b0 = chains[c].b0, a1 = chains[c].last_i + k, b1 = chains[c].last_j + k;
        extend_region(ka, da, la, kb, db, lb, &a0, &a1, &b0, &b1, same, confirm);
        if (same && a1 > b0)
            a1 = b0; /* a passage repeated right after itself: the copies cannot overlap */
        if (a1 - a0 >= k)
            regions[nregions++] = (region_t){a0, a1, b0, b1};
    }
    qsort(regions, (size_t)nregions, sizeof(region_t), compare_region);
    /* Regions that continue each other across a small edit merge. */
    Py_ssize_t nmerged = 0;
    for (Py_ssize_t r = 0; r < nregions; r++) {
        region_t *x = &regions[r];
        if (nmerged) {
            region_t *m = &regions[nmerged - 1];
            Py_ssize_t shift = (x->b0 - x->a0) - (m->b0 - m->a0);
            if (x->a0 <= m->a1 + MERGE_SLACK && x->b0 <= m->b1 + MERGE_SLACK && x->b0 >= m->b0 - MERGE_SLACK &&
                shift >= -MERGE_SLACK && shift <= MERGE_SLACK) {
                if (x->a1 > m->a1)
                    m->a1 = x->a1;
                if (x->b1 > m->b1)
                    m->b1 = x->b1;
                continue;
            }
        }
        regions[nmerged++] = *x;
    }
    for (Py_ssize_t r = 0; r < nmerged; r++) {
        region_t *x = &regions[r];
        if (same && x->a1 > x->b0)
            x->a1 = x->b0;
        if ((x->a1 - x->a0 > x->b1 - x->b0 ? x->a1 - x->a0 : x->b1 - x->b0) < min_length)
            continue;
        if (append_value(out, "(nnnn)", x->a0, x->a1, x->b0, x->b1) < 0)
            goto done;
    }
    rc = 0;
done:
    PyMem_Free(chains);
    PyMem_Free(regions);
    PyMem_Free(diags);
    return rc;
}

static PyObject *
align_regions(PyObject *self, PyObject *args)
{
    PyObject *a, *b, *seeds_obj;
    Py_ssize_t min_length, k, confirm;
    int same;
    if (!PyArg_ParseTuple(args, "UUO!pnnn", &a, &b, &PyList_Type, &seeds_obj, &same, &min_length, &k, &confirm))
        return NULL;
    if (READY(a) < 0 || READY(b) < 0)
        return NULL;
    Py_ssize_t la = PyUnicode_GET_LENGTH(a), lb = PyUnicode_GET_LENGTH(b), n = PyList_GET_SIZE(seeds_obj);
    seed_t *seeds = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(seed_t));
    PyObject *out = NULL;
    if (!seeds) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t t = 0; t < n; t++) {
        PyObject *item = PyList_GET_ITEM(seeds_obj, t);
        if (!PyTuple_Check(item) || !PyArg_ParseTuple(item, "nn", &seeds[t].i, &seeds[t].j)) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "align_regions: seeds are (i, j) tuples");
            goto done;
        }
    }
    if ((out = PyList_New(0)) && align_seeds(PyUnicode_KIND(a), PyUnicode_DATA(a), la, PyUnicode_KIND(b),
                                             PyUnicode_DATA(b), lb, seeds, n, same, min_length, k, confirm, out,
                                             "align_regions") < 0)
        Py_CLEAR(out);
done:
    PyMem_Free(seeds);
    return out;
}

/* Appends a new reference (NULL: the error of the call that made it) to ``list``, giving it away.
 * 0, or -1 with an exception set. */
static int
append_new(PyObject *list, PyObject *item)
{
    if (!item)
        return -1;
    int rc = PyList_Append(list, item);
    Py_DECREF(item);
    return rc;
}

/* Append Py_BuildValue(format, ...) to ``list`` (an "N" in ``format`` hands its reference over,
 * whether or not this succeeds). 0, or -1 with an exception set. */
static int
append_value(PyObject *list, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *item = Py_VaBuildValue(format, va);
    va_end(va);
    return append_new(list, item);
}

/* ---- edit_index / window_options ---- */

/* The slot where the 64-bit value h starts its probe, in a table of mask + 1 slots. */
static inline size_t
hash_slot(uint64_t h, size_t mask)
{
    return (size_t)((h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ULL >> 7) & mask;
}


#define EDIT_MAX 4 /* the longest key: windows, suggestible words and their patterns have 2-4 characters */

/* The tables are probed for every window of every document, mostly in vain: their keys are packed
 * into 64 bits (up to four characters of the Basic Multilingual Plane, 16 bits each; no key holds
 * U+0000), so that the probed memory is an eighth of slots holding the code points and stays in
 * the processor's cache. A key outside that form ("wide": a character beyond U+FFFF) lives in a
 * Python set or dict beside the table; a wide window is never cached. */
typedef struct {
    uint64_t *keys;    /* 0: an empty slot */
    PyObject **values; /* beside the keys; NULL for a set. A pattern's completing characters
                          (borrowed from the index's own table), or a window's options (owned by
                          the cache) */
    size_t mask;
    Py_ssize_t count;
} EditTable;

/* A character's confusables: a set of code points (open addressing; each stored plus one, so 0
 * is an empty slot). */
typedef struct {
    uint32_t mask;
    uint32_t cps[];
} AlikeSet;

typedef struct {
    uint32_t c;
    AlikeSet *set; /* NULL: an empty slot */
} AlikeSlot;

typedef struct {
    EditTable words, patterns, cache;
    PyObject *wide_words;    /* the words that do not pack (a set) */
    PyObject *wide_patterns; /* the patterns that do not pack, with their values (a dict) */
    PyObject *wide_cache;    /* the cached windows that do not pack (a dict; counted in cache.count) */
    PyObject *table;         /* holds the patterns' values */
    PyObject *idioms;        /* window -> the idioms it is with one character dropped (a tuple) */
    PyObject *confusables;   /* a character -> the characters confusable with it (a str) */
    AlikeSlot *alikes;       /* its answers, asked once per character */
    size_t alikes_mask;
    Py_ssize_t alikes_count;
    PyObject *frequency;     /* a word -> its lexicon frequency (an int) */
    PyObject *nothing;       /* the options of most windows: ((), None, ()) */
    Py_ssize_t keep_all_from, cache_size;
} EditIndex;

/* The packed key of the str data data[a:b] (of the given kind) in *key: 1, or 0 for a wide key. */
static inline int
pack_span(int kind, const void *data, Py_ssize_t a, Py_ssize_t b, uint64_t *key)
{
    if (b - a < 1 || b - a > EDIT_MAX)
        return 0;
    uint64_t k = 0;
    for (Py_ssize_t i = a; i < b; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == 0 || c > 0xFFFF)
            return 0;
        k |= (uint64_t)c << (16 * (i - a));
    }
    *key = k;
    return 1;
}

/* 1 with the key of the code points cp[0:n] in *key, or 0 for a wide key. */
static inline int
edit_pack(const uint32_t *cp, Py_ssize_t n, uint64_t *key)
{
    return pack_span(PyUnicode_4BYTE_KIND, cp, 0, n, key);
}

/* The slot of ``key`` in ``t``, or the empty slot where it would go. */
static inline size_t
edit_slot(const EditTable *t, uint64_t key)
{
    size_t i = hash_slot(key, t->mask);
    while (t->keys[i] && t->keys[i] != key)
        i = (i + 1) & t->mask;
    return i;
}

/* The value of the key cp[0:n] in the table ``t`` (Py_True for a member of a set) or in its wide
 * set or dict ``wide``, borrowed; NULL when absent, or on an error (with an exception set). */
static PyObject *
edit_get(const EditTable *t, PyObject *wide, const uint32_t *cp, Py_ssize_t n)
{
    uint64_t key;
    if (edit_pack(cp, n, &key)) {
        size_t i = edit_slot(t, key);
        if (!t->keys[i])
            return NULL;
        return t->values ? t->values[i] : Py_True;
    }
    if (n < 1 || n > EDIT_MAX || !(PyAnySet_Check(wide) ? PySet_GET_SIZE(wide) : PyDict_GET_SIZE(wide)))
        return NULL;
    PyObject *s = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, cp, n);
    if (!s)
        return NULL;
    PyObject *got;
    if (PyAnySet_Check(wide)) {
        int in = PySet_Contains(wide, s);
        got = in > 0 ? Py_True : NULL;
    } else {
        got = PyDict_GetItemWithError(wide, s); /* borrowed: the dict holds it */
    }
    Py_DECREF(s);
    return got;
}

/* An empty table of 2^k slots that holds ``count`` keys at most half full (with values when
 * ``with_values``). */
static int
edit_alloc(EditTable *t, Py_ssize_t count, int with_values)
{
    size_t size = 16;
    while (size < 2 * (size_t)count)
        size <<= 1;
    t->keys = PyMem_Calloc(size, sizeof(uint64_t));
    t->values = with_values ? PyMem_Calloc(size, sizeof(PyObject *)) : NULL;
    if (!t->keys || (with_values && !t->values)) {
        PyErr_NoMemory();
        return -1;
    }
    t->mask = size - 1;
    t->count = 0;
    return 0;
}

/* Empties the cache, releasing its values. */
static void
edit_cache_clear(EditTable *t)
{
    if (!t->keys)
        return;
    for (size_t i = 0; i <= t->mask; i++) {
        if (t->keys[i]) {
            Py_CLEAR(t->values[i]);
            t->keys[i] = 0;
        }
    }
    t->count = 0;
}

static void
edit_table_free(EditTable *t)
{
    PyMem_Free(t->keys);
    PyMem_Free(t->values);
}

static void
edit_index_free(EditIndex *ix)
{
    edit_cache_clear(&ix->cache);
    edit_table_free(&ix->words);
    edit_table_free(&ix->patterns);
    edit_table_free(&ix->cache);
    if (ix->alikes) {
        for (size_t i = 0; i <= ix->alikes_mask; i++)
            PyMem_Free(ix->alikes[i].set);
        PyMem_Free(ix->alikes);
    }
    Py_XDECREF(ix->wide_words);
    Py_XDECREF(ix->wide_patterns);
    Py_XDECREF(ix->wide_cache);
    Py_XDECREF(ix->table);
    Py_XDECREF(ix->idioms);
    Py_XDECREF(ix->confusables);
    Py_XDECREF(ix->frequency);
    Py_XDECREF(ix->nothing);
    PyMem_Free(ix);
}

static void
edit_index_capsule_free(PyObject *capsule)
{
    EditIndex *ix = PyCapsule_GetPointer(capsule, "jiaokan.edit_index");
    if (ix)
        edit_index_free(ix);
}

/* Puts the key ``key`` (a str of 1 to EDIT_MAX characters) into ``t`` with ``value`` (borrowed;
 * NULL for a set), or into ``wide`` when it does not pack; 0, or -1 with an exception set. */
static int
edit_add(EditTable *t, PyObject *wide, PyObject *key, PyObject *value)
{
    Py_ssize_t n = PyUnicode_Check(key) && READY(key) == 0 ? PyUnicode_GET_LENGTH(key) : -1;
    if (n < 1 || n > EDIT_MAX || (value && (!PyUnicode_Check(value) || READY(value) < 0))) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_ValueError, "edit_index: keys must be str of 1 to %d characters, values str", EDIT_MAX);
        return -1;
    }
    uint32_t cp[EDIT_MAX];
    int kind = PyUnicode_KIND(key);
    const void *data = PyUnicode_DATA(key);
    for (Py_ssize_t i = 0; i < n; i++)
        cp[i] = PyUnicode_READ(kind, data, i);
    uint64_t packed;
    if (!edit_pack(cp, n, &packed))
        return value ? PyDict_SetItem(wide, key, value) : PySet_Add(wide, key);
    size_t i = edit_slot(t, packed);
    if (!t->keys[i])
        t->count++;
    t->keys[i] = packed;
    if (t->values)
        t->values[i] = value;
    return 0;
}

/* Fills ``t`` (and ``wide``) with the words of the set ``words``. */
static int
edit_fill_set(EditTable *t, PyObject *wide, PyObject *words)
{
    if (edit_alloc(t, PySet_GET_SIZE(words), 0) < 0)
        return -1;
    PyObject *it = PyObject_GetIter(words), *key;
    if (!it)
        return -1;
    while ((key = PyIter_Next(it))) {
        int rc = edit_add(t, wide, key, NULL);
        Py_DECREF(key);
        if (rc < 0)
            break;
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

/* Fills ``t`` (and ``wide``) with the keys of the dict ``table``, each with its value (borrowed). */
static int
edit_fill_dict(EditTable *t, PyObject *wide, PyObject *table)
{
    if (edit_alloc(t, PyDict_GET_SIZE(table), 1) < 0)
        return -1;
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(table, &pos, &key, &value))
        if (edit_add(t, wide, key, value) < 0)
            return -1;
    return 0;
}

static PyObject *
edit_index(PyObject *self, PyObject *args)
{
    PyObject *words, *table, *idioms, *confusables, *frequency;
    Py_ssize_t keep_all_from, cache_size;
    if (!PyArg_ParseTuple(args, "OO!O!OOnn", &words, &PyDict_Type, &table, &PyDict_Type, &idioms, &confusables,
                          &frequency, &keep_all_from, &cache_size))
        return NULL;
    if (!PyAnySet_Check(words)) {
        PyErr_SetString(PyExc_TypeError, "edit_index: words must be a set or frozenset");
        return NULL;
    }
    if (cache_size < 1) {
        PyErr_SetString(PyExc_ValueError, "edit_index: cache_size must be positive");
        return NULL;
    }
    EditIndex *ix = PyMem_Calloc(1, sizeof(EditIndex));
    if (!ix)
        return PyErr_NoMemory();
    ix->table = PyDict_Copy(table); /* a private copy, so the values stay */
    ix->wide_words = PySet_New(NULL);
    ix->wide_patterns = PyDict_New();
    ix->wide_cache = PyDict_New();
    ix->nothing = Py_BuildValue("(()O())", Py_None);
    ix->alikes_mask = 1023;
    ix->alikes = PyMem_Calloc(ix->alikes_mask + 1, sizeof(AlikeSlot));
    Py_INCREF(idioms);
    ix->idioms = idioms;
    Py_INCREF(confusables);
    ix->confusables = confusables;
    Py_INCREF(frequency);
    ix->frequency = frequency;
    ix->keep_all_from = keep_all_from;
    ix->cache_size = cache_size;
    if (!ix->alikes)
        PyErr_NoMemory();
    else if (ix->table && ix->wide_words && ix->wide_patterns && ix->wide_cache && ix->nothing
             && edit_fill_set(&ix->words, ix->wide_words, words) == 0
             && edit_fill_dict(&ix->patterns, ix->wide_patterns, ix->table) == 0
             && edit_alloc(&ix->cache, cache_size, 1) == 0) {
        PyObject *capsule = PyCapsule_New(ix, "jiaokan.edit_index", edit_index_capsule_free);
        if (capsule)
            return capsule;
    }
    edit_index_free(ix);
    return NULL;
}

static PyObject *
str_of(const uint32_t *cp, Py_ssize_t n)
{
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, cp, n);
}

static inline uint32_t
alike_hash(uint32_t c)
{
    return (c * 0x9E3779B1u) >> 7;
}

static int
alike_in(const AlikeSet *set, uint32_t c)
{
    uint32_t i = alike_hash(c) & set->mask;
    for (;;) {
        uint32_t v = set->cps[i];
        if (v == c + 1)
            return 1;
        if (!v)
            return 0;
        i = (i + 1) & set->mask;
    }
}

/* The set of the code points of the str ``alike``, or NULL on an error. */
static AlikeSet *
alike_set(PyObject *alike)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(alike);
    uint32_t size = 4;
    while (size < 2 * (size_t)n)
        size <<= 1;
    AlikeSet *set = PyMem_Calloc(1, sizeof(AlikeSet) + size * sizeof(uint32_t));
    if (!set) {
        PyErr_NoMemory();
        return NULL;
    }
    set->mask = size - 1;
    for (Py_ssize_t k = 0; k < n; k++) {
        uint32_t c = PyUnicode_READ_CHAR(alike, k);
        uint32_t i = alike_hash(c) & set->mask;
        while (set->cps[i] && set->cps[i] != c + 1)
            i = (i + 1) & set->mask;
        set->cps[i] = c + 1;
    }
    return set;
}

/* The confusables of chr(c), asked once per character (owned by the index), or NULL on an error. */
static AlikeSet *
alikes_of(EditIndex *ix, uint32_t c)
{
    size_t i = hash_slot(c, ix->alikes_mask);
    while (ix->alikes[i].set && ix->alikes[i].c != c)
        i = (i + 1) & ix->alikes_mask;
    if (ix->alikes[i].set)
        return ix->alikes[i].set;
    PyObject *ch = str_of(&c, 1), *alike = ch ? PyObject_CallOneArg(ix->confusables, ch) : NULL;
    Py_XDECREF(ch);
    if (alike && (!PyUnicode_Check(alike) || READY(alike) < 0)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "window_options: confusables() must return a str");
        Py_CLEAR(alike);
    }
    AlikeSet *set = alike ? alike_set(alike) : NULL;
    Py_XDECREF(alike);
    if (!set)
        return NULL;
    if ((size_t)(ix->alikes_count + 1) * 2 > ix->alikes_mask + 1) { /* half full: twice the size */
        size_t mask = 2 * ix->alikes_mask + 1;
        AlikeSlot *grown = PyMem_Calloc(mask + 1, sizeof(AlikeSlot));
        if (!grown) {
            PyMem_Free(set);
            PyErr_NoMemory();
            return NULL;
        }
        for (size_t k = 0; k <= ix->alikes_mask; k++) {
            if (!ix->alikes[k].set)
                continue;
            size_t j = hash_slot(ix->alikes[k].c, mask);
            while (grown[j].set)
                j = (j + 1) & mask;
            grown[j] = ix->alikes[k];
        }
        PyMem_Free(ix->alikes);
        ix->alikes = grown;
        ix->alikes_mask = mask;
        i = hash_slot(c, mask);
        while (ix->alikes[i].set)
            i = (i + 1) & mask;
    }
    ix->alikes[i].c = c;
    ix->alikes[i].set = set;
    ix->alikes_count++;
    return set;
}

/* The index in ``fill`` of its first character among ``alikes``, or -1. */
static Py_ssize_t
first_alike(PyObject *fill, const AlikeSet *alikes)
{
    Py_ssize_t nf = PyUnicode_GET_LENGTH(fill);
    int kind = PyUnicode_KIND(fill);
    const void *data = PyUnicode_DATA(fill);
    for (Py_ssize_t i = 0; i < nf; i++)
        if (alike_in(alikes, PyUnicode_READ(kind, data, i)))
            return i;
    return -1;
}

/* The swaps of w (see the module's comment), appended to ``swaps``. */
static int
edit_swaps(EditIndex *ix, uint32_t *cp, Py_ssize_t n, PyObject *swaps)
{
    for (Py_ssize_t j = 0; j + 1 < n; j++) {
        uint32_t x = cp[j], y = cp[j + 1];
        if (x == y)
            continue;
        cp[j] = y, cp[j + 1] = x;
        int in = edit_get(&ix->words, ix->wide_words, cp, n) != NULL;
        if (!in && PyErr_Occurred())
            return -1;
        PyObject *sw = in || n >= ix->keep_all_from ? str_of(cp, n) : Py_None;
        cp[j] = x, cp[j + 1] = y;
        if (!sw || (sw != Py_None && append_value(swaps, "(NO)", sw, in ? Py_True : Py_False) < 0))
            return -1;
    }
    return 0;
}

/* The look/sound-alike correction of w, as (j, right), or NULL with no error set when there is
 * none: for each position j whose pattern completes into suggestible words, the most frequent of
 * those whose new character is confusable with w[j] (the completing characters are in frequency
 * order: the first confusable one); of those, the most frequent word, the earliest j on ties. */
static PyObject *
edit_choice(EditIndex *ix, uint32_t *cp, Py_ssize_t n)
{
    PyObject *best = NULL;
    long long best_f = 0;
    for (Py_ssize_t j = 0; j < n && n <= EDIT_MAX; j++) {
        uint32_t c = cp[j];
        cp[j] = '?';
        PyObject *fill = edit_get(&ix->patterns, ix->wide_patterns, cp, n); /* borrowed */
        cp[j] = c;
        if (!fill) {
            if (PyErr_Occurred())
                goto fail;
            continue;
        }
        AlikeSet *alikes = alikes_of(ix, c);
        if (!alikes)
            goto fail;
        Py_ssize_t i = first_alike(fill, alikes);
        if (i < 0)
            continue;
        cp[j] = PyUnicode_READ_CHAR(fill, i);
        PyObject *right = str_of(cp, n);
        cp[j] = c;
        PyObject *f = right ? PyObject_CallOneArg(ix->frequency, right) : NULL;
        long long fv = f ? PyLong_AsLongLong(f) : -1;
        Py_XDECREF(f);
        if (!f || (fv == -1 && PyErr_Occurred())) {
            Py_XDECREF(right);
            goto fail;
        }
        if (best && fv <= best_f) {
            Py_DECREF(right);
            continue;
        }
        Py_XDECREF(best);
        if (!(best = Py_BuildValue("(nN)", j, right)))
            goto fail;
        best_f = fv;
    }
    return best;
fail:
    Py_XDECREF(best);
    return NULL;
}

#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif

/* Asks the processor for the slot where the key of cp[0:n] would be in ``t`` (its first probe),
 * so that the independent probes of a window's options wait for memory together, not in turn. */
static inline void
edit_prefetch(const EditTable *t, const uint32_t *cp, Py_ssize_t n)
{
    uint64_t key;
    if (edit_pack(cp, n, &key)) {
        size_t i = hash_slot(key, t->mask);
        PREFETCH(&t->keys[i]);
        if (t->values)
            PREFETCH(&t->values[i]);
    }
}

/* The options of the window w (code points cp[0:n]): (swaps, choice, idioms). */
static PyObject *
edit_options(EditIndex *ix, PyObject *w, uint32_t *cp, Py_ssize_t n)
{
    for (Py_ssize_t j = 0; j + 1 < n; j++) { /* the probes of edit_swaps ... */
        uint32_t x = cp[j];
        cp[j] = cp[j + 1], cp[j + 1] = x;
        edit_prefetch(&ix->words, cp, n);
        cp[j + 1] = cp[j], cp[j] = x;
    }
    for (Py_ssize_t j = 0; j < n && n <= EDIT_MAX; j++) { /* ... and of edit_choice */
        uint32_t c = cp[j];
        cp[j] = '?';
        edit_prefetch(&ix->patterns, cp, n);
        cp[j] = c;
    }
    PyObject *swaps = PyList_New(0), *choice = NULL, *result = NULL;
    if (!swaps || edit_swaps(ix, cp, n, swaps) < 0)
        goto done;
    choice = edit_choice(ix, cp, n);
    if (PyErr_Occurred())
        goto done;
    if (choice) { /* a form the lexicon knows is a word: it is not corrected */
        PyObject *f = PyObject_CallOneArg(ix->frequency, w);
        int known = f ? PyObject_IsTrue(f) : -1;
        Py_XDECREF(f);
        if (known < 0)
            goto done;
        if (known)
            Py_CLEAR(choice);
    }
    PyObject *idioms = PyDict_GetItemWithError(ix->idioms, w); /* borrowed */
    if (!idioms && PyErr_Occurred())
        goto done;
    if (!PyList_GET_SIZE(swaps) && !choice && (!idioms || !PyObject_IsTrue(idioms))) {
        Py_INCREF(ix->nothing);
        result = ix->nothing;
    } else if (idioms) {
        result = Py_BuildValue("(NOO)", PyList_AsTuple(swaps), choice ? choice : Py_None, idioms);
    } else {
        result = Py_BuildValue("(NO())", PyList_AsTuple(swaps), choice ? choice : Py_None);
    }
done:
    Py_XDECREF(choice);
    Py_XDECREF(swaps);
    return result;
}

/* The options of the window w (cached), a new reference; or NULL on an error. */
static PyObject *
edit_window(EditIndex *ix, PyObject *w)
{
    if (READY(w) < 0)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    if (n < 1 || n > EDIT_MAX) { /* never cached */
        uint32_t *cp = code_points(w, &n);
        PyObject *got = cp ? edit_options(ix, w, cp, n) : NULL;
        PyMem_Free(cp);
        return got;
    }
    uint32_t cp[EDIT_MAX];
    int kind = PyUnicode_KIND(w);
    const void *data = PyUnicode_DATA(w);
    for (Py_ssize_t i = 0; i < n; i++)
        cp[i] = PyUnicode_READ(kind, data, i);
    EditTable *t = &ix->cache;
    uint64_t key;
    int packed = edit_pack(cp, n, &key);
    size_t slot = 0;
    if (packed) {
        slot = edit_slot(t, key);
        if (t->keys[slot]) {
            Py_INCREF(t->values[slot]);
            return t->values[slot];
        }
    } else {
        PyObject *hit = PyDict_GetItemWithError(ix->wide_cache, w); /* borrowed */
        if (hit || PyErr_Occurred()) {
            Py_XINCREF(hit);
            return hit;
        }
    }
    PyObject *got = edit_options(ix, w, cp, n);
    if (!got)
        return NULL;
    if (t->count >= ix->cache_size) { /* full: it starts over (cheaper than an LRU) */
        edit_cache_clear(t);
        PyDict_Clear(ix->wide_cache);
        if (packed)
            slot = edit_slot(t, key);
    }
    if (packed) {
        t->keys[slot] = key;
        Py_INCREF(got);
        t->values[slot] = got;
    } else if (PyDict_SetItem(ix->wide_cache, w, got) < 0) {
        Py_DECREF(got);
        return NULL;
    }
    t->count++;
    return got;
}

static PyObject *
window_options(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "window_options(w, index) takes a str and an edit index");
        return NULL;
    }
    EditIndex *ix = PyCapsule_GetPointer(args[1], "jiaokan.edit_index");
    return ix ? edit_window(ix, args[0]) : NULL;
}

/* ---- window_filter ---- */

typedef struct {
    PyObject *index;   /* the edit index (a capsule, held) */
    EditIndex *ix;
    PyObject *skip;    /* a tuple of sets: windows in any of them are words */
    PyObject *terms;   /* a dict: windows used min_uses times or more are the document's terms */
    Py_ssize_t min_uses;
    Py_ssize_t swap_uses; /* a swap that is no word counts where the document uses it this often */
    PyObject *wanted;  /* a dict or set: windows kept though the index offers them nothing */
    EditTable wanted_packed; /* its keys that pack (a window that packs can equal no other) */
} WindowFilter;

static void
window_filter_free(PyObject *capsule)
{
    WindowFilter *f = PyCapsule_GetPointer(capsule, "jiaokan.window_filter");
    if (!f)
        return;
    Py_XDECREF(f->index);
    Py_XDECREF(f->skip);
    Py_XDECREF(f->terms);
    Py_XDECREF(f->wanted);
    edit_table_free(&f->wanted_packed);
    PyMem_Free(f);
}

/* Puts the keys of ``wanted`` that pack into ``t``; 0, or -1 with an exception set. */
static int
pack_wanted(EditTable *t, PyObject *wanted)
{
    Py_ssize_t n = PyDict_Check(wanted) ? PyDict_GET_SIZE(wanted) : PySet_GET_SIZE(wanted);
    if (edit_alloc(t, n, 0) < 0)
        return -1;
    PyObject *it = PyObject_GetIter(wanted), *key;
    if (!it)
        return -1;
    while ((key = PyIter_Next(it))) {
        uint64_t packed;
        if (PyUnicode_Check(key) && READY(key) == 0 &&
            pack_span(PyUnicode_KIND(key), PyUnicode_DATA(key), 0, PyUnicode_GET_LENGTH(key), &packed))
            t->keys[edit_slot(t, packed)] = packed;
        Py_DECREF(key);
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static PyObject *
window_filter(PyObject *self, PyObject *args)
{
    PyObject *index, *skip, *terms, *wanted;
    Py_ssize_t min_uses, swap_uses;
    if (!PyArg_ParseTuple(args, "OO!O!nOn", &index, &PyTuple_Type, &skip, &PyDict_Type, &terms, &min_uses, &wanted,
                          &swap_uses))
        return NULL;
    EditIndex *ix = PyCapsule_GetPointer(index, "jiaokan.edit_index");
    if (!ix)
        return NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(skip); i++) {
        if (!PyAnySet_Check(PyTuple_GET_ITEM(skip, i))) {
            PyErr_SetString(PyExc_TypeError, "window_filter: skip must be a tuple of sets");
            return NULL;
        }
    }
    if (!PyDict_Check(wanted) && !PyAnySet_Check(wanted)) {
        PyErr_SetString(PyExc_TypeError, "window_filter: wanted must be a dict or a set");
        return NULL;
    }
    WindowFilter *f = PyMem_Calloc(1, sizeof(WindowFilter));
    if (!f)
        return PyErr_NoMemory();
    f->ix = ix;
    f->min_uses = min_uses;
    f->swap_uses = swap_uses;
    Py_INCREF(index), Py_INCREF(skip), Py_INCREF(terms), Py_INCREF(wanted);
    f->index = index, f->skip = skip, f->terms = terms, f->wanted = wanted;
    PyObject *capsule = PyCapsule_New(f, "jiaokan.window_filter", window_filter_free);
    if (!capsule) {
        Py_DECREF(index), Py_DECREF(skip), Py_DECREF(terms), Py_DECREF(wanted);
        PyMem_Free(f);
        return NULL;
    }
    if (pack_wanted(&f->wanted_packed, wanted) < 0)
        Py_CLEAR(capsule); /* (frees f) */
    return capsule;
}

/* How often the document uses w (its count in the terms), or -1 on an error. */
static Py_ssize_t
term_uses(WindowFilter *f, PyObject *w)
{
    PyObject *uses = PyDict_GetItemWithError(f->terms, w); /* borrowed */
    if (!uses)
        return PyErr_Occurred() ? -1 : 0;
    return PyLong_AsSsize_t(uses);
}

/* 1 when the options of a window offer a correction: a look/sound-alike, idioms, or a swap that is
 * a word or a term of the document; 0 when not; -1 on an error. */
static int
options_offer(WindowFilter *f, PyObject *options)
{
    if (options == f->ix->nothing)
        return 0;
    PyObject *swaps = PyTuple_GET_ITEM(options, 0), *choice = PyTuple_GET_ITEM(options, 1);
    PyObject *idioms = PyTuple_GET_ITEM(options, 2);
    if (choice != Py_None || PyTuple_GET_SIZE(idioms))
        return 1;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(swaps); i++) {
        PyObject *swap = PyTuple_GET_ITEM(swaps, i);
        if (PyTuple_GET_ITEM(swap, 1) == Py_True)
            return 1;
        Py_ssize_t uses = term_uses(f, PyTuple_GET_ITEM(swap, 0));
        if (uses == -1 && PyErr_Occurred())
            return -1;
        if (uses >= f->swap_uses)
            return 1;
    }
    return 0;
}

/* 1 when the filter keeps the window w, 0 when it drops it, -1 on an error. */
static int
window_kept(WindowFilter *f, PyObject *w)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(f->skip); i++) {
        int in = PySet_Contains(PyTuple_GET_ITEM(f->skip, i), w);
        if (in)
            return in < 0 ? -1 : 0;
    }
    Py_ssize_t uses = term_uses(f, w);
    if (uses == -1 && PyErr_Occurred())
        return -1;
    if (uses >= f->min_uses)
        return 0;
    PyObject *options = edit_window(f->ix, w);
    if (!options)
        return -1;
    int offer = options_offer(f, options);
    Py_DECREF(options);
    if (offer)
        return offer;
    return PyDict_Check(f->wanted) ? PyDict_Contains(f->wanted, w) : PySet_Contains(f->wanted, w);
}

/* ---- token_windows ---- */

/* What token_windows keeps while it runs: the windows so far, the filter, and the packed windows
 * the filter has refused in this document. Most windows are refused because the index offers them
 * nothing, and most of those are in its cache already: such a window is refused by its packed key,
 * without a str made for it or a dict or set asked (the filter's answer depends on the window's
 * text alone, so a refusal stands for the whole document). */
typedef struct {
    PyObject *windows;
    WindowFilter *keep;
    EditTable refused;
} Windows;

/* 1 when the packed window ``key`` is refused for sure: refused before, or offered nothing by the
 * cached options and not wanted. 0 when the filter must decide. */
static int
refused_fast(Windows *st, uint64_t key)
{
    if (st->refused.keys[edit_slot(&st->refused, key)] == key)
        return 1;
    EditIndex *ix = st->keep->ix;
    size_t slot = edit_slot(&ix->cache, key);
    if (ix->cache.keys[slot] != key || ix->cache.values[slot] != ix->nothing)
        return 0;
    const EditTable *wanted = &st->keep->wanted_packed;
    return wanted->keys[edit_slot(wanted, key)] != key;
}

/* Remembers the refusal of the packed window ``key``; 0, or -1 with an exception set. */
static int
refuse(Windows *st, uint64_t key)
{
    EditTable *t = &st->refused;
    if ((size_t)(t->count + 1) * 2 > t->mask + 1) { /* half full: twice the size */
        EditTable grown;
        if (edit_alloc(&grown, 2 * (t->count + 1), 0) < 0)
            return -1;
        for (size_t i = 0; i <= t->mask; i++)
            if (t->keys[i])
                grown.keys[edit_slot(&grown, t->keys[i])] = t->keys[i];
        grown.count = t->count;
        edit_table_free(t);
        *t = grown;
    }
    size_t i = edit_slot(t, key);
    if (!t->keys[i]) {
        t->keys[i] = key;
        t->count++;
    }
    return 0;
}

/* Adds the place (base, run, a, b) of the window ``key`` (run[a:b]) to the windows: to the window's
 * places when it has some, else when the filter (if any) keeps it. 0, or -1 on an error. */
static int
add_place(Windows *st, PyObject *key, PyObject *base, PyObject *run, Py_ssize_t a, Py_ssize_t b, int packs,
          uint64_t packed)
{
    PyObject *places = PyDict_GetItemWithError(st->windows, key); /* borrowed */
    if (!places) {
        if (PyErr_Occurred())
            return -1;
        int kept = st->keep ? window_kept(st->keep, key) : 1;
        if (kept < 0)
            return -1;
        if (!kept)
            return packs ? refuse(st, packed) : 0;
        places = PyList_New(0);
        if (!places)
            return -1;
        int rc = PyDict_SetItem(st->windows, key, places);
        Py_DECREF(places); /* the dict holds it */
        if (rc < 0)
            return -1;
    }
    return append_value(places, "(OOnn)", base, run, a, b);
}

/* The window run[a:b] (its text ``tok`` when not NULL) at (base, run, a, b). */
static int
add_window(Windows *st, PyObject *tok, PyObject *base, PyObject *run, int kind, const void *data, Py_ssize_t a,
           Py_ssize_t b)
{
    uint64_t packed = 0;
    int packs = st->keep && pack_span(kind, data, a, b, &packed);
    if (packs && refused_fast(st, packed))
        return 0;
    PyObject *key = tok;
    if (key)
        Py_INCREF(key);
    else if (!(key = PyUnicode_Substring(run, a, b)))
        return -1;
    int rc = add_place(st, key, base, run, a, b, packs, packed);
    Py_DECREF(key);
    return rc;
}

static PyObject *
token_windows(PyObject *self, PyObject *args)
{
    PyObject *runs, *bases, *run_tokens, *opening, *filter = Py_None;
    Py_ssize_t max_neighbour;
    if (!PyArg_ParseTuple(args, "O!O!O!On|O", &PyList_Type, &runs, &PyList_Type, &bases, &PyList_Type, &run_tokens,
                          &opening, &max_neighbour, &filter))
        return NULL;
    WindowFilter *keep = NULL;
    if (filter != Py_None && !(keep = PyCapsule_GetPointer(filter, "jiaokan.window_filter")))
        return NULL;
    if (!PyAnySet_Check(opening)) {
        PyErr_SetString(PyExc_TypeError, "token_windows: opening must be a set or frozenset");
        return NULL;
    }
    Py_ssize_t nr = PyList_GET_SIZE(runs);
    if (PyList_GET_SIZE(bases) != nr || PyList_GET_SIZE(run_tokens) != nr) {
        PyErr_SetString(PyExc_ValueError, "token_windows: runs, bases and run_tokens differ in length");
        return NULL;
    }
    PyObject *windows = PyDict_New(), *single_runs = PyList_New(0), *doubled = PyList_New(0);
    Py_ssize_t *offs = NULL, cap = 0;
    char *is_open = NULL; /* whether each token of the run is in opening (asked once a token) */
    Windows st = {windows, keep, {0}};
    if (!windows || !single_runs || !doubled || edit_alloc(&st.refused, 512, 0) < 0)
        goto fail;
    for (Py_ssize_t r = 0; r < nr; r++) {
        PyObject *run = PyList_GET_ITEM(runs, r), *base = PyList_GET_ITEM(bases, r);
        PyObject *tokens = PyList_GET_ITEM(run_tokens, r);
        if (!PyUnicode_Check(run) || !PyList_Check(tokens)) {
            PyErr_SetString(PyExc_TypeError, "token_windows: a run must be a str and its tokens a list");
            goto fail;
        }
        if (READY(run) < 0)
            goto fail;
        Py_ssize_t base_v = PyLong_AsSsize_t(base);
        if (base_v == -1 && PyErr_Occurred())
            goto fail;
        Py_ssize_t nt = PyList_GET_SIZE(tokens);
        if (nt + 1 > cap) {
            PyMem_Free(offs);
            PyMem_Free(is_open);
            cap = 2 * (nt + 1);
            offs = PyMem_Malloc((size_t)cap * sizeof(Py_ssize_t));
            is_open = PyMem_Malloc((size_t)cap);
            if (!offs || !is_open) {
                PyErr_NoMemory();
                goto fail;
            }
        }
        int opens = 0;
        offs[0] = 0;
        for (Py_ssize_t i = 0; i < nt; i++) {
            PyObject *tok = PyList_GET_ITEM(tokens, i);
            if (!PyUnicode_Check(tok)) {
                PyErr_SetString(PyExc_TypeError, "token_windows: tokens must be str");
                goto fail;
            }
            offs[i + 1] = offs[i] + PyUnicode_GET_LENGTH(tok);
            int c = PySet_Contains(opening, tok);
            if (c < 0)
                goto fail;
            is_open[i] = (char)c;
            opens |= c;
        }
        if (offs[nt] != PyUnicode_GET_LENGTH(run)) {
            PyErr_SetString(PyExc_ValueError, "token_windows: the tokens of a run must make up the run");
            goto fail;
        }
        if (!opens)
            continue;
        /* stretches of three or more single-character tokens */
        Py_ssize_t first = -1;
        for (Py_ssize_t i = 0; i <= nt; i++) {
            if (i < nt && offs[i + 1] - offs[i] == 1) {
                if (first < 0)
                    first = i;
            } else {
                if (first >= 0 && i - 1 - first >= 2 &&
                    append_value(single_runs, "(nn)", base_v + offs[first], base_v + offs[i - 1] + 1) < 0)
                    goto fail;
                first = -1;
            }
        }
        int kind = PyUnicode_KIND(run);
        const void *data = PyUnicode_DATA(run);
        for (Py_ssize_t i = 0; i < nt; i++) {
            PyObject *tok = PyList_GET_ITEM(tokens, i);
            if (!is_open[i])
                continue;
            Py_ssize_t o = offs[i], len = offs[i + 1] - o;
            if (len != 1) {
                if (add_window(&st, tok, base, run, kind, data, o, o + len) < 0)
                    goto fail;
                continue;
            }
            Py_ssize_t lp = i ? o - offs[i - 1] : 0, ln = i + 1 < nt ? offs[i + 2] - offs[i + 1] : 0;
            if (lp && lp <= max_neighbour && add_window(&st, NULL, base, run, kind, data, o - lp, o + 1) < 0)
                goto fail;
            if (ln && ln <= max_neighbour && add_window(&st, NULL, base, run, kind, data, o, o + 1 + ln) < 0)
                goto fail;
            if (lp == 1 && ln == 1 && add_window(&st, NULL, base, run, kind, data, o - 1, o + 2) < 0)
                goto fail;
            Py_UCS4 ch = PyUnicode_READ(kind, data, o);
            if (((lp >= 2 && PyUnicode_READ(kind, data, o - 1) == ch) ||
                 (ln >= 2 && PyUnicode_READ(kind, data, o + 1) == ch)) &&
                append_value(doubled, "(nnn)", r, i, o) < 0)
                goto fail;
        }
    }
    PyMem_Free(offs);
    PyMem_Free(is_open);
    edit_table_free(&st.refused);
    return Py_BuildValue("(NNN)", windows, single_runs, doubled);
fail:
    PyMem_Free(offs);
    PyMem_Free(is_open);
    edit_table_free(&st.refused);
    Py_XDECREF(windows);
    Py_XDECREF(single_runs);
    Py_XDECREF(doubled);
    return NULL;
}

/* ---- split_at ---- */

static PyObject *
split_at(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyList_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "split_at(items, sep) takes a list and a separator");
        return NULL;
    }
    PyObject *items = args[0], *sep = args[1], *out = PyList_New(0);
    if (!out)
        return NULL;
    Py_ssize_t start = 0;
    for (Py_ssize_t i = 0; i <= PyList_GET_SIZE(items); i++) {
        if (i < PyList_GET_SIZE(items)) {
            int eq = PyObject_RichCompareBool(PyList_GET_ITEM(items, i), sep, Py_EQ);
            if (eq < 0)
                goto fail;
            if (!eq)
                continue;
        }
        PyObject *part = PyList_GetSlice(items, start, i);
        if (!part || PyList_Append(out, part) < 0) {
            Py_XDECREF(part);
            goto fail;
        }
        Py_DECREF(part);
        start = i + 1;
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/* ---- ranges ---- */

static PyObject *
ranges(PyObject *self, PyObject *spans)
{
    PyObject *seq = PySequence_Fast(spans, "ranges: spans must be a sequence of (start, end)");
    if (!seq)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq), total = 0;
    PyObject **items = PySequence_Fast_ITEMS(seq);
    long *bounds = PyMem_Malloc((size_t)(n ? 2 * n : 1) * sizeof(long));
    PyObject *out = NULL;
    if (!bounds) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        long start, end;
        if (!PyTuple_Check(items[i])) {
            PyErr_SetString(PyExc_TypeError, "ranges: each span must be a tuple (start, end)");
            goto done;
        }
        if (!PyArg_ParseTuple(items[i], "ll", &start, &end))
            goto done;
        if (end > start) {
            if (end - start > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(long) - total) {
                PyErr_NoMemory();
                goto done;
            }
            total += end - start;
        }
        bounds[2 * i] = start;
        bounds[2 * i + 1] = end;
    }
    out = PyBytes_FromStringAndSize(NULL, total * (Py_ssize_t)sizeof(long));
    if (!out)
        goto done;
    long *w = (long *)PyBytes_AS_STRING(out);
    for (Py_ssize_t i = 0; i < n; i++)
        for (long v = bounds[2 * i]; v < bounds[2 * i + 1]; v++)
            *w++ = v;
done:
    PyMem_Free(bounds);
    Py_DECREF(seq);
    return out;
}

/* ---- the word graph: route_log_prob and route_cut ---- */

/* The lexicon store's word graph (rules/lang/store.py, route_table): every word of jieba's
 * dictionary and every prefix of one, in two open-addressing tables.
 *   short: keys of 1-4 characters of the Basic Multilingual Plane, packed 16 bits each into the
 *          key itself (exact: no key holds U+0000), 16-byte slots {uint64 key (0: empty), double
 *          log-probability}, found at route_short_index(key): a probe reads one cache line;
 *   long:  every other key, 24-byte slots {uint64 FNV-1a hash of its code points, uint32 where its
 *          code points start in blob, uint32 length (0: empty), double log-probability}.
 * The log-probability is NaN for a prefix that is no word, and positive (its sign flipped) for a
 * word that no longer key starts with: the route stops there without a probe that would miss.
 *   bloom: a Bloom filter of the short keys of two characters or more, uint64 words (a power of
 *          two of them), two bits per key in one word (route_bloom_has): a key it does not hold
 *          is in no table, and costs no probe of the short table (most absent keys). */
typedef struct {
    Py_buffer short_buf, long_buf, blob_buf, bloom_buf;
    const char *shorts, *longs;
    const uint32_t *blob;
    const uint64_t *bloom;
    uint64_t short_mask, long_mask, bloom_mask;
    Py_ssize_t nblob, max_len;
    double unknown;
} Route;

#define ROUTE_SHORT_SLOT 16
#define ROUTE_LONG_SLOT 24
#define FNV_OFFSET 0xCBF29CE484222325ULL
#define FNV_PRIME 0x100000001B3ULL
#define GOLDEN 0x9E3779B97F4A7C15ULL /* rules/lang/store.py's GOLDEN: the short keys' multiplier */

static inline uint64_t
route_short_index(uint64_t key, uint64_t mask)
{
    return ((key * GOLDEN) >> 32) & mask;
}

/* Whether the filter may hold the short key ``key`` (of two characters or more). */
static inline int
route_bloom_has(const Route *r, uint64_t key)
{
    uint64_t h = key * GOLDEN;
    uint64_t bits = (1ULL << ((h >> 32) & 63)) | (1ULL << ((h >> 38) & 63));
    return (r->bloom[(h >> 48) & r->bloom_mask] & bits) == bits;
}

static void
route_release(Route *r)
{
    if (r->short_buf.obj)
        PyBuffer_Release(&r->short_buf);
    if (r->long_buf.obj)
        PyBuffer_Release(&r->long_buf);
    if (r->blob_buf.obj)
        PyBuffer_Release(&r->blob_buf);
    if (r->bloom_buf.obj)
        PyBuffer_Release(&r->bloom_buf);
}

/* The tables from args[0..5] (short, long, blob, bloom, max_len, unknown); 0, or -1 with an
 * exception. */
static int
route_open(Route *r, PyObject *const *args, const char *who)
{
    memset(r, 0, sizeof(*r));
    r->max_len = PyLong_AsSsize_t(args[4]);
    r->unknown = PyFloat_AsDouble(args[5]);
    if ((r->max_len == -1 || r->unknown == -1.0) && PyErr_Occurred())
        return -1;
    if (PyObject_GetBuffer(args[0], &r->short_buf, PyBUF_SIMPLE) < 0 ||
        PyObject_GetBuffer(args[1], &r->long_buf, PyBUF_SIMPLE) < 0 ||
        PyObject_GetBuffer(args[2], &r->blob_buf, PyBUF_SIMPLE) < 0 ||
        PyObject_GetBuffer(args[3], &r->bloom_buf, PyBUF_SIMPLE) < 0) {
        route_release(r);
        return -1;
    }
    Py_ssize_t ns = r->short_buf.len / ROUTE_SHORT_SLOT, nl = r->long_buf.len / ROUTE_LONG_SLOT;
    Py_ssize_t nb = r->bloom_buf.len / 8;
    if (ns < 1 || (ns & (ns - 1)) || r->short_buf.len % ROUTE_SHORT_SLOT || nl < 1 || (nl & (nl - 1)) ||
        r->long_buf.len % ROUTE_LONG_SLOT || r->blob_buf.len % 4 || nb < 1 || (nb & (nb - 1)) ||
        r->bloom_buf.len % 8) {
        PyErr_Format(PyExc_ValueError, "%s: not a route table", who);
        route_release(r);
        return -1;
    }
    r->shorts = r->short_buf.buf, r->longs = r->long_buf.buf, r->blob = r->blob_buf.buf;
    r->bloom = r->bloom_buf.buf, r->bloom_mask = (uint64_t)nb - 1;
    r->short_mask = (uint64_t)ns - 1, r->long_mask = (uint64_t)nl - 1;
    r->nblob = r->blob_buf.len / 4;
    return 0;
}

/* Whether ``key`` (packed) is in the short table; its log-probability in *lp. */
static inline int
route_find_short(const Route *r, uint64_t key, double *lp)
{
    for (uint64_t i = route_short_index(key, r->short_mask);; i = (i + 1) & r->short_mask) {
        uint64_t k;
        memcpy(&k, r->shorts + ROUTE_SHORT_SLOT * i, 8);
        if (k == key) {
            memcpy(lp, r->shorts + ROUTE_SHORT_SLOT * i + 8, 8);
            return 1;
        }
        if (k == 0)
            return 0;
    }
}

/* Whether text[k : k + len] (FNV-1a hash h) is in the long table; its log-probability in *lp. */
static inline int
route_find_long(const Route *r, uint64_t h, int kind, const void *data, Py_ssize_t k, Py_ssize_t len,
                double *lp)
{
    for (uint64_t i = h & r->long_mask;; i = (i + 1) & r->long_mask) {
        const char *slot = r->longs + ROUTE_LONG_SLOT * i;
        uint64_t sh;
        uint32_t off, n;
        memcpy(&n, slot + 12, 4);
        if (n == 0)
            return 0;
        memcpy(&sh, slot, 8);
        memcpy(&off, slot + 8, 4);
        if (sh == h && (Py_ssize_t)n == len && (Py_ssize_t)off + len <= r->nblob) {
            Py_ssize_t t = 0;
            while (t < len && r->blob[off + t] == PyUnicode_READ(kind, data, k + t))
                t++;
            if (t == len) {
                memcpy(lp, slot + 16, 8);
                return 1;
            }
        }
    }
}

/* jieba's calc over jieba's get_DAG (jiaokan.rules.lang.Lexicon.route), backwards: rest[k], the
 * best log-probability of text[k:], and end[k] (when end is not NULL), where the first word of
 * that route ends. Ties go to the longer word, as in jieba (shortest first, ">="). */
static void
route_pass(const Route *r, int kind, const void *data, Py_ssize_t n, double *rest, Py_ssize_t *end)
{
    rest[n] = 0.0;
    for (Py_ssize_t k = n - 1; k >= 0; k--) {
        double best = -HUGE_VAL;
        Py_ssize_t best_end = k + 1;
        int any = 0, packable = 1;
        uint64_t key = 0, h = FNV_OFFSET;
        for (Py_ssize_t len = 1; len <= r->max_len && k + len <= n; len++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, k + len - 1);
            h = (h ^ (uint64_t)c) * FNV_PRIME;
            double lp;
            int found;
            if (packable && len <= 4 && c != 0 && c <= 0xFFFF) {
                key |= (uint64_t)c << (16 * (len - 1));
                found = (len == 1 || route_bloom_has(r, key)) && route_find_short(r, key, &lp);
            } else {
                packable = 0; /* every longer key holds this character too */
                found = route_find_long(r, h, kind, data, k, len, &lp);
            }
            if (!found)
                break; /* no word goes on from here: every prefix of a word is in the tables */
            if (lp == lp) { /* a word, not only a prefix (NaN) */
                int last = lp > 0; /* no longer key starts with it: its sign is flipped */
                double v = (last ? -lp : lp) + rest[k + len];
                any = 1;
                if (v >= best)
                    best = v, best_end = k + len;
                if (last)
                    break;
            }
        }
        rest[k] = any ? best : r->unknown + rest[k + 1];
        if (end)
            end[k] = any ? best_end : k + 1;
    }
}

static PyObject *
route_log_prob(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 7 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "route_log_prob(text, short, long, blob, bloom, max_len, unknown)");
        return NULL;
    }
    PyObject *text = args[0];
    if (READY(text) < 0)
        return NULL;
    Route r;
    if (route_open(&r, args + 1, "route_log_prob") < 0)
        return NULL;
    PyObject *result = NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    double *rest = PyMem_Malloc((size_t)(n + 1) * sizeof(double));
    if (!rest)
        PyErr_NoMemory();
    else {
        route_pass(&r, PyUnicode_KIND(text), PyUnicode_DATA(text), n, rest, NULL);
        result = PyFloat_FromDouble(rest[0]);
    }
    PyMem_Free(rest);
    route_release(&r);
    return result;
}

static inline int
ascii_alnum(Py_UCS4 c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The words of the route, kept in a direct-mapped cache by key (1-4 characters of the Basic
 * Multilingual Plane, packed as in the short table): a word recurs all through a text, and the
 * same str object comes back instead of a new one, its hash already computed for the dicts and
 * sets the rules count and look up words in. */
#define WORD_CACHE_BITS 16
static struct {
    uint64_t key;
    PyObject *word;
} word_cache[1 << WORD_CACHE_BITS];

/* text[a:b], a new reference (NULL on an error). */
static PyObject *
route_word(PyObject *text, int kind, const void *data, Py_ssize_t a, Py_ssize_t b)
{
    uint64_t key;
    if (!pack_span(kind, data, a, b, &key))
        return PyUnicode_Substring(text, a, b);
    uint64_t slot = route_short_index(key, (1 << WORD_CACHE_BITS) - 1);
    if (word_cache[slot].key == key) {
        Py_INCREF(word_cache[slot].word);
        return word_cache[slot].word;
    }
    PyObject *word = PyUnicode_Substring(text, a, b);
    if (!word)
        return NULL;
    Py_XDECREF(word_cache[slot].word);
    Py_INCREF(word);
    word_cache[slot].key = key, word_cache[slot].word = word;
    return word;
}

/* The words of one jieba block (jiaokan.rules.lang.Lexicon._cut_block): the best route, with
 * runs of single ASCII letters and digits joined into one word. Appended to ``out``. */
static int
route_cut_block(const Route *r, PyObject *text, double *rest, Py_ssize_t *end, PyObject *out)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    route_pass(r, kind, data, n, rest, end);
    Py_ssize_t x = 0, buf = -1; /* buf: where the pending letters and digits start */
    while (x < n) {
        Py_ssize_t y = end[x];
        if (y == x + 1 && ascii_alnum(PyUnicode_READ(kind, data, x))) {
            if (buf < 0)
                buf = x;
        } else {
            if (buf >= 0 && append_new(out, route_word(text, kind, data, buf, x)) < 0)
                return -1;
            buf = -1;
            if (append_new(out, route_word(text, kind, data, x, y)) < 0)
                return -1;
        }
        x = y;
    }
    if (buf >= 0 && append_new(out, route_word(text, kind, data, buf, n)) < 0)
        return -1;
    return 0;
}

static PyObject *
route_cut(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 7 || !PyList_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "route_cut(blocks, short, long, blob, bloom, max_len, unknown)");
        return NULL;
    }
    PyObject *blocks = args[0];
    Py_ssize_t nb = PyList_GET_SIZE(blocks), cap = 0;
    for (Py_ssize_t b = 0; b < nb; b++) {
        PyObject *text = PyList_GET_ITEM(blocks, b);
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "route_cut: blocks must be str");
            return NULL;
        }
        if (READY(text) < 0)
            return NULL;
        if (PyUnicode_GET_LENGTH(text) > cap)
            cap = PyUnicode_GET_LENGTH(text);
    }
    Route r;
    if (route_open(&r, args + 1, "route_cut") < 0)
        return NULL;
    double *rest = PyMem_Malloc((size_t)(cap + 1) * sizeof(double));
    Py_ssize_t *end = PyMem_Malloc((size_t)(cap + 1) * sizeof(Py_ssize_t));
    PyObject *result = PyList_New(nb);
    if (!rest || !end) {
        PyErr_NoMemory();
        goto fail;
    }
    if (!result)
        goto fail;
    for (Py_ssize_t b = 0; b < nb; b++) {
        PyObject *words = PyList_New(0);
        if (!words)
            goto fail;
        PyList_SET_ITEM(result, b, words);
        if (route_cut_block(&r, PyList_GET_ITEM(blocks, b), rest, end, words) < 0)
            goto fail;
    }
    PyMem_Free(rest);
    PyMem_Free(end);
    route_release(&r);
    return result;
fail:
    PyMem_Free(rest);
    PyMem_Free(end);
    route_release(&r);
    Py_XDECREF(result);
    return NULL;
}

/* ---- aligned_with_earlier ---- */

/* A document's seeds with one earlier document, gathered in C. */
typedef struct {
    seed_t *seeds;
    Py_ssize_t n, cap;
} seedbuf_t;

static int
seedbuf_add(seedbuf_t *s, Py_ssize_t i, Py_ssize_t j)
{
    if (s->n == s->cap) {
        Py_ssize_t cap = s->cap ? 2 * s->cap : 16;
        seed_t *grown = PyMem_Realloc(s->seeds, (size_t)cap * sizeof(seed_t));
        if (!grown) {
            PyErr_NoMemory();
            return -1;
        }
        s->seeds = grown, s->cap = cap;
    }
    s->seeds[s->n].i = i, s->seeds[s->n].j = j;
    s->n++;
    return 0;
}

/* The positions in a list of ints, as Py_ssize_t; -1 with an exception (and *n untouched). */
static int
positions_of(PyObject *list, Py_ssize_t *out, Py_ssize_t *n)
{
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "aligned_with_earlier: positions must be lists");
        return -1;
    }
    for (Py_ssize_t t = 0; t < PyList_GET_SIZE(list); t++) {
        out[t] = PyLong_AsSsize_t(PyList_GET_ITEM(list, t));
        if (out[t] == -1 && PyErr_Occurred())
            return -1;
    }
    *n = PyList_GET_SIZE(list);
    return 0;
}

static PyObject *
aligned_with_earlier(PyObject *self, PyObject *args)
{
    Py_ssize_t db, max_per, min_length, k, confirm;
    PyObject *shared, *postings, *texts;
    double limit;
    if (!PyArg_ParseTuple(args, "nO!O!dnO!nnn", &db, &PyList_Type, &shared, &PyDict_Type, &postings, &limit, &max_per,
                          &PyList_Type, &texts, &min_length, &k, &confirm))
        return NULL;
    if (db < 0 || db >= PyList_GET_SIZE(texts) || max_per < 0) {
        PyErr_SetString(PyExc_ValueError, "aligned_with_earlier: no such document, or max_per < 0");
        return NULL;
    }
    seedbuf_t *per = PyMem_Calloc((size_t)(db ? db : 1), sizeof(seedbuf_t)); /* by earlier document */
    Py_ssize_t *px = PyMem_Malloc((size_t)(max_per + 1) * sizeof(Py_ssize_t));
    Py_ssize_t *py = PyMem_Malloc((size_t)(max_per + 1) * sizeof(Py_ssize_t));
    PyObject *db_key = PyLong_FromSsize_t(db), *out = NULL;
    if (!per || !px || !py) {
        PyErr_NoMemory();
        goto done;
    }
    if (!db_key)
        goto done;
    for (Py_ssize_t t = 0; t < PyList_GET_SIZE(shared); t++) {
        PyObject *h = PyList_GET_ITEM(shared, t);
        PyObject *docs = PyDict_GetItemWithError(postings, h); /* borrowed */
        if (!docs) {
            if (!PyErr_Occurred())
                PyErr_SetObject(PyExc_KeyError, h);
            goto done;
        }
        if (!PyDict_Check(docs)) {
            PyErr_SetString(PyExc_TypeError, "aligned_with_earlier: postings must map values to dicts");
            goto done;
        }
        if ((double)PyDict_GET_SIZE(docs) >= limit)
            continue; /* boilerplate: most documents have it */
        PyObject *mine = PyDict_GetItemWithError(docs, db_key);
        if (!mine) {
            if (!PyErr_Occurred())
                PyErr_SetObject(PyExc_KeyError, db_key);
            goto done;
        }
        Py_ssize_t ny;
        if (PyList_Check(mine) && PyList_GET_SIZE(mine) > max_per)
            continue;
        if (positions_of(mine, py, &ny) < 0) /* (a TypeError when not a list) */
            goto done;
        Py_ssize_t pos = 0;
        PyObject *dkey, *theirs;
        while (PyDict_Next(docs, &pos, &dkey, &theirs)) {
            Py_ssize_t d = PyLong_AsSsize_t(dkey), nx;
            if (d == -1 && PyErr_Occurred())
                goto done;
            if (d >= db)
                break; /* the earlier documents come first */
            if (d < 0) {
                PyErr_SetString(PyExc_ValueError, "aligned_with_earlier: no such document");
                goto done;
            }
            if (PyList_Check(theirs) && PyList_GET_SIZE(theirs) > max_per)
                continue;
            if (positions_of(theirs, px, &nx) < 0)
                goto done;
            for (Py_ssize_t i = 0; i < nx; i++)
                for (Py_ssize_t j = 0; j < ny; j++)
                    if (seedbuf_add(&per[d], px[i], py[j]) < 0)
                        goto done;
        }
    }
    PyObject *b = PyList_GET_ITEM(texts, db);
    if (!PyUnicode_Check(b) || READY(b) < 0) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "aligned_with_earlier: texts must be str");
        goto done;
    }
    Py_ssize_t lb = PyUnicode_GET_LENGTH(b);
    if (!(out = PyList_New(0)))
        goto done;
    for (Py_ssize_t d = 0; d < db; d++) {
        if (!per[d].n)
            continue;
        PyObject *a = PyList_GET_ITEM(texts, d), *regions = NULL;
        if (!PyUnicode_Check(a) || READY(a) < 0) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "aligned_with_earlier: texts must be str");
            Py_CLEAR(out);
            goto done;
        }
        if (!(regions = PyList_New(0)) ||
            align_seeds(PyUnicode_KIND(a), PyUnicode_DATA(a), PyUnicode_GET_LENGTH(a), PyUnicode_KIND(b),
                        PyUnicode_DATA(b), lb, per[d].seeds, per[d].n, 0, min_length, k, confirm, regions,
                        "aligned_with_earlier") < 0 ||
            (PyList_GET_SIZE(regions) && append_value(out, "(nO)", d, regions) < 0)) {
            Py_XDECREF(regions);
            Py_CLEAR(out);
            goto done;
        }
        Py_DECREF(regions);
    }
done:
    if (per)
        for (Py_ssize_t d = 0; d < db; d++)
            PyMem_Free(per[d].seeds);
    PyMem_Free(per);
    PyMem_Free(px);
    PyMem_Free(py);
    Py_XDECREF(db_key);
    return out;
}

/* ---- shared_hashes ---- */

/* A buffer of the array ``obj``, whose items must be unsigned integers of ``itemsize`` bytes (a
 * typecode in ``formats``); 0, or -1 with a TypeError naming ``who``. */
static int
get_array(PyObject *obj, Py_buffer *view, Py_ssize_t itemsize, const char *formats, const char *who)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
        return -1;
    if (view->itemsize != itemsize || view->format == NULL || strchr(formats, view->format[0]) == NULL) {
        PyBuffer_Release(view);
        view->obj = NULL;
        PyErr_Format(PyExc_TypeError, "%s: arrays of unsigned %zd-bit integers expected", who, 8 * itemsize);
        return -1;
    }
    return 0;
}


typedef struct {
    uint64_t h;
    int64_t last; /* the last array the value was seen in; -1: empty slot */
    int shared;
} hslot_t;

typedef struct {
    uint64_t h;
    Py_ssize_t d; /* the array it is in */
} hrec_t;

/* The bucket of the value h among 2**bits (by the top bits of a multiplicative hash: any values,
 * small integers too, spread over the buckets). */
static inline size_t
bucket_of(uint64_t h, int bits)
{
    return bits ? (size_t)((h * 0x9E3779B97F4A7C15ULL) >> (64 - bits)) : 0;
}

static PyObject *
shared_hashes(PyObject *self, PyObject *arg)
{
    PyObject *seq = PySequence_Fast(arg, "shared_hashes: a sequence of arrays of uint64");
    if (!seq)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    Py_buffer *views = PyMem_Calloc((size_t)(n ? n : 1), sizeof(Py_buffer));
    hrec_t *recs = NULL;
    size_t *start = NULL;
    hslot_t *table = NULL;
    PyObject *out = NULL;
    Py_ssize_t got = 0, total = 0;
    if (!views) {
        PyErr_NoMemory();
        goto done;
    }
    for (; got < n; got++) {
        if (get_array(PySequence_Fast_GET_ITEM(seq, got), &views[got], 8, "QL", "shared_hashes") < 0)
            goto done;
        total += views[got].len / 8;
    }
    /* The values go into buckets by the top bits of a multiplicative hash (about 64 a bucket), in
     * array order; each bucket is then counted in a small table that stays in the processor's
     * cache. (One table for every value, millions of them, is hundreds of megabytes, each probe a
     * miss.) */
    int bits = 0;
    while (bits < 24 && ((Py_ssize_t)1 << bits) * 64 < total)
        bits++;
    size_t nb = (size_t)1 << bits;
    recs = PyMem_Malloc((size_t)(total ? total : 1) * sizeof(hrec_t));
    start = PyMem_Calloc(nb + 1, sizeof(size_t));
    out = PySet_New(NULL);
    if (!recs || !start || !out) {
        if (out)
            PyErr_NoMemory();
        Py_CLEAR(out);
        goto done;
    }
    for (Py_ssize_t d = 0; d < n; d++) {
        const uint64_t *v = views[d].buf;
        for (Py_ssize_t i = 0; i < views[d].len / 8; i++)
            start[bucket_of(v[i], bits) + 1]++;
    }
    size_t largest = 0;
    for (size_t k = 0; k < nb; k++) {
        if (start[k + 1] > largest)
            largest = start[k + 1];
        start[k + 1] += start[k];
    }
    {
        size_t *fill = PyMem_Malloc(nb * sizeof(size_t));
        if (!fill) {
            PyErr_NoMemory();
            Py_CLEAR(out);
            goto done;
        }
        memcpy(fill, start, nb * sizeof(size_t));
        for (Py_ssize_t d = 0; d < n; d++) {
            const uint64_t *v = views[d].buf;
            for (Py_ssize_t i = 0; i < views[d].len / 8; i++) {
                hrec_t *r = &recs[fill[bucket_of(v[i], bits)]++];
                r->h = v[i];
                r->d = d;
            }
        }
        PyMem_Free(fill);
    }
    size_t cap = 4;
    while (cap < 2 * largest)
        cap <<= 1;
    table = PyMem_Malloc(cap * sizeof(hslot_t));
    if (!table) {
        PyErr_NoMemory();
        Py_CLEAR(out);
        goto done;
    }
    for (size_t k = 0; k < nb; k++) {
        size_t m = start[k + 1] - start[k], size = 4;
        while (size < 2 * m)
            size <<= 1;
        for (size_t t = 0; t < size; t++)
            table[t].last = -1;
        for (size_t a = start[k]; a < start[k + 1]; a++) {
            uint64_t h = recs[a].h;
            Py_ssize_t d = recs[a].d;
            size_t t = hash_slot(h, size - 1);
            for (;;) {
                hslot_t *e = &table[t];
                if (e->last < 0) {
                    e->h = h;
                    e->last = d;
                    e->shared = 0;
                    break;
                }
                if (e->h == h) {
                    if (e->last != d && !e->shared) {
                        PyObject *val = PyLong_FromUnsignedLongLong(h);
                        if (!val || PySet_Add(out, val) < 0) {
                            Py_XDECREF(val);
                            Py_CLEAR(out);
                            goto done;
                        }
                        Py_DECREF(val);
                        e->shared = 1;
                    }
                    e->last = d;
                    break;
                }
                t = (t + 1) & (size - 1);
            }
        }
    }
done:
    PyMem_Free(table);
    PyMem_Free(start);
    PyMem_Free(recs);
    for (Py_ssize_t d = 0; d < got; d++)
        PyBuffer_Release(&views[d]);
    PyMem_Free(views);
    Py_DECREF(seq);
    return out;
}

/* ---- char_runs ---- */

/* 0 when the buffer holds ranges as in_ranges takes them (pairs of native uint32 first, last,
 * sorted, not overlapping), else -1 with a ValueError in the name of ``who``. */
static int
ranges_check(const Py_buffer *rv, const char *who)
{
    if (rv->len % 8) {
        PyErr_Format(PyExc_ValueError, "%s: ranges must be pairs of uint32", who);
        return -1;
    }
    const uint32_t *r = rv->buf;
    for (Py_ssize_t i = 0; i < rv->len / 8; i++) {
        if (r[2 * i] > r[2 * i + 1] || (i && r[2 * i] <= r[2 * i - 1])) {
            PyErr_Format(PyExc_ValueError, "%s: ranges must be sorted and not overlap", who);
            return -1;
        }
    }
    return 0;
}

/* Whether c lies in one of the sorted, disjoint ranges r (nr pairs first, last). */
static int
in_ranges(const uint32_t *r, Py_ssize_t nr, uint32_t c)
{
    Py_ssize_t a = 0, b = nr;
    while (a < b) { /* the last range that starts at or before c */
        Py_ssize_t m = (a + b) / 2;
        if (r[2 * m] <= c)
            a = m + 1;
        else
            b = m;
    }
    return a > 0 && c <= r[2 * (a - 1) + 1];
}

/* The maximal runs of ``text`` whose characters all lie in one of ``ranges`` (a bytes object of
 * native uint32 pairs first, last: sorted, not overlapping): (starts, runs), two lists. */
static PyObject *
char_runs(PyObject *self, PyObject *args)
{
    PyObject *text;
    Py_buffer rv;
    if (!PyArg_ParseTuple(args, "Uy*", &text, &rv))
        return NULL;
    PyObject *starts = NULL, *runs = NULL, *result = NULL;
    if (ranges_check(&rv, "char_runs") < 0)
        goto done;
    const uint32_t *r = rv.buf;
    Py_ssize_t nr = rv.len / 8;
    if (READY(text) < 0)
        goto done;
    starts = PyList_New(0);
    runs = PyList_New(0);
    if (!starts || !runs)
        goto done;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), begin = -1;
    /* The widest range, tried first (for \p{Han}: the CJK Unified Ideographs); none: lo > hi. */
    Py_ssize_t widest = -1;
    for (Py_ssize_t i = 0; i < nr; i++)
        if (widest < 0 || r[2 * i + 1] - r[2 * i] > r[2 * widest + 1] - r[2 * widest])
            widest = i;
    uint32_t lo = widest < 0 ? 1 : r[2 * widest], hi = widest < 0 ? 0 : r[2 * widest + 1];
    for (Py_ssize_t i = 0; i <= n; i++) {
        int in = 0;
        if (i < n) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            in = (c >= lo && c <= hi) || in_ranges(r, nr, c);
        }
        if (in) {
            if (begin < 0)
                begin = i;
        } else if (begin >= 0) {
            PyObject *start = PyLong_FromSsize_t(begin);
            PyObject *run = start ? PyUnicode_Substring(text, begin, i) : NULL;
            int rc = run ? PyList_Append(starts, start) : -1;
            if (rc == 0)
                rc = PyList_Append(runs, run);
            Py_XDECREF(start);
            Py_XDECREF(run);
            if (rc < 0)
                goto done;
            begin = -1;
        }
    }
    result = PyTuple_Pack(2, starts, runs);
done:
    Py_XDECREF(starts);
    Py_XDECREF(runs);
    PyBuffer_Release(&rv);
    return result;
}

/* ---- map_chars ---- */

#define MAP_LIMIT 0x40000 /* characters from here on are never mapped (no Han character is) */

/* ``text`` with each character that is a ``from`` of ``pairs`` (bytes of native uint32 pairs from,
 * to; sorted by from, each from once) replaced by its ``to``: the same length. ``text`` itself (the
 * same object) when none of its characters is mapped. */
static PyObject *
map_chars(PyObject *self, PyObject *args)
{
    PyObject *text, *result = NULL;
    Py_buffer pv;
    if (!PyArg_ParseTuple(args, "Uy*", &text, &pv))
        return NULL;
    uint64_t *seen = NULL;
    const uint32_t *pairs = pv.buf;
    Py_ssize_t np = pv.len / 8;
    if (pv.len % 8) {
        PyErr_SetString(PyExc_ValueError, "map_chars: pairs must be pairs of uint32");
        goto done;
    }
    for (Py_ssize_t i = 1; i < np; i++) {
        if (pairs[2 * i] <= pairs[2 * i - 2]) {
            PyErr_SetString(PyExc_ValueError, "map_chars: pairs must be sorted by their first, each once");
            goto done;
        }
    }
    if (READY(text) < 0)
        goto done;
    /* One bit per character below MAP_LIMIT: whether it is a ``from`` (most characters are not). */
    if (!(seen = PyMem_Calloc(MAP_LIMIT / 64, sizeof(uint64_t)))) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < np; i++) {
        uint32_t from = pairs[2 * i], to = pairs[2 * i + 1];
        if (from >= MAP_LIMIT || to > 0x10FFFF) {
            PyErr_SetString(PyExc_ValueError, "map_chars: a pair out of range");
            goto done;
        }
        seen[from >> 6] |= (uint64_t)1 << (from & 63);
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), first = -1;
    for (Py_ssize_t i = 0; i < n && first < 0; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c < MAP_LIMIT && (seen[c >> 6] >> (c & 63) & 1))
            first = i;
    }
    if (first < 0) {
        Py_INCREF(text);
        result = text;
        goto done;
    }
    /* Built in UCS-4, then made a str of the narrowest kind (a str must be: equality tests kinds). */
    Py_UCS4 *buf = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Py_UCS4));
    if (!buf) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (i >= first && c < MAP_LIMIT && (seen[c >> 6] >> (c & 63) & 1)) {
            Py_ssize_t a = 0, b = np;
            while (a < b) { /* the pair whose from is c */
                Py_ssize_t m = (a + b) / 2;
                if (pairs[2 * m] < c)
                    a = m + 1;
                else
                    b = m;
            }
            c = pairs[2 * a + 1];
        }
        buf[i] = c;
    }
    PyObject *out = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, n);
    PyMem_Free(buf);
    if (!out)
        goto done;
    result = out;
done:
    PyMem_Free(seen);
    PyBuffer_Release(&pv);
    return result;
}

/* ---- count_tokens ---- */

static PyObject *
count_tokens(PyObject *self, PyObject *args)
{
    PyObject *run_tokens, *common, *terms;
    Py_ssize_t max_open, min_uses, word_min, word_max;
    if (!PyArg_ParseTuple(args, "OOOnnnn", &run_tokens, &common, &terms, &max_open, &min_uses, &word_min, &word_max))
        return NULL;
    if (!PyAnySet_Check(common) || !PyDict_Check(terms)) {
        PyErr_SetString(PyExc_TypeError, "count_tokens: common must be a set and terms a dict");
        return NULL;
    }
    PyObject *runs = PySequence_Fast(run_tokens, "count_tokens: run_tokens must be a sequence of lists");
    if (!runs)
        return NULL;
    PyObject *counts = PyDict_New(), *opening = PySet_New(NULL), *words = PyList_New(0), *result = NULL;
    if (!counts || !opening || !words)
        goto done;
    for (Py_ssize_t r = 0; r < PySequence_Fast_GET_SIZE(runs); r++) {
        PyObject *tokens = PySequence_Fast_GET_ITEM(runs, r);
        if (!PyList_Check(tokens)) {
            PyErr_SetString(PyExc_TypeError, "count_tokens: run_tokens must be a sequence of lists");
            goto done;
        }
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(tokens); i++) {
            PyObject *t = PyList_GET_ITEM(tokens, i);
            if (!PyUnicode_CheckExact(t)) {
                PyErr_SetString(PyExc_TypeError, "count_tokens: tokens must be str");
                goto done;
            }
            PyObject *seen = PyDict_GetItemWithError(counts, t); /* borrowed */
            if (seen) {
                Py_ssize_t c = PyLong_AsSsize_t(seen);
                PyObject *more = c == -1 && PyErr_Occurred() ? NULL : PyLong_FromSsize_t(c + 1);
                int rc = more ? PyDict_SetItem(counts, t, more) : -1;
                Py_XDECREF(more);
                if (rc < 0)
                    goto done;
                continue;
            }
            PyObject *one = PyErr_Occurred() ? NULL : PyLong_FromLong(1);
            int rc = one ? PyDict_SetItem(counts, t, one) : -1;
            Py_XDECREF(one);
            if (rc < 0)
                goto done;
            Py_ssize_t n = PyUnicode_GET_LENGTH(t);
            int in_common = -1;
            if (n > 1 && (n <= max_open || (n >= word_min && n <= word_max)))
                if ((in_common = PySet_Contains(common, t)) < 0)
                    goto done;
            int opens = n == 1;
            if (!opens && n <= max_open && !in_common) {
                PyObject *uses = PyDict_GetItemWithError(terms, t); /* borrowed */
                Py_ssize_t u = 0;
                if (uses) {
                    u = PyLong_AsSsize_t(uses);
                    if (u == -1 && PyErr_Occurred())
                        goto done;
                } else if (PyErr_Occurred()) {
                    goto done;
                }
                opens = u < min_uses;
            }
            if (opens && PySet_Add(opening, t) < 0)
                goto done;
            if (in_common == 1 && n >= word_min && n <= word_max && PyList_Append(words, t) < 0)
                goto done;
        }
    }
    result = PyTuple_Pack(3, counts, opening, words);
done:
    Py_XDECREF(counts);
    Py_XDECREF(opening);
    Py_XDECREF(words);
    Py_DECREF(runs);
    return result;
}

/* ---- word_view ---- */

/* A character of a word run: a letter or digit (str.isalnum) or a character of the ranges. */
static inline int
word_char(Py_UCS4 c, const uint32_t *r, Py_ssize_t nr)
{
    if (c < 128)
        return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
    if (c >= 0x4E00 && c <= 0x9FFF)
        return 1;
    return Py_UNICODE_ISALNUM(c) || in_ranges(r, nr, c);
}

static inline int
char_in(PyObject *set, Py_UCS4 c)
{
    return PyUnicode_FindChar(set, c, 0, PyUnicode_GET_LENGTH(set), 1) >= 0;
}

static PyObject *
word_view(PyObject *self, PyObject *args)
{
    PyObject *text, *skipped, *opens, *ends;
    Py_buffer rv;
    if (!PyArg_ParseTuple(args, "Uy*OUU", &text, &rv, &skipped, &opens, &ends))
        return NULL;
    PyObject *seq = NULL, *result = NULL;
    Py_ssize_t *sk = NULL;
    uint32_t *view = NULL, *starts = NULL, *offsets = NULL;
    uint8_t *sent_start = NULL, *sent_end = NULL;
    if (ranges_check(&rv, "word_view") < 0)
        goto done;
    const uint32_t *r = rv.buf;
    Py_ssize_t nr = rv.len / 8;
    if (READY(text) < 0 || READY(opens) < 0 || READY(ends) < 0)
        goto done;
    if (!(seq = PySequence_Fast(skipped, "word_view: skipped must be a sequence of (start, end)")))
        goto done;
    Py_ssize_t ns = PySequence_Fast_GET_SIZE(seq);
    if (!(sk = PyMem_Malloc((size_t)(2 * ns + 1) * sizeof(Py_ssize_t)))) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < ns; i++)
        if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(seq, i), "nn", &sk[2 * i], &sk[2 * i + 1]))
            goto done;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n > (Py_ssize_t)UINT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "word_view: text too long");
        goto done;
    }
    /* At most one run per two characters and a half, and never more characters than the text. */
    Py_ssize_t cap = n / 2 + 1;
    view = PyMem_Malloc((size_t)(n + 1) * 4);
    starts = PyMem_Malloc((size_t)cap * 4);
    offsets = PyMem_Malloc((size_t)cap * 4);
    sent_start = PyMem_Malloc((size_t)cap);
    sent_end = PyMem_Malloc((size_t)cap);
    if (!view || !starts || !offsets || !sent_start || !sent_end) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t count = 0, total = 0, prev_end = 0, j = 0, i = 0;
    while (i < n) {
        if (!word_char(PyUnicode_READ(kind, data, i), r, nr)) {
            i++;
            continue;
        }
        Py_ssize_t s = i;
        while (i < n && word_char(PyUnicode_READ(kind, data, i), r, nr))
            i++;
        Py_ssize_t e = i;
        while (j < ns && sk[2 * j + 1] <= s) /* skipped ranges sorted by their starts */
            j++;
        if (j < ns && sk[2 * j] < e)
            continue; /* the run overlaps a skipped range */
        /* What lies between the previous run and this one, without its edge whitespace. */
        Py_ssize_t q = s;
        while (q > prev_end && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, q - 1)))
            q--;
        sent_start[count] = q > prev_end ? char_in(opens, PyUnicode_READ(kind, data, q - 1)) : prev_end == 0;
        if (count) {
            int end = 0;
            for (Py_ssize_t t = prev_end; t < s && !end; t++)
                end = char_in(ends, PyUnicode_READ(kind, data, t));
            sent_end[count - 1] = (uint8_t)end;
        }
        starts[count] = (uint32_t)total;
        offsets[count] = (uint32_t)s;
        for (Py_ssize_t t = s; t < e; t++)
            view[total++] = PyUnicode_READ(kind, data, t);
        count++;
        prev_end = e;
    }
    if (count) { /* the last run ends a sentence unless the rest of the text goes on with one */
        int blank = 1, end = 0;
        for (Py_ssize_t t = prev_end; t < n && !end; t++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, t);
            blank = blank && Py_UNICODE_ISSPACE(c);
            end = char_in(ends, c);
        }
        sent_end[count - 1] = (uint8_t)(blank || end);
    }
    PyObject *vt = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, view, total);
    if (vt)
        result = Py_BuildValue("(Ny#y#y#y#)", vt, (const char *)starts, count * 4, (const char *)offsets, count * 4,
                               (const char *)sent_start, count, (const char *)sent_end, count);
done:
    PyMem_Free(sent_end);
    PyMem_Free(sent_start);
    PyMem_Free(offsets);
    PyMem_Free(starts);
    PyMem_Free(view);
    PyMem_Free(sk);
    Py_XDECREF(seq);
    PyBuffer_Release(&rv);
    return result;
}

/* ---- repeated_pairs ---- */

typedef struct {
    uint64_t h;
    Py_ssize_t head, tail, count; /* head -1: an empty slot */
} rslot_t;

/* The pairs (p, q), p before q, of the positions of each value that occurs 2 to max_per times in
 * ``hashes`` (the positions beside them): values in order of first occurrence, each one's pairs
 * in order of their positions' occurrence. */
static PyObject *
repeated_pairs(PyObject *self, PyObject *args)
{
    PyObject *hash_obj, *pos_obj;
    Py_ssize_t max_per;
    if (!PyArg_ParseTuple(args, "OOn", &hash_obj, &pos_obj, &max_per))
        return NULL;
    Py_buffer hv, pv;
    if (get_array(hash_obj, &hv, 8, "QL", "repeated_pairs") < 0)
        return NULL;
    if (get_array(pos_obj, &pv, 4, "IL", "repeated_pairs") < 0) {
        PyBuffer_Release(&hv);
        return NULL;
    }
    Py_ssize_t n = hv.len / 8;
    PyObject *out = NULL;
    rslot_t *table = NULL;
    Py_ssize_t *next = NULL, *groups = NULL, ngroups = 0; /* groups: the values' slots, by first occurrence */
    if (pv.len / 4 != n) {
        PyErr_SetString(PyExc_ValueError, "repeated_pairs: hashes and positions differ in length");
        goto done;
    }
    const uint64_t *h = hv.buf;
    const uint32_t *pos = pv.buf;
    size_t size = 16;
    while (size < 2 * (size_t)n)
        size <<= 1;
    table = PyMem_Malloc(size * sizeof(rslot_t));
    next = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Py_ssize_t));
    groups = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Py_ssize_t));
    out = PyList_New(0);
    if (!table || !next || !groups || !out) {
        if (out)
            PyErr_NoMemory();
        Py_CLEAR(out);
        goto done;
    }
    for (size_t s = 0; s < size; s++)
        table[s].head = -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        size_t s = hash_slot(h[i], size - 1);
        while (table[s].head >= 0 && table[s].h != h[i])
            s = (s + 1) & (size - 1);
        rslot_t *e = &table[s];
        next[i] = -1;
        if (e->head < 0) {
            e->h = h[i];
            e->head = e->tail = i;
            e->count = 1;
            groups[ngroups++] = (Py_ssize_t)s;
        } else {
            next[e->tail] = i;
            e->tail = i;
            e->count++;
        }
    }
    for (Py_ssize_t g = 0; g < ngroups; g++) {
        rslot_t *e = &table[groups[g]];
        if (e->count < 2 || e->count > max_per)
            continue;
        for (Py_ssize_t x = e->head; x >= 0; x = next[x])
            for (Py_ssize_t y = next[x]; y >= 0; y = next[y])
                if (append_value(out, "(II)", (unsigned int)pos[x], (unsigned int)pos[y]) < 0) {
                    Py_CLEAR(out);
                    goto done;
                }
    }
done:
    PyMem_Free(table);
    PyMem_Free(next);
    PyMem_Free(groups);
    PyBuffer_Release(&hv);
    PyBuffer_Release(&pv);
    return out;
}

/* ---- shared_postings ---- */

typedef struct {
    uint64_t h;
    PyObject *key;    /* the value as a Python int (borrowed from the set); NULL: an empty slot */
    PyObject *docs;   /* document -> positions (borrowed from the postings) */
    PyObject *list;   /* the positions in the latest document (borrowed) */
    Py_ssize_t last;  /* that document */
} pslot_t;

static PyObject *
shared_postings(PyObject *self, PyObject *args)
{
    PyObject *hash_arrays, *position_arrays, *shared;
    if (!PyArg_ParseTuple(args, "O!O!O", &PyList_Type, &hash_arrays, &PyList_Type, &position_arrays, &shared))
        return NULL;
    if (!PyAnySet_Check(shared)) {
        PyErr_SetString(PyExc_TypeError, "shared_postings: shared must be a set");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(hash_arrays);
    if (PyList_GET_SIZE(position_arrays) != n) {
        PyErr_SetString(PyExc_ValueError, "shared_postings: as many position arrays as hash arrays");
        return NULL;
    }
    size_t size = 16;
    while (size < 2 * (size_t)PySet_GET_SIZE(shared))
        size <<= 1;
    pslot_t *table = PyMem_Calloc(size, sizeof(pslot_t));
    PyObject *postings = PyDict_New(), *shared_of = PyList_New(0), *result = NULL, *it = NULL, *key;
    if (!table || !postings || !shared_of) {
        if (!table)
            PyErr_NoMemory();
        goto done;
    }
    if (!(it = PyObject_GetIter(shared)))
        goto done;
    while ((key = PyIter_Next(it))) {
        uint64_t h = 0;
        if (!PyLong_Check(key))
            PyErr_SetString(PyExc_TypeError, "shared_postings: shared holds ints of 64 bits");
        else
            h = PyLong_AsUnsignedLongLong(key);
        Py_DECREF(key); /* the set holds it: the borrowed pointer stays valid */
        if (PyErr_Occurred())
            goto done;
        size_t s = hash_slot(h, size - 1);
        while (table[s].key && table[s].h != h)
            s = (s + 1) & (size - 1);
        table[s].h = h;
        table[s].key = key;
        table[s].last = -1;
    }
    if (PyErr_Occurred())
        goto done;
    for (Py_ssize_t d = 0; d < n; d++) {
        Py_buffer hv = {0}, pv = {0};
        if (get_array(PyList_GET_ITEM(hash_arrays, d), &hv, 8, "QL", "shared_postings") < 0
            || get_array(PyList_GET_ITEM(position_arrays, d), &pv, 4, "IL", "shared_postings") < 0) {
            if (hv.obj)
                PyBuffer_Release(&hv);
            goto done;
        }
        const uint64_t *hs = hv.buf;
        const uint32_t *ps = pv.buf;
        Py_ssize_t m = hv.len / 8 < pv.len / 4 ? hv.len / 8 : pv.len / 4;
        PyObject *mine = PyList_New(0), *dkey = PyLong_FromSsize_t(d);
        int ok = mine && dkey && PyList_Append(shared_of, mine) == 0;
        for (Py_ssize_t i = 0; ok && i < m; i++) {
            uint64_t h = hs[i];
            size_t s = hash_slot(h, size - 1);
            while (table[s].key && table[s].h != h)
                s = (s + 1) & (size - 1);
            pslot_t *e = &table[s];
            if (!e->key)
                continue; /* not shared */
            if (!e->docs) {
                PyObject *docs = PyDict_New();
                ok = docs && PyDict_SetItem(postings, e->key, docs) == 0;
                Py_XDECREF(docs); /* the postings hold it */
                e->docs = docs;
            }
            if (ok && e->last != d) { /* the value's first occurrence in this document */
                PyObject *list = PyList_New(0);
                ok = list && PyDict_SetItem(e->docs, dkey, list) == 0 && PyList_Append(mine, e->key) == 0;
                Py_XDECREF(list); /* the document's dict holds it */
                e->list = list;
                e->last = d;
            }
            if (ok) {
                PyObject *p = PyLong_FromUnsignedLong(ps[i]);
                ok = p && PyList_Append(e->list, p) == 0;
                Py_XDECREF(p);
            }
        }
        Py_XDECREF(mine);
        Py_XDECREF(dkey);
        PyBuffer_Release(&hv);
        PyBuffer_Release(&pv);
        if (!ok)
            goto done;
    }
    result = Py_BuildValue("(OO)", postings, shared_of);
done:
    Py_XDECREF(it);
    Py_XDECREF(postings);
    Py_XDECREF(shared_of);
    PyMem_Free(table);
    return result;
}

/* ---- winnow: XXH3-64 (seed 0, default secret) of inputs of 17 to 128 bytes ---- */

static const uint8_t kSecret[128] = {
    0xb8, 0xfe, 0x6c, 0x39, 0x23, 0xa4, 0x4b, 0xbe, 0x7c, 0x01, 0x81, 0x2c, 0xf7, 0x21, 0xad, 0x1c,
    0xde, 0xd4, 0x6d, 0xe9, 0x83, 0x90, 0x97, 0xdb, 0x72, 0x40, 0xa4, 0xa4, 0xb7, 0xb3, 0x67, 0x1f,
    0xcb, 0x79, 0xe6, 0x4e, 0xcc, 0xc0, 0xe5, 0x78, 0x82, 0x5a, 0xd0, 0x7d, 0xcc, 0xff, 0x72, 0x21,
    0xb8, 0x08, 0x46, 0x74, 0xf7, 0x43, 0x24, 0x8e, 0xe0, 0x35, 0x90, 0xe6, 0x81, 0x3a, 0x26, 0x4c,
    0x3c, 0x28, 0x52, 0xbb, 0x91, 0xc3, 0x00, 0xcb, 0x88, 0xd0, 0x65, 0x8b, 0x1b, 0x53, 0x2e, 0xa3,
    0x71, 0x64, 0x48, 0x97, 0xa2, 0x0d, 0xf9, 0x4e, 0x38, 0x19, 0xef, 0x46, 0xa9, 0xde, 0xac, 0xd8,
    0xa8, 0xfa, 0x76, 0x3f, 0xe3, 0x9c, 0x34, 0x3f, 0xf9, 0xdc, 0xbb, 0xc7, 0xc7, 0x0b, 0x4f, 0x1d,
    0x8a, 0x51, 0xe0, 0x4b, 0xcd, 0xb4, 0x59, 0x31, 0xc8, 0x9f, 0x7e, 0xc9, 0xd9, 0x78, 0x73, 0x64,
};

#define PRIME64_1 0x9E3779B185EBCA87ULL

static inline uint64_t
read64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int b = 7; b >= 0; b--)
        v = (v << 8) | p[b];
    return v;
}

static inline uint64_t
mul128_fold64(uint64_t a, uint64_t b)
{
#if defined(__SIZEOF_INT128__)
    __uint128_t p = (__uint128_t)a * b;
    return (uint64_t)p ^ (uint64_t)(p >> 64);
#else
    uint64_t lo_lo = (a & 0xFFFFFFFFULL) * (b & 0xFFFFFFFFULL);
    uint64_t hi_lo = (a >> 32) * (b & 0xFFFFFFFFULL);
    uint64_t lo_hi = (a & 0xFFFFFFFFULL) * (b >> 32);
    uint64_t hi_hi = (a >> 32) * (b >> 32);
    uint64_t cross = (lo_lo >> 32) + (hi_lo & 0xFFFFFFFFULL) + lo_hi;
    uint64_t upper = (hi_lo >> 32) + (cross >> 32) + hi_hi;
    uint64_t lower = (cross << 32) | (lo_lo & 0xFFFFFFFFULL);
    return lower ^ upper;
#endif
}

static inline uint64_t
mix16(const uint8_t *in, const uint8_t *secret)
{
    return mul128_fold64(read64(in) ^ read64(secret), read64(in + 8) ^ read64(secret + 8));
}

static uint64_t
xxh3_17to128(const uint8_t *in, size_t len)
{
    uint64_t acc = (uint64_t)len * PRIME64_1;
    if (len > 32) {
        if (len > 64) {
            if (len > 96) {
                acc += mix16(in + 48, kSecret + 96);
                acc += mix16(in + len - 64, kSecret + 112);
            }
            acc += mix16(in + 32, kSecret + 64);
            acc += mix16(in + len - 48, kSecret + 80);
        }
        acc += mix16(in + 16, kSecret + 32);
        acc += mix16(in + len - 32, kSecret + 48);
    }
    acc += mix16(in, kSecret);
    acc += mix16(in + len - 16, kSecret + 16);
    acc ^= acc >> 37;
    acc *= 0x165667919E3779F9ULL;
    acc ^= acc >> 32;
    return acc;
}

static PyObject *
winnow(PyObject *self, PyObject *args)
{
    PyObject *text;
    int k, w;
    if (!PyArg_ParseTuple(args, "Uii", &text, &k, &w))
        return NULL;
    if (k * 4 < 17 || k * 4 > 128 || w < 1) {
        PyErr_SetString(PyExc_ValueError, "winnow: need 5 <= k <= 32 and w >= 1");
        return NULL;
    }
    Py_ssize_t len;
    uint32_t *cp = code_points(text, &len);
    if (!cp)
        return NULL;
    Py_ssize_t n = len - k + 1;
    if (n <= 0) {
        PyMem_Free(cp);
        return Py_BuildValue("(y#y#)", "", (Py_ssize_t)0, "", (Py_ssize_t)0);
    }
    uint8_t *bytes = PyMem_Malloc((size_t)len * 4);
    uint64_t *grams = PyMem_Malloc((size_t)n * sizeof(uint64_t));
    uint64_t *hashes = PyMem_Malloc((size_t)n * sizeof(uint64_t));
    uint32_t *positions = PyMem_Malloc((size_t)n * sizeof(uint32_t));
    PyObject *result = NULL;
    if (!bytes || !grams || !hashes || !positions) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < len; i++) { /* UTF-32-LE, whatever the machine's byte order */
        bytes[4 * i] = (uint8_t)cp[i];
        bytes[4 * i + 1] = (uint8_t)(cp[i] >> 8);
        bytes[4 * i + 2] = (uint8_t)(cp[i] >> 16);
        bytes[4 * i + 3] = (uint8_t)(cp[i] >> 24);
    }
    for (Py_ssize_t i = 0; i < n; i++)
        grams[i] = xxh3_17to128(bytes + 4 * i, (size_t)k * 4);
    Py_ssize_t out = 0, m = 0, last = -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (grams[i] <= grams[m]) {
            m = i;
        } else if (m <= i - w) { /* the minimum left the window: the window's rightmost minimum */
            m = i;
            for (Py_ssize_t j = i - 1; j > i - w; j--)
                if (grams[j] < grams[m])
                    m = j;
        }
        if ((i >= w - 1 || i == n - 1) && m != last) {
            hashes[out] = grams[m];
            positions[out] = (uint32_t)m;
            out++;
            last = m;
        }
    }
    result = Py_BuildValue("(y#y#)", (const char *)hashes, (Py_ssize_t)(out * sizeof(uint64_t)),
                           (const char *)positions, (Py_ssize_t)(out * sizeof(uint32_t)));
done:
    PyMem_Free(positions);
    PyMem_Free(hashes);
    PyMem_Free(grams);
    PyMem_Free(bytes);
    PyMem_Free(cp);
    return result;
}

static PyMethodDef methods[] = {
    {"repeated_grams", repeated_grams, METH_VARARGS,
     "repeated_grams(text, min_n, max_n) -> dict of the strings of min_n..max_n characters (no \"\\0\") "
     "occurring at least twice, with their counts."},
    {"align_regions", align_regions, METH_VARARGS,
     "align_regions(a, b, seeds, same, min_length, k, confirm) -> [(a0, a1, b0, b1)]: the aligned regions "
     "grown from the seed pairs of equal k-grams, merged, of at least min_length characters."},
    {"edit_index", edit_index, METH_VARARGS,
     "edit_index(words, table, idioms, confusables, frequency, keep_all_from, cache_size) -> the lexicon "
     "data that window_options looks windows up in, and its cache of their options."},
    {"window_options", (PyCFunction)(void (*)(void))window_options, METH_FASTCALL,
     "window_options(w, index) -> (swaps, choice, idioms): the swaps of neighbours of w with whether "
     "each is a word, w's look/sound-alike correction, and the idioms w is with a character dropped."},
    {"token_windows", token_windows, METH_VARARGS,
     "token_windows(runs, bases, run_tokens, opening, max_neighbour, keep=None) -> (windows, single_runs, doubled): "
     "TYPO's suspicious windows of segmented Han runs (those the window_filter keep keeps)."},
    {"window_filter", window_filter, METH_VARARGS,
     "window_filter(index, skip, terms, min_uses, wanted, swap_uses) -> the filter token_windows keeps windows by."},
    {"split_at", (PyCFunction)(void (*)(void))split_at, METH_FASTCALL,
     "split_at(items, sep) -> the parts of the list items between the items equal to sep (one more than there are)."},
    {"ranges", ranges, METH_O,
     "ranges(spans) -> bytes: the integers of each (start, end) span in turn, as native C longs."},
    {"route_log_prob", (PyCFunction)(void (*)(void))route_log_prob, METH_FASTCALL,
     "route_log_prob(text, short, long, blob, bloom, max_len, unknown) -> jieba's best route log-probability of text."},
    {"route_cut", (PyCFunction)(void (*)(void))route_cut, METH_FASTCALL,
     "route_cut(blocks, short, long, blob, bloom, max_len, unknown) -> the words of each block of jieba's pattern, "
     "as jieba's cut without HMM gives them."},
    {"aligned_with_earlier", aligned_with_earlier, METH_VARARGS,
     "aligned_with_earlier(db, shared, postings, limit, max_per, texts, min_length, k, confirm) -> [(da, regions)]: "
     "align_regions over DUP002's seeds of document db with each earlier document da, where regions are found."},
    {"shared_hashes", shared_hashes, METH_O,
     "shared_hashes(arrays) -> set of the 64-bit values that occur in at least two of the arrays."},
    {"char_runs", char_runs, METH_VARARGS,
     "char_runs(text, ranges) -> (starts, runs): the maximal runs of the characters in ranges (bytes of "
     "native uint32 pairs first, last; sorted) and where each starts."},
    {"map_chars", map_chars, METH_VARARGS,
     "map_chars(text, pairs) -> text with each character that is a first of pairs (bytes of native uint32 "
     "pairs from, to; sorted) replaced by its second; text itself when none is."},
    {"count_tokens", count_tokens, METH_VARARGS,
     "count_tokens(run_tokens, common, terms, max_open, min_uses, word_min, word_max) -> (counts, opening, words): "
     "TYPO's token counts, the tokens that open windows, and the common words of the document (see jiaokan.speedups)."},
    {"word_view", word_view, METH_VARARGS,
     "word_view(text, ranges, skipped, opens, ends) -> (view, starts, offsets, sentence_start, sentence_end): "
     "DUP's runs of letters, digits and the characters of ranges, outside the skipped spans (see jiaokan.speedups)."},
    {"repeated_pairs", repeated_pairs, METH_VARARGS,
     "repeated_pairs(hashes, positions, max_per) -> [(p, q)]: the pairs of positions of each value that occurs "
     "2 to max_per times, values in order of first occurrence."},
    {"shared_postings", shared_postings, METH_VARARGS,
     "shared_postings(hash_arrays, position_arrays, shared) -> (postings, shared_of): for each value of shared, "
     "the documents holding it with its positions in each; and each document's shared values in text order."},
    {"winnow", winnow, METH_VARARGS,
     "winnow(text, k, w) -> (hashes, positions) as bytes: XXH3-64 of each k-gram of the UTF-32-LE "
     "text, the rightmost minimum of every window of w k-grams."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_speedups", NULL, -1, methods};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    return PyModule_Create(&module);
}
