"""The command-line contract: formats, exit codes, selection, bad input."""

from __future__ import annotations

import codecs
import json
import re

import jsonschema
import pytest

from conftest import DATA, SEED_000, SEED_001, check_json, run_subprocess

BROKEN = "党的十八大以来，省总工会认真贯彻落实重要论述，带领全省各级工会在提\n\n升职工获得感的同时，团结动员广大职工。\n"
CLEAN = "这是一段完整的话。\n\n这是另一段完整的话。\n"


def test_json_report_matches_the_contract(jiaokan):
    r = jiaokan("check", SEED_000, "--format", "json", "--isolated")
    assert r.code == 1
    report = r.json
    jsonschema.validate(report, json.loads((DATA / "report.schema.json").read_text()))
    text = SEED_000.read_text(encoding="utf-8")
    for f in report["findings"]:
        # Offsets are code points of the decoded text and agree with line/column.
        lines = text.split("\n")
        assert sum(len(l) + 1 for l in lines[: f["start"]["line"] - 1]) + f["start"]["column"] - 1 == f["start"]["offset"]
        assert f["start"]["offset"] <= f["end"]["offset"]
    assert report["summary"]["findings"] == len(report["findings"])


def test_sarif_is_valid_sarif_2_1_0(jiaokan):
    r = jiaokan("check", SEED_000, "--format", "sarif", "--isolated")
    assert r.code == 1
    log = json.loads(r.out)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    assert results and all(res["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for res in results)
    assert any("relatedLocations" in res for res in results)
    rule_ids = {rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert {res["ruleId"] for res in results} <= rule_ids


def test_github_and_concise_and_junit_formats(jiaokan):
    r = jiaokan("check", SEED_000, "--format", "github", "--isolated")
    assert r.code == 1
    lines = r.out.strip().splitlines()
    assert all(re.match(r"^::(warning|error|notice) file=.+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=.+::.+", l) for l in lines)
    r = jiaokan("check", SEED_000, "--format", "concise", "--isolated")
    assert re.search(r"000_b065b91fc4a37a9b\.txt:\d+:\d+: WRAP001", r.out)
    r = jiaokan("check", SEED_000, SEED_001, "--format", "junit", "--isolated")
    from xml.etree import ElementTree as ET

    root = ET.fromstring(r.out)
    cases = root.findall(".//testcase")
    assert len(cases) == 2 and len(root.findall(".//failure")) >= 1


def test_rich_output_shows_snippet_carets_related_and_fix(jiaokan, tmp_path):
    p = tmp_path / "broken.txt"
    p.write_text(BROKEN, encoding="utf-8")
    r = jiaokan("check", p, "--isolated")
    assert r.code == 1
    assert "WRAP001" in r.out and "related:" in r.out and "fix (safe)" in r.out
    # Carets are measured in terminal cells: each CJK character takes two.
    caret_line = next(l for l in r.out.splitlines() if "^" in l)
    assert caret_line.count("^") >= 2 * 10


def test_exit_codes(jiaokan, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_text(BROKEN, encoding="utf-8")
    for fmt in ("rich", "concise", "json", "sarif", "github", "junit"):
        assert jiaokan("check", clean, "--format", fmt, "--isolated").code == 0
        assert jiaokan("check", broken, "--format", fmt, "--isolated").code == 1
        assert jiaokan("check", tmp_path / "missing.txt", "--format", fmt).code == 2
    assert jiaokan("check", broken, "--exit-zero", "--isolated").code == 0


def test_usage_error_is_exit_2_without_traceback(tmp_path):
    r = run_subprocess("check", "--format", "nope", tmp_path)
    assert r.code == 2 and "Traceback" not in r.err
    r = run_subprocess("check", tmp_path / "missing.md")
    assert r.code == 2
    assert r.err.strip() == f"jiaokan: error: {tmp_path / 'missing.md'}: no such file or directory"


def test_select_and_ignore_by_code_and_prefix(jiaokan):
    all_codes = set(check_json(jiaokan, SEED_000)["findings"][i]["code"] for i in range(3))
    assert all_codes
    only = check_json(jiaokan, SEED_000, extra=("--select", "WRAP002"))
    assert {f["code"] for f in only["findings"]} == {"WRAP002"}
    none = check_json(jiaokan, SEED_000, extra=("--ignore", "WRAP"))
    assert not [f for f in none["findings"] if f["code"].startswith("WRAP")]
    # The more specific selector wins, as in ruff.
    mixed = check_json(jiaokan, SEED_000, extra=("--ignore", "WRAP", "--extend-select", "WRAP003"))
    assert {f["code"] for f in mixed["findings"] if f["code"].startswith("WRAP")} == {"WRAP003"}
    assert jiaokan("check", SEED_000, "--select", "NOPE9").code == 2


def test_statistics_and_output_file(jiaokan, tmp_path):
    r = jiaokan("check", SEED_000, "--statistics", "--isolated")
    assert re.search(r"^\s+\d+\tWRAP001\t\[\*\] broken-wrap$", r.out, re.M)
    out = tmp_path / "report.json"
    r = jiaokan("check", SEED_000, "--format", "json", "--output-file", out, "--isolated")
    assert r.code == 1 and r.out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == 1
    assert not list(tmp_path.glob("*.jiaokan-tmp"))


def test_rules_and_rule_commands(jiaokan):
    r = jiaokan("rules", "--format", "json")
    rules = {x["code"]: x for x in json.loads(r.out)}
    assert {"WRAP001", "WRAP002", "WRAP003", "JK001"} <= set(rules)
    assert rules["WRAP001"]["fixable"] and rules["WRAP001"]["summary"]
    r = jiaokan("rule", "wrap001")
    assert r.code == 0 and "## What it does" in r.out and "## Why is this bad?" in r.out and "## Example" in r.out
    assert jiaokan("rule", "XYZ001").code == 2


def test_version_and_default_command(tmp_path):
    r = run_subprocess("--version")
    assert r.code == 0 and r.out.startswith("jiaokan ")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    r = run_subprocess(cwd=tmp_path)  # `jiaokan` alone checks `.`
    assert r.code == 0, r.err


# -- bad input ---------------------------------------------------------------------------------------


def test_binary_file_is_skipped_with_a_message(jiaokan, tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "ok.txt").write_text(CLEAN, encoding="utf-8")
    r = jiaokan("check", tmp_path, "--format", "json", "--isolated")
    assert r.code == 0
    assert "image.txt: skipped (binary file)" in r.err
    assert r.json["summary"]["skipped"][0]["reason"] == "binary file"


def test_invalid_utf8_alone_is_exit_2_with_one_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("中文".encode() + b"\xff\xfe\xfd\xfc" + "更多".encode())
    r = run_subprocess("check", bad, "--isolated")
    assert r.code == 2 and "Traceback" not in r.err
    assert len(r.err.strip().splitlines()) == 1 and "bad.txt" in r.err and "not valid UTF-8" in r.err


def test_invalid_utf8_among_good_files_is_an_error_finding(jiaokan, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"abc \x80\x80\x80 def")
    (tmp_path / "ok.txt").write_text(CLEAN, encoding="utf-8")
    r = jiaokan("check", tmp_path, "--format", "json", "--isolated")
    assert r.code == 1
    [f] = r.json["findings"]
    assert f["code"] == "JK001" and f["severity"] == "error" and f["path"].endswith("bad.txt")


@pytest.mark.parametrize("encoding, bom", [("gb18030", b""), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-8", codecs.BOM_UTF8)])
def test_other_encodings_are_checked_like_utf8(jiaokan, tmp_path, encoding, bom):
    p = tmp_path / "doc.txt"
    p.write_bytes(bom + BROKEN.encode(encoding))
    r = jiaokan("check", p, "--format", "json", "--isolated")
    assert r.code == 1
    [f] = r.json["findings"]
    assert f["code"] == "WRAP001" and f["start"]["line"] == 1 and f["start"]["offset"] == 0


def test_crlf_file_offsets_count_the_carriage_return(jiaokan, tmp_path):
    p = tmp_path / "crlf.txt"
    text = BROKEN.replace("\n", "\r\n")
    p.write_bytes(text.encode("utf-8"))
    [f] = check_json(jiaokan, p)["findings"]
    edit = f["fix"]["edits"][0]
    assert text[edit["start_offset"]:edit["end_offset"]] == "\r\n\r\n"
    assert f["end"]["line"] == 3


def test_empty_file_gives_nothing(jiaokan, tmp_path):
    p = tmp_path / "empty.md"
    p.write_bytes(b"")
    r = jiaokan("check", p, "--format", "json", "--isolated")
    assert r.code == 0 and r.json["findings"] == [] and r.json["summary"]["files_checked"] == 1
