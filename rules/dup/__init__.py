"""DUP: duplicated passages.

Design note. Every document is reduced to its *dup view*: only letters, digits and Han characters,
so wraps, indentation, markup and punctuation differences cannot hide a copy; a table of runs maps
each character back to its offset in the file. Candidates come from winnowed k-gram fingerprints
(Schleimer et al. 2003) with a stable hash (xxh3), so the cost is linear in the text and no two
paragraphs are ever compared unless they share a fingerprint. Seeds that share a diagonal are
chained, extended character by character and merged across small edits; rapidfuzz then scores
the aligned passages. What remains is checked against length and boilerplate rules: a repeat must be
long (or a whole repeated sentence), and across documents a fingerprint that most documents share is
boilerplate, not a copy.
"""

from .dup001_duplicate_passage import DuplicatePassage
from .dup002_cross_document_duplicate import CrossDocumentDuplicate

RULES = [DuplicatePassage, CrossDocumentDuplicate]
