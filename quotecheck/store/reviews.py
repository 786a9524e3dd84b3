"""Review actions of Store: status, rating, note, evidence, reassign, each with history; undo; history."""

from __future__ import annotations

import dataclasses
import getpass
import json
import os
from collections.abc import Sequence
from typing import Any

from quotecheck.store import identity
from quotecheck.store.base import synchronized, utc_now
from quotecheck.store.checks import (
    check_choice, check_evidence_url, check_rating, check_reviewer, check_speaker_name, check_unicode, clean_name,
)  # fmt: skip
from quotecheck.store.models import SPEAKER_TYPES, STATUSES, ConflictError, QuoteRecord, Review, StoreError
from quotecheck.store.names import proper_case

# Review actions on one quote: action -> (quotes column, reviews "before" column, reviews "after" column).
QUOTE_ACTIONS = {
    "status": ("status", "old_status", "new_status"),
    "rating": ("rating", "old_rating", "new_rating"),
    "note": ("note", "old_note", "note"),
    "evidence": ("evidence_url", "old_evidence_url", "evidence_url"),
    "reassign": ("speaker_id", "old_speaker_id", "new_speaker_id"),
    "merge": ("speaker_id", "old_speaker_id", "new_speaker_id"),  # one row per quote moved by a merge
    "role": ("role", "old_value", "new_value"),
    "kind": ("kind", "old_value", "new_value"),
    "span": ("span", "old_value", "new_value"),  # not a column: start and end as JSON [start, end] (edits.py)
}
# Actions on a whole quote: the row as JSON, in new_value ("add") or old_value ("delete").
WHOLE_QUOTE_ACTIONS = ("add", "delete")

# Review's fields are the reviews table's columns, same names.
_REVIEW_FIELDS = [field.name for field in dataclasses.fields(Review)]


def default_reviewer() -> str:
    """``$QUOTECHECK_REVIEWER``, else the login name."""
    name = os.environ.get("QUOTECHECK_REVIEWER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some containers
        return "unknown"


def typed_name(name: str, type_: str) -> str:
    """A speaker name a reviewer typed, spaces tidied; a person's typed in lower case gets its capitals, unless
    it starts like a description ("a source close to the council")."""
    name = clean_name(name)
    if type_ != "person" or name.split()[0].casefold() in identity.DESCRIPTION_WORDS:
        return name
    return proper_case(name)


def span_value(start: int, end: int) -> str:
    """A span as the history keeps it (and as edit_quote compares it): ``[start, end]``."""
    return json.dumps([start, end])


def _verdict(status: str | None, rating: str | None, note: str | None, evidence_url: str | None) -> dict[str, Any]:
    """The review changes of a verdict, checked; None leaves that part as it is."""
    if status is not None:
        check_choice("status", status, STATUSES)
    check_rating(rating)
    if evidence_url is not None:
        check_evidence_url(evidence_url)
    changes = {"status": status, "rating": rating, "note": note, "evidence": evidence_url}
    changes = {action: value for action, value in changes.items() if value is not None}
    if not changes:
        raise StoreError("nothing to mark: give a status, a rating, a note or an evidence link")
    return changes


def conflict_message(current: QuoteRecord, expected_version: int) -> str:
    return (
        f"quote {current.id} was changed by {current.reviewer or 'someone'} at {current.updated_at} "
        f"(now version {current.version}, you had {expected_version}); reload it and try again"
    )


class ReviewActions:
    @synchronized
    def history(self, quote_id: int) -> list[Review]:
        """The quote's history, oldest first. Should a new quote take the id of a deleted one, its history
        starts after that deletion."""
        self.quote(quote_id)
        return self._reviews(
            "quote_id = ?1 AND id > coalesce((SELECT max(id) FROM reviews WHERE quote_id = ?1"
            " AND action = 'delete' AND undone_by IS NULL), 0) ORDER BY id",
            [quote_id],
        )

    @synchronized
    def speaker_history(self, speaker_id: int) -> list[Review]:
        """Merges and renames of this speaker, oldest first."""
        self.speaker(speaker_id)
        return self._reviews("speaker_id = ? ORDER BY id", [speaker_id])

    @synchronized
    def action_reviews(self, review: Review) -> list[Review]:
        """Every history row of the action ``review`` belongs to (a bulk verdict or an edit writes several)."""
        return self._reviews("batch = ? ORDER BY id", [review.batch])

    @synchronized
    def review_log(
        self, *, reviewer: str | None = None, since: str | None = None, after: int = 0, limit: int = 1000
    ) -> list[Review]:
        """One page of the whole review log, oldest first: the rows after id ``after``, by ``reviewer`` only and
        from ``since`` (an ISO date or time, inclusive) on when given."""
        where, params = ["id > ?"], [after]
        if reviewer is not None:
            where.append("reviewer = ?")
            params.append(reviewer)
        if since is not None:
            where.append("at >= ?")
            params.append(since)
        return self._reviews(f"{' AND '.join(where)} ORDER BY id LIMIT ?", [*params, max(0, limit)])

    def _reviews(self, where_sql: str, params: list) -> list[Review]:
        rows = self.db.execute(f"SELECT {', '.join(_REVIEW_FIELDS)} FROM reviews WHERE {where_sql}", params)
        return [Review(**dict(zip(_REVIEW_FIELDS, row))) for row in rows]

    @synchronized
    def set_status(
        self, quote_id: int, status: str, *, reviewer: str, expected_version: int | None = None
    ) -> QuoteRecord:
        return self.mark(quote_id, status, reviewer=reviewer, expected_version=expected_version)

    @synchronized
    def set_rating(
        self, quote_id: int, rating: str | None, *, reviewer: str, expected_version: int | None = None
    ) -> QuoteRecord:
        check_rating(rating)
        return self._review_quote(quote_id, {"rating": rating}, reviewer, expected_version)

    @synchronized
    def annotate(
        self, quote_id: int, *, note: str | None = None, evidence_url: str | None = None, reviewer: str,
        expected_version: int | None = None,
    ) -> QuoteRecord:  # fmt: skip
        if evidence_url is not None:
            check_evidence_url(evidence_url)
        changes = {"note": note, "evidence": evidence_url}
        changes = {action: value for action, value in changes.items() if value is not None}
        return self._review_quote(quote_id, changes, reviewer, expected_version)

    @synchronized
    def mark(
        self, quote_id: int, status: str | None = None, *, rating: str | None = None, note: str | None = None,
        evidence_url: str | None = None, reviewer: str, expected_version: int | None = None,
    ) -> QuoteRecord:  # fmt: skip
        """Status, rating, note and evidence link, each optional (None keeps it): one transaction, one history
        row per change."""
        return self._review_quote(quote_id, _verdict(status, rating, note, evidence_url), reviewer, expected_version)

    @synchronized
    def mark_many(
        self, quote_ids: Sequence[int], status: str | None = None, *, rating: str | None = None,
        note: str | None = None, evidence_url: str | None = None, reviewer: str,
    ) -> int:  # fmt: skip
        """The same verdict for many quotes in one transaction and one history batch, so one undo reverses it
        all. Every id must exist (NotFound otherwise, and nothing is written). Returns how many changed."""
        changes = _verdict(status, rating, note, evidence_url)
        reviewer = check_reviewer(reviewer)
        check_unicode("review", [value for value in changes.values() if isinstance(value, str)])
        with self._writing():
            batch, now = self._next_batch(), utc_now()
            return sum(
                self._apply_review(quote_id, dict(changes), reviewer, None, batch=batch, now=now)
                for quote_id in dict.fromkeys(quote_ids)
            )

    @synchronized
    def reassign(
        self, quote_id: int, *, speaker_id: int | None = None, new_speaker_name: str | None = None,
        new_speaker_type: str = "person", reviewer: str, expected_version: int | None = None,
    ) -> QuoteRecord:  # fmt: skip
        """Give the quote another speaker: an existing one, or one found or created by name."""
        if (speaker_id is None) == (new_speaker_name is None):
            raise StoreError("reassign needs exactly one of speaker_id or new_speaker_name")
        check_choice("speaker type", new_speaker_type, SPEAKER_TYPES)
        if new_speaker_name is not None:
            check_speaker_name(new_speaker_name)
        return self._review_quote(
            quote_id, {"reassign": (speaker_id, new_speaker_name, new_speaker_type)}, reviewer, expected_version
        )

    def _review_quote(
        self, quote_id: int, changes: dict[str, Any], reviewer: str, expected_version: int | None
    ) -> QuoteRecord:
        """Apply ``changes`` (action -> new value) to one quote in one transaction with one history row each."""
        reviewer = check_reviewer(reviewer)
        check_unicode("review", [value for value in changes.values() if isinstance(value, str)])
        with self._writing():
            self._apply_review(quote_id, changes, reviewer, expected_version, batch=None, now=utc_now())
            return self.quote(quote_id)

    def _apply_review(
        self, quote_id: int, changes: dict[str, Any], reviewer: str, expected_version: int | None, *,
        batch: int | None, now: str,
    ) -> bool:  # fmt: skip
        """Inside a write transaction: the changes that differ from what is stored, with their history rows in
        ``batch`` (a new one when None). False when nothing changed."""
        current = self.quote(quote_id)
        if expected_version is not None and current.version != expected_version:
            raise ConflictError(conflict_message(current, expected_version), current)
        if "reassign" in changes:
            changes["reassign"] = self._reassign_target(*changes["reassign"], now=now, quote=current)
        stored = self._quote_columns(quote_id)
        changed = {a: v for a, v in changes.items() if stored[QUOTE_ACTIONS[a][0]] != v}
        if not changed:
            return False
        batch = self._next_batch() if batch is None else batch
        for action, value in changed.items():
            column, old_field, new_field = QUOTE_ACTIONS[action]
            self._append_review(
                batch, reviewer, now, action, quote_id=quote_id, **{old_field: stored[column], new_field: value}
            )
        self._update_quote(quote_id, {QUOTE_ACTIONS[a][0]: v for a, v in changed.items()}, reviewer, now)
        return True

    def _reassign_target(
        self, speaker_id: int | None, name: str | None, type_: str, *, now: str, quote: QuoteRecord
    ) -> int:
        """The speaker a quote is reassigned to; a new anonymous source or description belongs to the quote's
        article, and a speaker that belongs to another article cannot take it."""
        if speaker_id is not None:
            self._live_speaker(speaker_id)
            self._check_speaker_article(speaker_id, quote.article_id)
            return speaker_id
        return self._resolve_speaker(typed_name(name, type_), type_, now=now, article_id=quote.article_id)[0]

    def _quote_columns(self, quote_id: int) -> dict[str, Any] | None:
        """The reviewable columns of a quote (None when it was deleted), "span" as stored in the history."""
        row = self.db.execute(
            'SELECT status, rating, note, evidence_url, speaker_id, role, kind, "start", "end" FROM quotes WHERE id = ?',
            [quote_id],
        ).fetchone()
        if row is None:
            return None
        columns = dict(zip(("status", "rating", "note", "evidence_url", "speaker_id", "role", "kind"), row))
        columns["span"] = span_value(row[7], row[8])
        return columns

    def _update_quote(self, quote_id: int, values: dict[str, Any], reviewer: str, now: str) -> None:
        """One UPDATE: the changed columns, the version, who and when (and the speaker's name with the speaker,
        so full-text search finds the new speaker; the words with the span)."""
        assert set(values) <= {column for column, _, _ in QUOTE_ACTIONS.values()}  # never user text in SQL
        values = dict(values)
        if "span" in values:
            start, end = json.loads(values.pop("span"))
            values.update({'"start"': start, '"end"': end})
            # substr() counts characters as Python does; offsets were checked against the text (edits.py)
            values["text"] = self.db.execute(
                "SELECT substr(a.text, ? + 1, ?) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id = ?",
                [start, end - start, quote_id],
            ).fetchone()[0]
        assigned = [f"{column} = ?" for column in values]
        params = list(values.values())
        if "speaker_id" in values:
            assigned.append("speaker_name = (SELECT name FROM speakers WHERE id = ?)")
            params.append(values["speaker_id"])
        assigned += ["version = version + 1", "updated_at = ?", "reviewer = ?"]
        self.db.execute(
            f"UPDATE quotes SET {', '.join(assigned)} WHERE id = ?", [*params, now, reviewer, quote_id]
        )
        if "text" in values:  # new words, new claims
            self._refresh_quote_claims(quote_id)

    def _next_batch(self) -> int:
        return self.db.execute("SELECT coalesce(max(batch), 0) + 1 FROM reviews").fetchone()[0]

    def _append_review(self, batch: int, reviewer: str, at: str, action: str, **values: Any) -> int:
        columns = ["batch", "reviewer", "at", "action", *values]
        return self.db.execute(
            f"INSERT INTO reviews ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [batch, reviewer, at, action, *values.values()],
        ).lastrowid

    @synchronized
    def undo(self, *, reviewer: str | None = None) -> Review | None:
        """Reverse the latest review action not yet undone (that reviewer's, when given): every history row it
        wrote is reversed and answered by an "undo" row. Returns the first row undone, or None."""
        undoer = check_reviewer(reviewer) if reviewer is not None else default_reviewer()
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
            for review in rows:  # refuse before changing anything
                self._check_unchanged_since(review)
            now = utc_now()
            batch = self._next_batch()
            for review in reversed(rows):
                undo_id = self._reverse(review, undoer, now, batch)
                self.db.execute("UPDATE reviews SET undone_by = ? WHERE id = ?", [undo_id, review.id])
            return self._reviews("id = ?", [rows[0].id])[0]

    def _check_unchanged_since(self, review: Review) -> None:
        """ConflictError naming who changed the quote after ``review``, when its field no longer holds what
        ``review`` set (undo never overwrites someone else's later change)."""
        if review.action == "delete-article":
            sha256 = json.loads(review.old_value)["sha256"]
            again = self.db.execute("SELECT id FROM articles WHERE sha256 = ?", [sha256]).fetchone()
            if again:
                raise StoreError(f"cannot undo the deletion: the article was ingested again since as article {again[0]}")
            return
        if review.quote_id is None:
            return
        stored = self._quote_columns(review.quote_id)
        if review.action == "delete":
            if stored is None:
                return
            raise StoreError(
                f"cannot undo delete of quote {review.quote_id}: a quote ingested since has taken its id; "
                "the deleted quote stays in the history"
            )
        if stored is None:
            raise StoreError(f"cannot undo {review.action} on quote {review.quote_id}: the quote was deleted since")
        if review.action == "add":
            if self.quote(review.quote_id).version == json.loads(review.new_value)["version"]:
                return
        else:
            column, _, new_field = QUOTE_ACTIONS[review.action]
            if stored[column] == getattr(review, new_field):
                return
        later = self.db.execute(
            "SELECT reviewer, at FROM reviews WHERE quote_id = ? AND id > ? ORDER BY id DESC LIMIT 1",
            [review.quote_id, review.id],
        ).fetchone()
        who, when = later if later else ("someone", "an unknown time")
        raise ConflictError(
            f"cannot undo {review.action} on quote {review.quote_id}: changed since by {who} at {when}",
            self.quote(review.quote_id),
        )

    def _reverse(self, review: Review, reviewer: str, now: str, batch: int) -> int:
        """Put back what ``review`` changed (undo() checked its quote was not changed since; a rename is checked
        here); returns the undo row."""
        if review.action == "delete-article":
            self._restore_article(json.loads(review.old_value))
            return self._append_review(
                batch, reviewer, now, "undo", undoes=review.id, new_value=review.old_value
            )
        if review.action in WHOLE_QUOTE_ACTIONS:
            if review.action == "add":
                self._remove_quote(review.quote_id)
            else:
                self._restore_quote(json.loads(review.old_value), reviewer, now)
            return self._append_review(
                batch, reviewer, now, "undo", quote_id=review.quote_id, undoes=review.id,
                old_value=review.new_value, new_value=review.old_value,
            )  # fmt: skip
        if review.quote_id is not None:
            column, old_field, new_field = QUOTE_ACTIONS[review.action]
            before, after = getattr(review, old_field), getattr(review, new_field)
            self._update_quote(review.quote_id, {column: before}, reviewer, now)
            return self._append_review(
                batch, reviewer, now, "undo", quote_id=review.quote_id, undoes=review.id,
                **{old_field: after, new_field: before},
            )  # fmt: skip
        if review.action == "gender":
            name, _ = self._live_speaker(review.speaker_id)
            if self._gender_value(review.speaker_id) != review.new_value:
                raise StoreError(f"cannot undo the gender of speaker {review.speaker_id} ({name}): changed since")
            self._set_gender(review.speaker_id, review.old_value)
            return self._append_review(
                batch, reviewer, now, "undo", speaker_id=review.speaker_id, undoes=review.id,
                old_value=review.new_value, new_value=review.old_value,
            )  # fmt: skip
        row = self.db.execute("SELECT aliases_added FROM reviews WHERE id = ?", [review.id]).fetchone()
        added = json.loads(row[0] or "[]")
        if review.action == "rename":
            name, _ = self._live_speaker(review.speaker_id)
            if name != review.new_name:
                raise StoreError(f"cannot undo rename of speaker {review.speaker_id}: renamed since to {name!r}")
            self._set_speaker_name(review.speaker_id, review.old_name)
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
