"""TYPO004 confusable-character."""

from __future__ import annotations

from .base import TypoRule


class ConfusableCharacter(TypoRule):
    """## What it does
    Finds a character replaced by a look-alike or sound-alike one that turns a word into a
    non-word: 自已 for 自己, 乎稳 for 平稳, 显着 for 显著.

    ## Why is this bad?
    Input methods pick homophones and OCR picks look-alikes; the result is a non-word that spell
    checkers of other languages do not see. A homophone (the same toned reading) of a word the
    document uses elsewhere needs less evidence than a look-alike: it is the commonest slip.

    ## Example
    ```text
    要显着提高服务水平
    ```

    Use instead:
    ```text
    要显著提高服务水平
    ```
    """

    code = "TYPO004"
    name = "confusable-character"
    kind = "confusable"
