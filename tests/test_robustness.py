"""Whatever the input, jiaokan answers with findings, a one-line error or a skip: never a
traceback, and the same exit code for the same input."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run_subprocess
from jiaokan import Document
from jiaokan.decode import DecodeError, decode


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4096))
def test_any_bytes_decode_or_raise_a_decode_error(data):
    try:
        d = decode(data)
    except DecodeError:
        return
    assert isinstance(d.text, str) and d.newline in ("\n", "\r\n", "\r")


_ENGINE: dict = {}


def _engine():
    from pathlib import Path

    from jiaokan.config import Settings
    from jiaokan.registry import Registry
    from jiaokan.runner import Engine

    if "e" not in _ENGINE:
        _ENGINE["e"] = Engine(Settings(root=Path.cwd()), Registry())
    return _ENGINE["e"]


TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
        st.sampled_from(list("，。、；：！？“”《》（）\n\r\t 　#*-`>|0123456789.%万亿多余近约第年月日")),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=400,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from(["a.txt", "a.md"]))
def test_any_text_gives_findings_with_valid_positions(text, name):
    doc = Document(name, text)
    findings = _engine().check_documents({name: doc})
    for f in findings:
        assert f.code != "JK002", f.message  # no rule crashed
        assert 0 <= f.start.offset <= f.end.offset <= len(text)
        assert doc.position(f.start.offset) == f.start
        if f.fix:
            for e in f.fix.edits:
                assert 0 <= e.start_offset <= e.end_offset <= len(text)


def test_deep_markdown_many_tiny_files_and_a_long_line(tmp_path):
    (tmp_path / "deep.md").write_text("> " * 500 + "- " * 500 + "**" * 300 + "深层嵌套的引用。\n" + "```\n" * 51,
                                      encoding="utf-8")
    for i in range(300):
        (tmp_path / f"tiny{i:03d}.txt").write_text(random.Random(i).choice(["", "。", "一", "a\n", "第一条。\n"]),
                                                    encoding="utf-8")
    rng = random.Random(7)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 2000)]
    line = "".join(rng.choice(han) if rng.random() < 0.9 else rng.choice("，。、0123456789") for _ in range(700_000))
    (tmp_path / "long.txt").write_text(line, encoding="utf-8")
    first = run_subprocess("check", tmp_path, "--isolated", "--no-cache", "--format", "json",
                           "--select", "WRAP,DUP,NUM")
    assert first.code in (0, 1) and "Traceback" not in first.err
    assert first.json["summary"]["files_checked"] == 302
    again = run_subprocess("check", tmp_path, "--isolated", "--no-cache", "--format", "json",
                           "--select", "WRAP,DUP,NUM")
    assert again.code == first.code and again.json["findings"] == first.json["findings"]
