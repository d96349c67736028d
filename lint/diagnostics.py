"""Engine diagnostics. They have codes so they can be selected, ignored and documented like
rules, but the engine itself emits them; they check nothing."""

from __future__ import annotations

from .model import Severity
from .rule import Rule


class UndecodableFile(Rule):
    """## What it does
    Reports a file that could not be read or decoded as text (not UTF-8, GB18030, Big5 or UTF-16).

    ## Why is this bad?
    A file jiaokan cannot decode was not checked at all. When it is the only file of the run,
    jiaokan exits with status 2 and a one-line error instead.

    ## Example
    A Latin-1 or damaged file saved with a `.txt` ending.
    """

    code = "JK001"
    name = "undecodable-file"
    severity = Severity.ERROR


class RuleCrashed(Rule):
    """## What it does
    Reports that a rule raised an exception on a document. The other rules still ran.

    ## Why is this bad?
    The crashed rule's findings for that document are missing. Please report it to the rule's
    authors, with the document if you can share it (`--format json` includes a traceback).
    """

    code = "JK002"
    name = "rule-crashed"
    severity = Severity.ERROR


class UnusedSuppression(Rule):
    """## What it does
    Reports a `jiaokan: ignore …` or `jiaokan: disable …` directive that suppressed nothing.
    Only with `--report-unused-ignores`.

    ## Why is this bad?
    A stale suppression hides the next real problem at that place.

    ## Example
    ```markdown
    <!-- jiaokan: ignore TYPO -->
    这一段没有错别字。
    ```

    ## Fix safety
    The fix deletes the directive line; it is safe.
    """

    code = "JK100"
    name = "unused-suppression"
    severity = Severity.INFO
    default_enabled = False
    fixable = True


ENGINE_RULES = [UndecodableFile, RuleCrashed, UnusedSuppression]
