"""The ingest pipeline (quotecheck.store.pipeline): skip known, extract (in workers), store in batches."""

from __future__ import annotations

import pytest

from quotecheck.extract import extract
from quotecheck.read.model import Article, ReadError
from quotecheck.store import DatabaseError, Store, pipeline
from quotecheck.store.pipeline import IngestTally, ingest_articles

from .builders import quote_in


def wire(count: int) -> list[Article]:
    return [
        Article(
            text=f'"Plan {n} will work," Ana Costa{n % 5} said on Monday. The minister said it was "a good start".',
            source=f"wire.jsonl:{n + 1}",
        )
        for n in range(count)
    ]


def stored(store: Store) -> list[tuple]:
    rows = store.db.execute(
        "SELECT a.source, q.start, q.end, q.kind, q.speaker_name FROM articles a JOIN quotes q ON q.article_id = a.id"
        " ORDER BY a.id, q.start"
    )
    return list(rows)


@pytest.mark.parametrize("jobs", [1, 2])
def test_articles_are_stored_in_input_order_with_their_quotes(tmp_path, jobs):
    articles = wire(150)  # more than two chunks
    with Store(tmp_path / "quotes.db") as store:
        tally = ingest_articles(store, articles, jobs=jobs)
        sources = [row[0] for row in store.db.execute("SELECT source FROM articles ORDER BY id")]
        rows = stored(store)
    assert sources == [article.source for article in articles]
    expected = [(a.source, q.start, q.end, q.kind, q.speaker) for a in articles for q in extract(a.text)]
    assert rows == expected
    assert (tally.new, tally.skipped, tally.failed, tally.quotes) == (150, 0, 0, len(expected))


def test_known_articles_and_repeats_in_the_input_are_skipped(tmp_path):
    articles = wire(10)
    with Store(tmp_path / "quotes.db") as store:
        ingest_articles(store, articles[:4], jobs=1)
        tally = ingest_articles(store, articles + articles[6:], jobs=1)
        count = store.stats().articles
    assert (tally.new, tally.skipped, count) == (6, 8, 10)


def test_errors_are_reported_in_input_order_and_the_rest_is_stored(tmp_path, monkeypatch):
    good = wire(3)
    real_extract = pipeline.extract

    def brittle_extract(text):
        if "Plan 1 " in text:
            raise ValueError("no luck")
        return real_extract(text)

    monkeypatch.setattr(pipeline, "extract", brittle_extract)  # jobs=1: extraction runs in this process
    items = [ReadError("gone.txt: no such file or directory"), good[0], good[1],
             Article(text="Bad \ud800 text", source="bad.txt"), good[2]]  # fmt: skip
    errors, settled = [], []
    with Store(tmp_path / "quotes.db") as store:
        tally = ingest_articles(store, items, jobs=1, on_error=errors.append, on_done=settled.append)
        sources = [row[0] for row in store.db.execute("SELECT source FROM articles ORDER BY id")]
    assert errors[0] == "gone.txt: no such file or directory"
    assert errors[1] == "wire.jsonl:2: cannot process article: ValueError: no luck"
    assert errors[2].startswith("bad.txt: ")
    assert sources == ["wire.jsonl:1", "wire.jsonl:3"]
    assert settled == items and (tally.new, tally.failed) == (2, 3)


def test_an_article_that_fails_inside_a_batch_leaves_out_only_itself(tmp_path, monkeypatch):
    texts = ['"Yes," Ann Lee said.', '"No," Bob Stone said.', '"Maybe," Cy Park said.']
    batch = [(Article(text=text), [quote_in(text, text[1:text.index('"', 1)], speaker=name, mention=name)])
             for text, name in zip(texts, ["Ann Lee", "Bob Stone", "Cy Park"], strict=True)]  # fmt: skip
    resolve = Store._resolve_speaker

    def failing_for_bob(self, name, *args, **kwargs):
        speaker = resolve(self, name, *args, **kwargs)  # Bob's speaker row is written, then the article fails
        if name == "Bob Stone":
            raise RuntimeError("bug")
        return speaker

    monkeypatch.setattr(Store, "_resolve_speaker", failing_for_bob)
    with Store(tmp_path / "quotes.db") as store:
        results = store.add_articles(batch)
        names = sorted(speaker.name for speaker in store.speakers(limit=10))
        articles = store.stats().articles
    assert [type(result).__name__ for result in results] == ["IngestResult", "RuntimeError", "IngestResult"]
    assert names == ["Ann Lee", "Cy Park"] and articles == 2


def test_the_input_is_taken_a_few_chunks_ahead_of_what_is_stored(tmp_path, monkeypatch):
    """Memory stays bounded: the pipeline never reads far ahead of the articles it has settled."""
    monkeypatch.setattr(pipeline, "CHUNK_ARTICLES", 8)
    taken = 0
    ahead = []

    def articles():
        nonlocal taken
        for article in wire(200):
            taken += 1
            yield article

    def done(item):
        ahead.append(taken - len(ahead) - 1)

    with Store(tmp_path / "quotes.db") as store:
        ingest_articles(store, articles(), jobs=2, on_done=done)
    assert len(ahead) == 200
    assert max(ahead) <= 8 * 2 * pipeline.CHUNKS_IN_FLIGHT_PER_JOB


def test_a_tally_passed_in_counts_what_was_stored_before_a_database_failure(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK_ARTICLES", 5)
    calls = 0
    add_articles = Store.add_articles

    def failing_on_the_third_batch(self, batch):
        nonlocal calls
        calls += 1
        if calls == 3:
            raise DatabaseError("quotes.db: cannot write to the database (disk full)")
        return add_articles(self, batch)

    monkeypatch.setattr(Store, "add_articles", failing_on_the_third_batch)
    tally = IngestTally()
    with Store(tmp_path / "quotes.db") as store, pytest.raises(DatabaseError, match="disk full"):
        ingest_articles(store, wire(30), jobs=1, tally=tally)
    assert tally.new == 10
