"""QuoteFilter -> SQL: FROM, WHERE, reading orders and keyset page keys (parameters only, never pasted text)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from quotecheck.store.checks import check_choice
from quotecheck.store.models import ANY_CLAIM, CLAIM_TYPES, KINDS, STATUSES, QuoteFilter, QuoteRecord, StoreError

# Reading order (published date, article, position) and review-queue order (least confident first): each has
# an index in schema.py, so a page is an index range scan, never an OFFSET. Full-text results come in the order
# the FTS index holds them (quote id = ingest order): FTS5 streams those without collecting every match first.
DEFAULT_ORDER = ("q.published", "q.article_id", 'q."start"', "q.id")
CONFIDENCE_ORDER = ("q.confidence", "q.id")
SEARCH_ORDER = ("f.rowid",)
# "Checkable claims first" puts this before any of the orders above (claim_rank is minus the number of claims; the
# reading order and the status-filtered one have indexes, see schema.py migration 9).
CLAIMS_FIRST = "q.claim_rank"
# Beyond this many speakers, a speaker filter is not also pushed into the FTS expression (SQL still applies it).
MAX_FTS_SPEAKER_NAMES = 50
# An outlet with at least this share of the articles is "common" for query planning.
COMMON_OUTLET_SHARE = 0.02

FROM_QUOTES = "FROM quotes q"
FROM_SEARCH = "FROM quotes_fts f JOIN quotes q ON q.id = f.rowid"
FROM_RATED = "FROM quotes q INDEXED BY idx_quotes_rated"


@dataclass(frozen=True, slots=True)
class Query:
    """FROM and WHERE for a filter: ``f"SELECT ... {query.sql} ORDER BY ..."`` with ``query.params``."""

    from_sql: str
    where_sql: str  # "" or "WHERE ..."
    params: list

    @property
    def sql(self) -> str:
        return f"{self.from_sql} {self.where_sql}"

    def and_(self, clause: str, *params) -> Query:
        joined = f"{self.where_sql} AND {clause}" if self.where_sql else f"WHERE {clause}"
        return Query(self.from_sql, joined, [*self.params, *params])


def fts_phrase(words: str) -> str:
    """``words`` as one FTS5 string (double quotes doubled), so nothing in it is query syntax."""
    return '"' + words.replace('"', '""') + '"'


def fts_expression(quoted_text: str, speaker_names: Sequence[str] | None) -> str:
    """The MATCH expression: the user's (already quoted) words anywhere, and, when the filter names speakers,
    one of their names in the speaker_name column, so FTS5 intersects both before any row is read."""
    expression = f"({quoted_text})"
    if speaker_names and len(speaker_names) <= MAX_FTS_SPEAKER_NAMES:
        names = " OR ".join(fts_phrase(name) for name in speaker_names)
        expression += f" AND (speaker_name : ({names}))"
    return expression


def storable(quote_filter: QuoteFilter) -> QuoteFilter:
    """The filter with lone surrogates (undecodable command-line bytes) replaced, as SQLite only takes UTF-8."""
    changes = {
        field.name: value.encode("utf-8", "replace").decode("utf-8")
        for field in dataclasses.fields(quote_filter)
        if isinstance(value := getattr(quote_filter, field.name), str)
    }
    return dataclasses.replace(quote_filter, **changes)


def _given(value: str | None) -> str | None:
    """``value``, or None when absent or blank (a cleared search box means "any")."""
    return value if value is not None and value.strip() else None


def searched_text(quote_filter: QuoteFilter) -> str | None:
    return _given(quote_filter.text)


def searched_speaker(quote_filter: QuoteFilter) -> str | None:
    return _given(quote_filter.speaker)


def order_columns(quote_filter: QuoteFilter) -> Sequence[str]:
    first = (CLAIMS_FIRST,) if quote_filter.claims_first else ()
    if quote_filter.low_confidence_first:
        return (*first, *CONFIDENCE_ORDER)
    if searched_text(quote_filter) is not None:
        return (*first, *SEARCH_ORDER)
    return (*first, *DEFAULT_ORDER)


def page_key(record: QuoteRecord, quote_filter: QuoteFilter) -> tuple:
    first = (-len(record.claims),) if quote_filter.claims_first else ()
    if quote_filter.low_confidence_first:
        return (*first, record.confidence, record.id)
    if searched_text(quote_filter) is not None:
        return (*first, record.id)
    return (*first, record.published or "", record.article_id, record.start, record.id)


def after_clause(quote_filter: QuoteFilter, after: Sequence) -> tuple[str, list]:
    columns = order_columns(quote_filter)
    if not isinstance(after, (tuple, list)) or len(after) != len(columns):
        raise StoreError(f"page key must be {len(columns)} values from page_key(), got {after!r}")
    if len(columns) == 1:
        return f"{columns[0]} > ?", list(after)
    placeholders = ", ".join("?" for _ in columns)
    return f"({', '.join(columns)}) > ({placeholders})", list(after)


def query(
    quote_filter: QuoteFilter,
    *,
    fts_match: str | None,
    speaker_ids: list[int] | None,
    ordered: bool = False,
    common_outlet: bool = False,
) -> Query:
    """FROM/WHERE for ``quote_filter`` over ``quotes q``. ``fts_match`` is the MATCH expression for a text filter
    ("" when the text has nothing searchable); ``speaker_ids`` the fuzzy matches for ``quote_filter.speaker``;
    ``ordered``: for a page in reading order rather than a count; ``common_outlet``: the outlet wrote a large
    share of the articles (see COMMON_OUTLET_SHARE)."""
    f = quote_filter
    text = searched_text(f)
    if text is None and f.rated_only:
        # Ratings are set by hand, so rated quotes are few: fetch them by the partial index and sort them,
        # rather than walk every quote in reading order looking for one.
        q = Query(FROM_RATED, "", [])
    elif text is None:
        q = Query(FROM_QUOTES, "", [])
    elif not fts_match:  # only punctuation typed: nothing can match
        return Query(FROM_SEARCH, "WHERE 0", [])
    else:
        q = Query(FROM_SEARCH, "WHERE quotes_fts MATCH ?", [fts_match])
    if speaker_ids is not None:
        q = q.and_("q.speaker_id IN (SELECT value FROM json_each(?))", json.dumps(speaker_ids))
    if f.speaker_id is not None:
        q = q.and_("q.speaker_id = ?", f.speaker_id)
    if f.status is not None:
        check_choice("status", f.status, STATUSES)
        q = q.and_("q.status = ?", f.status)
    if f.kind is not None:
        check_choice("kind", f.kind, KINDS)
        # A third of all quotes share a kind: a page walks the reading-order index and skips the others ("+"
        # keeps SQLite from fetching every quote of that kind through idx_quotes_kind and sorting them).
        q = q.and_("+q.kind = ?" if ordered else "q.kind = ?", f.kind)
    if f.outlet is not None:
        # A big outlet's quotes are best found by walking the reading-order index and skipping the others ("+"
        # keeps SQLite off the article index); a small outlet's by its articles, then sorting the few quotes.
        column = "+q.article_id" if common_outlet else "q.article_id"
        q = q.and_(f"{column} IN (SELECT id FROM articles WHERE outlet = ? COLLATE NOCASE)", f.outlet)
    if f.since is not None:
        q = q.and_("q.published >= ?", _iso_date("since", f.since).isoformat())
    if f.until is not None:  # inclusive: everything before the next day, whatever time of day is stored
        q = q.and_("q.published < ?", (_iso_date("until", f.until) + timedelta(days=1)).isoformat())
    if f.since is not None or f.until is not None:
        q = q.and_("q.published != ''")
    if f.article_id is not None:
        q = q.and_("q.article_id = ?", f.article_id)
    if f.rated_only:
        q = q.and_("q.rating IS NOT NULL")
    if f.has_claim == ANY_CLAIM:
        q = q.and_("q.claim_rank < 0")
    elif f.has_claim is not None:
        check_choice("claim type", f.has_claim, CLAIM_TYPES)
        q = q.and_("q.id IN (SELECT quote_id FROM claims WHERE type = ?)", f.has_claim)
    return q


def _iso_date(what: str, value: str) -> date:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise StoreError(f"{what}: {value!r} is not a date (use YYYY-MM-DD)") from None
