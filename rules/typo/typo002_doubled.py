"""TYPO002 doubled-character."""

from __future__ import annotations

from .base import TypoRule


class DoubledCharacter(TypoRule):
    """## What it does
    Finds a character typed twice, such as 工会会创新 for 工会创新.

    ## Why is this bad?
    Doubled characters slip in when a line is retyped or edited; legitimate reduplications (常常, 看看, 研究研究) and words that start with the same character (工会会员) are not reported.

    ## Example
    ```text
    省总工会会创新方式
    ```

    Use instead:
    ```text
    省总工会创新方式
    ```

    """

    code = "TYPO002"
    name = "doubled-character"
    kind = "doubled"
