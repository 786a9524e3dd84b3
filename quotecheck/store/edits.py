"""Edit actions of Store: a quote's speaker, role, kind and span; adding a quote the extractor missed; deleting a
false one. Each is one transaction with history rows, so undo (reviews.py) reverses it."""

from __future__ import annotations

import json
from typing import Any

from quotecheck.store.base import synchronized, utc_now
from quotecheck.store.checks import (
    check_choice, check_reviewer, check_speaker_name, check_unicode, clean_name,
)  # fmt: skip
from quotecheck.store.ingest import next_quote_id
from quotecheck.store.models import KINDS, SPEAKER_TYPES, ConflictError, NotFound, QuoteRecord, StoreError
from quotecheck.store.reviews import conflict_message, span_value, typed_name

# A quote a reviewer adds: they attributed it by hand, so it is as sure as the store can say.
ADDED_CONFIDENCE = 1.0
ADDED_RULE = "added-by-reviewer"


class QuoteEdits:
    @synchronized
    def edit_quote(
        self, quote_id: int, *, role: str | None = None, kind: str | None = None,
        span: tuple[int, int] | None = None, speaker_id: int | None = None, new_speaker_name: str | None = None,
        new_speaker_type: str = "person", reviewer: str, expected_version: int | None = None,
    ) -> QuoteRecord:  # fmt: skip
        """Change any of the quote's speaker (an existing one, or one found or created by name), role ("" removes
        it), kind and span (offsets into the article, widened or narrowed to the words quoted): one transaction,
        one batch of history rows. None leaves a field as it is."""
        changes: dict[str, Any] = {}
        if speaker_id is not None or new_speaker_name is not None:
            if speaker_id is not None and new_speaker_name is not None:
                raise StoreError("give the new speaker by id or by name, not both")
            check_choice("speaker type", new_speaker_type, SPEAKER_TYPES)
            if new_speaker_name is not None:
                check_speaker_name(new_speaker_name)
            changes["reassign"] = (speaker_id, new_speaker_name, new_speaker_type)
        if role is not None:
            changes["role"] = clean_name(role) or None
        if kind is not None:
            check_choice("kind", kind, KINDS)
            changes["kind"] = kind
        if span is not None:
            record = self.quote(quote_id)
            changes["span"] = span_value(*self._checked_span(record.article_id, *span))
        if not changes:
            raise StoreError("nothing to change: give a speaker, a role, a kind or a span")
        return self._review_quote(quote_id, changes, reviewer, expected_version)

    def _checked_span(self, article_id: int, start: int, end: int) -> tuple[int, int]:
        """The span, when it holds words of the article (an article's text never changes once stored)."""
        text = self.article(article_id).text
        if not 0 <= start < end <= len(text):
            raise StoreError(f"span {start}:{end} is outside article {article_id} (0:{len(text)})")
        if not text[start:end].strip():
            raise StoreError(f"span {start}:{end} holds no words")
        return start, end

    @synchronized
    def add_quote(
        self, article_id: int, start: int, end: int, *, kind: str = "direct", speaker_name: str | None = None,
        speaker_id: int | None = None, speaker_type: str = "person", role: str | None = None, reviewer: str,
    ) -> QuoteRecord:  # fmt: skip
        """A quote the extractor missed, at ``start:end`` of the article, with its speaker (by id, or found or
        created by name) and role. Kept in the history with the whole row, so undo removes it again."""
        reviewer = check_reviewer(reviewer)
        check_choice("kind", kind, KINDS)
        check_choice("speaker type", speaker_type, SPEAKER_TYPES)
        if speaker_id is not None and speaker_name is not None:
            raise StoreError("give the speaker by id or by name, not both")
        if speaker_name is not None:
            check_speaker_name(speaker_name)
        check_unicode("quote", [role])
        start, end = self._checked_span(article_id, start, end)
        with self._writing():
            same = self.db.execute(
                'SELECT id FROM quotes WHERE article_id = ? AND "start" = ? AND "end" = ?', [article_id, start, end]
            ).fetchone()
            if same:
                raise StoreError(f"quote {same[0]} already covers {start}:{end} of article {article_id}")
            now = utc_now()
            if speaker_id is not None:
                self._live_speaker(speaker_id)
                self._check_speaker_article(speaker_id, article_id)
            elif speaker_name is not None:
                speaker_id = self._resolve_speaker(typed_name(speaker_name, speaker_type), speaker_type, now=now,
                                                   article_id=article_id)[0]  # fmt: skip
            quote_id = next_quote_id(self.db)
            self.db.execute(
                'INSERT INTO quotes (id, article_id, speaker_id, speaker_name, published, "start", "end", text, kind,'
                " role, confidence, rule, reviewer, updated_at)"
                " SELECT ?, a.id, ?, (SELECT name FROM speakers WHERE id = ?), coalesce(a.published, ''), ?, ?,"
                " substr(a.text, ? + 1, ?), ?, ?, ?, ?, ?, ? FROM articles a WHERE a.id = ?",
                [quote_id, speaker_id, speaker_id, start, end, start, end - start, kind, clean_name(role or "") or None,
                 ADDED_CONFIDENCE, ADDED_RULE, reviewer, now, article_id],
            )  # fmt: skip
            self._refresh_quote_claims(quote_id)
            self._append_review(
                self._next_batch(), reviewer, now, "add", quote_id=quote_id, new_value=self._quote_row(quote_id)
            )
            return self.quote(quote_id)

    @synchronized
    def delete_quote(self, quote_id: int, *, reviewer: str, expected_version: int | None = None) -> QuoteRecord:
        """Delete a false quote. Its whole row goes into the history, so undo puts it back with its reviews.
        Returns the quote as it was."""
        reviewer = check_reviewer(reviewer)
        with self._writing():
            current = self.quote(quote_id)
            if expected_version is not None and current.version != expected_version:
                raise ConflictError(conflict_message(current, expected_version), current)
            self._delete_recorded(quote_id, reviewer, utc_now(), self._next_batch())
        return current

    def _delete_recorded(self, quote_id: int, reviewer: str, now: str, batch: int) -> None:
        """Delete the quote, keeping its whole row in a "delete" history row of ``batch``."""
        self._append_review(batch, reviewer, now, "delete", quote_id=quote_id, old_value=self._quote_row(quote_id))
        self._remove_quote(quote_id)

    def _quote_row(self, quote_id: int) -> str:
        """The stored row as JSON: what the history keeps of an added or deleted quote."""
        cursor = self.db.execute("SELECT * FROM quotes WHERE id = ?", [quote_id])
        row = cursor.fetchone()
        if row is None:
            raise NotFound(f"no quote with id {quote_id}")
        return json.dumps(dict(zip([column[0] for column in cursor.description], row)), ensure_ascii=False)

    def _remove_quote(self, quote_id: int) -> None:
        self.db.execute("DELETE FROM quotes WHERE id = ?", [quote_id])  # triggers keep FTS and speaker counts

    def _restore_quote(self, row: dict[str, Any], reviewer: str, now: str) -> None:
        """Put a deleted quote's row back, as a new version by whoever restored it."""
        row = {**row, "version": row["version"] + 1, "reviewer": reviewer, "updated_at": now}
        columns = [column for column in self.db["quotes"].columns_dict if column in row]  # names from the schema
        self.db.execute(
            f"INSERT INTO quotes ({', '.join(f'[{c}]' for c in columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [row[column] for column in columns],
        )
        self._refresh_quote_claims(row["id"])  # a row kept before claims existed has none yet
