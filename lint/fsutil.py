"""Atomic file writes (a temporary file in the same folder, fsynced, then renamed over the target),
the size and modification time of files, and the per-machine cache folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write(path: Path, data: bytes, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` in one step. ``durable``: fsync the data before the rename,
    so a power cut leaves the old file or the new one (a cache entry can do without)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".jiaokan-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        try:
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        except FileNotFoundError:
            pass
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def cache_home() -> Path:
    """The per-machine cache folder (``$JIAOKAN_CACHE_HOME``, else ``$XDG_CACHE_HOME/jiaokan``, else
    ``~/.cache/jiaokan``): the lexicon store and the index of installed rule packs."""
    base = os.environ.get("JIAOKAN_CACHE_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "jiaokan")
    return Path(base)


def file_stamps(paths) -> list[list]:
    """``[path, size, modification time in ns]`` of each of ``paths`` (``[path, None, None]`` where
    it is missing): what tells that a file changed without reading it."""
    out: list[list] = []
    for p in paths:
        try:
            st = os.stat(p)
        except OSError:
            out.append([p, None, None])
        else:
            out.append([p, st.st_size, st.st_mtime_ns])
    return out
