"""What a figure counts (its key), where (its scope), and whether two figures measure the same thing."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import regex

from jiaokan.config import tomllib


DATA = Path(__file__).parent / "data"

# Scope words: a figure for 全省 and one for 省级 are different measures.
SCOPES = ["全国", "全省", "全市", "全区", "全县", "全州", "全镇", "国家级", "省级", "市级", "州级", "县级", "区级",
          "乡镇级", "中央", "地方", "各级", "本级", "各地", "全社会", "城镇", "农村"]
GENERIC_SCOPES = {"", "各级", "本级", "各地"}
AREA_SCOPES = {"全国", "全省", "全市", "全区", "全县", "全州", "全镇", "全社会"}
_ONE_HAN = regex.compile(r"\p{Han}")
_HAN_2 = regex.compile(r"\p{Han}{2,}")
_HAN_RUN = regex.compile(r"\p{Han}+")
_FIGURE_CHARS = regex.compile(r"[\d.,%％]+")
_SCOPE_RE = regex.compile("|".join(sorted(SCOPES, key=len, reverse=True)))
_SCOPE_FIRST = frozenset(word[0] for word in SCOPES)  # a text without one of these holds no scope word
# Words between a subject and its number that say nothing about what is counted.
PREDICATE_TAIL = regex.compile(
    r"(?:总量|总数|数量|总规模|规模|人数|总数量|数)?"
    r"(?:已经|已|均|累计|共计|合计|共|总计|历史性地|首次|再|又|新|达)*"
    r"(?:达到|达|为|是|有|突破|超过|增至|增加到|增长到|提高到|降至|降低到|下降到|减少到|分别为|约为|约)?"
    r"(?:了)?$"
)
# A match that is not empty ends with the last character of one of the pattern's words: where the
# text ends otherwise, removing the tail changes nothing (and the regex need not scan the text).
_PREDICATE_LAST = frozenset(word[-1] for word in regex.findall(r"\p{Han}+", PREDICATE_TAIL.pattern))
MEASURE_WORDS = {"总量", "总数", "数量", "规模", "人数", "数", "总规模", "总额", "数目"}
# A change verb after the measure it changes (城镇居民人均可支配收入比上年实际增长5.2%), with what
# qualifies the change (实际 and 名义, 年均 growth are other measures than growth).
RISES = ("增长", "增加", "提高", "提升", "上涨", "上升")
FALLS = ("下降", "降低", "减少", "回落")
CHANGE_TAIL = regex.compile(
    r"(?P<mod1>实际|名义|年均|平均)?(?:比上年同期|比去年同期|比上年|比去年|较上年|较去年|同比)?(?P<mod2>实际|名义|年均|平均)?"
    r"(?P<verb>" + "|".join(RISES + FALLS) + r")了?$"
)
CHANGE_LAST = frozenset("了" + "".join(verb[-1] for verb in RISES + FALLS))  # how a match can end
POPULATIONS = {"城镇", "农村"}  # scope words that, opening a change's subject, name its population
MAX_CHANGE_SUBJECT = 12  # the longest clause subject taken for a measure (城镇居民人均可支配收入: 11)
NOUN_FLAGS = ("n", "nr", "ns", "nt", "nz", "vn", "an", "ng", "j", "l", "i")
# Too generic to identify a measure without more context.
GENERIC_KEYS = {"人", "人员", "项目", "工作", "活动", "单位", "地方", "问题", "方面", "领域", "群众", "个人",
                "时间", "机制", "措施", "政策", "成果", "经济", "社会", "国家", "服务", "信息", "生活", "行动",
                # durations: 4个工作日 is a time limit, not a counted measure
                "工作日", "小时", "天", "周", "分钟", "年度"}
# Keys that name a population or a resource rather than a measure: comparable only when the words
# written before the normalisation agree (患病职工 with 患病职工, not 覆盖职工 with 职工).
BROAD_KEYS = {"职工", "企业", "资金", "会员", "学生", "居民", "人口", "干部", "农民", "工人", "人才"}


@lru_cache(maxsize=1 << 14)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    """The words of ``text`` with jieba's dictionary tags (jieba's segmentation, as everywhere in
    jiaokan); cached, as clause edges recur (four in ten, over the national reports' copies)."""
    if not text:
        return ()
    lang = _lang()
    words = lang.cut(text)
    tags = _TAGS
    if len(tags) > _TAGS_KEPT:
        tags.clear()  # (numbers are words too: the dict would grow with the text)
    for w in words:
        if w not in tags:
            tags[w] = lang.pos(w)
    return tuple([(w, tags[w]) for w in words])


_TAGS: dict[str, str] = {}  # jieba's tag of each word _tagged has met
_TAGS_KEPT = 1 << 16


@lru_cache(maxsize=1)
def _lang():
    """jiaokan.rules.lang, imported on first use (a run from the cache never segments)."""
    from jiaokan.rules import lang

    return lang


class Keys:
    def __init__(self, extra_synonyms=()):
        groups = tomllib.loads((DATA / "synonyms.toml").read_text(encoding="utf-8"))["groups"]
        self.canonical: dict[str, str] = {}
        for group in list(groups) + [list(g) for g in extra_synonyms]:
            head = self.canonical.get(group[0], group[0])
            for word in group:
                self.canonical[word] = head

    def words(self, text: str) -> list[str]:
        return _lang().cut(text) if text else []

    def normalise(self, key: str) -> str:
        if key in self.canonical:
            return self.canonical[key]
        # Longest known suffix: 省级试点单位 -> 试点
        for i in range(1, len(key) - 1):
            tail = key[i:]
            if tail in self.canonical:
                return self.canonical[tail]
        return key

    def key_for(self, left: str, right: str) -> tuple[str, str, str]:
        """(normalised key, key as written, scope) from the clause text around a number."""
        scope = ""
        tokens = _tagged(right[:16])
        lead = []
        for word, flag in tokens:
            if word in SCOPES:
                scope = scope or word
                continue
            if flag.startswith(NOUN_FLAGS) or (flag == "b" and not lead):
                lead.append(word)
                if sum(map(len, lead)) >= 6:
                    break
                continue
            break
        raw = "".join(lead)
        if not raw:
            if left and left[-1] in _PREDICATE_LAST:
                left = PREDICATE_TAIL.sub("", left)
            tokens = _tagged(left[-16:])
            tail = []
            for word, flag in reversed(tokens):
                if word in MEASURE_WORDS and not tail:
                    continue
                if word in SCOPES:
                    scope = scope or word
                    break
                head = not tail and len(word) == 1 and flag in ("v", "vg", "ng") and _ONE_HAN.fullmatch(word)
                if flag.startswith(NOUN_FLAGS) or flag in ("b", "v") and tail and len(word) >= 2 or head:
                    tail.append(word)
                    if sum(map(len, tail)) >= 6:
                        break
                    continue
                break
            raw = "".join(reversed(tail))
        if not scope and not _SCOPE_FIRST.isdisjoint(left[-12:]):
            m = _SCOPE_RE.search(left[-12:])
            if m:
                scope = m.group()
        if len(raw) > 2 and not _SCOPE_FIRST.isdisjoint(raw):
            raw = _SCOPE_RE.sub("", raw)
        if raw.startswith(("每", "人均每")):
            return "", raw, scope  # 每人每年240元: a rate whose measure is named further away
        if not raw or not _HAN_2.fullmatch(raw) or raw in GENERIC_KEYS:
            return "", raw, scope
        return self.normalise(raw), raw, scope


def change_key(left: str) -> tuple[str, str, str]:
    """``Keys.key_for`` of a change figure: (key, key as written, scope) of a change that ``left``,
    its clause before the figure, states of a measure it names whole: 全省城镇居民人均可支配收入比上年增长
    -> 城镇居民人均可支配收入增长, scope 全省. The subject is the clause up to the verb, all of it, so that two figures compare only where
    their clauses name the measure alike; ("", …) where it is not a run of Han characters of two to
    MAX_CHANGE_SUBJECT, or is a generic or broad word."""
    m = CHANGE_TAIL.search(left)
    if not m:
        return "", "", ""
    subject, scope = left[: m.start()], ""
    at_start = _SCOPE_RE.match(subject)
    if at_start and at_start.group() not in POPULATIONS:
        scope, subject = at_start.group(), subject[at_start.end() :]
    if (not 2 <= len(subject) <= MAX_CHANGE_SUBJECT or not _HAN_RUN.fullmatch(subject)
            or subject in GENERIC_KEYS or subject in BROAD_KEYS or subject in SCOPES):
        return "", subject, scope
    change = (m.group("mod1") or m.group("mod2") or "") + ("增长" if m.group("verb") in RISES else "下降")
    return subject + change, subject + change, scope


def scopes_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if not a or not b:
        return True  # one figure does not say: most report figures are for the report's own area
    return a in GENERIC_SCOPES and b in GENERIC_SCOPES


def times_compatible(fa, fb, same_document: bool) -> bool:
    """The time qualifiers of the two sentences agree: both undated, or the same dates. (A dated
    and an undated figure are not known to be the same period; relative times such as 今年 mean
    different years in two documents.)"""
    if set(fa.times) != set(fb.times):
        return False
    if not same_document and any(not t.isdigit() for t in fa.times):
        return False
    if fa.accumulated != fb.accumulated:
        return False  # a sum over a period (累计…) against a single figure
    if fa.accumulated and not same_document and not fa.times:
        return False  # two sums over each document's own, unstated period
    return True


# The standard library scans for this pattern twice as fast (it has no literal to start from).
MULTI_YEAR = re.compile(r"(?:[2-9]|[1-9]\d|[二三四五六七八九十]+)\s*年来|\d{4}\s*年(?:以来|至今)|自\d{4}年|以来")
ANNUAL = regex.compile(r"去年|今年|上年|一年来|过去一年|本年度|全年")
_CLAUSE_MARK = re.compile(r"[，。；！？、]")
_CLAUSE_MARK_BEFORE = regex.compile(r"(?r)[，。；！？、]")  # the nearest mark before a position
_YEAR_OR_SINCE = re.compile("年|以来")


def document_period(text: str) -> str:
    """What period a document reports on: "span" for a retrospective (multi-year markers such as
    10年来 or 以来 dominate), its dominant explicit year (named at least three times), "annual?"
    for a yearly report that speaks of 今年/去年 without naming its year, or "" when unknown."""
    # Only clauses that hold 年 or 以来 can match these patterns (and no match holds a clause mark).
    return period_of_clauses(year_clauses(text))


def year_clauses(text: str) -> str:
    """The clauses of ``text`` that hold 年 or 以来, joined by "。": each once, in order, as
    splitting the text at the clause marks would give them (found from each 年 and 以来)."""
    clauses = []
    end = -1
    for m in _YEAR_OR_SINCE.finditer(text):
        at = m.start()
        if at < end:
            continue  # (in the clause just taken)
        before = _CLAUSE_MARK_BEFORE.search(text, 0, at)
        after = _CLAUSE_MARK.search(text, at)
        end = after.start() if after else len(text)
        clauses.append(text[before.end() if before else 0 : end])
    return "。".join(clauses)


def period_of_clauses(text: str) -> str:
    """``document_period`` of ``text`` as it is, every pattern scanned over all of it."""
    from .extract import PERIOD, YEAR

    spans = len(MULTI_YEAR.findall(text))
    annual = len(ANNUAL.findall(text))
    counts: dict[str, int] = {}
    for y in YEAR.findall(PERIOD.sub(" ", text)):
        counts[y] = counts.get(y, 0) + 1
    top, n = max(counts.items(), key=lambda kv: (kv[1], kv[0])) if counts else ("", 0)
    if spans >= max(n, annual, 1):
        return "span"
    if n >= 3:
        return top
    if annual:
        return "annual?"
    return ""


def periods_compatible(a: str, b: str) -> bool:
    if "span" in (a, b) or "" in (a, b):
        return True
    return a == b and a != "annual?"


STOP_WORDS = {"目前", "其中", "同时", "全省", "全国", "全市", "我们", "进一步", "以及", "通过", "开展", "已经", "各级",
              "工作", "一个", "一批", "不断", "持续", "积极", "大力", "加强", "推进", "推动"}


def content_words(sentence: str) -> set[str]:
    return {w for w in _lang().cut(_FIGURE_CHARS.sub(" ", sentence))
            if len(w) >= 2 and w not in STOP_WORDS and _is_han(w)}


def _is_han(word: str) -> bool:
    """``_HAN_RUN.fullmatch(word)``, without the regex for the common case: every character in
    U+4E00–U+9FFF (all of it Han)."""
    return "\u4e00" <= min(word) and max(word) <= "\u9fff" or bool(_HAN_RUN.fullmatch(word))
