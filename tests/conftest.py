from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED_000 = SEEDS / "000_b065b91fc4a37a9b.txt"
SEED_001 = SEEDS / "001_1778f91ec32efe01.txt"
SHARED = REPO.parent / "shared"
GOV = SHARED / "corpus" / "gov-reports"
CSC = SHARED / "csc"
DATA = Path(__file__).resolve().parent / "data"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is beside the repository in CI)")
    return path


class Run:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    @property
    def json(self) -> dict:
        return json.loads(self.out)

    def codes(self) -> list[str]:
        return [f["code"] for f in self.json["findings"]]


@pytest.fixture(autouse=True)
def _no_results_cache(monkeypatch):
    """Tests check rules, not cached results (tests/test_cache.py turns the cache back on)."""
    monkeypatch.setenv("JIAOKAN_NO_CACHE", "1")


@pytest.fixture
def jiaokan(capsys, monkeypatch):
    """Run the CLI in-process: ``jiaokan("check", path, "--format", "json")``."""
    from jiaokan.cli import main

    def run(*args, cwd: Path | None = None) -> Run:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return Run(code, out, err)

    return run


def run_subprocess(*args, cwd=None, env=None) -> Run:
    full_env = dict(os.environ, **(env or {}))
    full_env.pop("JIAOKAN_DEBUG", None)
    p = subprocess.run([sys.executable, "-m", "jiaokan", *map(str, args)], cwd=cwd, env=full_env,
                       capture_output=True, text=True, encoding="utf-8", timeout=300)
    return Run(p.returncode, p.stdout, p.stderr)


def check_json(jiaokan, *paths, extra=()) -> dict:
    r = jiaokan("check", *paths, "--format", "json", "--no-progress", "--isolated", *extra)
    assert r.code in (0, 1), r.err
    return r.json


def findings_of(report: dict, prefix: str = "") -> list[dict]:
    return [f for f in report["findings"] if f["code"].startswith(prefix)]
