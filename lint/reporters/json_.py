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
    doc = {
        "version": SCHEMA_VERSION,
        "findings": [f.to_json() for f in result.findings],
        "summary": summary(result),
    }
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")
