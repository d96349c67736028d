"""TYPO004 confusable-character."""

from __future__ import annotations

from .base import TypoRule


class ConfusableCharacter(TypoRule):
    """## What it does
    Finds a character replaced by a look-alike or sound-alike one that turns a word into a non-word

    ## Why is this bad?
     自已 for 自己, 乎稳 for 平稳, 显着 for 显著.

    Proper names, reduplications, numbers and words listed in the `words` option are not
    reported, and nothing is suggested unless the correction is far more frequent in the lexicon
    or used repeatedly in the document.

    ## Example
    ```text
    Input methods pick homophones and OCR picks look-alikes; the result is a non-word that spell checkers of other languages do not see.
    ```

    Use instead:
    ```text
    为经济乎稳较快发展:为经济平稳较快发展
    ```

    ## Fix safety
    The suggested correction is an unsafe fix: it is right far more often than not, but a name or
    a rare term can look like an error.

    ## Options
    - `words` ([]): project words that are never typos (set them for the family with
      `[tool.jiaokan.rules.TYPO]`).
    - `words-file` (""): a file of such words, one per line.
    """

    code = "TYPO004"
    name = "confusable-character"
    kind = "confusable"
