"""WRAP001 broken-wrap."""

from __future__ import annotations

from jiaokan import Edit, Fix, Related, Rule, Severity


class BrokenWrap(Rule):
    """## What it does
    Finds a paragraph that has been cut into several lines: a line that stops mid-sentence, with no
    closing punctuation, followed by the line that continues it (blank lines in between or not).
    One finding per broken paragraph, spanning all its pieces.

    ## Why is this bad?
    Hard wraps come from PDF and OCR copies or newspaper layouts. In the final document they become
    stray line or paragraph breaks in the middle of a sentence, sometimes in the middle of a word
    (提 / 升). They also hide the paragraph from search and from duplicate detection.

    Headings, list items, bylines (本报记者 …), labels (关键词：…), dates and short title lines
    also lack closing punctuation: they are not reported. A break is reported only with evidence that
    the next line continues the sentence (sentence punctuation in the first piece, a word split
    across the break, a continuation such as “，” or “万人” at the start of the next piece, a
    function word at the end of the first, or the even width of a hard wrap).

    ## Example
    ```text
    今年以来，区图书馆新增馆藏图书十二万册，读者满意度明显提

    升，借阅量比上年增长两成……
    ```

    Use instead:
    ```text
    今年以来，区图书馆新增馆藏图书十二万册，读者满意度明显提升，借阅量比上年增长两成……
    ```

    ## Fix safety
    The fix removes only the line breaks and blank lines between the pieces (a single space is kept
    between two Latin words); no character of the text changes, so it is safe.
    """

    code = "WRAP001"
    name = "broken-wrap"
    severity = Severity.WARNING
    fixable = True

    def check(self, document, context):
        from .analysis import analyse, join_edit_text  # (loaded on first use)

        breaks = analyse(document)["breaks"]
        # Chain consecutive breaks into paragraphs.
        chains: list[list] = []
        for br in breaks:
            if chains and chains[-1][-1].second is br.first:
                chains[-1].append(br)
            else:
                chains.append([br])
        for chain in chains:
            first, last = chain[0].first, chain[-1].second
            edits = [Edit(br.first.end, br.second.start, join_edit_text(document, br.first.end, br.second.start))
                     for br in chain]
            pieces = len(chain) + 1
            reasons = chain[0].reasons
            msg = (f"paragraph broken over {pieces} lines (lines {first.number}–{last.number}); "
                   f"line {first.number} stops mid-sentence: {reasons[0]}")
            related = [Related(document.path, document.position(last.start), document.position(last.end),
                               "the paragraph's last piece")] if pieces > 2 else [
                Related(document.path, document.position(last.start), document.position(last.end),
                        "the continuation")]
            yield self.finding(
                document, first.start, last.end, msg, related=related, fix=Fix.safe(*edits),
                data={"lines": [first.number, last.number], "breaks": len(chain),
                      "evidence": sorted({r for br in chain for r in br.reasons})},
            )
