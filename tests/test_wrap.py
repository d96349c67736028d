"""WRAP on real text: the seeds and the clean national reports."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from conftest import GOV, SEED_000, SEED_001, check_json, findings_of, need
from jiaokan import Document
from jiaokan.config import Settings
from jiaokan.registry import Registry
from jiaokan.runner import Engine


def test_seed_000_broken_paragraphs_are_found_and_joined(jiaokan):
    report = check_json(jiaokan, SEED_000, extra=("--select", "WRAP"))
    wraps = findings_of(report, "WRAP001")
    text = SEED_000.read_text(encoding="utf-8")
    # The hard-wrapped second half and the long lines broken mid-word in the first half.
    assert len(wraps) >= 15
    for f in wraps:
        assert f["fix"]["applicability"] == "safe"
        assert all(not text[e["start_offset"]:e["end_offset"]].strip() for e in f["fix"]["edits"])
    # The word split across lines 11 and 13 (提 / 升) is joined by the fix.
    first = next(f for f in wraps if f["start"]["line"] == 11)
    e = first["fix"]["edits"][0]
    assert text[e["start_offset"] - 1] + text[e["end_offset"]] == "提升"
    # The hard-wrapped copy of the legal-rights paragraph is one finding spanning its pieces.
    legal = text.index("维护职工合法权益是工会的基本职\n")
    spans = [f for f in wraps if f["start"]["offset"] == legal]
    assert len(spans) == 1 and spans[0]["end"]["line"] - spans[0]["start"]["line"] >= 8
    [orphan] = findings_of(report, "WRAP002")
    assert text[orphan["start"]["offset"]:orphan["end"]["offset"]] == "。"
    [end] = findings_of(report, "WRAP003")
    assert end["end"]["offset"] == len(text.rstrip())


def test_seed_001_gives_no_wrap_finding(jiaokan):
    # Its title, 关键词：… labels and short headline lines are not wraps.
    assert findings_of(check_json(jiaokan, SEED_001), "WRAP") == []


def test_clean_national_reports_give_no_wrap_finding(jiaokan):
    reports = sorted(need(GOV).glob("*.txt"))
    assert len(reports) >= 20
    assert findings_of(check_json(jiaokan, *reports, extra=("--select", "WRAP")), "WRAP") == []


def test_a_paragraph_opened_by_its_heading_can_be_broken_but_a_heading_line_is_not(jiaokan, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(
        "三、今年工作的总体要求和主要任务\n"
        "今年是实施规划的关键一年，各项工作任务繁重。\n"
        "（一）做好就业工作。统筹做好城镇新增劳动力\n"
        "、高校毕业生和退役军人等群体的就业，财政安排专项资金5.\n"
        "47亿元支持职业培训。\n"
        "（二）推进区域协调发展，\n"
        "实施重大区域战略，促进城乡融合发展。\n", encoding="utf-8")
    wraps = findings_of(check_json(jiaokan, p, extra=("--select", "WRAP")), "WRAP001")
    # The inline heading that goes on as prose (a sentence closes inside it, or it ends on a comma)
    # is broken; the decimal 5. / 47 is one number; the heading line on its own is left alone.
    assert [(f["start"]["line"], f["end"]["line"]) for f in wraps] == [(3, 5), (6, 7)]


# -- planted breaks ------------------------------------------------------------------------------------

CLOSING = "。！？；："


def _plant(rng: random.Random, text: str, kind: str):
    """One long paragraph of the report hard-wrapped at 15–40 columns, cut once inside a sentence
    (not after a closing mark: that is a paragraph break), or its final mark put on a line of its
    own; or the report cut inside a sentence of its last paragraph. Returns the text and the span
    that a finding must touch."""
    paragraphs, pos = [], 0
    for line in text.split("\n"):
        if len(line) >= 60 and line[-1] in CLOSING:
            paragraphs.append((pos, line))
        pos += len(line) + 1
    at, line = rng.choice(paragraphs)
    sep = rng.choice(["\n", "\n\n"])
    if kind == "truncate":
        at, line = paragraphs[-1]
        k = rng.choice([k for k in range(10, len(line) - 10) if line[k - 1] not in CLOSING + "，、"])
        return text[: at + k], at, at + k
    if kind == "hardwrap":
        w = rng.randrange(15, 41)
        new = sep.join(line[i : i + w] for i in range(0, len(line), w))
    elif kind == "cut":
        k = rng.choice([k for k in range(10, len(line) - 10) if line[k - 1] not in CLOSING])
        new = line[:k] + sep + line[k:]
    else:  # orphan
        new = line[:-1] + "\n" + line[-1]
    return text[:at] + new + text[at + len(line) :], at, at + len(new)


@pytest.mark.slow
def test_planted_breaks():
    """Three plants per report and kind (one truncation). Measured over five draws (seeds 1–5):
    hard wraps and orphaned marks 100%, a single cut 96.5% (a short first piece with no sentence
    punctuation, as 农业农村基础设施加快建 / 设, reads as a heading), truncation 99%; no finding
    anywhere else."""
    engine = Engine(Settings(root=Path.cwd()), Registry(), select=["WRAP"])
    rng = random.Random(1)
    found: dict[str, list[bool]] = {}
    elsewhere = []
    for path in sorted(need(GOV).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for kind in ("hardwrap", "cut", "orphan", "truncate"):
            for _ in range(1 if kind == "truncate" else 3):
                new, a, b = _plant(rng, text, kind)
                findings = engine.check_documents({path.name: Document(path.name, new)})
                hits = [f for f in findings if f.start.offset < b and f.end.offset >= a]
                found.setdefault(kind, []).append(bool(hits))
                elsewhere += [f.message for f in findings if f not in hits]
    recall = {kind: sum(v) / len(v) for kind, v in found.items()}
    print("WRAP planted:", {k: f"{r:.0%}" for k, r in recall.items()})
    assert elsewhere == []
    assert recall["hardwrap"] >= 0.95 and recall["orphan"] >= 0.95
    assert recall["cut"] >= 0.85 and recall["truncate"] >= 0.85


def test_a_sentence_ending_on_a_year_is_closed(jiaokan, tmp_path):
    # "2020." closes an English sentence: the next line's digits do not make it a decimal (5. / 47亿元 do).
    p = tmp_path / "a.txt"
    p.write_text("The economy grew 5.2%, faster than in 2020.\n2021 saw a recovery, and exports rose.\n",
                 encoding="utf-8")
    assert findings_of(check_json(jiaokan, p, extra=("--select", "WRAP")), "WRAP") == []
