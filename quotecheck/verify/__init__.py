"""Checking quotes against a speaker's primary sources (transcripts, press releases): pure, no I/O, no SQL."""

from quotecheck.verify.align import (
    CHANGES,
    DIFFERS,
    NOT_FOUND,
    RESULTS,
    VERBATIM,
    Alignment,
    DiffOp,
    SourceIndex,
)
from quotecheck.verify.location import location

__all__ = ["CHANGES", "DIFFERS", "NOT_FOUND", "RESULTS", "VERBATIM", "Alignment", "DiffOp", "SourceIndex", "location"]
