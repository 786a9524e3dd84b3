"""The claims table: the checkable parts of each quote (quotecheck.claims), kept in the ``claims`` table with
offsets relative to the quote's text, and ``quotes.claim_rank`` (minus the number of claims, so that "checkable
claims first" is an ascending index walk like every other reading order).

Claims follow the quote's words: computed when a quote is stored (ingest, re-extraction, a quote added by hand or
put back by undo) and again when its span changes; deleted with it (ON DELETE CASCADE). Store's actions on them
are in claims.py; this module is what the schema migration needs too."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlite_utils import Database

from quotecheck.claims import Claim, find_claims

INSERT_CLAIM = 'INSERT INTO claims (quote_id, "start", "end", type, text) VALUES (?, ?, ?, ?, ?)'
# Quotes read at a time when every quote's claims are computed again.
BACKFILL_PAGE = 5000


def claim_rows(quote_id: int, claims: Sequence[Claim]) -> list[tuple]:
    return [(quote_id, claim.start, claim.end, claim.type, claim.text) for claim in claims]


def claim_rank(claims: Sequence[Claim]) -> int:
    """quotes.claim_rank: minus the number of claims."""
    return -len(claims)


def backfill_claims(db: Database) -> tuple[int, int]:
    """Compute every quote's claims again (inside the caller's transaction): (quotes with claims, claims). The
    caller makes sure no per-row trigger re-indexes each quote whose claim_rank changes (migration 9 and bulk_load
    suspend the full-text triggers)."""
    db.execute("DELETE FROM claims")
    quotes = found = 0
    after = 0
    while True:
        page = db.execute(
            "SELECT id, text, claim_rank FROM quotes WHERE id > ? ORDER BY id LIMIT ?", [after, BACKFILL_PAGE]
        ).fetchall()
        rows, ranks = [], []
        for quote_id, text, stored_rank in page:
            claims = find_claims(text or "")
            rows += claim_rows(quote_id, claims)
            if claim_rank(claims) != stored_rank:
                ranks.append((claim_rank(claims), quote_id))
            quotes += bool(claims)
        db.conn.executemany(INSERT_CLAIM, rows)
        db.conn.executemany("UPDATE quotes SET claim_rank = ? WHERE id = ?", ranks)
        found += len(rows)
        if len(page) < BACKFILL_PAGE:
            return quotes, found
        after = page[-1][0]


@contextmanager
def suspended_update_trigger(db: Database) -> Iterator[None]:
    """Drop the quotes full-text UPDATE trigger (sqlite-utils names it quotes_au) for a bulk change of claim_rank,
    which no search reads, and put the same trigger back afterwards, inside the caller's transaction."""
    row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'quotes_au'").fetchone()
    if row:
        db.execute("DROP TRIGGER quotes_au")
    yield
    if row:
        db.execute(row[0])
