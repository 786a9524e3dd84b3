"""Primary sources of speakers, and checking quotes against them (the alignment itself is quotecheck.verify)."""

from __future__ import annotations

import hashlib

from quotecheck.store.base import synchronized, utc_now
from quotecheck.store.models import NotFound, QuoteRecord, SourceRecord, StoreError, Verification
from quotecheck.store.queries import _QUOTE_SELECT
from quotecheck.verify import NOT_FOUND, Alignment, SourceIndex, location

_SOURCE_SELECT = """SELECT src.id, src.speaker_id, s.name, src.title, src.url, src.date, src.path, src.text,
    src.added FROM sources src JOIN speakers s ON s.id = src.speaker_id"""


class SourceActions:
    @synchronized
    def add_source(
        self, speaker_id: int, text: str, *, title: str | None = None, url: str | None = None,
        date: str | None = None, path: str | None = None,
    ) -> tuple[SourceRecord, bool]:  # fmt: skip
        """Store a primary source of the speaker; (the record, True) when new, (the stored one, False) when the
        speaker already has this text."""
        if not text.strip():
            raise StoreError(f"{path or 'the source'}: no text")
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        with self._writing():
            self._live_speaker(speaker_id)
            row = self.db.execute(
                "SELECT id FROM sources WHERE speaker_id = ? AND sha256 = ?", [speaker_id, sha256]
            ).fetchone()
            new = row is None
            if new:
                source_id = self.db.execute(
                    "INSERT INTO sources (speaker_id, title, url, date, path, text, sha256, added)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [speaker_id, title, url, date, path, text, sha256, utc_now()],
                ).lastrowid
            else:
                source_id = row[0]
        return self._source_records(f"{_SOURCE_SELECT} WHERE src.id = ?", [source_id])[0], new

    @synchronized
    def sources(self, speaker_id: int | None = None) -> list[SourceRecord]:
        """The sources of one speaker, or of everyone, in the order they were added."""
        if speaker_id is None:
            return self._source_records(f"{_SOURCE_SELECT} ORDER BY src.id", [])
        return self._source_records(f"{_SOURCE_SELECT} WHERE src.speaker_id = ? ORDER BY src.id", [speaker_id])

    @synchronized
    def verify_quotes(self, quote_ids: list[int] | None = None, *, speaker_id: int | None = None) -> list[Verification]:
        """Check the quotes ``quote_ids``, or every quote of ``speaker_id``, against their speaker's sources; in
        the order given (a speaker's quotes in reading order). A quote without a speaker, or whose speaker has no
        source, comes back not found with no passage."""
        if quote_ids is None:
            if speaker_id is None:
                raise ValueError("give quote ids or a speaker")
            self._live_speaker(speaker_id)
            records = self._quote_records(
                f'{_QUOTE_SELECT} WHERE q.speaker_id = ? ORDER BY q.published, q.article_id, q."start", q.id',
                [speaker_id],
            )
        else:
            records = []
            for quote_id in quote_ids:
                found = self._quote_records(f"{_QUOTE_SELECT} WHERE q.id = ?", [quote_id])
                if not found:
                    raise NotFound(f"no quote with id {quote_id}")
                records += found
        indexes: dict[int, tuple[SourceIndex, dict[int, SourceRecord]]] = {}
        checked = []
        for record in records:
            if record.speaker_id is None:
                checked.append(Verification(record, Alignment(NOT_FOUND, 0.0), None, None))
                continue
            if record.speaker_id not in indexes:  # one index per speaker, built once
                sources = {
                    source.id: source
                    for source in self._source_records(
                        f"{_SOURCE_SELECT} WHERE src.speaker_id = ? ORDER BY src.id", [record.speaker_id]
                    )
                }
                indexes[record.speaker_id] = (
                    SourceIndex((source.id, source.text) for source in sources.values()), sources
                )
            index, sources = indexes[record.speaker_id]
            alignment = index.verify(record.text)
            source = sources.get(alignment.source_id)
            where = location(source.text, alignment.start) if source is not None and alignment.start is not None else None
            checked.append(Verification(record, alignment, source, where))
        return checked

    def _source_records(self, sql: str, parameters: list) -> list[SourceRecord]:
        return [SourceRecord(*row) for row in self.db.execute(sql, parameters)]

    def _quote_records(self, sql: str, parameters: list) -> list[QuoteRecord]:
        return [QuoteRecord.from_row(row) for row in self.db.execute(sql, parameters)]
