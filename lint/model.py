"""The data every part of jiaokan exchanges: positions, edits, fixes and findings.

Offsets are code points into the decoded text of a document; lines and columns are 1-based;
every end is exclusive.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls(str(value).lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None


class Applicability(str, enum.Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, order=True)
class Position:
    line: int
    column: int
    offset: int

    def to_json(self) -> dict:
        return {"line": self.line, "column": self.column, "offset": self.offset}


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start_offset:end_offset]`` with ``replacement``."""

    start_offset: int
    end_offset: int
    replacement: str

    def to_json(self) -> dict:
        return {
            "start_offset": self.start_offset,
            "end_offset": self.end_offset,
            "replacement": self.replacement,
        }


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.UNSAFE

    @classmethod
    def safe(cls, *edits: Edit) -> "Fix":
        return cls(tuple(edits), Applicability.SAFE)

    @classmethod
    def unsafe(cls, *edits: Edit) -> "Fix":
        return cls(tuple(edits), Applicability.UNSAFE)

    def to_json(self) -> dict:
        return {
            "edits": [e.to_json() for e in self.edits],
            "applicability": self.applicability.value,
        }


@dataclass(frozen=True)
class Related:
    """A second place that a finding involves (the other copy, the other figure)."""

    path: str
    start: Position
    end: Position
    message: str

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "start": self.start.to_json(),
            "end": self.end.to_json(),
            "message": self.message,
        }


@dataclass
class Finding:
    code: str
    rule: str
    severity: Severity
    path: str
    start: Position
    end: Position
    message: str
    related: list[Related] = field(default_factory=list)
    fix: Fix | None = None
    # Extra machine-readable facts a rule wants to expose (similarity, values ...).
    data: dict = field(default_factory=dict)

    def sort_key(self):
        return (self.path, self.start.offset, self.end.offset, self.code, self.message)

    def to_json(self) -> dict:
        out = {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "path": self.path,
            "start": self.start.to_json(),
            "end": self.end.to_json(),
            "message": self.message,
            "related": [r.to_json() for r in self.related],
            "fix": self.fix.to_json() if self.fix else None,
        }
        if self.data:
            out["data"] = self.data
        return out
