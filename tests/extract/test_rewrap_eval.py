"""benchmarks/rewrap_eval.py: gold offsets follow their words into the rewrapped text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from quotecheck.evaluate import GoldDocument, GoldQuote

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks.rewrap_eval import rewrap_document  # noqa: E402

TEXT = (
    "Mayor backs the new bridge\n\n"
    "The mayor, Ann Bell, said on Monday that the bridge over the river would open in May after years of delay.\n\n"
    '"We have waited long enough," she told the council, which met for three hours to agree the budget.\n'
)


def span_of(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


@pytest.mark.parametrize(
    ("width", "blank_lines"),
    [(70, False), (40, False), (70, True)],
)
def test_offsets_follow_their_words(width, blank_lines):
    quotes = (
        GoldQuote(*span_of("the bridge over the river would open in May after years of delay"), "indirect",
                  "Ann Bell", *span_of("Ann Bell")),
        GoldQuote(*span_of("We have waited long enough,"), "direct", "Ann Bell", *span_of("she")),
    )
    doc = GoldDocument("t", "t", TEXT, quotes, ignore=(span_of("met for three hours"),))
    wrapped = rewrap_document(doc, width, 4, blank_lines)
    assert max(len(line) for line in wrapped.text.split("\n")) <= width
    assert ("\n\n" in wrapped.text.strip().split("\n", 2)[2]) == blank_lines  # after the headline
    for old, new in zip(doc.quotes, wrapped.quotes):
        assert wrapped.text[new.start : new.end].split() == TEXT[old.start : old.end].split()
        assert wrapped.text[new.speaker_start : new.speaker_end] == TEXT[old.speaker_start : old.speaker_end]
    (start, end), = wrapped.ignore
    assert wrapped.text[start:end].split() == ["met", "for", "three", "hours"]
