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


def test_quote_versions_are_the_quotes_sharing_a_run_of_words(store):
    _, quote = add_said(store, "Linas Linkevicius", WORDS, outlet="LRT")
    _, copy = add_said(store, "Linas Linkevicius", WORDS.upper() + "!", outlet="BNS")  # case and punctuation
    _, trimmed = add_said(store, "Dalia Grybauskaite", "keep issuing humanitarian visas to everyone", kind="partial")
    add_said(store, "Ann Lee", "We will keep the harbour open")  # three words in common: not a candidate
    add_said(store, "Ann Lee", "keep issuing humanitarian visas to everyone", kind="indirect")  # reported speech
    found, candidates = store.quote_versions(quote.id)
    assert found == QuoteText(quote.id, WORDS, "Linas Linkevicius", quote.speaker_id, "LRT", None)
    assert [candidate.id for candidate in candidates] == [copy.id, trimmed.id]
    # only the text is searched: a speaker's name in a quote's speaker_name column does not make it a candidate
    _, other = add_said(store, "We Will Keep Issuing", "Nothing to do with it at all, really")
    assert other.id not in [c.id for c in store.quote_versions(quote.id)[1]]


def test_quote_versions_of_words_full_of_search_syntax(store):
    awkward = 'He said "NOT" (twice) * AND - OR near: the end of it'
    _, quote = add_said(store, "Ann Lee", awkward)
    _, copy = add_said(store, "Bo Ray", awkward)
    assert [c.id for c in store.quote_versions(quote.id)[1]] == [copy.id]
    _, dashes = add_said(store, "Ann Lee", "— — — —")
    assert store.quote_versions(dashes.id)[1] == []
