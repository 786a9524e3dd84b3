"""Article actions of Store: the articles list, deleting an article, and putting a fresh extraction of one in
place of its quotes. Both writes are one action in the review history, undone by one undo."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from quotecheck.claims import find_claims
from quotecheck.store.base import synchronized, utc_now
from quotecheck.store.checks import check_quote, check_reviewer, clean_name
from quotecheck.store.ingest import INSERT_QUOTE, found_gender, next_quote_id, quote_row
from quotecheck.store.models import ArticleSummary
from quotecheck.store.names import name_key

if TYPE_CHECKING:
    from quotecheck.extract.model import Quote

_SUMMARY_SELECT = (
    "SELECT a.id, a.external_id, a.title, a.outlet, a.published,"
    " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id),"
    " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id AND q.status != 'unreviewed')"
    " FROM articles a WHERE a.deleted_at IS NULL"
)
# What a fresh extraction must repeat for a stored quote at the same offsets, never reviewed, to be kept as it is.
_EXTRACTED = ("speaker_id", "kind", "role", "mention_start", "mention_end", "cue", "confidence", "rule")


class ArticleActions:
    @synchronized
    def articles(self, *, limit: int = 100, offset: int = 0) -> list[ArticleSummary]:
        """Articles newest first (by publication date, then as stored), with their quote and review counts."""
        rows = self.db.execute(
            f"{_SUMMARY_SELECT} ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?", [max(0, limit), max(0, offset)]
        )
        return [ArticleSummary(*row) for row in rows]

    @synchronized
    def article_summary(self, article_id: int) -> ArticleSummary:
        self.article(article_id)  # NotFound, also for a deleted one
        return ArticleSummary(*self.db.execute(f"{_SUMMARY_SELECT} AND a.id = ?", [article_id]).fetchone())

    @synchronized
    def delete_article(self, article_id: int, *, reviewer: str) -> ArticleSummary:
        """Delete an article and its quotes (each kept whole in the history, with its reviews). The article row
        stays, hidden, its anonymous sources still tied to it, so undo brings it all back; its text can be
        ingested again meanwhile. Returns what was deleted."""
        reviewer = check_reviewer(reviewer)
        with self._writing():
            summary = self.article_summary(article_id)
            now, batch = utc_now(), self._next_batch()
            kept = {"article_id": article_id, "sha256": self.article(article_id).sha256, "title": summary.title}
            self._append_review(batch, reviewer, now, "delete-article", old_value=json.dumps(kept, ensure_ascii=False))
            quote_ids = self.db.execute("SELECT id FROM quotes WHERE article_id = ? ORDER BY id", [article_id])
            for (quote_id,) in quote_ids.fetchall():
                self._delete_recorded(quote_id, reviewer, now, batch)
            self.db.execute(
                "UPDATE articles SET deleted_at = ?, sha256 = 'deleted:' || id || ':' || sha256 WHERE id = ?",
                [now, article_id],
            )
        return summary

    def _restore_article(self, kept: dict) -> None:
        """Undo of delete_article, for the article row (its quotes come back from their own history rows)."""
        self.db.execute(
            "UPDATE articles SET deleted_at = NULL, sha256 = ? WHERE id = ?", [kept["sha256"], kept["article_id"]]
        )

    @synchronized
    def reextract_article(self, article_id: int, quotes: Sequence[Quote], *, reviewer: str) -> tuple[int, int, int]:
        """Put a fresh extraction of the article (``extract(article.text)``) in place of its quotes, as one
        action. A stored quote at the same offsets stays as it is, with its reviews, when anyone reviewed or
        edited it or when the extraction says the same; the others are deleted and the new ones added (all in
        the history). Returns (kept, deleted, added)."""
        reviewer = check_reviewer(reviewer)
        article = self.article(article_id)
        for number, quote in enumerate(quotes, start=1):
            check_quote(article.text, quote, number)
        with self._writing():
            now, batch = utc_now(), self._next_batch()
            fresh = {(quote.start, quote.end): quote for quote in quotes}
            stored = self.db.execute(
                f'SELECT id, "start", "end", {", ".join(_EXTRACTED)},'
                " EXISTS (SELECT 1 FROM reviews r WHERE r.quote_id = quotes.id)"
                " FROM quotes WHERE article_id = ? ORDER BY id",
                [article_id],
            ).fetchall()
            kept = deleted = 0
            for quote_id, start, end, *extracted, reviewed in stored:
                quote = fresh.get((start, end))
                if quote is not None and (reviewed or self._same_extraction(extracted, quote, article_id, now)):
                    del fresh[(start, end)]
                    kept += 1
                else:
                    self._delete_recorded(quote_id, reviewer, now, batch)
                    deleted += 1
            for quote in fresh.values():
                speaker_id, speaker_name = self._speaker_for(quote, article_id, now)
                quote_id = next_quote_id(self.db)  # (above every id the history names)
                claims = find_claims(quote.text)
                self.db.execute(INSERT_QUOTE, quote_row(quote_id, article_id, article, quote, speaker_id, speaker_name,
                                                        claims))  # fmt: skip
                self._insert_claims(quote_id, claims)
                self._append_review(batch, reviewer, now, "add", quote_id=quote_id, new_value=self._quote_row(quote_id))
        return kept, deleted, len(fresh)

    def _speaker_for(self, quote: Quote, article_id: int, now: str) -> tuple[int | None, str | None]:
        """The speaker row for an extracted quote, found or created the way ingest does."""
        if not quote.speaker or not name_key(quote.speaker):
            return None, None
        speaker_id = self._resolve_speaker(clean_name(quote.speaker), quote.speaker_type, now=now, article_id=article_id)[0]
        if found := found_gender(quote):
            self._note_gender(speaker_id, *found)
        return speaker_id, self._index.name(speaker_id)

    def _same_extraction(self, extracted: list, quote: Quote, article_id: int, now: str) -> bool:
        speaker_id, _ = self._speaker_for(quote, article_id, now)
        again = [speaker_id, quote.kind, quote.role, quote.mention_start, quote.mention_end, quote.cue,
                 float(quote.confidence), quote.rule or ""]  # fmt: skip
        return extracted == again
