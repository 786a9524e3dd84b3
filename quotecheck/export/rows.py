"""What every sheet shares: the flat row of one quote, grouping by article, labels."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import regex

from quotecheck.extract.layout import Layout
from quotecheck.sanitize import printable
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
    "reviewed_at",
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


# FIELDS whose QuoteRecord attribute has another name: the time of the latest review action is the review time.
_RECORD_ATTRIBUTES = {"reviewed_at": "updated_at"}


def sheet_row(record: QuoteRecord) -> dict[str, object]:
    """One quote as a flat dict with the keys of :data:`FIELDS` (``speaker_scope``: "article", "shared" or None,
    see QuoteRecord.speaker_scope; ``claims``: the checkable claims in the quote, offsets relative to its text)."""
    row = {name: getattr(record, _RECORD_ATTRIBUTES.get(name, name)) for name in FIELDS if name != "claims"}
    row["claims"] = [
        {"type": claim.type, "text": claim.text, "start": claim.start, "end": claim.end} for claim in record.claims
    ]
    return row


def claim_label(claim: dict) -> str:
    """A claim of a row as one line: ``date: last year``."""
    return f"{claim['type']}: {claim['text']}"


@dataclass(frozen=True, slots=True)
class InSentence:
    """A quoted fragment in the sentence of the article that holds it: ``before + words + after``."""

    before: str
    words: str
    after: str


def fragment_sentences(
    records: Iterable[QuoteRecord], article_text: Callable[[int], str]
) -> dict[int, InSentence]:
    """The sentence around each partial quote (a few quoted words inside the writer's sentence), by quote id:
    a sheet shows the fragment there, so nobody reads the words as a whole statement. ``article_text(id)``
    gives an article's text; each article is read and split into sentences once."""
    layouts: dict[int, Layout] = {}
    found = {}
    for record in records:
        if record.kind != "partial":
            continue
        if record.article_id not in layouts:
            layouts[record.article_id] = Layout(article_text(record.article_id))
        layout = layouts[record.article_id]
        start = min(layout.sentence(record.start)[0], record.start)
        end = max(layout.sentence(max(record.start, record.end - 1))[1], record.end)
        text = layout.text
        found[record.id] = InSentence(text[start : record.start], record.text, text[record.end : end])
    return found


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


def in_sentence(fragment: InSentence) -> tuple[str, str, str]:
    """The three parts of a fragment's sentence on one line, the spaces between them kept (they join up again)."""
    parts = (fragment.before.lstrip(), fragment.words, fragment.after.rstrip())
    before, words, after = (regex.sub(r"\s+", " ", printable(part)) for part in parts)
    return before, words, after


def quoted_paragraphs(text: str) -> list[str]:
    """A direct quote's paragraphs in quotation marks, as print sets them: opening the first, closing the last."""
    paragraphs = [line.strip() for line in printable(text).splitlines() if line.strip()] or [""]
    paragraphs[0] = "“" + paragraphs[0]
    paragraphs[-1] += "”"  # the same paragraph as the first, for a quote of one
    return paragraphs


def review_line(record: QuoteRecord) -> str:
    """``"anna, 2026-11-25"``: who reviewed the quote last, and on which day (UTC); empty when nobody did."""
    if record.status == "unreviewed" and not record.reviewer:
        return ""
    return ", ".join(part for part in (record.reviewer, (record.updated_at or "")[:10]) if part)


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
