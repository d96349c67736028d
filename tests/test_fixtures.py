"""Fixture tests, as in ruff: ``tests/fixtures/<CODE>/<name>.<ext>`` is checked with only that rule
selected (its family for cross-document fixtures) and must give exactly the findings listed in
``<name>.expected``, one ``CODE line:col-line:col`` a line. Set JIAOKAN_UPDATE_FIXTURES=1 to
rewrite the expected files after a deliberate change, then review the diff."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
# A file is checked on its own; a folder is checked as a whole (for cross-document rules).
CASES = sorted(p for p in FIXTURES.glob("*/*") if (p.suffix in (".txt", ".md") and p.is_file()) or p.is_dir())


def _render(findings, base: Path) -> str:
    out = []
    for f in findings:
        where = f"{f['start']['line']}:{f['start']['column']}-{f['end']['line']}:{f['end']['column']}"
        if base.is_dir():
            where = f"{Path(f['path']).name} {where}"
        related = "".join(
            f" ~ {(Path(r['path']).name + ' ') if base.is_dir() else ''}{r['start']['line']}:{r['start']['column']}"
            for r in f["related"])
        out.append(f"{f['code']} {where}{related}\n")
    return "".join(out)


@pytest.mark.parametrize("case", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_fixture(jiaokan, case):
    code = case.parent.name
    r = jiaokan("check", case, "--format", "json", "--isolated", "--select", code, "--no-progress")
    assert r.code in (0, 1), r.err
    got = _render(r.json["findings"], case)
    expected_file = case.parent / (case.stem + ".expected") if case.is_file() else case.parent / (case.name + ".expected")
    if os.environ.get("JIAOKAN_UPDATE_FIXTURES"):
        expected_file.write_text(got, encoding="utf-8")
    assert got == expected_file.read_text(encoding="utf-8")
    assert r.code == (1 if got else 0)
