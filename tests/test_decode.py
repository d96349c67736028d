"""Decoding: encodings, BOMs and line endings are detected and remembered for writing back."""

import codecs

import pytest

from jiaokan.decode import BinaryFile, DecodeError, decode, encode

TEXT = "高技能人才总量已达116万名。\n关键词：抓改革\n"


@pytest.mark.parametrize(
    "data, encoding, bom",
    [
        (TEXT.encode("utf-8"), "utf-8", False),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", True),
        (TEXT.encode("gb18030"), "gb18030", False),
        ("高技能人才".encode("gbk"), "gb18030", False),  # short GBK text, which charset guessers misread
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le", True),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be", True),
    ],
)
def test_encodings_round_trip(data, encoding, bom):
    d = decode(data)
    assert d.encoding == encoding and d.bom is bom
    assert d.text.replace("\ufeff", "") in (TEXT, "高技能人才")
    assert encode(d.text, d.encoding, d.bom) == data


def test_line_endings_are_kept_and_detected():
    d = decode("一\r\n二\r\n三".encode())
    assert d.newline == "\r\n" and d.text == "一\r\n二\r\n三"
    assert decode(b"a\rb\rc").newline == "\r"
    assert decode(b"a\nb").newline == "\n"


def test_binary_and_undecodable_bytes():
    with pytest.raises(BinaryFile):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(BinaryFile):
        decode(b"abc\x00def")
    with pytest.raises(DecodeError) as e:
        decode("中文".encode() + b"\xff\xfe\xfd\xfc" + "更多".encode())
    assert "not valid UTF-8" in str(e.value)


def test_empty_file_is_text():
    assert decode(b"").text == ""
