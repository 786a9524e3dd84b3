"""Reading articles: .txt, .md/.markdown, .html/.htm (trafilatura), .jsonl, directories and stdin."""

from quotecheck.read.model import Article, ReadError, Skipped
from quotecheck.read.sources import READABLE_SUFFIXES, estimate_count, input_files, iter_articles
from quotecheck.read.sources import read_file

__all__ = [
    "Article", "READABLE_SUFFIXES", "ReadError", "Skipped", "estimate_count", "input_files", "iter_articles",
    "read_file",
]
