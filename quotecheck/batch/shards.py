"""Quote shards: Parquet files holding articles with the quotes extract() found in them, one row per article.

A row carries everything `quotecheck ingest` stores for an article (its text and metadata, each quote with its
speaker, role, offsets, cue, confidence and rule), so ingesting a shard gives the database that ingesting the
articles themselves gives. Needs pyarrow (the ``scale`` extra)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import astuple, fields
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from quotecheck.batch import SHARD_SUFFIX
from quotecheck.extract.model import Quote
from quotecheck.read.model import Article, ReadError

FORMAT_KEY = b"quotecheck.shard"
FORMAT_VERSION = b"1"
INPUT_KEY = b"quotecheck.input"  # the file the shard was extracted from
ROWS_PER_GROUP = 256  # articles written (and read back) at once: bounds the memory a shard of any size takes

_ARTICLE_FIELDS = [field.name for field in fields(Article)]
# By the annotation's first word; the rest are strings. A tuple is a tuple of names ("co_speakers").
_QUOTE_TYPES = {"int": pa.int64(), "float": pa.float64(), "tuple[str,": pa.list_(pa.string())}
# Derived from the dataclasses, so a field added to Quote or Article is carried without a change here.
QUOTE = pa.struct(
    [(field.name, _QUOTE_TYPES.get(str(field.type).split(" ")[0], pa.string())) for field in fields(Quote)]
)
SCHEMA = pa.schema(
    [(name, pa.string()) for name in _ARTICLE_FIELDS] + [("quotes", pa.list_(QUOTE))],
    metadata={FORMAT_KEY: FORMAT_VERSION},
)


def write_shard(path: Path, rows: Iterable[tuple[Article, list[Quote]]], *, source: str) -> int:
    """Write ``rows`` (extracted from the file ``source``) to ``path`` a group of rows at a time, through a
    temporary file renamed into place when complete: a shard that exists is whole. Returns the number of articles
    written."""
    partial = path.with_name(path.name + ".partial")
    schema = SCHEMA.with_metadata({FORMAT_KEY: FORMAT_VERSION, INPUT_KEY: source.encode("utf-8", "surrogateescape")})
    written = 0
    with pq.ParquetWriter(partial, schema, compression="zstd") as writer:
        group: list[tuple[Article, list[Quote]]] = []
        for row in rows:
            group.append(row)
            if len(group) >= ROWS_PER_GROUP:
                writer.write_table(_table(group))
                written += len(group)
                group = []
        if group or not written:  # an empty shard still has its schema
            writer.write_table(_table(group))
            written += len(group)
    partial.replace(path)
    return written


def shard_input(path: Path) -> str | None:
    """The input file a shard was extracted from; None for a file that is no shard."""
    try:
        metadata = pq.read_schema(path).metadata or {}
    except (OSError, pa.ArrowException):
        return None
    source = metadata.get(INPUT_KEY)
    return source.decode("utf-8", "surrogateescape") if source is not None else None


def _table(rows: list[tuple[Article, list[Quote]]]) -> pa.Table:
    columns = {name: [getattr(article, name) for article, _ in rows] for name in _ARTICLE_FIELDS}
    columns["quotes"] = [[dict(zip(QUOTE.names, astuple(quote))) for quote in quotes] for _, quotes in rows]
    return pa.Table.from_pydict(columns, schema=SCHEMA)


def shard_files(path: Path) -> list[Path]:
    """``path`` itself, or the shards in the directory ``path`` in the order they were numbered."""
    if path.is_dir():
        return sorted(entry for entry in path.iterdir() if entry.suffix.lower() == SHARD_SUFFIX)
    return [path]


def count_rows(paths: Iterable[Path]) -> int:
    """The articles in the shards at ``paths`` (from the Parquet footers; a file that is no shard counts one)."""
    total = 0
    for shard in (file for path in paths for file in shard_files(path)):
        try:
            total += pq.ParquetFile(shard).metadata.num_rows
        except (OSError, pa.ArrowException):
            total += 1  # read_shard reports it, as one item
    return total


def read_shards(path: Path) -> Iterator[tuple[Article, list[Quote]] | ReadError]:
    for shard in shard_files(path):
        yield from read_shard(shard)


def read_shard(path: Path) -> Iterator[tuple[Article, list[Quote]] | ReadError]:
    """The articles of a shard with their quotes, a group of rows at a time. A file that is not a quote shard (or
    is damaged) is one ReadError naming it; nothing in a shard is trusted: the store checks every quote against
    its article before writing it."""
    where = str(path)
    try:
        shard = pq.ParquetFile(path)
        metadata = shard.schema_arrow.metadata or {}
        if metadata.get(FORMAT_KEY) != FORMAT_VERSION or not shard.schema_arrow.equals(SCHEMA):
            yield ReadError(f"{where}: not a quote shard of this quotecheck (written by another program or version)")
            return
        row = 0
        for batch in shard.iter_batches(batch_size=ROWS_PER_GROUP):
            for record in batch.to_pylist():
                row += 1
                quotes = record.pop("quotes")
                if record["text"] is None or quotes is None:
                    yield ReadError(f"{where}: row {row}: no text or no quote list")
                    continue
                yield Article(**record), [Quote(**_tuples(quote)) for quote in quotes]
    except (OSError, pa.ArrowException) as error:  # damaged or truncated: say so, once, and go on to other files
        yield ReadError(f"{where}: cannot read the Parquet file ({_first_line(error)})")


def _tuples(quote: dict) -> dict:
    """Parquet gives a list back for a tuple field: the Quote it came from held a tuple."""
    return {name: tuple(value) if isinstance(value, list) else value for name, value in quote.items()}


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
