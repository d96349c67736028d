"""jiaokan's built-in rule pack. It registers through the ``jiaokan.rules`` entry point, exactly as
a third-party pack would, and returns one class per rule module."""

from __future__ import annotations

from jiaokan.hookspecs import hookimpl


@hookimpl
def jiaokan_rules():
    from .dup import RULES as DUP
    from .wrap import RULES as WRAP

    return [*WRAP, *DUP]
