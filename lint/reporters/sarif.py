"""SARIF 2.1.0 (the format GitHub code scanning and most CI dashboards read)."""

from __future__ import annotations

import json

from jiaokan import __version__

LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _region(start, end) -> dict:
    # SARIF columns are 1-based and count characters (UTF-16 units by default; we declare code points
    # through `columnKind`).
    return {
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": max(end.column, 1),
        "charOffset": start.offset,
        "charLength": max(end.offset - start.offset, 0),
    }


def render(result, registry, out) -> None:
    used = sorted({f.code for f in result.findings} | set(result.enabled))
    rules = []
    index = {}
    for code in used:
        cls = registry.rules.get(code)
        if cls is None:
            continue
        index[code] = len(rules)
        rules.append({
            "id": code,
            "name": cls.name,
            "shortDescription": {"text": cls.summary() or cls.name},
            "fullDescription": {"text": cls.summary() or cls.name},
            "help": {"text": cls.documentation(), "markdown": cls.documentation()},
            "defaultConfiguration": {"level": LEVEL[cls.severity.value]},
            "properties": {"fixable": cls.fixable},
        })
    results = []
    for f in result.findings:
        r = {
            "ruleId": f.code,
            "level": LEVEL[f.severity.value],
            "message": {"text": f.message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": f.path, "uriBaseId": "%SRCROOT%"},
                    "region": _region(f.start, f.end),
                }
            }],
        }
        if f.code in index:
            r["ruleIndex"] = index[f.code]
        if f.related:
            r["relatedLocations"] = [
                {
                    "id": i,
                    "message": {"text": rel.message},
                    "physicalLocation": {
                        "artifactLocation": {"uri": rel.path, "uriBaseId": "%SRCROOT%"},
                        "region": _region(rel.start, rel.end),
                    },
                }
                for i, rel in enumerate(f.related)
            ]
        if f.fix is not None:
            r["fixes"] = [{
                "description": {"text": f"{f.fix.applicability.value} fix"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": f.path, "uriBaseId": "%SRCROOT%"},
                    "replacements": [
                        {
                            "deletedRegion": {"charOffset": e.start_offset, "charLength": e.end_offset - e.start_offset},
                            "insertedContent": {"text": e.replacement},
                        }
                        for e in f.fix.edits
                    ],
                }],
            }]
        results.append(r)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "jiaokan",
                "version": __version__,
                "informationUri": "https://pypi.org/project/jiaokan/",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    json.dump(log, out, ensure_ascii=False, indent=2)
    out.write("\n")
