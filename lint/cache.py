"""The content-hash cache: per file, the per-document findings and the cross-document summaries;
per set of files, the cross-document findings (a re-run over an unchanged corpus skips that phase).

An entry is keyed by the file's bytes, jiaokan's version and code (the size and modification time
of its files, and of the modules of the enabled rules: an upgrade from git keeps the version), the
display path, the enabled rules and their options (with the contents of any data file an option
names), so any change that could change a finding misses the cache. Entries are written atomically;
an unreadable entry is a miss.
"""

from __future__ import annotations

import json
import os
import pickle
import sys
from pathlib import Path

import xxhash

from . import __version__
from .fsutil import atomic_write, file_stamps

FORMAT = 3


def fingerprint(engine) -> str:
    """What, besides a file's bytes and path, decides its per-document results."""
    settings = engine.settings
    parts = {
        "version": __version__,
        "code": code_stamp([Path(__file__).parent], {sys.modules[engine.registry.rules[code].__module__].__file__ or ""
                                                     for code in engine.enabled}),
        "format": FORMAT,
        "enabled": engine.enabled,
        "rules": settings.rules,
        "facts": settings.facts,
        "facts-file": settings.facts_file,
        "severity": settings.severity,
    }
    files = {}
    for value in _strings(parts) + ["facts.toml"]:
        candidate = settings.root / value
        try:
            if candidate.is_file():
                files[value] = xxhash.xxh3_128_hexdigest(candidate.read_bytes())
        except (OSError, ValueError):
            pass
    parts["files"] = files
    return xxhash.xxh3_128_hexdigest(json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str).encode())


def code_stamp(folders: list[Path], files=()) -> str:
    """A digest of the size and modification time of every file below ``folders`` (compiled
    bytecode aside) and of ``files``: the code a run's findings come from."""
    paths = []
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            paths += [os.path.join(dirpath, name) for name in sorted(filenames) if not name.endswith(".pyc")]
    stamps = file_stamps(paths + sorted(f for f in files if f))
    return xxhash.xxh3_128_hexdigest(json.dumps(stamps).encode())


def _strings(obj) -> list[str]:
    if isinstance(obj, str):
        return [obj] if obj and len(obj) < 512 else []
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v)]
    if isinstance(obj, (list, tuple)):
        return [s for v in obj for s in _strings(v)]
    return []


class Cache:
    def __init__(self, folder: Path, run_fingerprint: str):
        self.folder = Path(folder) / f"v{FORMAT}"
        self.run_fingerprint = run_fingerprint
        self.hits = self.misses = 0

    def key(self, doc) -> str | None:
        if not doc.source_bytes_hash:
            return None
        return xxhash.xxh3_128_hexdigest(f"{self.run_fingerprint}\0{doc.path}\0{doc.source_bytes_hash}".encode())

    def _path(self, key: str) -> Path:
        return self.folder / key.removeprefix("run-")[:2] / f"{key}.pickle"

    def get(self, doc):
        key = self.key(doc)
        if key is None:
            return None
        entry = self.get_key(key)
        if entry is None:
            self.misses += 1
        else:
            self.hits += 1
        return entry

    def run_key(self, docs) -> str | None:
        """The key of a whole run's cross-document results: every document's path and bytes."""
        parts = [self.run_fingerprint]
        for doc in docs:
            if not doc.source_bytes_hash:
                return None
            parts.append(f"{doc.path}\0{doc.source_bytes_hash}")
        return "run-" + xxhash.xxh3_128_hexdigest("\n".join(parts).encode())

    def get_key(self, key: str):
        try:
            with open(self._path(key), "rb") as fh:
                return pickle.load(fh)
        except Exception:  # missing, corrupt or foreign: a miss, never an error
            return None

    def put_bytes(self, doc, data: bytes) -> None:
        """Store a document's entry, pickled (as a worker process sends its results)."""
        key = self.key(doc)
        if key is not None:
            self._write(key, data)

    def put_key(self, key: str, entry) -> None:
        try:
            data = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):
            return
        self._write(key, data)

    def _write(self, key: str, data: bytes) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.folder.parent / ".gitignore"
            if not ignore.exists():
                atomic_write(ignore, b"# created by jiaokan\n*\n")
            # Whole or absent (written aside, then renamed), but not fsynced: an entry that a power
            # cut truncates fails to unpickle, which is a miss. A thousand fsyncs would cost seconds.
            atomic_write(path, data, durable=False)
        except OSError:
            pass  # an unwritable cache only costs speed


def from_settings(engine, enabled: bool, folder: str | None = None) -> Cache | None:
    if not enabled or os.environ.get("JIAOKAN_NO_CACHE"):
        return None
    base = Path(folder or engine.settings.cache_dir)
    if not base.is_absolute():
        base = engine.settings.root / base
    return Cache(base, fingerprint(engine))
