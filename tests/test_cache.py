"""The results cache: unchanged files are not checked again; any change that matters is a miss."""

from __future__ import annotations

import pickle

import pytest

from jiaokan import Rule, hookimpl
from jiaokan.cache import from_settings
from jiaokan.config import Settings
from jiaokan.registry import Registry
from jiaokan.runner import Engine

CALLS = []


class Counting(Rule):
    """## What it does
    Counts how often it is asked to check a document (test rule)."""

    code = "XCNT001"
    name = "counting"
    options = {"marker": "。"}

    def check(self, document, context):
        CALLS.append(document.path)
        i = document.text.find(self.config["marker"])
        if i >= 0:
            yield self.finding(document, i, i + 1, "marker found")


class Pack:
    @hookimpl
    def jiaokan_rules(self):
        return [Counting]


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch):
    monkeypatch.delenv("JIAOKAN_NO_CACHE", raising=False)
    CALLS.clear()


def _run(root, options=None):
    settings = Settings(root=root, rules={"XCNT001": options or {}})
    engine = Engine(settings, Registry(extra_plugins=[Pack()]), select=["XCNT001"])
    engine.cache = from_settings(engine, True)
    return engine.run([str(root / "docs")])


def _tree(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("第一份。\n", encoding="utf-8")
    (tmp_path / "docs" / "b.txt").write_text("第二份。\n", encoding="utf-8")
    return tmp_path


def test_unchanged_files_come_from_the_cache(tmp_path):
    _tree(tmp_path)
    first = _run(tmp_path)
    assert len(CALLS) == 2 and first.findings
    CALLS.clear()
    second = _run(tmp_path)
    assert CALLS == []
    assert [f.to_json() for f in second.findings] == [f.to_json() for f in first.findings]
    assert (tmp_path / ".jiaokan_cache" / ".gitignore").read_text().endswith("*\n")


def test_an_edited_file_and_changed_options_miss(tmp_path):
    _tree(tmp_path)
    _run(tmp_path)
    CALLS.clear()
    (tmp_path / "docs" / "b.txt").write_text("第二份，改过了。\n", encoding="utf-8")
    _run(tmp_path)
    assert len(CALLS) == 1 and CALLS[0].endswith("b.txt")
    CALLS.clear()
    result = _run(tmp_path, {"marker": "，"})
    assert len(CALLS) == 2
    assert [f.path.rsplit("/", 1)[-1] for f in result.findings] == ["b.txt"]


def test_a_corrupt_entry_is_a_miss_not_an_error(tmp_path):
    _tree(tmp_path)
    _run(tmp_path)
    for entry in (tmp_path / ".jiaokan_cache").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    CALLS.clear()
    result = _run(tmp_path)
    assert len(CALLS) == 2 and len(result.findings) == 2
    for entry in (tmp_path / ".jiaokan_cache").rglob("*.pickle"):
        pickle.loads(entry.read_bytes())  # rewritten whole


def test_no_cache_writes_nothing(jiaokan, tmp_path, monkeypatch):
    monkeypatch.delenv("JIAOKAN_NO_CACHE", raising=False)
    (tmp_path / "a.txt").write_text("这是一段完整的话。\n", encoding="utf-8")
    (tmp_path / "jiaokan.toml").write_text("", encoding="utf-8")
    assert jiaokan("check", "a.txt", "--no-cache", "--select", "WRAP", cwd=tmp_path).code == 0
    assert not (tmp_path / ".jiaokan_cache").exists()
    assert jiaokan("check", "a.txt", "--select", "WRAP", cwd=tmp_path).code == 0
    assert (tmp_path / ".jiaokan_cache").exists()
