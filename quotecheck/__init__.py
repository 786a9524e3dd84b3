"""quotecheck: find, attribute, store and review quotes in news articles."""

from quotecheck.extract import extract
from quotecheck.extract.model import Quote

__all__ = ["extract", "Quote"]
__version__ = "0.1.0"
