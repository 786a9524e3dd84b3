"""Reading actions of Store: pages of quotes under a filter, counts, single records, stats."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator

from quotecheck.sanitize import printable
from quotecheck.store import filters
from quotecheck.store.base import synchronized
from quotecheck.store.models import ArticleRecord, NotFound, QuoteFilter, QuoteRecord, Stats, StoreError
from quotecheck.store.names import name_key
from quotecheck.variants import MIN_WORDS, QuoteText, word_count

# A typed speaker filter keeps every speaker scoring at least this (0..100) and within SPEAKER_FILTER_SPREAD of
# the best match: "Smith" finds every Smith, but not "Smithson" when a real Smith exists.
SPEAKER_FILTER_CUTOFF = 85
SPEAKER_FILTER_SPREAD = 5

# Page size when all_quotes() reads a whole result (exports, search without a limit).
ALL_QUOTES_PAGE = 1000

# Page size when quote_texts() streams every quote.
QUOTE_TEXTS_PAGE = 5000

# quote_versions() asks the FTS index for quotes sharing a run of VERSION_SHINGLE words that starts at every
# VERSION_STEP-th word of the quote (and its last run): any quote sharing a run of 7 words (what quotecheck.variants
# needs to group two quotes) shares one of them. At most VERSION_CANDIDATES come back, those sharing the most first
# (FTS5 rank), so a run of common words cannot crowd out real versions and exact copies.
VERSION_SHINGLE = 4
VERSION_STEP = 4
VERSION_CANDIDATES = 500

# QuoteRecord's fields, in order.
_QUOTE_COLUMNS = """q.id, q.article_id, q.speaker_id, q.speaker_name, s.type, q.role, q.kind, q.text, q."start",
    q."end", q.mention_start, q.mention_end, q.cue, q.confidence, q.rule, q.status, q.rating, q.note,
    q.evidence_url, q.reviewer, q.updated_at, q.version, a.title, a.outlet, a.published, a.url, s.article_id,
    a.external_id, q.co_speakers, CASE WHEN q.claim_rank < 0 THEN (SELECT json_group_array(json_array(c."start",
    c."end", c.type, c.text)) FROM (SELECT * FROM claims c WHERE c.quote_id = q.id ORDER BY c."start", c."end", c.type) c)
    END"""
_QUOTE_JOINS = "JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id"
_QUOTE_SELECT = f"SELECT {_QUOTE_COLUMNS} FROM quotes q {_QUOTE_JOINS}"
# QuoteText's fields: an anonymous speaker ("a spokesman", one per article) has no speaker key.
_QUOTE_TEXT_SELECT = (
    "SELECT q.id, q.text, q.speaker_name, CASE WHEN s.article_id IS NULL THEN q.speaker_id END, a.outlet,"
    f" nullif(q.published, '') FROM quotes q {_QUOTE_JOINS}"
)


class QuoteQueries:
    @synchronized
    def quotes(
        self, filter: QuoteFilter = QuoteFilter(), *, limit: int = 100, after: tuple | None = None  # noqa: A002
    ) -> list[QuoteRecord]:
        """One page of quotes matching ``filter``; pass ``after=page_key(last record)`` for the next page."""
        query = self._query(filter, ordered=True)
        if after is not None:
            clause, params = filters.after_clause(filter, after)
            query = query.and_(clause, *params)
        order = ", ".join(filters.order_columns(filter))
        rows = self.db.execute(
            f"SELECT {_QUOTE_COLUMNS} {query.from_sql} {_QUOTE_JOINS} {query.where_sql} ORDER BY {order} LIMIT ?",
            [*query.params, max(0, limit)],
        )
        return [QuoteRecord.from_row(row) for row in rows]

    def page_key(self, record: QuoteRecord, filter: QuoteFilter) -> tuple:  # noqa: A002
        return filters.page_key(record, filter)

    def all_quotes(
        self, filter: QuoteFilter = QuoteFilter(), *, limit: int | None = None  # noqa: A002
    ) -> list[QuoteRecord]:
        """Every quote matching ``filter`` (the first ``limit``), in page order, read a page at a time."""
        records: list[QuoteRecord] = []
        while limit is None or len(records) < limit:
            size = ALL_QUOTES_PAGE if limit is None else min(ALL_QUOTES_PAGE, limit - len(records))
            after = self.page_key(records[-1], filter) if records else None
            page = self.quotes(filter, limit=size, after=after)
            records += page
            if len(page) < size:
                break
        return records

    def quote_texts(self, kinds: tuple[str, ...] = ("direct", "partial")) -> Iterator[QuoteText]:
        """Every quote of these kinds with its speaker, outlet and date, in id order, read a page at a time so a
        million quotes never sit in memory as rows. An anonymous speaker ("a spokesman", one per article) has no
        speaker key: it is no one in particular."""
        after = 0
        while True:
            page = self._quote_texts_page(kinds, after)
            yield from page
            if len(page) < QUOTE_TEXTS_PAGE:
                return
            after = page[-1].id

    @synchronized
    def _quote_texts_page(self, kinds: tuple[str, ...], after: int) -> list[QuoteText]:
        rows = self.db.execute(
            f"{_QUOTE_TEXT_SELECT} WHERE q.id > ? AND q.kind IN (SELECT value FROM json_each(?)) ORDER BY q.id LIMIT ?",
            [after, json.dumps(list(kinds)), QUOTE_TEXTS_PAGE],
        )
        return [QuoteText(*row) for row in rows]

    @synchronized
    def quote_versions(
        self, quote_id: int, kinds: tuple[str, ...] = ("direct", "partial")
    ) -> tuple[QuoteText, list[QuoteText]]:
        """The quote as quotecheck.variants reads it, and the quotes of ``kinds`` (and of its own kind) that share
        wording with it, found through the FTS index: the candidates its versions are among
        (``quotecheck.variants.group_of`` picks them), without reading every quote. A quote too short to
        compare has none."""
        rows = self.db.execute(f"{_QUOTE_TEXT_SELECT} WHERE q.id = ?", [quote_id]).fetchall()
        if not rows:
            raise NotFound(f"no quote with id {quote_id}")
        quote = QuoteText(*rows[0])
        kind = self.db.execute("SELECT kind FROM quotes WHERE id = ?", [quote_id]).fetchone()[0]
        words = quote.text.split()
        last = max(0, len(words) - VERSION_SHINGLE)
        runs = {" ".join(words[start : start + VERSION_SHINGLE]) for start in [*range(0, last + 1, VERSION_STEP), last]}
        phrases = [filters.fts_phrase(run) for run in sorted(runs) if any(c.isalnum() for c in run)]
        if word_count(quote.text) < MIN_WORDS or not phrases:
            return quote, []
        rows = self.db.execute(
            f"{_QUOTE_TEXT_SELECT} WHERE q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?"
            " ORDER BY rank LIMIT ?) AND q.id != ? AND q.kind IN (SELECT value FROM json_each(?)) ORDER BY q.id",
            [f"text : ({' OR '.join(phrases)})", VERSION_CANDIDATES, quote_id, json.dumps([*kinds, kind])],
        )
        return quote, [QuoteText(*row) for row in rows]

    @synchronized
    def count_quotes(self, filter: QuoteFilter = QuoteFilter()) -> int:  # noqa: A002
        query = self._query(filter)
        if query.from_sql == filters.FROM_SEARCH and query.where_sql == "WHERE quotes_fts MATCH ?":
            # text alone: FTS5 counts its own matches without touching the quotes table
            sql = "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?"
            return self.db.execute(sql, query.params).fetchone()[0]
        return self.db.execute(f"SELECT count(*) {query.sql}", query.params).fetchone()[0]

    @synchronized
    def count_reviewed(self, filter: QuoteFilter = QuoteFilter()) -> int:  # noqa: A002
        query = self._query(filter).and_("q.status != 'unreviewed'")
        return self.db.execute(f"SELECT count(*) {query.sql}", query.params).fetchone()[0]

    def _query(self, quote_filter: QuoteFilter, *, ordered: bool = False) -> filters.Query:
        """``ordered``: the query reads a page in order (rather than counting), which changes the best plan."""
        quote_filter = filters.storable(quote_filter)
        if quote_filter.article is not None:
            quote_filter = dataclasses.replace(quote_filter, article_id=self.article_id(quote_filter.article))
        speaker_ids = None
        if (speaker := filters.searched_speaker(quote_filter)) is not None:
            speaker_ids = self._speaker_filter_ids(speaker)
        fts_match = None
        if (typed := filters.searched_text(quote_filter)) is not None:
            # printable(): a NUL or control character would end the FTS string early ("unterminated string")
            text = printable(typed, one_line=True)
            fts_match = ""
            if name_key(text):
                wanted = [quote_filter.speaker_id] if quote_filter.speaker_id is not None else speaker_ids
                fts_match = filters.fts_expression(self.db.quote_fts(text), self._speaker_names(wanted or []))
        common_outlet = False
        if quote_filter.outlet is not None and ordered:
            outlet_articles, all_articles = self.db.execute(
                "SELECT (SELECT count(*) FROM articles WHERE outlet = ? COLLATE NOCASE),"
                " (SELECT max(id) FROM articles)",
                [quote_filter.outlet],
            ).fetchone()
            common_outlet = outlet_articles >= filters.COMMON_OUTLET_SHARE * (all_articles or 0)
        return filters.query(
            quote_filter, fts_match=fts_match, speaker_ids=speaker_ids, ordered=ordered, common_outlet=common_outlet
        )

    def _speaker_names(self, ids: list[int]) -> list[str]:
        if not ids or len(ids) > filters.MAX_FTS_SPEAKER_NAMES:
            return []
        rows = self.db.execute(
            "SELECT name FROM speakers WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(ids)]
        )
        return [row[0] for row in rows]

    def _speaker_filter_ids(self, query: str) -> list[int]:
        matches = self._sync_index().search(name_key(query), score_cutoff=SPEAKER_FILTER_CUTOFF)
        if not matches:
            return []
        floor = matches[0][1] - SPEAKER_FILTER_SPREAD
        return [speaker_id for speaker_id, score in matches if score >= floor]

    @synchronized
    def quote(self, quote_id: int) -> QuoteRecord:
        row = self.db.execute(f"{_QUOTE_SELECT} WHERE q.id = ?", [quote_id]).fetchone()
        if row is None:
            raise NotFound(f"no quote with id {quote_id}")
        return QuoteRecord.from_row(row)

    @synchronized
    def article(self, article_id: int) -> ArticleRecord:
        row = self.db.execute(
            "SELECT id, title, outlet, url, published, text, sha256, source, ingested_at FROM articles"
            " WHERE id = ? AND deleted_at IS NULL",
            [article_id],
        ).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id}")
        return ArticleRecord(*row)

    @synchronized
    def article_id(self, ref: str | int) -> int:
        """The row id of the article ``ref`` names: its row id (digits), else its external id ("bbc/politics/001",
        the ``id`` of its JSONL record)."""
        ref = str(ref).strip()
        live = "SELECT id FROM articles WHERE deleted_at IS NULL AND"
        if ref.isdigit() and self.db.execute(f"{live} id = ?", [int(ref)]).fetchone():
            return int(ref)
        rows = self.db.execute(f"{live} external_id = ? LIMIT 2", [ref]).fetchall()
        if len(rows) > 1:
            raise StoreError(f"several articles have the external id {ref!r}; give the row id instead")
        if not rows:
            raise NotFound(f"no article with id or external id {ref!r}")
        return rows[0][0]

    @synchronized
    def article_quotes(self, article_id: int) -> list[QuoteRecord]:
        self.article(article_id)
        rows = self.db.execute(f'{_QUOTE_SELECT} WHERE q.article_id = ? ORDER BY q."start", q.id', [article_id])
        return [QuoteRecord.from_row(row) for row in rows]

    # An article's quotes a piece at a time, in text order (start, id), for a view of an article of any size (one
    # of 300,000 quotes opens as fast as one of ten). All three walk the (article_id, start) index.

    @synchronized
    def article_quote_count(self, article_id: int, *, before: QuoteRecord | None = None) -> int:
        """How many quotes the article has (``before``: how many come before that one, its position)."""
        where, params = "q.article_id = ?", [article_id]
        if before is not None:
            where += ' AND (q."start", q.id) < (?, ?)'
            params += [before.start, before.id]
        return self.db.execute(f"SELECT count(*) FROM quotes q WHERE {where}", params).fetchone()[0]

    @synchronized
    def article_quote_next(
        self, article_id: int, after: tuple[int, int] | None = None, *, backwards: bool = False
    ) -> QuoteRecord | None:
        """The article's first quote after the text-order key ``after`` = (start, id), or its first quote (with
        ``backwards``: the last one before it, or its last quote); None when there is none."""
        where, params = "q.article_id = ?", [article_id]
        if after is not None:
            where += f' AND (q."start", q.id) {"<" if backwards else ">"} (?, ?)'
            params += list(after)
        order = 'q."start" DESC, q.id DESC' if backwards else 'q."start", q.id'
        row = self.db.execute(f"{_QUOTE_SELECT} WHERE {where} ORDER BY {order} LIMIT 1", params).fetchone()
        return QuoteRecord.from_row(row) if row is not None else None

    @synchronized
    def article_quotes_between(self, article_id: int, low: int, high: int, *, reach: int) -> list[QuoteRecord]:
        """The article's quotes that overlap its text[low:high] and start at most ``reach`` characters before
        ``low`` (a bound that keeps the index range short), in text order."""
        rows = self.db.execute(
            f'{_QUOTE_SELECT} WHERE q.article_id = ? AND q."start" >= ? AND q."start" < ? AND q."end" > ?'
            ' ORDER BY q."start", q.id',
            [article_id, low - reach, high, low],
        )
        return [QuoteRecord.from_row(row) for row in rows]

    @synchronized
    def outlets(self) -> list[str]:
        """Every outlet once, case-insensitively (as the outlet filter matches), read from the outlet index."""
        rows = self.db.execute(
            "SELECT min(outlet) FROM articles WHERE outlet IS NOT NULL AND outlet != '' AND deleted_at IS NULL"
            " GROUP BY outlet COLLATE NOCASE ORDER BY outlet COLLATE NOCASE"
        )
        return [row[0] for row in rows]

    @synchronized
    def stats(self) -> Stats:
        count = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        quotes = count("SELECT count(*) FROM quotes")
        anonymous = count(
            "SELECT count(*) FROM quotes WHERE speaker_id IN (SELECT id FROM speakers WHERE type = 'anonymous')"
        )
        by_kind = dict(self.db.execute("SELECT kind, count(*) FROM quotes GROUP BY kind ORDER BY kind"))
        by_status = dict(self.db.execute("SELECT status, count(*) FROM quotes GROUP BY status ORDER BY status"))
        top = tuple(
            self.db.execute(
                "SELECT name, quote_count FROM speakers WHERE merged_into IS NULL AND quote_count > 0"
                " ORDER BY quote_count DESC, id LIMIT 10"
            )
        )
        return Stats(
            articles=count("SELECT count(*) FROM articles WHERE deleted_at IS NULL"),
            quotes=quotes,
            by_kind=by_kind,
            by_status=by_status,
            top_speakers=top,
            reviewed=quotes - by_status.get("unreviewed", 0),
            anonymous_share=anonymous / quotes if quotes else 0.0,
        )

