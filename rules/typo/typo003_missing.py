"""TYPO003 missing-character."""

from __future__ import annotations

from .base import TypoRule


class MissingCharacter(TypoRule):
    """## What it does
    Finds a word with a character missing, against a term the document itself uses several
    times or a lexicon word (idioms included): 区总会 for 区总工会 in a report that names 区总工会
    throughout, 风吹雨 for 风吹雨打.

    ## Why is this bad?
    Dropped characters are the typical OCR and editing loss; the document's own frequent terms
    are the strongest evidence of what was meant.

    ## Example
    ```text
    区总会在文化中心举办讲座
    ```

    Use instead:
    ```text
    区总工会在文化中心举办讲座
    ```
    """

    code = "TYPO003"
    name = "missing-character"
    kind = "missing"
