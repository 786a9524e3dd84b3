"""Opening the store for a command, and turning store errors into clean ``Error: …`` lines."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import click

from quotecheck.cli.output import emit, say
from quotecheck.files import write_text_atomically
from quotecheck.sanitize import printable
from quotecheck.store import Store, default_reviewer
from quotecheck.store.models import STORE_FAILURES, SpeakerRecord

T = TypeVar("T")


class UserError(click.ClickException):
    """A one-line error for the user; article text in the message cannot reach the terminal raw."""

    def __init__(self, message: str):
        super().__init__(printable(message, one_line=True))


@contextmanager
def open_store(db_path: str, *, mode: str = "read") -> Iterator[Store]:
    """The store at ``db_path``, opened for reading, "write" or "create" (see Store): only a command that writes
    may bring an older schema up to date, and only ingest and init may create a database."""
    try:
        store = Store(Path(db_path), mode=mode)
    except STORE_FAILURES as error:  # store errors name the file already
        raise UserError(str(error)) from error
    try:
        yield store
    except STORE_FAILURES as error:
        raise UserError(str(error)) from error
    finally:
        store.close()


def reviewer_name(reviewer: str | None) -> str:
    """``--reviewer``, else ``$QUOTECHECK_REVIEWER``, else the login name."""
    return reviewer or default_reviewer()


PAGE_SIZE = 500


def collect_pages(fetch_page: Callable[[int, list[T]], list[T]], limit: int | None) -> list[T]:
    """All items (or the first ``limit``), asking ``fetch_page(size, items_so_far)`` for one page at a time."""
    items: list[T] = []
    while limit is None or len(items) < limit:
        size = PAGE_SIZE if limit is None else min(PAGE_SIZE, limit - len(items))
        page = fetch_page(size, items)
        items += page
        if len(page) < size:
            break
    return items


def fetch_speakers(store: Store, name: str | None, *, limit: int | None = None) -> list[SpeakerRecord]:
    """Speakers like ``name`` (best first), or all by quote count."""
    return collect_pages(lambda size, so_far: store.speakers(name, limit=size, offset=len(so_far)), limit)


def deliver(text: str, output: str | Path | None, done: str) -> None:
    """Print ``text``, or write it to ``output`` whole (a temporary file renamed into place) and say ``done``."""
    if output is None:
        emit(text)
        return
    try:
        write_text_atomically(output, text)
    except OSError as error:
        raise UserError(f"cannot write {output}: {error.strerror or error}") from error
    say(done, err=True)
