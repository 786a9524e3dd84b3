"""Store.stats and outlets."""

from __future__ import annotations

from quotecheck.store import Stats

from .builders import add_said


def test_empty_database(store):
    assert store.stats() == Stats(articles=0, quotes=0, by_kind={}, by_status={}, top_speakers=(), reviewed=0,
                                  anonymous_share=0.0)  # fmt: skip
    assert store.outlets() == []


def test_counts_by_kind_status_speaker_and_anonymous_share(store):
    _, a = add_said(store, "Ann Lee", "one", outlet="LRT")
    add_said(store, "Ann Lee", "two", kind="partial", outlet="BNS")
    add_said(store, "Bo Chan", "three", outlet="LRT")
    add_said(store, "a senior diplomat", "four", speaker_type="anonymous", outlet="lrt")
    store.set_status(a.id, "verified", reviewer="ana")

    stats = store.stats()
    assert (stats.articles, stats.quotes, stats.reviewed) == (4, 4, 1)
    assert store.outlets() == ["BNS", "LRT"]  # one entry per outlet, whatever the case
    assert stats.by_kind == {"direct": 3, "partial": 1}
    assert stats.by_status == {"unreviewed": 3, "verified": 1}
    assert stats.top_speakers[0] == ("Ann Lee", 2)
    assert stats.anonymous_share == 0.25
    assert store.speakers()[0].reviewed_count == 1
