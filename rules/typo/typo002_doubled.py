"""TYPO002 doubled-character."""

from __future__ import annotations

from .base import TypoRule


class DoubledCharacter(TypoRule):
    """## What it does
    Finds a character typed twice, such as 工会会创新 for 工会创新.

    ## Why is this bad?
    Doubled characters slip in when a line is retyped or edited; legitimate reduplications (常常, 看看, 研究研究) and words that start with the same character (工会会员) are not reported.

    Proper names, reduplications, numbers and words listed in the `words` option are not
    reported, and nothing is suggested unless the correction is far more frequent in the lexicon
    or used repeatedly in the document.

    ## Example
    ```text
    省总工会会创新方式
    ```

    Use instead:
    ```text
    省总工会创新方式
    ```

    ## Fix safety
    The suggested correction is an unsafe fix: it is right far more often than not, but a name or
    a rare term can look like an error.

    ## Options
    - `words` ([]): project words that are never typos (set them for the family with
      `[tool.jiaokan.rules.TYPO]`).
    - `words-file` (""): a file of such words, one per line.
    """

    code = "TYPO002"
    name = "doubled-character"
    kind = "doubled"
