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


# -- the damaged and foreign file matrix: what each command does with a file that is not a sound quotecheck database

def _text_file(path: Path, db: Path) -> None:
    path.write_text("my notes, not SQLite\n" * 100, encoding="utf-8")


def _truncated(path: Path, db: Path) -> None:
    path.write_bytes(db.read_bytes()[: db.stat().st_size // 2])  # a copy cut short (WAL mode, like ours)


def _random_bytes(path: Path, db: Path) -> None:
    path.write_bytes(bytes(range(256)) * 64)


NOT_DATABASES = {"text file": _text_file, "truncated database": _truncated, "random bytes": _random_bytes}


@pytest.mark.parametrize("kind", NOT_DATABASES)
@pytest.mark.parametrize("command", [*EVERY, ["ingest", "CORPUS"]], ids=" ".join)
def test_a_file_that_is_no_database_is_refused_untouched(runner, db, tmp_path, chechens_file, kind, command):
    directory = tmp_path / "refused"
    directory.mkdir()
    path = directory / "file.db"
    NOT_DATABASES[kind](path, db)
    before = checksum(path)
    command = [str(chechens_file) if word == "CORPUS" else word for word in command]
    assert_one_line_error(run(runner, command, path), str(path), "not a quotecheck database")
    assert checksum(path) == before
    assert [entry.name for entry in directory.iterdir()] == ["file.db"]  # no -wal or -shm left beside it


DROP_FILE_PRIVILEGES = textwrap.dedent(
    """
    import ctypes, sys
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER: root obeys file modes too
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP: gone for the program exec'd next
            sys.exit(f"cannot drop capability {capability}: errno {ctypes.get_errno()}")
    """
)


def run_unprivileged(arguments: list[str], *, limits: str = "") -> subprocess.CompletedProcess:
    """``quotecheck ARGUMENTS`` in a process of its own that file modes bind even when the tests run as root
    (``limits``: Python run before, e.g. a resource limit)."""
    start = "\n".join([DROP_FILE_PRIVILEGES, limits, "import os",
                       "os.execv(sys.executable, [sys.executable, '-c', 'from quotecheck.cli import cli; cli()',"
                       " *sys.argv[1:]])"])  # fmt: skip
    done = subprocess.run([sys.executable, "-c", start, *arguments], capture_output=True, text=True, timeout=120)
    if done.returncode != 0 and "cannot drop capability" in done.stderr:
        pytest.skip(f"this machine does not let the tests drop privileges ({done.stderr.strip()})")
    return done


def assert_one_line_failure(done: subprocess.CompletedProcess, *words: str) -> None:
    assert done.returncode == 1, done.stdout + done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith("Error: ") and all(word in line for word in words), line


@pytest.fixture
def read_only_file(db):
    Store(db, mode="write").close()  # checkpointed: the whole database in the one file
    db.chmod(0o444)
    yield db
    db.chmod(0o644)


@pytest.mark.parametrize(
    ("command", "outcome"),
    [
        (["stats"], "Articles"),
        (["export", "--format", "json"], "["),
        (["mark", "1", "verified"], "cannot write to the database (attempt to write a readonly database)"),
        (["ingest", "CORPUS"], "cannot write to the database"),
        (["check"], "cannot check the full-text index quotes_fts: the file is read-only"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else "",
)
def test_a_read_only_file_is_read_and_never_written(read_only_file, chechens_file, command, outcome):
    before = checksum(read_only_file)
    if command == ["ingest", "CORPUS"]:
        command = ["ingest", str(Path(__file__).resolve().parents[2] / "corpus" / "flu-season.txt")]
    done = run_unprivileged([*command, "--db", str(read_only_file)])
    if outcome.startswith(("cannot", "Error")):
        assert_one_line_failure(done, str(read_only_file), outcome)
    else:
        assert done.returncode == 0 and done.stdout.startswith(outcome), done.stderr
    assert checksum(read_only_file) == before


@pytest.mark.parametrize("command", [["stats"], ["mark", "1", "verified"], ["check"]], ids=" ".join)
def test_a_database_in_a_read_only_directory_is_refused_with_the_reason(db, tmp_path, command):
    directory = tmp_path / "locked"
    directory.mkdir()
    Store(db, mode="write").close()
    shutil.move(db, directory / "quotes.db")
    inside = directory / "quotes.db"
    before = checksum(inside)
    directory.chmod(0o555)
    try:
        done = run_unprivileged([*command, "--db", str(inside)])
    finally:
        directory.chmod(0o755)
    assert_one_line_failure(done, str(inside), "its directory is read-only", "quotes.db-shm")
    assert checksum(inside) == before and [entry.name for entry in directory.iterdir()] == ["quotes.db"]


def test_a_full_disk_stops_ingest_with_one_line_and_a_sound_database(tmp_path):
    """A file-size limit (RLIMIT_FSIZE) makes the disk full for real: SQLite's own write fails."""
    db, wire = tmp_path / "quotes.db", tmp_path / "wire.jsonl"
    wire.write_text("".join(
        f'{{"text": "\\"Statement {n} is {"long " * 300}\\" Ann Lee{n} said on Monday."}}\n' for n in range(400)
    ), encoding="utf-8")  # fmt: skip
    Store(db).close()
    limit = db.stat().st_size + 300_000
    done = run_unprivileged(["ingest", "--jobs", "1", "--db", str(db), str(wire)],
                            limits=f"import resource; resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))")
    assert_one_line_failure(done, str(db), "cannot write to the database", "Stopped; stored until then")
    with Store(db, mode="read") as store:
        assert store.integrity_problems() == []
        stored = store.stats().articles
    assert f"stored until then: {stored} new article" in done.stderr and stored < 400
