import csv
import io
import json

import pytest

from quotecheck.cli import cli
from quotecheck.cli.search import QUOTE_COLUMNS

ROW_KEYS = {"id", "text", "kind", "speaker", "role", "status", "rating", "article_title", "outlet", "published", "url"}


def _search(runner, db, *args):
    result = runner.invoke(cli, ["search", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_full_text_search_prints_json_lines_when_piped(runner, db):
    rows = _search(runner, db, "refugees")
    assert rows and all("refugees" in row["text"].lower() for row in rows)
    assert {row["speaker"] for row in rows} >= {"Catarina Marcelino", "Mia Sundelin"}
    assert all(ROW_KEYS <= set(row) for row in rows)
    marcelino = next(row for row in rows if row["speaker"] == "Catarina Marcelino")
    assert marcelino["role"] == "Portugal's state secretary for citizenship and equality"
    assert marcelino["outlet"] == "EUobserver" and marcelino["published"] == "2017-05-19"
    assert marcelino["url"] == "https://euobserver.com/lgbti/137990"
    assert marcelino["article_title"] == "Lithuania helps gay Chechens flee Russia"


@pytest.mark.parametrize("spelling", ["linkevicius", "Linkevičius", "Lincevicius", "LINAS LINKEVICIUS"])
def test_speaker_names_need_not_be_spelled_exactly(runner, db, spelling):
    rows = _search(runner, db, "--speaker", spelling, "--limit", "0")
    assert {row["speaker"] for row in rows} == {"Linas Linkevicius"}
    texts = {row["text"] for row in rows}
    assert "We are just one of many countries [involved]," in texts
    assert "Vilnius will keep issuing humanitarian visas" in texts  # spelled Linkevičius in the other article


def test_text_and_speaker_together(runner, db):
    rows = _search(runner, db, "refugees", "--speaker", "marcelino")
    assert [row["speaker"] for row in rows] == ["Catarina Marcelino"]


@pytest.mark.parametrize("query", ['20% (citation', '"unbalanced', "AND OR NOT", "refugees*)", "NEAR(", "-"])
def test_fts_syntax_in_the_query_is_taken_literally(runner, db, query):
    result = runner.invoke(cli, ["search", "--db", str(db), query])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


def test_filters(runner, db):
    assert {r["kind"] for r in _search(runner, db, "--kind", "partial", "--limit", "0")} == {"partial"}
    assert {r["outlet"] for r in _search(runner, db, "--outlet", "LRT")} == {"LRT"}
    since = _search(runner, db, "--since", "2017-06-01", "--limit", "0")
    assert {r["published"] for r in since} == {"2017-06-12", "2018-01-01"}
    until = _search(runner, db, "--until", "2017-06-12", "--limit", "0")
    assert {r["published"] for r in until} == {"2017-05-19", "2017-06-12"}
    article_two = _search(runner, db, "--article", "2", "--limit", "0")
    assert len(article_two) == 3 and {r["article_id"] for r in article_two} == {2}
    assert _search(runner, db, "--status", "verified") == []
    assert len(_search(runner, db, "--status", "unreviewed", "--limit", "0")) == 31


def test_limit(runner, db):
    assert len(_search(runner, db, "--limit", "5")) == 5
    assert len(_search(runner, db)) == 31  # default limit 50
    assert len(_search(runner, db, "--limit", "0")) == 31


def test_json_and_csv_formats(runner, db):
    result = runner.invoke(cli, ["search", "--db", str(db), "refugees", "--format", "json"])
    rows = json.loads(result.stdout)
    assert isinstance(rows, list) and len(rows) == 4
    result = runner.invoke(cli, ["search", "--db", str(db), "refugees", "--format", "csv"])
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(table) == 4
    hostile = next(row for row in table if row["speaker"] == "Mallory Hacker")
    assert hostile["text"].startswith("'=HYPERLINK(")  # neutralised formula
    assert "\x1b" not in result.stdout


def test_table_shows_the_quotes_without_control_characters(runner, db):
    result = runner.invoke(cli, ["search", "--db", str(db), "refugees", "--format", "table"])
    assert result.exit_code == 0
    assert "Marcelino" in result.stdout and "ID" in result.stdout
    assert "Mallory" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_jsonl_escapes_control_characters(runner, db):
    result = runner.invoke(cli, ["search", "--db", str(db), "refugees"])
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\u001b[31m<script>" in result.stdout


def test_friendly_errors(runner, db, tmp_path):
    missing = runner.invoke(cli, ["search", "--db", str(tmp_path / "nope.db"), "x"])
    assert missing.exit_code == 1
    assert missing.stderr.startswith("Error: no database at")
    assert not (tmp_path / "nope.db").exists()
    bad_date = runner.invoke(cli, ["search", "--db", str(db), "--since", "last week"])
    assert bad_date.exit_code == 2 and "Invalid value for '--since'" in bad_date.stderr
    bad_status = runner.invoke(cli, ["search", "--db", str(db), "--status", "true"])
    assert bad_status.exit_code == 2 and "'true' is not one of" in bad_status.stderr


def test_an_anonymous_source_is_marked_as_a_speaker_of_its_article_only(runner, db):
    rows = _search(runner, db, "--speaker", "a diplomat who asked not to be named", "--limit", "0")
    assert [(row["speaker"], row["speaker_scope"]) for row in rows] == [
        ("A diplomat who asked not to be named", "article")
    ]
    assert {row["speaker_scope"] for row in _search(runner, db, "--speaker", "linkevicius")} == {"shared"}
    [speaker_column] = [column for column in QUOTE_COLUMNS if column.header == "Speaker"]
    assert speaker_column.value(rows[0])[0] == "A diplomat who asked not to be named (this article only)"
    table = runner.invoke(cli, ["search", "--db", str(db), "--speaker", "diplomat", "--format", "table"],
                          env={"COLUMNS": "250"})
    assert "A diplomat who asked not to be named (this article only)" in table.stdout


def test_has_claim_keeps_quotes_with_a_checkable_claim(runner, db):
    rows = _search(runner, db, "--has-claim", "--limit", "0")
    assert rows and all(row["claims"] for row in rows)
    texts = {row["text"] for row in rows}
    assert "over 100 gay men had been rounded up and sent to clandestine camps in the Chechen republic" in texts
    assert "homosexuality does not exist in Chechen society" not in texts
    quantities = _search(runner, db, "gay", "--has-claim", "quantity")
    assert {row["text"] for row in quantities} == {
        "The US, on the other hand, has denied visas to roughly 40 gay Chechens",
        "over 100 gay men had been rounded up and sent to clandestine camps in the Chechen republic",
    }
    claim = next(c for c in quantities[0]["claims"] if c["type"] == "quantity")
    assert quantities[0]["text"][claim["start"] : claim["end"]] == claim["text"]
    assert _search(runner, db, "--has-claim", "superlative") == []


def test_claims_in_csv_and_table(runner, db):
    result = runner.invoke(cli, ["search", "--db", str(db), "--has-claim", "quantity", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert "quantity: roughly 40 gay Chechens" in {part for row in rows for part in row["claims"].split("; ")}
    table = runner.invoke(cli, ["search", "--db", str(db), "gay", "--has-claim", "any", "--format", "table"],
                          env={"COLUMNS": "250"})  # fmt: skip
    assert "Claims" in table.stdout and "quantity: roughly 40 gay Chechens" in table.stdout


def test_an_unknown_claim_type_is_a_one_line_error(runner, db):
    result = runner.invoke(cli, ["search", "--db", str(db), "--has-claim", "opinion"])
    assert result.exit_code == 2 and "'opinion' is not one of" in result.output
