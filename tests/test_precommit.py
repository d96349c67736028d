"""The pre-commit hook, run by pre-commit itself in a throw-away git repository.

The hook definition is read from this repository's .pre-commit-hooks.yaml and used as a local
hook; only `language` becomes `system` (calling the jiaokan installed with the tests) so that the
test does not depend on pre-commit building a fresh environment from the package registry.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BROKEN = "党的十八大以来，省总工会认真贯彻落实重要论述，带领全省各级工会在提\n\n升职工获得感的同时，团结动员广大职工。\n"
CLEAN = "这是一段完整的话。\n\n这是另一段完整的话。\n"


def _hook_definition() -> dict:
    import yaml  # pre-commit depends on PyYAML

    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return hook


def _git(repo: Path, *args):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@e", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@e")
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def _precommit_repo(tmp_path: Path) -> Path:
    import yaml

    hook = _hook_definition()
    assert hook["id"] == "jiaokan" and hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "text"] and hook["require_serial"] is True
    jiaokan_cmd = hook["entry"].replace("jiaokan", f"{sys.executable} -m jiaokan", 1)
    local = dict(hook, language="system", entry=jiaokan_cmd)
    repo = tmp_path / "reports"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}, allow_unicode=True), encoding="utf-8")
    return repo


def _run(repo: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PRE_COMMIT_HOME=str(repo.parent / ".pre-commit-home"))
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
                          cwd=repo, capture_output=True, text=True, env=env, timeout=300)


def test_precommit_fails_on_a_defective_file_and_passes_on_a_clean_one(tmp_path):
    repo = _precommit_repo(tmp_path)
    (repo / "report.md").write_text(CLEAN, encoding="utf-8")
    (repo / "notes.txt").write_text(CLEAN, encoding="utf-8")
    _git(repo, "add", "-A")
    ok = _run(repo)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "Passed" in ok.stdout

    (repo / "draft.txt").write_text(BROKEN, encoding="utf-8")
    _git(repo, "add", "-A")
    bad = _run(repo)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout and "draft.txt:1:1: WRAP001" in bad.stdout
