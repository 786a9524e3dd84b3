"""Claim actions of Store: counts, computing every quote's claims again, and the helpers the write paths use to
keep a quote's claims in step with its words (the table itself: claim_table.py)."""

from __future__ import annotations

from collections.abc import Sequence

from quotecheck.claims import CLAIM_TYPES, Claim, find_claims
from quotecheck.store.base import synchronized
from quotecheck.store.claim_table import INSERT_CLAIM, backfill_claims, claim_rank, claim_rows, suspended_update_trigger


class ClaimActions:
    @synchronized
    def claim_counts(self) -> dict[str, int]:
        """How many claims of each type the database holds (every type, 0 when none)."""
        counts = dict(self.db.execute("SELECT type, count(*) FROM claims GROUP BY type").fetchall())
        return {type_: counts.get(type_, 0) for type_ in CLAIM_TYPES}

    @synchronized
    def refresh_claims(self) -> tuple[int, int]:
        """Compute every quote's claims again, after the rules or their word lists changed: (quotes with claims,
        claims). One transaction; the full-text index is left alone (claims change no searchable column)."""
        with self._writing():
            with suspended_update_trigger(self.db):
                return backfill_claims(self.db)

    def _insert_claims(self, quote_id: int, claims: Sequence[Claim]) -> None:
        self.db.conn.executemany(INSERT_CLAIM, claim_rows(quote_id, claims))

    def _refresh_quote_claims(self, quote_id: int) -> None:
        """Inside a write transaction: the quote's claims from its stored words (after its span changed, or when
        it was put back)."""
        text, stored_rank = self.db.execute("SELECT text, claim_rank FROM quotes WHERE id = ?", [quote_id]).fetchone()
        claims = find_claims(text)
        self.db.execute("DELETE FROM claims WHERE quote_id = ?", [quote_id])
        self._insert_claims(quote_id, claims)
        if claim_rank(claims) != stored_rank:
            self.db.execute("UPDATE quotes SET claim_rank = ? WHERE id = ?", [claim_rank(claims), quote_id])
