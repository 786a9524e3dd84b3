"""The database schema as a list of migrations, driven by ``PRAGMA user_version``.

Migration N takes a database at version N-1 to version N. Released migrations are never edited: a change to the
schema is a new function appended to MIGRATIONS. Every migration runs inside the caller's transaction, so an
upgrade is all or nothing.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from quotecheck.store import claim_table, identity
from quotecheck.store.models import StoreError

BUSY_TIMEOUT_MS = 5000
CACHE_KIB = 64_000
WAL_AUTOCHECKPOINT_PAGES = 10_000
# Porter stemming so "refugee" finds "refugees"; diacritics folded so "Linkevicius" finds "Linkevičius".
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"
QUOTES_FTS_COLUMNS = ["text", "speaker_name"]  # as of migration 2
SPEAKERS_FTS_COLUMNS = ["name"]  # as of migration 7


# Every quotecheck database has these; a SQLite file without them belongs to another application.
QUOTECHECK_TABLES = frozenset({"articles", "quotes", "speakers", "reviews"})


def connect(path: str | Path, *, wal: bool = True) -> Database:
    """A connection with the settings every connection needs (foreign keys and busy timeout are per connection).
    ``wal`` switches the file to WAL mode, a change stored in the file: only for a file quotecheck may write.

    ``check_same_thread=False`` because the review app calls the store from worker threads; Store serialises
    its calls with a lock."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    db = Database(conn)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if wal:
        use_wal(db)
    # Safe with WAL: a crash can lose the last commits but never corrupts the file.
    db.execute("PRAGMA synchronous = NORMAL")
    # Ingest dirties index pages all over a big file: a larger page cache, and checkpoints (each one an fsync)
    # every 40 MB of WAL rather than every 4 MB, halve the time per article.
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    db.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
    return db


def use_wal(db: Database) -> None:
    """Switch to WAL. The switch needs the file to itself and SQLite does not wait for that (two processes
    creating one database at once would fail with "database is locked"), so wait here like any write does."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            db.enable_wal()
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def stored_version(path: Path) -> int | None:
    """The schema version of the quotecheck database at ``path``; None when there is no file or it is empty (0
    bytes), the only places a database may be created. Any other file raises StoreError: it is read through a
    read-only connection, so a file that is refused is left exactly as it was."""
    try:
        if path.stat().st_size == 0 and path.is_file():
            return None
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(f"{path}: cannot read it ({error.strerror or error})") from None
    if path.is_dir():
        raise StoreError(f"{path}: is a directory, not a database file")
    sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    there_before = [sidecar.exists() for sidecar in sidecars]
    try:
        # A SQLite database with nothing in it is most likely one another quotecheck process is creating: switched
        # to WAL (which writes the header), its first migration not yet committed. Wait for it as a write would.
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while not any(found := _schema_of(path, sidecars)) and time.monotonic() < deadline:
            time.sleep(0.05)
        version, tables = found
        check_ours(path, version, tables)
    except StoreError:
        _remove_new_sidecars(sidecars, there_before)
        raise
    return version


def _schema_of(path: Path, sidecars: list[Path]) -> tuple[int, set[str]]:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error as error:
        if "readonly" in str(error):  # a WAL file's reader must create its -shm beside it
            raise StoreError(f"{path}: cannot open it: its directory is read-only, and SQLite needs to create "
                             f"{sidecars[1].name} beside the database ({error})") from None  # fmt: skip
        raise StoreError(f"{path}: not a quotecheck database ({error})") from None
    return version, tables


def _remove_new_sidecars(sidecars: list[Path], there_before: list[bool]) -> None:
    """A refused file is left as it was found: without the -wal and -shm files a reader of a file in WAL mode
    creates (when SQLite could not remove them itself, as for a damaged file), unless they hold data."""
    wal, _ = sidecars
    if any(there_before) or (wal.exists() and wal.stat().st_size):
        return
    for sidecar in sidecars:
        sidecar.unlink(missing_ok=True)


def check_ours(path: str | Path, version: int, tables: set[str]) -> None:
    """Refuse a database quotecheck did not make, or made by a newer quotecheck."""
    if not QUOTECHECK_TABLES <= tables:
        raise StoreError(f"{path}: not a quotecheck database (a SQLite file with other tables); left untouched")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: made by a newer quotecheck (schema {version}, this one knows {SCHEMA_VERSION}); "
            "upgrade quotecheck"
        )


def schema_version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: Database, *, target: int | None = None) -> int:
    """Bring the schema up to ``target`` (default: current) in one write transaction; returns the version. An empty
    file gets the whole schema; a file with other tables is refused."""
    target = len(MIGRATIONS) if target is None else target
    db.execute("BEGIN IMMEDIATE")  # take the write lock first, so two processes never migrate at once
    try:
        version = schema_version(db)
        if version or db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            # checked again under the lock: another process may have written the file since it was inspected
            check_ours(db.conn.execute("PRAGMA database_list").fetchone()[2], version, set(db.table_names()))
        for number in range(version + 1, target + 1):
            MIGRATIONS[number - 1](db)
            db.execute(f"PRAGMA user_version = {number}")
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return max(version, target)


# Bumped when speaker names change or go (not when added: new rows show as higher ids), so a Store in another
# process knows its in-memory name index must be rebuilt.
EPOCH_TRIGGERS = """
CREATE TRIGGER speakers_epoch_au AFTER UPDATE OF name, key, type, merged_into ON speakers BEGIN
  UPDATE speaker_epoch SET epoch = epoch + 1 WHERE id = 1;
END;
CREATE TRIGGER speakers_epoch_ad AFTER DELETE ON speakers BEGIN
  UPDATE speaker_epoch SET epoch = epoch + 1 WHERE id = 1;
END;
CREATE TRIGGER speaker_aliases_epoch_ad AFTER DELETE ON speaker_aliases BEGIN
  UPDATE speaker_epoch SET epoch = epoch + 1 WHERE id = 1;
END;
"""
# speakers.quote_count / reviewed_count follow the quotes, whoever writes them.
SPEAKER_COUNT_TRIGGERS = """
CREATE TRIGGER quotes_speaker_counts_ai AFTER INSERT ON quotes WHEN new.speaker_id IS NOT NULL BEGIN
  UPDATE speakers SET quote_count = quote_count + 1,
                      reviewed_count = reviewed_count + (new.status != 'unreviewed')
  WHERE id = new.speaker_id;
END;
CREATE TRIGGER quotes_speaker_counts_ad AFTER DELETE ON quotes WHEN old.speaker_id IS NOT NULL BEGIN
  UPDATE speakers SET quote_count = quote_count - 1,
                      reviewed_count = reviewed_count - (old.status != 'unreviewed')
  WHERE id = old.speaker_id;
END;
CREATE TRIGGER quotes_speaker_counts_au AFTER UPDATE OF speaker_id, status ON quotes BEGIN
  UPDATE speakers SET quote_count = quote_count - 1,
                      reviewed_count = reviewed_count - (old.status != 'unreviewed')
  WHERE id = old.speaker_id;
  UPDATE speakers SET quote_count = quote_count + 1,
                      reviewed_count = reviewed_count + (new.status != 'unreviewed')
  WHERE id = new.speaker_id;
END;
"""
SPEAKER_COUNT_TRIGGER_NAMES = ("quotes_speaker_counts_ai", "quotes_speaker_counts_ad", "quotes_speaker_counts_au")


def _v1_tables(db: Database) -> None:
    """articles, speakers, speaker_aliases, quotes, reviews; FTS on quote text."""
    db["articles"].create(
        {
            "id": int, "title": str, "outlet": str, "url": str, "published": str, "text": str,
            "sha256": str, "source": str, "external_id": str, "ingested_at": str,
        },
        pk="id",
        not_null=["text", "sha256", "ingested_at"],
    )  # fmt: skip
    db["articles"].create_index(["sha256"], unique=True)
    # outlets are filtered case-insensitively ("lrt" finds "LRT")
    db.execute("CREATE INDEX idx_articles_outlet ON articles (outlet COLLATE NOCASE)")

    db["speakers"].create(
        {
            "id": int, "name": str, "type": str, "key": str, "merged_into": int,
            "quote_count": int, "reviewed_count": int, "created_at": str,
        },
        pk="id",
        not_null=["name", "key", "quote_count", "reviewed_count"],
        defaults={"quote_count": 0, "reviewed_count": 0},
        foreign_keys=[("merged_into", "speakers", "id")],
    )  # fmt: skip

    db["speaker_aliases"].create(
        {"id": int, "speaker_id": int, "alias": str, "key": str},
        pk="id",
        not_null=["speaker_id", "alias", "key"],
        foreign_keys=[("speaker_id", "speakers", "id")],
    )
    db["speaker_aliases"].create_index(["speaker_id", "alias"], unique=True)

    db["quotes"].create(
        {
            "id": int, "article_id": int, "speaker_id": int, "published": str, "start": int, "end": int,
            "text": str, "kind": str, "role": str, "mention_start": int, "mention_end": int, "cue": str,
            "confidence": float, "rule": str, "status": str, "rating": str, "note": str, "evidence_url": str,
            "reviewer": str, "updated_at": str, "version": int,
        },
        pk="id",
        not_null=["article_id", "published", "start", "end", "text", "kind", "confidence", "rule", "status", "version"],
        defaults={"published": "", "confidence": 0.0, "rule": "", "status": "unreviewed", "version": 1},
        foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")],
    )  # fmt: skip
    # "published" is the article's date copied onto each quote ("" when unknown) so the default reading order
    # (published, article, position) is one index and keyset pages never need a join or an OFFSET.
    order = ["published", "article_id", "start", "id"]
    quotes = db["quotes"]
    quotes.create_index(["article_id", "start"])
    quotes.create_index(order, index_name="idx_quotes_order")
    quotes.create_index(["status", *order], index_name="idx_quotes_status_order")
    quotes.create_index(["speaker_id", *order], index_name="idx_quotes_speaker_order")
    quotes.create_index(["confidence", "id"])
    quotes.create_index(["kind"])  # counts by kind; pages filtered by kind walk idx_quotes_order (see filters.py)
    quotes.create_index(["status", "confidence", "id"])
    # Partial: most quotes are never rated, and "rated only" is the one question asked of this column.
    db.execute("CREATE INDEX idx_quotes_rated ON quotes (rating) WHERE rating IS NOT NULL")

    db["reviews"].create(
        {
            "id": int, "batch": int, "quote_id": int, "speaker_id": int, "reviewer": str, "action": str,
            "old_status": str, "new_status": str, "old_rating": str, "new_rating": str,
            "old_note": str, "note": str, "old_evidence_url": str, "evidence_url": str,
            "old_speaker_id": int, "new_speaker_id": int, "old_name": str, "new_name": str,
            "aliases_added": str, "undoes": int, "undone_by": int, "at": str,
        },
        pk="id",
        not_null=["batch", "reviewer", "action", "at"],
        foreign_keys=[
            ("quote_id", "quotes", "id"),
            ("speaker_id", "speakers", "id"),
            ("old_speaker_id", "speakers", "id"),
            ("new_speaker_id", "speakers", "id"),
            ("undoes", "reviews", "id"),
            ("undone_by", "reviews", "id"),
        ],
    )  # fmt: skip
    db["reviews"].create_index(["quote_id", "id"])
    db["reviews"].create_index(["speaker_id"])
    db["reviews"].create_index(["batch"])
    db["reviews"].create_index(["reviewer", "id"])

    db["speaker_epoch"].create({"id": int, "epoch": int}, pk="id", not_null=["epoch"])
    db["speaker_epoch"].insert({"id": 1, "epoch": 0})
    db.executescript(EPOCH_TRIGGERS)
    db.executescript(SPEAKER_COUNT_TRIGGERS)
    quotes.enable_fts(["text"], create_triggers=True, tokenize=FTS_TOKENIZE)


def _v2_speaker_search(db: Database) -> None:
    """Speaker names searchable: quotes.speaker_name (kept in step by the store) joins the quotes FTS index,
    so "Marcelino refugees" matches quotes by Marcelino about refugees."""
    quotes = db["quotes"]
    quotes.disable_fts()  # re-indexing row by row through the old triggers would be wasted work
    quotes.add_column("speaker_name", str)
    db.execute(
        "UPDATE quotes SET speaker_name = (SELECT name FROM speakers WHERE speakers.id = quotes.speaker_id) "
        "WHERE speaker_id IS NOT NULL"
    )
    quotes.enable_fts(QUOTES_FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZE)


def _v3_article_speakers(db: Database) -> None:
    """speakers.article_id: anonymous sources and descriptions ("a spokesman", "the company") belong to one
    article. Every speaker gets a type.

    The existing rows are brought in line: an untyped speaker gets the type its name suggests
    (identity.infer_type); a live anonymous or description speaker is tied to the article of its quotes, and one
    quoted in several articles is split, the first article keeping the row and each other article getting a copy
    that its quotes move to (no review rows: nobody's judgement changed; counts follow by trigger). Person and
    organisation rows for the same name stay as they are: `quotecheck speakers merge` joins them. This migration
    reads the word lists in lexicon/ as they are when it runs."""
    # ALTER TABLE rather than table.transform(): rebuilding speakers would drop its epoch triggers. A column
    # added with REFERENCES must default to NULL, which it does.
    db.execute("ALTER TABLE speakers ADD COLUMN article_id INTEGER REFERENCES articles(id)")
    db.execute("CREATE INDEX idx_speakers_article ON speakers (article_id, key) WHERE article_id IS NOT NULL")
    rows = db.execute("SELECT id, name, type FROM speakers WHERE merged_into IS NULL ORDER BY id").fetchall()
    for speaker_id, name, type_ in rows:
        if type_ is None:
            type_ = identity.infer_type(name)
            db.execute("UPDATE speakers SET type = ? WHERE id = ?", [type_, speaker_id])
        if not identity.is_article_scoped(name, type_):
            continue
        articles = [
            row[0]
            for row in db.execute(
                "SELECT article_id FROM quotes WHERE speaker_id = ? GROUP BY article_id ORDER BY min(id)", [speaker_id]
            )
        ]
        if not articles:
            continue
        db.execute("UPDATE speakers SET article_id = ? WHERE id = ?", [articles[0], speaker_id])
        for article_id in articles[1:]:
            copy_id = db.execute(
                "INSERT INTO speakers (name, type, key, created_at, article_id)"
                " SELECT name, type, key, created_at, ? FROM speakers WHERE id = ?",
                [article_id, speaker_id],
            ).lastrowid
            db.execute(
                "UPDATE quotes SET speaker_id = ? WHERE speaker_id = ? AND article_id = ?",
                [copy_id, speaker_id, article_id],
            )
    db.execute("UPDATE speaker_epoch SET epoch = epoch + 1 WHERE id = 1")  # speaker indexes elsewhere: rebuild


def _v4_sources(db: Database) -> None:
    """sources: primary sources of a speaker (transcripts, press releases) that `quotecheck verify` checks quotes
    against. The same text is stored once per speaker (speaker_id, sha256 unique)."""
    db["sources"].create(
        {
            "id": int, "speaker_id": int, "title": str, "url": str, "date": str, "path": str, "text": str,
            "sha256": str, "added": str,
        },
        pk="id",
        not_null=["speaker_id", "text", "sha256", "added"],
        foreign_keys=[("speaker_id", "speakers", "id")],
    )  # fmt: skip
    db["sources"].create_index(["speaker_id", "sha256"], unique=True)


def _v5_quote_edits(db: Database) -> None:
    """reviews.old_value / new_value: a role, kind or span edit (the span as JSON ``[start, end]``), and the whole
    quote row as JSON when a reviewer adds or deletes a quote. reviews.quote_id no longer references quotes: the
    history of a deleted quote stays, and undo puts the quote back from it. An index on articles.external_id;
    articles.deleted_at."""
    reviews = db["reviews"]
    reviews.transform(drop_foreign_keys=["quote_id"])  # reviews has no triggers or FTS for transform() to drop
    reviews.add_column("old_value", str)
    reviews.add_column("new_value", str)
    articles = db["articles"]
    articles.create_index(["external_id"])  # --article accepts an article's external id
    # A deleted article stays (its anonymous sources still point at it, undo brings it back), hidden, with its
    # sha256 set aside so the same text can be ingested again.
    articles.add_column("deleted_at", str)


def _v6_co_speakers(db: Database) -> None:
    """quotes.co_speakers: the others named as saying a quote with its speaker ("said Rosa Diaz and Ben Cole"), as
    a JSON array of names; NULL when there are none."""
    db["quotes"].add_column("co_speakers", str)


# speakers_fts follows the names only: the sqlite-utils triggers fire on any UPDATE, and quote_count changes with
# every quote ingested.
SPEAKERS_FTS_TRIGGERS = """
CREATE TRIGGER speakers_fts_ai AFTER INSERT ON speakers BEGIN
  INSERT INTO speakers_fts (rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER speakers_fts_ad AFTER DELETE ON speakers BEGIN
  INSERT INTO speakers_fts (speakers_fts, rowid, name) VALUES ('delete', old.id, old.name);
END;
CREATE TRIGGER speakers_fts_au AFTER UPDATE OF name ON speakers BEGIN
  INSERT INTO speakers_fts (speakers_fts, rowid, name) VALUES ('delete', old.id, old.name);
  INSERT INTO speakers_fts (rowid, name) VALUES (new.id, new.name);
END;
"""
# One row per quote with its article and speaker, so Datasette (or any SQLite client) can facet quotes by outlet
# and speaker type. Quotes of deleted articles are gone from quotes already (delete_article removes them).
QUOTE_ROWS_VIEW = """
CREATE VIEW quote_rows AS
SELECT q.id, q.text, q.kind, q.status, q.rating, q.speaker_id, s.name AS speaker, q.co_speakers,
       s.type AS speaker_type, q.role,
       q.article_id, a.title, a.outlet, q.published, q.confidence, q.note, q.reviewer, q.updated_at
FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id
"""


def _v7_browsing(db: Database) -> None:
    """speakers_fts: full-text search on speaker names (Datasette's search box on the speakers table), kept by
    triggers on name changes only; the view quote_rows (quotes with outlet, title, speaker name and type)."""
    db["speakers"].enable_fts(SPEAKERS_FTS_COLUMNS, tokenize=FTS_TOKENIZE)  # fills it with the existing rows
    db.executescript(SPEAKERS_FTS_TRIGGERS)
    db.execute(QUOTE_ROWS_VIEW)


def _v8_speaker_gender(db: Database) -> None:
    """speakers.gender ("female", "male" or NULL) and speakers.gender_source: "article" (the article said so: a
    he/she resolved to them, an honorific), "first-name" (the usual gender of their first name) or "reviewer" (set,
    or cleared to NULL, by a reviewer; ingest never overrides it). Persons only. The people already stored get their
    first name's gender: their articles are not read again."""
    db.execute("ALTER TABLE speakers ADD COLUMN gender TEXT")
    db.execute("ALTER TABLE speakers ADD COLUMN gender_source TEXT")
    rows = db.execute("SELECT id, name FROM speakers WHERE type = 'person' AND article_id IS NULL").fetchall()
    for speaker_id, name in rows:
        gender = identity.first_name_gender(name)
        if gender is not None:
            db.execute(
                "UPDATE speakers SET gender = ?, gender_source = 'first-name' WHERE id = ?", [gender, speaker_id]
            )


def _v9_claims(db: Database) -> None:
    """claims: the checkable parts of each quote (quotecheck.claims), offsets relative to the quote's text;
    quotes.claim_rank, minus the number of claims, with the indexes of the "checkable claims first" order. The
    existing quotes get their claims here, by the rules and word lists as they are when it runs (`quotecheck
    claims --refresh` computes them again later)."""
    db.execute(
        'CREATE TABLE claims (id INTEGER PRIMARY KEY, quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,'
        ' "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, type TEXT NOT NULL, text TEXT NOT NULL)'
    )
    db.execute('CREATE INDEX idx_claims_quote ON claims (quote_id, "start", "end", type)')  # a quote's claims in order
    db.execute("CREATE INDEX idx_claims_type ON claims (type, quote_id)")
    # ALTER TABLE rather than table.transform(), which would drop the full-text and speaker-count triggers
    db.execute("ALTER TABLE quotes ADD COLUMN claim_rank INTEGER NOT NULL DEFAULT 0")
    order = "published, article_id, \"start\", id"
    db.execute(f"CREATE INDEX idx_quotes_claims_order ON quotes (claim_rank, {order})")
    db.execute(f"CREATE INDEX idx_quotes_status_claims_order ON quotes (status, claim_rank, {order})")
    with claim_table.suspended_update_trigger(db):
        claim_table.backfill_claims(db)


MIGRATIONS: list[Callable[[Database], None]] = [
    _v1_tables, _v2_speaker_search, _v3_article_speakers, _v4_sources, _v5_quote_edits, _v6_co_speakers,
    _v7_browsing, _v8_speaker_gender, _v9_claims,
]  # fmt: skip
SCHEMA_VERSION = len(MIGRATIONS)
