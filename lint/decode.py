"""Turn a file's bytes into text, remembering how to write it back (encoding, BOM, newlines)."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import regex


class DecodeError(Exception):
    """The bytes are not text in any encoding jiaokan accepts."""


class BinaryFile(DecodeError):
    """The file is binary (NUL bytes without a UTF-16/32 byte-order mark, or a known magic)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # codec name used to encode it back, e.g. "utf-8", "gb18030", "utf-16-le"
    bom: bool
    newline: str  # the dominant line ending: "\n", "\r\n" or "\r"


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b")
# When UTF-8 fails, these are the encodings a Chinese document plausibly uses.
# (UTF-16/32 without a byte-order mark are left out: any even-length garbage "decodes" to Han.)
FALLBACK_ENCODINGS = ["big5"]
_PLAUSIBLE = regex.compile(r"[\p{Han}\p{P}\p{S}\p{N}\p{Latin}\s\u3000-\u303f\uff00-\uffef]")


def detect_newline(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    if crlf >= lf and crlf >= cr and crlf:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def decode(data: bytes) -> Decoded:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError as e:
                raise DecodeError(f"invalid {enc} after its byte-order mark at byte {e.start + len(bom)}") from None
            if enc != "utf-8" and not _plausible(text):
                raise DecodeError(f"starts with a {enc} byte-order mark but is not {enc} text")
            return Decoded(text, enc, True, detect_newline(text))
    head = data[:8192]
    if head.startswith(_MAGIC) or b"\x00" in head:
        raise BinaryFile("binary file")
    try:
        text = data.decode("utf-8")
        return Decoded(text, "utf-8", False, detect_newline(text))
    except UnicodeDecodeError as e:
        utf8_error = e
    # Strict GB18030 first: it is the usual encoding of mainland documents that are not UTF-8, and
    # charset-normalizer misreads short GB texts (as cp949, for example).
    candidates = []
    try:
        candidates.append(("gb18030", data.decode("gb18030")))
    except UnicodeDecodeError:
        pass
    if not candidates:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=FALLBACK_ENCODINGS).best()
        if best is not None:
            candidates.append((codecs.lookup(best.encoding).name, str(best)))
    for enc, text in candidates:
        if _plausible(text):
            return Decoded(text, enc, False, detect_newline(text))
    raise DecodeError(
        f"not valid UTF-8 (byte {utf8_error.start}: 0x{data[utf8_error.start]:02x}) "
        "and not GB18030 or Big5 text"
    )


def _plausible(text: str) -> bool:
    if not text:
        return True
    good = len(_PLAUSIBLE.findall(text))
    return good / len(text) >= 0.95


def encode(text: str, decoded_encoding: str, bom: bool) -> bytes:
    """Bytes for ``text`` in the file's original encoding, with its BOM if it had one."""
    data = text.encode(decoded_encoding)
    if bom:
        prefix = {
            "utf-8": codecs.BOM_UTF8,
            "utf-16-le": codecs.BOM_UTF16_LE,
            "utf-16-be": codecs.BOM_UTF16_BE,
            "utf-32-le": codecs.BOM_UTF32_LE,
            "utf-32-be": codecs.BOM_UTF32_BE,
        }.get(decoded_encoding, b"")
        data = prefix + data
    return data
