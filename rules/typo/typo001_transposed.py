"""TYPO001 transposed-characters."""

from __future__ import annotations

from .base import TypoRule


class TransposedCharacters(TypoRule):
    """## What it does
    Finds two adjacent characters in the wrong order, such as 农工民 for 农民工.

    ## Why is this bad?
    A transposition is the most common slip of fast typing and of OCR line repairs; the wrong order often still looks plausible at a glance.

    ## Example
    ```text
    培训农工民13.9万人次
    ```

    Use instead:
    ```text
    培训农民工13.9万人次
    ```

    """

    code = "TYPO001"
    name = "transposed-characters"
    kind = "transposed"
