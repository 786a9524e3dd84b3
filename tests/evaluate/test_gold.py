import json
from pathlib import Path

import pytest

from quotecheck.evaluate.gold import GoldDocument, GoldError, gold_files, load_gold

CORPUS = Path(__file__).parents[2] / "corpus"


def test_bundled_corpus_gold_loads_with_matching_text():
    [doc] = list(load_gold(CORPUS / "eu-lithuania-chechens.gold.json"))
    assert isinstance(doc, GoldDocument)
    assert doc.id == "eu-lithuania-chechens"
    assert len(doc.quotes) == 27
    first = doc.quotes[0]
    assert doc.text[first.start : first.end] == "an international effort was underway to protect others"
    assert first.kind == "indirect" and first.speaker == "Lithuania" and first.speaker_start is None


def _jsonl(tmp_path, lines):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_reads_mentions_and_not_speech_and_reports_bad_lines(tmp_path):
    text = 'Smith said "no way" to the so-called "plan".'
    good = {
        "id": "a1",
        "text": text,
        "quotes": [{"start": 12, "end": 19, "kind": "partial", "text": "no way", "speaker": "Smith",
                    "speaker_start": 0, "speaker_end": 5}],
        "not_speech_quoted_spans": [{"start": 38, "end": 42, "text": "plan"}],
    }
    good["quotes"][0]["end"] = 18
    path = _jsonl(tmp_path, [json.dumps(good), "{not json", json.dumps({"quotes": []}),
                             json.dumps({"text": "abc", "quotes": [{"start": 0, "end": 9, "kind": "direct"}]}),
                             json.dumps({"text": "abc", "quotes": [{"start": 0, "end": 1, "kind": "rumour"}]})])
    items = list(load_gold(path))
    doc = items[0]
    assert isinstance(doc, GoldDocument)
    assert doc.quotes[0].speaker_start == 0 and doc.quotes[0].speaker_end == 5
    assert doc.not_speech == ((38, 42),)
    errors = [str(e) for e in items[1:]]
    assert all(isinstance(e, GoldError) for e in items[1:])
    assert errors[0].startswith(f"{path}:2: not valid JSON")
    assert errors[1] == f'{path}:3: no "text" string'
    assert errors[2].startswith(f"{path}:4: quotes[0] span 0-9 is outside the text")
    assert errors[3].startswith(f"{path}:5: quotes[0] has kind 'rumour'")
    assert all("\n" not in e for e in errors)


def test_text_that_differs_from_offsets_is_an_error(tmp_path):
    path = _jsonl(tmp_path, [json.dumps({"text": "Hello there", "quotes": [
        {"start": 0, "end": 5, "kind": "direct", "text": "Hullo"}]})])
    [error] = load_gold(path)
    assert isinstance(error, GoldError)
    assert "differs" in str(error)


def test_unreadable_files(tmp_path):
    missing = tmp_path / "missing.gold.json"
    binary = tmp_path / "binary.gold.json"
    binary.write_bytes(b"\xff\xfe\x00bad")
    orphan = tmp_path / "orphan.gold.json"
    orphan.write_text(json.dumps({"file": "nowhere.txt", "quotes": []}), encoding="utf-8")
    for path, reason in [(missing, "No such file"), (binary, "not UTF-8"), (orphan, "cannot read")]:
        [error] = load_gold(path)
        assert isinstance(error, GoldError)
        assert str(error).startswith(str(path)) and reason in str(error)


def test_directories_yield_their_gold_files(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ["b.gold.json", "sub/a.gold.jsonl", "a.txt", "notes.json"]:
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in gold_files([str(tmp_path)])] == [
        "b.gold.json", "sub/a.gold.jsonl"]
    (tmp_path / "empty").mkdir()
    [error] = gold_files([str(tmp_path / "empty")])
    assert isinstance(error, GoldError)
    assert str(error) == f"{tmp_path / 'empty'}: no *.gold.json or *.gold.jsonl files in this directory"


def test_claims_are_read_when_given_and_checked_against_the_quotes(tmp_path):
    text = 'She said: "We cut 40 jobs in May."'
    quote = {"start": 11, "end": 33, "kind": "direct", "text": "We cut 40 jobs in May."}
    records = [
        {"text": text, "quotes": [quote]},  # no claims annotated: None, not an empty tuple
        {"text": text, "quotes": [quote], "claims": [{"type": "date", "start": 29, "end": 32, "text": "May"}]},
        {"text": text, "quotes": [quote], "claims": [{"type": "rumour", "start": 29, "end": 32}]},
        {"text": text, "quotes": [quote], "claims": [{"type": "quantity", "start": 0, "end": 3, "text": "She"}]},
        {"text": text, "quotes": [quote], "claims": [{"type": "date", "start": 29, "end": 32, "text": "Jun"}]},
        {"text": text, "quotes": [quote], "claims": {"type": "date"}},
    ]
    path = _jsonl(tmp_path, [json.dumps(record) for record in records])
    items = list(load_gold(path))
    assert items[0].claims is None
    assert [(c.start, c.end, c.type) for c in items[1].claims] == [(29, 32, "date")]
    assert "claims[0] has type 'rumour'" in str(items[2])
    assert "claims[0] span 0-3 is not inside a gold quote" in str(items[3])
    assert 'claims[0] "text" differs' in str(items[4])
    assert '"claims" is not a list' in str(items[5])


@pytest.mark.parametrize(
    "antecedent, basis",
    [("Zuhal Demir", "antecedent"), ("The Ohio governor", None), ("a yearly poll", None), (None, None)],
)
def test_a_pronoun_is_judged_through_its_antecedent_only_when_that_is_a_name(tmp_path, antecedent, basis):
    text = 'The minister spoke. "We will win," he said.'
    quote = {"start": 21, "end": 32, "kind": "direct", "text": "We will win", "speaker": "he", "speaker_start": 35,
             "speaker_end": 37, "speaker_type": "pronoun", "speaker_heuristic_antecedent": antecedent}
    record = json.dumps({"id": "p", "text": text, "quotes": [quote]})
    doc, _ = load_gold(_jsonl(tmp_path, [record, record]))  # (two lines: JSONL, not one gold document)
    assert doc.quotes[0].name_basis == basis
