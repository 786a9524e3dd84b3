"""Store.quotes filters, orders and keyset paging; counts."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecheck.store import QuoteFilter, StoreError, queries

from .builders import add_said


@pytest.fixture
def filled(store):
    """Twelve quotes over three speakers, two outlets, three dates, with some reviewed and rated."""
    rows = [
        ("Marcelino Rodríguez", "Spain will welcome refugees", "LRT", "2024-01-05", "direct", 0.9),
        ("Marcelino Rodríguez", "the border stays open", "LRT", "2024-01-05", "partial", 0.3),
        ("Marcelino Rodríguez", "inflation is falling", "BNS", "2024-02-10", "indirect", 0.5),
        ("Angela Merkel", "refugees are welcome here", "BNS", "2023-12-31", "direct", 0.7),
        ("Angela Merkel", "we will manage", "LRT", None, "direct", 0.95),
        ("the Foreign Ministry", "talks on refugees continue", "Reuters", "2024-02-10", "indirect", 0.2),
    ]
    ids = {}
    for speaker, words, outlet, published, kind, confidence in rows:
        speaker_type = "organisation" if speaker.startswith("the ") else "person"
        _, record = add_said(store, speaker, words, outlet=outlet, published=published, kind=kind,
                             confidence=confidence, speaker_type=speaker_type)  # fmt: skip
        ids[words] = record.id
    store.set_status(ids["inflation is falling"], "verified", reviewer="ana")
    store.mark(ids["refugees are welcome here"], "disputed", rating="false", reviewer="ana")
    return ids


def _texts(records):
    return [r.text for r in records]


def test_default_order_is_published_then_article_then_position(store, filled):
    assert _texts(store.quotes()) == [
        "we will manage", "refugees are welcome here", "Spain will welcome refugees", "the border stays open",
        "inflation is falling", "talks on refugees continue"]  # fmt: skip


@pytest.mark.parametrize(
    "quote_filter, expected",
    [
        (QuoteFilter(status="verified"), {"inflation is falling"}),
        (QuoteFilter(status="unreviewed", kind="direct"), {"we will manage", "Spain will welcome refugees"}),
        (QuoteFilter(kind="partial"), {"the border stays open"}),
        (QuoteFilter(outlet="lrt"), {"Spain will welcome refugees", "the border stays open", "we will manage"}),
        (QuoteFilter(since="2024-02-01"), {"inflation is falling", "talks on refugees continue"}),
        (QuoteFilter(until="2024-01-05"), {"refugees are welcome here", "Spain will welcome refugees",
                                           "the border stays open"}),
        (QuoteFilter(since="2024-01-05", until="2024-01-05"), {"Spain will welcome refugees", "the border stays open"}),
        (QuoteFilter(rated_only=True), {"refugees are welcome here"}),
        (QuoteFilter(speaker="rodriguez"), {"Spain will welcome refugees", "the border stays open",
                                            "inflation is falling"}),
        (QuoteFilter(speaker="Marcelino"), {"Spain will welcome refugees", "the border stays open",
                                            "inflation is falling"}),
        (QuoteFilter(speaker="Merkl"), {"refugees are welcome here", "we will manage"}),
        (QuoteFilter(speaker="nobody like this"), set()),
        (QuoteFilter(text="refugees"), {"Spain will welcome refugees", "refugees are welcome here",
                                        "talks on refugees continue"}),
        (QuoteFilter(text="refugee"), {"Spain will welcome refugees", "refugees are welcome here",
                                       "talks on refugees continue"}),  # stemming
        (QuoteFilter(text="Marcelino refugees"), {"Spain will welcome refugees"}),  # speaker names are indexed
        (QuoteFilter(text="rodriguez"), {"Spain will welcome refugees", "the border stays open",
                                         "inflation is falling"}),  # accents folded
        (QuoteFilter(text="refugees", speaker="Merkel"), {"refugees are welcome here"}),
        (QuoteFilter(text="refugees", status="unreviewed", outlet="Reuters"), {"talks on refugees continue"}),
        (QuoteFilter(text='"welcome here"'), {"refugees are welcome here"}),  # a typed phrase stays a phrase
        (QuoteFilter(text="20% (citation"), set()),
        (QuoteFilter(text="%%% ()"), set()),
    ],
)
def test_filters(store, filled, quote_filter, expected):
    records = store.quotes(quote_filter)
    assert set(_texts(records)) == expected
    assert store.count_quotes(quote_filter) == len(expected)


def test_blank_text_or_speaker_means_any(store, filled):
    assert len(store.quotes(QuoteFilter(text="   ", speaker=""))) == 6
    assert store.page_key(store.quotes()[0], QuoteFilter(text=" ")) == store.page_key(store.quotes()[0], QuoteFilter())


def test_speaker_id_and_article_filters(store, filled):
    quote = store.quote(filled["we will manage"])
    by_speaker = store.quotes(QuoteFilter(speaker_id=quote.speaker_id))
    assert set(_texts(by_speaker)) == {"we will manage", "refugees are welcome here"}
    assert _texts(store.quotes(QuoteFilter(article_id=quote.article_id))) == ["we will manage"]
    assert _texts(store.quotes(QuoteFilter(speaker_id=quote.speaker_id, text="manage"))) == ["we will manage"]


def test_count_reviewed(store, filled):
    assert store.count_reviewed() == 2
    assert store.count_reviewed(QuoteFilter(outlet="BNS")) == 2
    assert store.count_reviewed(QuoteFilter(speaker="Merkel")) == 1
    assert store.count_reviewed(QuoteFilter(text="refugees")) == 1


def test_low_confidence_first(store, filled):
    confidences = [r.confidence for r in store.quotes(QuoteFilter(low_confidence_first=True))]
    assert confidences == sorted(confidences) and len(confidences) == 6
    queue = store.quotes(QuoteFilter(status="unreviewed", low_confidence_first=True))
    assert _texts(queue)[:2] == ["talks on refugees continue", "the border stays open"]


@pytest.mark.parametrize(
    "quote_filter",
    [QuoteFilter(), QuoteFilter(low_confidence_first=True), QuoteFilter(text="Lee again"),
     QuoteFilter(text="refugees", low_confidence_first=True), QuoteFilter(outlet="LRT"),
     QuoteFilter(text="refugees"), QuoteFilter(status="unreviewed"), QuoteFilter(speaker="Lee", kind="direct")],
)  # fmt: skip
def test_keyset_pages_visit_every_quote_once_in_order(store, quote_filter):
    for i in range(23):
        add_said(store, "Ann Lee", f"refugees {i}", published=f"2024-01-{i % 5 + 1:02d}", confidence=(i * 7 % 10) / 10,
                 outlet="LRT" if i % 3 else "BNS")  # fmt: skip
        add_said(store, "Ann Lee", f"refugees {i} again", published=None, confidence=0.5)
    everything = store.quotes(quote_filter, limit=1000)
    assert len(everything) == store.count_quotes(quote_filter) > 0
    paged, after = [], None
    while page := store.quotes(quote_filter, limit=4, after=after):
        paged += page
        after = store.page_key(page[-1], quote_filter)
    assert [r.id for r in paged] == [r.id for r in everything]


def test_all_quotes_reads_across_pages_and_stops_at_the_limit(store, monkeypatch):
    monkeypatch.setattr(queries, "ALL_QUOTES_PAGE", 4)
    for i in range(11):
        add_said(store, "Ann Lee", f"refugees {i}", confidence=(i * 7 % 10) / 10)
    quote_filter = QuoteFilter(low_confidence_first=True)
    everything = store.quotes(quote_filter, limit=100)
    assert [r.id for r in store.all_quotes(quote_filter)] == [r.id for r in everything]
    assert [r.id for r in store.all_quotes(quote_filter, limit=6)] == [r.id for r in everything[:6]]


def test_bad_filter_values_are_one_line_errors(store):
    for bad in (QuoteFilter(status="done"), QuoteFilter(kind="shout"), QuoteFilter(since="last week"),
                QuoteFilter(until="2024-13-45")):  # fmt: skip
        with pytest.raises(StoreError) as error:
            store.quotes(bad)
        assert "\n" not in str(error.value)
    with pytest.raises(StoreError, match="page key"):
        store.quotes(QuoteFilter(), after=(1,))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.text(st.characters(blacklist_categories=())))  # surrogates included: undecodable argv bytes
def test_any_typed_search_text_never_raises(store, typed):
    store.quotes(QuoteFilter(text=typed, speaker=typed))
    store.count_quotes(QuoteFilter(text=typed))
    store.match_speakers(typed)
    store.count_quotes(QuoteFilter(outlet=typed))
    try:
        store.quotes(QuoteFilter(since=typed, status=typed))
    except StoreError as error:  # the only way a bad value may fail: one line, for the user
        assert "\n" not in str(error)


def test_rated_quotes_page_in_reading_order(store):
    ids = [add_said(store, "Ann Lee", f"claim {i}", published=f"2024-02-{28 - i:02d}")[1].id for i in range(9)]
    for quote_id in ids[::2]:
        store.set_rating(quote_id, "false", reviewer="ana")
    rated = QuoteFilter(rated_only=True)
    paged, after = [], None
    while page := store.quotes(rated, limit=2, after=after):
        paged += page
        after = store.page_key(page[-1], rated)
    assert [r.text for r in paged] == ["claim 8", "claim 6", "claim 4", "claim 2", "claim 0"]


def test_small_and_large_outlets_are_both_found(store):
    for i in range(60):
        add_said(store, "Ann Lee", f"big outlet {i}", outlet="LRT", published=f"2024-03-{i % 28 + 1:02d}")
    add_said(store, "Ann Lee", "small outlet", outlet="Rare Gazette", published="2024-01-01")
    assert _texts(store.quotes(QuoteFilter(outlet="rare gazette"))) == ["small outlet"]
    assert len(store.quotes(QuoteFilter(outlet="LRT"), limit=1000)) == 60
