"""The ingest pipeline, articles in and a tally out: skip the articles stored before, extract the quotes of the
others (in worker processes when ``jobs`` > 1), store them through this process in batched transactions.

Memory stays bounded whatever the input size: the articles are taken from the iterator a chunk at a time and at
most a few chunks per worker are in flight. Articles are stored, and errors reported, in input order. Each batch
is one transaction, so a run killed at any moment leaves whole articles only, and running it again picks up
where it stopped: the articles already stored are skipped before extraction. An item may also come extracted
already, as ``(article, quotes)`` (from the Parquet shards of ``quotecheck extract-batch``): it is stored as it is."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain, islice

from quotecheck.extract import extract
from quotecheck.extract.model import Quote
from quotecheck.read.model import Article, ReadError, Skipped
from quotecheck.store.models import DatabaseError, StoreError
from quotecheck.store.store import Store

# A chunk is one task for a worker and one transaction: large enough that a commit and the trip to a worker
# cost little per article, small enough that the articles in flight hold little memory.
CHUNK_ARTICLES = 64
CHUNK_CHARS = 4_000_000
CHUNKS_IN_FLIGHT_PER_JOB = 3


class WorkerError(StoreError):
    """A worker process died (killed, out of memory): the run cannot go on."""


@dataclass(slots=True)
class IngestTally:
    new: int = 0
    skipped: int = 0
    updated: int = 0  # of the skipped: articles stored before whose metadata the input corrected
    not_articles: int = 0  # files in a directory that hold no article (another file type, a README)
    failed: int = 0
    quotes: int = 0
    speakers: int = 0


# An article with the quotes found in it elsewhere (by extract-batch): stored without extracting again.
Extracted = tuple[Article, list[Quote]]


@dataclass(slots=True)
class _Chunk:
    items: list[Article | ReadError | Skipped | None] = field(default_factory=list)  # None: an article stored before
    to_store: list[tuple[Article, list[Quote] | None]] = field(default_factory=list)  # None: to extract
    chars: int = 0
    updated: int = 0  # articles stored before that got new metadata

    def texts_to_extract(self) -> list[str]:
        return [article.text for article, quotes in self.to_store if quotes is None]


def all_cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def ingest_articles(
    store: Store,
    items: Iterable[Article | ReadError | Skipped | Extracted],
    *,
    jobs: int = 1,
    tally: IngestTally | None = None,
    on_error: Callable[[str], None] = lambda message: None,
    on_done: Callable[[Article | ReadError | Skipped | None], None] = lambda item: None,
) -> IngestTally:
    """Store ``items`` (from quotecheck.read.iter_articles, or extracted already) and their quotes; returns the
    tally.

    ``on_error`` gets a one-line message for each item that cannot be read or stored (naming its file and line)
    and for each file skipped as no article;
    ``on_done`` is called once per item when it is settled (None for an article stored before). A DatabaseError
    (the file failed) or WorkerError stops the run: ``tally`` (pass one in to see it then) counts what was
    stored until then."""
    tally = tally if tally is not None else IngestTally()
    chunks = _chunks(store, iter(items))
    first_two = list(islice(chunks, 2))
    chunks = chain(first_two, chunks)
    if jobs <= 1 or len(first_two) < 2:  # a single chunk: starting workers would cost more than they save
        results = ((chunk, _extract_all(chunk.texts_to_extract())) for chunk in chunks)
        _store_all(store, results, tally, on_error, on_done)
        return tally
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_ignore_interrupts)
    try:
        _store_all(store, _in_order(pool, chunks, jobs * CHUNKS_IN_FLIGHT_PER_JOB), tally, on_error, on_done)
    except BrokenProcessPool:
        raise WorkerError("a worker process died (out of memory, or killed)") from None
    finally:
        pool.shutdown(cancel_futures=True)
    return tally


def _chunks(store: Store, items: Iterator[Article | ReadError | Skipped | Extracted]) -> Iterator[_Chunk]:
    """The items a chunk at a time; an article stored before is settled here, without extraction (its title,
    outlet, url and date updated when the input gives new ones)."""
    chunk = _Chunk()
    for item in items:
        article, quotes = item if isinstance(item, tuple) else (item, None)
        stored = store.stored_article_id(article.text) if isinstance(article, Article) else None
        if isinstance(article, Article) and stored is None:
            chunk.to_store.append((article, quotes))
            chunk.chars += len(article.text)
            chunk.items.append(article)
        elif stored is not None:
            chunk.items.append(_refresh_metadata(store, stored, article, chunk))
        else:
            chunk.items.append(article)
        if len(chunk.items) >= CHUNK_ARTICLES or chunk.chars >= CHUNK_CHARS:
            yield chunk
            chunk = _Chunk()
    if chunk.items:
        yield chunk


def _refresh_metadata(store: Store, article_id: int, article: Article, chunk: _Chunk) -> ReadError | None:
    """None (stored before) after giving the stored article the input's metadata; a ReadError naming the input
    when that metadata cannot be stored."""
    try:
        chunk.updated += store.update_article_metadata(article_id, article)
    except DatabaseError:
        raise
    except StoreError as error:
        return ReadError(f"{article.source or '-'}: {error}")
    return None


def _in_order(pool: Executor, chunks: Iterator[_Chunk], window: int) -> Iterator[tuple[_Chunk, list]]:
    """Each chunk with its extraction, in input order, with at most ``window`` chunks in the workers. A chunk with
    nothing to extract goes to no worker (a run of extracted shards starts none)."""
    in_flight: deque = deque()
    for chunk in chunks:
        texts = chunk.texts_to_extract()
        in_flight.append((chunk, pool.submit(_extract_all, texts) if texts else None))
        while len(in_flight) >= window:
            done, future = in_flight.popleft()
            yield done, future.result() if future is not None else []
    for done, future in in_flight:
        yield done, future.result() if future is not None else []


def _extract_all(texts: list[str]) -> list[list[Quote] | str]:
    """The quotes of each text, or why extraction failed (an exception does not cross processes well)."""
    found: list[list[Quote] | str] = []
    for text in texts:
        try:
            found.append(extract(text))
        except Exception as error:  # noqa: BLE001 - one bad article must not stop the batch; say which and why
            found.append(f"cannot process article: {type(error).__name__}: {error}")
    return found


def _ignore_interrupts() -> None:
    """Ctrl-C reaches the whole process group: the main process stops the workers, which need not say so."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _store_all(
    store: Store,
    results: Iterable[tuple[_Chunk, list[list[Quote] | str]]],
    tally: IngestTally,
    on_error: Callable[[str], None],
    on_done: Callable[[Article | ReadError | Skipped | None], None],
) -> None:
    for chunk, extracted in results:
        tally.updated += chunk.updated
        outcome: dict[int, Exception | str] = {}  # id(article) -> why it failed
        batch = []
        found = iter(extracted)
        for article, given in chunk.to_store:
            quotes = given if given is not None else next(found)
            if isinstance(quotes, str):
                outcome[id(article)] = quotes
            else:
                batch.append((article, quotes))
        for (article, _), result in zip(batch, store.add_articles(batch), strict=True):
            if isinstance(result, Exception):
                outcome[id(article)] = result
            elif result.new:
                tally.new += 1
                tally.quotes += result.quotes_added
                tally.speakers += result.speakers_new
            else:  # the same text twice in the input: the first was not stored yet when the second was checked
                tally.skipped += 1
                tally.updated += result.updated
        for item in chunk.items:
            problem = _problem(item, outcome)
            if item is None:
                tally.skipped += 1
            elif isinstance(item, Skipped):
                tally.not_articles += 1
                on_error(str(item))
            elif problem is not None:
                tally.failed += 1
                on_error(problem)
            on_done(item)


def _problem(item: Article | ReadError | Skipped | None, outcome: dict[int, Exception | str]) -> str | None:
    """The error line for an item that failed, else None."""
    if isinstance(item, ReadError):
        return str(item)
    failure = outcome.get(id(item))
    if failure is None:
        return None
    if isinstance(failure, str | StoreError):
        return f"{item.source or '-'}: {failure}"
    return f"{item.source or '-'}: cannot process article: {type(failure).__name__}: {failure}"
