"""TYPO001 transposed-characters."""

from __future__ import annotations

from .base import TypoRule


class TransposedCharacters(TypoRule):
    """## What it does
    Finds two adjacent characters in the wrong order, such as 究研 for 研究.

    ## Why is this bad?
    A transposition is the most common slip of fast typing and of OCR line repairs; the wrong
    order often still looks plausible at a glance.

    ## Example
    ```text
    本年度开展课题究研十二项
    ```

    Use instead:
    ```text
    本年度开展课题研究十二项
    ```
    """

    code = "TYPO001"
    name = "transposed-characters"
    kind = "transposed"
