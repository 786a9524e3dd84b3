"""Schema, connection settings and PRAGMA user_version migrations."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from quotecheck.store import SCHEMA_VERSION, QuoteFilter, Store, StoreError
from quotecheck.store import schema

from .builders import add_said

FIXTURE_V1 = Path(__file__).parent / "fixtures" / "schema_v1.db"


def test_new_database_has_every_table_and_the_current_version(store):
    db = Database(sqlite3.connect(store.path))
    assert {"articles", "speakers", "speaker_aliases", "quotes", "reviews", "quotes_fts"} <= set(db.table_names())
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    quote_columns = set(db["quotes"].columns_dict)
    assert {"mention_start", "mention_end", "version", "speaker_name", "status", "rating", "role"} <= quote_columns
    assert {"quote_id", "speaker_id", "reviewer", "action", "old_status", "new_status", "old_rating", "new_rating",
            "note", "evidence_url", "old_speaker_id", "new_speaker_id", "at", "undoes", "undone_by"} <= set(
        db["reviews"].columns_dict)  # fmt: skip
    assert db["speakers"].columns_dict["type"] is str


def test_foreign_keys_declared(store):
    db = Database(sqlite3.connect(store.path))
    quotes_fks = {(fk.column, fk.other_table) for fk in db["quotes"].foreign_keys}
    assert quotes_fks == {("article_id", "articles"), ("speaker_id", "speakers")}
    # since migration 4 a deleted quote's history outlives it, so reviews.quote_id references nothing
    assert "quote_id" not in {fk.column for fk in db["reviews"].foreign_keys}
    assert ("speaker_id", "speakers") in {(fk.column, fk.other_table) for fk in db["reviews"].foreign_keys}
    assert ("speaker_id", "speakers") in {(fk.column, fk.other_table) for fk in db["speaker_aliases"].foreign_keys}


def test_connection_settings(store):
    pragma = lambda name: store.db.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == 5000


def test_foreign_keys_enforced(store):
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(
            """INSERT INTO quotes (article_id, "start", "end", text, kind) VALUES (999, 0, 1, 'x', 'direct')"""
        )


@pytest.mark.parametrize(
    "quote_filter",
    [
        QuoteFilter(),
        QuoteFilter(status="unreviewed"),
        QuoteFilter(speaker_id=1),
        QuoteFilter(kind="direct"),
        QuoteFilter(since="2024-01-01", until="2024-12-31"),
        QuoteFilter(status="unreviewed", low_confidence_first=True),
        QuoteFilter(low_confidence_first=True),
        QuoteFilter(text="refugees"),
        QuoteFilter(text="refugees", kind="direct", status="unreviewed"),
        QuoteFilter(claims_first=True),
        QuoteFilter(status="unreviewed", claims_first=True),
    ],
)
def test_pages_are_read_in_index_order_without_sorting(store, quote_filter):
    add_said(store, "Ann Lee", "refugees are welcome")
    statements = []
    with store.db.tracer(lambda sql, params: statements.append((sql, params))):
        store.quotes(quote_filter, limit=50)
    sql, params = next((sql, p) for sql, p in statements if "ORDER BY" in sql)
    plan = "\n".join(row[-1] for row in store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan


def test_v1_database_is_upgraded_in_place_with_data_intact(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURE_V1, path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 1

    with Store(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        article = store.article(1)
        assert article.title == "Chechens will stay" and article.published == "2004-02-03"
        quotes = store.article_quotes(1)
        assert [q.text for q in quotes] == ["Lithuania will not extradite the Chechens", "We see no grounds for it",
                                            "talks continue."]  # fmt: skip
        assert all(article.text[q.start : q.end] == q.text for q in quotes)
        assert quotes[0].speaker == "Linas Linkevičius" and quotes[0].role == "the foreign minister"
        assert quotes[1].status == "verified" and quotes[1].version == 2
        assert [r.new_status for r in store.history(2)] == ["verified"]
        # migration 2 indexed speaker names: the upgraded file answers speaker-name searches
        found = store.quotes(QuoteFilter(text="Linkevicius Chechens"))
        assert [q.id for q in found] == [1]
        # and keeps working for new writes (FTS triggers recreated)
        store.set_status(3, "disputed", reviewer="ben")
        add_said(store, "Linas Linkevicius", "Nothing has changed")
        assert store.speakers("Linkevicius")[0].quote_count == 3
    db = Database(sqlite3.connect(path))
    assert {t.name for t in db["quotes"].triggers} >= {"quotes_ai", "quotes_ad", "quotes_au"}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_v1_fixture_is_what_migration_1_makes(tmp_path):
    """Guards the fixture against drift: rebuild it (fixtures/make_schema_v1.py) if migration 1 ever changes."""
    fresh = schema.connect(tmp_path / "fresh.db")
    schema.migrate(fresh, target=1)
    shape = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    assert sqlite3.connect(FIXTURE_V1).execute(shape).fetchall() == fresh.execute(shape).fetchall()


def test_migrations_run_one_at_a_time_from_any_version(tmp_path):
    db = schema.connect(tmp_path / "steps.db")
    assert schema.migrate(db, target=1) == 1
    assert "speaker_name" not in db["quotes"].columns_dict
    assert schema.migrate(db) == SCHEMA_VERSION
    assert "speaker_name" in db["quotes"].columns_dict
    assert schema.migrate(db) == SCHEMA_VERSION  # nothing left to do


def test_database_from_a_newer_quotecheck_is_refused(db_path):
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match=rf"made by a newer quotecheck \(schema {SCHEMA_VERSION + 1}, this one knows {SCHEMA_VERSION}\)"):
        Store(db_path)


def test_a_file_that_is_not_a_database_gives_a_one_line_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not SQLite\n" * 100)
    with pytest.raises(StoreError) as error:
        Store(path)
    assert str(path) in str(error.value) and "\n" not in str(error.value)


def test_missing_parent_directories_are_created(tmp_path):
    with Store(tmp_path / "new" / "dir" / "quotes.db") as store:
        assert store.count_quotes() == 0


def test_a_directory_path_gives_a_one_line_error(tmp_path):
    with pytest.raises(StoreError, match=str(tmp_path)):
        Store(tmp_path)


def test_two_processes_opening_an_old_file_at_once_migrate_it_once(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURE_V1, path)
    script = "import sys\nfrom quotecheck.store import Store\nStore(sys.argv[1]).close()"
    openers = [subprocess.Popen([sys.executable, "-c", script, str(path)]) for _ in range(3)]
    assert [opener.wait(timeout=60) for opener in openers] == [0, 0, 0]
    with Store(path) as store:
        assert schema.schema_version(store.db) == SCHEMA_VERSION
        assert store.count_quotes() == 3 and store.count_quotes(QuoteFilter(text="Linkevicius")) == 2


def test_an_empty_sqlite_database_is_waited_for_then_refused_untouched(tmp_path, monkeypatch):
    """A database with no tables may be one another quotecheck is creating (tests/cli/test_database_file.py has
    three processes doing it); one that stays empty is someone else's file and is left as it was."""
    path = tmp_path / "theirs.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = wal")  # writes the header: a file of 4 kB with nothing in it
    conn.close()
    before = path.read_bytes()
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 200)
    with pytest.raises(StoreError, match="not a quotecheck database"):
        Store(path)
    assert path.read_bytes() == before
