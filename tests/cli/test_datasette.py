"""`quotecheck datasette-metadata`, and Datasette itself serving a database with it: read-only, searchable."""

from __future__ import annotations

import hashlib
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from quotecheck.cli import cli


def _metadata(runner, db) -> dict:
    result = runner.invoke(cli, ["datasette-metadata", "--db", str(db)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_metadata_is_keyed_by_the_name_datasette_gives_the_file(runner, db):
    metadata = _metadata(runner, db)
    assert list(metadata["databases"]) == ["quotes"]  # quotes.db
    database = metadata["databases"]["quotes"]
    assert database["tables"]["speakers"]["label_column"] == "name"
    assert database["tables"]["articles"]["label_column"] == "title"
    assert set(database["queries"]) == {
        "unreviewed_quotes_by_speaker", "disputed_quotes_with_notes", "anonymous_share_by_outlet"
    }


def test_missing_database_is_one_line_error(runner, tmp_path):
    result = runner.invoke(cli, ["datasette-metadata", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no database at" in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "none.db").exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _digest(path) -> str:
    """The file and its write-ahead log, where recent writes are until a checkpoint."""
    wal = path.with_name(path.name + "-wal")
    return hashlib.sha256(path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")).hexdigest()


@pytest.fixture
def datasette(runner, db, tmp_path):
    """Datasette serving ``db`` with our metadata on a free port; ``get(path)`` returns the JSON of a page."""
    metadata = tmp_path / "metadata.json"
    metadata.write_text(json.dumps(_metadata(runner, db)), encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(db), "-m", str(metadata), "-h", "127.0.0.1", "-p",
         str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip

    def get(path: str, **params) -> dict:
        query = urllib.parse.urlencode({**params, "_shape": "objects"})
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}.json?{query}", timeout=30) as response:
            return json.load(response)

    deadline = time.monotonic() + 60
    while True:
        try:
            get("/-/versions")
            break
        except (urllib.error.URLError, ConnectionError):
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"datasette did not start: {server.communicate()[0].decode(errors='replace')}")
            time.sleep(0.2)
    try:
        yield get
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_datasette_serves_quotes_search_and_canned_query_without_writing(runner, db, datasette, quote_id):
    runner.invoke(cli, ["mark", "--db", str(db), str(quote_id(db, "HYPERLINK")), "disputed", "--note", "<b>no</b>"])
    before = _digest(db)

    page = datasette("/quotes/quote_rows", _facet="status")
    assert page["filtered_table_rows_count"] == 31
    assert {row["speaker_type"] for row in page["rows"]} >= {"person", "anonymous"}
    facets = page["facet_results"]
    assert {"status", "kind", "outlet", "speaker_type"} <= set(facets)
    assert {(f["value"], f["count"]) for f in facets["status"]["results"]} == {("unreviewed", 30), ("disputed", 1)}

    found = datasette("/quotes/quote_rows", _search="refugees")
    assert found["rows"] and all("refugee" in row["text"].lower() for row in found["rows"])
    speakers = datasette("/quotes/speakers", _search="linkevicius")
    assert [row["name"] for row in speakers["rows"]] == ["Linas Linkevicius"]

    disputed = datasette("/quotes/disputed_quotes_with_notes")
    assert [row["note"] for row in disputed["rows"]] == ["<b>no</b>"]
    shares = datasette("/quotes/anonymous_share_by_outlet")["rows"]
    by_outlet = {row["outlet"]: row["anonymous_percent"] for row in shares}
    assert by_outlet["LRT"] == pytest.approx(100 / 3, abs=0.1)

    assert _digest(db) == before  # Datasette opens the file read-only
