"""The tallies behind the report: grouped by outlet, date, type, role and verdict; people with their gender;
the most quoted; under the same filters as search."""

from __future__ import annotations

from quotecheck.store import QuoteFilter

from .builders import add_said


def test_tallies_people_and_top_speakers(store):
    add_said(store, "Maria Lopez", "one", role="the mayor", outlet="Herald", published="2024-03-01")
    _, record = add_said(store, "Maria Lopez", "two", role="the mayor", outlet="Herald", published="2024-03-01")
    add_said(store, "Port Authority", "three", speaker_type="organisation", outlet="Post", published="2024-04-02")
    add_said(store, "a harbour source", "four", speaker_type="anonymous", outlet="Post")
    store.mark(record.id, "verified", rating="true", reviewer="ann")
    data = store.report_data()
    assert data.articles == 4
    assert sorted((t.outlet, t.month, t.speaker_type, t.role, t.status, t.rating, t.quotes) for t in data.quotes) == [
        ("Herald", "2024-03", "person", "the mayor", "unreviewed", None, 1),
        ("Herald", "2024-03", "person", "the mayor", "verified", "true", 1),
        ("Post", "", "anonymous", None, "unreviewed", None, 1),
        ("Post", "2024-04", "organisation", None, "unreviewed", None, 1),
    ]
    [lopez] = data.people
    assert (lopez.name, lopez.gender, lopez.gender_source, lopez.outlet, lopez.quotes) == (
        "Maria Lopez", "female", "first-name", "Herald", 2
    )
    assert [(speaker.name, count) for speaker, count in data.top_speakers][0] == ("Maria Lopez", 2)


def test_filters_choose_the_quotes(store):
    add_said(store, "Maria Lopez", "one", outlet="Herald", published="2024-03-01")
    add_said(store, "Tom Reed", "two", outlet="Post", published="2024-05-01")
    data = store.report_data(QuoteFilter(outlet="post"))
    assert data.articles == 1 and [p.name for p in data.people] == ["Tom Reed"]
    assert [s.name for s, _ in data.top_speakers] == ["Tom Reed"]
    assert store.report_data(QuoteFilter(since="2024-04-01")).people[0].name == "Tom Reed"
    empty = store.report_data(QuoteFilter(outlet="nobody"))
    assert (empty.articles, empty.quotes, empty.people, empty.top_speakers) == (0, (), (), ())
