import json

import pytest

from quotecheck.export import render
from quotecheck.export.claimreview import missing


def _reviews(records, **options):
    return json.loads(render("claimreview", records, publisher=options.pop("publisher", "Example Checks"), **options))


def test_one_claim_review_per_rated_quote(make_record):
    records = [make_record(1, rating="false"), make_record(2, rating=None), make_record(3, rating="unsupported")]
    reviews = _reviews(records)
    assert [review["claimReviewed"] for review in reviews] == [records[0].text, records[2].text]


def test_fields_google_fact_check_markup_uses(make_record):
    (review,) = _reviews([make_record(rating="mostly-true")], publisher="Example Checks",
                         url="https://checks.example/linkevicius")
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "We are just one of many countries [involved],"
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 4,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Mostly true",
    }
    assert review["author"] == {"@type": "Organization", "name": "Example Checks"}
    assert review["datePublished"] == "2026-11-25"  # the day of the review, not of the article
    assert review["url"] == "https://checks.example/linkevicius"
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"] == {
        "@type": "Person",
        "name": "Linas Linkevicius",
        "jobTitle": "the foreign minister of Lithuania",
    }
    assert claim["datePublished"] == "2017-05-19"
    assert claim["appearance"] == {
        "@type": "CreativeWork",
        "url": "https://euobserver.com/lgbti/137990",
        "headline": "Lithuania helps gay Chechens flee Russia",
    }


@pytest.mark.parametrize(
    ("rating", "value", "name"),
    [("true", 5, "True"), ("mostly-true", 4, "Mostly true"), ("half-true", 3, "Half true"),
     ("mostly-false", 2, "Mostly false"), ("false", 1, "False")],
)
def test_ratings_map_onto_one_to_five(make_record, rating, value, name):
    (review,) = _reviews([make_record(rating=rating)])
    assert review["reviewRating"]["ratingValue"] == value
    assert review["reviewRating"]["alternateName"] == name


def test_unsupported_has_a_verdict_but_no_number(make_record):
    (review,) = _reviews([make_record(rating="unsupported")])
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unsupported"}


def test_url_is_the_fact_check_page_never_the_article(make_record):
    (review,) = _reviews([make_record(rating="false")], url="https://checks.example/linkevicius")
    assert review["url"] == "https://checks.example/linkevicius"
    assert review["itemReviewed"]["appearance"]["url"] == "https://euobserver.com/lgbti/137990"
    (review,) = _reviews([make_record(rating="false")])
    assert "url" not in review


def test_without_a_url_each_quote_points_to_its_evidence(make_record):
    records = [make_record(1, rating="false", evidence_url="https://checks.example/one"),
               make_record(2, rating="true", evidence_url="https://checks.example/two")]
    assert [review["url"] for review in _reviews(records)] == ["https://checks.example/one",
                                                               "https://checks.example/two"]


@pytest.mark.parametrize(
    ("speaker_type", "expected"), [("person", "Person"), ("organisation", "Organization"), ("anonymous", "Person")]
)
def test_claim_author_type_follows_the_speaker_type(make_record, speaker_type, expected):
    (review,) = _reviews([make_record(rating="false", speaker_type=speaker_type)])
    assert review["itemReviewed"]["author"]["@type"] == expected


def test_missing_names_what_a_review_lacks(make_record):
    complete = make_record(rating="false", evidence_url="https://checks.example/one")
    assert missing(complete, None) == []
    assert missing(make_record(rating="false"), "https://checks.example/page") == []
    gaps = missing(make_record(rating="false", published=None, url="javascript:alert(1)"), None)
    assert [gap.split(" (")[0] for gap in gaps] == ["no fact-check url", "no claim date", "no appearance"]


def test_organisation_speaker_and_unsafe_url(make_record):
    record = make_record(rating="false", speaker="Rainbow Railroad", speaker_type="organisation", role=None,
                         url="javascript:alert(1)")
    (review,) = _reviews([record])
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Rainbow Railroad"}
    assert "url" not in review and "appearance" not in review["itemReviewed"]


def test_publisher_is_required(make_record):
    with pytest.raises(ValueError, match="publisher"):
        render("claimreview", [make_record(rating="false")])
