"""JSON Lines: one article per line, ``{"text": ..., "title", "url", "outlet", "published", "id"}``.

``publisher`` and ``date`` are accepted for ``outlet`` and ``published`` (as in the PolNeAR development set)."""

from __future__ import annotations

import json
import codecs
from collections.abc import Iterable, Iterator
from itertools import chain

import regex

from quotecheck.read.decode import UTF16_BOMS, decode, headline, normalise_newlines
from quotecheck.read.model import Article, ReadError

_ISO_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(value: object) -> str | None:
    """The YYYY-MM-DD at the start of an ISO date or timestamp, else None."""
    if isinstance(value, str):
        match = _ISO_DATE.match(value.strip())
        if match:
            return match.group()
    return None


def looks_like_jsonl(content: str) -> bool:
    """The first non-blank line is a JSON object with a "text" string (how stdin is recognised). Later lines are
    not required to be valid: a bad one is reported by its line number like in a .jsonl file."""
    first = next((line for line in json_lines(content) if line.strip()), None)
    if first is None:
        return False
    try:
        record = json.loads(first)
    except ValueError:
        return False
    return isinstance(record, dict) and isinstance(record.get("text"), str)


def json_lines(content: str) -> list[str]:
    """The lines of JSON Lines text. Only \\n ends a line: str.splitlines() also breaks at U+2028, U+0085 and
    other characters that JSON strings may hold raw, which would cut a valid record in two."""
    return content.split("\n")


def stream_lines(raw_lines: Iterable[bytes], path: str, encoding: str | None = None) -> Iterator[str | ReadError]:
    """The lines of JSON Lines bytes (``raw_lines``: a binary file or stream), decoded one at a time as UTF-8 (as
    JSON Lines is) so a file of any size is read in bounded memory. A line that cannot be decoded comes as a
    ReadError without its location (text_records adds it); a first line that cannot is the whole file's
    ReadError, raised: it is not text. UTF-16 (with its byte order mark) and a forced ``encoding`` are rare and
    read whole."""
    raw_lines = iter(raw_lines)
    first = next(raw_lines, b"")
    if first.startswith(UTF16_BOMS) or encoding is not None:
        yield from json_lines(decode(first + b"".join(raw_lines), path, encoding))
        return
    offset = 0
    for raw in chain([first.removeprefix(codecs.BOM_UTF8)], raw_lines):
        problem = text = None
        if b"\x00" in raw:
            problem = "binary file (contains NUL bytes)" if offset == 0 else "contains NUL bytes"
        else:
            try:
                text = normalise_newlines(raw.decode("utf-8"))
            except UnicodeDecodeError as error:
                problem = f"not UTF-8 text (invalid byte at offset {offset + error.start})"
        if problem is not None and offset == 0:  # already the first line: not a text file at all
            raise ReadError(f"{path}: {problem}")
        offset += len(raw)
        if problem is not None:
            yield ReadError(problem)
        else:  # a lone \r ends a line too, as when a whole file is read
            yield from json_lines(text.removesuffix("\n"))


def text_records(lines: Iterable[str | ReadError], path: str) -> Iterator[tuple[str, dict] | str]:
    """``(where, record)`` for each line holding a JSON object with a "text" string, else a one-line error
    message naming ``path:line``. Blank lines are skipped. ``lines``: json_lines(content) or stream_lines(...).
    (The gold reader uses this too.)"""
    for number, line in enumerate(lines, start=1):
        where = f"{path}:{number}"
        if isinstance(line, ReadError):
            yield f"{where}: {line}"
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            yield f"{where}: not valid JSON ({error.msg})"
            continue
        if not isinstance(record, dict):
            yield f"{where}: not a JSON object"
        elif not isinstance(record.get("text"), str):
            yield f'{where}: no "text" string'
        else:
            yield where, record


def jsonl_articles(lines: Iterable[str | ReadError], path: str) -> Iterator[Article | ReadError]:
    for item in text_records(lines, path):
        if isinstance(item, str):
            yield ReadError(item)
            continue
        where, record = item
        text = normalise_newlines(record["text"]).strip()
        if not text:
            yield ReadError(f"{where}: empty text")
            continue
        yield Article(
            text=text,
            title=_string(record.get("title")) or headline(text),
            outlet=_string(record.get("outlet")) or _string(record.get("publisher")),
            url=_string(record.get("url")),
            published=iso_date(record.get("published")) or iso_date(record.get("date")),
            source=where,
            external_id=_identifier(record.get("id")),
        )


def _string(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _identifier(value: object) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _string(value)
