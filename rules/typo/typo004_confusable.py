"""TYPO004 confusable-character."""

from __future__ import annotations

from .base import TypoRule


class ConfusableCharacter(TypoRule):
    """## What it does
    Finds a character replaced by a look-alike or sound-alike one that turns a word into a non-word

    ## Why is this bad?
     自已 for 自己, 乎稳 for 平稳, 显着 for 显著.

    ## Example
    ```text
    Input methods pick homophones and OCR picks look-alikes; the result is a non-word that spell checkers of other languages do not see.
    ```

    Use instead:
    ```text
    为经济乎稳较快发展:为经济平稳较快发展
    ```

    """

    code = "TYPO004"
    name = "confusable-character"
    kind = "confusable"
