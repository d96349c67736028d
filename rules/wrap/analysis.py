"""The line analysis all WRAP rules share (computed once per document)."""

from __future__ import annotations

from dataclasses import dataclass

import regex
from rich.cells import cell_len

from jiaokan.document import INVISIBLE

STRIP = " \t\u3000\u00a0" + INVISIBLE
# What may close a sentence or a heading-like unit at the end of a line.
TERMINAL = set("。！？!?；;…：:—.")
SENTENCE_END = set("。！？；")
COMMAS = set("，、,")  # a line ending on one goes on
DECIMAL_TAIL = regex.compile(r"\d+(?:[%％‰]|\p{Han})")
CLOSERS = set("”’」』）)》】〕\"'")
# Lines made only of these are orphaned punctuation (WRAP002).
ORPHAN = set("。，、；：！？,.;:!?）)」』”’》】")
# A line starting with one of these continues the line before it.
CONTINUES = set("。，、；：！？）)」』”’》】%％‰") | set("万亿")
_HAN_RUN = regex.compile(r"\p{Han}+")
INTERNAL = regex.compile(r"[，、；。！？：,;]")
FUNCTION_END = set("的地得和与及或在对为把被将从向以于并而且之所其")
MD_BLOCK = regex.compile(r"^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>|\||```|~~~|---\s*$|\*\*\*\s*$)")
NUMBERED_HEADING = regex.compile(
    r"^(?:第[一二三四五六七八九十百零〇两\d]+[章节条部分篇编讲]|[一二三四五六七八九十]+[、.．]|"
    r"[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．](?!\d)|[①-⑳]|[A-Za-z][.、)])"
)
LABEL = regex.compile(r"^[^，。、；\s]{1,8}[：:]\s*\S")
BYLINE = regex.compile(r"(?:记者|通讯员|编辑|作者|摄影|撰稿|审校|校对|来源)")
DATE_LINE = regex.compile(r"^[—\-\s]*\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?")
# A number followed by an approximator or classifier: "1300多个…" continues a sentence.
NUMBER_CONT = regex.compile(r"^[\d.,，]+\s*(?:[多余近]?\s*(?:个|万|亿|千|百|名|人|家|项|件|次|户|元|所|座|条|场|平方|公里|吨|份|位|种|批|台|辆))")


@dataclass
class ContentLine:
    number: int
    start: int  # offset of the first content character
    end: int  # offset after the last content character
    text: str  # the content, stripped

    @property
    def width(self) -> int:
        return cell_len(self.text)


@dataclass
class Break:
    first: ContentLine
    second: ContentLine
    score: int
    reasons: list[str]


def is_terminal(text: str) -> bool:
    t = text.rstrip()
    while t and t[-1] in CLOSERS:
        prev = t[:-1].rstrip()
        if not prev or prev[-1] in TERMINAL:
            return True
        # A closing quote/bracket after a word: “安康杯” or (市) end a unit only at a heading.
        return False
    return bool(t) and t[-1] in TERMINAL


def is_orphan(text: str) -> bool:
    return bool(text) and text[0] in ORPHAN and all(ch in ORPHAN for ch in text)


def is_block_shape(text: str, raw: str, first: bool = False) -> bool:
    """Lines that are never a wrapped fragment nor its continuation: headings, list items, tables,
    numbered headings, labels, bylines, dates. As the ``first`` piece of a break, a numbered line
    that goes on as prose is a paragraph opened by its heading (（五）做好就业工作。统筹…), which a
    wrap can cut like any other: a sentence closes inside it, or it ends on a comma."""
    if MD_BLOCK.match(raw):
        return True
    if NUMBERED_HEADING.match(text) and not (first and _goes_on_as_prose(text)):
        return True
    short = len(text) <= 30
    if short and LABEL.match(text):
        return True
    if len(text) <= 24 and BYLINE.search(text) and not INTERNAL.search(text):
        return True
    if short and DATE_LINE.match(text) and not INTERNAL.search(text[:-1]):
        return True
    return False


def _goes_on_as_prose(text: str) -> bool:
    """A line that a heading does not make: it closes a sentence before its end, or ends on a comma."""
    return text[-1] in COMMAS or any(ch in SENTENCE_END for ch in text[:-1])


def ends_mid_number(a: str, b: str) -> bool:
    """A line that ends on a decimal point the next line's digits continue, up to a unit or a Han
    character (4. / 47万亿元; not an English sentence's "in 2020." / "2021 saw")."""
    return len(a) >= 2 and a[-1] == "." and a[-2].isdigit() and bool(DECIMAL_TAIL.match(b))


def content_lines(doc) -> list[tuple[ContentLine, str]]:
    out = []
    for line in doc.lines:
        if line.skipped or line.is_blank:
            continue
        raw = line.text
        lead = len(raw) - len(raw.lstrip(STRIP))
        trail = len(raw) - len(raw.rstrip(STRIP))
        text = raw[lead : len(raw) - trail]
        out.append((ContentLine(line.number, line.start + lead, line.end - trail, text), raw))
    return out


def _straddling_word(a: str, b: str) -> str | None:
    """A dictionary word that the segmenter places across the break between ``a`` and ``b``."""
    from jiaokan.rules.lang import cut, freq

    tail, head = a[-6:], b[:6]
    if not tail or not head:
        return None
    pos = 0
    for tok in cut(tail + head):
        end = pos + len(tok)
        if pos < len(tail) < end and len(tok) >= 2 and freq(tok) >= 1 and _HAN_RUN.fullmatch(tok):
            return tok
        pos = end
    return None


def score_break(a: ContentLine, b: ContentLine, b_next_is_fragment: bool, a_continues: bool,
                wrap_width: int | None = None) -> tuple[int, list[str]]:
    score, why = 0, []
    if wrap_width and b_next_is_fragment and abs(a.width - wrap_width) <= 0.2 * wrap_width:
        score += 2
        why.append(f"the line has the document's hard-wrap width ({wrap_width} columns)")
    if a_continues:
        score += 2
        why.append("the line is itself the continuation of a broken line")
    at, bt = a.text, b.text
    if at[-1] in COMMAS:
        score += 3
        why.append("the line ends with a comma")
    if bt[0] in CONTINUES:
        score += 3
        why.append(f"the next line starts with “{bt[0]}”")
    elif NUMBER_CONT.match(bt):
        score += 2
        why.append("the next line starts with a counted quantity")
    if INTERNAL.search(at):
        score += 3
        why.append("the line is prose (it has sentence punctuation) but no closing punctuation")
    elif len(at) >= 40:
        score += 2
        why.append("the line is long prose with no closing punctuation")
    if at[-1] in FUNCTION_END:
        score += 2
        why.append(f"the line ends on “{at[-1]}”")
    word = _straddling_word(at, bt)
    if word:
        score += 2
        why.append(f"the word “{word}” is split across the lines")
    if b_next_is_fragment and max(a.width, b.width) >= 16:
        if abs(a.width - b.width) <= 0.2 * max(a.width, b.width):
            score += 1
            why.append("the lines have the same width, as a hard wrap gives")
    return score, why


THRESHOLD = 3


def analyse(doc) -> dict:
    """Content lines, orphan-punctuation lines and the breaks judged to be wraps."""
    cached = doc.cache.get("wrap")
    if cached is not None:
        return cached
    lines = content_lines(doc)
    orphans = []
    prose: list[tuple[ContentLine, str]] = []
    after_orphan: set[int] = set()  # prose lines that follow an orphan-punctuation line
    for cl, raw in lines:
        if is_orphan(cl.text):
            orphans.append(cl)
            after_orphan.add(len(prose))
        else:
            prose.append((cl, raw))
    # Candidate pairs: neighbouring content lines, the first not closed, neither a block shape.
    candidates: list[bool] = []
    for i in range(len(prose) - 1):
        (a, araw), (b, braw) = prose[i], prose[i + 1]
        ok = (i + 1 not in after_orphan and (not is_terminal(a.text) or ends_mid_number(a.text, b.text))
              and not is_block_shape(a.text, araw, first=True) and not is_block_shape(b.text, braw))
        candidates.append(ok)
    if doc.is_markdown:
        # In Markdown, lines with no blank line between them are one paragraph already (a soft wrap).
        candidates = [ok and _has_blank_between(prose[i][0], prose[i + 1][0]) for i, ok in enumerate(candidates)]
    breaks = _score_all(prose, candidates, None)
    width = _wrap_width(breaks)
    if width:
        breaks = _score_all(prose, candidates, width)
    result = {"lines": [cl for cl, _ in lines], "prose": prose, "orphans": orphans, "breaks": breaks}
    doc.cache["wrap"] = result
    return result


def _score_all(prose, candidates, wrap_width) -> list[Break]:
    breaks: list[Break] = []
    for i, ok in enumerate(candidates):
        if not ok:
            continue
        a, b = prose[i][0], prose[i + 1][0]
        b_fragment = i + 1 < len(candidates) and candidates[i + 1]
        a_continues = bool(breaks) and breaks[-1].second is a
        score, why = score_break(a, b, b_fragment, a_continues, wrap_width)
        if score >= THRESHOLD:
            breaks.append(Break(a, b, score, why))
    return breaks


def _wrap_width(breaks: list[Break]) -> int | None:
    """The column width at which the document was hard-wrapped, when its breaks agree on one:
    the median width of the broken pieces that are followed by another piece."""
    widths = sorted(br.first.width for br in breaks if br.first.width <= 60)
    if len(widths) < 5:
        return None
    mid = widths[len(widths) // 2]
    close = sum(1 for w in widths if abs(w - mid) <= 0.2 * mid)
    return mid if close >= 0.6 * len(widths) else None


def _has_blank_between(a: ContentLine, b: ContentLine) -> bool:
    return b.number - a.number > 1


def join_edit_text(doc, a_end: int, b_start: int) -> str:
    """What replaces the whitespace between two joined pieces: nothing, or one space between
    two Latin letters/digits."""
    left = doc.text[a_end - 1] if a_end > 0 else ""
    right = doc.text[b_start] if b_start < len(doc.text) else ""
    if left.isascii() and right.isascii() and left.isalnum() and right.isalnum():
        return " "
    return ""
