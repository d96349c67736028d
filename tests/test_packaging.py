"""The tests run against the installed (non-editable) wheel, which ships only `jiaokan`."""

from __future__ import annotations

import importlib.metadata as md
from pathlib import Path

import jiaokan
from conftest import REPO


def test_installed_from_a_wheel_not_the_source_tree():
    installed = Path(jiaokan.__file__).resolve()
    assert "site-packages" in installed.parts, f"jiaokan imported from outside an installation: {installed}"
    assert not (REPO / "lint") in installed.parents and not (REPO / "rules") in installed.parents
    assert installed.parent.name == "jiaokan" and (installed.parent / "rules" / "wrap").is_dir()


def test_no_bare_lint_or_rules_top_level_names():
    files = md.distribution("jiaokan").files
    tops = {str(f).split("/")[0] for f in files if not str(f).startswith("..")}
    tops = {t for t in tops if not t.endswith((".dist-info", ".data"))}
    assert tops == {"jiaokan"}, tops


def test_builtin_rules_register_through_the_entry_point():
    eps = md.entry_points(group="jiaokan.rules")
    assert any(ep.value == "jiaokan.rules" for ep in eps)
