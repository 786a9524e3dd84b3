"""What the readers hand to the rest of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Article:
    """One article's plain text and whatever metadata its source carried."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) where known
    source: str | None = None  # file path (and ":line" for JSONL), or "-" for stdin
    external_id: str | None = None  # the "id" field of a JSONL record


class ReadError(Exception):
    """An input that cannot be read; ``str()`` is a one-line message naming the file (and line)."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file in a directory that holds no article to read (another file type, a README): not an error, but
    listed and counted, so nobody wonders where a file went."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: skipped, {self.reason}"
