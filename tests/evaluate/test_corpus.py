"""The bundled corpus stays usable: every gold file loads, matches its text and follows one format."""

import json
from pathlib import Path

import pytest

from quotecheck.evaluate.gold import GoldDocument, load_gold

CORPUS = Path(__file__).parents[2] / "corpus"
GOLD_FILES = sorted(CORPUS.glob("*.gold.json"))


def test_there_are_several_annotated_articles():
    assert len(GOLD_FILES) >= 5


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_file_is_valid(path):
    [doc] = list(load_gold(path))
    assert isinstance(doc, GoldDocument), str(doc)
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert set(gold) == {"id", "file", "note", "speakers", "quotes", "claims"}
    assert len(doc.claims) == len(gold["claims"]) and all(set(c) == {"type", "start", "end", "text"} for c in gold["claims"])
    assert gold["file"] == path.name.replace(".gold.json", ".txt")
    speakers = {s["name"] for s in gold["speakers"]}
    assert all(set(s) == {"name", "type", "role"} for s in gold["speakers"])
    assert all(s["type"] in {"person", "organisation", "anonymous"} for s in gold["speakers"])
    for quote in gold["quotes"]:
        assert set(quote) == {"kind", "start", "end", "text", "speaker"}
        assert quote["speaker"] in speakers
        assert quote["text"] == quote["text"].strip()
    starts = [q["start"] for q in gold["quotes"]]
    assert starts == sorted(starts)
    spans = sorted((q["start"], q["end"]) for q in gold["quotes"])
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:])), "gold spans overlap"


def test_the_corpus_has_every_kind_and_speaker_type():
    quotes = [q for p in GOLD_FILES for q in json.loads(p.read_text(encoding="utf-8"))["quotes"]]
    speakers = [s for p in GOLD_FILES for s in json.loads(p.read_text(encoding="utf-8"))["speakers"]]
    assert {q["kind"] for q in quotes} == {"direct", "partial", "indirect"}
    assert {s["type"] for s in speakers} == {"person", "organisation", "anonymous"}
