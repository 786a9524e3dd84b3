"""Quote shards (quotecheck.batch.shards): everything ingest stores for an article survives the Parquet round trip;
a file that is not a shard is one clear error."""

from __future__ import annotations

import pytest

pytest.importorskip("pyarrow", reason="the scale extra is not installed: pip install -e '.[scale]'")

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from quotecheck.batch.shards import (  # noqa: E402
    ROWS_PER_GROUP, count_rows, read_shard, read_shards, shard_input, write_shard,
)
from quotecheck.extract import extract  # noqa: E402
from quotecheck.read.model import Article, ReadError  # noqa: E402


def articles(count: int) -> list[tuple[Article, list]]:
    rows = []
    for n in range(count):
        text = (f'"Plan {n} will work," Ana Costa said. A spokesman for Øresund Rail said it was “not {n}”. '
                f'"We agree," said Rosa Diaz and Ben Cole.')  # (co-speakers: a tuple field)
        rows.append((Article(text=text, title=f"Plan {n}", outlet="Wire" if n % 2 else None, url=None,
                             published="2024-05-0" + str(n % 9 + 1), source=f"wire.jsonl:{n + 1}",
                             external_id=str(n) if n % 3 else None), extract(text)))  # fmt: skip
    return rows


def test_articles_and_every_quote_field_round_trip(tmp_path):
    rows = articles(ROWS_PER_GROUP + 5)  # more than one row group
    assert all(quotes for _, quotes in rows)
    shard = tmp_path / "000000-wire.parquet"
    assert write_shard(shard, rows, source="wire.jsonl") == len(rows)
    assert list(read_shard(shard)) == rows
    assert shard_input(shard) == "wire.jsonl"
    assert count_rows([tmp_path]) == len(rows)
    assert not list(tmp_path.glob("*.partial"))


def test_an_empty_shard_is_a_shard(tmp_path):
    shard = tmp_path / "empty.parquet"
    assert write_shard(shard, [], source="empty.jsonl") == 0
    assert list(read_shard(shard)) == []


def test_a_directory_is_read_in_the_order_its_shards_are_numbered(tmp_path):
    rows = articles(3)
    for position, row in reversed(list(enumerate(rows))):
        write_shard(tmp_path / f"{position:06d}-part.parquet", [row], source=f"part{position}.txt")
    assert list(read_shards(tmp_path)) == rows


def test_a_shard_that_fails_midway_leaves_no_file_under_its_name(tmp_path):
    shard = tmp_path / "broken.parquet"

    def failing():
        yield from articles(ROWS_PER_GROUP)
        raise OSError("No space left on device")

    try:
        write_shard(shard, failing(), source="x.jsonl")
    except OSError:
        pass
    assert not shard.exists()


def test_files_that_are_not_shards_are_one_error_each(tmp_path):
    foreign = tmp_path / "foreign.parquet"
    pq.write_table(pa.table({"text": ["a"], "score": [1]}), foreign)
    truncated = tmp_path / "truncated.parquet"
    write_shard(truncated, articles(2), source="t.jsonl")
    truncated.write_bytes(truncated.read_bytes()[:-40])
    text = tmp_path / "text.parquet"
    text.write_text("not parquet at all", encoding="utf-8")
    for path in (foreign, truncated, text):
        (error,) = read_shard(path)
        assert isinstance(error, ReadError)
        assert str(error).startswith(f"{path}: ") and "\n" not in str(error)
    assert shard_input(text) is None
