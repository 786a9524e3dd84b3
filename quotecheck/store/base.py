"""What every Store part needs: the connection, write transactions, the speaker-name index, the lock."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Self

from quotecheck.store import schema
from quotecheck.store.models import StoreError
from quotecheck.store.speaker_index import SpeakerIndex


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def synchronized(method):
    """One call at a time per Store: the review app calls it from worker threads."""

    @functools.wraps(method)
    def locked(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)

    return locked


class StoreBase:
    """Opening, transactions and the speaker-name index; the actions live in the mixins Store combines."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._lock = threading.RLock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)  # the default XDG directory may not exist yet
            self.db = schema.connect(self.path)
        except Exception as error:  # sqlite3 says "unable to open database file" without the file name
            raise StoreError(f"{self.path}: cannot open database ({error})") from None
        try:
            schema.migrate(self.db)
        except StoreError as error:
            self.db.close()
            raise StoreError(f"{self.path}: {error}") from None
        except Exception as error:  # e.g. "file is not a database"
            self.db.close()
            raise StoreError(f"{self.path}: {error}") from None
        self._index = SpeakerIndex()
        self._index_epoch: int | None = None
        self._known_aliases: set[tuple[int, str]] = set()

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- transactions and the speaker index -------------------------------------------------------------------
    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One write transaction. BEGIN IMMEDIATE takes the write lock up front (waiting up to the busy
        timeout), so a read-then-write never fails half-way on a lock another process holds."""
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self._sync_index()
                yield
                epoch = self._epoch()
                self.db.commit()
            except BaseException:
                self.db.rollback()
                self._index_epoch = None  # the index may hold changes that were just rolled back
                raise
            self._index_epoch = epoch

    def _epoch(self) -> int:
        return self.db.execute("SELECT epoch FROM speaker_epoch WHERE id = 1").fetchone()[0]

    def _sync_index(self) -> SpeakerIndex:
        """The name index, reloaded when speakers changed since it was built (possibly by another process)."""
        with self.db.atomic():  # one snapshot: the epoch and the names read together
            epoch = self._epoch()
            if epoch == self._index_epoch:
                return self._index
            index = SpeakerIndex.build(
                self.db.execute("SELECT id, name, key, type FROM speakers WHERE merged_into IS NULL"),
                self.db.execute("SELECT speaker_id, key FROM speaker_aliases"),
            )
        self._index, self._index_epoch = index, epoch
        self._known_aliases = set()
        return index

    def _reload_index(self) -> None:
        """Rebuild the name index inside the current transaction (renames and undone merges are rare)."""
        self._index_epoch = None
        self._sync_index()
