"""The plugin contract. Every extension point of jiaokan is one of these hooks.

A rule pack (the built-in one included) is a module or object that implements `jiaokan_rules`
and is advertised under the entry-point group ``jiaokan.rules``::

    [project.entry-points."jiaokan.rules"]
    mypack = "mypack.rules"

The engine then registers one instance of every *enabled* rule class as a plugin of the run, and
calls the three run hooks below on those instances. `jiaokan.Rule` implements them for you (see
``Rule.check``, ``Rule.collect`` and ``Rule.finish``); a rule only overrides what it needs.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("jiaokan")
hookimpl = pluggy.HookimplMarker("jiaokan")


@hookspec
def jiaokan_rules():
    """Return the rule classes (subclasses of `jiaokan.Rule`) that this plugin provides.

    Called once per process, on every registered rule pack, before configuration is resolved, so
    that ``select``/``ignore`` and ``jiaokan rules`` know every code.
    """


@hookspec
def jiaokan_check_document(document, context):
    """Check one `Document` on its own; return an iterable of `Finding` (or None)."""


@hookspec
def jiaokan_collect_document(document, context):
    """Summarise one document for a cross-document check.

    Return ``(code, summary)`` or None. The summary must be picklable and small: it is all a
    cross-document rule will see of the document (it may be cached or computed in a worker).
    """


@hookspec
def jiaokan_check_run(summaries, context):
    """Check all documents of the run together; return an iterable of `Finding` (or None).

    ``summaries`` maps each rule code to a list of ``(path, summary)`` pairs in path order, as
    returned by `jiaokan_collect_document`.
    """


@hookspec
def jiaokan_commands():
    """Return extra subcommands (`jiaokan.commands.Command`) for the ``jiaokan`` CLI, such as
    ``jiaokan facts extract``."""
