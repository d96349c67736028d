"""Figures: numbers with what they count, parsed into intervals.

A figure is a number (Arabic or Chinese numerals, with 万/亿 multipliers), an optional
approximator (余/多/近/约/超过/以上/左右 …), and a unit or classifier (人, 家, 个, 万元, %, 个百分点 …).
Its value is an interval: a stated figure covers what rounds to it (116万 is [115.5万, 116.5万)),
an approximate one what the approximator allows (550余 is [550, 605)).
"""

from __future__ import annotations

import math
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field, fields
from functools import lru_cache

import regex

from .keys import CHANGE_LAST, change_key

ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CHINESE = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"  # 一百三十五点七: 点 is the decimal point
MULTIPLIER = r"万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千"
# Units and classifiers, longest first. Value: (unit class, factor to the class's base unit).
UNITS: dict[str, tuple[str, float]] = {
    "个百分点": ("pp", 1), "百分点": ("pp", 1), "%": ("%", 1), "％": ("%", 1),
    "人次": ("人次", 1), "户次": ("户次", 1), "场次": ("场次", 1), "架次": ("架次", 1),
    "人": ("人", 1), "名": ("人", 1), "位": ("人", 1),
    "万元": ("元", 1e4), "亿元": ("元", 1e8), "元": ("元", 1), "美元": ("美元", 1),
    "平方公里": ("平方公里", 1), "平方米": ("平方米", 1), "公里": ("公里", 1), "千米": ("公里", 1),
    "立方米": ("立方米", 1), "千瓦时": ("千瓦时", 1), "千瓦": ("千瓦", 1), "公顷": ("公顷", 1),
    "吨": ("吨", 1), "亩": ("亩", 1), "户": ("户", 1), "家": ("家", 1), "个": ("个", 1), "项": ("项", 1),
    "件": ("件", 1), "场": ("场", 1), "次": ("次", 1), "所": ("所", 1), "座": ("座", 1), "条": ("条", 1),
    "批": ("批", 1), "台": ("台", 1), "辆": ("辆", 1), "张": ("张", 1), "份": ("份", 1), "篇": ("篇", 1),
    "处": ("处", 1), "套": ("套", 1), "册": ("册", 1), "本": ("册", 1), "部": ("部", 1), "间": ("间", 1), "张床": ("床", 1), "床": ("床", 1),
    "届": ("届", 1), "期": ("期", 1), "季": ("季", 1), "类": ("类", 1), "种": ("种", 1),
    "支": ("支", 1), "倍": ("倍", 1), "岁": ("岁", 1), "个月": ("月", 1), "周年": ("周年", 1),
}
_UNIT_ALT = "|".join(regex.escape(u) for u in sorted(UNITS, key=len, reverse=True))
FIGURE = regex.compile(
    rf"(?P<pct>百分之)?(?P<num>{ARABIC}|{CHINESE})"  # 百分之五: 5%
    rf"(?:(?P<sep>至|到|-|—|～|~)(?P<num2>{ARABIC}|{CHINESE}))?"
    rf"(?P<approx1>余|多)?(?P<mult>{MULTIPLIER})?(?P<approx2>余|多)?"
    rf"(?P<unit>{_UNIT_ALT})?"
    rf"(?P<post>以上|以下|左右|上下|以内|之多)?"
)
_UNIT = FIGURE.groupindex["unit"]
_PCT = FIGURE.groupindex["pct"]
_ARABIC_FULL = regex.compile(ARABIC)
_LATIN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_LATIN_OR_DIGIT_CHARS = _LATIN_CHARS | frozenset("0123456789.")
_CN_CHARS = frozenset("零〇一二两三四五六七八九十百千")  # the characters of CHINESE
_CN_NUMERAL_CHARS = _CN_CHARS | frozenset("万亿")
_LONG_DIGITS = regex.compile(r"\d{7,}")
_YEAR_NUM = regex.compile(r"(?:19|20)\d{2}$")
_PREFIX_AT_START = regex.compile(r"将近|接近|大约|约|近|超过|超|逾|不到|不足|不少于|至少|最多|不超过|高达")
PREFIX_APPROX = regex.compile(r"(?:将近|接近|大约|约|近|超过|超|逾|不到|不足|不少于|至少|最多|不超过|高达)$")
# A prefix ends right before the number: with any other character there, PREFIX_APPROX cannot match.
_PREFIX_LAST = frozenset(word[-1] for word in regex.findall(r"\p{Han}+", PREFIX_APPROX.pattern))
MULT_VALUE = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7, "百万": 1e6,
              "十万": 1e5, "万": 1e4, "千": 1e3}
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}

SENTENCE_END = "。！？；!?;"
CLAUSE_END = SENTENCE_END + "，、：,:（）()“”《》"
YEAR = regex.compile(r"((?:19|20)\d{2})\s*年(?!来|以来|间|代)")
RELATIVE_TIME = regex.compile(r"今年|去年|上年|明年|当年|本年|前年|上半年|下半年|一季度|二季度|三季度|四季度|"
                              r"过去一年|过去五年|过去十年|近五年|近十年|五年来|十年来|今后五年|未来五年|"
                              r"“?[十]?[一二三四五六七八九]五”?时期|“?[十]?[一二三四五六七八九]五”?期间")
PERIOD = regex.compile(r"自?\d{4}\s*年(?:以来|来|至今|起)|\d+\s*年来|\d+\s*年以来|[一二三四五六七八九十]+年来|以来|累计|自\d{4}年|历年")
ACCUMULATED = regex.compile(r"累计|共计|合计|总计|历年")
TARGET_WORDS = {"目标", "计划", "预期", "预计", "力争", "争取", "确保", "要", "拟", "规划", "预期目标", "主要预期目标"}
TARGET_YEAR = regex.compile(r"到\d{4}年")
# A target word can be a word of a text only where the text holds it: segmenting is needed only then.
_TARGET_ANYWHERE = regex.compile("|".join(sorted(TARGET_WORDS, key=len, reverse=True)))
CHANGE = regex.compile(r"(?:增长|增加|提高|提升|下降|降低|减少|扩大|缩小|增|降|上涨|回落|同比|比上年|比去年|年均)[了到至为]?$")


# Every match of PERIOD holds 年, 以来 or 累计; every match of YEAR or RELATIVE_TIME holds 年, 季度,
# 时期 or 期间: a text with none of them needs no scan.
_PERIOD_HINT = regex.compile("年|以来|累计")
_TIME_HINT = regex.compile("年|季度|时期|期间")
# The year a change is measured against (比上年增长5%) is no time of the figure's own.
_BASELINE = regex.compile(r"[比较](?:上年|去年)(?:同期)?")


def _times(text: str) -> tuple[str, ...]:
    """The explicit times of ``text`` (years and relative times), sorted. Years that open a
    period (自2017年, 2012年以来) are not the figure's own year, nor is the baseline of a change
    (比上年)."""
    if _TIME_HINT.search(text) is None:
        return ()
    dated = PERIOD.sub(" ", text) if _PERIOD_HINT.search(text) else text
    if "比" in dated or "较" in dated:
        dated = _BASELINE.sub(" ", dated)
    return tuple(sorted(set(YEAR.findall(dated)) | set(RELATIVE_TIME.findall(dated))))


@dataclass
class Figure:
    start: int  # offsets in the document text
    end: int
    text: str
    value: float
    lo: float
    hi: float
    unit: str  # unit class: 人, 人次, 元, %, pp, 家 ...
    approximate: bool
    key: str  # what it counts, normalised
    raw_key: str
    scope: str  # 全省, 省级, 全国 ... or ""
    times: tuple[str, ...]  # explicit time expressions of its sentence
    cumulative: bool  # in a period context: 自2017年, 10年来, 以来
    accumulated: bool  # a sum over a period: 累计, 共计
    kind: str  # achieved | target | change
    sentence: str = field(repr=False, default="")
    words: frozenset = field(repr=False, default=frozenset())  # content words of the sentence

    def describe(self) -> str:
        return self.text

    def summary(self) -> tuple:
        """The figure as a plain tuple of ``SUMMARY_FIELDS`` (no sentence: its ``words`` stand for
        it), as cross-document summaries keep it: fifty figures pickle and load twice as fast so."""
        return tuple(getattr(self, name) for name in SUMMARY_FIELDS)

    @classmethod
    def from_summary(cls, row: tuple) -> Figure:
        return cls(**dict(zip(SUMMARY_FIELDS, row)))


SUMMARY_FIELDS = tuple(f.name for f in fields(Figure) if f.name != "sentence")


def _cn_to_number(s: str) -> float | None:
    if "点" in s:  # 一百三十五点七: the whole part, then the digits after the point one by one
        whole, _, fraction = s.partition("点")
        value = _cn_to_number(whole)
        if value is None or not fraction or not all(c in CN_DIGITS for c in fraction):
            return None
        return value + float("0." + "".join(str(CN_DIGITS[c]) for c in fraction))
    if not s:
        return None
    if all(c in CN_DIGITS for c in s):
        # Digit by digit: 二〇二一 -> 2021 (years are excluded later), 一二 -> 12.
        return float("".join(str(CN_DIGITS[c]) for c in s))
    total, current = 0, 0
    for c in s:
        if c in CN_DIGITS:
            current = CN_DIGITS[c]
        elif c in CN_UNITS:
            total += (current or 1) * CN_UNITS[c]
            current = 0
        else:
            return None
    return float(total + current)


@lru_cache(maxsize=1 << 12)
def _number(s: str) -> tuple[float, float] | None:
    """Value and rounding step of a numeral (the step is the place value of its last digit);
    cached, as a report's numerals recur."""
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s)
    if _ARABIC_FULL.fullmatch(s):
        plain = s.replace(",", "")
        value = float(plain)
        if "." in plain:
            step = 10 ** -len(plain.split(".")[1])
        else:
            step = 1.0
        return value, step
    v = _cn_to_number(s)
    if v is None:
        return None
    # The place value of a Chinese numeral's last digit: 一百二十 -> 10, 三千 -> 1000, 十五 -> 1,
    # 五点二 -> 0.1.
    if "点" in s:
        step = 10.0 ** -len(s.partition("点")[2])
    elif s[-1] in CN_UNITS:
        step = CN_UNITS[s[-1]]
    elif len(s) >= 2 and s[-2] in CN_UNITS:
        step = CN_UNITS[s[-2]] / 10
    else:
        step = 1.0
    return v, step


def _last_nonzero_place(value: float, step: float) -> float:
    """Place value of the last non-zero digit: 550 -> 10, 2000 -> 1000, 2.5 -> 0.1."""
    if value <= 0:
        return step
    place = step
    while place * 10 <= value and round(value / (place * 10)) * place * 10 == value:
        place *= 10
    return place


def _interval(value: float, step: float, scale: float, approx_mid: str, approx_post: str, prefix: str,
              hi_value: float | None) -> tuple[float, float, bool]:
    v = value * scale
    if hi_value is not None:  # a range: 3至5
        return v, hi_value * scale, True
    if approx_mid in ("余", "多"):
        u = _last_nonzero_place(value, step) * scale
        return v, v + max(u, 0.1 * v), True
    if approx_post in ("以上", "之多") or prefix in ("超过", "超", "逾", "不少于", "至少", "高达"):
        return v, math.inf, True
    if approx_post in ("以下", "以内") or prefix in ("不到", "不足", "最多", "不超过"):
        return 0.0, v, True
    if prefix in ("近", "将近", "接近"):
        return 0.9 * v, v, True
    if approx_post in ("左右", "上下") or prefix in ("约", "大约"):
        return 0.9 * v, 1.1 * v, True
    half = step * scale / 2
    return v - half, v + half, False


def _excluded(text: str, s: int, e: int, num: str, mult: str | None, unit: str | None) -> bool:
    """A match ``text[s:e]`` (numeral ``num``) that is not a figure."""
    prev = text[s - 1] if s > 0 else ""
    if prev and prev in "第之":
        return True  # ordinal, 之一
    after = text[e : e + 1]
    if prev and prev in _LATIN_OR_DIGIT_CHARS or after and after in _LATIN_CHARS:
        return True  # 5G, COP15, M2, version numbers
    if num[0] in _CN_CHARS:  # a Chinese numeral (an Arabic one starts with a digit)
        if num == "一" and not mult:
            return True  # 一个/一项 mean "a", not a count
        if after in ("大", "五") or (not unit and not mult):
            return True  # 十八大, 十四五 ...
        if prev and prev in _CN_NUMERAL_CHARS:
            return True
    if not unit:
        return True  # a bare number: nothing to key it by
    if len(num) >= 7 and _LONG_DIGITS.fullmatch(num):
        return True  # phone numbers, IDs
    return False


def _in_quotes(text: str, pos: int) -> bool:
    """Inside 《title》, or a short quoted name such as “十件实事”."""
    for op, cl, limit in (("《", "》", 60), ("“", "”", 12), ("「", "」", 12)):
        a = text.rfind(op, max(0, pos - limit), pos)
        if a >= 0 and text.rfind(cl, a, pos) < 0:
            b = text.find(cl, pos, pos + limit)
            if b >= 0:
                return True
    return False


def _bounds(text: str, pos: int, stops: str, breaks=frozenset()) -> tuple[int, int]:
    """The stretch around ``pos`` that no character of ``stops`` ends and no paragraph start in
    ``breaks`` cuts: (start, end), the end at the stop character (its definition; ``_Stops`` finds
    the same by binary search)."""
    a = pos
    while a > 0 and text[a - 1] not in stops and a not in breaks:
        a -= 1
    b = pos
    while b < len(text) and text[b] not in stops and b + 1 not in breaks:
        b += 1
    return a, b


class _Stops:
    """``_bounds`` of one text for many positions: the nearest stop character on each side by a
    regex search (backwards on the left), the paragraph starts by binary search."""

    def __init__(self, text: str, stops: str, breaks) -> None:
        self.text = text
        self.forward, self.backward = _stop_patterns(stops)
        self.breaks = sorted(breaks)

    def around(self, pos: int) -> tuple[int, int]:
        m = self.backward.search(self.text, 0, pos)
        a = m.start() + 1 if m else 0
        m = self.forward.search(self.text, pos)
        b = m.start() if m else len(self.text)
        k = bisect_right(self.breaks, pos)  # breaks[k - 1] <= pos < breaks[k]
        if k:
            a = max(a, self.breaks[k - 1])
        if k < len(self.breaks):
            b = min(b, self.breaks[k] - 1)
        return a, b


@lru_cache(maxsize=8)
def _stop_patterns(stops: str):
    chars = "[" + regex.escape(stops) + "]"
    return regex.compile(chars), regex.compile("(?r)" + chars)


def extract(text: str, keys, breaks=frozenset(), keyed_only: bool = False) -> list[tuple[int, int, Figure]]:
    """Figures of a (whitespace-free) text: ``(start, end, figure)`` with offsets into ``text``.
    ``breaks`` holds the indices where a paragraph starts (a heading does not run into the
    paragraph below it just because whitespace is gone). With ``keyed_only``, only the figures
    with a key (the others are never compared: half of them, and their times and kind are not
    worked out)."""
    out = []
    sentences, clauses = _Stops(text, SENTENCE_END, breaks), _Stops(text, CLAUSE_END, breaks)
    key_for = keys.key_for
    times_of: dict[tuple[int, int], tuple[str, ...]] = {}
    for m in FIGURE.finditer(text):
        if not (m.group(_UNIT) or m.group(_PCT)):
            continue  # a bare number: nothing to key it by (as _excluded says)
        pct, num, _, num2, approx1, mult_s, approx2, unit, post = m.groups()
        if pct:
            if unit or mult_s:
                continue  # 百分之五十万: no percentage
            unit = "%"
        s, e = m.span()
        if _excluded(text, s, e, num, mult_s, unit) or _in_quotes(text, s):
            continue
        # Years, dates and durations given as "N年/月/日" are not matched (no such unit), but a
        # 4-digit year directly followed by a unit-like character is: 2021年 is never a figure.
        if len(num) == 4 and _YEAR_NUM.match(num) and text[e - len(unit) : e + 1].startswith("年"):
            continue
        prefix_m = PREFIX_APPROX.search(text, max(0, s - 4), s) if s and text[s - 1] in _PREFIX_LAST else None
        start = prefix_m.start() if prefix_m else s
        clause_a, clause_b = clauses.around(s)
        left = text[clause_a:start]
        right = text[e:clause_b]
        key, raw_key, scope = key_for(left, right)  # "" when nothing identifies the measure
        dated_only = False
        if not key and left and left[-1] in CHANGE_LAST:
            key, raw_key, scope = change_key(left)  # 城镇居民人均可支配收入增长5.2%
            dated_only = bool(key)
        if keyed_only and not key:
            continue
        parsed = _number(num)
        if parsed is None:
            continue
        value, step = parsed
        hi_value = None
        if num2:
            p2 = _number(num2)
            if p2 is None:
                continue
            hi_value = p2[0]
        mult = MULT_VALUE.get(mult_s or "", 1.0)
        unit_class, factor = UNITS.get(unit, (unit, 1.0))
        prefix = prefix_m.group() if prefix_m else ""
        approx_mid = approx1 or approx2 or ""
        lo, hi, approx = _interval(value, step, mult * factor, approx_mid, post or "", prefix, hi_value)
        sent_a, sent_b = sentences.around(s)
        sentence = text[sent_a:sent_b]
        # The figure's own clause and the one before it decide whether it is a target.
        prev_clause_a = clauses.around(max(sent_a, clause_a - 1))[0] if clause_a > sent_a else clause_a
        lead_in = text[prev_clause_a:start]
        # A time named after the figure's clause belongs to a later clause.
        times = times_of.get((sent_a, clause_b))
        if times is None:  # (figures of one clause share it)
            times = times_of[(sent_a, clause_b)] = _times(text[sent_a:clause_b])
        if dated_only and not any(t.isdigit() for t in times):
            # A change keyed by its clause's subject is compared only in the year it names: a report
            # gives last year's growth and this year's target for one measure, often without a year.
            if keyed_only:
                continue
            key = ""
        cumulative = _PERIOD_HINT.search(sentence) is not None and PERIOD.search(sentence) is not None
        accumulated = bool(ACCUMULATED.search(lead_in))
        if CHANGE.search(left) or unit_class in ("pp",):
            kind = "change"
        elif TARGET_YEAR.search(lead_in) or (_TARGET_ANYWHERE.search(lead_in)
                                             and TARGET_WORDS & set(keys.words(lead_in))):
            kind = "target"
        else:
            kind = "achieved"
        fig = Figure(start, e, text[start:e], value * mult * factor, lo, hi, unit_class, approx, key, raw_key,
                     scope, times, cumulative, accumulated, kind, sentence)
        out.append((start, e, fig))
    return out


def parse_value(text: str) -> tuple[float, float, float, str, bool] | None:
    """(value, lo, hi, unit class, approximate) of a stated value such as "135.7万人" or "550余个"."""
    text = "".join(text.split())
    prefix_m = _PREFIX_AT_START.match(text)
    prefix = prefix_m.group() if prefix_m else ""
    m = FIGURE.fullmatch(text[len(prefix):])
    if not m or not m.group("unit") and not m.group("mult") and not m.group("pct"):
        return None
    parsed = _number(m.group("num"))
    if parsed is None:
        return None
    value, step = parsed
    hi_value = _number(m.group("num2"))[0] if m.group("num2") and _number(m.group("num2")) else None
    unit = "%" if m.group("pct") else m.group("unit") or ""
    unit_class, factor = UNITS.get(unit, (unit, 1.0))
    scale = MULT_VALUE.get(m.group("mult") or "", 1.0) * factor
    lo, hi, approx = _interval(value, step, scale, m.group("approx1") or m.group("approx2") or "",
                               m.group("post") or "", prefix, hi_value)
    return value * scale, lo, hi, unit_class, approx
