"""NUM002 cross-document-conflict."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from jiaokan import Position, Related, Rule, Severity

from .num001_conflicting_figures import OPTIONS


class CrossDocumentConflict(Rule):
    """## What it does
    Finds a figure that another document of the same run states differently for the same measure
    (same rules as NUM001). Reported at the document that sorts later, with the other figure as the
    related location.

    ## Why is this bad?
    A report and the press release, or this year's summary and the mid-year one, must agree; when
    they do not, one of them carries a wrong or outdated figure.

    Relative times (今年, 去年) are never compared across documents: they refer to each document's
    own date. Undated figures are compared only between documents on compatible periods: each
    document's period is its dominant year, or a span for retrospectives (10年来, 以来).

    ## Example
    `summary.md`: 全区已建成文明实践站126个……  `mid-year.md`: 全区已建成文明实践站162个……

    ## Options
    - `synonyms` ([]): extra groups of words naming the same measure.
    """

    code = "NUM002"
    name = "cross-document-conflict"
    severity = Severity.WARNING
    options = dict(OPTIONS)

    def collect(self, document, context):
        from .figures import document_figures, keys_for
        from .keys import document_period

        # Plain tuples: a run of many documents unpickles every summary in the parent process.
        out = []
        for f in document_figures(document, keys_for(self.config)):
            start, end = document.position(f.start), document.position(f.end)
            out.append((f.summary(), (start.line, start.column, start.offset), (end.line, end.column, end.offset)))
        return document_period(document.norm), out

    def finish(self, summaries, context):
        from .extract import Figure
        from .figures import same_measure

        _KEY, _UNIT = _fields()[:2]
        by_key = defaultdict(list)
        periods = {}
        for path, (period, figures) in summaries:
            periods[path] = period
            for row in figures:
                by_key[(row[0][_KEY], row[0][_UNIT])].append((path, row))
        best = {}
        for group in by_key.values():
            if len(group) < 2:
                continue
            made: dict[int, tuple] = {}

            def place(i: int) -> tuple:
                if i not in made:
                    path, (f, start, end) = group[i]
                    made[i] = (path, Figure.from_summary(f), Position(*start), Position(*end))
                return made[i]

            # The pairs that conflict and whose periods agree (_candidate_pairs has tested both).
            for i, j in _candidate_pairs(group, periods, self.config["max-ratio"]):
                if group[i][0] == group[j][0]:
                    continue  # the same document: NUM001's
                (pa, a, sa, ea), (pb, b, sb, eb) = place(i), place(j)
                verdict = same_measure(a, b, same_document=False)
                if verdict is None:
                    continue
                (pa2, a2, sa2, ea2), (pb2, b2, sb2, eb2) = sorted([(pa, a, sa, ea), (pb, b, sb, eb)], key=lambda x: x[0])
                k = (pb2, sb2.offset)
                if k not in best or verdict.overlap > best[k][-1].overlap:
                    best[k] = (pa2, a2, sa2, ea2, pb2, b2, sb2, eb2, verdict)
        for _, (pa, a, sa, ea, pb, b, sb, eb, verdict) in sorted(best.items()):
            yield self.finding_at(
                pb, sb, eb,
                f"{b.text} contradicts {a.text} in {pa}:{sa.line} for “{a.raw_key}”: {verdict.why}",
                related=[Related(pa, sa, ea, f"the other figure: {a.text}")],
                data={"values": [a.text, b.text], "key": a.key, "unit": a.unit, "context_overlap": verdict.overlap},
            )


@lru_cache(maxsize=1)
def _fields() -> tuple[int, ...]:
    """Where a summary row holds key, unit, value, lo, hi, kind, scope, times and accumulated."""
    from .extract import SUMMARY_FIELDS

    return tuple(map(SUMMARY_FIELDS.index, ("key", "unit", "value", "lo", "hi", "kind", "scope", "times", "accumulated")))


def _candidate_pairs(group: list, periods: dict[str, str], max_ratio: float) -> list[tuple[int, int]]:
    """The pairs (i, j), i < j, in order, of the figures of ``group`` (rows of one key and unit,
    with their paths) that conflict(), whose periods agree (an undated figure's document period),
    and which pass same_measure()'s first tests (kind, times, sums, scope): all of these depend
    only on what a figure shares with its copies (interval, value, kind, times, sums, scope, the
    period of an undated one's document).
    Such figures fall into one class, and classes are paired instead of figures: over a large
    archive (the same figure in many reports) nine pairs in ten are copies of one figure."""
    from .figures import compared_value, conflict_candidates, values_conflict
    from .keys import periods_compatible, scopes_compatible

    _, _, _VALUE, _LO, _HI, _KIND, _SCOPE, _TIMES, _ACCUMULATED = _fields()
    classes: dict[tuple, list[int]] = {}
    for i, (path, (f, _, _)) in enumerate(group):
        ck = (f[_LO], f[_HI], f[_VALUE], f[_KIND], f[_TIMES], f[_ACCUMULATED], f[_SCOPE],
              "" if f[_TIMES] else periods[path])
        classes.setdefault(ck, []).append(i)
    keys = list(classes)
    values = [compared_value(k[2], k[0], k[1]) for k in keys]
    pairs: list[tuple[int, int]] = []
    same = [(c, c) for c, v in enumerate(values) if v > 0 and len(classes[keys[c]]) > 1]
    for c, d in conflict_candidates(values, max_ratio) + same:
        (alo, ahi, avalue, akind, atimes, asum, ascope, aperiod) = keys[c]
        (blo, bhi, bvalue, bkind, btimes, bsum, bscope, bperiod) = keys[d]
        if not values_conflict(avalue, alo, ahi, bvalue, blo, bhi, max_ratio):
            continue
        if akind != bkind or atimes != btimes or asum != bsum or not scopes_compatible(ascope, bscope):
            continue  # same_measure(): its first tests (times are sorted and unique)
        if not atimes and not periods_compatible(aperiod, bperiod):
            continue  # undated figures of reports on different years
        if c == d:
            members = classes[keys[c]]
            pairs.extend((i, j) for k, i in enumerate(members) for j in members[k + 1 :])
        else:
            pairs.extend((i, j) if i < j else (j, i) for i in classes[keys[c]] for j in classes[keys[d]])
    pairs.sort()
    return pairs
