"""Fast loading of a large, already-attributed collection into a new database (benchmarks, imports).

Unlike Store.add_article it does not match speakers by name: the caller says who is who. Per-row triggers are
dropped for the load and the FTS index and speaker counts are built once at the end, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from quotecheck.store import schema
from quotecheck.store.base import utc_now
from quotecheck.store.models import StoreError
from quotecheck.store.names import name_key, surname
from quotecheck.store.checks import check_quote
from quotecheck.store.claim_table import backfill_claims
from quotecheck.store.ingest import INSERT_QUOTE, quote_row, text_digest
from quotecheck.store.store import Store

if TYPE_CHECKING:
    from quotecheck.extract.model import Quote
    from quotecheck.read.model import Article

ARTICLES_PER_BATCH = 2000


def bulk_load(
    path: str | Path,
    speakers: Sequence[tuple[str, str | None]],
    articles: Iterable[tuple[Article, Sequence[Quote]]],
) -> tuple[int, int]:
    """Load into an empty database at ``path``; every ``Quote.speaker`` must be one of ``speakers`` (name, type),
    which become speaker ids 1..n in that order. Returns (articles, quotes) loaded."""
    speaker_ids = {name: number for number, (name, _) in enumerate(speakers, start=1)}
    if len(speaker_ids) != len(speakers):
        raise StoreError("bulk_load: speaker names must be unique")
    now = utc_now()
    with Store(path) as store:
        db = store.db
        if db.execute("SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM speakers)").fetchone()[0]:
            raise StoreError(f"{path}: bulk_load needs an empty database")
        quotes_table = db["quotes"]
        db.execute("BEGIN IMMEDIATE")
        try:
            quotes_table.disable_fts()
            for trigger in schema.SPEAKER_COUNT_TRIGGER_NAMES:
                db.execute(f"DROP TRIGGER {trigger}")
            db.conn.executemany(
                "INSERT INTO speakers (id, name, type, key, created_at) VALUES (?, ?, ?, ?, ?)",
                [(number, name, type_, name_key(name), now) for number, (name, type_) in enumerate(speakers, start=1)],
            )
            db.conn.executemany(
                "INSERT INTO speaker_aliases (speaker_id, alias, key) VALUES (?, ?, ?)",
                [
                    (number, last, name_key(last))
                    for number, (name, type_) in enumerate(speakers, start=1)
                    if type_ == "person" and (last := surname(name))
                ],
            )
            article_count = quote_count = 0
            batches = iter(articles)
            while batch := list(islice(batches, ARTICLES_PER_BATCH)):
                article_rows, quote_rows = [], []
                for article, quotes in batch:
                    article_count += 1
                    article_rows.append(
                        (article_count, article.title, article.outlet, article.url, article.published, article.text,
                         text_digest(article.text), article.source,
                         article.external_id, now)
                    )  # fmt: skip
                    for number, quote in enumerate(quotes, start=1):
                        check_quote(article.text, quote, number)
                        speaker_id = speaker_ids[quote.speaker] if quote.speaker else None
                        quote_rows.append(quote_row(None, article_count, article, quote, speaker_id, quote.speaker, ()))
                quote_count += len(quote_rows)
                db.conn.executemany(
                    "INSERT INTO articles (id, title, outlet, url, published, text, sha256, source, external_id,"
                    " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    article_rows,
                )
                db.conn.executemany(INSERT_QUOTE, quote_rows)
            db.execute(
                "UPDATE speakers SET quote_count = counts.quotes, reviewed_count = counts.reviewed FROM"
                " (SELECT speaker_id, count(*) AS quotes, sum(status != 'unreviewed') AS reviewed FROM quotes"
                "  WHERE speaker_id IS NOT NULL GROUP BY speaker_id) AS counts WHERE counts.speaker_id = speakers.id"
            )
            db.executescript(schema.SPEAKER_COUNT_TRIGGERS)
            backfill_claims(db)  # before the full-text triggers come back
            quotes_table.enable_fts(schema.QUOTES_FTS_COLUMNS, create_triggers=True, tokenize=schema.FTS_TOKENIZE)
            db.commit()
        except KeyError as error:
            db.rollback()
            raise StoreError(f"bulk_load: quote speaker {error} is not in the speakers list") from None
        except BaseException:
            db.rollback()
            raise
        db.execute("ANALYZE")
    return article_count, quote_count
