"""The report's figures from the store's tallies: people counted once per scope, shares, months, unknowns."""

from __future__ import annotations

import pytest

from quotecheck.report.figures import UNKNOWN_MONTH, UNKNOWN_OUTLET, compute, month_of
from quotecheck.store.models import PersonTally, QuoteTally, ReportData, SpeakerRecord


def person(speaker_id, gender, source, outlet, published, quotes=1, name=None):
    return PersonTally(speaker_id, name or f"P{speaker_id}", gender, source, outlet, published, quotes)


@pytest.mark.parametrize(
    "published, month",
    [("2024-03-01", "2024-03"), ("2024-03-01T10:00:00Z", "2024-03"), ("2024-13-01", UNKNOWN_MONTH),
     ("", UNKNOWN_MONTH), (None, UNKNOWN_MONTH), ("March 2024", UNKNOWN_MONTH)],
)  # fmt: skip
def test_month_of(published, month):
    assert month_of(published) == month


def test_people_count_once_per_scope_and_women_are_a_share_of_the_known():
    data = ReportData(
        articles=3,
        quotes=(
            QuoteTally("Herald", "2024-03-01", "person", "the mayor", "verified", "true", 4),
            QuoteTally("Herald", "2024-04-02", "anonymous", None, "unreviewed", None, 2),
            QuoteTally("", "", "organisation", "the company", "disputed", None, 1),
            QuoteTally("", "", None, None, "unreviewed", None, 1),
        ),
        people=(
            person(1, "female", "article", "Herald", "2024-03-01", 2),
            person(1, "female", "article", "Herald", "2024-03-09", 1),  # the same woman, same outlet and month
            person(2, "male", "first-name", "Herald", "2024-03-01"),
            person(3, None, None, "", ""),
            person(1, "female", "article", "", ""),  # and in another outlet
        ),
        top_speakers=((SpeakerRecord(1, "P1", "person", (), (), 3, 0, gender="female", gender_source="article"), 3),),
    )
    f = compute(data)
    assert f.quotes == 8 and f.articles == 3 and f.reviewed == 5
    assert f.by_type == {"person": 4, "anonymous": 2, "organisation": 1, "no speaker": 1}
    assert f.anonymous_share == 2 / 8
    assert f.by_family == {"politicians": 4, "no role stated": 2, "business": 1}  # quotes with no speaker left out
    assert list(f.type_by_outlet) == ["Herald", UNKNOWN_OUTLET]
    assert list(f.type_by_month) == ["2024-03", "2024-04", UNKNOWN_MONTH]
    assert f.gender.people == {"female": 1, "male": 1, "unknown": 1}
    assert f.gender.quotes == {"female": 4, "male": 1, "unknown": 1}
    assert f.gender.women_share == 0.5 and f.gender.unknown_share == pytest.approx(1 / 3)
    assert f.gender_by_outlet["Herald"].people == {"female": 1, "male": 1}
    assert f.gender_by_outlet[UNKNOWN_OUTLET].people == {"female": 1, "unknown": 1}
    assert f.gender_by_month["2024-03"].women_share == 0.5
    assert f.gender_sources == {"article": 1, "first-name": 1, "none": 1}
    assert f.by_rating == {"true": 4}
    assert [(s.name, s.quotes, s.gender) for s in f.top_speakers] == [("P1", 3, "female")]


def test_nobody_of_known_gender_has_no_share():
    f = compute(ReportData(articles=0, quotes=(), people=(person(1, None, "reviewer", "", ""),), top_speakers=()))
    assert f.gender.women_share is None and f.gender.unknown_share == 1.0
    assert f.anonymous_share is None
