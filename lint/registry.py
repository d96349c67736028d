"""Which rules exist, which are enabled, and with which options.

Rule packs are found through the ``jiaokan.rules`` entry-point group (the built-in pack too); the
run plugin manager holds one instance per enabled rule, and the runner calls its hooks.
"""

from __future__ import annotations

import fnmatch
import importlib
import os
import re
import sys
from pathlib import Path
from typing import Any, Iterable

import pluggy

from . import hookspecs
from .diagnostics import ENGINE_RULES
from .errors import ConfigError
from .fsutil import atomic_write, cache_home, file_stamps
from .model import Severity
from .rule import Rule

ENTRY_POINT_GROUP = "jiaokan.rules"
_ENTRY_POINT = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?(\[.*\]\s*)?$")  # importlib.metadata's


def entry_points(group: str) -> list[tuple[str, str]]:
    """The ``(name, value)`` of the entry points in ``group``, in the order importlib.metadata finds
    the distributions (pluggy's ``load_setuptools_entrypoints`` order). Kept in an index file in the
    per-machine cache folder, valid while ``sys.path`` is the same and its folders and the
    entry-point files the index names keep their modification times (installing or removing a
    distribution changes its folder's): importing importlib.metadata alone takes a sixth of a warm
    run over one report."""
    import hashlib
    import json

    folders = [os.path.abspath(p or ".") for p in sys.path]  # ("" is the working folder)
    # One index per interpreter (a run with another sys.path replaces it: no files pile up).
    index = cache_home() / f"entry-points-{hashlib.sha256(f'{sys.executable}|{group}'.encode()).hexdigest()[:16]}.json"
    try:
        saved = json.loads(index.read_text(encoding="utf-8"))
        if saved["stamp"] == file_stamps(folders + saved["files"]):
            return [tuple(ep) for ep in saved["entry_points"]]
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no index yet, or a damaged one: made afresh
    import importlib.metadata

    stamp = file_stamps(folders)  # (taken before the search: an install meanwhile leaves the index stale-stamped)
    found: list[tuple[str, str]] = []
    files: list[str] = []
    for dist in importlib.metadata.distributions():
        mine = [(ep.name, ep.value) for ep in dist.entry_points if ep.group == group]
        if mine:
            found += mine
            located = getattr(dist, "_path", None)  # (a PathDistribution's folder)
            if located is not None:
                files.append(str(Path(located) / "entry_points.txt"))
    try:
        index.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(index, json.dumps({"stamp": stamp + file_stamps(files), "files": files, "entry_points": found}).encode(),
                     durable=False)
    except OSError:
        pass  # an unwritable cache folder: found again next time
    return found


def _load(value: str):
    """The object an entry point's value (``module:attr.attr``) names, as ``EntryPoint.load``."""
    m = _ENTRY_POINT.match(value)
    if not m:
        raise ValueError(f"malformed entry point {value!r}")
    obj = importlib.import_module(m.group("module"))
    for attr in filter(None, (m.group("attr") or "").split(".")):
        obj = getattr(obj, attr)
    return obj


class Registry:
    def __init__(self, extra_plugins: Iterable[object] = (), load_entry_points: bool = True):
        self.pm = pluggy.PluginManager("jiaokan")
        self.pm.add_hookspecs(hookspecs)
        if load_entry_points:
            try:
                for name, value in entry_points(ENTRY_POINT_GROUP):
                    if not (self.pm.get_plugin(name) or self.pm.is_blocked(name)):
                        self.pm.register(_load(value), name=name)
            except Exception as exc:  # a broken third-party pack
                raise ConfigError(f"could not load a rule pack ({ENTRY_POINT_GROUP}): {type(exc).__name__}: {exc}") from None
        if not any(getattr(p, "__name__", "") == "jiaokan.rules" for p in self.pm.get_plugins()):
            # Running from a source tree without installed metadata.
            from jiaokan import rules as builtin

            self.pm.register(builtin, name="builtin")
        for plugin in extra_plugins:
            self.pm.register(plugin)
        self.rules: dict[str, type[Rule]] = {cls.code: cls for cls in ENGINE_RULES}
        for batch in self.pm.hook.jiaokan_rules():
            for cls in batch or ():
                if not (isinstance(cls, type) and issubclass(cls, Rule) and cls.code):
                    raise ConfigError(f"rule pack returned something that is not a jiaokan.Rule: {cls!r}")
                if cls.code in self.rules and self.rules[cls.code] is not cls:
                    raise ConfigError(f"two rules claim the code {cls.code}: {self.rules[cls.code].__module__} and {cls.__module__}")
                self.rules[cls.code] = cls
        self.codes = sorted(self.rules)

    # -- selection --------------------------------------------------------------------------------

    def known_selector(self, selector: str) -> bool:
        return selector == "ALL" or any(code.startswith(selector) for code in self.codes)

    def validate_selectors(self, selectors: Iterable[str], where: str) -> None:
        for sel in selectors:
            if not self.known_selector(sel):
                raise ConfigError(f"unknown rule code or prefix {sel!r} in {where}")

    def enabled_codes(self, select, extend_select, ignore) -> list[str]:
        """ruff's resolution: the most specific matching selector wins; on a tie, ignore wins."""
        out = []
        for code in self.codes:
            best_on = _specificity(code, select) if select is not None else (
                0 if self.rules[code].default_enabled else -1
            )
            best_on = max(best_on, _specificity(code, extend_select))
            best_off = _specificity(code, ignore)
            if best_on >= 0 and best_on > best_off:
                out.append(code)
        return out

    def options_for(self, code: str, rule_options: dict[str, dict[str, Any]]) -> dict[str, Any]:
        """Options of one rule: its defaults, then family-level tables, then its own table."""
        merged: dict[str, Any] = {}
        for key in sorted(rule_options, key=len):
            if code.startswith(key):
                merged.update(rule_options[key])
        return merged

    def validate_rule_options(self, rule_options: dict[str, dict[str, Any]], where: str) -> None:
        for key, table in rule_options.items():
            if not isinstance(table, dict):
                raise ConfigError(f"{where}.{key} must be a table of options")
            matching = [self.rules[c] for c in self.codes if c.startswith(key)]
            if not matching:
                raise ConfigError(f"unknown rule code or prefix {key!r} in {where}")
            for opt, value in table.items():
                owners = [r for r in matching if opt in r.options]
                if not owners:
                    names = sorted({o for r in matching for o in r.options})
                    hint = f" (known: {', '.join(names)})" if names else " (it takes no options)"
                    raise ConfigError(f"unknown option {opt!r} in {where}.{key}{hint}")
                default = owners[0].options[opt]
                if not _type_ok(default, value):
                    raise ConfigError(
                        f"{where}.{key}.{opt} must be {type(default).__name__}, not {type(value).__name__}"
                    )

    def severity_for(self, code: str, overrides: dict[str, str]) -> Severity | None:
        best = None
        for key in sorted(overrides, key=len):
            if code.startswith(key) or key == "ALL":
                best = Severity.parse(overrides[key])
        return best


def _specificity(code: str, selectors) -> int:
    best = -1
    for sel in selectors or ():
        if sel == "ALL":
            best = max(best, 0)
        elif code.startswith(sel):
            best = max(best, len(sel))
    return best


def _type_ok(default, value) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, type(default))


def path_matches(path: str, pattern: str) -> bool:
    """Glob match against a POSIX path, also against its file name (like flake8's per-file-ignores)."""
    return fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path.rsplit("/", 1)[-1], pattern)
