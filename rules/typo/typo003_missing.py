"""TYPO003 missing-character."""

from __future__ import annotations

from .base import TypoRule


class MissingCharacter(TypoRule):
    """## What it does
    Finds a word with a character missing, against a term the document itself uses several times or a lexicon word (idioms included)

    ## Why is this bad?
     省总会 for 省总工会, 不怕晒雨淋 for 不怕日晒雨淋.

    ## Example
    ```text
    Dropped characters are the typical OCR and editing loss; the document's own frequent terms are the strongest evidence of what was meant.
    ```

    Use instead:
    ```text
    区总会在文化中心举办讲座:区总工会在文化中心举办讲座
    ```

    """

    code = "TYPO003"
    name = "missing-character"
    kind = "missing"
