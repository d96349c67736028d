"""Output formats. Each reporter is ``render(result, registry, out)`` writing to a text stream."""

from __future__ import annotations

from collections import Counter
from importlib import import_module

from .wording import closing_line, plural  # noqa: F401  (re-exported)


def _lazy(module: str, function: str):
    """A reporter imported when it is used: rich alone costs 30 ms of start-up, which a pre-commit
    hook or a CI job printing concise, JSON or GitHub output need not pay."""

    def render(result, registry, out):
        return getattr(import_module(f"{__name__}.{module}"), function)(result, registry, out)

    return render


FORMATS = {
    "rich": _lazy("rich_", "render"),
    "full": _lazy("rich_", "render"),
    "concise": _lazy("text", "render_concise"),
    "json": _lazy("json_", "render"),
    "sarif": _lazy("sarif", "render"),
    "github": _lazy("github", "render"),
    "junit": _lazy("junit", "render"),
}


def statistics(result) -> list[tuple[str, str, int, int]]:
    """(code, rule name, count, fixable count) rows, most frequent first."""
    counts = Counter(f.code for f in result.findings)
    fixable = Counter(f.code for f in result.findings if f.fix is not None)
    names = {f.code: f.rule for f in result.findings}
    return [(c, names[c], n, fixable[c]) for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
