import importlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotecheck.cli import cli
from quotecheck.extract.model import Quote

FIXTURES = Path(__file__).parents[1] / "read" / "fixtures"
CORPUS_TEXT = Path(__file__).parents[2] / "corpus" / "eu-lithuania-chechens.txt"
EXTRACT_MODULE = importlib.import_module("quotecheck.extract")


def fake_extract(text: str) -> list[Quote]:
    """One direct quote over the first quoted passage, attributed with a role full of control characters."""
    start = text.find('"') + 1
    end = text.find('"', start)
    if start == 0 or end < 0:
        return []
    return [Quote(start, end, text[start:end], "direct", "Ines Okafor", "person", "harbourmaster\x1b[2J", None, None,
                  "said", 0.875, "test-rule")]


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr(EXTRACT_MODULE, "extract", fake_extract)


def run(*args, input=None, columns=100):
    return CliRunner().invoke(cli, ["extract", *args], input=input, env={"COLUMNS": str(columns)})


def test_table_is_aligned_sanitized_and_fits_the_terminal(fake):
    result = run(str(FIXTURES / "harbour.txt"), columns=90)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"{FIXTURES / 'harbour.txt'}: 1 quote"
    assert lines[1].split() == ["SPEAKER", "ROLE", "KIND", "QUOTE", "CONF"]
    row = lines[2]
    assert row.startswith("Ines Okafor") and row.endswith("0.88")
    assert "harbourmaster[2J" in row and "\x1b" not in result.stdout
    assert "We have waited eleven y" in row and "…" in row  # truncated to fit
    assert len(row) <= 90


def test_jsonl_has_every_quote_field_and_the_source(fake):
    result = run(str(FIXTURES / "wires.jsonl"), "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 1
    record = records[0]
    assert set(record) == {f for f in Quote.__slots__} | {"source"}
    assert record["source"] == f"{FIXTURES / 'wires.jsonl'}:2"
    assert record["text"] == "We are thrilled,"
    assert result.exit_code == 1  # the file's malformed lines were reported
    assert len(result.stderr.splitlines()) == 4


def test_stdin(fake):
    result = run("-", "--format", "jsonl", input='Ms Lee said "no comment" today.\n')
    assert result.exit_code == 0
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["text"] == "no comment" and record["source"] == "-"


def test_a_bad_file_in_a_batch_is_reported_and_the_rest_printed(fake):
    result = run(str(FIXTURES / "binary.txt"), str(FIXTURES / "harbour.txt"), str(FIXTURES / "empty.txt"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {FIXTURES / 'binary.txt'}: binary file (contains NUL bytes)",
        f"Error: {FIXTURES / 'empty.txt'}: no text",
    ]
    assert "Ines Okafor" in result.stdout


def test_an_extractor_failure_is_one_line_and_the_batch_goes_on(monkeypatch):
    def explode(text):
        if "harbour" in text:
            raise ValueError("boom")
        return []

    monkeypatch.setattr(EXTRACT_MODULE, "extract", explode)
    result = run(str(FIXTURES / "harbour.txt"), str(FIXTURES / "batch" / "a.txt"))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {FIXTURES / 'harbour.txt'}: extraction failed (ValueError: boom)"
    assert f"{FIXTURES / 'batch' / 'a.txt'}: no quotes found" in result.stdout


def test_real_extractor_runs_on_the_corpus():
    result = run(str(CORPUS_TEXT), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    for line in result.stdout.splitlines():
        record = json.loads(line)
        assert record["source"] == str(CORPUS_TEXT)


def test_help_has_an_example():
    result = CliRunner().invoke(cli, ["extract", "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.stdout and "quotecheck extract corpus/" in result.stdout


def test_jsonl_escapes_c1_controls_and_bidi_overrides(fake):
    # json.dumps leaves these raw; a terminal acts on the one-byte CSI (\x9b) and a bidi override disguises text
    result = run("-", "--format", "jsonl", input='Ms Lee said "no \x9b2J \u202ecomment" today.\n')
    assert result.exit_code == 0
    assert "\x9b" not in result.stdout and "\u202e" not in result.stdout
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["text"] == "no \x9b2J \u202ecomment"
