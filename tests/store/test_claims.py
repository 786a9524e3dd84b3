"""Claims in the store: computed when quotes are stored, kept in step with a quote's words through edits, undo,
deletion and re-extraction; filtered on and ordered by; backfilled when an older database is upgraded."""

from __future__ import annotations

import dataclasses

import pytest

from quotecheck.claims import find_claims
from quotecheck.read.model import Article
from quotecheck.store import QuoteFilter, Store, StoreError
from quotecheck.store import schema
from quotecheck.store.bulk import bulk_load
from tests.store.builders import add_said, quote_in

TEXT = (
    'Ann Lee said: "We carried 410,000 passengers last year, the busiest year in our history."\n'
    'Ben Ode said: "I like trains."\n'
    'Cy Dunn said: "Fares rose by 12% in March."'
)
QUOTED = ["We carried 410,000 passengers last year, the busiest year in our history.", "I like trains.",
          "Fares rose by 12% in March."]  # fmt: skip


def claims_of(record) -> list[tuple[str, str]]:
    return [(claim.type, claim.text) for claim in record.claims]


@pytest.fixture
def article_id(store):
    quotes = [quote_in(TEXT, words, speaker=name) for words, name in zip(QUOTED, ["Ann Lee", "Ben Ode", "Cy Dunn"])]
    return store.add_article(Article(text=TEXT, published="2024-05-01"), quotes).article_id


def stored_claims(store, quote_id) -> list[tuple]:
    return store.db.execute(
        'SELECT "start", "end", type, text FROM claims WHERE quote_id = ? ORDER BY "start", "end", type', [quote_id]
    ).fetchall()


def test_ingested_quotes_carry_their_claims_relative_to_the_quote(store, article_id):
    first, plain, fares = store.article_quotes(article_id)
    assert claims_of(first) == [("past-fact", "carried"), ("quantity", "410,000 passengers"), ("date", "last year"),
                                ("superlative", "the busiest year")]  # fmt: skip
    assert all(first.text[claim.start : claim.end] == claim.text for claim in first.claims)
    assert first.claims == tuple(find_claims(first.text))
    assert plain.claims == ()
    assert ("percentage", "12%") in claims_of(fares)
    assert store.quote(first.id).claims == first.claims  # one quote read alone too
    assert store.db.execute("SELECT claim_rank FROM quotes ORDER BY id").fetchall() == [(-4,), (0,), (-4,)]


def test_has_claim_filters_by_any_claim_or_by_type(store, article_id):
    texts = lambda quote_filter: [q.text for q in store.all_quotes(quote_filter)]  # noqa: E731
    assert texts(QuoteFilter(has_claim="any")) == [QUOTED[0], QUOTED[2]]
    assert texts(QuoteFilter(has_claim="percentage")) == [QUOTED[2]]
    assert texts(QuoteFilter(has_claim="superlative", text="passengers")) == [QUOTED[0]]
    assert store.count_quotes(QuoteFilter(has_claim="comparison")) == 1
    with pytest.raises(StoreError, match="claim type"):
        store.quotes(QuoteFilter(has_claim="opinion"))


def test_claims_first_orders_by_claim_count_and_pages_by_keyset(store):
    for number, words in enumerate(["No claims here.", "It rose by 5% in 2023 and fell by 2% in 2024.",
                                     "We met in May.", "Nothing to check.", "The first ever 3 wins in 2020."]):
        add_said(store, f"Speaker {number}", words, published=f"2024-01-0{number + 1}")
    wanted = QuoteFilter(claims_first=True)
    everything = store.all_quotes(wanted)
    counts = [len(record.claims) for record in everything]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1] == 0
    paged, after = [], None
    while page := store.quotes(wanted, limit=2, after=after):
        paged += page
        after = store.page_key(page[-1], wanted)
    assert [r.id for r in paged] == [r.id for r in everything]
    # within the same count, the order asked for: least confident first
    both = store.all_quotes(dataclasses.replace(wanted, low_confidence_first=True))
    assert [len(r.claims) for r in both] == counts


def test_a_span_edit_refreshes_the_claims_and_undo_puts_them_back(store, article_id):
    first = store.article_quotes(article_id)[0]
    before = stored_claims(store, first.id)
    narrowed = store.edit_quote(first.id, span=(first.start, first.start + len("We carried 410,000 passengers")),
                                reviewer="ann")  # fmt: skip
    assert claims_of(narrowed) == [("past-fact", "carried"), ("quantity", "410,000 passengers")]
    assert len(stored_claims(store, first.id)) == 2
    store.undo(reviewer="ann")
    assert stored_claims(store, first.id) == before
    assert store.quote(first.id).claims == first.claims


def test_deleted_quotes_lose_their_claims_and_undo_brings_them_back(store, article_id):
    first = store.article_quotes(article_id)[0]
    store.delete_quote(first.id, reviewer="ann")
    assert stored_claims(store, first.id) == []
    store.undo(reviewer="ann")
    assert store.quote(first.id).claims == first.claims
    store.delete_article(article_id, reviewer="ann")
    assert store.db.execute("SELECT count(*) FROM claims").fetchone()[0] == 0


def test_added_and_reextracted_quotes_get_claims(store, article_id):
    article = store.article(article_id)
    start = article.text.index("Fares rose")
    store.delete_quote(store.article_quotes(article_id)[2].id, reviewer="ann")
    added = store.add_quote(article_id, start, start + len("Fares rose by 12%"), speaker_name="Cy Dunn", reviewer="ann")
    assert claims_of(added) == [("past-fact", "rose"), ("comparison", "rose by 12%"), ("percentage", "12%")]
    fresh = [quote_in(article.text, "We carried 410,000 passengers", speaker="Ann Lee", confidence=0.5)]
    store.reextract_article(article_id, fresh, reviewer="ann")
    (record,) = [r for r in store.article_quotes(article_id) if r.text == "We carried 410,000 passengers"]
    assert claims_of(record) == [("past-fact", "carried"), ("quantity", "410,000 passengers")]


def test_refresh_recomputes_every_quote_and_keeps_search_working(store, article_id):
    store.db.execute("DELETE FROM claims")
    store.db.execute("UPDATE quotes SET claim_rank = 0")
    store.db.commit()
    assert store.claim_counts()["quantity"] == 0
    assert store.refresh_claims() == (2, 8)
    assert store.claim_counts() == {"quantity": 1, "percentage": 1, "date": 2, "comparison": 1, "superlative": 1,
                                    "past-fact": 2}  # fmt: skip
    assert [q.text for q in store.quotes(QuoteFilter(text="trains"))] == [QUOTED[1]]
    store.edit_quote(store.article_quotes(article_id)[1].id, role="passenger", reviewer="ann")  # triggers restored
    assert store.integrity_problems() == []


def test_an_older_database_gets_its_claims_when_upgraded(tmp_path):
    path = tmp_path / "v5.db"
    db = schema.connect(path)
    schema.migrate(db, target=5)
    db.execute("INSERT INTO articles (id, text, sha256, ingested_at) VALUES (1, ?, 'x', 'now')", [TEXT])
    start = TEXT.index(QUOTED[2])
    db.execute('INSERT INTO quotes (article_id, "start", "end", text, kind) VALUES (1, ?, ?, ?, \'direct\')',
               [start, start + len(QUOTED[2]), QUOTED[2]])  # fmt: skip
    db.commit()
    db.close()
    with Store(path) as store:
        (record,) = store.article_quotes(1)
        assert record.claims == tuple(find_claims(QUOTED[2])) and record.claims
        assert [q.id for q in store.quotes(QuoteFilter(text="fares"))] == [record.id]  # FTS triggers back
        assert {t.name for t in store.db["quotes"].triggers} >= {"quotes_ai", "quotes_ad", "quotes_au"}
        assert store.integrity_problems() == []


def test_bulk_loaded_quotes_get_claims(tmp_path):
    quote = quote_in(TEXT, QUOTED[0], speaker="Ann Lee")
    assert bulk_load(tmp_path / "bulk.db", [("Ann Lee", "person")], [(Article(text=TEXT), [quote])]) == (1, 1)
    with Store(tmp_path / "bulk.db") as store:
        assert store.quote(1).claims == tuple(find_claims(QUOTED[0]))
        assert store.quotes(QuoteFilter(has_claim="superlative"))[0].id == 1

