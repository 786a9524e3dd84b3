"""The FTS index is the sqlite-utils kind: `sqlite-utils search` and Datasette's search box use it as is."""

from __future__ import annotations

import json
import sqlite3

from click.testing import CliRunner
from sqlite_utils import Database
from sqlite_utils.cli import cli as sqlite_utils_cli

from quotecheck.store import QuoteFilter

from .builders import add_said


def _fill(store):
    _, a = add_said(store, "Marcelino Rodríguez", "Spain will welcome refugees")
    _, b = add_said(store, "Angela Merkel", "inflation is falling; it's \"20% (citation needed\"")
    return a, b


def test_sqlite_utils_detects_the_fts_table_and_its_triggers(store):
    db = Database(sqlite3.connect(store.path))
    assert db["quotes"].detect_fts() == "quotes_fts"
    assert {"quotes_ai", "quotes_ad", "quotes_au"} <= {t.name for t in db["quotes"].triggers}
    assert "speaker_name" in db["quotes_fts"].columns_dict


def test_sqlite_utils_search_command(store):
    a, _ = _fill(store)
    search = ["search", str(store.path), "quotes"]
    result = CliRunner().invoke(sqlite_utils_cli, [*search, "refugees", "-c", "id", "-c", "text"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"id": a.id, "text": "Spain will welcome refugees"}]
    # speaker names are searchable from the same index
    result = CliRunner().invoke(sqlite_utils_cli, [*search, "Marcelino", "-c", "id"])
    assert json.loads(result.output) == [{"id": a.id}]
    # user-typed FTS syntax through --quote
    result = CliRunner().invoke(sqlite_utils_cli, [*search, "20% (citation", "--quote", "-c", "id"])
    assert result.exit_code == 0, result.output


def test_python_api_table_search(store):
    _, b = _fill(store)
    db = Database(sqlite3.connect(store.path))
    rows = list(db["quotes"].search("merkel inflation", columns=["id", "speaker_name"]))
    assert rows == [{"id": b.id, "speaker_name": "Angela Merkel"}]
    assert list(db["quotes"].search('20% (citation', quote=True, columns=["id"])) == [{"id": b.id}]


def test_index_follows_review_actions_renames_and_merges(store):
    a, b = _fill(store)
    store.mark(a.id, "verified", note="checked", reviewer="ana")  # an UPDATE must not duplicate index entries
    assert store.count_quotes(QuoteFilter(text="refugees")) == 1
    store.rename_speaker(a.speaker_id, "Marcelino Oreja", reviewer="ana")
    assert store.count_quotes(QuoteFilter(text="Oreja refugees")) == 1
    assert store.count_quotes(QuoteFilter(text="Rodriguez refugees")) == 0
    store.merge_speakers(b.speaker_id, a.speaker_id, reviewer="ana")
    assert store.count_quotes(QuoteFilter(text="Merkel refugees")) == 1
    db = Database(sqlite3.connect(store.path))
    db.execute("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)")  # raises if out of step
    assert [r["id"] for r in db["quotes"].search("Merkel", columns=["id"])] == sorted([a.id, b.id])
