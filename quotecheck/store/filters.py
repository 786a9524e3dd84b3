"""QuoteFilter -> SQL: WHERE clauses, reading orders and keyset page keys (parameters only, never pasted text)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from quotecheck.store.models import KINDS, STATUSES, QuoteFilter, QuoteRecord, StoreError

# Reading order (published date, article, position) and review-queue order (least confident first).
# Each is a prefix-compatible index in schema.py, so a page is an index range scan, never an OFFSET.
DEFAULT_ORDER = ('q.published', 'q.article_id', 'q."start"', "q.id")
CONFIDENCE_ORDER = ("q.confidence", "q.id")


@dataclass(frozen=True, slots=True)
class Where:
    sql: str  # "" or "WHERE ..."
    params: list

    def and_(self, clause: str, *params) -> Where:
        joined = f"{self.sql} AND {clause}" if self.sql else f"WHERE {clause}"
        return Where(joined, [*self.params, *params])


def order_columns(quote_filter: QuoteFilter) -> Sequence[str]:
    return CONFIDENCE_ORDER if quote_filter.low_confidence_first else DEFAULT_ORDER


def page_key(record: QuoteRecord, quote_filter: QuoteFilter) -> tuple:
    if quote_filter.low_confidence_first:
        return (record.confidence, record.id)
    return (record.published or "", record.article_id, record.start, record.id)


def after_clause(quote_filter: QuoteFilter, after: tuple) -> tuple[str, list]:
    columns = order_columns(quote_filter)
    if len(after) != len(columns):
        raise StoreError(f"page key must have {len(columns)} values, got {len(after)}")
    placeholders = ", ".join("?" for _ in columns)
    return f"({', '.join(columns)}) > ({placeholders})", list(after)


def where(quote_filter: QuoteFilter, *, fts_query: str | None, speaker_ids: list[int] | None) -> Where:
    """The WHERE for ``quote_filter`` on ``quotes q``. ``fts_query`` is the already-quoted FTS expression for
    ``quote_filter.text``; ``speaker_ids`` the fuzzy matches for ``quote_filter.speaker``."""
    f = quote_filter
    w = Where("", [])
    if f.text is not None:
        if not fts_query:  # nothing searchable in the text (only punctuation): nothing matches
            return w.and_("0")
        w = w.and_("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", fts_query)
    if speaker_ids is not None:
        w = w.and_("q.speaker_id IN (SELECT value FROM json_each(?))", json.dumps(speaker_ids))
    if f.speaker_id is not None:
        w = w.and_("q.speaker_id = ?", f.speaker_id)
    if f.status is not None:
        _check_choice("status", f.status, STATUSES)
        w = w.and_("q.status = ?", f.status)
    if f.kind is not None:
        _check_choice("kind", f.kind, KINDS)
        w = w.and_("q.kind = ?", f.kind)
    if f.outlet is not None:
        w = w.and_("q.article_id IN (SELECT id FROM articles WHERE outlet = ? COLLATE NOCASE)", f.outlet)
    if f.since is not None:
        w = w.and_("q.published >= ?", _iso_date("since", f.since).isoformat())
    if f.until is not None:  # inclusive: everything before the next day, whatever time of day is stored
        w = w.and_("q.published < ?", (_iso_date("until", f.until) + timedelta(days=1)).isoformat())
    if f.since is not None or f.until is not None:
        w = w.and_("q.published != ''")
    if f.article_id is not None:
        w = w.and_("q.article_id = ?", f.article_id)
    if f.rated_only:
        w = w.and_("q.rating IS NOT NULL")
    return w


def _check_choice(what: str, value: str, choices: Sequence[str]) -> None:
    if value not in choices:
        raise StoreError(f"unknown {what} {value!r} (choose from {', '.join(choices)})")


def _iso_date(what: str, value: str) -> date:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise StoreError(f"{what}: {value!r} is not a date (use YYYY-MM-DD)") from None
