"""Accuracy of the extractor against gold annotations (``quotecheck eval``).

Pure scoring lives in score.py (spans.py, names.py); gold.py reads the two gold formats; report.py turns the
figures into a table or JSON; run.py ties them to an extractor."""

from quotecheck.evaluate.gold import GoldDocument, GoldError, GoldQuote, load_gold
from quotecheck.evaluate.run import Evaluation, evaluate
from quotecheck.evaluate.score import DocumentScore, Summary, score_document, summarize

__all__ = [
    "DocumentScore",
    "Evaluation",
    "GoldDocument",
    "GoldError",
    "GoldQuote",
    "Summary",
    "evaluate",
    "load_gold",
    "score_document",
    "summarize",
]
