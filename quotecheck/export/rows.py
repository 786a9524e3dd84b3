"""What every sheet shares: the flat row of one quote, grouping by article, labels."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quotecheck.store.models import QuoteRecord

# Column order of the CSV and the key order of JSON rows (and of `quotecheck search` output).
FIELDS = (
    "id",
    "text",
    "kind",
    "speaker",
    "speaker_type",
    "speaker_scope",
    "role",
    "co_speakers",
    "status",
    "rating",
    "reviewer",
    "note",
    "evidence_url",
    "confidence",
    "article_id",
    "article_external_id",
    "article_title",
    "outlet",
    "published",
    "url",
    "claims",
)


# How every sheet marks a speaker that is an anonymous source or a description belonging to one article only
# ("a spokesman", "the company"): the same words in two articles are not the same speaker.
ARTICLE_ONLY = "this article only"


def sheet_row(record: QuoteRecord) -> dict[str, object]:
    """One quote as a flat dict with the keys of :data:`FIELDS` (``speaker_scope``: "article", "shared" or None,
    see QuoteRecord.speaker_scope; ``claims``: the checkable claims in the quote, offsets relative to its text)."""
    row = {name: getattr(record, name) for name in FIELDS if name != "claims"}
    row["claims"] = [
        {"type": claim.type, "text": claim.text, "start": claim.start, "end": claim.end} for claim in record.claims
    ]
    return row


def claim_label(claim: dict) -> str:
    """A claim of a row as one line: ``date: last year``."""
    return f"{claim['type']}: {claim['text']}"


def speaker_label(speaker: str | None, scope: str | None) -> str | None:
    """``"a spokesman (this article only)"`` for an article-scoped speaker; other names as they are."""
    if speaker and scope == "article":
        return f"{speaker} ({ARTICLE_ONLY})"
    return speaker


def by_article(records: Iterable[QuoteRecord]) -> list[list[QuoteRecord]]:
    """Records grouped by article, articles in order of first appearance, quotes in their given order."""
    groups: dict[int, list[QuoteRecord]] = {}
    for record in records:
        groups.setdefault(record.article_id, []).append(record)
    return list(groups.values())


def label(value: str | None) -> str:
    """``"mostly-true"`` -> ``"Mostly true"``; ``None`` -> ``""``."""
    return value.replace("-", " ").capitalize() if value else ""


def counted(number: int, noun: str) -> str:
    """``"1 quote"``, ``"3 quotes"``."""
    return f"{number} {noun}{'s' if number != 1 else ''}"


def summary(records: Sequence[QuoteRecord], groups: Sequence[Sequence[QuoteRecord]]) -> str:
    """``"3 quotes from 2 articles"``, under a sheet's title."""
    return f"{counted(len(records), 'quote')} from {counted(len(groups), 'article')}"


def article_line(records: Sequence[QuoteRecord]) -> tuple[str, str]:
    """The heading and the "outlet, date" line of the article the records come from."""
    first = records[0]
    heading = first.article_title or f"Article {first.article_id}"
    source = ", ".join(part for part in (first.outlet, first.published) if part)
    return heading, source
