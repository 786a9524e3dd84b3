"""schema.org ClaimReview JSON-LD, one item per rated quote, with the properties Google's fact-check markup uses.

Google requires ``claimReviewed``, ``reviewRating`` (its ``alternateName`` is the verdict shown) and ``url``, and
recommends ``author``, ``datePublished`` and ``itemReviewed`` (a Claim with its author, date and appearance).
Ratings map onto a 1-5 scale; "unsupported" is a verdict without a place on that scale, so it carries only the
textual ``alternateName``. The ``url`` is the fact-check page (given, or the quote's evidence link), never the news
article: that is the claim's ``appearance``. :func:`missing` says what an item lacks."""

from __future__ import annotations

from collections.abc import Sequence

from quotecheck.export.json_sheet import dumps
from quotecheck.export.rows import label
from quotecheck.sanitize import safe_url
from quotecheck.store.models import QuoteRecord

RATING_SCALE = {"false": 1, "mostly-false": 2, "half-true": 3, "mostly-true": 4, "true": 5}
BEST_RATING, WORST_RATING = 5, 1


def render(records: Sequence[QuoteRecord], *, publisher: str, url: str | None = None) -> str:
    reviews = [claim_review(record, publisher=publisher, url=url) for record in records if record.rating]
    return dumps(reviews, indent=2, for_web=True) + "\n"


def review_url(record: QuoteRecord, url: str | None) -> str | None:
    """The fact-check page of one quote's ClaimReview: ``url``, else the quote's evidence link."""
    return safe_url(url) or safe_url(record.evidence_url)


def missing(record: QuoteRecord, url: str | None) -> list[str]:
    """What the ClaimReview of ``record`` lacks that a fact-check page must give (empty when complete)."""
    gaps = []
    if not review_url(record, url):
        gaps.append("no fact-check url (give --url, or an evidence link on the quote)")
    if not record.published:
        gaps.append("no claim date (its article has no publication date)")
    if not safe_url(record.url):
        gaps.append("no appearance (its article has no http(s) url)")
    return gaps


def claim_review(record: QuoteRecord, *, publisher: str, url: str | None = None) -> dict[str, object]:
    """The ClaimReview of one rated quote. ``url`` is the fact-check page; without it, the quote's evidence link.
    ``datePublished`` is the day of the review."""
    review: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": record.text,
        "reviewRating": _rating(record.rating),
        "itemReviewed": _claim(record),
        "author": {"@type": "Organization", "name": publisher},
    }
    page = review_url(record, url)
    if page:
        review["url"] = page
    if record.updated_at:
        review["datePublished"] = record.updated_at[:10]
    return review


def _rating(rating: str | None) -> dict[str, object]:
    value = RATING_SCALE.get(rating or "")
    result: dict[str, object] = {"@type": "Rating"}
    if value is not None:
        result |= {"ratingValue": value, "bestRating": BEST_RATING, "worstRating": WORST_RATING}
    result["alternateName"] = label(rating)
    return result


def _claim(record: QuoteRecord) -> dict[str, object]:
    claim: dict[str, object] = {"@type": "Claim"}
    if record.speaker:
        kind = "Organization" if record.speaker_type == "organisation" else "Person"
        author: dict[str, object] = {"@type": kind, "name": record.speaker}
        if record.role:
            author["jobTitle" if kind == "Person" else "description"] = record.role
        claim["author"] = author
    if record.published:
        claim["datePublished"] = record.published
    article_url = safe_url(record.url)
    if article_url:
        appearance: dict[str, object] = {"@type": "CreativeWork", "url": article_url}
        if record.article_title:
            appearance["headline"] = record.article_title
        claim["appearance"] = appearance
    return claim
