"""WRAP: broken line wraps.

Design note. Text pasted from PDFs, OCR and newspaper layouts arrives cut into lines at the column
width, often with blank lines between the pieces. For each pair of neighbouring content lines
(blank lines between them do not matter) we ask whether the first stops mid-sentence and the second
continues it. "Stops mid-sentence" is cheap: no closing punctuation. "Continues it" needs evidence,
because headings, bylines and labels also lack closing punctuation: the first line already holds
sentence punctuation (it is prose, not a title), the second starts with something no sentence starts
with (closing punctuation, 万/亿, a number with a classifier), a dictionary word straddles the break,
the first ends on a function word, or both lines have the same width as a hard wrap would give.
Line shapes that are never wraps (headings, list items, labels, bylines, dates) are excluded first.
"""

from .wrap001_broken_wrap import BrokenWrap
from .wrap002_orphan_punctuation import OrphanPunctuation
from .wrap003_truncated_ending import TruncatedEnding

RULES = [BrokenWrap, OrphanPunctuation, TruncatedEnding]
