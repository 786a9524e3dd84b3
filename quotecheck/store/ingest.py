"""Ingest action of Store: an article and its extracted quotes in one transaction, speakers matched by name
(who is who: identity.py and speaker_index.py)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from quotecheck.claims import Claim, find_claims
from quotecheck.store import identity
from quotecheck.store.base import synchronized, utc_now
from quotecheck.store.checks import check_quote, check_unicode, clean_name
from quotecheck.store.claim_table import INSERT_CLAIM, claim_rank, claim_rows
from quotecheck.store.models import GENDER_SOURCES, GENDERS, IngestResult, StoreError
from quotecheck.store.names import name_key, surname

if TYPE_CHECKING:
    from sqlite_utils import Database

    from quotecheck.extract.model import Quote
    from quotecheck.read.model import Article


INSERT_QUOTE = (
    'INSERT INTO quotes (id, article_id, speaker_id, speaker_name, published, "start", "end", text, kind, role,'
    " mention_start, mention_end, cue, confidence, rule, co_speakers, claim_rank)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


def next_quote_id(db: Database) -> int:
    """Above every id the history names, so a new quote never inherits a deleted quote's history (SQLite would
    give the id of a deleted last quote to the next one)."""
    return db.execute(
        "SELECT max(coalesce((SELECT max(id) FROM quotes), 0), coalesce((SELECT max(quote_id) FROM reviews), 0)) + 1"
    ).fetchone()[0]


# The metadata a re-ingested article may correct (column names, and Article's attribute names).
_ARTICLE_METADATA = ("title", "outlet", "url", "published")


def text_digest(text: str) -> str:
    """The content hash that makes re-ingesting an article a no-op."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def quote_row(
    quote_id: int | None, article_id: int, article: Article, quote: Quote, speaker_id: int | None,
    speaker_name: str | None, claims: Sequence[Claim],
) -> tuple:  # fmt: skip
    """The parameters of INSERT_QUOTE for one quote with these claims (``quote_id`` None: SQLite numbers it)."""
    return (quote_id, article_id, speaker_id, speaker_name, article.published or "", quote.start, quote.end, quote.text,
            quote.kind, quote.role, quote.mention_start, quote.mention_end, quote.cue, float(quote.confidence),
            quote.rule or "", co_speakers_json(quote.co_speakers), claim_rank(claims))  # fmt: skip


def co_speakers_json(names: Sequence[str]) -> str | None:
    """How quotes.co_speakers holds the names said with the speaker: a JSON array, NULL for none."""
    names = [clean_name(name) for name in names if name_key(name)]
    return json.dumps(names, ensure_ascii=False) if names else None


def found_gender(quote: Quote) -> tuple[str, str] | None:
    """(gender, source) the extractor gives the quote's speaker, when it is a person's and well formed."""
    gender, source = quote.speaker_gender, quote.speaker_gender_source
    if quote.speaker_type == "person" and gender in GENDERS and source in ("article", "first-name"):
        return gender, source
    return None


def _stronger(source: str, than: str) -> bool:
    return GENDER_SOURCES.index(source) > GENDER_SOURCES.index(than)


class Ingest:
    @synchronized
    def stored_article_id(self, text: str) -> int | None:
        """The id of the stored article with exactly this text, or None: lets a re-run skip extraction."""
        row = self.db.execute("SELECT id FROM articles WHERE sha256 = ?", [text_digest(text)]).fetchone()
        return row[0] if row else None

    @synchronized
    def update_article_metadata(self, article_id: int, article: Article) -> bool:
        """Give stored article ``article_id`` the title, outlet, url and date ``article`` carries (those it
        carries: a plain-text copy without an outlet leaves the stored outlet alone); False when nothing differs.
        A corrected headline or date in a re-sent article reaches the database this way."""
        check_unicode("article", (article.title, article.outlet, article.url, article.published))
        if not self._metadata_changes(article_id, article):
            return False
        with self._writing():
            return self._update_metadata(article_id, article)

    def _metadata_changes(self, article_id: int, article: Article) -> dict[str, str]:
        given = {name: getattr(article, name) for name in _ARTICLE_METADATA}
        row = self.db.execute(
            f"SELECT {', '.join(_ARTICLE_METADATA)} FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        stored = dict(zip(_ARTICLE_METADATA, row or ()))
        return {name: value for name, value in given.items() if value is not None and value != stored.get(name)}

    def _update_metadata(self, article_id: int, article: Article) -> bool:
        """Inside a write transaction: the changed metadata, and the date each quote carries for ordering."""
        changes = self._metadata_changes(article_id, article)
        if not changes:
            return False
        assignments = ", ".join(f"{name} = ?" for name in changes)
        self.db.execute(f"UPDATE articles SET {assignments} WHERE id = ?", [*changes.values(), article_id])
        if "published" in changes:
            self.db.execute("UPDATE quotes SET published = ? WHERE article_id = ?", [changes["published"], article_id])
        return True

    def add_article(self, article: Article, quotes: Sequence[Quote]) -> IngestResult:
        """Store one article and its quotes in one transaction; the same text stored before is a no-op."""
        (result,) = self.add_articles([(article, quotes)])
        if isinstance(result, Exception):
            raise result
        return result

    @synchronized
    def add_articles(self, batch: Sequence[tuple[Article, Sequence[Quote]]]) -> list[IngestResult | Exception]:
        """Store articles and their quotes in one transaction (one commit per batch is what makes a long ingest
        fast), each article whole or not at all. An article that cannot be stored is left out and the exception
        saying why takes its place in the results: StoreError for bad data, any other for a bug met on the way.
        A failure of the file itself (DatabaseError) stores nothing of the batch."""
        results: list[IngestResult | Exception | None] = []
        for article, quotes in batch:
            try:
                check_unicode("article", (article.text, article.title, article.outlet, article.url, article.published,
                                          article.source, article.external_id))  # fmt: skip
                for number, quote in enumerate(quotes, start=1):
                    check_quote(article.text, quote, number)
            except StoreError as error:
                results.append(error)
            else:
                results.append(None)
        with self._writing():
            for position, (article, quotes) in enumerate(batch):
                if results[position] is None:
                    results[position] = self._insert_article(article, quotes)
        return results

    def _insert_article(self, article: Article, quotes: Sequence[Quote]) -> IngestResult | Exception:
        """Inside a write transaction: one article, in a savepoint so that a failure leaves out only this one."""
        self.db.execute("SAVEPOINT article")
        try:
            result = self._insert_rows(article, quotes)
        except sqlite3.DatabaseError as error:
            if not isinstance(error, sqlite3.IntegrityError):
                raise  # the file failed: the whole batch does
            failure: Exception = error
        except Exception as error:  # noqa: BLE001 - a bug met by one article must not lose the others
            failure = error
        else:
            self.db.execute("RELEASE article")
            return result
        self.db.execute("ROLLBACK TO article")
        self.db.execute("RELEASE article")
        self._reload_index()  # it may hold speakers the rollback took back
        return failure

    def _insert_rows(self, article: Article, quotes: Sequence[Quote]) -> IngestResult:
        text = article.text
        digest = text_digest(text)
        row = self.db.execute("SELECT id FROM articles WHERE sha256 = ?", [digest]).fetchone()
        if row:  # the same text twice in one batch
            updated = self._update_metadata(row[0], article)
            return IngestResult(article_id=row[0], new=False, quotes_added=0, speakers_new=0, updated=updated)
        now = utc_now()
        article_id = self.db.execute(
            "INSERT INTO articles (title, outlet, url, published, text, sha256, source, external_id, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [article.title, article.outlet, article.url, article.published, text, digest, article.source,
             article.external_id, now],
        ).lastrowid  # fmt: skip
        speakers: dict[tuple[str, str | None], tuple[int, str]] = {}
        genders: dict[int, tuple[str, str]] = {}  # speaker id -> the gender this article gives, best source
        speakers_new = 0
        rows, claims_found = [], []
        first_id = next_quote_id(self.db)
        for quote in quotes:
            speaker_id = speaker_name = None
            if quote.speaker and name_key(quote.speaker):
                mention = (clean_name(quote.speaker), quote.speaker_type)
                if mention not in speakers:
                    speaker_id, created = self._resolve_speaker(*mention, now=now, article_id=article_id)
                    speakers[mention] = (speaker_id, self._index.name(speaker_id))
                    speakers_new += created
                speaker_id, speaker_name = speakers[mention]
                found = found_gender(quote)
                if found and (speaker_id not in genders or _stronger(found[1], genders[speaker_id][1])):
                    genders[speaker_id] = found
            claims_found.append(find_claims(quote.text))
            rows.append(quote_row(first_id + len(rows), article_id, article, quote, speaker_id, speaker_name,
                                  claims_found[-1]))
        # executemany: one prepared statement for the whole article (db.execute has no batch form)
        self.db.conn.executemany(INSERT_QUOTE, rows)
        self.db.conn.executemany(INSERT_CLAIM, [
            row for position, claims in enumerate(claims_found) for row in claim_rows(first_id + position, claims)
        ])  # fmt: skip
        for speaker_id, (gender, source) in genders.items():
            self._note_gender(speaker_id, gender, source)
        return IngestResult(article_id=article_id, new=True, quotes_added=len(rows), speakers_new=speakers_new)

    def _resolve_speaker(self, name: str, type_: str | None, *, now: str, article_id: int) -> tuple[int, bool]:
        """(speaker id, created) for a name the extractor found in article ``article_id``; records spelling
        variants as aliases.

        An anonymous source or a description ("a spokesman", "the company") is a speaker of this article only.
        Any other name is one speaker across articles, whatever type each article gave it (identity.settle_type
        decides which type the row keeps). An untyped speaker gets the type its name suggests."""
        key = name_key(name)
        stored_type = type_ if type_ is not None else identity.infer_type(name)
        if identity.is_article_scoped(name, stored_type):
            speaker_id = self._index.find_in_article(article_id, key)
            if speaker_id is not None:
                return speaker_id, False
            return self._new_speaker(name, key, stored_type, now, article_id=article_id), True
        speaker_id = self._index.find(key, stored_type, personal=identity.is_personal_name(name))
        if speaker_id is None:
            return self._new_speaker(name, key, stored_type, now), True
        current = self._index.type(speaker_id)
        settled = identity.settle_type(name, current, type_)
        if settled != current:
            self.db.execute("UPDATE speakers SET type = ? WHERE id = ?", [settled, speaker_id])
            self._index.set_type(speaker_id, settled)
            if settled == "person" and (last := surname(self._index.name(speaker_id))):
                self._add_alias(speaker_id, last)
        if name != self._index.name(speaker_id):
            self._add_alias(speaker_id, name)
        return speaker_id, False

    def _note_gender(self, speaker_id: int, gender: str, source: str) -> None:
        """An article's word on a person's gender: kept unless the stored one has as strong a source (the first
        article to say so keeps it; a reviewer's word is never replaced)."""
        weaker = GENDER_SOURCES[: GENDER_SOURCES.index(source)]
        self.db.execute(
            "UPDATE speakers SET gender = ?, gender_source = ? WHERE id = ? AND type = 'person'"
            " AND article_id IS NULL AND (gender_source IS NULL OR gender_source IN (SELECT value FROM json_each(?)))",
            [gender, source, speaker_id, json.dumps(weaker)],
        )

    def _new_speaker(self, name: str, key: str, type_: str, now: str, *, article_id: int | None = None) -> int:
        # A person gets their first name's usual gender, which the article's own word may replace
        gender = identity.first_name_gender(name) if type_ == "person" and article_id is None else None
        speaker_id = self.db.execute(
            "INSERT INTO speakers (name, type, key, created_at, article_id, gender, gender_source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [name, type_, key, now, article_id, gender, gender and "first-name"],
        ).lastrowid
        self._index.add(speaker_id, name, key, type_, article_id)
        last = surname(name) if type_ == "person" and article_id is None else None
        if last:
            self._add_alias(speaker_id, last)
        return speaker_id

    def _add_alias(self, speaker_id: int, alias: str) -> bool:
        """Record ``alias`` for the speaker; False when it was already there."""
        if (speaker_id, alias) in self._known_aliases:
            return False
        self._known_aliases.add((speaker_id, alias))
        key = name_key(alias)
        added = self.db.execute(
            "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, key) VALUES (?, ?, ?)", [speaker_id, alias, key]
        ).rowcount
        self._index.add_alias(speaker_id, key)
        return bool(added)
