"""A third-party rule pack, installed only as entry-point metadata, runs without engine changes."""

from __future__ import annotations

import textwrap

from conftest import run_subprocess

PACK = textwrap.dedent('''
    from jiaokan import Rule, Severity, hookimpl


    class NoExclamation(Rule):
        """## What it does
        Finds “！” in official reports.

        ## Why is this bad?
        House style.

        ## Example
        ```text
        成绩很好！
        ```
        """

        code = "XMPL001"
        name = "no-exclamation"
        severity = Severity.INFO

        def check(self, document, context):
            start = 0
            while (i := document.text.find("！", start)) >= 0:
                yield self.finding(document, i, i + 1, "exclamation mark in a report")
                start = i + 1


    class Crashes(Rule):
        """## What it does
        Always raises (tests that a broken rule does not stop the run)."""

        code = "XMPL999"
        name = "always-crashes"
        default_enabled = False

        def check(self, document, context):
            raise RuntimeError("boom")


    @hookimpl
    def jiaokan_rules():
        return [NoExclamation, Crashes]
''')


def _install_pack(tmp_path):
    site = tmp_path / "site"
    (site / "xmpl_pack").mkdir(parents=True)
    (site / "xmpl_pack" / "__init__.py").write_text(PACK, encoding="utf-8")
    dist = site / "xmpl_pack-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: xmpl-pack\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[jiaokan.rules]\nxmpl = xmpl_pack\n", encoding="utf-8")
    return {"PYTHONPATH": str(site)}


def test_entry_point_rule_pack_is_loaded_and_runs(tmp_path):
    env = _install_pack(tmp_path)
    doc = tmp_path / "a.txt"
    doc.write_text("今年成绩很好！\n", encoding="utf-8")
    r = run_subprocess("check", doc, "--format", "json", "--isolated", env=env)
    assert r.code == 1, r.err
    [f] = r.json["findings"]
    assert (f["code"], f["rule"], f["severity"], f["start"]["column"]) == ("XMPL001", "no-exclamation", "info", 7)
    r = run_subprocess("rule", "XMPL001", env=env)
    assert "Finds “！” in official reports." in r.out
    # Without the pack the code is unknown: selection is validated against what is installed.
    assert run_subprocess("check", doc, "--select", "XMPL001", "--isolated").code == 2


def test_a_crashing_rule_becomes_an_error_finding(tmp_path):
    env = _install_pack(tmp_path)
    doc = tmp_path / "a.txt"
    doc.write_text("今年成绩很好！\n", encoding="utf-8")
    r = run_subprocess("check", doc, "--format", "json", "--isolated", "--extend-select", "XMPL999", env=env)
    assert r.code == 1 and "Traceback" not in r.err
    codes = sorted(f["code"] for f in r.json["findings"])
    assert codes == ["JK002", "XMPL001"]
    crash = next(f for f in r.json["findings"] if f["code"] == "JK002")
    assert "XMPL999 crashed: RuntimeError: boom" in crash["message"]


def test_every_enabled_rule_implements_the_three_rule_hooks():
    """The run's plugin manager looks only at ``jiaokan_*`` attributes of the rules: each rule still
    implements the document, summary and run hooks, and nothing else."""
    from pathlib import Path

    from jiaokan.config import Settings
    from jiaokan.registry import Registry
    from jiaokan.runner import Engine

    engine = Engine(Settings(root=Path.cwd()), Registry())
    assert len(engine.enabled) >= 13
    for code in engine.enabled:
        rule = engine.pm.get_plugin(code)
        hooks = sorted(caller.name for caller in engine.pm.get_hookcallers(rule))
        assert hooks == ["jiaokan_check_document", "jiaokan_check_run", "jiaokan_collect_document"], code


def _registry_codes(env: dict) -> tuple[list[str], bool]:
    """The rule codes a fresh process's Registry finds, and whether it imported importlib.metadata."""
    import json
    import os
    import subprocess
    import sys

    code = ("import sys, json; from jiaokan.registry import Registry; r = Registry(); "
            "print(json.dumps([sorted(r.rules), 'importlib.metadata' in sys.modules]))")
    p = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, **env), capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == 0, p.stderr
    return tuple(json.loads(p.stdout))


def test_rule_packs_are_found_from_an_index_that_installs_and_removals_refresh(tmp_path):
    """The second run takes the rule packs from the index (importlib.metadata is not imported); a
    pack installed into a folder on sys.path afterwards, or removed, is seen at once."""
    import shutil

    env = _install_pack(tmp_path)
    dist = tmp_path / "site" / "xmpl_pack-0.1.dist-info"
    aside = tmp_path / "aside.dist-info"
    dist.rename(aside)  # the folder is on sys.path, the pack not installed yet
    env["JIAOKAN_CACHE_HOME"] = str(tmp_path / "cache")
    codes, scanned = _registry_codes(env)
    assert scanned and "TYPO001" in codes and "XMPL001" not in codes
    assert list((tmp_path / "cache").glob("entry-points-*.json"))
    codes, scanned = _registry_codes(env)
    assert not scanned and "TYPO001" in codes and "XMPL001" not in codes
    aside.rename(dist)  # installed
    codes, scanned = _registry_codes(env)
    assert scanned and "XMPL001" in codes
    codes, scanned = _registry_codes(env)
    assert not scanned and "XMPL001" in codes
    shutil.rmtree(dist)  # removed
    codes, scanned = _registry_codes(env)
    assert "XMPL001" not in codes and "TYPO001" in codes


def test_a_damaged_or_unwritable_rule_pack_index_is_no_error(tmp_path):
    env = {"JIAOKAN_CACHE_HOME": str(tmp_path)}
    codes, _ = _registry_codes(env)
    [index] = tmp_path.glob("entry-points-*.json")
    index.write_text('{"stamp": [1, 2', encoding="utf-8")
    again, scanned = _registry_codes(env)
    assert scanned and again == codes and "TYPO001" in codes
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    codes, scanned = _registry_codes({"JIAOKAN_CACHE_HOME": str(blocker / "sub")})
    assert scanned and "TYPO001" in codes
