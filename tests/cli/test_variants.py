"""quotecheck variants, through the real command entry point: three outlets print the same words, one with a word
changed and one giving them to another speaker."""

from __future__ import annotations

import json

import pytest

from quotecheck.cli import cli
from quotecheck.extract.model import Quote
from quotecheck.read.model import Article
from quotecheck.store import Store

WORDS = "Nobody should be persecuted for who they love, and Lithuania will keep its doors open"
VERSIONS = [
    # (outlet, date, speaker, words)
    ("LRT", "2017-06-12", "Linas Linkevicius", WORDS),
    ("BNS", "2017-06-13", "Linas Linkevicius", WORDS.replace("keep its doors open", "keep its borders open")),
    ("Daily Echo", "2017-06-11", "Dalia Grybauskaite", "should be persecuted for who they love, and Lithuania"),
    ("LRT", "2017-06-12", "Linas Linkevicius", "Lithuania will go on issuing humanitarian visas to those in danger"),
]


@pytest.fixture
def variants_db(tmp_path):
    path = tmp_path / "quotes.db"
    with Store(path) as store:
        for outlet, published, speaker, words in VERSIONS:
            text = f'"{words}," {speaker} said.'
            quote = quote_in(text, words, speaker=speaker, mention=speaker)
            store.add_article(Article(text=text, outlet=outlet, published=published), [quote])
        reported = "Linkevicius said Lithuania would go on issuing humanitarian visas to those in danger"
        text = f"{reported}."
        quote = quote_in(text, reported[len("Linkevicius said ") :], speaker="Linkevicius", mention="Linkevicius",
                         kind="indirect")  # fmt: skip
        store.add_article(Article(text=text, outlet="BNS", published="2017-06-14"), [quote])
    return path


def quote_in(text: str, words: str, *, speaker: str, mention: str, kind: str = "direct") -> Quote:
    start, mention_start = text.index(words), text.index(mention)
    return Quote(
        start=start, end=start + len(words), text=words, kind=kind, speaker=speaker, speaker_type="person",
        role=None, mention_start=mention_start, mention_end=mention_start + len(mention), cue="said",
        confidence=0.8, rule="test-fixture",
    )  # fmt: skip


def _groups(runner, db, *options):
    result = runner.invoke(cli, ["variants", "--db", str(db), "--format", "jsonl", *options])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_jsonl_one_row_per_group_with_flags_and_diff(runner, variants_db):
    (group,) = _groups(runner, variants_db)
    assert group["flags"] == {"wording": True, "conflict": True}
    assert group["speakers"] == ["Dalia Grybauskaite", "Linas Linkevicius"]
    outlets = [(quote["outlet"], quote["date"], quote["speaker"]) for quote in group["quotes"]]
    assert outlets == [
        ("Daily Echo", "2017-06-11", "Dalia Grybauskaite"),
        ("LRT", "2017-06-12", "Linas Linkevicius"),
        ("BNS", "2017-06-13", "Linas Linkevicius"),
    ]
    trimmed, full, changed = group["quotes"]
    assert set(trimmed) == {"id", "text", "speaker", "outlet", "date", "diff"}
    assert (group["earliest"], group["reference"]) == (trimmed["id"], full["id"])
    assert [op for op in trimmed["diff"] if op["op"] != "same"] == []  # trimmed at both ends, no word changed
    assert full["diff"] == []
    assert [op for op in changed["diff"] if op["op"] != "same"] == [
        {"op": "changed", "this": "borders", "reference": "doors"}
    ]


def test_min_words(runner, variants_db):
    (group,) = _groups(runner, variants_db, "--min-words", "15")  # the trimmed 9-word version left out
    assert group["flags"] == {"wording": True, "conflict": False}
    assert [quote["outlet"] for quote in group["quotes"]] == ["LRT", "BNS"]


def test_reported_speech_on_request(runner, variants_db):
    assert len(_groups(runner, variants_db)) == 1
    groups = _groups(runner, variants_db, "--reported")
    assert len(groups) == 2
    # "Linkevicius" is Linas Linkevicius; reported speech says "would" for his "will"
    assert groups[1]["flags"] == {"wording": True, "conflict": False}
    assert [op for op in groups[1]["quotes"][1]["diff"] if op["op"] != "same"] == [
        {"op": "changed", "this": "would", "reference": "will"}
    ]


def test_table_and_limit(runner, variants_db):
    result = runner.invoke(cli, ["variants", "--db", str(variants_db), "--reported", "--limit", "1"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Group 1: 3 versions — wording, conflict"
    assert lines[1] == "Speakers Dalia Grybauskaite; Linas Linkevicius"
    assert "#3 2017-06-11 Daily Echo Dalia Grybauskaite (earliest)" in lines
    assert "#1 2017-06-12 LRT Linas Linkevicius (reference)" in lines
    assert "  Diff   Nobody should be persecuted for who they love, and Lithuania will keep its [-doors-]{+borders+} open" in lines
    assert "Group 2" not in result.stdout
    assert "1 of 2 groups shown; --limit 0 shows all." in result.stderr


def test_nothing_to_group(runner, db):
    result = runner.invoke(cli, ["variants", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "No quotes found in more than one version.\n"
    assert runner.invoke(cli, ["variants", "--db", str(db), "--format", "json"]).stdout == "[]\n"
