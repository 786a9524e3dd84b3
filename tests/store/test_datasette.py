"""The Datasette metadata describes the real schema, its canned queries answer right, and migration 7's speaker
search index and quote_rows view follow the data."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from quotecheck.store import Store
from quotecheck.store.datasette import datasette_metadata

from .builders import add_said

FIXTURE_V1 = Path(__file__).parent / "fixtures" / "schema_v1.db"


def _described(store: Store) -> dict:
    return datasette_metadata("quotes")["databases"]["quotes"]


def _names_in_speakers_fts(db: Database, words: str) -> list[str]:
    return [row[0] for row in db.execute(
        "SELECT s.name FROM speakers_fts JOIN speakers s ON s.id = speakers_fts.rowid"
        " WHERE speakers_fts MATCH ? ORDER BY s.id", [words])]  # fmt: skip


def test_every_table_and_column_described_exists(store):
    tables = _described(store)["tables"]
    views = set(store.db.view_names())
    for name, table in tables.items():
        assert name in set(store.db.table_names()) | views, name
        columns = set(store.db[name].columns_dict)
        assert set(table.get("columns", {})) <= columns, name
        used = [table.get("label_column"), table.get("sort"), table.get("sort_desc"), *table.get("facets", [])]
        assert {column for column in used if column} <= columns, name
    # the tables people browse have every column described, so a new column cannot go unexplained
    for name in ("quotes", "articles", "speakers", "quote_rows"):
        assert set(tables[name]["columns"]) == set(store.db[name].columns_dict), name


def test_search_is_set_up_on_real_fts_tables(store):
    tables = _described(store)["tables"]
    assert tables["speakers"]["fts_table"] == store.db["speakers"].detect_fts() == "speakers_fts"
    assert tables["quote_rows"]["fts_table"] == store.db["quotes"].detect_fts() == "quotes_fts"
    assert tables["quote_rows"]["fts_pk"] == "id"  # the view's id is the quote id, the FTS rowid


@pytest.fixture
def reviewed(store):
    """Three outlets' quotes, one anonymous, one disputed with two notes (one undone), one verified."""
    _, ann = add_said(store, "Ann Lee", "The river is rising fast", outlet="Gazette")
    add_said(store, "a council spokesman", "Nothing has been decided yet", speaker_type="anonymous", outlet="gazette")
    add_said(store, "Ann Lee", "We will build the wall", outlet="Herald")
    _, bo = add_said(store, "Bo Ray", "Taxes will fall next year", outlet=None)
    store.mark(bo.id, "disputed", reviewer="ana", note="The budget says otherwise")
    store.mark(bo.id, note="Asked the ministry", reviewer="ben")
    store.mark(bo.id, note="Typo", reviewer="ben")
    store.undo(reviewer="ben")
    store.set_status(ann.id, "verified", reviewer="ana")
    return store


def _run(store: Store, query: str, **params) -> list[dict]:
    sql = _described(store)["queries"][query]["sql"]
    cursor = store.db.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def test_anonymous_share_by_outlet(reviewed):
    rows = _run(reviewed, "anonymous_share_by_outlet")
    assert [(r["outlet"], r["quotes"], r["anonymous"], r["anonymous_percent"]) for r in rows] == [
        ("Gazette", 2, 1, 50.0),  # outlets match case-insensitively, as everywhere in quotecheck
        ("(no outlet)", 1, 0, 0.0),
        ("Herald", 1, 0, 0.0),
    ]


def test_disputed_quotes_with_notes(reviewed):
    (row,) = _run(reviewed, "disputed_quotes_with_notes")
    assert row["text"] == "Taxes will fall next year" and row["speaker"] == "Bo Ray"
    lines = row["notes"].splitlines()
    assert [line.split(" ", 1)[1] for line in lines] == ["ana: The budget says otherwise", "ben: Asked the ministry"]
    assert row["note"] == "Asked the ministry"


def test_unreviewed_quotes_by_speaker(reviewed):
    assert [r["text"] for r in _run(reviewed, "unreviewed_quotes_by_speaker", speaker="ann")] == [
        "We will build the wall"
    ]
    assert {r["speaker"] for r in _run(reviewed, "unreviewed_quotes_by_speaker", speaker="a")} == {
        "Ann Lee", "a council spokesman"
    }
    assert _run(reviewed, "unreviewed_quotes_by_speaker", speaker="") == []


def test_quote_rows_view_joins_article_and_speaker(reviewed):
    rows = {row["text"]: row for row in reviewed.db["quote_rows"].rows}
    assert len(rows) == 4
    anonymous = rows["Nothing has been decided yet"]
    assert (anonymous["speaker_type"], anonymous["outlet"]) == ("anonymous", "gazette")
    assert anonymous["status"] == "unreviewed"


def test_speaker_search_follows_new_and_renamed_speakers_and_undo(store):
    add_said(store, "Linas Linkevičius", "We see no grounds for it")
    _, quote = add_said(store, "Ann Lee", "The river is rising")
    assert _names_in_speakers_fts(store.db, "linkevicius") == ["Linas Linkevičius"]
    store.rename_speaker(quote.speaker_id, "Ann Leeson", reviewer="ana")
    assert _names_in_speakers_fts(store.db, "leeson") == ["Ann Leeson"]
    assert _names_in_speakers_fts(store.db, "lee") == []
    store.undo(reviewer="ana")
    assert _names_in_speakers_fts(store.db, "lee") == ["Ann Lee"]
    assert store.integrity_problems() == []  # includes FTS5's comparison of speakers_fts with speakers


def test_upgraded_v1_database_gets_speaker_search_and_the_view(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURE_V1, path)
    with Store(path) as store:
        assert _names_in_speakers_fts(store.db, "linkevicius") == ["Linas Linkevičius"]
        assert store.db["quote_rows"].count == store.db["quotes"].count
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
