"""What the four TYPO rules share: options, the user dictionary, and turning candidates into findings."""

from __future__ import annotations

from jiaokan import Edit, Fix, Rule, Severity
from jiaokan.document import SPACE_RUN

from .candidates import analyse

OPTIONS = {
    # Project words that are never typos (names, local terms): also silence corrections next to them.
    "words": [],
    # A UTF-8 file with one such word per line, relative to the configuration file.
    "words-file": "",
    # Extra well-known misspellings, wrong form = right form (see data/misspellings.toml).
    "misspellings": {},
}


# Appended to the docstring of every TYPO rule: what all four share.
COMMON_DOC = """

## What is not reported
Proper names, reduplications (常常, 研究研究), numbers and dates, parallel formulas (宜居宜业,
懒政怠政, 量大面广), forms the document uses more than once, and words listed in the `words` option. Nothing
is suggested unless the correction is far more frequent in the lexicon or used in the document
itself, and makes the sentence far more probable under jieba's word model. Text in traditional
characters is read in its simplified form (情況 is 情况, not a slip), and a correction there is
given in traditional characters.

## Fix safety
The suggested correction is an unsafe fix: it is right far more often than not, but a name or a
rare term can look like an error. Corrections from the misspellings list (自已 → 自己) are safe.

## Options
- `words` ([]): project words that are never typos (set them for the whole family with
  `[tool.jiaokan.rules.TYPO]`).
- `words-file` (""): a file of such words, one per line.
- `misspellings` ({}): more well-known misspellings, wrong form = right form.
"""


class TypoRule(Rule):
    kind = ""
    severity = Severity.WARNING
    fixable = True
    options = dict(OPTIONS)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        import inspect

        cls.__doc__ = inspect.cleandoc(cls.__doc__ or "") + COMMON_DOC

    def _user_words(self, context) -> frozenset[str]:
        words = set(self.config["words"])
        if self.config["words-file"]:
            text = context.read_data_file(self.config["words-file"], "TYPO words-file")
            words.update(w.strip() for w in text.splitlines() if w.strip())
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
            if SPACE_RUN.sub("", original) != c.wrong:
                continue  # markup inside the spot (a table's |, Markdown's **): a fix would remove it
            fix = Fix.safe(Edit(start, end, c.right)) if c.confidence == "high" else Fix.unsafe(Edit(start, end, c.right))
            yield self.finding(
                document, start, end, self.message(c),
                fix=fix,
                data={"wrong": c.wrong, "suggestion": c.right, "evidence": c.evidence},
            )

    def message(self, c) -> str:
        return f"“{c.wrong}” → “{c.right}”: {c.evidence}"
