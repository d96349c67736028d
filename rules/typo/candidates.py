"""Suspicious spots of a document and the one-edit corrections that explain them.

Only non-words are corrected: a window of the text that the lexicon does not know (or knows only
as a rare form) next to a word that is far more frequent in the lexicon, or that the document
itself uses several times, one edit away. Real words are never "corrected" into other real words
(再/在 in context needs a language model; a linter must not guess).
"""

from __future__ import annotations

import bisect
from collections import Counter
from functools import lru_cache
from itertools import chain
from operator import add as add_offsets
from typing import NamedTuple

from jiaokan.rules.lang import cut, cut_many, han_runs, lexicon, pos
from jiaokan.rules.lang.script import ambiguous, simplified, traditional
from jiaokan.rules.lang.store import COMMON_FREQ, MIN_SUGGEST_FREQ, MIN_SUGGEST_SHORT_FREQ
from jiaokan.speedups import count_tokens, edit_index, repeated_grams, token_windows, window_filter, window_options

from .lexicon import confusable, confusables, frequency, log_prob

RATIO = 100  # the correction must be this many times more frequent in the lexicon
# ... and make its context this much more probable (natural log) under jieba's word model:
# 10,000 times for a look/sound-alike (many candidates are tried), 1,000 times for the other edits.
GAIN = {"confusable": 9.2, "transposed": 6.9, "missing": 6.9}
GAIN_WITH_EVIDENCE = {"confusable": 9.2, "transposed": 4.6, "missing": 6.9}
# A homophone (the same toned reading: the slip of a pinyin input method, the commonest way to
# mistype Chinese) is a likelier slip than a look-alike by four-corner code, which matches many
# characters: where the document uses the corrected word elsewhere, 3,000 times will do.
GAIN_HOMOPHONE_WITH_EVIDENCE = 8.0
# Without the corrected word elsewhere in the document, only an overwhelming gain will do.
GAIN_ALONE = {"confusable": 11.5, "transposed": 13.8}
DOC_TERM_EVIDENCE = 5  # a document term backs a missing-character correction from this many uses
NUMERALS = set("零〇一二两三四五六七八九十百千万亿")
# A doubled character is a slip only where the lone copy is not one of the commonest words
# (实事求是是我们党的… is 实事求是 + 是).
FUNCTION_WORD_FREQ = 300_000
DOUBLED_MARKS = "，。、；："  # sentence punctuation that one mark of suffices (？？ and ！！ can be emphasis)
ORPHAN_FREQ = 5000  # a single character rarer than this as a word is an orphan when left alone
FUNCTION_CHAR_FREQ = 100_000  # 的, 和, 在 …: a "term" that starts or ends with one is a phrase
CONTEXT = 4
CONTENT_TAGS = frozenset("nva")  # nouns, verbs, adjectives (jieba's tags of single characters)
# The least frequent correction, as the lexicon store picks the suggestible words (the two must agree):
MIN_CORRECTION_FREQ = MIN_SUGGEST_SHORT_FREQ  # 50, for two or three characters
MIN_IDIOM_FREQ = MIN_SUGGEST_FREQ  # 5 from four characters: idioms are rare in jieba's counts (日晒雨淋: 10)
COMMON = COMMON_FREQ  # a token this frequent is a real word (lexicon().common), not a suspicious spot
DOC_TERM_MIN = 3  # a document term: a string the document uses at least this often
MAX_TERM = 6  # document terms are counted up to this many characters
MAX_WINDOW = 4  # a suspicious window: a lone character and a neighbour of up to 3, or a rare token of up to 4
# A missing character that leaves a non-word, where the document uses the whole word elsewhere:
# the correction need only make its context twice as probable, unless a neighbour claims an edge
# character (人口较少民族: 较少 is a word, so 少民族 need not be 少数民族 with 数 dropped). One other
# use backs a word (人币 where 人民币 occurs); an idiom needs two, as prose varies idioms on purpose
# (坚持…不动摇 beside 不可动摇, 尽力为 beside 尽力而为).
DOC_EVIDENCE_USES = 1
IDIOM_EVIDENCE_USES = 2
GAIN_DOC_EVIDENCE = 0.69


class Candidate(NamedTuple):
    """A correction of one spot (a named tuple: thousands are made and most are refused at once)."""

    kind: str  # transposed | doubled | missing | confusable
    start: int  # offsets in the norm text
    end: int
    wrong: str
    right: str
    evidence: str
    confidence: str  # high | normal


def _doc_terms(runs: list[str]) -> dict[str, int]:
    """Strings of 2–6 Han characters that the document uses at least twice, with their counts."""
    return repeated_grams("\0".join(runs), 2, MAX_TERM)


@lru_cache(maxsize=1)
def known_misspellings() -> dict[str, str]:
    """The misspellings data shipped with jiaokan (data/misspellings.toml)."""
    from pathlib import Path

    from jiaokan.config import tomllib

    path = Path(__file__).parent / "data" / "misspellings.toml"
    return dict(tomllib.loads(path.read_text(encoding="utf-8"))["misspellings"])


def _parallel(text: str, a: int, b: int) -> bool:
    """A two-character window in a parallel structure: ABAC (宜居宜业, 优进优出), ABCB (懒政怠政), or
    two halves of a formula whose characters pair off by part of speech (量大面广: noun and adjective,
    twice), the other half no common word either."""
    if b - a != 2:
        return False
    c0, c1 = text[a], text[a + 1]
    before = text[a - 2 : a] if a >= 2 else ""
    after = text[b : b + 2]
    return (len(before) == 2 and (before[0] == c0 or before[1] == c1 or _pos_pair(text, a - 2))) or (
        len(after) == 2 and (after[0] == c0 or after[1] == c1 or _pos_pair(text, a)))


def _pos_pair(text: str, p: int) -> bool:
    """``text[p:p + 4]`` is a four-character formula of two halves whose characters pair off by part
    of speech (量大面广): the first characters of the halves share one, and so do the second ones, a
    different one; each character a word of its own, neither half a common word, and the formula
    bound to no word on either side (有制起业 in 公有制起业 is no formula: 公有 is a word)."""
    x, y = text[p : p + 2], text[p + 2 : p + 4]
    tags = [pos(ch) for ch in x + y]
    return (tags[0] == tags[2] != tags[1] == tags[3] and all(t in CONTENT_TAGS for t in tags)
            and max(frequency(x), frequency(y)) < MIN_CORRECTION_FREQ
            and (p == 0 or frequency(text[p - 1 : p + 1]) < MIN_CORRECTION_FREQ)
            and frequency(text[p + 3 : p + 5]) < MIN_CORRECTION_FREQ)


@lru_cache(maxsize=65536)
def _phrase(word: str) -> bool:
    """Two lexicon words side by side (一批重大, 建设取得), or framed by a function character
    (的党中央): a phrase the text repeats, not a term of its own."""
    if frequency(word[0]) >= FUNCTION_CHAR_FREQ or frequency(word[-1]) >= FUNCTION_CHAR_FREQ:
        return True
    return any(frequency(word[:k]) >= MIN_CORRECTION_FREQ and frequency(word[k:]) >= MIN_CORRECTION_FREQ
               for k in range(2, len(word) - 1))


def _doc_term(word: str, terms: dict[str, int]) -> bool:
    """A term of this document that the lexicon does not know (a name such as 省总工会): the
    document's own repeated use is the evidence for it."""
    return len(word) >= 4 and terms.get(word, 0) >= DOC_TERM_EVIDENCE and not frequency(word) and not _phrase(word)


def _fits(text: str, start: int, end: int, right: str) -> bool:
    """The correction reads as a word in its context: segmenting the corrected text around it
    keeps the corrected word whole (inside one token, or as one)."""
    left = text[max(0, start - 6) : start]
    fixed = left + right + text[end : end + 6]
    pos = 0
    a, b = len(left), len(left) + len(right)
    for tok in cut(fixed):
        s, e = pos, pos + len(tok)
        if s <= a and b <= e:
            return True
        if s > a:
            break
        pos = e
    return False


def homophones(wrong: str, right: str) -> bool:
    """The characters in which ``wrong`` and ``right`` differ share a toned reading (时际, 实际)."""
    lex = lexicon()
    return all(set(lex.readings(x)) & set(lex.readings(y)) for x, y in zip(wrong, right) if x != y)


def _occurrences(text: str, needle: str):
    """Where each non-overlapping occurrence of ``needle`` starts, as a regex would find them."""
    start = text.find(needle)
    while start >= 0:
        yield start
        start = text.find(needle, start + len(needle))


def han_context(text: str, starts: list[int], ends: list[int], start: int, end: int, width: int) -> tuple[str, str]:
    """The Han characters right before ``text[start:end]`` and right after it, ``width`` at most
    each side (punctuation and digits end the context), found from the runs of Han characters
    (``han_runs``: where each starts, and ends)."""
    before = after = ""
    if start:
        k = bisect.bisect_right(starts, start - 1) - 1
        if k >= 0 and start - 1 < ends[k]:
            before = text[max(starts[k], start - width) : start]
    if end < len(text):
        k = bisect.bisect_right(starts, end) - 1
        if k >= 0 and end < ends[k]:
            after = text[end : min(ends[k], end + width)]
    return before, after


def analyse(doc, user_words: frozenset[str] = frozenset(), extra_misspellings: tuple = ()) -> list[Candidate]:
    key = ("typo", user_words, extra_misspellings)
    cached = doc.cache.get(key)
    if cached is not None:
        return cached
    # The text as the lexicon reads it: traditional characters in their simplified forms (情況 is
    # 情况 spelt the traditional way, not a slip), one for one; the candidates go back to the
    # document's own characters at the end.
    original = doc.norm
    text = simplified(original)
    user_words = frozenset(map(simplified, user_words))
    bases, texts = han_runs(text)  # the runs of Han characters, and where each starts
    terms = _doc_terms(texts)
    # Segmented and counted once: checking evidence must never re-segment the text for a candidate.
    run_tokens = cut_many(texts)
    # Counted once, with the tokens that open windows (single characters, and short tokens that
    # are rare in the lexicon and in this document: a run holding neither is skipped whole) and the
    # common lexicon words of this document (three characters or more, a window once one is dropped).
    common = lexicon().common  # the words as frequent as COMMON: a set lookup, not a frequency lookup
    token_counts, opening, doc_words = count_tokens(run_tokens, common, terms, MAX_WINDOW, DOC_TERM_MIN, 3,
                                                    MAX_WINDOW + 1)
    # Counts that few documents need, made on first use: pairs of neighbouring tokens (a lone
    # character followed by the same word elsewhere in the document is a usage of its own:
    # 实事求是/是/我们 where 是/我们 recurs, not a slip; asked only where the two tokens' text occurs
    # twice, as it must for the pair to), and single characters, one at a time.
    pair_counts: Counter | None = None
    char_counts: dict[str, int] = {}

    def pairs() -> Counter:
        nonlocal pair_counts
        if pair_counts is None:
            pair_counts = Counter(chain.from_iterable(zip(tokens, tokens[1:]) for tokens in run_tokens))
        return pair_counts

    def char_count(ch: str) -> int:
        if ch not in char_counts:
            char_counts[ch] = text.count(ch)
        return char_counts[ch]
    # Document terms with an interior character dropped (省总工会 -> 省总会), as long as a window
    # can be (MAX_WINDOW characters) once the character is gone, and only terms that strong() can
    # accept: used DOC_TERM_EVIDENCE times, or a word of the lexicon.
    term_del: dict[str, list[str]] = {}
    for term, uses in terms.items():
        if 4 <= len(term) <= MAX_WINDOW + 1 and (uses >= DOC_TERM_EVIDENCE or frequency(term) >= MIN_IDIOM_FREQ):
            for j in range(1, len(term) - 1):
                term_del.setdefault(term[:j] + term[j + 1 :], []).append(term)
    # Common lexicon words of this document, with an interior character dropped.
    for word in doc_words:
        for j in range(1, len(word) - 1):
            term_del.setdefault(word[:j] + word[j + 1 :], []).append(word)
    found: dict[tuple[int, int], Candidate] = {}
    misspellings = dict(known_misspellings())
    misspellings.update(dict(extra_misspellings))

    def uses(word: str, times: int = 1) -> bool:
        """The document uses ``word`` at least ``times`` times (as a word of its segmentation, or a
        repeated string)."""
        return max(token_counts.get(word, 0), terms.get(word, 0)) >= times

    def claimed(c: Candidate) -> bool:
        """An edge character of the spot makes a word of the lexicon with its outer neighbour (较少,
        however rare jieba counts it), and that neighbour stands alone in the segmentation (较 in
        人口较少民族): the spot may be segmented another way. A neighbour bound into a word of its
        own claims nothing (内 of 国内 in 国内生产值, 水 of 水平 in 对开放水平)."""
        before = text[c.start - 1 : c.start + 1] if c.start else ""
        after = text[c.end - 1 : c.end + 1] if c.end < len(text) else ""
        if len(before) == 2 and frequency(before) > 0 and len(cut(text[max(0, c.start - CONTEXT) : c.start])[-1]) == 1:
            return True
        return len(after) == 2 and frequency(after) > 0 and len(cut(text[c.end : c.end + CONTEXT])[0]) == 1

    run_ends: list[int] = []

    def gain(c: Candidate) -> float:
        if not run_ends:
            run_ends.extend(map(add_offsets, bases, map(len, texts)))
        before, after = han_context(text, bases, run_ends, c.start, c.end, CONTEXT)
        return log_prob(before + c.right + after) - log_prob(before + c.wrong + after)

    def near_user_word(start: int, end: int) -> bool:
        """A project word (the ``words`` option) within four characters: no correction there."""
        return bool(user_words) and any(u in text[max(0, start - 4) : end + 4] for u in user_words)

    def add(c: Candidate):
        if near_user_word(c.start, c.end):
            return
        if terms.get(c.wrong, 0) >= 2:
            return  # a slip is a one-off: a form the document uses repeatedly is one of its terms
        if _parallel(text, c.start, c.end):
            return  # 宜居宜业, 懒政怠政: parallel four-character structures, not broken words
        if any(ch in NUMERALS for ch in c.wrong + c.right) and any(
                ch in NUMERALS for ch in text[max(0, c.start - 1) : c.end + 1].replace(c.wrong, "")):
            return  # 二〇二〇年, 一九二零年: numerals next to numerals are dates and figures
        window = text[max(0, c.start - 1) : c.end + 1]
        if any(window[k] == window[k + 1] for k in range(len(window) - 1)) and c.kind != "doubled":
            return  # 自自在在, 看看: reduplication is grammar, not a slip
        k = bisect.bisect_right(run_starts, c.start) - 1
        if k >= 0 and c.end <= single_runs[k][1]:
            # Inside a run of single characters, the correction must not leave orphans behind:
            # 乎稳较快 -> 平稳/较/快 (较, 快 stand alone) is a repair, while 因城施策 -> 因/城市/策
            # or 铸重器 -> 注重/器 leave a character that rarely stands alone: a formula, not a slip.
            a, b = single_runs[k]
            fixed = text[a : c.start] + c.right + text[c.end : b]
            if any(len(t) == 1 and frequency(t) < ORPHAN_FREQ for t in cut(fixed)):
                return
        doc_backed = _doc_term(c.right, terms) and not frequency(c.wrong)
        if c.kind in GAIN and not doc_backed:
            if frequency(c.wrong) and c.kind == "confusable":
                # A form the lexicon knows, however rare, is a word: only the misspellings data
                # corrects such forms (自已). Lexicon counts cannot tell 所需 from a slip.
                return
            g = gain(c)
            # The corrected word elsewhere in this document lowers the bar (the document's own
            # vocabulary is the strongest evidence).
            need = GAIN_WITH_EVIDENCE[c.kind] if uses(c.right) else GAIN[c.kind]
            if c.kind == "confusable" and uses(c.right) and homophones(c.wrong, c.right):
                need = GAIN_HOMOPHONE_WITH_EVIDENCE
            if (c.kind == "missing" and g < need and not frequency(c.wrong) and not claimed(c)
                    and uses(c.right, IDIOM_EVIDENCE_USES if c.right in idiom_forms.get(c.wrong, ()) else DOC_EVIDENCE_USES)):
                need = GAIN_DOC_EVIDENCE
            if g < need:
                return
            elif c.kind in GAIN_ALONE and not uses(c.right):
                if g < GAIN_ALONE[c.kind]:
                    return
                changed = [x for x, y in zip(c.wrong, c.right) if x != y]
                if c.kind == "confusable" and any(char_count(ch) >= 2 for ch in changed):
                    return  # 抗疫 where 疫情, 疫苗 … show the author means 疫: topic vocabulary
        k = (c.start, c.end)
        if k not in found:
            found[k] = c

    def strong(right: str, wrong: str) -> str | None:
        """Why ``right`` is the word meant, or None."""
        doc_uses = terms.get(right, 0)
        lex = frequency(right)
        wrong_f = max(frequency(wrong), 1)
        if wrong in user_words or terms.get(wrong, 0) >= DOC_TERM_MIN:
            return None
        if _doc_term(right, terms) and frequency(wrong) == 0:
            return f"“{right}” occurs {doc_uses} times in this document" + (
                f" and {lex:,} times in the lexicon" if lex else "")
        floor = MIN_IDIOM_FREQ if len(right) >= 4 else MIN_CORRECTION_FREQ
        # A non-word against a word: the language-model gain in add() decides. A rare word against
        # a common one: it must be RATIO times rarer.
        if lex >= floor and (not frequency(wrong) or lex >= RATIO * wrong_f):
            where = f"{lex:,} times in the lexicon" + (f", {doc_uses} in this document" if doc_uses else "")
            rare = "is not a word" if not frequency(wrong) else f"occurs only {frequency(wrong):,} times"
            return f"“{wrong}” {rare}; “{right}” occurs {where}"
        return None

    # A punctuation mark typed twice (，， or 。。) is never grammar: an ellipsis is ……, a dash ——,
    # and three or more marks in a row are a makeshift ellipsis or emphasis, not a slip.
    for mark in DOUBLED_MARKS:
        for start in _occurrences(text, mark * 2):
            end = start + 2
            if (not start or text[start - 1] != mark) and text[end : end + 1] != mark:
                found.setdefault((start, end), Candidate("doubled", start, end, mark * 2, mark,
                                                         f"“{mark}” typed twice", "high"))
    for wrong, right in misspellings.items():
        for start in _occurrences(text, wrong) if wrong else ():
            end = start + len(wrong)
            if not near_user_word(start, end):
                found.setdefault((start, end), Candidate("confusable", start, end, wrong, right,
                                                         f"“{wrong}” is a well-known misspelling of “{right}”", "high"))
    # Suspicious windows by their text: where each occurs (run start, run, start and end in the run);
    # windows of whole tokens only, as a correction must not cut a neighbouring word. Also the
    # stretches of three or more single-character tokens (formulas, names, or a broken word), and
    # the single characters next to a word that starts or ends with the same character (doubled?).
    # ... of those, the ones worth a look: not a word or one of the document's terms, and one the
    # lexicon offers a correction (or a missing character) for; a swap only where _transposed
    # would try it (a word, or a term of the document).
    index = _edit_index()
    idiom_forms = lexicon().idioms_minus_one  # dropped-character forms of the lexicon idioms
    keep = window_filter(index, (common, user_words), terms, DOC_TERM_MIN, term_del, DOC_TERM_EVIDENCE)
    windows, single_runs, doubled = token_windows(texts, bases, run_tokens, opening, MAX_WINDOW - 1, keep)
    run_starts = [start for start, _ in single_runs]  # in text order: a binary search finds the one around a spot
    for r, i, o in doubled:
        base, tokens = bases[r], run_tokens[r]
        tok = tokens[i]
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        # The previous word ends with this very character. (jieba segmenting 严格/格 rather than
        # 严/格格 has itself rejected a reduplication.)
        if (prev and len(prev) >= 2 and prev[-1] == tok and tok not in NUMERALS
                and not (len(prev) == 2 and prev[0] in NUMERALS)  # 一遍遍, 一张张: a classifier reduplicated
                and frequency(prev) >= MIN_CORRECTION_FREQ
                and frequency(tok) < FUNCTION_WORD_FREQ
                and not (nxt and text.count(tok + nxt) >= 2 and pairs()[(tok, nxt)] >= 2)):
            pair = tok + tok
            # A pair that is itself a common word (大大, 明明) is a slip only where the document
            # reads the corrected way elsewhere (广大群众 beside 广大大群众).
            if ((frequency(pair) < COMMON or (len(nxt) >= 2 and prev + nxt in text))
                    and not (nxt and frequency(tok + nxt[:1]) >= COMMON and len(nxt) == 1)):
                if not (nxt and frequency(tok + nxt) >= MIN_CORRECTION_FREQ):
                    add(Candidate("doubled", base + o - 1, base + o + 1, pair, tok,
                                  f"“{prev}{tok}” repeats “{tok}”: “{prev}” followed by a lone “{tok}”",
                                  "normal"))
        # ... or the next word starts with it (这这些, 起起来).
        if (nxt and len(nxt) >= 2 and nxt[0] == tok and tok not in NUMERALS
                and ((frequency(nxt) >= MIN_CORRECTION_FREQ
                      and (terms.get(nxt, 0) >= DOC_TERM_MIN or frequency(nxt) >= COMMON))
                     # a compound that opens with a common word: 保障机制 (保障), 部门规章 (部门)
                     or (len(nxt) >= 4 and frequency(nxt[:2]) >= COMMON))
                and frequency(tok) < FUNCTION_WORD_FREQ
                and not (prev and (prev[-1] == tok or prev[-1] in NUMERALS))
                and not (not prev and base + o > 0 and text[base + o - 1].isdigit())):  # 2006年年均
            add(Candidate("doubled", base + o, base + o + 2, tok + tok, tok,
                          f"“{tok}{nxt}” repeats “{tok}”: a lone “{tok}” before “{nxt}”", "normal"))
    # Each distinct window string is looked up once (its options come from the index's cache).
    for w, places in windows.items():
        swaps, choice, idioms = window_options(w, index)
        dropped = term_del.get(w)
        # A window shared by two neighbouring tokens is one place.
        for base, run, a, b in (dict.fromkeys(places) if len(places) > 1 else places):
            if swaps:
                _transposed(w, base + a, swaps, strong, add, terms)
            if choice:
                _confusable(w, base + a, choice, strong, add)
            if idioms or dropped:
                _missing(w, base + a, idioms + tuple(dropped or ()), terms, strong, add, run, a, b)
    out = sorted((c for c in found.values()
                  if c.confidence == "high" or _doc_term(c.right, terms) or _fits(text, c.start, c.end, c.right)),
                 key=lambda c: (c.start, -(c.end - c.start)))
    # One finding per place: of overlapping candidates, the one that starts first and covers most.
    kept: list[Candidate] = []
    for c in out:
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    if text is not original:
        kept = [_in_script(c, original, text) for c in kept]
        kept = [c for c in kept if c is not None]
    doc.cache[key] = kept
    return kept


SCRIPT_CONTEXT = 10  # characters each side of a spot that tell which script the text is in there


def _in_script(c: Candidate, original: str, view: str) -> Candidate | None:
    """``c``, found on the simplified ``view`` of ``original``, in the document's own characters: the
    spot as the document writes it, and the correction keeping the document's characters where it
    keeps the spot's, its new ones in traditional form where the text around the spot is in
    traditional characters (盡展 -> 進展, not 进展). None where, in such text, the spot holds a
    character that may be a traditional form or a character of its own (夥伴, 徵信: the view keeps
    夥 and 徵, which the lexicon reads as the rare characters they are in simplified text)."""
    wrong = original[c.start : c.end]
    a, b = max(0, c.start - SCRIPT_CONTEXT), c.end + SCRIPT_CONTEXT
    if original[a:b] == view[a:b]:
        return c  # no traditional character near this spot
    if any(map(ambiguous, wrong)):
        return None
    kept: dict[str, list[str]] = {}
    for s, o in zip(c.wrong, wrong):
        kept.setdefault(s, []).append(o)
    right = "".join(kept[ch].pop(0) if kept.get(ch) else traditional(ch) for ch in c.right)
    return c._replace(wrong=wrong, right=right)


OPTIONS_CACHE = 1 << 18  # windows whose options are kept (the cache starts over when full)


def _options(w: str) -> tuple:
    """What the lexicon offers the non-word ``w``, cached by ``w``: its transpositions that are
    words (or, at four characters, could be a document's term), its look/sound-alike correction
    (the most frequent suggestible word one confusable character away), and the idioms it is with
    a character dropped."""
    return window_options(w, _edit_index())


@lru_cache(maxsize=1)
def _edit_index():
    """The lexicon data that ``window_options`` looks windows up in, with its cache of their options.
    Only a suggestible word can pass strong() from the lexicon (a rarer one, or one not in the
    lexicon, only as a four-character document term): a window's swaps are the suggestible ones,
    and all of them from four characters on."""
    lex = lexicon()
    return edit_index(lex.suggestible, lex.substitutions, lex.idioms_minus_one, confusables, frequency,
                      4, OPTIONS_CACHE)


def _transposed(w: str, start: int, swaps, strong, add, terms: dict[str, int]) -> None:
    for right, in_lexicon in swaps:
        # strong() needs a lexicon word or a document term (most swaps are neither)
        if in_lexicon or terms.get(right, 0) >= DOC_TERM_EVIDENCE:
            why = strong(right, w)
            if why:
                add(Candidate("transposed", start, start + len(w), w, right, why, "normal"))


def _confusable(w: str, start: int, choice, strong, add) -> None:
    j, right = choice
    why = strong(right, w)
    if why:
        add(Candidate("confusable", start, start + len(w), w, right,
                      f"{why}; “{w[j]}” and “{right[j]}” look or sound alike", "normal"))


def _missing(w: str, start: int, options, terms: dict[str, int], strong, add, run: str, a: int, b: int) -> None:
    # Lexicon idioms (成语, tagged "i" in jieba's dictionary) with a character dropped (日晒雨淋),
    # and the document's own terms with an interior character dropped (省总工会).
    # ... and common words the document itself uses elsewhere (有于 where 有利于 occurs).
    best = None
    for right in options:
        # Where the "missing" character would go, the text may hold a look- or sound-alike of it:
        # then a character was substituted, not dropped (自暴自气 is 自暴自弃 with 气 for 弃).
        if right.startswith(w) and b < len(run) and confusable(run[b], right[-1]):
            continue
        if right.endswith(w) and a > 0 and confusable(run[a - 1], right[0]):
            continue
        why = strong(right, w)
        if why and (best is None or (terms.get(right, 0), frequency(right)) > (terms.get(best[0], 0), frequency(best[0]))):
            best = (right, why)
    if best:
        add(Candidate("missing", start, start + len(w), w, best[0], best[1], "normal"))
