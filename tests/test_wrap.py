"""WRAP on real text: the seeds and the clean national reports."""

from __future__ import annotations

from conftest import GOV, SEED_000, SEED_001, check_json, findings_of, need


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
