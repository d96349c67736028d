"""WRAP002 orphan-punctuation."""

from __future__ import annotations

from jiaokan import Edit, Fix, Rule, Severity


class OrphanPunctuation(Rule):
    """## What it does
    Finds a line that holds nothing but punctuation, such as a lone “。” or “，”, cut off from the
    sentence it ends.

    ## Why is this bad?
    It is what a hard wrap or an OCR layout leaves behind: the sentence above looks unfinished and
    the punctuation starts a paragraph of its own.

    ## Example
    ```text
    全年开展读书活动四百余场

    。
    ```

    Use instead:
    ```text
    全年开展读书活动四百余场。
    ```

    ## Fix safety
    The fix joins the punctuation to the end of the previous line, removing only whitespace: safe.
    """

    code = "WRAP002"
    name = "orphan-punctuation"
    severity = Severity.WARNING
    fixable = True

    def check(self, document, context):
        from .analysis import analyse  # (loaded on first use)

        info = analyse(document)
        lines = info["lines"]
        index = {cl.number: i for i, cl in enumerate(lines)}
        for cl in info["orphans"]:
            i = index[cl.number]
            if i == 0:
                continue
            prev = lines[i - 1]
            if prev.text and all(ch in cl.text for ch in prev.text):
                continue  # several orphan lines in a row: the first one is reported
            fix = Fix.safe(Edit(prev.end, cl.start, ""))
            yield self.finding(document, cl.start, cl.end,
                               f"line {cl.number} holds only “{cl.text}”; it belongs at the end of line {prev.number}",
                               fix=fix)
