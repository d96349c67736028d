"""TYPO002 doubled-character."""

from __future__ import annotations

from .base import TypoRule


class DoubledCharacter(TypoRule):
    """## What it does
    Finds a character typed twice, such as 协会会组织 for 协会组织, and a punctuation mark typed
    twice (，， 。。 、、 ；； ：：).

    ## Why is this bad?
    Doubled characters slip in when a line is retyped or edited; legitimate reduplications
    (常常, 看看, 研究研究) and words that start with the same character (工会会员) are not
    reported, nor are …… and —— or three marks in a row (a makeshift ellipsis). Removing a doubled
    mark is a safe fix.

    ## Example
    ```text
    本月协会会组织两场讲座
    ```

    Use instead:
    ```text
    本月协会组织两场讲座
    ```
    """

    code = "TYPO002"
    name = "doubled-character"
    kind = "doubled"
