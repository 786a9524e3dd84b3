"""Span arithmetic for scoring: trimming and overlap.

Gold and predicted spans disagree on trivia (a trailing comma inside the quote marks, a stray space), so spans are
compared after trimming whitespace, quote marks and punctuation from both edges."""

from __future__ import annotations

import unicodedata

# Quote-like characters that Unicode does not file under punctuation.
_EXTRA_EDGE = frozenset("`´")


def _is_edge(char: str) -> bool:
    return char.isspace() or char in _EXTRA_EDGE or unicodedata.category(char)[0] == "P"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed past whitespace, quote marks and punctuation at both edges.

    A span of nothing but such characters trims to an empty span at its start."""
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return start, end


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Length of the intersection divided by the length of the longer span (0 when either is empty).

    Dividing by the longer span (not the union, not the shorter) means a prediction must cover at least half of a
    gold span and be no more than twice as long to reach 0.5."""
    longer = max(a[1] - a[0], b[1] - b[0])
    if longer <= 0:
        return 0.0
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return max(shared, 0) / longer


def intersects(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans share at least one character."""
    return min(a[1], b[1]) > max(a[0], b[0])
