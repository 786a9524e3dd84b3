"""Extracting a corpus beyond one machine: Dask tasks extract the inputs into Parquet quote shards, which
`quotecheck ingest` stores. Needs the ``scale`` extra (dask, distributed, pyarrow), but for this module, which
tells shards apart without it. Imports no store: a worker writes shards, never the database."""

from __future__ import annotations

from pathlib import Path

SHARD_SUFFIX = ".parquet"
MISSING_EXTRA = "needs the scale extra (dask, distributed, pyarrow): pip install 'quotecheck[scale]'"


def holds_shards(path: Path) -> bool:
    """A quote shard, or a directory holding them (the output of extract-batch): read as shards, not articles."""
    if path.is_dir():
        try:
            return any(entry.suffix.lower() == SHARD_SUFFIX for entry in path.iterdir())
        except OSError:  # unreadable: the article reader says so
            return False
    return path.suffix.lower() == SHARD_SUFFIX
