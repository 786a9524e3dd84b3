import csv
import io
import json

from quotecheck.cli import cli


def _history(runner, db, *args):
    result = runner.invoke(cli, ["history", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_review_log_as_csv(runner, db, quote_id):
    first, second = quote_id(db, "We are just one of many"), quote_id(db, "Vilnius will keep issuing")
    runner.invoke(cli, ["mark", "--db", str(db), str(first), "verified", "--rating", "false",
                        "--evidence", "https://example.org/transcript"])  # fmt: skip
    runner.invoke(cli, ["mark", "--db", str(db), str(second), "disputed", "--note", "=HYPERLINK(1)",
                        "--reviewer", "bea"])  # fmt: skip
    runner.invoke(cli, ["undo", "--db", str(db), "--reviewer", "bea"])
    rows = list(csv.DictReader(io.StringIO(_history(runner, db, "--format", "csv"))))
    assert [(row["reviewer"], row["action"], row["quote_id"]) for row in rows] == [
        ("tester", "status", str(first)), ("tester", "rating", str(first)), ("tester", "evidence", str(first)),
        ("bea", "status", str(second)), ("bea", "note", str(second)),
        ("bea", "undo", str(second)), ("bea", "undo", str(second)),
    ]
    assert rows[0]["change"] == "status unreviewed -> verified" and rows[0]["at"].startswith("20")
    assert rows[2]["evidence_url"] == "https://example.org/transcript"
    assert rows[4]["note"] == "'=HYPERLINK(1)"  # a spreadsheet shows it, never runs it
    assert rows[4]["undone_by"] and rows[5]["undoes"]


def test_filters_by_reviewer_and_day(runner, db, quote_id):
    runner.invoke(cli, ["mark", "--db", str(db), str(quote_id(db, "We are just one of many")), "verified"])
    rows = [json.loads(line) for line in _history(runner, db, "--format", "jsonl", "--reviewer", "tester").splitlines()]
    assert [row["action"] for row in rows] == ["status"]
    assert _history(runner, db, "--format", "jsonl", "--reviewer", "nobody") == ""
    assert _history(runner, db, "--format", "jsonl", "--since", "2999-01-01") == ""
    assert _history(runner, db, "--format", "table", "--since", "2999-01-01") == "No review actions (for these options).\n"
