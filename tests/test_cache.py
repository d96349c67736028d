"""The results cache: unchanged files are not checked again; any change that matters is a miss."""

from __future__ import annotations

import pickle

import pytest

from jiaokan import Rule, hookimpl
from jiaokan.cache import from_settings
from jiaokan.config import Settings
from jiaokan.model import Position
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


class CrossCounting(Rule):
    """## What it does
    Reports documents that share their first line, counting its cross-document passes (test rule)."""

    code = "XCNT002"
    name = "cross-counting"

    def collect(self, document, context):
        return document.text.splitlines()[0] if document.text else ""

    def finish(self, summaries, context):
        CALLS.append("finish")
        seen: dict = {}
        for path, first in summaries:
            if first in seen:
                yield self.finding_at(path, Position(1, 1, 0), Position(1, 1 + len(first), len(first)),
                                      f"first line as in {seen[first]}")
            seen.setdefault(first, path)


class Pack:
    @hookimpl
    def jiaokan_rules(self):
        return [Counting, CrossCounting]


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch):
    monkeypatch.delenv("JIAOKAN_NO_CACHE", raising=False)
    CALLS.clear()


def _run(root, options=None):
    settings = Settings(root=root, rules={"XCNT001": options or {}})
    engine = Engine(settings, Registry(extra_plugins=[Pack()]), select=["XCNT"])
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
    assert len(CALLS) == 3 and first.findings  # two documents, one cross-document pass
    CALLS.clear()
    second = _run(tmp_path)
    assert CALLS == []  # neither document nor the cross-document phase ran again
    assert [f.to_json() for f in second.findings] == [f.to_json() for f in first.findings]
    assert (tmp_path / ".jiaokan_cache" / ".gitignore").read_text().endswith("*\n")


def test_an_edited_file_and_changed_options_miss(tmp_path):
    _tree(tmp_path)
    _run(tmp_path)
    CALLS.clear()
    (tmp_path / "docs" / "b.txt").write_text("第二份，改过了。\n", encoding="utf-8")
    _run(tmp_path)
    assert len(CALLS) == 2 and CALLS[0].endswith("b.txt") and CALLS[1] == "finish"
    CALLS.clear()
    result = _run(tmp_path, {"marker": "，"})
    assert len(CALLS) == 3
    assert [f.path.rsplit("/", 1)[-1] for f in result.findings] == ["b.txt"]


def test_a_corrupt_entry_is_a_miss_not_an_error(tmp_path):
    _tree(tmp_path)
    _run(tmp_path)
    for entry in (tmp_path / ".jiaokan_cache").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    CALLS.clear()
    result = _run(tmp_path)
    assert len(CALLS) == 3 and len(result.findings) == 2
    for entry in (tmp_path / ".jiaokan_cache").rglob("*.pickle"):
        pickle.loads(entry.read_bytes())  # rewritten whole


def test_cross_document_findings_come_from_the_cache_until_any_file_changes(tmp_path):
    _tree(tmp_path)
    (tmp_path / "docs" / "c.txt").write_text("第一份。\n另一行\n", encoding="utf-8")
    first = _run(tmp_path)
    cross = [f.to_json() for f in first.findings if f.code == "XCNT002"]
    assert len(cross) == 1 and cross[0]["path"].endswith("c.txt")
    CALLS.clear()
    again = _run(tmp_path)
    assert CALLS == [] and [f.to_json() for f in again.findings] == [f.to_json() for f in first.findings]
    (tmp_path / "docs" / "c.txt").write_text("第三份。\n", encoding="utf-8")
    CALLS.clear()
    changed = _run(tmp_path)
    assert CALLS[-1] == "finish" and not any(f.code == "XCNT002" for f in changed.findings)
    (tmp_path / "docs" / "c.txt").write_text("第一份。\n另一行\n", encoding="utf-8")
    CALLS.clear()
    back = _run(tmp_path)  # back to the first state: both phases from the cache again
    assert CALLS == [] and [f.to_json() for f in back.findings] == [f.to_json() for f in first.findings]


def test_no_cache_writes_nothing(jiaokan, tmp_path, monkeypatch):
    monkeypatch.delenv("JIAOKAN_NO_CACHE", raising=False)
    (tmp_path / "a.txt").write_text("这是一段完整的话。\n", encoding="utf-8")
    (tmp_path / "jiaokan.toml").write_text("", encoding="utf-8")
    assert jiaokan("check", "a.txt", "--no-cache", "--select", "WRAP", cwd=tmp_path).code == 0
    assert not (tmp_path / ".jiaokan_cache").exists()
    assert jiaokan("check", "a.txt", "--select", "WRAP", cwd=tmp_path).code == 0
    assert (tmp_path / ".jiaokan_cache").exists()


MACHINERY = ["rapidfuzz", "pathspec", "jiaokan.rules.num.extract", "jiaokan.rules.num.figures",
             "jiaokan.rules.wrap.analysis"]


def test_a_file_checked_from_the_cache_loads_none_of_the_rules_machinery(tmp_path):
    """Start-up, as a pre-commit hook meets it (one unchanged file): the rules' codes and options
    are loaded, not their machinery (figure extraction, passage alignment, wrap analysis, the
    folder walker's patterns): a checked file does load it."""
    import os
    import subprocess
    import sys

    from conftest import SEED_000

    doc = tmp_path / "report.txt"
    doc.write_text(SEED_000.read_text(encoding="utf-8"), encoding="utf-8")  # (a repeated passage, slips)
    script = ("import sys\nfrom jiaokan.cli import main\n"
              "code = main(['check', sys.argv[1], '--no-progress', '--format', 'concise'])\n"
              "print(sorted(m for m in sys.argv[2:] if m in sys.modules), code)")
    env = {k: v for k, v in os.environ.items() if k != "JIAOKAN_NO_CACHE"}

    def loaded() -> str:
        p = subprocess.run([sys.executable, "-c", script, doc.name, *MACHINERY], cwd=tmp_path, env=env,
                           capture_output=True, text=True, encoding="utf-8", timeout=300)
        assert p.returncode == 0, p.stderr
        return p.stdout.strip().splitlines()[-1]

    assert loaded() == f"{sorted(set(MACHINERY) - {'pathspec'})} 1"  # checked: findings, machinery loaded
    assert (tmp_path / ".jiaokan_cache").is_dir()
    assert loaded() == "[] 1"  # from the cache: the same findings, nothing of the machinery


PACK_MODULE = '''
from jiaokan import Rule, hookimpl

CALLS = []


class Marker(Rule):
    """## What it does
    Finds "。" (test rule in a module of its own)."""

    code = "XMOD001"
    name = "marker"

    def check(self, document, context):
        CALLS.append(document.path)
        return ()


class Pack:
    @hookimpl
    def jiaokan_rules(self):
        return [Marker]
'''


def test_changed_rule_code_misses(tmp_path, monkeypatch):
    """The same version with other code (an upgrade from git, an edited rule pack) checks again:
    the key holds the size and time of the code's files."""
    import importlib
    import os

    _tree(tmp_path)
    module = tmp_path / "xmod_cache_pack.py"
    module.write_text(PACK_MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    pack = importlib.import_module("xmod_cache_pack")

    def run():
        engine = Engine(Settings(root=tmp_path), Registry(extra_plugins=[pack.Pack()]), select=["XMOD"])
        engine.cache = from_settings(engine, True)
        engine.run([str(tmp_path / "docs")])

    run()
    assert len(pack.CALLS) == 2
    run()
    assert len(pack.CALLS) == 2  # from the cache
    st = module.stat()
    os.utime(module, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    run()
    assert len(pack.CALLS) == 4


def test_code_stamp_follows_every_file_but_bytecode(tmp_path):
    from jiaokan.cache import code_stamp

    (tmp_path / "pkg" / "__pycache__").mkdir(parents=True)
    (tmp_path / "pkg" / "a.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "pkg" / "data.toml").write_text("a = 1\n", encoding="utf-8")
    first = code_stamp([tmp_path / "pkg"])
    (tmp_path / "pkg" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    assert code_stamp([tmp_path / "pkg"]) == first
    (tmp_path / "pkg" / "data.toml").write_text("a = 22\n", encoding="utf-8")
    assert code_stamp([tmp_path / "pkg"]) != first
