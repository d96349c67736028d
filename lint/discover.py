"""Which files a run checks: the given paths, directories walked, minus excludes and ignored files."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Settings
from .errors import UsageError

if TYPE_CHECKING:
    import pathspec

# Never walked into (ruff and black skip the same kind of folders).
DEFAULT_EXCLUDE = [
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__",
    ".mypy_cache", ".pytest_cache", ".ruff_cache", ".jiaokan_cache", "site-packages", "build", "dist",
]


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    explicit: set[Path] = field(default_factory=set)


def _spec(patterns) -> pathspec.GitIgnoreSpec:
    import pathspec  # (imported when needed: a run over named files, with no excludes, never is)

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def discover(paths: list[str], settings: Settings) -> Discovery:
    root = settings.root
    patterns = list(settings.exclude) + list(settings.extend_exclude)
    exclude = _spec(patterns) if patterns else None
    include = None  # made for the first folder walked
    out = Discovery()
    seen: set[Path] = set()

    def rel(p: Path) -> str:
        try:
            return p.resolve().relative_to(root).as_posix()
        except ValueError:
            return p.name

    def excluded(p: Path, is_dir: bool) -> bool:
        if exclude is None:
            return False
        r = rel(p)
        if is_dir:
            r += "/"
        return exclude.match_file(r)

    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise UsageError(f"{raw}: no such file or directory")
        if p.is_file():
            if excluded(p, False):
                continue
            rp = p.resolve()
            if rp not in seen:
                seen.add(rp)
                out.files.append(p)
                out.explicit.add(p)
            continue
        gitignores: list[tuple[Path, pathspec.GitIgnoreSpec]] = []
        if include is None:
            include = _spec(settings.include)
        for dirpath, dirnames, filenames in os.walk(p):
            d = Path(dirpath)
            if settings.respect_gitignore and ".gitignore" in filenames:
                try:
                    lines = (d / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
                    gitignores.append((d, _spec(lines)))
                except OSError:
                    pass

            def ignored(child: Path, is_dir: bool) -> bool:
                for base, spec in gitignores:
                    try:
                        r = child.relative_to(base).as_posix()
                    except ValueError:
                        continue
                    if spec.match_file(r + ("/" if is_dir else "")):
                        return True
                return False

            keep = []
            for name in sorted(dirnames):
                child = d / name
                if name in DEFAULT_EXCLUDE or name.startswith(".") and name not in (".", ".."):
                    continue
                if excluded(child, True) or ignored(child, True) or child.is_symlink():
                    continue
                keep.append(name)
            dirnames[:] = keep
            for name in sorted(filenames):
                child = d / name
                if not include.match_file(name) or excluded(child, False) or ignored(child, False):
                    continue
                rp = child.resolve()
                if rp not in seen:
                    seen.add(rp)
                    out.files.append(child)
    return out


def display_path(p: Path) -> str:
    resolved = p.resolve()
    try:
        return resolved.relative_to(_resolved_cwd(os.getcwd())).as_posix()
    except ValueError:
        return resolved.as_posix()


@lru_cache(maxsize=8)
def _resolved_cwd(cwd: str) -> Path:
    return Path(cwd).resolve()
