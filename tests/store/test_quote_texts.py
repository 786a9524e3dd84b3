"""Store.quote_texts: every quote streamed with its speaker, outlet and date, for quotecheck variants."""

from __future__ import annotations

from quotecheck.store import queries
from quotecheck.variants import QuoteText

from .builders import add_said

WORDS = "We will keep issuing humanitarian visas to everyone who needs one"


def test_streams_quoted_speech_with_speaker_outlet_and_date(store):
    _, first = add_said(store, "Linas Linkevicius", WORDS, outlet="LRT", published="2017-06-12")
    _, partial = add_said(store, "Linas Linkevicius", "keep issuing visas", kind="partial")
    add_said(store, "Linas Linkevicius", "visas would be issued", kind="indirect")
    _, anonymous = add_said(store, "a ministry spokesman", WORDS, speaker_type="anonymous", outlet="BNS")
    assert list(store.quote_texts()) == [
        QuoteText(first.id, WORDS, "Linas Linkevicius", first.speaker_id, "LRT", "2017-06-12"),
        QuoteText(partial.id, "keep issuing visas", "Linas Linkevicius", first.speaker_id, None, None),
        # an anonymous speaker belongs to its article: no speaker key, so it is never in conflict with anyone
        QuoteText(anonymous.id, WORDS, "a ministry spokesman", None, "BNS", None),
    ]
    assert [quote.text for quote in store.quote_texts(("indirect",))] == ["visas would be issued"]


def test_reads_page_after_page(store, monkeypatch):
    monkeypatch.setattr(queries, "QUOTE_TEXTS_PAGE", 2)
    ids = [add_said(store, f"Speaker {n}", f"{WORDS} {n}")[1].id for n in range(5)]
    assert [quote.id for quote in store.quote_texts()] == ids
