"""Quote extraction: text in, quotes out. Pure: no I/O, no SQL."""

from quotecheck.extract.attribute import extract_quotes
from quotecheck.extract.model import Quote

__all__ = ["extract", "Quote"]


def extract(text: str) -> list[Quote]:
    """Every quote in ``text`` (direct, partial and reported speech) with its speaker, sorted by ``start``."""
    if not isinstance(text, str):
        raise TypeError(f"extract() takes a str, not {type(text).__name__}")
    return extract_quotes(text)
