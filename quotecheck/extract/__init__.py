"""Quote extraction: text in, quotes out. Pure: no I/O, no SQL."""

from quotecheck.extract.model import Quote

__all__ = ["extract", "Quote"]


def extract(text: str) -> list[Quote]:
    """Every quote in ``text``, sorted by ``start`` (being written: see issue 2)."""
    return []
