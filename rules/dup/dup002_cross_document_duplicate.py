"""DUP002 cross-document-duplicate."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from itertools import chain
from operator import itemgetter

from jiaokan import Related, Rule, Severity
from jiaokan.speedups import aligned_with_earlier, shared_hashes, shared_postings

from .fingerprint import CONFIRM, MAX_PER_DOC, DupView, K, fingerprints, similar, view_text
from .passages import OPTIONS, describe, reportable_matches, shortest


PARALLEL_MIN_DOCS = 200  # from this many documents, the pairs are aligned in several processes


class CrossDocumentDuplicate(Rule):
    """## What it does
    Finds a passage that two documents of the same run share: every pair of documents is compared
    (through shared fingerprints, never paragraph by paragraph). Reported once per pair of
    passages, at the document that sorts later, with the other document's copy as related location.

    ## Why is this bad?
    In a repository of reports, a passage copied from last year's report or from a colleague's draft
    is often stale: its figures and wording belong to the other document.

    Passages that many documents share are boilerplate (titles, slogans, institution names, standard
    policy formulations) and are not reported: a fingerprint found in more than
    `boilerplate-document-frequency` of the documents (and in at least 3) is ignored, and so is any
    passage listed in `allow` or in the `allow-file`.

    ## Example
    `2023/summary.md` and `2024/summary.md` both contain the same 80-character paragraph on
    employment figures.

    ## Options
    - `min-length` (100), `min-sentence-length` (100), `min-similarity` (85): as for DUP001, but
      longer by default: across documents, a shared sentence of policy language is normal.
    - `boilerplate-document-frequency` (0.1): a fingerprint found in at least this share of the
      documents, and in at least 3 of them, is boilerplate.
    - `allow` ([]): accepted shared passages.
    - `allow-file` (""): a UTF-8 file of accepted shared passages, one per paragraph, relative to
      the configuration file.
    """

    code = "DUP002"
    name = "cross-document-duplicate"
    severity = Severity.WARNING
    # Across documents, shared policy language of a sentence or two is normal: only paragraph-scale
    # copies are reported by default.
    options = {**OPTIONS, "min-length": 100, "min-sentence-length": 100,
               "boilerplate-document-frequency": 0.1, "allow": [], "allow-file": ""}

    def collect(self, document, context):
        from .fingerprint import build_view

        return build_view(document)

    def _allowed_hashes(self, context) -> set[int]:
        passages = list(self.config["allow"])
        if self.config["allow-file"]:
            text = context.read_data_file(self.config["allow-file"], "DUP002 allow-file")
            passages += [p for p in text.split("\n\n") if p.strip()]
        out: set[int] = set()
        for p in passages:
            hashes, _ = fingerprints(view_text(p))
            out.update(hashes)
        return out

    def finish(self, summaries: list[tuple[str, DupView]], context):
        n_docs = len(summaries)
        if n_docs < 2:
            return
        # Pass 1: which fingerprints occur in more than one document.
        shared = shared_hashes([view.hashes for _, view in summaries])
        if not shared:
            return
        shared -= self._allowed_hashes(context)
        # Pass 2: postings of the shared fingerprints only (a few percent of them).
        # Each posting lists its documents in ascending order; each document keeps its shared
        # fingerprints (once each, in text order).
        postings, shared_of = shared_postings([view.hashes for _, view in summaries],
                                              [view.positions for _, view in summaries], shared)
        limit = max(3, self.config["boilerplate-document-frequency"] * n_docs)

        texts = [view.text for _, view in summaries]

        def align_part(part: int, parts: int) -> list:
            """The matches of every document ``db`` of this part with the earlier documents it
            shares fingerprints with: document by document, so only one document's seeds are
            held at a time."""
            found = []
            for db in range(part, n_docs, parts):
                vb = summaries[db][1]
                # Aligned from the pairs of places of its fingerprints that are no boilerplate, per
                # earlier document (in C: the pairs never become Python objects).
                for da, regions in aligned_with_earlier(db, shared_of[db], postings, limit, MAX_PER_DOC, texts,
                                                        shortest(self.config), K, CONFIRM):
                    va = summaries[da][1]
                    matches = similar(va.text, vb.text, regions, self.config["min-similarity"])
                    for m in reportable_matches(va, vb, matches, self.config):
                        if _passage_document_frequency(vb, m.b0, m.b1, postings) < limit:
                            found.append((db, m.b0, m.b1, da, m))
            return found

        # Large runs share the pairs out over the run's processes (documents interleaved, as the
        # later ones have more earlier partners), then take the matches in document order.
        parts = context.parallel(align_part, worth_it=n_docs >= PARALLEL_MIN_DOCS)
        found = sorted(chain.from_iterable(parts), key=itemgetter(0))
        # One finding per passage of the later document, against the earliest other copy.
        best = {}
        for db, b0, b1, da, m in found:
            key = (db, b0, b1)
            if key not in best or da < best[key][0]:
                best[key] = (da, m)
        for (db, b0, b1), (da, m) in sorted(best.items()):
            path_a, va = summaries[da]
            path_b, vb = summaries[db]
            a_start, a_end = va.span(m.a0, m.a1)
            b_start, b_end = vb.span(m.b0, m.b1)
            pa, pa_end = va.position(a_start), va.position(a_end)
            yield self.finding_at(
                path_b, vb.position(b_start), vb.position(b_end),
                f"passage also in {path_a}:{pa.line} ({describe(m)})",
                related=[Related(path_a, pa, pa_end, "the copy in the other document")],
                data={"similarity": m.similarity, "length": m.length},
            )


def _passage_document_frequency(view: DupView, start: int, end: int, postings) -> int:
    """In how many documents a passage occurs, allowing for rewording: the documents that hold at
    least 30% of its fingerprints. A formula that every report repeats with yearly variations
    shares few exact fingerprints with any single report, but many with all of them together."""
    # Positions ascend (winnowing emits them in text order): the passage's fingerprints are a slice.
    lo, hi = bisect_left(view.positions, start), bisect_left(view.positions, end)
    hashes = view.hashes[lo:hi]
    if not hashes:
        return 0
    counts: dict[int, int] = defaultdict(int)
    for h in hashes:
        for d in postings.get(h, ()):
            counts[d] += 1
    return sum(1 for c in counts.values() if c >= 0.3 * len(hashes))
