"""Document: line index, positions and the normalised view with its offset map."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from jiaokan import Document


def test_positions_are_code_points_lines_and_columns_one_based():
    doc = Document("a.txt", "第一行\r\n第二行abc\n\n末")
    assert doc.position(0).to_json() == {"line": 1, "column": 1, "offset": 0}
    # CRLF counts as two code points; line 2 starts after it.
    assert doc.position(5).to_json() == {"line": 2, "column": 1, "offset": 5}
    assert doc.position(9).to_json() == {"line": 2, "column": 5, "offset": 9}
    assert doc.position(len(doc.text) - 1).line == 4
    assert [line.text for line in doc.lines] == ["第一行", "第二行abc", "", "末"]


def test_final_newline_does_not_open_a_line():
    assert len(Document("a.txt", "一\n二\n").lines) == 2
    assert Document("a.txt", "").lines == []


def test_normalised_view_drops_wraps_and_invisible_characters_and_maps_back():
    text = "维护职工合法\n\n　权益是工会\u200b的基本职\r\n责。"
    doc = Document("a.txt", text)
    assert doc.norm == "维护职工合法权益是工会的基本职责。"
    i = doc.norm.index("权益")
    start, end = doc.norm_to_span(i, i + 2)
    assert text[start:end] == "权益"
    # A span across the wrap maps to the original text, whitespace included.
    j = doc.norm.index("职责")
    s, e = doc.norm_to_span(j, j + 2)
    assert text[s:e] == "职\r\n责"


def test_markdown_markup_code_blocks_front_matter_and_comments_are_skipped():
    text = (
        "---\ntitle: 报告\n---\n"
        "# 标题\n\n"
        "正文**加粗**和[链接](http://example.com)。\n\n"
        "```\n代码块里的字\n```\n"
        "<!-- 注释里的字 -->\n"
        "- 列表项\n"
    )
    doc = Document("a.md", text)
    assert doc.norm == "标题正文加粗和链接。列表项"
    code_line = next(line for line in doc.lines if line.text == "代码块里的字")
    assert code_line.skipped
    assert not next(line for line in doc.lines if line.text.startswith("正文")).skipped


def test_plain_text_keeps_markdown_like_characters():
    doc = Document("a.txt", "# 标题\n正文*星号*")
    assert doc.norm == "#标题正文*星号*"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="工会 \u3000\n\r\t#*>`-[]()<!>1a\u200b", max_size=80), st.sampled_from(["a.txt", "a.md"]))
def test_the_norm_map_points_every_kept_character_at_itself(text, name):
    """norm[i] is text[norm_map[i]], the map ascends, and only whitespace, markup and skipped
    regions are left out (with the C speedups or without)."""
    import jiaokan.document as document
    from jiaokan import speedups

    doc = Document(name, text)
    assert len(doc.norm_map) == len(doc.norm)
    assert all(doc.text[m] == c for m, c in zip(doc.norm_map, doc.norm))
    assert all(a < b for a, b in zip(doc.norm_map, doc.norm_map[1:]))
    assert not any(c.isspace() for c in doc.norm)
    saved = document.ranges
    document.ranges = speedups.py_ranges
    try:
        assert Document(name, text).norm_map == doc.norm_map
    finally:
        document.ranges = saved


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="工a\n\r ", max_size=40))
@example("")
@example("\n")
@example("工\r\n会\n")
def test_line_index_is_the_newline_definition(text):
    """Lines end at \\r\\n, \\r or \\n (found by str.split when the text holds no \\r); a final
    line break opens no further line."""
    import re

    doc = Document("a.txt", text)
    starts, ends = [0], []
    for m in re.finditer(r"\r\n|\r|\n", text):
        ends.append(m.start())
        starts.append(m.end())
    ends.append(len(text))
    if text and starts[-1] == len(text) and len(starts) > 1:
        starts.pop()
        ends.pop()
    assert (doc.line_starts, doc.line_ends) == (starts, ends)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="工a \t\n\r\u3000\u200b\u00ad。", max_size=40), st.sampled_from(["a.txt", "a.md"]))
@example("工 会\u200b。\n", "a.txt")
def test_the_normalised_view_drops_whitespace_and_invisibles(text, path):
    """The normalised text is the text without whitespace and invisible marks (and, in Markdown,
    markup), each of its characters mapped to its offset in the text."""
    from jiaokan.document import INVISIBLE

    doc = Document(path, text)
    if path.endswith(".txt"):
        kept = [i for i, c in enumerate(text) if not (c.isspace() or c in INVISIBLE)]
        assert doc.norm == "".join(text[i] for i in kept)
        assert list(doc.norm_map) == kept
    assert all(doc.text[doc.norm_map[i]] == c for i, c in enumerate(doc.norm))


def test_whitespace_is_the_regex_modules_white_space_and_its_complement_the_content():
    """WHITESPACE lists the characters of regex's \\s; the content ranges (for char_runs) hold
    every other character but the invisible marks, so the plain-text view keeps exactly those."""
    import regex

    from jiaokan.document import _CONTENT, INVISIBLE, WHITESPACE
    from jiaokan.speedups import char_runs

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert set(WHITESPACE) == set(regex.findall(r"\s", every))
    starts, runs = char_runs(every, _CONTENT)
    assert "".join(runs) == regex.sub("[\\s" + INVISIBLE + "]", "", every)
    doc = Document("a.txt", "工\x85会\u2028职\x1c工\u200b。")
    assert doc.norm == "工会职\x1c工。"  # \x1c is str.isspace() but not \s: content, as before


def test_directive_lines_are_skipped_wherever_they_are():
    text = "工会\n<!-- jiaokan: ignore -->\n职工 jiaokan 不是指令\njiaokan: ignore-next-line TYPO\n末行"
    doc = Document("a.txt", text)
    lines = [text[s:e] for s, e in doc.skipped_ranges]
    from jiaokan.suppress import DIRECTIVE_LINE

    expected = [line for line in text.split("\n") if "jiaokan" in line and DIRECTIVE_LINE.match(line)]
    assert lines == expected and expected
