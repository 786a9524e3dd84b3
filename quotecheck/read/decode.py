"""Bytes to article text: UTF-8 (with or without BOM) or UTF-16 with its BOM, no binary, newlines as \\n."""

from __future__ import annotations

import codecs

from quotecheck.read.model import ReadError

# UTF-16 text (Windows editors save it) is full of NUL bytes: its byte order mark tells it from binary.
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode(raw: bytes, where: str) -> str:
    """The text of ``raw`` (UTF-8, or UTF-16 with its byte order mark); ReadError (naming ``where``) for binary or
    other content."""
    encoding = "utf-16" if raw.startswith(UTF16_BOMS) else "utf-8-sig"
    if encoding == "utf-8-sig" and b"\x00" in raw:
        raise ReadError(f"{where}: binary file (contains NUL bytes)")
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        name = "UTF-16" if encoding == "utf-16" else "UTF-8"
        raise ReadError(f"{where}: not {name} text (invalid byte at offset {error.start})") from None
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def require_text(text: str, where: str) -> str:
    """``text`` without surrounding whitespace; ReadError when nothing is left."""
    text = text.strip()
    if not text:
        raise ReadError(f"{where}: no text")
    return text


_TITLE_MAX_CHARS = 200


def headline(text: str) -> str | None:
    """A short first line without closing punctuation, followed by more text: the headline of a plain text
    (a .txt file, or a JSONL record without a title)."""
    first, newline, rest = text.partition("\n")
    if newline and rest.strip() and len(first) <= _TITLE_MAX_CHARS and not first.rstrip().endswith(
        (".", "!", "?", '"', "”", "’", "'", ":")
    ):
        return first.strip() or None
    return None
