"""What every Store part needs: the connection, write transactions, the speaker-name index, the lock."""

from __future__ import annotations

import functools
import gc
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Self

from quotecheck.store import integrity, schema
from quotecheck.store.models import DatabaseError, StoreError
from quotecheck.store.speaker_index import SpeakerIndex


MODES = ("read", "write", "create")


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Building 100,000 small acyclic objects sets off the cyclic garbage collector again and again: pausing it
    makes loading the speaker index about three times faster."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def synchronized(method):
    """One call at a time per Store: the review app calls it from worker threads. A failure of the file (a
    damaged page, an I/O error) comes out as DatabaseError, so callers handle one kind of error: StoreError."""

    @functools.wraps(method)
    def locked(self, *args, **kwargs):
        with self._lock:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.IntegrityError:
                raise  # a bug in the store, not a problem with the file
            except sqlite3.DatabaseError as error:
                self._file_failed = True
                raise DatabaseError(f"{self.path}: {error}") from None

    return locked


class StoreBase:
    """Opening, transactions and the speaker-name index; the actions live in the mixins Store combines.

    Reads go through ``db.execute`` like writes: ``db.query`` would wrap every read in a savepoint and build a
    dict per row, which costs more than the query itself on the paging and ingest paths."""

    def __init__(self, path: str | Path, *, mode: str = "create"):
        """``mode``: "read" never writes to the file (no migration, no lock); "write" also brings an older schema
        up to date and checks the file for damage first; "create" may besides create the database, in a file that
        is absent or empty. Any other file, and a database from a newer quotecheck, raises StoreError untouched."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        self.path = Path(path)
        self.mode = mode
        version = self.found_version = schema.stored_version(self.path)  # None: the file was absent or empty
        self._lock = threading.RLock()
        self._file_failed = False  # SQLite reported damage or an I/O error: not to be remembered as sound
        if version is None and mode != "create":
            raise StoreError(
                f"no database at {self.path} (missing or empty file); "
                f"create it with: quotecheck ingest --db {self.path} FILES"
            )
        if version is not None and version < schema.SCHEMA_VERSION and mode == "read":
            raise StoreError(
                f"{self.path}: made by an older quotecheck (schema {version}, this one knows "
                f"{schema.SCHEMA_VERSION}); upgrade it with: quotecheck init --db {self.path}"
            )
        try:
            if version is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)  # the default XDG directory may not exist yet
            self.db = schema.connect(self.path, wal=False)
        except Exception as error:  # sqlite3 says "unable to open database file" without the file name
            raise StoreError(f"{self.path}: cannot open database ({error})") from None
        try:
            if mode != "read":
                if version is not None:  # before anything is written, even the switch to WAL
                    integrity.ensure_sound(self.db, self.path)
                schema.use_wal(self.db)
                if version != schema.SCHEMA_VERSION:
                    schema.migrate(self.db)
        except StoreError:
            self.db.close()
            raise
        except Exception as error:  # e.g. "database disk image is malformed" during a migration
            self.db.close()
            raise StoreError(f"{self.path}: {error}") from None
        self._index = SpeakerIndex()
        # (epoch, highest speaker id, highest alias id) the index reflects; None: rebuild on next use
        self._index_state: tuple[int, int, int] | None = None
        self._known_aliases: set[tuple[int, str]] = set()

    def close(self) -> None:
        with self._lock:
            self.db.close()
            if self.mode != "read":  # checked (or created) when opened, and only quotecheck wrote since
                integrity.remember(self.path, sound=not self._file_failed)

    @synchronized
    def integrity_problems(self) -> list[str]:
        """Damage SQLite's full integrity check and the full-text index check find; empty when sound."""
        return integrity.problems(self.db, self.path)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- transactions and the speaker index -------------------------------------------------------------------
    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One write transaction. BEGIN IMMEDIATE takes the write lock up front (waiting up to the busy
        timeout), so a read-then-write never fails half-way on a lock another process holds."""
        if self.mode == "read":
            raise StoreError(f"{self.path}: opened read-only")
        with self._lock:
            try:
                self.db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:  # still locked when the busy timeout ran out
                raise DatabaseError(
                    f"{self.path}: the database stayed locked by another writer for "
                    f"{schema.BUSY_TIMEOUT_MS / 1000:g} s ({error}); try again"
                ) from None
            try:
                self._sync_index()
                yield
                state = self._speakers_state()  # our own changes are in the index already
                self.db.commit()
            except BaseException as error:
                self.db.rollback()
                self._index_state = None  # the index may hold changes that were just rolled back
                if isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.IntegrityError):
                    # read-only file, full disk, damage: the file failed, not the data written
                    self._file_failed = True
                    raise DatabaseError(f"{self.path}: cannot write to the database ({error})") from None
                raise
            self._index_state = state

    def _speakers_state(self) -> tuple[int, int, int]:
        """What changed speakers since: the epoch counts renames, merges and deletions (by triggers); new
        speakers and aliases show as higher ids."""
        return self.db.execute(
            "SELECT epoch, (SELECT coalesce(max(id), 0) FROM speakers),"
            " (SELECT coalesce(max(id), 0) FROM speaker_aliases) FROM speaker_epoch WHERE id = 1"
        ).fetchone()

    def _sync_index(self) -> SpeakerIndex:
        """The name index, reloaded when speakers changed since it was built (possibly by another process)."""
        if self.db.conn.in_transaction:  # a write transaction already reads one snapshot
            return self._load_index_if_stale()
        with self.db.atomic():  # one snapshot: the epoch and the names read together
            return self._load_index_if_stale()

    def _load_index_if_stale(self) -> SpeakerIndex:
        state = self._speakers_state()
        known = self._index_state
        if known is None or known[0] != state[0]:  # renamed, merged or deleted: rebuild
            with _gc_paused():
                self._index = SpeakerIndex.build(
                    self.db.execute("SELECT id, name, key, type, article_id FROM speakers WHERE merged_into IS NULL"),
                    self.db.execute("SELECT speaker_id, key FROM speaker_aliases"),
                )
            self._known_aliases = set()
        elif known != state:  # only additions (another process ingesting): add them, no rebuild
            for speaker_id, name, key, type_, article_id in self.db.execute(
                "SELECT id, name, key, type, article_id FROM speakers WHERE id > ? AND merged_into IS NULL", [known[1]]
            ):
                self._index.add(speaker_id, name, key, type_, article_id)
            new_aliases = self.db.execute("SELECT speaker_id, key FROM speaker_aliases WHERE id > ?", [known[2]])
            for speaker_id, key in new_aliases:
                self._index.add_alias(speaker_id, key)
        self._index_state = state
        return self._index

    def _reload_index(self) -> None:
        """Rebuild the name index inside the current transaction (renames and undone merges are rare)."""
        self._index_state = None
        self._sync_index()
