"""The only code that speaks SQL: schema and migrations, ingest, queries, review history, speakers."""

from quotecheck.store.models import (
    KINDS,
    RATINGS,
    SPEAKER_TYPES,
    STATUSES,
    ArticleRecord,
    ArticleSummary,
    ConflictError,
    DatabaseError,
    IngestResult,
    NameTaken,
    NotFound,
    PersonTally,
    QuoteFilter,
    QuoteRecord,
    QuoteTally,
    ReportData,
    Review,
    SourceRecord,
    SpeakerRecord,
    Stats,
    StoreError,
    Verification,
)
from quotecheck.store.schema import SCHEMA_VERSION
from quotecheck.store.store import Store, default_reviewer

__all__ = [
    "KINDS", "RATINGS", "SPEAKER_TYPES", "STATUSES", "SCHEMA_VERSION", "ArticleRecord", "ArticleSummary", "ConflictError",
    "DatabaseError",
    "IngestResult", "NameTaken", "NotFound", "PersonTally", "QuoteFilter", "QuoteRecord", "QuoteTally", "ReportData", "Review", "SourceRecord", "SpeakerRecord",
    "Stats", "Store", "StoreError", "Verification", "default_reviewer",
]  # fmt: skip
