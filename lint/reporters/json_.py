from __future__ import annotations

import json
from collections import Counter

SCHEMA_VERSION = 1


def summary(result) -> dict:
    findings = result.findings
    return {
        "files_checked": result.files_checked,
        "findings": len(findings),
        "by_code": dict(sorted(Counter(f.code for f in findings).items())),
        "by_severity": dict(sorted(Counter(f.severity.value for f in findings).items())),
        "fixable": sum(1 for f in findings if f.fix is not None),
        "skipped": [{"path": p, "reason": r} for p, r in result.skipped],
        "errors": [{"path": p, "reason": r} for p, r in result.errors],
    }


def render(result, registry, out) -> None:
    """One finding per line: readable, diffable, and written by the json module's C encoder (which
    an indented layout would not use: ten times slower for a large run's thousands of findings)."""
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    out.write(f'{{"version": {SCHEMA_VERSION},\n "findings": [')
    for i, f in enumerate(result.findings):
        out.write(("\n  " if i == 0 else ",\n  ") + dumps(f.to_json()))
    out.write("\n ],\n" if result.findings else "],\n")
    out.write(f' "summary": {dumps(summary(result))}}}\n')
