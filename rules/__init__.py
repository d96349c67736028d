"""jiaokan's built-in rule pack. It registers through the ``jiaokan.rules`` entry point, exactly as
a third-party pack would, and returns one class per rule module."""

from __future__ import annotations

from jiaokan.hookspecs import hookimpl


@hookimpl
def jiaokan_rules():
    from .dup import RULES as DUP
    from .num import RULES as NUM
    from .typo import RULES as TYPO
    from .wrap import RULES as WRAP

    return [*WRAP, *DUP, *NUM, *TYPO]


@hookimpl
def jiaokan_commands():
    from .num.num003_fact_contradiction import extract_command

    return [extract_command()]
