"""Configuration: ``jiaokan.toml`` / ``.jiaokan.toml`` (top-level keys) or ``[tool.jiaokan]`` in
``pyproject.toml``, found upward from the checked paths. Unknown keys are errors."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from .errors import ConfigError

DEFAULT_INCLUDE = ["*.txt", "*.md", "*.markdown"]

# key -> expected python type
KEYS: dict[str, type] = {
    "select": list,
    "extend-select": list,
    "ignore": list,
    "extend-ignore": list,
    "per-file-ignores": dict,
    "severity": dict,
    "include": list,
    "exclude": list,
    "extend-exclude": list,
    "respect-gitignore": bool,
    "rules": dict,
    "facts": dict,
    "facts-file": str,
    "cache-dir": str,
}


@dataclass
class Settings:
    root: Path
    config_path: Path | None = None
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    extend_exclude: list[str] = field(default_factory=list)
    respect_gitignore: bool = True
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    facts_file: str | None = None
    cache_dir: str = ".jiaokan_cache"

    @property
    def where(self) -> str:
        if self.config_path is None:
            return "the command line"
        return str(self.config_path)


def find_config(start: Path) -> Path | None:
    start = start.resolve()
    if start.is_file():
        start = start.parent
    for folder in [start, *start.parents]:
        for name in ("jiaokan.toml", ".jiaokan.toml"):
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except OSError:
                continue
            except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"{pyproject}: invalid TOML: {exc}") from None
            if "jiaokan" in data.get("tool", {}):
                return pyproject
    return None


def load(path: Path | None, root: Path | None = None) -> Settings:
    if path is None:
        return Settings(root=(root or Path.cwd()).resolve())
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    prefix = ""
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("jiaokan", {})
        prefix = "tool.jiaokan."
    settings = Settings(root=path.parent.resolve(), config_path=path)
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(f"{path}: unknown key {prefix}{key!r} (known: {', '.join(sorted(KEYS))})")
        want = KEYS[key]
        if not isinstance(value, want):
            raise ConfigError(f"{path}: {prefix}{key} must be a {want.__name__}, not {type(value).__name__}")
        if want is list and not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: {prefix}{key} must be a list of strings")
        setattr(settings, key.replace("-", "_"), value)
    for pattern, codes in settings.per_file_ignores.items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise ConfigError(f"{path}: {prefix}per-file-ignores.{pattern!r} must be a list of codes")
    for code, level in settings.severity.items():
        if level not in ("error", "warning", "info"):
            raise ConfigError(f"{path}: {prefix}severity.{code} must be error, warning or info, not {level!r}")
    settings.ignore = list(settings.ignore) + list(data.get("extend-ignore", []))
    return settings
