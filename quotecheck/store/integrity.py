"""Spotting a damaged database file before writing more into it.

Writing stores run SQLite's ``quick_check`` when they open a file, unless the file is unchanged since a store last
found it sound: a ledger in the cache directory keeps each file's size and modification time as they were then.
``quotecheck check`` runs the full ``integrity_check`` and the full-text index's own check."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from quotecheck.files import write_text_atomically
from quotecheck.locations import cache_dir
from quotecheck.store.models import DatabaseError


def recover_hint(path: str | Path) -> str:
    return f"save what can be read with: sqlite3 {path} .recover | sqlite3 recovered.db"


def ensure_sound(db: Database, path: Path) -> None:
    """Raise DatabaseError when ``quick_check`` finds damage; skipped while the file is as it was last found sound."""
    if _ledger().get(_key(path)) == _fingerprint(path):
        return
    problems = _pragma_problems(db, "quick_check")
    if problems:
        raise DatabaseError(
            f"{path}: the database is damaged ({problems[0]}); nothing was written. "
            f"`quotecheck check` lists the damage; {recover_hint(path)}"
        )


def remember(path: Path, *, sound: bool) -> None:
    """Record the file as it is now as sound (a writing store that checked it closes), or forget that it ever
    was (the store met damage or an I/O error on the way)."""
    ledger = {key: value for key, value in _ledger().items() if Path(key).exists()}
    if sound:
        ledger[_key(path)] = _fingerprint(path)
    else:
        ledger.pop(_key(path), None)
    try:
        _ledger_path().parent.mkdir(parents=True, exist_ok=True)
        write_text_atomically(_ledger_path(), json.dumps(ledger))  # other processes read it meanwhile
    except OSError:
        pass  # without the ledger the next writer checks again: slower, never wrong


def problems(db: Database, path: Path) -> list[str]:
    """Everything ``integrity_check`` and the FTS index checks find; empty when the file is sound. The FTS check
    is a write: in a file that cannot be written it raises DatabaseError rather than call the file damaged."""
    # integrity_check also compares every index with its table, but stops at some damage that quick_check gets
    # past with a page number: both, each problem once.
    found = list(dict.fromkeys(_pragma_problems(db, "quick_check") + _pragma_problems(db, "integrity_check")))
    for table in db.table_names(fts5=True):
        try:
            # with rank 1, FTS5 also compares its index with the content table (the quotes)
            db.execute(f"INSERT INTO [{table}] ([{table}], rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as error:
            if "readonly" in str(error):
                rest = f"the rest of the check found: {found[0]}" if found else "the rest of the check found no damage"
                raise DatabaseError(
                    f"{path}: cannot check the full-text index {table}: the file is read-only ({error}); {rest}"
                ) from None
            found.append(f"full-text index {table}: {error}")
    return found


def _pragma_problems(db: Database, pragma: str) -> list[str]:
    rows = []
    try:
        for (row,) in db.execute(f"PRAGMA {pragma}"):
            rows.append(row)
    except sqlite3.DatabaseError as error:  # damage the check itself trips over, after what it found so far
        rows.append(str(error))
    return [] if rows == ["ok"] else rows


def _fingerprint(path: Path) -> list[list[int]]:
    stamps = []
    for file in (path, path.with_name(path.name + "-wal")):
        try:
            stat = file.stat()
        except OSError:
            stat = None
        # an empty WAL (a reader opening the file makes one) holds no change: the same as none
        stamps.append([stat.st_size, stat.st_mtime_ns, stat.st_ino] if stat and stat.st_size else [])
    return stamps


def _key(path: Path) -> str:
    return str(path.resolve())


def _ledger_path() -> Path:
    return cache_dir() / "checked.json"


def _ledger() -> dict[str, list[list[int]]]:
    try:
        ledger = json.loads(_ledger_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return ledger if isinstance(ledger, dict) else {}
