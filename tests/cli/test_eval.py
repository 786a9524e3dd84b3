import importlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotecheck.cli import cli
from quotecheck.extract.model import Quote

CORPUS = Path(__file__).parents[2] / "corpus"
BUNDLED = CORPUS / "eu-lithuania-chechens.gold.json"
# The package re-exports the function under the submodule's name, so fetch the module itself.
EXTRACT_MODULE = importlib.import_module("quotecheck.extract")


def gold_echo(text: str) -> list[Quote]:
    """An 'extractor' that returns the bundled gold, so the figures are known."""
    gold = json.loads(BUNDLED.read_text(encoding="utf-8"))
    if text != (CORPUS / gold["file"]).read_text(encoding="utf-8"):
        return []
    return [Quote(q["start"], q["end"], q["text"], q["kind"], q["speaker"], confidence=1.0, rule="gold")
            for q in gold["quotes"]]


def run(*args):
    return CliRunner().invoke(cli, ["eval", *args])


def test_eval_reports_every_figure_on_the_corpus():
    result = run(str(BUNDLED))
    assert result.exit_code == 0, result.output
    for label in ("quoted speech", "reported speech", "all quotes", "end to end", "right", "by kind", "precision", "F1"):
        assert label in result.stdout


def test_eval_json_with_a_perfect_extractor(monkeypatch):
    monkeypatch.setattr(EXTRACT_MODULE, "extract", gold_echo)
    result = run(str(BUNDLED), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == 1 and report["all"]["gold"] == 27
    assert report["all"]["f1"] == 1.0 and report["all"]["end_to_end"]["f1"] == 1.0
    assert report["kinds"]["partial"] == {"gold": 3, "gold_matched": 3, "recall": 1.0, "found": 3,
                                          "found_matched": 3, "precision": 1.0}


def test_show_lists_errors_with_sanitized_context(tmp_path, monkeypatch):
    text = 'Jo Bloggs said "we \x1b[31mwill win" today. "Never," said Kim Lee.'
    gold = tmp_path / "g.jsonl"
    start = text.index("we")
    gold.write_text(json.dumps({"text": text, "quotes": [
        {"start": start, "end": text.index('" today'), "kind": "partial", "speaker": "Jo Bloggs",
         "speaker_start": 0, "speaker_end": 9}]}) + "\n", encoding="utf-8")
    never = text.index("Never")

    def wrong(_text):
        return [Quote(never, never + 6, "Never,", "direct", "Kim Lee", rule="test")]

    monkeypatch.setattr(EXTRACT_MODULE, "extract", wrong)
    result = run(str(gold), "--show", "3")
    assert result.exit_code == 0
    assert "Missed: gold quotes the extractor did not find (1 of 1 shown)" in result.stdout
    assert "Extra: predicted quotes that match no gold quote (1 of 1 shown)" in result.stdout
    assert "⟦we [31mwill win⟧" in result.stdout and "\x1b" not in result.stdout
    assert "⟦Never,⟧" in result.stdout


def test_unreadable_gold_files_are_reported_and_the_rest_scored(tmp_path):
    broken = tmp_path / "broken.gold.json"
    broken.write_text('{"file": "missing.txt", "quotes": []}', encoding="utf-8")
    result = run(str(broken), str(tmp_path / "absent.jsonl"), str(BUNDLED), "--format", "json")
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"Error: {broken}: cannot read")
    assert errors[1].startswith(f"Error: {tmp_path / 'absent.jsonl'}:")
    report = json.loads(result.stdout)
    assert report["documents"] == 1 and report["unreadable"] == 2


@pytest.mark.parametrize("args", [[], ["--show", "-1"], ["x", "--format", "csv"]])
def test_usage_errors(args):
    assert run(*args).exit_code == 2


def test_wrong_names_are_listed_even_when_the_mention_is_right(tmp_path, monkeypatch):
    """The error list follows the name-strict headline: "he" resolved to the wrong person is an error."""
    text = 'Tom Reyes met Ana Ruiz. "We agreed," he said.'
    start, he = text.index("We agreed"), text.index("he said")
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({
        "text": text,
        "speakers": [{"name": "Tom Reyes", "type": "person", "role": "mayor"}],
        "quotes": [{"start": start, "end": start + 10, "kind": "direct", "speaker": "Tom Reyes",
                    "speaker_start": he, "speaker_end": he + 2}],
    }) + "\n", encoding="utf-8")

    def wrong_person(_text):
        return [Quote(start, start + 10, "We agreed,", "direct", "Ana Ruiz", "person", "doctor", he, he + 2,
                      "said", 0.9, "test")]

    monkeypatch.setattr(EXTRACT_MODULE, "extract", wrong_person)
    result = run(str(gold), "--show", "2")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.startswith("quoted speech"))
    assert header.split()[-3:] == ["100.0%", "0.0%", "0.0%"]  # mention right, name wrong, role wrong
    assert "Wrong speaker: matched quotes whose stored speaker does not name the gold's person (1 of 1 shown)" in (
        result.stdout
    )
    assert "gold Tom Reyes [he], predicted Ana Ruiz [he]" in result.stdout
    assert "0.9-1.0" in result.stdout and "the least-confident 20% of quotes hold" in result.stdout
