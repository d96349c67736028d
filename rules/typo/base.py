"""What the four TYPO rules share: options, the user dictionary, and turning candidates into findings."""

from __future__ import annotations

from pathlib import Path

from jiaokan import Edit, Fix, Rule, Severity
from jiaokan.errors import ConfigError

from .candidates import analyse

OPTIONS = {
    # Project words that are never typos (names, local terms): also silence corrections next to them.
    "words": [],
    # A UTF-8 file with one such word per line, relative to the configuration file.
    "words-file": "",
    # Extra well-known misspellings, wrong form = right form (see data/misspellings.toml).
    "misspellings": {},
}


class TypoRule(Rule):
    kind = ""
    severity = Severity.WARNING
    fixable = True
    options = dict(OPTIONS)

    def _user_words(self, context) -> frozenset[str]:
        words = set(self.config["words"])
        if self.config["words-file"]:
            path = Path(self.config["words-file"])
            if not path.is_absolute():
                path = context.settings.root / path
            try:
                words.update(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())
            except OSError as exc:
                raise ConfigError(f"{self.code} words-file {path}: {exc.strerror}") from None
        return frozenset(words)

    def check(self, document, context):
        words = context.resource(("typo-words", self.config["words-file"], tuple(self.config["words"])),
                                 lambda: self._user_words(context))
        extra = tuple(sorted(self.config["misspellings"].items()))
        for c in analyse(document, words, extra):
            if c.kind != self.kind:
                continue
            start, end = document.norm_to_span(c.start, c.end)
            original = document.text[start:end]
            if "\n" in original or "\r" in original:
                continue  # split by a wrap: WRAP001 comes first
            fix = Fix.safe(Edit(start, end, c.right)) if c.confidence == "high" else Fix.unsafe(Edit(start, end, c.right))
            yield self.finding(
                document, start, end, self.message(c),
                fix=fix,
                data={"wrong": c.wrong, "suggestion": c.right, "evidence": c.evidence},
            )

    def message(self, c) -> str:
        return f"“{c.wrong}” → “{c.right}”: {c.evidence}"
