"""Plain values the store returns. Widgets and commands get these, never rows or cursors."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from quotecheck.claims import CLAIM_TYPES, Claim
from quotecheck.verify import Alignment

STATUSES = ("unreviewed", "verified", "misquoted", "misattributed", "disputed", "unverifiable")
RATINGS = ("true", "mostly-true", "half-true", "mostly-false", "false", "unsupported")
KINDS = ("direct", "partial", "indirect")
SPEAKER_TYPES = ("person", "organisation", "anonymous")
ANY_CLAIM = "any"  # QuoteFilter.has_claim: a claim of any type
GENDERS = ("female", "male")  # of persons only; unknown is None
# Where a person's gender came from, weakest first: ingest replaces a weaker source, never a reviewer's word.
GENDER_SOURCES = ("first-name", "article", "reviewer")


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """Every filter the CLI and the review app offer. ``None`` means "any"."""

    text: str | None = None  # full-text query, user-typed (quoted for FTS by the store)
    speaker: str | None = None  # fuzzy speaker name
    speaker_id: int | None = None
    status: str | None = None
    kind: str | None = None
    outlet: str | None = None
    since: str | None = None  # ISO date, inclusive, on articles.published
    until: str | None = None
    article_id: int | None = None
    article: str | None = None  # an article's row id or external id, as typed (the store finds the article)
    rated_only: bool = False
    has_claim: str | None = None  # ANY_CLAIM or one of CLAIM_TYPES: quotes holding such a checkable claim
    low_confidence_first: bool = False
    claims_first: bool = False  # quotes with the most checkable claims first (then the order asked for)


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    id: int
    article_id: int
    speaker_id: int | None
    speaker: str | None
    speaker_type: str | None
    role: str | None
    kind: str
    text: str
    start: int
    end: int
    mention_start: int | None
    mention_end: int | None
    cue: str | None
    confidence: float
    rule: str
    status: str
    rating: str | None
    note: str | None  # latest note from the history, if any
    evidence_url: str | None  # latest evidence link, if any
    reviewer: str | None  # who made the latest review action
    updated_at: str | None
    version: int
    article_title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    # set when the speaker is an anonymous source or description that belongs to this quote's article only
    speaker_article_id: int | None = None
    article_external_id: str | None = None  # the article's external id (its JSONL record's "id"), if any
    co_speakers: tuple[str, ...] = ()  # others named as saying it with the speaker ("said Rosa Diaz and Ben Cole")
    claims: tuple[Claim, ...] = ()  # the checkable claims in ``text`` (offsets relative to it), in order

    @classmethod
    def from_row(cls, row: Sequence) -> QuoteRecord:
        """A record from a row of the store's quote columns, whose last two are quotes.co_speakers (JSON or NULL)
        and the quote's claims (JSON [[start, end, type, text], ...] or NULL)."""
        *fields, co_speakers, claims = row
        return cls(*fields, co_speakers=tuple(json.loads(co_speakers)) if co_speakers else (),
                   claims=tuple(Claim(*claim) for claim in json.loads(claims)) if claims else ())

    @property
    def speaker_scope(self) -> str | None:
        """``"article"``: the speaker is an anonymous source or description of this article only ("a spokesman");
        ``"shared"``: a person or organisation, one speaker across articles; None: no speaker."""
        if self.speaker_id is None:
            return None
        return "article" if self.speaker_article_id is not None else "shared"


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    id: int
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    text: str
    sha256: str
    source: str | None
    ingested_at: str


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """A line of the articles list."""

    id: int
    external_id: str | None
    title: str | None
    outlet: str | None
    published: str | None
    quotes: int
    reviewed: int


@dataclass(frozen=True, slots=True)
class SpeakerRecord:
    id: int
    name: str
    type: str | None
    roles: tuple[str, ...]
    aliases: tuple[str, ...]
    quote_count: int
    reviewed_count: int
    merged_into: int | None = None  # set on a speaker merged into another (hidden from lists and matching)
    # set on an anonymous source or description ("a spokesman", "the company"): it belongs to that article only
    article_id: int | None = None
    gender: str | None = None  # persons only: "female", "male" or None (unknown)
    gender_source: str | None = None  # GENDER_SOURCES; "reviewer" with gender None: a reviewer cleared it


@dataclass(frozen=True, slots=True)
class Review:
    id: int
    quote_id: int | None
    speaker_id: int | None  # for speaker merges/renames
    reviewer: str
    # status | rating | note | evidence | reassign | role | kind | span | add | delete | delete-article | merge |
    # rename | undo
    action: str
    old_status: str | None
    new_status: str | None
    old_rating: str | None
    new_rating: str | None
    note: str | None
    evidence_url: str | None
    old_speaker_id: int | None
    new_speaker_id: int | None
    at: str
    old_note: str | None = None  # the note / evidence link this row replaced, so undo can put it back
    old_evidence_url: str | None = None
    old_name: str | None = None  # rename / merge: the speaker names before and after
    new_name: str | None = None
    batch: int = 0  # rows written by one action share a batch; undo reverses a whole batch
    undoes: int | None = None  # on an "undo" row: the row it reversed
    undone_by: int | None = None  # on a reversed row: the "undo" row that reversed it
    # role / kind / span (JSON [start, end]) before and after; add / delete: the whole quote row as JSON
    old_value: str | None = None
    new_value: str | None = None


def review_value(value: str | None) -> str | tuple[int, int] | dict | None:
    """A history row's old_value or new_value as what it holds: a role or kind (str), a span (start, end), or
    the whole quote row an "add" or "delete" kept (dict). An undo row swaps the values of the row it undid."""
    if value is None or value[:1] not in "[{":
        return value
    try:
        parsed = json.loads(value)
    except ValueError:  # a role that merely starts with a bracket
        return value
    if isinstance(parsed, dict):
        return parsed
    if isinstance(parsed, list) and len(parsed) == 2 and all(isinstance(n, int) for n in parsed):
        return (parsed[0], parsed[1])
    return value


@dataclass(frozen=True, slots=True)
class IngestResult:
    article_id: int
    new: bool  # False when the same text (sha256) was already stored
    quotes_added: int
    speakers_new: int
    updated: bool = False  # an article stored before whose title, outlet, url or date this input corrected


@dataclass(frozen=True, slots=True)
class Stats:
    articles: int
    quotes: int
    by_kind: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    top_speakers: tuple[tuple[str, int], ...] = ()
    reviewed: int = 0
    anonymous_share: float = 0.0


@dataclass(frozen=True, slots=True)
class QuoteTally:
    """How many of the chosen quotes share an outlet, a month, a speaker type, a role and a verdict."""

    outlet: str  # "" when the article names none
    month: str  # the first seven characters of the article's date ("2024-03"; "" when it has none)
    speaker_type: str | None  # None: no speaker
    role: str | None
    status: str
    rating: str | None
    quotes: int


@dataclass(frozen=True, slots=True)
class PersonTally:
    """How many of the chosen quotes one person has in one outlet and one month."""

    speaker_id: int
    name: str
    gender: str | None
    gender_source: str | None
    outlet: str
    month: str
    quotes: int


@dataclass(frozen=True, slots=True)
class ReportData:
    """What the "who gets quoted" report is computed from (quotecheck.report.figures), for the chosen quotes."""

    articles: int
    quotes: tuple[QuoteTally, ...]
    people: tuple[PersonTally, ...]
    top_speakers: tuple[tuple[SpeakerRecord, int], ...]  # the most quoted, with their number of chosen quotes


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A primary source of one speaker: what they said, as a transcript or press release gives it."""

    id: int
    speaker_id: int
    speaker_name: str
    title: str | None
    url: str | None
    date: str | None
    path: str | None
    text: str
    added: str


@dataclass(frozen=True, slots=True)
class Verification:
    """One quote checked against its speaker's sources."""

    quote: QuoteRecord
    alignment: Alignment
    source: SourceRecord | None  # the source of the best passage; None when nothing matched
    location: str | None  # where the passage is in it: "line 12", or a subtitle cue time "00:01:02"


class StoreError(Exception):
    """A store operation that cannot be done; ``str()`` is a one-line message for the user."""


class NotFound(StoreError):
    pass


class NameTaken(StoreError):
    """A rename to the name of another speaker: ``existing`` is that speaker, to merge with instead."""

    def __init__(self, message: str, existing: int):
        super().__init__(message)
        self.existing = existing


class DatabaseError(StoreError):
    """The database file itself failed (read-only, full, locked too long, damaged): trying again with other data
    would fail the same way, so a batch stops at the first one."""


# What a command catches around any store call: the store's own errors, and SQLite's, which only the store may
# import (a failure no store method turned into a StoreError yet still becomes one clean line, not a traceback).
STORE_FAILURES: tuple[type[Exception], ...] = (StoreError, sqlite3.Error)


class ConflictError(StoreError):
    """The quote was changed by someone else since ``expected_version``; ``current`` is what is stored now."""

    def __init__(self, message: str, current: QuoteRecord):
        super().__init__(message)
        self.current = current
