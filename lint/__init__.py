"""jiaokan (校勘): a consistency and fact-checking linter for Chinese documents.

The public API for rule packs: `Rule`, `hookimpl`, `Document`, `Finding`, `Fix`, `Edit`,
`Related`, `Position`, `Severity`.
"""

__version__ = "0.1.0"

from .document import Document  # noqa: E402
from .hookspecs import hookimpl  # noqa: E402
from .model import Applicability, Edit, Finding, Fix, Position, Related, Severity  # noqa: E402
from .rule import Rule  # noqa: E402

__all__ = [
    "Applicability", "Document", "Edit", "Finding", "Fix", "Position", "Related", "Rule", "Severity",
    "hookimpl", "__version__",
]
