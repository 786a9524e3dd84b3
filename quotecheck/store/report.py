"""Report action of Store: the tallies behind "who gets quoted" (speaker types, roles, outlets, months, genders,
verdicts), grouped in SQL so a million quotes come back as a few thousand rows."""

from __future__ import annotations

from quotecheck.store.base import synchronized
from quotecheck.store.models import PersonTally, QuoteFilter, QuoteTally, ReportData

TOP_SPEAKERS = 10


class ReportQueries:
    @synchronized
    def report_data(self, filter: QuoteFilter = QuoteFilter(), *, top: int = TOP_SPEAKERS) -> ReportData:  # noqa: A002
        """The tallies of the quotes matching ``filter`` (every quote by default)."""
        query = self._query(filter)
        chosen = (
            f"FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id"
            f" WHERE q.id IN (SELECT q.id {query.sql})"
        )
        params = query.params
        quotes = [
            QuoteTally(*row)
            for row in self.db.execute(
                f"SELECT coalesce(a.outlet, ''), q.published, s.type, q.role, q.status, q.rating, count(*) {chosen}"
                " GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6",
                params,
            )
        ]
        people = [
            PersonTally(*row)
            for row in self.db.execute(
                f"SELECT s.id, s.name, s.gender, s.gender_source, coalesce(a.outlet, ''), q.published, count(*)"
                f" {chosen} AND s.type = 'person' GROUP BY 1, 5, 6 ORDER BY 1, 5, 6",
                params,
            )
        ]
        ranked = self.db.execute(
            f"SELECT s.id, count(*) {chosen} AND s.id IS NOT NULL GROUP BY s.id ORDER BY 2 DESC, s.id LIMIT ?",
            [*params, max(0, top)],
        ).fetchall()
        records = {record.id: record for record in self._speaker_records([speaker_id for speaker_id, _ in ranked])}
        articles = self.db.execute(f"SELECT count(DISTINCT q.article_id) {chosen}", params).fetchone()[0]
        return ReportData(
            articles=articles,
            quotes=tuple(quotes),
            people=tuple(people),
            top_speakers=tuple((records[speaker_id], count) for speaker_id, count in ranked),
        )
