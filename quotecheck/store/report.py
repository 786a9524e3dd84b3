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
        # every filter's FROM names the quotes table q; the month is the first seven characters of the date
        where = query.where_sql or "WHERE 1"  # (so that more conditions can follow with AND)
        chosen = (
            f"{query.from_sql} JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id"
            f" {where}"
        )
        params = query.params
        quotes = [
            QuoteTally(*row)
            for row in self.db.execute(
                f"SELECT coalesce(a.outlet, ''), substr(q.published, 1, 7), s.type, q.role, q.status, q.rating,"
                f" count(*) {chosen} GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6",
                params,
            )
        ]
        people = [
            PersonTally(*row)
            for row in self.db.execute(
                f"SELECT s.id, s.name, s.gender, s.gender_source, coalesce(a.outlet, ''), substr(q.published, 1, 7),"
                f" count(*) {chosen} AND s.type = 'person' GROUP BY 1, 5, 6 ORDER BY 1, 5, 6",
                params,
            )
        ]
        ranked = self.db.execute(
            f"SELECT q.speaker_id, count(*) {query.from_sql} {where} AND q.speaker_id IS NOT NULL GROUP BY 1"
            " ORDER BY 2 DESC, 1 LIMIT ?",
            [*params, max(0, top)],
        ).fetchall()
        records = {record.id: record for record in self._speaker_records([speaker_id for speaker_id, _ in ranked])}
        articles = self.db.execute(f"SELECT count(DISTINCT q.article_id) {query.sql}", params).fetchone()[0]
        return ReportData(
            articles=articles,
            quotes=tuple(quotes),
            people=tuple(people),
            top_speakers=tuple((records[speaker_id], count) for speaker_id, count in ranked),
        )
