"""WRAP003 truncated-ending."""

from __future__ import annotations

import regex

from jiaokan import Rule, Severity

_LAST_SENTENCE = regex.compile(r"[^。！？!?；;…]*$")


class TruncatedEnding(Rule):
    """## What it does
    Finds a document whose last paragraph stops mid-sentence: prose with no closing punctuation at
    the very end of the file.

    ## Why is this bad?
    The end of the text was lost: a copy cut short, a page missing from a scan, a paste that did not
    take everything. Headings, signatures, dates and other short lines at the end are not reported.

    ## Example
    ```text
    ……全年开展读书活动四百余场。明年，区图书馆将继续推进数字化建
    ```

    ## Fix safety
    There is no fix: only the author knows the missing words.
    """

    code = "WRAP003"
    name = "truncated-ending"
    severity = Severity.WARNING

    def check(self, document, context):
        from .analysis import INTERNAL, analyse, is_block_shape, is_terminal  # (loaded on first use)

        info = analyse(document)
        if not info["prose"]:
            return
        last, raw = info["prose"][-1]
        text = last.text
        if is_terminal(text) or is_block_shape(text, raw):
            return
        # Prose, not a title: it already has sentence punctuation, or it is long.
        if not (INTERNAL.search(text) or len(text) >= 30):
            return
        tail = _LAST_SENTENCE.search(text).group(0)
        start = last.end - len(tail) if tail else last.start
        yield self.finding(document, start, last.end,
                           f"the document ends mid-sentence: “…{tail[-12:]}” has no closing punctuation",
                           data={"line": last.number})
