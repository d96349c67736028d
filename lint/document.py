"""`Document`: one decoded file, its line index, and a normalised view for the rule families.

The normalised view (`Document.norm`) keeps only the characters that carry content: whitespace of
every kind (ASCII, U+3000, NBSP, zero-width characters), Markdown markup and every region the rules
must skip (front matter, code blocks, HTML comments, suppression directives) are dropped.
`Document.norm_map[i]` is the offset in `Document.text` of `norm[i]`, so a rule can work on text
whose wraps and indentation are gone and still report positions in the original file.
"""

from __future__ import annotations

import bisect
from array import array
from functools import cached_property
from itertools import accumulate, count
from operator import add
from typing import NamedTuple

import regex

from .model import Position
from .speedups import char_runs, ranges

NEWLINE = regex.compile(r"\r\n|\r|\n")
# Characters that never carry content: Unicode whitespace plus zero-width marks and soft hyphens.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# The characters of the regex module's \s (Unicode White_Space; a test holds the two together)
# and the invisible marks: what the normalised view drops.
WHITESPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
             "\u2028\u2029\u202f\u205f\u3000"
_SPACES = "".join(sorted(set(WHITESPACE + INVISIBLE)))
SPACE_RUN = regex.compile("[" + regex.escape(_SPACES) + "]+")


def _complement(chars: str) -> bytes:
    """The code point ranges (as ``char_runs`` takes them) of every character not in ``chars``."""
    out, first = [], 0
    for c in sorted(set(map(ord, chars))):
        if c > first:
            out.extend((first, c - 1))
        first = c + 1
    if first <= 0x10FFFF:
        out.extend((first, 0x10FFFF))
    return array("I", out).tobytes()


_CONTENT = _complement(_SPACES)  # what lies between the runs of SPACE_RUN

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdx", ".mkd"}

_FENCE = regex.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_HTML_COMMENT = regex.compile(r"<!--.*?-->", regex.S)
# Markup at the start of a Markdown line: headings, quotes, list markers, table pipes.
_MD_LINE_PREFIX = regex.compile(
    r"[ \t]*(?:(?:>[ \t]?)+)?(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,3}[.)][ \t]+)?"
)
# Inline markup: emphasis runs, code ticks, image/link brackets and link targets, table pipes,
# trailing heading hashes.
_MD_INLINE = regex.compile(
    r"!?\[|\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|\]|\*{1,3}|_{2,3}|`+|\||[ \t]#+[ \t]*$|<br\s*/?>",
    regex.M,
)


class Line(NamedTuple):  # (a tuple: a document of many lines makes them quickly)
    number: int  # 1-based
    start: int  # offset of the first character
    end: int  # offset after the last character, newline excluded
    text: str
    skipped: bool  # inside front matter, a code block, an HTML comment or a directive

    @property
    def is_blank(self) -> bool:
        return not self.text.strip(" \t\u3000\u00a0" + INVISIBLE)


class Document:
    """A decoded text document. Rules read it; they never read files themselves."""

    def __init__(
        self,
        path: str,
        text: str,
        *,
        encoding: str = "utf-8",
        bom: bool = False,
        newline: str = "\n",
        kind: str | None = None,
        fs_path: str | None = None,
        source_bytes_hash: str | None = None,
    ) -> None:
        self.path = path  # display path, POSIX separators, relative where possible
        self.source_bytes_hash = source_bytes_hash  # of the bytes read: a fix never overwrites a newer file
        self.fs_path = fs_path or path
        self.text = text
        self.encoding = encoding
        self.bom = bom
        self.newline = newline
        if kind is None:
            suffix = path[path.rfind(".") :].lower() if "." in path else ""
            kind = "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
        self.kind = kind
        # Scratch space for analyses several rules share (e.g. the WRAP line analysis).
        self.cache: dict = {}
        if "\r" not in text:  # the common case, by str.split (ten times faster than a regex's matches)
            lengths = list(map(len, text.split("\n")))
            self.line_starts = list(accumulate(map((1).__add__, lengths[:-1]), initial=0))
            self.line_ends = list(map(add, self.line_starts, lengths))
        else:
            self.line_starts = [0]
            self.line_ends = []
            for m in NEWLINE.finditer(text):
                self.line_ends.append(m.start())
                self.line_starts.append(m.end())
            self.line_ends.append(len(text))
        if text and self.line_starts[-1] == len(text) and len(self.line_starts) > 1:
            # A final newline does not open another line.
            self.line_starts.pop()
            self.line_ends.pop()

    # -- positions -------------------------------------------------------------------------------

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self.text)))
        idx = bisect.bisect_right(self.line_starts, offset) - 1
        return Position(idx + 1, offset - self.line_starts[idx] + 1, offset)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    @property
    def is_markdown(self) -> bool:
        return self.kind == "markdown"

    # -- regions the rules skip ------------------------------------------------------------------

    @cached_property
    def skipped_ranges(self) -> list[tuple[int, int]]:
        """Sorted, merged ``(start, end)`` ranges that no rule looks at."""
        from .suppress import DIRECTIVE_LINE

        ranges: list[tuple[int, int]] = []
        text = self.text
        n = len(self.line_starts)
        if self.is_markdown:
            i = 0
            if n and text[self.line_starts[0] : self.line_ends[0]].strip() == "---":
                for j in range(1, n):
                    if text[self.line_starts[j] : self.line_ends[j]].strip() in ("---", "..."):
                        ranges.append((0, self.line_ends[j]))
                        i = j + 1
                        break
            fence = None
            fence_start = 0
            while i < n:
                line = text[self.line_starts[i] : self.line_ends[i]]
                m = _FENCE.match(line)
                if fence is None and m:
                    fence, fence_start = m.group(1), self.line_starts[i]
                elif fence is not None and m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                    ranges.append((fence_start, self.line_ends[i]))
                    fence = None
                i += 1
            if fence is not None:
                ranges.append((fence_start, len(text)))
            for m in _HTML_COMMENT.finditer(text):
                ranges.append((m.start(), m.end()))
        at = text.find("jiaokan")  # the lines that hold a directive hold this word
        while at >= 0:
            i = bisect.bisect_right(self.line_starts, at) - 1
            line = text[self.line_starts[i] : self.line_ends[i]]
            if DIRECTIVE_LINE.match(line):
                ranges.append((self.line_starts[i], self.line_ends[i]))
            at = text.find("jiaokan", self.line_ends[i])
        return _merge(ranges)

    def is_skipped(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` overlaps a skipped range (a point when ``end`` is None)."""
        end = start + 1 if end is None else end
        ranges = self.skipped_ranges
        idx = bisect.bisect_right(ranges, (start, float("inf"))) - 1
        for j in (idx, idx + 1):
            if 0 <= j < len(ranges) and ranges[j][0] < end and start < ranges[j][1]:
                return True
        return False

    @cached_property
    def lines(self) -> list[Line]:
        text = self.text
        if not text:
            return []
        skips = bool(self.skipped_ranges)  # (most documents skip nothing: no search per line)
        return [Line(i, s, e, text[s:e], skips and self.is_skipped(s, max(e, s + 1)))
                for i, s, e in zip(count(1), self.line_starts, self.line_ends)]

    # -- the normalised view ----------------------------------------------------------------------

    @cached_property
    def _normalised(self) -> tuple[str, array]:
        text = self.text
        if not self.is_markdown and not self.skipped_ranges:  # the common case: only whitespace goes
            starts, runs = char_runs(text, _CONTENT)
            return "".join(runs), ranges([(start, start + len(run)) for start, run in zip(starts, runs)])
        drop: list[tuple[int, int]] = list(self.skipped_ranges)
        drop.extend(m.span() for m in SPACE_RUN.finditer(text))
        if self.is_markdown:
            for s, e in zip(self.line_starts, self.line_ends):
                m = _MD_LINE_PREFIX.match(text, s, e)
                if m and m.end() > s:
                    drop.append((s, m.end()))
                for m in _MD_INLINE.finditer(text, s, e):
                    drop.append(m.span())
        kept = []
        pos = 0
        for s, e in _merge(drop):
            if s > pos:
                kept.append((pos, s))
            pos = max(pos, e)
        if pos < len(text):
            kept.append((pos, len(text)))
        return "".join([text[s:e] for s, e in kept]), ranges(kept)

    @property
    def norm(self) -> str:
        return self._normalised[0]

    @property
    def norm_map(self) -> array:
        return self._normalised[1]

    def norm_to_span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` offsets of the normalised slice ``norm[start:end]``."""
        m = self.norm_map
        if end <= start:
            o = m[start] if start < len(m) else len(self.text)
            return o, o
        return m[start], m[end - 1] + 1

    def norm_index(self, offset: int) -> int:
        """Index in ``norm`` of the first kept character at or after ``offset``."""
        return bisect.bisect_left(self.norm_map, offset)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Document({self.path!r}, {len(self.text)} chars, {self.encoding})"


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out
