"""Bytes to article text: UTF-8 (with or without BOM), no binary, newlines as \\n."""

from __future__ import annotations

from quotecheck.read.model import ReadError


def decode(raw: bytes, where: str) -> str:
    """The text of ``raw``; ReadError (naming ``where``) for binary or non-UTF-8 content."""
    if b"\x00" in raw:
        raise ReadError(f"{where}: binary file (contains NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReadError(f"{where}: not UTF-8 text (invalid byte at offset {error.start})") from None
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def require_text(text: str, where: str) -> str:
    """``text`` without surrounding whitespace; ReadError when nothing is left."""
    text = text.strip()
    if not text:
        raise ReadError(f"{where}: no text")
    return text
