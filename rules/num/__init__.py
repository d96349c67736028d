"""NUM: conflicting figures.

Design note. A figure is only comparable once we know what it measures. Extraction (extract.py)
turns "120余家本级会员企业" into an interval [120, 132) with unit 家; keying (keys.py) finds what
is counted (会员企业; 公司 and 企业 are one through the synonym data), its scope (本级), its time
(years and relative times of the sentence; 累计/N年来 mark a cumulative figure) and its kind
(achieved, target, change).
Two figures conflict only when key, unit, scope, time and kind are compatible, their sentences share
context beyond the key, and their intervals do not overlap: different numbers alone never make a
conflict. NUM001 compares within a document, NUM002 across documents, NUM003 against a facts file.
"""

from .num001_conflicting_figures import ConflictingFigures
from .num002_cross_document_conflict import CrossDocumentConflict
from .num003_fact_contradiction import FactContradiction

RULES = [ConflictingFigures, CrossDocumentConflict, FactContradiction]
