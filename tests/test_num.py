"""NUM on real text: the seeds' conflicts, the clean reports, planted conflicts, the facts file."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import GOV, SEED_000, SEED_001, check_json, findings_of, need
from jiaokan import Document
from jiaokan.config import Settings
from jiaokan.registry import Registry
from jiaokan.rules.num.figures import document_figures, keys_for
from jiaokan.runner import Engine


def _pairs(report, code):
    return {(f["data"]["values"][0], f["data"]["values"][1]) for f in findings_of(report, code)}


def test_the_seeds_disagree_on_three_figures(jiaokan):
    report = check_json(jiaokan, SEED_000, SEED_001, extra=("--select", "NUM"))
    assert _pairs(report, "NUM002") == {("14家", "15家"), ("535个", "550余个"), ("135.7万人", "116万名")}
    for f in findings_of(report, "NUM002"):
        # Reported at the later file, with the other figure as related location.
        assert f["path"].endswith("001_1778f91ec32efe01.txt")
        [rel] = f["related"]
        assert rel["path"].endswith("000_b065b91fc4a37a9b.txt")
        text = SEED_000.read_text(encoding="utf-8")
        assert text[rel["start"]["offset"]:rel["end"]["offset"]] == f["data"]["values"][0]
    assert findings_of(report, "NUM001") == []


@pytest.mark.parametrize("seed", [SEED_000, SEED_001])
def test_each_seed_alone_has_no_conflict(jiaokan, seed):
    assert findings_of(check_json(jiaokan, seed, extra=("--select", "NUM")), "NUM") == []


def test_clean_national_reports_are_nearly_silent(jiaokan):
    reports = sorted(need(GOV).glob("*.txt"))
    report = check_json(jiaokan, *reports, extra=("--select", "NUM"))
    # Targets against results, different years, national against regional: none of it is a conflict.
    assert len(findings_of(report, "NUM")) <= 2


def _change(rng: random.Random, text: str, value: float) -> tuple[str, float] | None:
    """A number written like ``text`` but 5–40% away from it."""
    m = re.fullmatch(r"(\d+)(?:\.(\d+))?", text)
    if not m:
        return None
    decimals = len(m.group(2) or "")
    for _ in range(20):
        factor = 1 + rng.choice([-1, 1]) * rng.uniform(0.05, 0.40)
        new = round(float(text) * factor, decimals)
        shown = f"{new:.{decimals}f}"
        if shown != text and new > 0:
            return shown, new
    return None


@pytest.mark.slow
def test_planted_conflicts_recall_and_precision():
    reports = sorted(need(GOV).glob("*.txt"))
    rng = random.Random(5)
    keys = keys_for({})
    engine = Engine(Settings(root=Path.cwd()), Registry(), select=["NUM001"])
    planted = found = reported = correct = 0
    for path in reports:
        text = path.read_text(encoding="utf-8")
        doc = Document(path.name, text)
        figures = [f for f in document_figures(doc, keys) if re.match(r"\d", f.text)]
        rng.shuffle(figures)
        for fig in figures[:5]:
            num = re.match(r"[\d.]+", fig.text).group()
            changed = _change(rng, num, fig.value)
            if changed is None:
                continue
            new_num, _ = changed
            # The figure's sentence, copied with the number changed (sometimes 余/多, sometimes 人→名).
            line_start = text.rfind("\n", 0, fig.start) + 1
            line_end = text.find("\n", fig.end)
            line_end = len(text) if line_end < 0 else line_end
            sent_start = max(text.rfind(c, line_start, fig.start) for c in "。；！？") + 1
            sent_start = max(sent_start, line_start)
            sent_end = min([i for i in (text.find(c, fig.end, line_end) for c in "。；！？") if i >= 0] or [line_end]) + 1
            tail = fig.text[len(num):]
            if rng.random() < 0.3 and float(new_num) > float(num) * 1.12 and not tail.startswith(("余", "多")):
                tail = "余" + tail
            if rng.random() < 0.5 and "人" in tail and "人次" not in tail:
                tail = tail.replace("人", "名")
            copy = text[sent_start:fig.start] + new_num + tail + text[fig.end:sent_end]
            planted_doc = text + "\n" + copy.strip() + "\n"
            offset = len(text) + 1 + (fig.start - sent_start) - (len(copy) - len(copy.lstrip()))
            findings = engine.check_documents({path.name: Document(path.name, planted_doc)})
            planted += 1
            hit = [f for f in findings if f.start.offset == offset or any(r.start.offset == offset for r in f.related)]
            found += bool(hit)
            reported += len(findings)
            correct += len(hit)
    recall = found / planted
    precision = correct / reported if reported else 1.0
    print(f"NUM001 planted conflicts: {found}/{planted} found (recall {recall:.1%}), precision {precision:.1%} "
          f"({reported} findings)")
    assert planted >= 60
    assert recall >= 0.85
    assert precision >= 0.90


FACTS = '''
"高技能人才" = { value = "135.7万人", scope = "全省", as_of = "2022-06", source = "省人社厅通报" }
"示范点" = { value = "550余个", source = "2021年工作回眸" }
'''


def test_facts_file_contradictions(jiaokan, tmp_path):
    (tmp_path / "facts.toml").write_text(FACTS, encoding="utf-8")
    (tmp_path / "jiaokan.toml").write_text('select = ["NUM003"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(SEED_001.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(SEED_000.read_text(encoding="utf-8"), encoding="utf-8")
    r = jiaokan("check", tmp_path, "--format", "json", cwd=tmp_path)
    got = {(Path(f["path"]).name, f["data"]["value"], f["data"]["fact"]) for f in r.json["findings"]}
    # 116万名 contradicts the 高技能人才 fact; 535个 the 示范点 one (试点 and 示范点 are synonyms).
    assert got == {("a.txt", "116万名", "高技能人才"), ("b.txt", "535个", "示范点")}
    msg = next(f["message"] for f in r.json["findings"] if f["data"]["value"] == "116万名")
    assert "省人社厅通报" in msg and "135.7万人" in msg


def test_facts_in_pyproject_and_bad_facts(jiaokan, tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.jiaokan]\nselect = ["NUM003"]\n[tool.jiaokan.facts]\n"高技能人才" = "135.7万人"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("目前全省高技能人才总量已达116万名。\n", encoding="utf-8")
    r = jiaokan("check", tmp_path, "--format", "json", cwd=tmp_path)
    assert r.code == 1 and [f["code"] for f in r.json["findings"]] == ["NUM003"]
    (tmp_path / "pyproject.toml").write_text(
        '[tool.jiaokan]\nselect = ["NUM003"]\n[tool.jiaokan.facts]\n"高技能人才" = "很多"\n', encoding="utf-8")
    r = jiaokan("check", tmp_path, cwd=tmp_path)
    assert r.code == 2 and "cannot read the value" in r.err


def test_facts_extract_prints_a_starter_file(jiaokan):
    r = jiaokan("facts", "extract", SEED_001)
    assert r.code == 0
    import tomllib

    data = tomllib.loads(r.out)
    assert data["高技能人才"]["value"] == "116万名"
    assert data["高技能人才"]["source"].endswith("001_1778f91ec32efe01.txt:13")


PERIOD_PIECES = ["2019", "2020", "10", "五", "年", "年来", "以来", "以", "来", "至今", "自", "起", "今年", "去年",
                 "全年", "累计", "历年", "间", "代", "，", "。", "、", "；", " ", "\n", "职工", "1"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PERIOD_PIECES), max_size=40))
def test_document_period_scans_only_clauses_with_a_year(pieces):
    """Only clauses holding 年 or 以来 are scanned: the verdict is that of the whole text."""
    from jiaokan.rules.num.keys import document_period, period_of_clauses

    from jiaokan.rules.num.keys import _CLAUSE_MARK, year_clauses

    text = "".join(pieces)
    assert document_period(text) == period_of_clauses(text)
    assert year_clauses(text) == "。".join(c for c in _CLAUSE_MARK.split(text) if "年" in c or "以来" in c)


def test_document_period_of_real_reports():
    from jiaokan.rules.num.keys import document_period, period_of_clauses

    texts = [p.read_text(encoding="utf-8") for p in sorted(need(GOV).glob("*.txt"))] + [
        SEED_000.read_text(encoding="utf-8"), SEED_001.read_text(encoding="utf-8")]
    verdicts = [document_period(Document("x.txt", t).norm) for t in texts]
    assert verdicts == [period_of_clauses(Document("x.txt", t).norm) for t in texts]
    assert "annual?" in verdicts and len(set(verdicts)) >= 2


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["总量", "已经", "达到", "了", "分别为", "约", "历史性地", "新", "职工", "人", "。", "5"]),
                max_size=8).map("".join))
def test_the_predicate_tail_is_removed_only_where_the_text_ends_with_one_of_its_characters(left):
    """key_for skips the tail regex where the text cannot end with a match: the shortcut must never
    skip a text the regex would change."""
    from jiaokan.rules.num.keys import _PREDICATE_LAST, PREDICATE_TAIL

    if not left or left[-1] not in _PREDICATE_LAST:
        assert PREDICATE_TAIL.sub("", left) == left
    assert {"了", "到", "为", "量"} <= _PREDICATE_LAST


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["全国", "省级", "本级", "全", "国", "级", "城", "乡", "农村", "职工", "人", "地"]),
                max_size=6).map("".join))
def test_scope_words_are_searched_only_in_texts_holding_the_first_character_of_one(text):
    """key_for skips the scope regex where no character of the text starts a scope word."""
    from jiaokan.rules.num.keys import _SCOPE_FIRST, _SCOPE_RE

    if _SCOPE_FIRST.isdisjoint(text):
        assert _SCOPE_RE.search(text) is None
    assert {"全", "省", "本", "城"} <= _SCOPE_FIRST


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="工会\u4e00\u9fff\u9fa6\u3400\u3007a1，", min_size=1, max_size=5))
def test_is_han_is_the_han_run_regex(word):
    from jiaokan.rules.num.keys import _HAN_RUN, _is_han

    assert _is_han(word) == bool(_HAN_RUN.fullmatch(word))
    assert _HAN_RUN.fullmatch("".join(map(chr, range(0x4E00, 0xA000))))  # the shortcut's block is all Han


def _figure(value, lo, hi):
    from jiaokan.rules.num.extract import Figure

    return Figure(0, 1, str(value), value, lo, hi, "人", False, "职工", "职工", "", (), False, False, "achieved")


_VALUE = st.sampled_from([0.0, 1.0, 1.7, 2.0, 3.4, 100.0, 116e4, 135.7e4, 1e-9, 5.0])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_VALUE, st.sampled_from([0.0, 0.5, 1.0]), st.booleans()), max_size=14),
       st.sampled_from([1.0, 1.7, 2.0]))
def test_conflict_candidates_hold_every_conflicting_pair(specs, max_ratio):
    """NUM002 compares only the pairs conflict_candidates names: every pair conflict() accepts must
    be among them, in the order of the plain double loop."""
    from jiaokan.rules.num.figures import compared_value, conflict, conflict_candidates

    def values(figures):
        return [compared_value(f.value, f.lo, f.hi) for f in figures]

    figures = [_figure(v, v - spread, float("inf") if open_ended else v + spread) for v, spread, open_ended in specs]
    pairs = conflict_candidates(values(figures), max_ratio)
    assert pairs == sorted(set(pairs)) and all(i < j for i, j in pairs)
    every = [(i, j) for i in range(len(figures)) for j in range(i + 1, len(figures))
             if conflict(figures[i], figures[j], max_ratio)]
    assert set(every) <= set(pairs)
    assert conflict_candidates(values([_figure(100, 99.5, 100.5), _figure(170, 169.5, 170.5),
                                       _figure(171, 170.5, 171.5)])) == [(0, 1), (1, 2)]



def _brute_force_num002(summaries, max_ratio):
    """NUM002's pairs the plain way: every pair of figures of one key and unit, in order, through
    all of finish()'s tests; (path, offset, other path, overlap) of the best pair of each figure."""
    from collections import defaultdict

    from jiaokan.rules.num.extract import Figure
    from jiaokan.rules.num.figures import conflict, same_measure
    from jiaokan.rules.num.keys import periods_compatible

    groups, periods = defaultdict(list), {}
    for path, (period, rows) in summaries:
        periods[path] = period
        for row, start, end in rows:
            f = Figure.from_summary(row)
            groups[(f.key, f.unit)].append((path, f, start))
    best = {}
    for group in groups.values():
        for i in range(len(group)):
            for j in range(i + 1, len(group)):
                (pa, a, sa), (pb, b, sb) = group[i], group[j]
                if pa == pb or not conflict(a, b, max_ratio):
                    continue
                if not a.times and not periods_compatible(periods[pa], periods[pb]):
                    continue
                verdict = same_measure(a, b, same_document=False)
                if verdict is None:
                    continue
                (pa, a, sa), (pb, b, sb) = sorted([(pa, a, sa), (pb, b, sb)], key=lambda x: x[0])
                if (pb, sb[2]) not in best or verdict.overlap > best[(pb, sb[2])][1]:
                    best[(pb, sb[2])] = (pa, verdict.overlap, sa[2])
    return sorted((k[0], k[1], v[0], v[2]) for k, v in best.items())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a.md", "b.md", "c.md", "d.md"]), _VALUE, st.sampled_from([0.0, 0.5]),
                          st.sampled_from(["achieved", "target"]), st.sampled_from([(), ("2021",), ("今年",)]),
                          st.sampled_from(["", "全省", "省级"]), st.booleans(),
                          st.sampled_from([frozenset({"参加", "培训"}), frozenset({"参加", "培训", "全年"}),
                                           frozenset({"覆盖"})])), max_size=12),
       st.fixed_dictionaries({p: st.sampled_from(["", "2021", "2022", "span"]) for p in ("a.md", "b.md", "c.md", "d.md")}))
def test_num002_pairs_classes_as_it_would_pair_figures(specs, periods):
    """NUM002 pairs classes of alike figures (one interval, kind, times, scope ...) instead of
    figures: it finds what trying every pair of figures finds."""
    got, expected = _num002_both_ways(specs, periods)
    assert got == expected


def test_num002_class_pairs_on_copies_of_two_figures():
    """Three reports repeat 2.0 and one says 3.4 (the same measure, same year): each copy of the
    one conflicts, and a copy of 2.0 in the same report as 3.4 is the related figure."""
    words = frozenset({"参加", "培训"})
    specs = [(p, v, 0.5, "achieved", ("2021",), "", False, words)
             for p, v in (("a.md", 2.0), ("b.md", 2.0), ("c.md", 2.0), ("c.md", 3.4), ("d.md", 2.0))]
    got, expected = _num002_both_ways(specs, dict.fromkeys(("a.md", "b.md", "c.md", "d.md"), "2021"))
    assert got == expected and len(got) == 2


def _num002_both_ways(specs, periods):
    from jiaokan.rules.num.extract import Figure
    from jiaokan.rules.num.num002_cross_document_conflict import CrossDocumentConflict

    rows: dict[str, list] = {p: [] for p in periods}
    for n, (path, value, spread, kind, times, scope, accumulated, words) in enumerate(specs):
        f = Figure(n, n + 1, str(value), value, value - spread, value + spread, "人", False, "培训职工", "培训职工", scope,
                   times, False, accumulated, kind, "", words)
        rows[path].append((f.summary(), (1, n + 1, n), (1, n + 2, n + 1)))
    summaries = [(p, (periods[p], rows[p])) for p in sorted(rows)]
    rule = CrossDocumentConflict.__new__(CrossDocumentConflict)
    rule.config = {"max-ratio": 1.7}
    got = sorted((f.path, f.start.offset, f.related[0].path, f.related[0].start.offset)
                 for f in rule.finish(summaries, None))
    return got, _brute_force_num002(summaries, 1.7)

def test_a_figure_survives_its_summary():
    """NUM002 keeps figures as plain tuples: back from one, a figure is the same but for its
    sentence, whose content words it keeps."""
    from jiaokan.rules.num.extract import Figure

    fig = _figure(116e4, 116e4, 116e4)
    fig.sentence, fig.words = "全省职工116万人", frozenset({"全省", "职工"})
    back = Figure.from_summary(fig.summary())
    assert back.sentence == "" and back.words == fig.words
    back.sentence = fig.sentence
    assert back == fig


def test_two_sentences_of_a_specific_key_alone_share_their_context(jiaokan, tmp_path):
    """Sentences that hold nothing but a specific measure and its figure (居民消费价格上涨2.1%。) have
    all their context in common: two such with different figures conflict, unless their years differ."""
    p = tmp_path / "a.txt"
    p.write_text("过去一年，经济运行总体平稳。\n\n居民消费价格上涨2.1%。\n\n城镇新增就业1361万人。\n\n"
                 "居民消费价格上涨1.7%。\n", encoding="utf-8")
    found = findings_of(check_json(jiaokan, p, extra=("--select", "NUM")), "NUM")
    assert [(f["code"], f["data"]["values"]) for f in found] == [("NUM001", ["2.1%", "1.7%"])]
    p.write_text("2018年，居民消费价格上涨2.1%。\n\n2019年，居民消费价格上涨1.7%。\n", encoding="utf-8")
    assert findings_of(check_json(jiaokan, p, extra=("--select", "NUM")), "NUM") == []


def test_a_restated_enumeration_conflicts_only_where_a_value_changed(jiaokan, tmp_path):
    """A sentence that gives several values of one measure (16% and 10%, lowered to 13% and 9%),
    restated with one of them changed: only that one conflicts; a value the other sentence also
    gives (9% beside 13%) is no contradiction."""
    first = "深化增值税改革，将制造业等行业现行16%的税率降至13%，将交通运输业、建筑业等行业现行10%的税率降至9%。"
    p = tmp_path / "a.txt"
    p.write_text(first + "\n\n确保主要行业税负明显降低。\n\n" + first.replace("降至13%", "降至12%") + "\n", encoding="utf-8")
    found = findings_of(check_json(jiaokan, p, extra=("--select", "NUM")), "NUM")
    assert [(f["code"], f["data"]["values"]) for f in found] == [("NUM001", ["13%", "12%"])]


def test_a_dated_change_of_a_measure_named_before_its_verb(jiaokan, tmp_path):
    """城镇居民人均可支配收入比上年增长5.2% counts the change of the measure its clause names (比上年
    is its baseline, not its time): two such changes in one year conflict, within a report and
    across reports (农村 stays part of the measure); this year's target (今年 … 左右) and an undated
    change, which a report gives for last year and for this one alike, are not compared."""
    a = tmp_path / "a.txt"
    a.write_text("2022年，全省城镇居民人均可支配收入比上年增长5.2%，农村居民人均可支配收入增长6.5%。\n\n"
                 "全省经济运行总体平稳。\n\n2022年，全省城镇居民人均可支配收入增长6.8%。\n\n"
                 "今年，全省城镇居民人均可支配收入增长6%左右。\n\n城镇居民人均可支配收入增长8.1%。\n",
                 encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("2022年，全省农村居民人均可支配收入增长6.3%。\n", encoding="utf-8")
    found = findings_of(check_json(jiaokan, a, b, extra=("--select", "NUM")), "NUM")
    assert sorted((f["code"], f["data"]["values"][0], f["data"]["values"][1]) for f in found) == [
        ("NUM001", "5.2%", "6.8%"), ("NUM002", "6.5%", "6.3%")]
