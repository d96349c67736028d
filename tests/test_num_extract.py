"""Figure extraction over real phrasings (from the national reports and the seeds): values as
intervals, units, and what is not a figure at all."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEED_001
from jiaokan.rules.num.extract import extract
from jiaokan.rules.num.figures import keys_for

INF = math.inf


def exact(v, step=1.0):
    return (v - step / 2, v + step / 2)


# (phrase, figure text, (lo, hi), unit class)
FIGURES = [
    # Arabic, decimals, multipliers, money
    ("全省高技能人才135.7万人。", "135.7万人", exact(1357000, 1000), "人"),
    ("目前全省高技能人才总量已达116万名。", "116万名", exact(1160000, 10000), "人"),
    ("各级535个试点为支撑。", "535个", exact(535), "个"),
    ("与14家省级部门一道。", "14家", exact(14), "家"),
    ("国内生产总值达到13.65万亿元。", "13.65万亿元", exact(1.365e13, 1e10), "元"),
    ("全国财政收入达到2.17万亿元。", "2.17万亿元", exact(2.17e12, 1e10), "元"),
    ("支付补助金31.25亿元。", "31.25亿元", exact(3.125e9, 1e6), "元"),
    ("发放帮扶慰问金6363万元。", "6363万元", exact(6.363e7, 1e4), "元"),
    ("给予最高2000元的补助。", "2000元", exact(2000), "元"),
    ("外汇储备1.52万亿美元。", "1.52万亿美元", exact(1.52e12, 1e10), "美元"),
    ("实际使用外资1363亿美元。", "1363亿美元", exact(1.363e11, 1e8), "美元"),
    ("粮食产量49746万吨。", "49746万吨", exact(4.9746e8, 1e4), "吨"),
    ("新建改建农村公路20万公里。", "20万公里", exact(2e5, 1e4), "公里"),
    ("治理水土流失面积24.6万平方公里。", "24.6万平方公里", exact(2.46e5, 1e3), "平方公里"),
    ("新增发电装机1669万千瓦。", "1669万千瓦", exact(1.669e7, 1e4), "千瓦"),
    ("人均预期寿命达到76.7岁。", "76.7岁", exact(76.7, 0.1), "岁"),
    ("保障性安居工程740万套。", "740万套", exact(7.4e6, 1e4), "套"),
    ("审议法律议案10件。", "10件", exact(10), "件"),
    ("制定行政法规30件。", "30件", exact(30), "件"),
    ("乡镇卫生院2.3万所。", "2.3万所", exact(2.3e4, 1e3), "所"),
    ("培育产教融合型企业62家。", "62家", exact(62), "家"),
    ("建成国家级现代学徒制试点单位11个。", "11个", exact(11), "个"),
    ("查找事故隐患和职业危害86.8万件。", "86.8万件", exact(8.68e5, 1e3), "件"),
    ("组织参加安全生产检查21.37万次。", "21.37万次", exact(2.137e5, 100), "次"),
    ("参与职工763.38万人次。", "763.38万人次", exact(7.6338e6, 100), "人次"),
    ("实施41.6万户次生活帮扶。", "41.6万户次", exact(4.16e5, 1e3), "户次"),
    ("5.8万户企业建立集体协商制度。", "5.8万户", exact(5.8e4, 1e3), "户"),
    ("56.54万个班组参加竞赛。", "56.54万个", exact(5.654e5, 100), "个"),
    ("技术状元391人。", "391人", exact(391), "人"),
    ("秦选作为代表，从学徒工一步做到首席，工作了33年。", None, None, None),
    ("职工代表1,200人出席。", "1,200人", exact(1200), "人"),
    ("新增就业１２００万人。", "１２００万人", exact(1.2e7, 1e4), "人"),
    # percentages and percentage points are different measures
    ("国内生产总值增长8%左右。", "8%左右", (7.2, 8.8), "%"),
    ("经济增长预期目标为7%左右。", "7%左右", (6.3, 7.7), "%"),
    ("城镇登记失业率4.02%。", "4.02%", exact(4.02, 0.01), "%"),
    ("毛入学率提高到22％。", "22％", exact(22), "%"),
    ("高校资助面超过20%。", "超过20%", (20, INF), "%"),
    ("平均每年降低1个百分点以上。", "1个百分点以上", (1, INF), "pp"),
    ("增幅比一季度回落17.2个百分点。", "17.2个百分点", exact(17.2, 0.1), "pp"),
    ("在国内生产总值中占比提高2.5个百分点。", "2.5个百分点", exact(2.5, 0.1), "pp"),
    ("居民消费价格涨幅3％左右。", "3％左右", (2.7, 3.3), "%"),
    # approximators as intervals
    ("各地区和企业550余个本级示范点。", "550余个", (550, 605), "个"),
    ("展出创新成果4000多项。", "4000多项", (4000, 5000), "项"),
    ("活动10万多场。", "10万多场", (1e5, 2e5), "场"),
    ("覆盖职工1000多万人次。", "1000多万人次", (1e7, 2e7), "人次"),
    ("农村义务教育阶段2400多万贫困家庭学生。", "2400多万", None, None),
    # 多/余 add up to one unit of the last non-zero digit or 10%, whichever is more (a generous reading
    # keeps approximate figures from conflicting with figures they do not contradict).
    ("还为中西部地区1700多万名贫困家庭学生。", "1700多万名", (1.7e7, 1.87e7), "人"),
    ("救助受灾群众9000多万人次。", "9000多万人次", (9e7, 1e8), "人次"),
    ("每年城镇新增就业1000多万人。", "1000多万人", (1e7, 2e7), "人"),
    ("为职工挽回经济损失2亿多元。", "2亿多元", (2e8, 3e8), "元"),
    ("筹集资金9亿多元。", "9亿多元", (9e8, 1e9), "元"),
    ("覆盖职工2.5万余人。", "2.5万余人", (2.5e4, 2.75e4), "人"),
    ("职工累计提出合理化建议6.6万余项。", "6.6万余项", (6.6e4, 7.26e4), "项"),
    ("有效处置劳动纠纷2000余件。", "2000余件", (2000, 3000), "件"),
    ("全年建会企业达2300余家。", "2300余家", (2300, 2530), "家"),
    ("发展会员8万余人。", "8万余人", (8e4, 9e4), "人"),
    ("组织950余名优秀职工参加疗休养。", "950余名", (950, 1045), "人"),
    ("3.5万多名职工参加竞赛。", "3.5万多名", (3.5e4, 3.85e4), "人"),
    ("走访慰问各类站所1.7万余个。", "1.7万余个", (1.7e4, 1.87e4), "个"),
    ("全额返还小微企业工会经费近6000万元。", "近6000万元", (5.4e7, 6e7), "元"),
    ("为近6500名单身职工搭建交友平台。", "近6500名", (5850, 6500), "人"),
    ("“三农”投入累计近3万亿元。", "近3万亿元", (2.7e12, 3e12), "元"),
    ("近1400万农业转移人口落户城镇。", "近1400万", None, None),
    ("资助学生近8000万人次。", "近8000万人次", (7.2e7, 8e7), "人次"),
    ("受补助的患病职工累计超过446万人次。", "超过446万人次", (4.46e6, INF), "人次"),
    ("直接参与职工超过100万人次。", "超过100万人次", (1e6, INF), "人次"),
    ("国内生产总值超过126万亿元。", "超过126万亿元", (1.26e14, INF), "元"),
    ("城镇新增就业900万人以上。", "900万人以上", (9e6, INF), "人"),
    ("城镇调查失业率5.5%左右。", "5.5%左右", (4.95, 6.05), "%"),
    ("居民消费价格涨幅2%左右。", "2%左右", (1.8, 2.2), "%"),
    ("赤字率控制在3%以内。", "3%以内", (0, 3), "%"),
    ("单位能耗下降3%以上。", "3%以上", (3, INF), "%"),
    ("企业开办时间压缩到4个工作日以内。", "4个", None, None),
    ("每个项目不少于50个。", "不少于50个", (50, INF), "个"),
    ("至少200家企业。", "至少200家", (200, INF), "家"),
    ("最多3次。", "最多3次", (0, 3), "次"),
    ("将近1000所学校。", "将近1000所", (900, 1000), "所"),
    ("约2.3亿人。", "约2.3亿人", (2.07e8, 2.53e8), "人"),
    ("每年3至5个。", "3至5个", (3, 5), "个"),
    ("用3-5年时间，建设10到20个。", "10到20个", (10, 20), "个"),
    # Chinese numerals
    ("举办了两届职工创新成果展。", "两届", exact(2), "届"),
    ("拍摄播出五季《云岭工匠》。", "五季", exact(5), "季"),
    ("实施了学习培训等五项行动。", "五项", exact(5), "项"),
    ("等七项行动。", "七项", exact(7), "项"),
    ("三项劳动竞赛被确定为引领性竞赛。", "三项", exact(3), "项"),
    ("一百二十万人参加。", "一百二十万人", exact(1.2e6, 1e5), "人"),
    ("两万名志愿者。", "两万名", exact(2e4, 1e4), "人"),
    ("三千万元专项资金。", "三千万元", exact(3e7, 1e7), "元"),
    ("十五家成员单位。", "十五家", exact(15), "家"),
    ("二十个示范点。", "二十个", exact(20, 10), "个"),
    ("1.2万名职工。", "1.2万名", exact(1.2e4, 1e3), "人"),
    ("3千万元。", "3千万元", exact(3e7, 1e7), "元"),
    # Chinese decimals (点) and percentages (百分之)
    ("高技能人才一百三十五点七万人。", "一百三十五点七万人", exact(1.357e6, 1e3), "人"),
    ("居民收入增长百分之五点二。", "百分之五点二", exact(5.2, 0.1), "%"),
    ("城镇调查失业率百分之五左右。", "百分之五左右", (4.5, 5.5), "%"),
    ("贫困发生率降至百分之十二。", "百分之十二", exact(12), "%"),
    ("覆盖率达到百分之九十以上。", "百分之九十以上", (90, INF), "%"),
]

# Phrases whose number is not a quantity.
NOT_FIGURES = [
    "一点一滴做起，积小胜为大胜。",
    "只提高了百分之几。",
    "2021年是中国共产党百年华诞。",
    "2021年6月28日，白鹤滩水电站首批机组投产发电。",
    "2021年11月15日，创新成果展启幕。",
    "解读2022年政府工作报告。",
    "喜迎党的二十大召开。",
    "党的十八大以来，省总工会认真贯彻落实。",
    "在全国率先出台省级工会“十四五”规划。",
    "为“十一五”开好局、起好步。",
    "由上年居世界第五位上升到第四位。",
    "把人民健康放在第一位。",
    "建设5G基站。",
    "筹备COP15期间。",
    "广义货币M2余额较快增长。",
    "建立“1+10”帮扶体系。",
    "拍摄播出《红色档案·云南省全国劳模口述历史》等专题片。",
    "服务职工“十件实事”落地有声。",
    "超过三分之一的企业。",
    "这是一个重要台阶。",
    "一批重大工程相继建成。",
    "以邓小平理论和“三个代表”重要思想为指导。",
    "联系电话12345678。",
    "33年坚守一个岗位。",
    "10年来，全省各级工会大力宣传。",
    "集中表彰省五一劳动奖状。",
    "2006年是实施规划的第一年。",
    "毫不动摇地巩固公有制经济。",
    "服务中心设在3号楼。",
]


@pytest.fixture(scope="module")
def keys():
    return keys_for({})


def _figures(text, keys):
    return [f for _, _, f in extract(text, keys)]


@pytest.mark.parametrize("phrase, text, interval, unit", FIGURES, ids=[f[0][:14] for f in FIGURES])
def test_figure(keys, phrase, text, interval, unit):
    from jiaokan.rules.num.extract import FIGURE, PREFIX_APPROX  # noqa: F401

    figures = _figures(phrase, keys)
    if text is None:
        assert figures == []
        return
    if interval is None:
        # Parsed, but nothing names what it counts: it is never compared.
        assert all(not f.key for f in figures if f.text == text)
        return
    found = [f for f in figures if f.text == text]
    assert found, f"{text} not extracted from {phrase}: {[g.text for g in figures]}"
    f = found[0]
    assert f.unit == unit
    assert f.lo == pytest.approx(interval[0], rel=1e-9)
    assert f.hi == pytest.approx(interval[1], rel=1e-9)


@pytest.mark.parametrize("phrase", NOT_FIGURES)
def test_not_a_figure(keys, phrase):
    assert [f.text for f in _figures(phrase, keys)] == []


def test_table_is_large_enough():
    assert len(FIGURES) + len(NOT_FIGURES) >= 100


def test_units_people_alike_person_times_distinct(keys):
    [a] = _figures("高技能人才135.7万人。", keys)
    [b] = _figures("高技能人才135.7万名。", keys)
    [c] = _figures("高技能人才135.7万人次。", keys)
    assert a.unit == b.unit == "人" and c.unit == "人次"


def test_keys_scopes_and_kinds(keys):
    [f] = _figures("目前全省高技能人才总量已达116万名。", keys)
    assert (f.key, f.scope, f.kind) == ("高技能人才", "全省", "achieved")
    [f] = _figures("各地区和企业550余个本级示范点为支撑。", keys)
    assert (f.key, f.raw_key, f.scope) == ("试点", "示范点", "本级")
    [f] = _figures("今年城镇新增就业目标为1100万人以上。", keys)
    assert f.kind == "target" and f.times == ("今年",)
    [f] = _figures("2021年，全省累计100万人次职工参加竞赛。", keys)
    assert f.accumulated and f.times == ("2021",)



@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="工会。，、（）(“A1", max_size=60), st.sets(st.integers(0, 62), max_size=8))
def test_stops_find_the_bounds_their_definition_finds(text, breaks):
    """Sentence and clause bounds by binary search over the stops and paragraph starts (as
    extract() finds them for every figure) are those of the character-by-character definition."""
    from jiaokan.rules.num.extract import CLAUSE_END, SENTENCE_END, _bounds, _Stops

    breaks = frozenset(breaks)
    for stops in (SENTENCE_END, CLAUSE_END):
        index = _Stops(text, stops, breaks)
        for pos in range(len(text) + 1):
            assert index.around(pos) == _bounds(text, pos, stops, breaks), (text, pos, stops)


def test_stops_on_a_report():
    from jiaokan.document import Document
    from jiaokan.rules.num.extract import CLAUSE_END, SENTENCE_END, _bounds, _Stops
    from jiaokan.rules.num.figures import paragraph_starts

    doc = Document(str(SEED_001), SEED_001.read_text(encoding="utf-8"))
    breaks = paragraph_starts(doc)
    assert len(breaks) > 10
    for stops in (SENTENCE_END, CLAUSE_END):
        index = _Stops(doc.norm, stops, breaks)
        assert all(index.around(pos) == _bounds(doc.norm, pos, stops, breaks) for pos in range(len(doc.norm) + 1))


def test_character_sets_are_the_classes_they_stand_for():
    """_excluded tests characters against sets: each is the character class it replaces."""
    import regex

    from jiaokan.rules.num import extract as x

    chars = [chr(c) for c in range(0x20, 0x3040)] + [chr(c) for c in range(0x4E00, 0x9FA6)]
    for pattern, chars_set in ((r"[A-Za-z0-9.]", x._LATIN_OR_DIGIT_CHARS), (r"[A-Za-z]", x._LATIN_CHARS),
                               (x.CHINESE.rstrip("+"), x._CN_CHARS),
                               (r"[零〇一二两三四五六七八九十百千万亿]", x._CN_NUMERAL_CHARS)):
        assert {c for c in chars if regex.fullmatch(pattern, c)} == set(chars_set), pattern


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["将近", "接近", "大约", "约", "近", "超过", "不少于", "至少", "高达", "了", "达",
                                 "总", "，", "A"]), max_size=5).map("".join))
def test_the_approximator_is_searched_only_where_the_text_ends_with_one_of_its_last_characters(left):
    """extract() skips PREFIX_APPROX where the character before the number cannot end a prefix:
    the shortcut must never skip a prefix the regex would find."""
    from jiaokan.rules.num.extract import _PREFIX_LAST, PREFIX_APPROX

    text = left + "5万人"
    s = len(left)
    if not left or left[-1] not in _PREFIX_LAST:
        assert PREFIX_APPROX.search(text, max(0, s - 4), s) is None
    assert {"近", "约", "过", "于", "少", "达"} <= _PREFIX_LAST


@pytest.mark.parametrize("keyed_only", [False, True])
def test_figures_of_the_seeds_keep_their_count_and_values(keys, keyed_only):
    """The figures of seed 001 (whitespace removed, as extract() gets it): keyed ones are a
    subset of all of them, with the same values, and the seed's conflicting figures are among them."""
    text = "".join(SEED_001.read_text(encoding="utf-8").split())
    figs = extract(text, keys, keyed_only=keyed_only)
    every = {(s, e): f for s, e, f in extract(text, keys)}
    assert all(every[(s, e)] == f for s, e, f in figs)
    assert {"116万名", "550余个"} <= {f.text for _, _, f in figs}
    assert all(f.key for _, _, f in figs) if keyed_only else any(not f.key for _, _, f in figs)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["2019", "2020", "10", "五", "十三", "年", "年来", "以来", "以", "来", "至今", "自", "起",
                                 "今年", "上半", "一季度", "季", "度", "“", "”", "时期", "期间", "累计", "历年", "间",
                                 "代", "，", " ", "职工"]), max_size=12).map("".join))
def test_times_and_periods_skip_only_texts_that_cannot_hold_them(text):
    """_times and the cumulative test skip their scans where no word they need is in the text:
    the result is that of the full scans."""
    from jiaokan.rules.num.extract import _PERIOD_HINT, _times, PERIOD, RELATIVE_TIME, YEAR

    dated = PERIOD.sub(" ", text)
    assert _times(text) == tuple(sorted(set(YEAR.findall(dated)) | set(RELATIVE_TIME.findall(dated))))
    if _PERIOD_HINT.search(text) is None:
        assert PERIOD.search(text) is None
