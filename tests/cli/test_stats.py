import json

from quotecheck.cli import cli


def test_text_report(runner, db, quote_id):
    runner.invoke(cli, ["mark", "--db", str(db), str(quote_id(db, "We are just one")), "verified"])
    runner.invoke(cli, ["mark", "--db", str(db), str(quote_id(db, "HYPERLINK")), "disputed"])
    result = runner.invoke(cli, ["stats", "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:5] == [
        "Articles    3",
        "Quotes      31 (direct 10, partial 3, indirect 18)",
        "Reviewed    2 of 31 (6%)",
        "By status   unreviewed 29, verified 1, disputed 1",
        "Anonymous   6% of quotes are from anonymous sources",
    ]
    assert lines[5] == "Top speakers"
    assert lines[6].split() == ["Linas", "Linkevicius", "9"]
    assert lines[7].split() == ["Mia", "Sundelin", "7"]


def test_json(runner, db):
    data = json.loads(runner.invoke(cli, ["stats", "--db", str(db), "--json"]).stdout)
    assert data["articles"] == 3 and data["quotes"] == 31
    assert data["by_kind"] == {"direct": 10, "indirect": 18, "partial": 3}
    assert data["reviewed"] == 0
    assert round(data["anonymous_share"], 3) == round(2 / 31, 3)
    assert data["top_speakers"][0] == ["Linas Linkevicius", 9]


def test_empty_database(runner, tmp_path):
    db = tmp_path / "empty.db"
    runner.invoke(cli, ["ingest", "--db", str(db), "-"], input="")
    result = runner.invoke(cli, ["stats", "--db", str(db)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:3] == ["Articles    0", "Quotes      0", "Reviewed    0 of 0"]
