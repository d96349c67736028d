"""Baselines: adopt jiaokan on an archive by recording today's findings and reporting only new ones.

A finding's fingerprint is its code, its file, the text it covers and a few characters around it
(whitespace ignored), never its line number, so editing elsewhere in a file does not bring an old
finding back, while a new occurrence of the same problem is new (entries are counted).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import xxhash

from .errors import UsageError
from .fsutil import atomic_write
from .model import Finding

DEFAULT_FILE = ".jiaokan-baseline.json"
CONTEXT = 12


def _squash(s: str) -> str:
    return "".join(s.split())


def fingerprint(f: Finding, text: str | None) -> str:
    if text is None:
        body = f.message
    else:
        a, b = f.start.offset, f.end.offset
        body = "\x1f".join((_squash(text[max(0, a - CONTEXT * 2) : a])[-CONTEXT:], _squash(text[a:b])[:200],
                            _squash(text[b : b + CONTEXT * 2])[:CONTEXT]))
    return xxhash.xxh3_64_hexdigest(f"{f.code}\x1e{f.path}\x1e{body}".encode())


def fingerprints(result) -> list[tuple[Finding, str]]:
    out = []
    for f in result.findings:
        doc = result.documents.get(f.path)
        out.append((f, fingerprint(f, doc.text if doc is not None else None)))
    return out


def write(path: Path, result, keep: Counter | None = None) -> int:
    """Write the findings of ``result`` (only those in ``keep``, when given) as a baseline."""
    entries: Counter = Counter()
    messages = {}
    for f, fp in fingerprints(result):
        key = (f.path, f.code, fp)
        if keep is not None and entries[key] >= keep.get(key, 0):
            continue
        entries[key] += 1
        messages[key] = f.message
    doc = {
        "version": 1,
        "tool": "jiaokan",
        "findings": [
            {"path": p, "code": c, "fingerprint": fp, "count": n, "message": messages[(p, c, fp)]}
            for (p, c, fp), n in sorted(entries.items())
        ],
    }
    atomic_write(path, (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return sum(entries.values())


def load(path: Path) -> Counter:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Counter({(e["path"], e["code"], e["fingerprint"]): int(e.get("count", 1)) for e in data["findings"]})
    except FileNotFoundError:
        raise UsageError(f"{path}: baseline not found (create it with `jiaokan baseline create`)") from None
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise UsageError(f"{path}: not a jiaokan baseline ({type(exc).__name__})") from None


def filter_new(result, baseline: Counter) -> int:
    """Drop the findings the baseline accounts for; returns how many were dropped."""
    budget = Counter(baseline)
    kept, dropped = [], 0
    for f, fp in fingerprints(result):
        key = (f.path, f.code, fp)
        if budget[key] > 0:
            budget[key] -= 1
            dropped += 1
        else:
            kept.append(f)
    result.findings = kept
    return dropped
