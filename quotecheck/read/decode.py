"""Bytes to article text: UTF-8 or UTF-16 by their byte order mark, else UTF-8, else the encoding a detector
(charset-normalizer) finds, Windows-1252 first; no binary; newlines as \\n. An encoding can be forced."""

from __future__ import annotations

import codecs

from quotecheck.read.model import ReadError

# UTF-16 text (Windows editors save it) is full of NUL bytes: its byte order mark tells it from binary.
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Text that is not UTF-8 from an English-language desk is most likely Windows-1252 (which reads Latin-1 text the
# same, and which browsers take for "latin-1" too): asked first, the detector only judges whether it reads as
# text. Asked to choose freely among all encodings, it takes Central European cp1250 for short English texts,
# turning "São" into "Săo".
_LIKELY_LEGACY = ["cp1252"]


def decode(raw: bytes, where: str, encoding: str | None = None) -> str:
    """The text of ``raw``; ReadError (naming ``where``) for binary content or text in no known encoding.
    ``encoding`` forces one (any name Python's codecs know); the caller checks that it exists."""
    if encoding is not None:
        return normalise_newlines(_decode_as(raw, encoding, where))
    if raw.startswith(UTF16_BOMS):
        return normalise_newlines(_decode_as(raw, "utf-16", where))
    if b"\x00" in raw:
        raise ReadError(f"{where}: binary file (contains NUL bytes)")
    try:
        return normalise_newlines(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    return normalise_newlines(_detected(raw, where))


def _decode_as(raw: bytes, encoding: str, where: str) -> str:
    try:
        return raw.decode("utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding)
    except UnicodeDecodeError as error:
        raise ReadError(f"{where}: not {encoding} text (invalid byte at offset {error.start})") from None


def _detected(raw: bytes, where: str) -> str:
    from charset_normalizer import from_bytes  # loaded only for the rare file that is not UTF-8

    match = from_bytes(raw, cp_isolation=_LIKELY_LEGACY).best() or from_bytes(raw).best()
    if match is None:
        raise ReadError(f"{where}: not UTF-8 text, and no other encoding fits (give --encoding)")
    return str(match)


def known_encoding(name: str) -> bool:
    """Is ``name`` an encoding Python can decode text with (not a bytes-to-bytes codec such as base64)?"""
    try:
        return codecs.lookup(name)._is_text_encoding
    except LookupError:
        return False


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
