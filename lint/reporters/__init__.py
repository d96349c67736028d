"""Output formats. Each reporter is ``render(result, registry, out)`` writing to a text stream."""

from __future__ import annotations

from collections import Counter

from . import github, json_, junit, rich_, sarif, text
from .wording import closing_line, plural  # noqa: F401  (re-exported)

FORMATS = {
    "rich": rich_.render,
    "full": rich_.render,
    "concise": text.render_concise,
    "json": json_.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
}


def statistics(result) -> list[tuple[str, str, int, int]]:
    """(code, rule name, count, fixable count) rows, most frequent first."""
    counts = Counter(f.code for f in result.findings)
    fixable = Counter(f.code for f in result.findings if f.fix is not None)
    names = {f.code: f.rule for f in result.findings}
    return [(c, names[c], n, fixable[c]) for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
