"""``quotecheck ingest``: read articles, extract their quotes, store both (quotecheck.store.pipeline does the work)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn
from rich.progress import TimeRemainingColumn
from rich.text import Text

from quotecheck.batch import MISSING_EXTRA, holds_shards
from quotecheck.cli.options import db_option
from quotecheck.cli.session import UserError, open_store
from quotecheck.export.rows import counted
from quotecheck.read import estimate_count, iter_articles
from quotecheck.read.decode import known_encoding
from quotecheck.read.model import Article, ReadError, Skipped
from quotecheck.sanitize import printable
from quotecheck.store.models import DatabaseError
from quotecheck.store.pipeline import Extracted, IngestTally, WorkerError, all_cores, ingest_articles


def summary(tally: IngestTally) -> str:
    return (
        f"{counted(tally.new, 'new article')}, {tally.skipped} already stored"
        + (f" ({tally.updated} with new title, outlet, url or date)" if tally.updated else "")
        + f", {tally.failed} failed"
        + (f", {counted(tally.not_articles, 'file')} skipped as no article" if tally.not_articles else "")
        + f"; {counted(tally.quotes, 'quote')} added, {counted(tally.speakers, 'new speaker')}."
    )


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Processes extracting quotes at once; 1 does everything in this one.  [default: all cores]",
)
@click.option(
    "--encoding", metavar="NAME", callback=lambda ctx, param, value: _checked_encoding(value),
    help="Read every input as this encoding (e.g. cp1252, latin-1, utf-16).  [default: detected]",
)
@db_option
def ingest_command(paths: tuple[str, ...], jobs: int | None, encoding: str | None, db_path: str) -> None:
    """Read articles, find their quotes and store both in the database.

    PATH is a file (.txt, .md, .html, or .jsonl with one article per line as {"text": ..., "title": ...,
    "outlet": ..., "url": ..., "published": ...}), a directory (read recursively) or - for stdin; or quote shards
    from extract-batch (.parquet files, or their directory), stored without extracting again. An article
    already stored (same text) is skipped, so an interrupted run picks up where it stopped when run again.
    Unreadable inputs are reported on stderr, one line each; the rest is still stored, and the exit code is 1.
    Files in a directory that hold no article (other types, README files) are listed on stderr and counted.
    Text that is not UTF-8 (Windows-1252, Latin-1, UTF-16 with its byte order mark) is detected and stored as
    UTF-8; --encoding forces one. An article stored before whose title, outlet, url or date differ in this input
    gets them. JSONL is read as it is stored: an archive of any size takes little memory.

    \b
    Example:
        quotecheck ingest --db quotes.db corpus/
    """
    tally = IngestTally()
    on_terminal = sys.stdout.isatty() and sys.stderr.isatty()  # no progress bar into pipes or log files
    shards = [Path(path) for path in paths if path != "-" and holds_shards(Path(path))]
    if shards:
        try:
            from quotecheck.batch.shards import read_shards
        except ImportError:
            raise UserError(f"reading quote shards ({shards[0]}) {MISSING_EXTRA}") from None
    with open_store(db_path, mode="create") as store, _progress(paths, on_terminal) as (report, done):
        try:
            ingest_articles(store, _items(paths, encoding), jobs=jobs or all_cores(), tally=tally, on_error=report,
                            on_done=done)
        except (DatabaseError, WorkerError) as failure:  # every other article would fail the same way
            raise UserError(f"{failure}. Stopped; stored until then: {summary(tally)}") from None
    click.echo(summary(tally))
    if tally.failed:
        click.get_current_context().exit(1)


def _checked_encoding(name: str | None) -> str | None:
    if name is not None and not known_encoding(name):
        raise click.BadParameter(f"{name!r} is not a text encoding Python knows (e.g. cp1252, latin-1, utf-16)")
    return name


def _items(paths: Sequence[str], encoding: str | None) -> Iterator[Article | ReadError | Skipped | Extracted]:
    """The articles at ``paths`` in order, those of quote shards with their quotes; text read as ``encoding``
    when given."""
    for path in paths:
        if path != "-" and holds_shards(Path(path)):
            from quotecheck.batch.shards import read_shards

            yield from read_shards(Path(path))
        else:
            yield from iter_articles([path], stdin=sys.stdin if path == "-" else None, encoding=encoding)


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:6,.0f} articles/s")


def echo_error(message: str) -> None:
    click.echo(printable(message, one_line=True), err=True)


@contextmanager
def _progress(
    paths: Sequence[str], on_terminal: bool
) -> Iterator[tuple[Callable[[str], None], Callable[[Article | ReadError | Skipped | None], None]]]:
    """(report an error line, count a settled item): on a terminal, a progress bar on stderr with articles/s and
    the time left, the error lines printed above it; elsewhere, error lines only."""
    if not on_terminal:
        yield echo_error, lambda item: None
        return
    console = Console(stderr=True, highlight=False)
    progress = Progress(
        TextColumn("Ingesting"), BarColumn(), MofNCompleteColumn(),
        _RateColumn(),
        TimeRemainingColumn(), TextColumn("{task.fields[source]}"),
        console=console, redirect_stdout=False, redirect_stderr=False,
    )  # fmt: skip
    task = progress.add_task("ingest", total=None, source="")
    # The total comes from counting lines, which takes a while on a large archive: the bar starts without it.
    threading.Thread(target=lambda: progress.update(task, total=_count(paths)), daemon=True).start()

    def done(item: Article | ReadError | Skipped | None) -> None:
        source = printable(item.source, one_line=True)[-40:] if isinstance(item, Article) and item.source else ""
        progress.update(task, advance=1, source=source)

    with progress:
        yield (lambda message: console.print(Text(printable(message, one_line=True)), soft_wrap=True)), done


def _count(paths: Sequence[str]) -> int | None:
    """About how many items _items(paths) yields: the progress bar's total."""
    shards = [Path(path) for path in paths if path != "-" and holds_shards(Path(path))]
    articles = estimate_count([path for path in paths if path == "-" or Path(path) not in shards])
    if not shards or articles is None:
        return articles
    from quotecheck.batch.shards import count_rows

    return articles + count_rows(shards)
