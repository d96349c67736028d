"""--fix, --unsafe-fixes and --diff: what is written, how, and that fixing is idempotent."""

from __future__ import annotations

import codecs
import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEED_000, check_json, findings_of

BROKEN = "党的十八大以来，省总工会认真贯彻落实重要论述，带领全省各级工会在提\n\n升职工获得感的同时，团结动员广大职工。\n"


def test_fix_joins_the_seed_wraps_and_leaves_nothing_fixable(jiaokan, tmp_path):
    doc = tmp_path / "report.txt"
    shutil.copy(SEED_000, doc)
    before = check_json(jiaokan, doc, extra=("--select", "WRAP"))
    assert findings_of(before, "WRAP001")
    r = jiaokan("check", doc, "--fix", "--select", "WRAP", "--isolated", "--format", "json")
    assert "fixed" in r.err
    after = r.json
    assert [f for f in after["findings"] if f["fix"] and f["fix"]["applicability"] == "safe"] == []
    text = doc.read_text(encoding="utf-8")
    assert "在提升职工获得感" in text and "介绍农村劳动者就业。" in text
    # Only whitespace was removed: the characters of the text are the same.
    strip = lambda s: "".join(s.split())
    assert strip(text) == strip(SEED_000.read_text(encoding="utf-8"))
    # The truncated ending has no fix and is still reported.
    assert [f["code"] for f in after["findings"]] == ["WRAP003"]


def test_fix_keeps_encoding_bom_and_line_endings(jiaokan, tmp_path):
    gb = tmp_path / "gb.txt"
    gb.write_bytes(BROKEN.replace("\n", "\r\n").encode("gb18030"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(codecs.BOM_UTF8 + BROKEN.encode("utf-8"))
    r = jiaokan("check", gb, bom, "--fix", "--isolated")
    assert r.code == 0, r.out + r.err
    data = gb.read_bytes()
    assert data.decode("gb18030") == "党的十八大以来，省总工会认真贯彻落实重要论述，带领全省各级工会在提升职工获得感的同时，团结动员广大职工。\r\n"
    assert bom.read_bytes().startswith(codecs.BOM_UTF8)
    assert not list(tmp_path.glob("*.jiaokan-tmp"))


def test_unsafe_fixes_only_when_asked(jiaokan, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("今年为农民工提供就业服务，组织培训农工民三千人次。\n", encoding="utf-8")
    jiaokan("check", p, "--fix", "--isolated")
    assert "农工民" in p.read_text(encoding="utf-8")
    jiaokan("check", p, "--fix", "--unsafe-fixes", "--isolated")
    assert "培训农民工三千人次" in p.read_text(encoding="utf-8")


def test_diff_prints_and_writes_nothing(jiaokan, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(BROKEN, encoding="utf-8")
    r = jiaokan("check", p, "--diff", "--isolated")
    assert r.code == 1
    assert "-党的十八大以来" in r.out and "+党的十八大以来" in r.out and "在提升职工" in r.out
    assert p.read_text(encoding="utf-8") == BROKEN


def test_a_file_changed_during_the_run_is_not_overwritten(tmp_path):
    from jiaokan.config import Settings
    from jiaokan.fix import apply
    from jiaokan.registry import Registry
    from jiaokan.runner import Engine

    p = tmp_path / "a.txt"
    p.write_text(BROKEN, encoding="utf-8")
    engine = Engine(Settings(root=tmp_path), Registry(), select=["WRAP"])
    result = engine.run([str(p)])
    p.write_text(BROKEN + "新加的一段。\n", encoding="utf-8")  # the editor saved meanwhile
    outcome = apply(result, unsafe=False, write=True)
    assert outcome.stale and not outcome.files
    assert p.read_text(encoding="utf-8").endswith("新加的一段。\n")


PIECES = st.sampled_from([
    "各级工会竭诚服务职工", "，", "。", "\n", "\n\n", "团结动员广大职工", "为高质量发展建功立业",
    "提", "升职工获得感", "关键词：改革", "# 标题", "2.5", "万人次", "省总工会", "会", "农工民", "自已",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=40))
def test_fixing_twice_equals_fixing_once(pieces):
    from jiaokan import Document
    from jiaokan.config import Settings
    from jiaokan.fix import apply_to_text
    from jiaokan.registry import Registry
    from jiaokan.runner import Engine

    engine = _ENGINE.setdefault("e", Engine(Settings(root=__import__("pathlib").Path.cwd()), Registry()))

    def fix(text: str) -> str:
        for _ in range(5):
            findings = engine.check_documents({"d.txt": Document("d.txt", text)})
            new, n, _ = apply_to_text(text, findings, unsafe=True)
            if new == text:
                return text
            text = new
        return text

    once = fix("".join(pieces))
    assert fix(once) == once


_ENGINE: dict = {}
