"""``quotecheck ingest``: read articles, extract their quotes, store both."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from dataclasses import dataclass

import click

from quotecheck.cli.options import db_option
from quotecheck.cli.session import UserError, open_store
from quotecheck.export.rows import counted
from quotecheck.extract import extract
from quotecheck.read import iter_articles
from quotecheck.read.model import Article, ReadError
from quotecheck.sanitize import printable
from quotecheck.store import Store
from quotecheck.store.models import DatabaseError, StoreError


@dataclass(slots=True)
class Tally:
    new: int = 0
    skipped: int = 0
    failed: int = 0
    quotes: int = 0
    speakers: int = 0

    def summary(self) -> str:
        return (
            f"{counted(self.new, 'new article')}, {self.skipped} already stored, {self.failed} failed; "
            f"{counted(self.quotes, 'quote')} added, {counted(self.speakers, 'new speaker')}."
        )


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
def ingest_command(paths: tuple[str, ...], db_path: str) -> None:
    """Read articles, find their quotes and store both in the database.

    PATH is a file (.txt, .md, .html, or .jsonl with one article per line as {"text": ..., "title": ...,
    "outlet": ..., "url": ..., "published": ...}), a directory (read recursively) or - for stdin. An article
    already stored (same text) is skipped. Unreadable inputs are reported on stderr, one line each; the rest is
    still stored, and the exit code is 1.

    \b
    Example:
        quotecheck ingest --db quotes.db corpus/
    """
    tally = Tally()
    on_terminal = sys.stdout.isatty() and sys.stderr.isatty()  # no progress bar into pipes or log files
    with open_store(db_path, mode="create") as store:
        items = iter_articles(list(paths), stdin=sys.stdin if "-" in paths else None)
        progress = (
            click.progressbar(
                items, label="Ingesting", file=sys.stderr, show_pos=True, item_show_func=_source_label,
                bar_template="%(label)s  %(info)s",  # the number of articles is not known up front: no bar
            )
            if on_terminal
            else nullcontext(items)
        )
        with progress as bar:
            for item in bar:
                try:
                    error = _ingest_one(store, item, tally)
                except DatabaseError as failure:  # the file failed, not the article: every other one would too
                    raise UserError(f"{failure}. Stopped; stored until then: {tally.summary()}") from None
                if error:
                    # On a terminal, clear the progress line first so the message starts on a line of its own.
                    click.echo(("\r\x1b[K" if on_terminal else "") + printable(error, one_line=True), err=True)
    click.echo(tally.summary())
    if tally.failed:
        click.get_current_context().exit(1)


def _ingest_one(store: Store, item: Article | ReadError, tally: Tally) -> str | None:
    """Store one article and count it; the error line to print when it cannot be read or stored."""
    if isinstance(item, ReadError):
        tally.failed += 1
        return str(item)
    try:
        if store.stored_article_id(item.text) is not None:  # stored before: no need to extract it again
            tally.skipped += 1
            return None
        result = store.add_article(item, extract(item.text))
    except DatabaseError:
        raise
    except StoreError as error:
        tally.failed += 1
        return f"{item.source or '-'}: {error}"
    except Exception as error:  # noqa: BLE001 - one bad article must not stop the batch; say which and why
        tally.failed += 1
        return f"{item.source or '-'}: cannot process article: {type(error).__name__}: {error}"
    if result.new:
        tally.new += 1
        tally.quotes += result.quotes_added
        tally.speakers += result.speakers_new
    else:
        tally.skipped += 1
    return None


def _source_label(item: Article | ReadError | None) -> str | None:
    if isinstance(item, Article) and item.source:
        return printable(item.source, one_line=True)[-40:]
    return None
