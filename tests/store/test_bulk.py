"""bulk_load and the benchmark database builder that uses it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quotecheck.extract.model import Quote
from quotecheck.read.model import Article
from quotecheck.store import QuoteFilter, Store, StoreError
from quotecheck.store.bulk import bulk_load

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks.generate import build_database  # noqa: E402


def test_bulk_load_gives_the_same_database_as_ingest(tmp_path):
    text = 'Ann Lee said: "refugees are welcome". The ministry said talks continue.'
    a, b, m = text.index("refugees"), text.index("talks"), text.index("The ministry")
    quotes = [
        Quote(a, a + 20, "refugees are welcome", "direct", "Ann Lee", "person", "the mayor", 0, 7, "said", 0.9, "r"),
        Quote(b, b + 15, "talks continue.", "indirect", "the ministry", "organisation", None, m, m + 12, "said", 0.6),
    ]
    path = tmp_path / "bulk.db"
    speakers = [("Ann Lee", "person"), ("the ministry", "organisation")]
    assert bulk_load(path, speakers, [(Article(text), quotes)]) == (1, 2)
    with Store(path) as store:
        assert [q.text for q in store.quotes(QuoteFilter(text="Lee refugees"))] == ["refugees are welcome"]
        assert {s.name: s.quote_count for s in store.speakers()} == {"Ann Lee": 1, "the ministry": 1}
        assert "Lee" in store.speakers("Ann Lee")[0].aliases
        assert not store.add_article(Article(text), quotes).new  # sha256 stored
        store.set_status(1, "verified", reviewer="ana")  # triggers are back
        assert store.speakers("Ann Lee")[0].reviewed_count == 1
    with pytest.raises(StoreError, match="empty database"):
        bulk_load(path, [], [])


def test_bulk_load_rejects_an_unknown_speaker_and_leaves_nothing(tmp_path):
    text = 'Bo said: "hi"'
    with pytest.raises(StoreError, match="not in the speakers list"):
        bulk_load(tmp_path / "b.db", [("Ann Lee", "person")], [(Article(text), [Quote(10, 12, "hi", "direct", "Bo")])])
    with Store(tmp_path / "b.db") as store:
        assert store.count_quotes() == 0 and store.speakers() == []


def test_build_database_makes_exactly_the_requested_size(tmp_path):
    path = build_database(tmp_path / "gen.db", quotes=600, speakers=80, seed=3, reviewed=15)
    with Store(path) as store:
        assert store.count_quotes() == 600
        assert store.db.execute("SELECT count(*) FROM speakers").fetchone()[0] == 80
        assert store.count_reviewed() == 15
        for quote in store.quotes(limit=600):
            assert store.article(quote.article_id).text[quote.start : quote.end] == quote.text
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)")


def test_store_speed_benchmark_runs_end_to_end(tmp_path):
    """The benchmark prints its figures (tiny sizes here; the figures themselves are not checked)."""
    script = Path(__file__).resolve().parents[2] / "benchmarks" / "store_speed.py"
    result = subprocess.run(
        [sys.executable, str(script), "--articles", "40", "--quotes", "400", "--speakers", "40",
         "--big", str(tmp_path / "big.db")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for figure in ("articles/s", "full-text search", "speaker fuzzy search", "kB per 1,000 quotes", "stats()"):
        assert figure in result.stdout
