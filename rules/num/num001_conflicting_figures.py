"""NUM001 conflicting-figures."""

from __future__ import annotations

from collections import defaultdict

from jiaokan import Related, Rule, Severity

OPTIONS = {
    # Extra synonym groups, e.g. [["示范点", "试点"]]; the first word of a group is its name.
    "synonyms": [],
    # Values further apart than this factor are taken as different measures, not a conflict: a
    # mistyped or stale figure is usually within ±40% of the right one.
    "max-ratio": 1.7,
}


class ConflictingFigures(Rule):
    """## What it does
    Finds two figures in one document that state different values for the same measure: the same
    thing counted (after synonyms, 人/名/位 alike), the same unit, compatible scope (全省, 省级 …),
    time and kind (achieved, target, change), in sentences that share context, with value intervals
    that cannot both hold (approximations such as 余, 多, 近, 约, 以上 are intervals).

    ## Why is this bad?
    Readers and reviewers take a report's figures at face value; two versions of one figure mean at
    least one is wrong, usually a stale number left over from an earlier draft.

    ## Example
    ```text
    全市注册志愿者总数达到42.6万人。……目前全市注册志愿者总数已达38万名。
    ```

    ## Options
    - `synonyms` ([]): extra groups of words naming the same measure.
    - `max-ratio` (1.7): values further apart than this factor are different measures.
    """

    code = "NUM001"
    name = "conflicting-figures"
    severity = Severity.WARNING
    options = dict(OPTIONS)

    def check(self, document, context):
        from .figures import conflict, document_figures, intervals_overlap, keys_for, same_measure  # (loaded on first use)

        figures = document_figures(document, keys_for(self.config))
        by_key = defaultdict(list)
        stated = defaultdict(list)  # (sentence, key, unit) -> the intervals the sentence gives
        for f in figures:
            by_key[(f.key, f.unit)].append(f)
            stated[(f.sentence, f.key, f.unit)].append((f.lo, f.hi))

        def also_in(x, y) -> bool:
            """The sentence of ``x`` gives ``y``'s value too (an enumeration: 16%、10% -> 13%、9%)."""
            return any(intervals_overlap(lo, hi, y.lo, y.hi) for lo, hi in stated[(x.sentence, y.key, y.unit)])
        reported = set()
        for group in by_key.values():
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    if b.sentence == a.sentence:
                        continue  # one sentence with two values is a comparison or an enumeration
                    if not conflict(a, b, self.config["max-ratio"]) or also_in(a, b) or also_in(b, a):
                        continue
                    verdict = same_measure(a, b, same_document=True)
                    if verdict is None or b.start in reported:
                        continue
                    reported.add(b.start)
                    pa = document.position(a.start)
                    yield self.finding(
                        document, b.start, b.end,
                        f"{b.text} contradicts {a.text} (line {pa.line}) for “{a.raw_key}”: {verdict.why}",
                        related=[Related(document.path, pa, document.position(a.end), f"the other figure: {a.text}")],
                        data={"values": [a.text, b.text], "key": a.key, "unit": a.unit,
                              "context_overlap": verdict.overlap},
                    )
