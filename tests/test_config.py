"""Configuration files, per-file ignores, severities, rule options and inline suppression."""

from __future__ import annotations

from conftest import check_json

BROKEN = "党的十八大以来，省总工会认真贯彻落实重要论述，带领全省各级工会在提\n\n升职工获得感的同时，团结动员广大职工。\n"


def _tree(tmp_path, config_name="jiaokan.toml", config=""):
    (tmp_path / config_name).write_text(config, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def test_jiaokan_toml_ignore_and_severity(jiaokan, tmp_path):
    _tree(tmp_path, config='severity = { WRAP001 = "error" }\n')
    r = jiaokan("check", "docs", "--format", "json", cwd=tmp_path)
    assert [f["severity"] for f in r.json["findings"]] == ["error"]
    (tmp_path / "jiaokan.toml").write_text('ignore = ["WRAP"]\n', encoding="utf-8")
    assert jiaokan("check", "docs", cwd=tmp_path).code == 0


def test_pyproject_tool_table_is_found_upward(jiaokan, tmp_path):
    _tree(tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.jiaokan]\nextend-exclude = ["docs/a.txt"]\n')
    r = jiaokan("check", tmp_path / "docs", "--format", "json")
    assert r.code == 0 and r.json["summary"]["files_checked"] == 0


def test_per_file_ignores(jiaokan, tmp_path):
    _tree(tmp_path, config='[per-file-ignores]\n"docs/*.txt" = ["WRAP001"]\n')
    assert jiaokan("check", "docs", cwd=tmp_path).code == 0


def test_unknown_key_code_and_option_are_config_errors(jiaokan, tmp_path):
    _tree(tmp_path, config='selekt = ["WRAP"]\n')
    r = jiaokan("check", "docs", cwd=tmp_path)
    assert r.code == 2 and "unknown key 'selekt'" in r.err
    (tmp_path / "jiaokan.toml").write_text('select = ["WRAP009X"]\n', encoding="utf-8")
    r = jiaokan("check", "docs", cwd=tmp_path)
    assert r.code == 2 and "unknown rule code or prefix 'WRAP009X'" in r.err and "select" in r.err
    (tmp_path / "jiaokan.toml").write_text('[rules.WRAP001]\nbogus = 1\n', encoding="utf-8")
    r = jiaokan("check", "docs", cwd=tmp_path)
    assert r.code == 2 and "unknown option 'bogus'" in r.err
    (tmp_path / "jiaokan.toml").write_text('select = [\n', encoding="utf-8")
    r = jiaokan("check", "docs", cwd=tmp_path)
    assert r.code == 2 and "invalid TOML" in r.err


def test_gitignore_and_exclude_are_respected(jiaokan, tmp_path):
    _tree(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "b.md").write_text(BROKEN, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (tmp_path / "jiaokan.toml").write_text('exclude = ["docs/"]\n', encoding="utf-8")
    r = jiaokan("check", ".", "--format", "json", cwd=tmp_path)
    assert r.code == 0 and r.json["summary"]["files_checked"] == 0
    (tmp_path / "jiaokan.toml").write_text('respect-gitignore = false\n', encoding="utf-8")
    r = jiaokan("check", ".", "--format", "json", cwd=tmp_path)
    assert {f["path"] for f in r.json["findings"]} == {"docs/a.txt", "drafts/b.md"}


def test_markdown_suppression_comments(jiaokan, tmp_path):
    p = tmp_path / "a.md"
    p.write_text("<!-- jiaokan: ignore WRAP001 -->\n" + BROKEN, encoding="utf-8")
    assert check_json(jiaokan, p)["findings"] == []
    p.write_text("<!-- jiaokan: disable WRAP -->\n" + BROKEN + "<!-- jiaokan: enable WRAP -->\n\n" + BROKEN, encoding="utf-8")
    findings = check_json(jiaokan, p)["findings"]
    assert [f["start"]["line"] for f in findings] == [7]


def test_plain_text_suppression_and_unused_report(jiaokan, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("jiaokan: ignore-next-line WRAP001\n" + BROKEN, encoding="utf-8")
    assert check_json(jiaokan, p)["findings"] == []
    p.write_text("jiaokan: ignore-next-line WRAP002\n" + "这是一段完整的话。\n", encoding="utf-8")
    r = check_json(jiaokan, p, extra=("--report-unused-ignores",))
    [f] = r["findings"]
    assert f["code"] == "JK100" and f["start"]["line"] == 1 and f["fix"]["applicability"] == "safe"
    # Without the flag, nothing.
    assert check_json(jiaokan, p)["findings"] == []


def test_readme_configuration_examples_are_valid(jiaokan, tmp_path):
    """The TOML blocks of README.md that configure jiaokan are accepted as they stand."""
    import re

    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```toml\n(.*?)```", readme, re.S) if "[tool.jiaokan" in b]
    assert len(blocks) >= 2
    (tmp_path / "words.txt").write_text("郎晶晶\n", encoding="utf-8")
    (tmp_path / "boilerplate.txt").write_text("一段公认的套话。\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("这是一段完整的话。\n", encoding="utf-8")
    for block in blocks:
        (tmp_path / "pyproject.toml").write_text(block, encoding="utf-8")
        r = jiaokan("check", "a.txt", cwd=tmp_path)
        assert r.code in (0, 1), r.err
    facts = next(b for b in re.findall(r"```toml\n(.*?)```", readme, re.S) if "value =" in b and "[tool" not in b)
    (tmp_path / "pyproject.toml").write_text("[tool.jiaokan]\n", encoding="utf-8")
    (tmp_path / "facts.toml").write_text(facts, encoding="utf-8")
    assert jiaokan("check", "a.txt", "--select", "NUM003", cwd=tmp_path).code == 0
