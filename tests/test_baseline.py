"""Baselines: only new findings are reported; edits elsewhere do not resurrect old ones."""

from __future__ import annotations

import json

from conftest import SEED_000

BROKEN = "党的十八大以来，省总工会认真贯彻落实重要论述，带领全省各级工会在提\n\n升职工获得感的同时，团结动员广大职工。\n"


def test_baseline_hides_old_findings_and_survives_edits_elsewhere(jiaokan, tmp_path):
    doc = tmp_path / "report.txt"
    doc.write_text(SEED_000.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "jiaokan.toml").write_text("", encoding="utf-8")
    r = jiaokan("baseline", "create", "report.txt", cwd=tmp_path)
    assert r.code == 0 and "recorded" in r.err
    data = json.loads((tmp_path / ".jiaokan-baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and all(e["fingerprint"] and e["count"] >= 1 for e in data["findings"])
    assert all(set(e) == {"path", "code", "fingerprint", "count", "message"} for e in data["findings"])
    assert jiaokan("check", "report.txt", "--baseline", ".jiaokan-baseline.json", cwd=tmp_path).code == 0

    # Insert a paragraph at the top: every old finding moves, none comes back.
    doc.write_text("新增的一段完整的话。\n\n" + doc.read_text(encoding="utf-8"), encoding="utf-8")
    r = jiaokan("check", "report.txt", "--baseline", ".jiaokan-baseline.json", "--format", "json", cwd=tmp_path)
    assert r.code == 0, r.out

    # A new problem is new.
    doc.write_text(doc.read_text(encoding="utf-8") + "\n" + BROKEN, encoding="utf-8")
    r = jiaokan("check", "report.txt", "--baseline", ".jiaokan-baseline.json", "--format", "json", cwd=tmp_path)
    assert r.code == 1 and [f["code"] for f in r.json["findings"]] == ["WRAP001"]


def test_baseline_update_prunes_fixed_findings(jiaokan, tmp_path):
    (tmp_path / "jiaokan.toml").write_text("", encoding="utf-8")
    (tmp_path / "a.txt").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BROKEN, encoding="utf-8")
    jiaokan("baseline", "create", ".", cwd=tmp_path)
    before = json.loads((tmp_path / ".jiaokan-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert len(before) == 2
    jiaokan("check", "b.txt", "--fix", cwd=tmp_path)
    r = jiaokan("baseline", "update", ".", cwd=tmp_path)
    assert "1 kept, 1 fixed and pruned" in r.err
    after = json.loads((tmp_path / ".jiaokan-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert [e["path"] for e in after] == ["a.txt"]


def test_bad_baseline_is_exit_2(jiaokan, tmp_path):
    (tmp_path / "a.txt").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    r = jiaokan("check", tmp_path / "a.txt", "--baseline", tmp_path / "bad.json", "--isolated")
    assert r.code == 2 and "not a jiaokan baseline" in r.err
    r = jiaokan("check", tmp_path / "a.txt", "--baseline", tmp_path / "missing.json", "--isolated")
    assert r.code == 2 and "baseline not found" in r.err
