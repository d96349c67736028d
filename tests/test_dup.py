"""DUP on real text, and on generated copies planted into clean reports."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
import regex

from conftest import GOV, SEED_000, SEED_001, check_json, findings_of, need
from jiaokan import Document
from jiaokan.config import Settings
from jiaokan.registry import Registry
from jiaokan.runner import Engine


def test_seed_000_repeat_is_found_once_spanning_both_copies(jiaokan):
    report = check_json(jiaokan, SEED_000, extra=("--select", "DUP"))
    [dup] = findings_of(report, "DUP001")
    text = SEED_000.read_text(encoding="utf-8")
    later = text[dup["start"]["offset"]:dup["end"]["offset"]]
    earlier = text[dup["related"][0]["start"]["offset"]:dup["related"][0]["end"]["offset"]]
    # The later copy is the hard-wrapped one, spread over many lines.
    assert dup["end"]["line"] - dup["start"]["line"] > 10
    assert earlier.count("\n") <= 2
    squash = lambda s: regex.sub(r"\s+", "", s)
    assert "维护职工合法权益是工会的基本职责" in squash(later) and "维护职工合法权益是工会的基本职责" in squash(earlier)
    assert squash(later) == squash(earlier)
    assert dup["data"]["similarity"] == 100 and dup["data"]["length"] > 200
    assert dup["fix"]["applicability"] == "unsafe"


def test_seed_001_alone_has_no_duplicate(jiaokan):
    assert findings_of(check_json(jiaokan, SEED_001), "DUP") == []


def test_national_reports_only_their_genuine_repeats(jiaokan):
    reports = sorted(need(GOV).glob("*.txt"))
    report = check_json(jiaokan, *reports, extra=("--select", "DUP"))
    internal = {(Path(f["path"]).name, f["start"]["line"], f["related"][0]["start"]["line"])
                for f in findings_of(report, "DUP001")}
    # The two transcription slips that SOURCES.md lists, and nothing else.
    assert internal == {("national_gwr_2010.txt", 84, 83), ("national_gwr_2015.txt", 49, 48)}
    # Shared policy formulations across years are boilerplate; at most a verbatim reuse or two.
    assert len(findings_of(report, "DUP002")) <= 2


# -- generated copies --------------------------------------------------------------------------------

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研"


def _engine(code: str) -> Engine:
    return Engine(Settings(root=Path.cwd()), Registry(), select=[code])


def _mutate(rng: random.Random, passage: str, edits: int) -> str:
    chars = list(passage)
    han = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    for i in rng.sample(han, edits):
        chars[i] = rng.choice([c for c in HAN if c != chars[i]])
    return "".join(chars)


def _rewrap(rng: random.Random, passage: str) -> str:
    width = rng.randint(12, 20)
    sep = rng.choice(["\n", "\n\n"])
    return sep.join(passage[i:i + width] for i in range(0, len(passage), width))


def _sentences(text: str, lo: int, hi: int) -> list[str]:
    out = []
    for para in text.split("\n"):
        sents = regex.findall(r"[^。！？]+[。！？]", para)
        for i in range(len(sents)):
            s = ""
            for j in range(i, len(sents)):
                s += sents[j]
                if lo <= len(s) <= hi:
                    out.append(s)
                    break
    return out


def _overlaps(a0, a1, b0, b1) -> bool:
    return a0 < b1 and b0 < a1


@pytest.mark.slow
def test_generated_copies_within_a_document_recall_and_precision():
    reports = [p for p in sorted(need(GOV).glob("*.txt")) if p.name not in ("national_gwr_2010.txt", "national_gwr_2015.txt")]
    rng = random.Random(20261123)
    engine = _engine("DUP001")
    trials = hits = false_positives = 0
    for path in reports:
        text = path.read_text(encoding="utf-8")
        candidates = _sentences(text, 60, 220)
        for _ in range(6):
            passage = rng.choice(candidates)
            copy = _mutate(rng, passage, rng.randint(0, 3))
            if rng.random() < 0.5:
                copy = _rewrap(rng, copy)
            paras = text.split("\n")
            k = rng.randrange(1, len(paras))
            if rng.random() < 0.5:  # as a paragraph of its own
                new = "\n".join(paras[:k] + [copy] + paras[k:])
                start = len("\n".join(paras[:k])) + 1
            else:  # inside another paragraph, after one of its sentences
                para = paras[k]
                cut = [m.end() for m in regex.finditer(r"[。！？]", para)] or [0]
                c = rng.choice(cut)
                paras[k] = para[:c] + copy + para[c:]
                new = "\n".join(paras)
                start = len("\n".join(paras[:k])) + (1 if k else 0) + c
            end = start + len(copy)
            assert new[start:end] == copy
            doc = Document(path.name, new)
            findings = _engine_check(engine, doc)
            trials += 1
            if any(_overlaps(f.start.offset, f.end.offset, start, end) or
                   _overlaps(f.related[0].start.offset, f.related[0].end.offset, start, end) for f in findings):
                hits += 1
            false_positives += sum(
                1 for f in findings
                if not (_overlaps(f.start.offset, f.end.offset, start, end) or
                        _overlaps(f.related[0].start.offset, f.related[0].end.offset, start, end)))
    recall = hits / trials
    print(f"DUP001 planted copies: {hits}/{trials} found (recall {recall:.1%}), {false_positives} false positives")
    assert trials >= 100
    assert recall >= 0.95
    assert false_positives == 0


def _engine_check(engine: Engine, doc: Document):
    return engine.check_documents({doc.path: doc})


@pytest.mark.slow
def test_generated_copies_across_documents():
    reports = sorted(need(GOV).glob("*.txt"))
    rng = random.Random(7)
    engine = _engine("DUP002")
    texts = {p.name: p.read_text(encoding="utf-8") for p in reports}
    baseline = _engine_check_many(engine, texts)
    trials = hits = 0
    names = sorted(texts)
    squash = lambda s: "".join(regex.findall(r"[\p{Han}\p{L}\p{N}]+", s))
    squashed = {name: squash(t) for name, t in texts.items()}
    grams = {name: {t[i:i + 10] for i in range(len(t))} for name, t in squashed.items()}

    def unique_to(src: str, passage: str) -> bool:
        # Planted passages are ones no other report shares (shared ones may be boilerplate).
        p = squash(passage)
        return not any(p[i:i + 10] in grams[n] for n in names if n != src for i in range(0, len(p) - 9, 5))

    # At least DUP002's min-length (100 letters/digits/Han characters; punctuation does not count).
    pool = {n: [p for p in _sentences(texts[n], 110, 280) if len(squash(p)) >= 105 and unique_to(n, p)] for n in names}
    docs = {name: Document(name, text) for name, text in texts.items()}
    for _ in range(40):
        src, dst = rng.sample(names, 2)
        passage = rng.choice(pool[src])
        copy = _mutate(rng, passage, rng.randint(0, 3))
        if rng.random() < 0.5:
            copy = _rewrap(rng, copy)
        changed = dict(docs)
        changed[dst] = Document(dst, texts[dst] + "\n" + copy + "\n")
        start = len(texts[dst]) + 1
        findings = engine.check_documents(changed)
        trials += 1
        planted = [f for f in findings
                   if (f.path == dst and f.start.offset < start + len(copy) and f.end.offset > start)
                   or (f.related and f.related[0].path == dst and f.related[0].end.offset > start)]
        hits += bool(planted)
        if not planted:
            print("missed:", src, "->", dst, copy.replace("\n", "/"))
        assert len(findings) - len(planted) <= len(baseline)
    print(f"DUP002 planted copies: {hits}/{trials} found")
    assert hits / trials >= 0.95


def _engine_check_many(engine: Engine, texts: dict[str, str]):
    docs = {name: Document(name, text) for name, text in texts.items()}
    return engine.check_documents(docs)


def test_parallel_alignment_gives_the_findings_of_one_process(tmp_path, jiaokan, monkeypatch):
    """A large run shares DUP002's pairs out over forked processes (RunContext.parallel): the
    findings, their order and their related copies are those of a run in one process."""
    from jiaokan.rules.dup import dup002_cross_document_duplicate as dup002
    from jiaokan.runner import RunContext

    monkeypatch.setattr(dup002, "PARALLEL_MIN_DOCS", 4)
    parts_seen: list[int] = []
    parallel = RunContext.parallel

    def spy(self, fn, worth_it=True):
        out = parallel(self, fn, worth_it)
        parts_seen.append(len(out))
        return out

    monkeypatch.setattr(RunContext, "parallel", spy)
    rng = random.Random(5)
    for report in sorted(need(GOV).glob("*.txt"))[:6]:
        text = report.read_text(encoding="utf-8")
        paragraphs = text.split("\n")
        (tmp_path / report.name).write_text(text, encoding="utf-8")
        # a later draft: a third of the paragraphs dropped, the rest kept verbatim
        kept = [p for p in paragraphs if rng.random() < 0.67]
        (tmp_path / f"draft_{report.name}").write_text("\n".join(kept), encoding="utf-8")
    one = check_json(jiaokan, tmp_path, extra=("--select", "DUP002", "--jobs", "1"))
    assert parts_seen == [1]
    two = check_json(jiaokan, tmp_path, extra=("--select", "DUP002", "--jobs", "2"))
    assert parts_seen == [1, 2]
    assert len(findings_of(one, "DUP002")) >= 20
    assert two["findings"] == one["findings"]


def test_boilerplate_shared_by_most_documents_is_not_reported(tmp_path, jiaokan):
    formula = ("高举中国特色社会主义伟大旗帜，坚持以人民为中心的发展思想，统筹推进经济建设、政治建设、文化建设、社会建设、"
               "生态文明建设，全面深化改革，推动高质量发展，坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，"
               "加快构建新发展格局，着力扩大国内需求，为实现年度目标任务而努力奋斗。")
    for i in range(6):
        (tmp_path / f"r{i}.txt").write_text(f"第{i}份报告的开头各不相同，内容编号{i * 7919}。\n{formula}\n", encoding="utf-8")
    assert findings_of(check_json(jiaokan, tmp_path, extra=("--select", "DUP")), "DUP") == []
    # The same passage in just two documents is a copy.
    for i in range(2, 6):
        (tmp_path / f"r{i}.txt").unlink()
    [f] = findings_of(check_json(jiaokan, tmp_path, extra=("--select", "DUP")), "DUP002")
    assert f["path"].endswith("r1.txt") and f["related"][0]["path"].endswith("r0.txt")


def test_allow_list_silences_an_accepted_shared_passage(tmp_path, jiaokan):
    passage = ("为进一步做好全市职工服务工作，市总工会决定在全市范围内开展职工服务质量提升行动，各级工会要高度重视，"
               "加强组织领导，明确责任分工，确保各项措施落到实处，取得实效，让职工群众切实感受到工会组织的温暖。"
               "行动自今年三月开始，到十二月底结束，分为动员部署、集中推进和总结评估三个阶段。")
    (tmp_path / "a.txt").write_text("甲文件。\n" + passage + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("乙文件。\n" + passage + "\n", encoding="utf-8")
    assert len(findings_of(check_json(jiaokan, tmp_path, extra=("--select", "DUP002")), "DUP002")) == 1
    (tmp_path / "allowed.txt").write_text(passage + "\n", encoding="utf-8")
    (tmp_path / "jiaokan.toml").write_text('[rules.DUP002]\nallow-file = "allowed.txt"\n', encoding="utf-8")
    r = jiaokan("check", tmp_path / "a.txt", tmp_path / "b.txt", "--format", "json", "--select", "DUP002")
    assert r.code == 0, r.out


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abc工会", max_size=80))
@example("工" * 30)  # every k-gram the same: ties everywhere
@example("工会" * 15)
def test_winnowing_keeps_the_rightmost_minimum_of_every_window(text):
    """The fingerprints are exactly the winnowing definition: for every window of W k-gram hashes,
    its minimum (the rightmost one on ties), each position once."""
    import xxhash

    from jiaokan.rules.dup.fingerprint import K, W, fingerprints

    n = len(text) - K + 1
    grams = [xxhash.xxh3_64_intdigest(text[i : i + K].encode("utf-32-le")) for i in range(max(n, 0))]
    expected: list[int] = []
    for end in range(min(W, n), n + 1) if n > 0 else ():
        window = grams[max(0, end - W) : end]
        pos = max(range(len(window)), key=lambda k: (-window[k], k)) + max(0, end - W)
        if not expected or expected[-1] != pos:
            expected.append(pos)
    hashes, positions = fingerprints(text)
    assert list(positions) == expected
    assert list(hashes) == [grams[p] for p in expected]


def _view_runs_reference(doc):
    """build_view's runs by their definition (jiaokan.speedups.py_word_view, in Python), whose runs
    are regex's letters, digits and Han characters outside the skipped ranges: (view text, run
    starts, run offsets, sentence starts, sentence ends)."""
    import regex

    from jiaokan import speedups
    from jiaokan.rules.dup.fingerprint import OPENS_AFTER, SENTENCE_END
    from jiaokan.rules.lang import HAN_BYTES

    text = doc.text
    runs = [m for m in regex.finditer(r"[\p{Han}\p{L}\p{N}]+", text) if not doc.is_skipped(*m.span())]
    got = speedups.py_word_view(text, HAN_BYTES, doc.skipped_ranges, OPENS_AFTER, SENTENCE_END)
    assert got[0] == "".join(m.group() for m in runs) and list(got[2]) == [m.start() for m in runs]
    return got[0], list(got[1]), list(got[2]), list(got[3]), list(got[4])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="工会a1 。，：”\n`#", max_size=80), st.sampled_from(["report.txt", "report.md"]))
@example("```\n工会\n```\n工会。", "report.md")  # a fenced block: skipped, and what follows is a new sentence
@example(" 。工会", "report.txt")
def test_the_dup_view_is_its_run_by_run_definition(text, path):
    from jiaokan.rules.dup.fingerprint import build_view

    doc = Document(path, text)
    view = build_view(doc)
    got = (view.text, list(view.run_starts), list(view.run_offsets), list(view.sentence_start), list(view.sentence_end))
    assert got == _view_runs_reference(doc)


def test_the_dup_view_of_a_report_is_its_definition():
    from jiaokan.rules.dup.fingerprint import build_view

    doc = Document(str(SEED_000), SEED_000.read_text(encoding="utf-8"))
    view = build_view(doc)
    expected = _view_runs_reference(doc)
    assert len(expected[1]) > 100 and sum(expected[3]) > 10
    assert (view.text, list(view.run_starts), list(view.run_offsets), list(view.sentence_start),
            list(view.sentence_end)) == expected
