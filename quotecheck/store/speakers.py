"""Speaker actions of Store: listing, fuzzy search, merge and rename."""

from __future__ import annotations

import json

from quotecheck.store.base import synchronized, utc_now
from quotecheck.store.checks import check_choice, check_reviewer, check_speaker_name, clean_name
from quotecheck.store.models import GENDERS, NameTaken, NotFound, SpeakerRecord, StoreError
from quotecheck.store.names import name_key

PICKER_CUTOFF = 60  # the picker and speakers(query) show matches scoring at least this (0..100)
ROLES_PER_SPEAKER = 5
# A speaker's roles: the most frequent among their 50 latest quotes that state one (bounded work however
# prolific the speaker).
_RECENT_ROLES = """
SELECT role FROM (
    SELECT role FROM quotes WHERE speaker_id = ?1 AND role IS NOT NULL AND role != ''
    ORDER BY published DESC, article_id DESC, "start" DESC, id DESC LIMIT 50
) GROUP BY role ORDER BY count(*) DESC, role LIMIT ?2
"""


def gender_value(gender: str | None, source: str | None) -> str:
    """A speaker's gender as the history keeps it: ``{"gender": ..., "source": ...}``."""
    return json.dumps({"gender": gender, "source": source})


class SpeakerActions:
    @synchronized
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
        offset, limit = max(0, offset), max(0, limit)
        return [record for record, _ in self._ranked_matches(query, offset, offset + limit)]

    @synchronized
    def match_speakers(
        self, query: str, *, limit: int = 10, article_id: int | None = None
    ) -> list[tuple[SpeakerRecord, float]]:
        """The fuzzy picker: (speaker, score 0..100), best first; ties go to the most quoted. With ``article_id``:
        only speakers a quote of that article can be given (the shared ones, and that article's own anonymous
        sources and descriptions)."""
        return self._ranked_matches(query, 0, max(0, limit), article_id=article_id)

    def _ranked_matches(
        self, query: str, start: int, stop: int, *, article_id: int | None = None
    ) -> list[tuple[SpeakerRecord, float]]:
        """Matches ``start:stop`` of the ranking (score, then quote count): only those become full records."""
        index = self._sync_index()
        scored = index.search(name_key(query), score_cutoff=PICKER_CUTOFF)
        if article_id is not None:
            scored = [item for item in scored if index.article_of(item[0]) in (None, article_id)]
        counts = dict(
            self.db.execute(
                "SELECT id, quote_count FROM speakers WHERE id IN (SELECT value FROM json_each(?))",
                [json.dumps([speaker_id for speaker_id, _ in scored])],
            )
        )
        scored.sort(key=lambda item: (-item[1], -counts.get(item[0], 0), item[0]))
        page = scored[start:stop]
        records = {record.id: record for record in self._speaker_records([speaker_id for speaker_id, _ in page])}
        return [(records[speaker_id], score) for speaker_id, score in page if speaker_id in records]

    @synchronized
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
            "SELECT id, name, type, quote_count, reviewed_count, merged_into, article_id, gender, gender_source"
            " FROM speakers"
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
        for speaker_id, name, type_, quote_count, reviewed_count, merged_into, article_id, gender, source in rows:
            roles = tuple(row[0] for row in self.db.execute(_RECENT_ROLES, [speaker_id, ROLES_PER_SPEAKER]))
            by_id[speaker_id] = SpeakerRecord(
                id=speaker_id, name=name, type=type_, roles=roles, aliases=tuple(aliases.get(speaker_id, ())),
                quote_count=quote_count, reviewed_count=reviewed_count, merged_into=merged_into,
                article_id=article_id, gender=gender, gender_source=source,
            )  # fmt: skip
        return [by_id[speaker_id] for speaker_id in ids if speaker_id in by_id]

    def _live_speaker(self, speaker_id: int) -> tuple[str, str | None]:
        row = self.db.execute("SELECT name, type, merged_into FROM speakers WHERE id = ?", [speaker_id]).fetchone()
        if row is None:
            raise NotFound(f"no speaker with id {speaker_id}")
        if row[2] is not None:
            raise StoreError(f"speaker {speaker_id} ({row[0]}) was merged into speaker {row[2]}")
        return row[0], row[1]

    def _check_speaker_article(self, speaker_id: int, article_id: int) -> None:
        """StoreError unless the speaker may speak in ``article_id``: a shared speaker may, an article-scoped one
        (an anonymous source or a description) only in its own article."""
        name, own = self.db.execute("SELECT name, article_id FROM speakers WHERE id = ?", [speaker_id]).fetchone()
        if own is not None and own != article_id:
            raise StoreError(
                f"speaker {speaker_id} ({name}) belongs to article {own} only, not to article {article_id}"
            )

    @synchronized
    def merge_speakers(self, keep_id: int, merge_id: int, *, reviewer: str) -> SpeakerRecord:
        """Move every quote and alias of ``merge_id`` to ``keep_id``; the merged speaker stays (hidden) so the
        history keeps pointing at it and undo can split them again."""
        reviewer = check_reviewer(reviewer)
        if keep_id == merge_id:
            raise StoreError("cannot merge a speaker into itself")
        with self._writing():
            keep_name, _ = self._live_speaker(keep_id)
            merge_name, _ = self._live_speaker(merge_id)
            for (article_id,) in self.db.execute(
                "SELECT DISTINCT article_id FROM quotes WHERE speaker_id = ?", [merge_id]
            ).fetchall():
                self._check_speaker_article(keep_id, article_id)
            now = utc_now()
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

    @synchronized
    def rename_speaker(self, speaker_id: int, new_name: str, *, reviewer: str) -> SpeakerRecord:
        """Rename; the old name stays as an alias so later articles using it still find this speaker. A name
        another speaker has (accents, case and punctuation aside) raises NameTaken: merge them instead."""
        reviewer = check_reviewer(reviewer)
        new_name = clean_name(new_name)
        check_speaker_name(new_name)
        with self._writing():
            old_name, _ = self._live_speaker(speaker_id)
            if new_name == old_name:
                return self.speaker(speaker_id)
            taken = self.db.execute(
                "SELECT id, name FROM speakers WHERE key = ? AND merged_into IS NULL AND id != ?"
                " AND article_id IS (SELECT article_id FROM speakers WHERE id = ?) ORDER BY quote_count DESC LIMIT 1",
                [name_key(new_name), speaker_id, speaker_id],
            ).fetchone()
            if taken:
                raise NameTaken(
                    f"speaker {taken[0]} is named {taken[1]!r} already; merge the two instead of renaming", taken[0]
                )
            now = utc_now()
            added = [old_name] if self._add_alias(speaker_id, old_name) else []
            self._append_review(
                self._next_batch(), reviewer, now, "rename", speaker_id=speaker_id, old_name=old_name,
                new_name=new_name, aliases_added=json.dumps(added),
            )  # fmt: skip
            self._set_speaker_name(speaker_id, new_name)
        return self.speaker(speaker_id)

    @synchronized
    def set_speaker_gender(self, speaker_id: int, gender: str | None, *, reviewer: str) -> SpeakerRecord:
        """A reviewer's word on a person's gender: "female", "male", or None to clear it (unknown, and ingest
        leaves it so). Recorded in the history; undo puts back what was there."""
        reviewer = check_reviewer(reviewer)
        if gender is not None:
            check_choice("gender", gender, GENDERS)
        with self._writing():
            name, type_ = self._live_speaker(speaker_id)
            if type_ != "person":
                raise StoreError(f"speaker {speaker_id} ({name}) is {type_ or 'untyped'}, not a person: no gender")
            before = self._gender_value(speaker_id)
            after = gender_value(gender, "reviewer")
            if after != before:
                self._append_review(
                    self._next_batch(), reviewer, utc_now(), "gender", speaker_id=speaker_id, old_value=before,
                    new_value=after,
                )  # fmt: skip
                self._set_gender(speaker_id, after)
        return self.speaker(speaker_id)

    def _gender_value(self, speaker_id: int) -> str:
        gender, source = self.db.execute(
            "SELECT gender, gender_source FROM speakers WHERE id = ?", [speaker_id]
        ).fetchone()
        return gender_value(gender, source)

    def _set_gender(self, speaker_id: int, value: str) -> None:
        stored = json.loads(value)
        self.db.execute(
            "UPDATE speakers SET gender = ?, gender_source = ? WHERE id = ?",
            [stored["gender"], stored["source"], speaker_id],
        )

    def _set_speaker_name(self, speaker_id: int, name: str) -> None:
        key = name_key(name)
        self.db.execute("UPDATE speakers SET name = ?, key = ? WHERE id = ?", [name, key, speaker_id])
        self.db.execute("UPDATE quotes SET speaker_name = ? WHERE speaker_id = ?", [name, speaker_id])
        self._reload_index()
