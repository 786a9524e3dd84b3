"""Run an extractor over gold files and score it: the engine behind ``quotecheck eval``."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from quotecheck.evaluate.gold import GoldError, gold_files, load_gold
from quotecheck.evaluate.score import DocumentScore, score_document
from quotecheck.extract.model import Quote


@dataclass(slots=True)
class Evaluation:
    scores: list[DocumentScore] = field(default_factory=list)
    errors: list[GoldError] = field(default_factory=list)
    files: int = 0
    seconds: dict[str, float] = field(default_factory=lambda: {"extraction": 0.0, "scoring": 0.0})


def evaluate(
    paths: Sequence[str],
    extractor: Callable[[str], list[Quote]],
    *,
    on_error: Callable[[GoldError], None] | None = None,
) -> Evaluation:
    """Score ``extractor`` on every document of the gold files (directories: their *.gold.json[l] files).

    Unreadable files and lines are collected in ``errors`` (and passed to ``on_error`` as they happen)."""
    result = Evaluation()

    def failed(error: GoldError) -> None:
        result.errors.append(error)
        if on_error is not None:
            on_error(error)

    clock = time.perf_counter
    for path in gold_files(list(paths)):
        if isinstance(path, GoldError):
            failed(path)
            continue
        result.files += 1
        started = clock()
        for item in load_gold(path):
            if isinstance(item, GoldError):
                failed(item)
                continue
            extract_started = clock()
            predicted = extractor(item.text)
            extract_seconds = clock() - extract_started
            result.seconds["extraction"] += extract_seconds
            result.scores.append(score_document(item, predicted))
            started += extract_seconds  # so that "scoring" below is everything but extraction
        result.seconds["scoring"] += clock() - started
    return result
