import json
import sqlite3

from quotecheck.cli import cli


def _claims(runner, db, *args):
    result = runner.invoke(cli, ["claims", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_counts_by_type(runner, db):
    counts = json.loads(_claims(runner, db, "--json"))
    assert list(counts) == ["quantity", "percentage", "date", "comparison", "superlative", "past-fact"]
    assert counts["quantity"] >= 3 and counts["past-fact"] >= 5
    table = _claims(runner, db).splitlines()
    assert table[0].split() == ["quantity", str(counts["quantity"])]


def test_refresh_computes_the_claims_again(runner, db):
    before = json.loads(_claims(runner, db, "--json"))
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM claims")
    assert set(json.loads(_claims(runner, db, "--json")).values()) == {0}
    out = _claims(runner, db, "--refresh")
    assert out.startswith(f"Claims computed again: {sum(before.values())} claims in ")
    assert json.loads(_claims(runner, db, "--json")) == before


def test_a_missing_database_is_a_one_line_error(runner, tmp_path):
    result = runner.invoke(cli, ["claims", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "no database" in result.output
