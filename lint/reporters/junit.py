"""JUnit XML: one test case per checked file, failing with one entry per finding."""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET


def render(result, registry, out) -> None:
    by_path = defaultdict(list)
    for f in result.findings:
        by_path[f.path].append(f)
    paths = sorted(set(result.documents) | set(by_path))
    suites = ET.Element("testsuites", name="jiaokan", tests=str(len(paths)),
                        failures=str(sum(1 for p in paths if by_path[p])))
    suite = ET.SubElement(suites, "testsuite", name="jiaokan", tests=str(len(paths)),
                          failures=str(sum(1 for p in paths if by_path[p])), errors="0")
    for path in paths:
        case = ET.SubElement(suite, "testcase", name=path, classname="jiaokan")
        for f in by_path[path]:
            fail = ET.SubElement(case, "failure", message=f"{f.code} {f.message}", type=f.code)
            fail.text = f"{f.path}:{f.start.line}:{f.start.column}: {f.code} [{f.severity.value}] {f.message}"
    ET.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(suites, encoding="unicode"))
    out.write("\n")
