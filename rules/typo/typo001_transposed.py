"""TYPO001 transposed-characters."""

from __future__ import annotations

from .base import TypoRule


class TransposedCharacters(TypoRule):
    """## What it does
    Finds two adjacent characters in the wrong order, such as 农工民 for 农民工.

    ## Why is this bad?
    A transposition is the most common slip of fast typing and of OCR line repairs; the wrong order often still looks plausible at a glance.

    Proper names, reduplications, numbers and words listed in the `words` option are not
    reported, and nothing is suggested unless the correction is far more frequent in the lexicon
    or used repeatedly in the document.

    ## Example
    ```text
    培训农工民13.9万人次
    ```

    Use instead:
    ```text
    培训农民工13.9万人次
    ```

    ## Fix safety
    The suggested correction is an unsafe fix: it is right far more often than not, but a name or
    a rare term can look like an error.

    ## Options
    - `words` ([]): project words that are never typos (set them for the family with
      `[tool.jiaokan.rules.TYPO]`).
    - `words-file` (""): a file of such words, one per line.
    """

    code = "TYPO001"
    name = "transposed-characters"
    kind = "transposed"
