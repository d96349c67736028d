"""`Rule`: the base class of every rule, built-in or third-party.

A rule is one module holding one subclass with its code, a kebab-case name, a default severity,
its options with their defaults, and a docstring in ruff's style (What it does / Why is this bad? /
Example / Fix safety / Options) that ``jiaokan rule CODE`` prints.
"""

from __future__ import annotations

import inspect
import traceback
from typing import Any, ClassVar, Iterable

from .errors import JiaokanError
from .hookspecs import hookimpl
from .model import Finding, Fix, Position, Related, Severity


class Rule:
    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    # Rules that are off unless selected (e.g. experimental or noisy ones).
    default_enabled: ClassVar[bool] = True
    fixable: ClassVar[bool] = False
    # Option name -> default value; the type of the default is the type accepted from config.
    options: ClassVar[dict[str, Any]] = {}

    def __init__(self, options: dict[str, Any] | None = None) -> None:
        merged = dict(self.options)
        merged.update(options or {})
        self.config = merged

    # -- what a rule overrides -------------------------------------------------------------------

    def check(self, document, context) -> Iterable[Finding]:
        """Findings for one document."""
        return ()

    def collect(self, document, context) -> Any:
        """A picklable summary of one document for `finish` (None: nothing to remember)."""
        return None

    def finish(self, summaries: list[tuple[str, Any]], context) -> Iterable[Finding]:
        """Findings across documents, from the summaries `collect` returned."""
        return ()

    # -- helpers ---------------------------------------------------------------------------------

    def finding(
        self,
        document,
        start: int,
        end: int,
        message: str,
        *,
        related: list[Related] | None = None,
        fix: Fix | None = None,
        data: dict | None = None,
    ) -> Finding:
        return Finding(
            code=self.code,
            rule=self.name,
            severity=self.severity,
            path=document.path,
            start=document.position(start),
            end=document.position(end),
            message=message,
            related=list(related or []),
            fix=fix,
            data=dict(data or {}),
        )

    def finding_at(
        self, path: str, start: Position, end: Position, message: str, **kw
    ) -> Finding:
        """A finding from stored positions (cross-document rules no longer hold the document)."""
        return Finding(
            code=self.code,
            rule=self.name,
            severity=self.severity,
            path=path,
            start=start,
            end=end,
            message=message,
            related=list(kw.get("related") or []),
            fix=kw.get("fix"),
            data=dict(kw.get("data") or {}),
        )

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "") or "(no documentation)"

    @classmethod
    def summary(cls) -> str:
        """The first sentence of the "What it does" section."""
        doc = cls.documentation()
        body = doc.split("## What it does", 1)[-1].strip().split("\n\n", 1)[0]
        return " ".join(body.split())

    # -- the pluggy side: the engine calls these hooks, never the methods above ------------------

    @hookimpl
    def jiaokan_check_document(self, document, context):
        try:
            return list(self.check(document, context) or ())
        except JiaokanError:
            raise  # a configuration error (a bad option, a bad data file) ends the run with exit 2
        except Exception as exc:  # a broken rule must not take the run down
            return [crash_finding(self, document.path, exc)]

    @hookimpl
    def jiaokan_collect_document(self, document, context):
        try:
            summary = self.collect(document, context)
        except JiaokanError:
            raise
        except Exception as exc:
            context.extra_findings.append(crash_finding(self, document.path, exc))
            return None
        return None if summary is None else (self.code, summary)

    @hookimpl
    def jiaokan_check_run(self, summaries, context):
        mine = summaries.get(self.code)
        if not mine:
            return None
        try:
            return list(self.finish(mine, context) or ())
        except JiaokanError:
            raise
        except Exception as exc:
            return [crash_finding(self, mine[0][0], exc)]


def crash_finding(rule: Rule, path: str, exc: BaseException) -> Finding:
    """JK002: the error finding that stands in for a rule that raised."""
    return Finding(
        code="JK002",
        rule="rule-crashed",
        severity=Severity.ERROR,
        path=path,
        start=Position(1, 1, 0),
        end=Position(1, 1, 0),
        message=f"rule {rule.code} crashed: {type(exc).__name__}: {exc}",
        data={"traceback": traceback.format_exc(limit=8)},
    )
