"""Paths (files, directories, "-") to articles: the entry point of the read stage."""

from __future__ import annotations

import errno
import io
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import TextIO

import regex

from quotecheck.read.decode import decode, headline, require_text
from quotecheck.read.jsonl import iso_date, json_lines, jsonl_articles, looks_like_jsonl, stream_lines
from quotecheck.read.model import Article, ReadError, Skipped

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
READABLE_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
STDIN = "-"

_LOOKS_LIKE_HTML = regex.compile(r"\A\s*(?:<!doctype\s+html|<html|<head|<body)|<(?:p|div|article|body)\b", regex.I)


def iter_articles(
    paths: Sequence[str], *, stdin: TextIO | None = None, encoding: str | None = None
) -> Iterator[Article | ReadError | Skipped]:
    """Articles from files, directories (recursively, sorted; hidden entries left out, other file types and
    README files yielded as Skipped) and "-" (stdin, format sniffed). A bad input yields a ReadError and the
    iteration goes on. Text that is not UTF-8 is decoded as detected (read.decode), or as ``encoding``."""
    for name in paths:
        if name == STDIN:
            yield from _stdin_articles(stdin if stdin is not None else sys.stdin, encoding)
            continue
        path = Path(name)
        if path.is_dir():
            for entry in _directory_entries(path):
                if isinstance(entry, (ReadError, Skipped)):
                    yield entry
                else:
                    yield from _file_articles(entry, encoding)
        else:
            yield from _file_articles(path, encoding)


def estimate_count(paths: Sequence[str]) -> int | None:
    """About how many items iter_articles(paths) yields (one per JSONL line, one per other file), counted without
    parsing: a progress bar's total. None when stdin is among the paths."""
    if STDIN in paths:
        return None
    total = 0
    for entry in input_files(paths):
        total += _line_count(entry) if isinstance(entry, Path) and entry.suffix.lower() in JSONL_SUFFIXES else 1
    return total


def input_files(paths: Sequence[str]) -> Iterator[Path | ReadError | Skipped]:
    """The files iter_articles(paths) reads, directories expanded as it expands them (a ReadError for an entry
    that is no file, a Skipped for a file that holds no article); "-" is not a file and is passed over."""
    for name in paths:
        path = Path(name)
        if name != STDIN:
            yield from _directory_entries(path) if path.is_dir() else [path]


def _line_count(path: Path) -> int:
    count = 0
    ends_with_newline = True
    try:
        with path.open("rb") as stream:
            while block := stream.read(1 << 20):
                count += block.count(b"\n")
                ends_with_newline = block.endswith(b"\n")
    except OSError:
        return 1  # the reader reports it, as one item
    return count + (not ends_with_newline)


def read_file(path: str | Path) -> Article:
    """The one article in ``path`` (a JSONL file must hold exactly one); raises ReadError."""
    path = Path(path)
    items = list(_file_articles(path))
    for item in items:
        if isinstance(item, ReadError):
            raise item
    if len(items) != 1:
        raise ReadError(f"{path}: holds {len(items)} articles, expected one")
    return items[0]


def _directory_entries(root: Path) -> list[Path | ReadError | Skipped]:
    """The readable files under ``root``, sorted, with a ReadError for each entry that cannot be read as one (a
    dangling or looping symbolic link, a named pipe) and a Skipped for each file that is no article (another
    file type, a README). Hidden entries are left out; links to directories are not followed (no loops)."""
    found: list[tuple[Path, Path | ReadError | Skipped]] = []
    for path in root.rglob("*"):
        relative = path.relative_to(root).parts
        if any(part.startswith(".") for part in relative) or path.is_dir():
            continue
        problem = _not_a_file(path)
        readable = path.suffix.lower() in READABLE_SUFFIXES
        if problem is not None and (readable or path.is_symlink()):
            found.append((path, ReadError(f"{path}: {problem}, skipped")))
        elif path.stem.upper() == "README":
            found.append((path, Skipped(str(path), "a README (documentation beside the articles)")))
        elif problem is None and readable:
            found.append((path, path))
        elif path.name.endswith(".gold.json"):
            found.append((path, Skipped(str(path), "gold annotations (for quotecheck eval)")))
        elif problem is None:
            kind = f"file type {path.suffix.lower()!r}" if path.suffix else "file without an extension"
            found.append((path, Skipped(str(path), f"unsupported {kind}")))
    return [entry for _, entry in sorted(found, key=lambda pair: pair[0])]


def _not_a_file(path: Path) -> str | None:
    """Why ``path`` is not a regular file that can be read (following links), or None when it is one. Reading a
    named pipe would wait for a writer forever."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "dangling symbolic link" if path.is_symlink() else "no such file or directory"
    except OSError as error:
        return "symbolic link loop" if error.errno == errno.ELOOP else _os_reason(error)
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory"
    return "a named pipe (FIFO), not a file" if stat.S_ISFIFO(mode) else "not a regular file"


def _file_articles(path: Path, encoding: str | None = None) -> Iterator[Article | ReadError]:
    where = str(path)
    suffix = path.suffix.lower()
    if suffix and suffix not in READABLE_SUFFIXES:
        yield ReadError(f"{where}: unsupported file type {suffix!r} (readable: {' '.join(READABLE_SUFFIXES)})")
        return
    problem = _not_a_file(path)
    if problem is not None:
        yield ReadError(f"{where}: {problem}")
        return
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_file_articles(path, encoding)
        return
    try:
        content = decode(path.read_bytes(), where, encoding)
    except OSError as error:
        yield ReadError(f"{where}: {_os_reason(error)}")
        return
    except ReadError as error:
        yield error
        return
    try:
        if suffix in MARKDOWN_SUFFIXES:
            yield _markdown_article(content, where)
        elif suffix in HTML_SUFFIXES:
            yield _html_article(content, where)
        else:
            yield _text_article(content, where)
    except ReadError as error:
        yield error


def _jsonl_file_articles(path: Path, encoding: str | None) -> Iterator[Article | ReadError]:
    """Streamed line by line: a JSONL archive may be larger than memory."""
    where = str(path)
    try:
        with path.open("rb") as lines:
            yield from _jsonl_stream_articles(lines, where, encoding)
    except OSError as error:
        yield ReadError(f"{where}: {_os_reason(error)}")


def _jsonl_stream_articles(
    raw_lines: Iterable[bytes], where: str, encoding: str | None
) -> Iterator[Article | ReadError]:
    try:
        yield from jsonl_articles(stream_lines(raw_lines, where, encoding), where)
    except ReadError as error:  # not text at all: one error for the whole input
        yield error


def _stdin_articles(stream: TextIO, encoding: str | None) -> Iterator[Article | ReadError]:
    """JSON Lines when the first line that is not blank is a JSON article, streamed like a JSONL file; else one
    HTML or text article."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text-only stream (embedding, tests): small, read at once
        buffer = io.BytesIO(stream.read().encode("utf-8", "surrogatepass"))
    head = []
    for raw in buffer:
        head.append(raw)
        if raw.strip():
            break
    if looks_like_jsonl(head[-1].decode("utf-8-sig", "replace") if head else ""):
        yield from _jsonl_stream_articles(chain(head, buffer), STDIN, encoding)
        return
    try:
        content = decode(b"".join(head) + buffer.read(), STDIN, encoding)
    except ReadError as error:
        yield error
        return
    if looks_like_jsonl(content):  # UTF-16 JSON Lines: read whole
        yield from jsonl_articles(json_lines(content), STDIN)
        return
    try:
        if _LOOKS_LIKE_HTML.search(content[:4000]):
            yield _html_article(content, STDIN)
        else:
            yield _text_article(content, STDIN)
    except ReadError as error:
        yield error


def _text_article(content: str, where: str) -> Article:
    text = require_text(content, where)
    return Article(text=text, title=headline(text), source=where)


def _markdown_article(content: str, where: str) -> Article:
    from quotecheck.read.markdown import markdown_to_text

    converted = markdown_to_text(content)
    meta = converted.metadata
    return Article(
        text=require_text(converted.text, where),
        title=meta.get("title") or converted.title,
        outlet=meta.get("outlet") or meta.get("publisher") or meta.get("source"),
        url=meta.get("url"),
        published=iso_date(meta.get("published")) or iso_date(meta.get("date")),
        source=where,
    )


def _html_article(content: str, where: str) -> Article:
    from quotecheck.read.html import html_to_article

    return html_to_article(content, where)


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return error.strerror or str(error)
