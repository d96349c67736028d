"""TYPO: OCR and typing errors.

Design note. Statistical and offline: jieba's dictionary (350,000 words with corpus frequencies)
and the document's own vocabulary are the language data; four-corner codes (shape) and pypinyin
(sound) say which characters are confusable. The text is segmented, and where the segmentation
leaves a non-word (single characters, or a rare form), one-edit neighbours are tried: swap two
adjacent characters (TYPO001), drop a doubled one (TYPO002), insert a missing one (TYPO003), or
replace one with a look- or sound-alike (TYPO004). A neighbour is suggested only when it is far
more frequent in the lexicon (100 times), or a term the document itself uses several times, and
still reads as a word in context. Real words are never changed into other real words: that needs
a language model, and a linter that guesses cries wolf.
"""

from .typo001_transposed import TransposedCharacters
from .typo002_doubled import DoubledCharacter
from .typo003_missing import MissingCharacter
from .typo004_confusable import ConfusableCharacter

RULES = [TransposedCharacters, DoubledCharacter, MissingCharacter, ConfusableCharacter]
