"""Inline suppression comments.

Markdown / HTML form (same line, or alone on the line before)::

    <!-- jiaokan: ignore WRAP001 -->
    <!-- jiaokan: disable DUP -->  …  <!-- jiaokan: enable DUP -->

Plain-text form, alone on a line (for .txt files that have no comments)::

    jiaokan: ignore-next-line TYPO004
    jiaokan: disable NUM  …  jiaokan: enable NUM

Codes may be full codes or prefixes; no code means every rule. Directive lines are skipped by the
rules themselves, so they never produce findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

_DIRECTIVE = r"jiaokan:\s*(?P<verb>ignore-next-line|ignore|disable|enable)(?P<codes>(?:[\s,]+[A-Za-z]+[0-9]*)*)\s*"
DIRECTIVE_LINE = regex.compile(r"^\s*(?:<!--\s*" + _DIRECTIVE + r"-->|" + _DIRECTIVE + r")\s*$")
INLINE_COMMENT = regex.compile(r"<!--\s*" + _DIRECTIVE + r"-->")


def _codes(raw: str) -> tuple[str, ...]:
    return tuple(c.upper() for c in regex.split(r"[\s,]+", raw.strip()) if c)


@dataclass
class Directive:
    line: int
    verb: str
    codes: tuple[str, ...]
    used: bool = False

    def matches(self, code: str) -> bool:
        return not self.codes or any(code.startswith(c) for c in self.codes)


@dataclass
class Suppressions:
    # line number -> directives that silence findings starting on that line
    by_line: dict[int, list[Directive]] = field(default_factory=dict)
    # (first line, last line or None for end of file, directive)
    ranges: list[tuple[int, int | None, Directive]] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)

    def suppresses(self, code: str, line: int) -> bool:
        hit = False
        for d in self.by_line.get(line, ()):
            if d.matches(code):
                d.used = True
                hit = True
        for first, last, d in self.ranges:
            if first <= line and (last is None or line <= last) and d.matches(code):
                d.used = True
                hit = True
        return hit

    def unused(self) -> list[Directive]:
        return [d for d in self.directives if not d.used and d.verb != "enable"]


def parse(lines) -> Suppressions:
    """Read directives from a document's lines (`Document.lines`)."""
    sup = Suppressions()
    open_ranges: list[Directive] = []
    for line in lines:
        if "jiaokan" not in line.text:
            continue
        whole = DIRECTIVE_LINE.match(line.text)
        found = [whole] if whole else list(INLINE_COMMENT.finditer(line.text))
        for m in found:
            verb = m.group("verb")
            codes = _codes(m.group("codes") or "")
            d = Directive(line.number, verb, codes)
            sup.directives.append(d)
            if verb == "ignore-next-line" or (verb == "ignore" and whole):
                # Alone on its line: it covers the next line (and itself, harmlessly).
                sup.by_line.setdefault(line.number + 1, []).append(d)
                sup.by_line.setdefault(line.number, []).append(d)
            elif verb == "ignore":
                sup.by_line.setdefault(line.number, []).append(d)
            elif verb == "disable":
                open_ranges.append(d)
            elif verb == "enable":
                still = []
                for o in open_ranges:
                    if not codes or (o.codes and all(any(c.startswith(x) for x in codes) for c in o.codes)):
                        sup.ranges.append((o.line, line.number, o))
                    else:
                        still.append(o)
                open_ranges = still
                d.used = True
    for o in open_ranges:
        sup.ranges.append((o.line, None, o))
    return sup


def of_document(doc) -> Suppressions:
    """The directives of a document. Without the word "jiaokan" it has none, and its lines are not
    even split (at 100 MB of reports, splitting every document's lines cost half a second)."""
    return parse(doc.lines) if "jiaokan" in doc.text else Suppressions()
