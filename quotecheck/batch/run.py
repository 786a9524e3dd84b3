"""Extracting a corpus on a Dask cluster: a dask.bag of the input files (JSONL, text, Markdown or HTML shards of
the corpus), each extracted by one task into one quote shard (Parquet) in the output directory; `quotecheck
ingest` then stores the shards without extracting again.

The cluster is a local one (a worker process per core) unless a scheduler address is given; every worker must be
able to read the inputs and write the output directory under the same paths (a shared file system) and have
quotecheck installed. A shard is written under a temporary name and renamed when whole, and a shard already made
from the same input is kept: running the same command again after an interruption does only what is left."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path

from quotecheck.batch import SHARD_SUFFIX
from quotecheck.batch.shards import shard_input, write_shard
from quotecheck.extract import extract
from quotecheck.extract.model import Quote
from quotecheck.read import input_files, iter_articles
from quotecheck.read.model import Article, ReadError, Skipped

CONNECT_TIMEOUT = "10s"


@dataclass(slots=True)
class ShardResult:
    """What one task did with one input file."""

    source: str
    articles: int = 0
    quotes: int = 0
    kept: bool = False  # its shard was there from an earlier run
    errors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class BatchTally:
    shards: int = 0
    kept: int = 0
    articles: int = 0
    quotes: int = 0
    failed: int = 0


def extract_batch(
    paths: Sequence[str],
    out_dir: Path,
    *,
    scheduler: str | None = None,
    workers: int = 1,
    on_error: Callable[[str], None] = lambda message: None,
) -> BatchTally:
    """Extract the articles in ``paths`` (files and directories) into quote shards in the directory ``out_dir``
    (which must exist), on the Dask
    scheduler at ``scheduler`` or on a local cluster of ``workers`` processes. ``on_error`` gets a one-line
    message per input or article that could not be extracted (naming its file and line), as the tasks finish."""
    import dask.bag
    from dask.distributed import as_completed

    tally = BatchTally()
    tasks = []
    for entry in input_files(paths):
        if isinstance(entry, Skipped):  # no article in it (ingest lists these; a batch run has no use for them)
            continue
        if isinstance(entry, ReadError):
            tally.failed += 1
            on_error(str(entry))
        else:
            tasks.append((str(entry), str(out_dir / shard_name(len(tasks), entry))))
    if not tasks:
        return tally
    with _client(scheduler, workers) as client:
        bag = dask.bag.from_sequence(tasks, npartitions=len(tasks)).starmap(extract_file)
        for future in as_completed(client.compute(bag.to_delayed())):
            for result in future.result():
                tally.shards += 1
                tally.kept += result.kept
                tally.articles += result.articles
                tally.quotes += result.quotes
                tally.failed += len(result.errors)
                for message in result.errors:
                    on_error(message)
    return tally


def shard_name(position: int, source: Path) -> str:
    """Numbered in input order, so that ingesting the directory of shards stores the articles in the order
    ingesting the inputs would."""
    return f"{position:06d}-{source.stem}{SHARD_SUFFIX}"


def extract_file(source: str, shard: str) -> ShardResult:
    """One task: the articles of ``source`` and their quotes into ``shard`` (kept when made from ``source``)."""
    result = ShardResult(source)
    target = Path(shard)
    if target.exists() and shard_input(target) == source:
        result.kept = True
        return result

    def extracted() -> Iterator[tuple[Article, list[Quote]]]:
        for item in iter_articles([source]):
            problem = str(item) if isinstance(item, ReadError) else _unstorable(item)
            if problem is None:
                try:
                    quotes = extract(item.text)
                except Exception as error:  # noqa: BLE001 - one bad article must not stop the shard; say why
                    problem = f"{item.source}: cannot process article: {type(error).__name__}: {error}"
                else:
                    result.quotes += len(quotes)
                    yield item, quotes
                    continue
            result.errors.append(problem)

    result.articles = write_shard(target, extracted(), source=source)
    return result


def _unstorable(article: Article) -> str | None:
    """Why the article cannot go into a shard (Parquet and SQLite hold UTF-8 only: JSON allows "\\udc80"), as the
    store would say it when ingesting the same input."""
    for field in fields(Article):
        value = getattr(article, field.name)
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            return f"{article.source}: article: invalid Unicode (lone surrogate) at character {error.start}"
    return None


@contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator:
    from dask.distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except OSError as error:  # distributed raises OSError for any failure to connect
            raise OSError(f"cannot reach the Dask scheduler at {scheduler} ({error})") from None
        with client:
            yield client
        return
    # Processes, one thread each: the extractor is pure Python, so threads would share one core. Any free port for
    # the scheduler's web server: two runs at once must not clash.
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        with Client(cluster) as client:
            yield client

