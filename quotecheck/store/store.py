"""Store: the one object the CLI and the review app use to read and write a quotecheck database."""

from __future__ import annotations

from quotecheck.store.articles import ArticleActions
from quotecheck.store.base import StoreBase
from quotecheck.store.claims import ClaimActions
from quotecheck.store.edits import QuoteEdits
from quotecheck.store.ingest import Ingest
from quotecheck.store.queries import QuoteQueries
from quotecheck.store.report import ReportQueries
from quotecheck.store.reviews import ReviewActions, default_reviewer
from quotecheck.store.sources import SourceActions
from quotecheck.store.speakers import SpeakerActions

__all__ = ["Store", "default_reviewer"]


class Store(
    Ingest, QuoteQueries, QuoteEdits, ArticleActions, SpeakerActions, ReviewActions, SourceActions, ReportQueries,
    ClaimActions,
    StoreBase,
):
    """A quotecheck database: ``Store(path)`` opens or creates it and brings its schema up to date;
    ``Store(path, mode="read")`` only reads, ``mode="write"`` never creates (see StoreBase).

    Every method returns frozen dataclasses from models.py; every write is one transaction; user mistakes raise
    StoreError (NotFound, ConflictError) with a one-line message. Each action lives in the mixin named for it
    (ingest.py, queries.py, reviews.py, edits.py, speakers.py, …); the file format is in docs/data-model.md."""
