"""quotecheck source add / source list / verify, through the real command entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotecheck.cli import cli

FIXTURES = Path(__file__).resolve().parents[1] / "verify" / "fixtures"
SPEAKER = "Linas Linkevicius"


def _add(runner, db, name, *options):
    result = runner.invoke(cli, ["source", "add", str(FIXTURES / name), "--speaker", SPEAKER, "--db", str(db), *options])
    assert result.exit_code == 0, result.output
    return result


def test_source_add_and_list(runner, db):
    added = _add(runner, db, "linkevicius-interview.vtt", "--title", "LRT radio interview", "--date", "2017-06-12")
    assert added.stdout.startswith("Added source #1 for Linas Linkevicius (#")
    again = _add(runner, db, "linkevicius-interview.vtt")
    assert again.stdout.startswith("Already stored as source #1")
    rows = [json.loads(line) for line in runner.invoke(cli, ["source", "list", "--db", str(db)]).stdout.splitlines()]
    assert [(row["id"], row["title"], row["date"], row["words"]) for row in rows] == [
        (1, "LRT radio interview", "2017-06-12", 33)
    ]


@pytest.mark.parametrize(
    ("source", "result", "changes"),
    [
        ("linkevicius-press-conference.txt", "verbatim", []),
        ("linkevicius-interview.vtt", "differs", [{"op": "dropped", "quote": "", "source": "ever"}]),
        ("linkevicius-statement.html", "not-found", []),
    ],
)
def test_verify_jsonl(runner, db, quote_id, source, result, changes):
    _add(runner, db, source)
    quote = quote_id(db, "Nobody should be persecuted")
    output = runner.invoke(cli, ["verify", str(quote), "--format", "jsonl", "--db", str(db)])
    assert output.exit_code == 0, output.output
    [row] = [json.loads(line) for line in output.stdout.splitlines()]
    assert row["quote_id"] == quote and row["result"] == result
    assert set(row) == {"quote_id", "result", "score", "source_id", "location", "passage", "diff"}
    assert [op for op in row["diff"] if op["op"] not in ("same", "editorial")] == changes
    if result != "not-found":
        assert row["source_id"] == 1 and "Nobody should" in row["passage"]


def test_verify_a_speaker_as_a_table(runner, db):
    _add(runner, db, "linkevicius-interview.vtt")
    output = runner.invoke(cli, ["verify", "--speaker", SPEAKER, "--db", str(db)])
    assert output.exit_code == 0, output.output
    assert "— differs (score 94.1)" in output.stdout
    assert "linkevicius-interview.vtt, 00:00:04\n" in output.stdout  # the path when there is no title
    assert "Diff     Nobody should [-ever-] be persecuted for who they love\n" in output.stdout
    assert output.stdout.count("— not-found") == 8  # his other quotes are not in this interview


def test_verify_notes_speakers_without_sources(runner, db, quote_id):
    output = runner.invoke(cli, ["verify", str(quote_id(db, "Nobody should be persecuted")), "--db", str(db)])
    assert output.exit_code == 0
    assert "Note: Linas Linkevicius has no sources" in output.stderr


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["verify"], "give QUOTE_IDs or --speaker NAME"),
        (["verify", "1", "--speaker", SPEAKER], "give QUOTE_IDs or --speaker NAME"),
        (["verify", "999"], "no quote with id 999"),
        (["source", "add", "missing.txt", "--speaker", SPEAKER], "missing.txt: cannot read it"),
        (["source", "add", str(FIXTURES / "linkevicius-statement.html"), "--speaker", "Nobody Known"],
         "no speaker named 'Nobody Known'"),
    ],
)  # fmt: skip
def test_errors_are_one_line(runner, db, arguments, message):
    result = runner.invoke(cli, [*arguments, "--db", str(db)])
    assert result.exit_code != 0
    assert message in result.stderr
    assert result.stderr.strip().splitlines() == [f"Error: {result.stderr.strip()[7:]}"]
