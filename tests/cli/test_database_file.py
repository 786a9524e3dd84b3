"""Which files the commands may create, upgrade or write, and how they treat a file that is not theirs, one that
another process is writing, and one that is damaged."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from quotecheck.cli import cli
from quotecheck.store import SCHEMA_VERSION, Store, schema
from quotecheck.store import integrity

FIXTURE_V1 = Path(__file__).resolve().parents[1] / "store" / "fixtures" / "schema_v1.db"

READING = [["stats"], ["search", "refugees"], ["show", "1"], ["export"], ["export", "--format", "json"],
           ["speakers"], ["check"]]  # fmt: skip
WRITING = [["mark", "1", "verified"], ["undo"], ["speakers", "rename", "1", "Ann Lee"], ["init"]]
EVERY = READING + WRITING


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(runner, command: list[str], db: Path):
    return runner.invoke(cli, [*command, "--db", str(db)])


def run_ingest(runner, db: Path, *paths: Path):
    return runner.invoke(cli, ["ingest", "--db", str(db), *map(str, paths)])


def assert_one_line_error(result, *words: str) -> None:
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for word in words:
        assert word in lines[0]


@pytest.fixture
def foreign(tmp_path) -> Path:
    """Another application's SQLite file (rollback journal, as most are)."""
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('mine')")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("command", [*EVERY, ["ingest", "CORPUS"]], ids=" ".join)
def test_another_applications_sqlite_file_is_refused_untouched(runner, foreign, chechens_file, command):
    before = checksum(foreign)
    command = [str(chechens_file) if word == "CORPUS" else word for word in command]
    assert_one_line_error(run(runner, command, foreign), str(foreign), "not a quotecheck database")
    assert checksum(foreign) == before
    assert sorted(path.name for path in foreign.parent.iterdir()) == ["other.db"]  # no -wal, no -shm
    assert sqlite3.connect(foreign).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


@pytest.mark.parametrize("command", READING + WRITING[:-1], ids=" ".join)
def test_an_empty_or_missing_file_is_not_made_a_database_by_other_commands(runner, tmp_path, command):
    empty, missing = tmp_path / "empty.db", tmp_path / "missing.db"
    empty.touch()
    assert_one_line_error(run(runner, command, empty), "no database at", str(empty))
    assert_one_line_error(run(runner, command, missing), "no database at", str(missing))
    assert empty.stat().st_size == 0 and not missing.exists()


def test_ingest_and_init_create_a_database_in_an_empty_file(runner, tmp_path, chechens_file):
    by_ingest, by_init = tmp_path / "ingest.db", tmp_path / "init.db"
    by_ingest.touch()
    assert run_ingest(runner, by_ingest, chechens_file).exit_code == 0
    result = run(runner, ["init"], by_init)
    assert result.exit_code == 0 and result.stdout == f"Created {by_init} (schema {SCHEMA_VERSION}).\n"
    for path in (by_ingest, by_init):
        with Store(path, mode="read") as store:
            assert schema.schema_version(store.db) == SCHEMA_VERSION


def test_a_newer_schema_is_refused_untouched(runner, db, chechens_file):
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = checksum(db)
    for result in (run(runner, ["stats"], db), run(runner, ["mark", "1", "verified"], db),
                   run_ingest(runner, db, chechens_file)):  # fmt: skip
        assert_one_line_error(
            result, f"made by a newer quotecheck (schema {SCHEMA_VERSION + 1}, this one knows {SCHEMA_VERSION})"
        )
    assert checksum(db) == before


def test_an_older_schema_is_upgraded_by_writing_commands_only(runner, tmp_path):
    old = tmp_path / "old.db"
    shutil.copy(FIXTURE_V1, old)
    before = checksum(old)
    assert_one_line_error(run(runner, ["stats"], old), "made by an older quotecheck (schema 1", "quotecheck init")
    assert checksum(old) == before
    result = run(runner, ["init"], old)
    assert result.exit_code == 0 and result.stdout == f"Upgraded {old} from schema 1 to {SCHEMA_VERSION}.\n"
    assert run(runner, ["stats"], old).exit_code == 0
    assert run(runner, ["init"], old).stdout == f"{old} is up to date (schema {SCHEMA_VERSION}).\n"


@pytest.fixture
def held_lock(db, monkeypatch):
    """Another process in the middle of a write; a short busy timeout so a command that waits for it fails fast."""
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 200)
    blocker = sqlite3.connect(db, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    blocker.execute("UPDATE articles SET title = title")
    yield
    blocker.execute("ROLLBACK")
    blocker.close()


@pytest.mark.parametrize("command", READING[:-1], ids=" ".join)  # check reads the FTS index through a write
def test_reading_commands_do_not_wait_for_a_writer(runner, db, held_lock, command):
    result = run(runner, command, db)
    assert result.exit_code == 0, result.output


def test_a_writing_command_still_waits_and_says_so(runner, db, held_lock):
    assert_one_line_error(run(runner, ["mark", "1", "verified"], db), "locked by another writer")


CREATOR = textwrap.dedent(
    """
    import sys, time
    from quotecheck.store import Store
    while time.time() < float(sys.argv[2]):  # all start together
        pass
    Store(sys.argv[1]).close()
    """
)


def test_processes_creating_one_database_at_once_all_succeed(tmp_path):
    import time

    for round_ in range(2):
        path = tmp_path / f"new{round_}.db"
        start = str(time.time() + 1.0)  # after the interpreters have started
        creators = [subprocess.Popen([sys.executable, "-c", CREATOR, str(path), start], stderr=subprocess.PIPE,
                                     text=True) for _ in range(3)]  # fmt: skip
        errors = [creator.communicate(timeout=60)[1] for creator in creators]
        assert [creator.returncode for creator in creators] == [0, 0, 0], errors
        with Store(path, mode="read") as store:
            assert schema.schema_version(store.db) == SCHEMA_VERSION


@pytest.mark.parametrize("command", [*WRITING, ["ingest", "CORPUS"]], ids=" ".join)
def test_writing_commands_refuse_a_damaged_file(runner, db, chechens_file, command, damage_index):
    damage_index(db, "idx_quotes_order")
    before = checksum(db)
    command = [str(chechens_file) if word == "CORPUS" else word for word in command]
    assert_one_line_error(run(runner, command, db), "is damaged", "nothing was written", ".recover")
    assert checksum(db) == before


def test_check_lists_the_damage(runner, db, damage_index):
    assert run(runner, ["check"], db).stdout == f"{db}: no damage found.\n"
    damage_index(db, "idx_quotes_order")
    result = run(runner, ["check"], db)
    assert result.exit_code == 1
    assert "Page" in result.stderr and result.stderr.splitlines()[-1].startswith(f"Error: {db} is damaged")


def test_check_finds_a_full_text_index_out_of_step(runner, db):
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TRIGGER quotes_au")
        conn.execute("UPDATE quotes SET text = 'changed behind the index' WHERE id = 1")
    conn.close()
    result = run(runner, ["check"], db)
    assert result.exit_code == 1 and "full-text index quotes_fts" in result.stderr


def test_an_unchanged_file_is_not_checked_again(runner, db, monkeypatch, damage_index):
    checks = []
    quick_check = integrity._pragma_problems
    monkeypatch.setattr(integrity, "_pragma_problems", lambda *args: checks.append(args[1]) or quick_check(*args))
    for _ in range(2):
        assert run(runner, ["mark", "1", "verified"], db).exit_code == 0
    assert checks == []  # the fixture's store found it sound and closed it; only quotecheck wrote since
    damage_index(db, "idx_quotes_order")
    assert run(runner, ["mark", "1", "verified"], db).exit_code == 1
    assert checks == ["quick_check"]


def test_an_error_names_the_file_once(runner, tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("my notes, not SQLite\n" * 100, encoding="utf-8")
    result = run(runner, ["stats"], notes)
    assert_one_line_error(result, "not a quotecheck database")
    assert result.stderr.count(str(notes)) == 1


def test_a_damaged_old_file_is_refused_before_the_switch_to_wal(runner, tmp_path, damage_index):
    old = tmp_path / "old.db"
    shutil.copy(FIXTURE_V1, old)  # schema 1, rollback journal
    damage_index(old, "idx_quotes_order")
    before = checksum(old)
    assert_one_line_error(run(runner, ["init"], old), "is damaged")
    assert checksum(old) == before


def test_a_store_that_met_a_failing_file_does_not_vouch_for_it(db, monkeypatch):
    from quotecheck.store import DatabaseError

    checks = []
    quick_check = integrity._pragma_problems
    monkeypatch.setattr(integrity, "_pragma_problems", lambda *args: checks.append(args[1]) or quick_check(*args))
    with Store(db, mode="write") as store:
        def failing(*args):
            raise sqlite3.DatabaseError("disk I/O error")

        monkeypatch.setattr(store, "db", type("Failing", (), {"execute": failing, "close": store.db.close})())
        with pytest.raises(DatabaseError, match="disk I/O error"):
            store.stats()
    Store(db, mode="write").close()
    assert checks == ["quick_check"]
