"""Store: the one object the CLI and the review app use to read and write a quotecheck database."""

from __future__ import annotations

import functools
import getpass
import hashlib
import json
import math
import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotecheck.sanitize import printable
from quotecheck.store import filters, schema
from quotecheck.store.models import (
    KINDS,
    RATINGS,
    SPEAKER_TYPES,
    STATUSES,
    ArticleRecord,
    ConflictError,
    IngestResult,
    NotFound,
    QuoteFilter,
    QuoteRecord,
    Review,
    SpeakerRecord,
    Stats,
    StoreError,
)
from quotecheck.store.names import name_key, surname
from quotecheck.store.speaker_index import SpeakerIndex

if TYPE_CHECKING:
    from quotecheck.extract.model import Quote
    from quotecheck.read.model import Article

# A typed speaker filter keeps every speaker scoring at least this (0..100) and within SPEAKER_FILTER_SPREAD of
# the best match: "Smith" finds every Smith, but not "Smithson" when a real Smith exists.
SPEAKER_FILTER_CUTOFF = 85
SPEAKER_FILTER_SPREAD = 5
PICKER_CUTOFF = 60
ROLES_PER_SPEAKER = 5
# A speaker's roles: the most frequent among their latest quotes that state one (bounded work for prolific speakers).
_RECENT_ROLES = """
SELECT role FROM (
    SELECT role FROM quotes WHERE speaker_id = ?1 AND role IS NOT NULL AND role != ''
    ORDER BY published DESC, article_id DESC, "start" DESC, id DESC LIMIT 200
) GROUP BY role ORDER BY count(*) DESC, role LIMIT ?2
"""

# Review actions on one quote: action -> (quotes column, reviews "before" column, reviews "after" column).
QUOTE_ACTIONS = {
    "status": ("status", "old_status", "new_status"),
    "rating": ("rating", "old_rating", "new_rating"),
    "note": ("note", "old_note", "note"),
    "evidence": ("evidence_url", "old_evidence_url", "evidence_url"),
    "reassign": ("speaker_id", "old_speaker_id", "new_speaker_id"),
    "merge": ("speaker_id", "old_speaker_id", "new_speaker_id"),  # one row per quote moved by a merge
}

# QuoteRecord's fields, in order.
_QUOTE_COLUMNS = """q.id, q.article_id, q.speaker_id, q.speaker_name, s.type, q.role, q.kind, q.text, q."start",
    q."end", q.mention_start, q.mention_end, q.cue, q.confidence, q.rule, q.status, q.rating, q.note,
    q.evidence_url, q.reviewer, q.updated_at, q.version, a.title, a.outlet, a.published, a.url"""
_QUOTE_JOINS = "JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id"
_QUOTE_SELECT = f"SELECT {_QUOTE_COLUMNS} FROM quotes q {_QUOTE_JOINS}"
_REVIEW_FIELDS = [
    "id", "quote_id", "speaker_id", "reviewer", "action", "old_status", "new_status", "old_rating", "new_rating",
    "note", "evidence_url", "old_speaker_id", "new_speaker_id", "at", "old_note", "old_evidence_url",
    "old_name", "new_name", "batch", "undoes", "undone_by",
]  # fmt: skip


def default_reviewer() -> str:
    """``$QUOTECHECK_REVIEWER``, else the login name."""
    name = os.environ.get("QUOTECHECK_REVIEWER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some containers
        return "unknown"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _synchronized(method):
    """One call at a time per Store: the review app calls it from worker threads."""

    @functools.wraps(method)
    def locked(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)

    return locked


def _clean_name(name: str) -> str:
    return " ".join(name.split())


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._lock = threading.RLock()
        try:
            self.db = schema.connect(self.path)
        except Exception as error:  # sqlite3 says "unable to open database file" without the file name
            raise StoreError(f"{self.path}: cannot open database ({error})") from None
        try:
            schema.migrate(self.db)
        except StoreError as error:
            self.db.close()
            raise StoreError(f"{self.path}: {error}") from None
        except Exception as error:  # e.g. "file is not a database"
            self.db.close()
            raise StoreError(f"{self.path}: {error}") from None
        self._index = SpeakerIndex()
        self._index_epoch: int | None = None
        self._known_aliases: set[tuple[int, str]] = set()

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- transactions and the speaker index -------------------------------------------------------------------
    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One write transaction. BEGIN IMMEDIATE takes the write lock up front (waiting up to the busy
        timeout), so a read-then-write never fails half-way on a lock another process holds."""
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self._sync_index()
                yield
                epoch = self._epoch()
                self.db.commit()
            except BaseException:
                self.db.rollback()
                self._index_epoch = None  # the index may hold changes that were just rolled back
                raise
            self._index_epoch = epoch

    def _epoch(self) -> int:
        return self.db.execute("SELECT epoch FROM speaker_epoch WHERE id = 1").fetchone()[0]

    def _sync_index(self) -> SpeakerIndex:
        """The name index, reloaded when speakers changed since it was built (possibly by another process)."""
        with self.db.atomic():  # one snapshot: the epoch and the names read together
            epoch = self._epoch()
            if epoch == self._index_epoch:
                return self._index
            index = SpeakerIndex.build(
                self.db.execute("SELECT id, name, key, type FROM speakers WHERE merged_into IS NULL"),
                self.db.execute("SELECT speaker_id, key FROM speaker_aliases"),
            )
        self._index, self._index_epoch = index, epoch
        self._known_aliases = set()
        return index

    # -- ingest ------------------------------------------------------------------------------------------------
    @_synchronized
    def add_article(self, article: Article, quotes: Sequence[Quote]) -> IngestResult:
        """Store one article and its quotes in one transaction; the same text stored before is a no-op."""
        text = article.text
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        for number, quote in enumerate(quotes, start=1):
            _check_quote(text, quote, number)
        with self._writing():
            row = self.db.execute("SELECT id FROM articles WHERE sha256 = ?", [digest]).fetchone()
            if row:
                return IngestResult(article_id=row[0], new=False, quotes_added=0, speakers_new=0)
            now = _now()
            article_id = self.db.execute(
                "INSERT INTO articles (title, outlet, url, published, text, sha256, source, external_id, ingested_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article.title, article.outlet, article.url, article.published, text, digest, article.source,
                 article.external_id, now],
            ).lastrowid  # fmt: skip
            speakers: dict[tuple[str, str | None], tuple[int, str]] = {}
            speakers_new = 0
            rows = []
            for quote in quotes:
                speaker_id = speaker_name = None
                if quote.speaker and name_key(quote.speaker):
                    mention = (_clean_name(quote.speaker), quote.speaker_type)
                    if mention not in speakers:
                        speaker_id, created = self._resolve_speaker(*mention, now=now)
                        speakers[mention] = (speaker_id, self._index.name(speaker_id))
                        speakers_new += created
                    speaker_id, speaker_name = speakers[mention]
                rows.append(
                    (article_id, speaker_id, speaker_name, article.published or "", quote.start, quote.end,
                     quote.text, quote.kind, quote.role, quote.mention_start, quote.mention_end, quote.cue,
                     float(quote.confidence), quote.rule or "")
                )  # fmt: skip
            # executemany: one prepared statement for the whole article (db.execute has no batch form)
            self.db.conn.executemany(
                'INSERT INTO quotes (article_id, speaker_id, speaker_name, published, "start", "end", text, kind,'
                " role, mention_start, mention_end, cue, confidence, rule) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
        return IngestResult(article_id=article_id, new=True, quotes_added=len(rows), speakers_new=speakers_new)

    def _resolve_speaker(self, name: str, type_: str | None, *, now: str) -> tuple[int, bool]:
        """(speaker id, created) for a name the extractor found; records spelling variants as aliases."""
        key = name_key(name)
        speaker_id = self._index.find(key, type_)
        if speaker_id is None:
            speaker_id = self.db.execute(
                "INSERT INTO speakers (name, type, key, created_at) VALUES (?, ?, ?, ?)", [name, type_, key, now]
            ).lastrowid
            self._index.add(speaker_id, name, key, type_)
            last = surname(name) if type_ == "person" else None
            if last:
                self._add_alias(speaker_id, last)
            return speaker_id, True
        if name != self._index.name(speaker_id):
            self._add_alias(speaker_id, name)
        return speaker_id, False

    def _add_alias(self, speaker_id: int, alias: str) -> bool:
        """Record ``alias`` for the speaker; False when it was already there."""
        if (speaker_id, alias) in self._known_aliases:
            return False
        self._known_aliases.add((speaker_id, alias))
        key = name_key(alias)
        added = self.db.execute(
            "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, key) VALUES (?, ?, ?)", [speaker_id, alias, key]
        ).rowcount
        self._index.add_alias(speaker_id, key)
        return bool(added)

    # -- quotes ------------------------------------------------------------------------------------------------
    @_synchronized
    def quotes(self, filter: QuoteFilter = QuoteFilter(), *, limit: int = 100, after: tuple | None = None) -> list[QuoteRecord]:  # noqa: A002
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
        return [QuoteRecord(*row) for row in rows]

    def page_key(self, record: QuoteRecord, filter: QuoteFilter) -> tuple:  # noqa: A002
        return filters.page_key(record, filter)

    @_synchronized
    def count_quotes(self, filter: QuoteFilter = QuoteFilter()) -> int:  # noqa: A002
        query = self._query(filter)
        if query.from_sql == filters.FROM_SEARCH and query.where_sql == "WHERE quotes_fts MATCH ?":
            # text alone: FTS5 counts its own matches without touching the quotes table
            return self.db.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?", query.params).fetchone()[0]
        return self.db.execute(f"SELECT count(*) {query.sql}", query.params).fetchone()[0]

    @_synchronized
    def count_reviewed(self, filter: QuoteFilter = QuoteFilter()) -> int:  # noqa: A002
        query = self._query(filter).and_("q.status != 'unreviewed'")
        return self.db.execute(f"SELECT count(*) {query.sql}", query.params).fetchone()[0]

    def _query(self, quote_filter: QuoteFilter, *, ordered: bool = False) -> filters.Query:
        """``ordered``: the query reads a page in order (rather than counting), which changes the best plan."""
        speaker_ids = None
        if quote_filter.speaker is not None:
            speaker_ids = self._speaker_filter_ids(quote_filter.speaker)
        fts_match = None
        if quote_filter.text is not None:
            # printable(): a NUL or control character would end the FTS string early ("unterminated string")
            text = printable(quote_filter.text, one_line=True)
            fts_match = ""
            if name_key(text):
                wanted = [quote_filter.speaker_id] if quote_filter.speaker_id is not None else speaker_ids
                fts_match = filters.fts_expression(self.db.quote_fts(text), self._speaker_names(wanted or []))
        common_outlet = False
        if quote_filter.outlet is not None and ordered:
            outlet_articles, all_articles = self.db.execute(
                "SELECT (SELECT count(*) FROM articles WHERE outlet = ? COLLATE NOCASE), (SELECT max(id) FROM articles)",
                [quote_filter.outlet],
            ).fetchone()
            common_outlet = outlet_articles >= filters.COMMON_OUTLET_SHARE * (all_articles or 0)
        return filters.query(quote_filter, fts_match=fts_match, speaker_ids=speaker_ids, common_outlet=common_outlet)

    def _speaker_names(self, ids: list[int]) -> list[str]:
        if not ids or len(ids) > filters.MAX_FTS_SPEAKER_NAMES:
            return []
        rows = self.db.execute("SELECT name FROM speakers WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(ids)])
        return [row[0] for row in rows]

    def _speaker_filter_ids(self, query: str) -> list[int]:
        matches = self._sync_index().search(name_key(query), score_cutoff=SPEAKER_FILTER_CUTOFF)
        if not matches:
            return []
        floor = matches[0][1] - SPEAKER_FILTER_SPREAD
        return [speaker_id for speaker_id, score in matches if score >= floor]

    @_synchronized
    def quote(self, quote_id: int) -> QuoteRecord:
        row = self.db.execute(f"{_QUOTE_SELECT} WHERE q.id = ?", [quote_id]).fetchone()
        if row is None:
            raise NotFound(f"no quote with id {quote_id}")
        return QuoteRecord(*row)

    @_synchronized
    def article(self, article_id: int) -> ArticleRecord:
        row = self.db.execute(
            "SELECT id, title, outlet, url, published, text, sha256, source, ingested_at FROM articles WHERE id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id}")
        return ArticleRecord(*row)

    @_synchronized
    def article_quotes(self, article_id: int) -> list[QuoteRecord]:
        self.article(article_id)
        rows = self.db.execute(f'{_QUOTE_SELECT} WHERE q.article_id = ? ORDER BY q."start", q.id', [article_id])
        return [QuoteRecord(*row) for row in rows]

    @_synchronized
    def history(self, quote_id: int) -> list[Review]:
        self.quote(quote_id)
        return self._reviews("quote_id = ? ORDER BY id", [quote_id])

    @_synchronized
    def speaker_history(self, speaker_id: int) -> list[Review]:
        """Merges and renames of this speaker, oldest first."""
        self.speaker(speaker_id)
        return self._reviews("speaker_id = ? ORDER BY id", [speaker_id])

    def _reviews(self, where_sql: str, params: list) -> list[Review]:
        rows = self.db.execute(f"SELECT {', '.join(_REVIEW_FIELDS)} FROM reviews WHERE {where_sql}", params)
        return [Review(**dict(zip(_REVIEW_FIELDS, row))) for row in rows]

    @_synchronized
    def outlets(self) -> list[str]:
        rows = self.db.execute(
            "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL AND outlet != '' ORDER BY outlet"
        )
        return [row[0] for row in rows]

    # -- speakers ----------------------------------------------------------------------------------------------
    @_synchronized
    def speakers(self, query: str | None = None, *, limit: int = 100, offset: int = 0) -> list[SpeakerRecord]:
        """No query: most quoted first. With a query: fuzzy, accent-insensitive, best match first."""
        if query is None or not name_key(query):
            ids = [
                row[0]
                for row in self.db.execute(
                    "SELECT id FROM speakers WHERE merged_into IS NULL ORDER BY quote_count DESC, id LIMIT ? OFFSET ?",
                    [max(0, limit), max(0, offset)],
                )
            ]
            return self._speaker_records(ids)
        matches = self._ranked_matches(query)[offset : offset + limit]
        return [record for record, _ in matches]

    @_synchronized
    def match_speakers(self, query: str, *, limit: int = 10) -> list[tuple[SpeakerRecord, float]]:
        """The fuzzy picker: (speaker, score 0..100), best first; ties go to the most quoted."""
        return self._ranked_matches(query)[:limit]

    def _ranked_matches(self, query: str) -> list[tuple[SpeakerRecord, float]]:
        scored = self._sync_index().search(name_key(query), score_cutoff=PICKER_CUTOFF)
        records = self._speaker_records([speaker_id for speaker_id, _ in scored])
        by_id = {record.id: record for record in records}
        ranked = [(by_id[speaker_id], score) for speaker_id, score in scored if speaker_id in by_id]
        ranked.sort(key=lambda item: (-item[1], -item[0].quote_count, item[0].id))
        return ranked

    @_synchronized
    def speaker(self, speaker_id: int) -> SpeakerRecord:
        records = self._speaker_records([speaker_id])
        if not records:
            raise NotFound(f"no speaker with id {speaker_id}")
        return records[0]

    def _speaker_records(self, ids: list[int]) -> list[SpeakerRecord]:
        """Records for ``ids``, in that order."""
        if not ids:
            return []
        id_list = json.dumps(ids)
        rows = self.db.execute(
            "SELECT id, name, type, quote_count, reviewed_count, merged_into FROM speakers"
            " WHERE id IN (SELECT value FROM json_each(?))",
            [id_list],
        ).fetchall()
        aliases: dict[int, list[str]] = {}
        for speaker_id, alias in self.db.execute(
            "SELECT speaker_id, alias FROM speaker_aliases WHERE speaker_id IN (SELECT value FROM json_each(?))"
            " ORDER BY id",
            [id_list],
        ):
            aliases.setdefault(speaker_id, []).append(alias)
        by_id = {}
        for speaker_id, name, type_, quote_count, reviewed_count, merged_into in rows:
            roles = tuple(row[0] for row in self.db.execute(_RECENT_ROLES, [speaker_id, ROLES_PER_SPEAKER]))
            by_id[speaker_id] = SpeakerRecord(
                id=speaker_id, name=name, type=type_, roles=roles, aliases=tuple(aliases.get(speaker_id, ())),
                quote_count=quote_count, reviewed_count=reviewed_count, merged_into=merged_into,
            )  # fmt: skip
        return [by_id[speaker_id] for speaker_id in ids if speaker_id in by_id]

    def _live_speaker(self, speaker_id: int) -> tuple[str, str | None]:
        row = self.db.execute("SELECT name, type, merged_into FROM speakers WHERE id = ?", [speaker_id]).fetchone()
        if row is None:
            raise NotFound(f"no speaker with id {speaker_id}")
        if row[2] is not None:
            raise StoreError(f"speaker {speaker_id} ({row[0]}) was merged into speaker {row[2]}")
        return row[0], row[1]

    @_synchronized
    def merge_speakers(self, keep_id: int, merge_id: int, *, reviewer: str) -> SpeakerRecord:
        """Move every quote and alias of ``merge_id`` to ``keep_id``; the merged speaker stays (hidden) so the
        history keeps pointing at it and undo can split them again."""
        reviewer = _check_reviewer(reviewer)
        if keep_id == merge_id:
            raise StoreError("cannot merge a speaker into itself")
        with self._writing():
            keep_name, _ = self._live_speaker(keep_id)
            merge_name, _ = self._live_speaker(merge_id)
            now = _now()
            batch = self._next_batch()
            added = [
                alias
                for alias in [merge_name, *self._aliases_of(merge_id)]
                if alias != keep_name and self._add_alias(keep_id, alias)
            ]
            self._append_review(
                batch, reviewer, now, "merge", speaker_id=keep_id, old_speaker_id=merge_id,
                new_speaker_id=keep_id, old_name=merge_name, new_name=keep_name, aliases_added=json.dumps(added),
            )  # fmt: skip
            self.db.execute(
                "INSERT INTO reviews (batch, quote_id, reviewer, action, old_speaker_id, new_speaker_id, at)"
                " SELECT ?, id, ?, 'merge', ?, ?, ? FROM quotes WHERE speaker_id = ? ORDER BY id",
                [batch, reviewer, merge_id, keep_id, now, merge_id],
            )
            self.db.execute(
                "UPDATE quotes SET speaker_id = ?, speaker_name = ?, version = version + 1, updated_at = ?,"
                " reviewer = ? WHERE speaker_id = ?",
                [keep_id, keep_name, now, reviewer, merge_id],
            )
            self.db.execute("UPDATE speakers SET merged_into = ? WHERE id = ?", [keep_id, merge_id])
            self._index.remove(merge_id)
        return self.speaker(keep_id)

    def _aliases_of(self, speaker_id: int) -> list[str]:
        rows = self.db.execute("SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY id", [speaker_id])
        return [row[0] for row in rows]

    @_synchronized
    def rename_speaker(self, speaker_id: int, new_name: str, *, reviewer: str) -> SpeakerRecord:
        """Rename; the old name stays as an alias so later articles using it still find this speaker."""
        reviewer = _check_reviewer(reviewer)
        new_name = _clean_name(new_name)
        if not name_key(new_name):
            raise StoreError("a speaker name needs at least one letter or digit")
        with self._writing():
            old_name, type_ = self._live_speaker(speaker_id)
            if new_name == old_name:
                return self.speaker(speaker_id)
            now = _now()
            added = [old_name] if self._add_alias(speaker_id, old_name) else []
            self._append_review(
                self._next_batch(), reviewer, now, "rename", speaker_id=speaker_id, old_name=old_name,
                new_name=new_name, aliases_added=json.dumps(added),
            )  # fmt: skip
            self._set_speaker_name(speaker_id, new_name, type_)
        return self.speaker(speaker_id)

    def _set_speaker_name(self, speaker_id: int, name: str, type_: str | None) -> None:
        key = name_key(name)
        self.db.execute("UPDATE speakers SET name = ?, key = ? WHERE id = ?", [name, key, speaker_id])
        self.db.execute("UPDATE quotes SET speaker_name = ? WHERE speaker_id = ?", [name, speaker_id])
        self._reload_index()

    def _reload_index(self) -> None:
        """Rebuild the name index inside the current transaction (renames and undone merges are rare)."""
        self._index_epoch = None
        self._sync_index()

    # -- review actions ----------------------------------------------------------------------------------------
    @_synchronized
    def set_status(self, quote_id: int, status: str, *, reviewer: str, expected_version: int | None = None) -> QuoteRecord:
        return self.mark(quote_id, status, reviewer=reviewer, expected_version=expected_version)

    @_synchronized
    def set_rating(self, quote_id: int, rating: str | None, *, reviewer: str, expected_version: int | None = None) -> QuoteRecord:
        _check_rating(rating)
        return self._review_quote(quote_id, {"rating": rating}, reviewer, expected_version)

    @_synchronized
    def annotate(
        self, quote_id: int, *, note: str | None = None, evidence_url: str | None = None, reviewer: str,
        expected_version: int | None = None,
    ) -> QuoteRecord:  # fmt: skip
        changes = {"note": note, "evidence": evidence_url}
        return self._review_quote(quote_id, {k: v for k, v in changes.items() if v is not None}, reviewer, expected_version)

    @_synchronized
    def mark(
        self, quote_id: int, status: str, *, rating: str | None = None, note: str | None = None,
        evidence_url: str | None = None, reviewer: str, expected_version: int | None = None,
    ) -> QuoteRecord:  # fmt: skip
        """Status plus optional rating, note and evidence link: one transaction, one history row per change."""
        if status not in STATUSES:
            raise StoreError(f"unknown status {status!r} (choose from {', '.join(STATUSES)})")
        if rating is not None:
            _check_rating(rating)
        changes = {"status": status, "rating": rating, "note": note, "evidence": evidence_url}
        changes = {k: v for k, v in changes.items() if v is not None}
        return self._review_quote(quote_id, changes, reviewer, expected_version)

    @_synchronized
    def reassign(
        self, quote_id: int, *, speaker_id: int | None = None, new_speaker_name: str | None = None,
        new_speaker_type: str = "person", reviewer: str, expected_version: int | None = None,
    ) -> QuoteRecord:  # fmt: skip
        """Give the quote another speaker: an existing one, or one found or created by name."""
        if (speaker_id is None) == (new_speaker_name is None):
            raise StoreError("reassign needs exactly one of speaker_id or new_speaker_name")
        if new_speaker_type not in SPEAKER_TYPES:
            raise StoreError(f"unknown speaker type {new_speaker_type!r} (choose from {', '.join(SPEAKER_TYPES)})")
        if new_speaker_name is not None and not name_key(new_speaker_name):
            raise StoreError("a speaker name needs at least one letter or digit")
        return self._review_quote(
            quote_id, {"reassign": (speaker_id, new_speaker_name, new_speaker_type)}, reviewer, expected_version
        )

    def _review_quote(self, quote_id: int, changes: dict[str, Any], reviewer: str, expected_version: int | None) -> QuoteRecord:
        """Apply ``changes`` (action -> new value) to one quote in one transaction with one history row each."""
        reviewer = _check_reviewer(reviewer)
        with self._writing():
            current = self.quote(quote_id)
            if expected_version is not None and current.version != expected_version:
                raise ConflictError(_conflict_message(current, expected_version), current)
            now = _now()
            if "reassign" in changes:
                changes["reassign"] = self._reassign_target(*changes["reassign"], now=now)
            stored = self._quote_columns(quote_id)
            changed = {a: v for a, v in changes.items() if stored[QUOTE_ACTIONS[a][0]] != v}
            if not changed:
                return current
            batch = self._next_batch()
            for action, value in changed.items():
                column, old_field, new_field = QUOTE_ACTIONS[action]
                self._append_review(
                    batch, reviewer, now, action, quote_id=quote_id, **{old_field: stored[column], new_field: value}
                )
                self._set_quote_column(quote_id, column, value)
            self.db.execute(
                "UPDATE quotes SET version = version + 1, updated_at = ?, reviewer = ? WHERE id = ?",
                [now, reviewer, quote_id],
            )
            return self.quote(quote_id)

    def _reassign_target(self, speaker_id: int | None, name: str | None, type_: str, *, now: str) -> int:
        if speaker_id is not None:
            self._live_speaker(speaker_id)
            return speaker_id
        return self._resolve_speaker(_clean_name(name), type_, now=now)[0]

    def _quote_columns(self, quote_id: int) -> dict[str, Any]:
        row = self.db.execute(
            "SELECT status, rating, note, evidence_url, speaker_id FROM quotes WHERE id = ?", [quote_id]
        ).fetchone()
        return dict(zip(("status", "rating", "note", "evidence_url", "speaker_id"), row))

    def _set_quote_column(self, quote_id: int, column: str, value: Any) -> None:
        if column == "speaker_id":  # the denormalised name follows, so full-text search finds the new speaker
            self.db.execute(
                "UPDATE quotes SET speaker_id = ?, speaker_name = (SELECT name FROM speakers WHERE id = ?) WHERE id = ?",
                [value, value, quote_id],
            )
        else:
            assert column in ("status", "rating", "note", "evidence_url")  # never user text in SQL
            self.db.execute(f"UPDATE quotes SET {column} = ? WHERE id = ?", [value, quote_id])

    def _next_batch(self) -> int:
        return self.db.execute("SELECT coalesce(max(batch), 0) + 1 FROM reviews").fetchone()[0]

    def _append_review(self, batch: int, reviewer: str, at: str, action: str, **values: Any) -> int:
        columns = ["batch", "reviewer", "at", "action", *values]
        return self.db.execute(
            f"INSERT INTO reviews ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [batch, reviewer, at, action, *values.values()],
        ).lastrowid

    @_synchronized
    def undo(self, *, reviewer: str | None = None) -> Review | None:
        """Reverse the latest review action not yet undone (that reviewer's, when given): every history row it
        wrote is reversed and answered by an "undo" row. Returns the first row undone, or None."""
        undoer = _check_reviewer(reviewer) if reviewer is not None else default_reviewer()
        with self._writing():
            sql = "SELECT batch FROM reviews WHERE undone_by IS NULL AND action != 'undo'"
            params: list = []
            if reviewer is not None:
                sql += " AND reviewer = ?"
                params.append(undoer)
            row = self.db.execute(sql + " ORDER BY id DESC LIMIT 1", params).fetchone()
            if row is None:
                return None
            rows = self._reviews("batch = ? AND undone_by IS NULL AND action != 'undo' ORDER BY id", [row[0]])
            now = _now()
            batch = self._next_batch()
            for review in reversed(rows):
                undo_id = self._reverse(review, undoer, now, batch)
                self.db.execute("UPDATE reviews SET undone_by = ? WHERE id = ?", [undo_id, review.id])
            return self._reviews("id = ?", [rows[0].id])[0]

    def _reverse(self, review: Review, reviewer: str, now: str, batch: int) -> int:
        """Put back what ``review`` changed, refusing if someone changed it again since; returns the undo row."""
        if review.quote_id is not None:
            column, old_field, new_field = QUOTE_ACTIONS[review.action]
            before, after = getattr(review, old_field), getattr(review, new_field)
            if self._quote_columns(review.quote_id)[column] != after:
                current = self.quote(review.quote_id)
                raise ConflictError(
                    f"cannot undo {review.action} on quote {review.quote_id}: changed since by "
                    f"{current.reviewer or 'someone'} at {current.updated_at}",
                    current,
                )
            self._set_quote_column(review.quote_id, column, before)
            self.db.execute(
                "UPDATE quotes SET version = version + 1, updated_at = ?, reviewer = ? WHERE id = ?",
                [now, reviewer, review.quote_id],
            )
            return self._append_review(
                batch, reviewer, now, "undo", quote_id=review.quote_id, undoes=review.id,
                **{old_field: after, new_field: before},
            )  # fmt: skip
        added = json.loads(self.db.execute("SELECT aliases_added FROM reviews WHERE id = ?", [review.id]).fetchone()[0] or "[]")
        if review.action == "rename":
            name, type_ = self._live_speaker(review.speaker_id)
            if name != review.new_name:
                raise StoreError(f"cannot undo rename of speaker {review.speaker_id}: renamed since to {name!r}")
            self._set_speaker_name(review.speaker_id, review.old_name, type_)
        elif review.action == "merge":
            self.db.execute("UPDATE speakers SET merged_into = NULL WHERE id = ?", [review.old_speaker_id])
        self.db.execute(
            "DELETE FROM speaker_aliases WHERE speaker_id = ? AND alias IN (SELECT value FROM json_each(?))",
            [review.speaker_id, json.dumps(added)],
        )
        self._reload_index()
        return self._append_review(
            batch, reviewer, now, "undo", speaker_id=review.speaker_id, undoes=review.id,
            old_speaker_id=review.new_speaker_id, new_speaker_id=review.old_speaker_id,
            old_name=review.new_name, new_name=review.old_name,
        )  # fmt: skip

    # -- stats -------------------------------------------------------------------------------------------------
    @_synchronized
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
            articles=count("SELECT count(*) FROM articles"),
            quotes=quotes,
            by_kind=by_kind,
            by_status=by_status,
            top_speakers=top,
            reviewed=quotes - by_status.get("unreviewed", 0),
            anonymous_share=anonymous / quotes if quotes else 0.0,
        )


def _check_quote(text: str, quote: Quote, number: int) -> None:
    """Reject a quote whose offsets or values don't fit the article, before anything is written."""
    problem = None
    if quote.kind not in KINDS:
        problem = f"unknown kind {quote.kind!r}"
    elif not (0 <= quote.start <= quote.end <= len(text)) or text[quote.start : quote.end] != quote.text:
        problem = f"offsets {quote.start}:{quote.end} do not match its text"
    elif (quote.mention_start is None) != (quote.mention_end is None) or (
        quote.mention_start is not None and not 0 <= quote.mention_start <= quote.mention_end <= len(text)
    ):
        problem = f"mention offsets {quote.mention_start}:{quote.mention_end} are outside the text"
    elif quote.speaker_type is not None and quote.speaker_type not in SPEAKER_TYPES:
        problem = f"unknown speaker type {quote.speaker_type!r}"
    elif not isinstance(quote.confidence, (int, float)) or math.isnan(quote.confidence) or not 0 <= quote.confidence <= 1:
        problem = f"confidence {quote.confidence!r} is not between 0 and 1"
    if problem:
        raise StoreError(f"quote {number}: {problem}")


def _check_rating(rating: str | None) -> None:
    if rating is not None and rating not in RATINGS:
        raise StoreError(f"unknown rating {rating!r} (choose from {', '.join(RATINGS)}, or none)")


def _check_reviewer(reviewer: str | None) -> str:
    name = (reviewer or "").strip()
    if not name:
        raise StoreError("a reviewer name is needed (--reviewer or $QUOTECHECK_REVIEWER)")
    return name


def _conflict_message(current: QuoteRecord, expected_version: int) -> str:
    return (
        f"quote {current.id} was changed by {current.reviewer or 'someone'} at {current.updated_at} "
        f"(now version {current.version}, you had {expected_version}); reload it and try again"
    )
