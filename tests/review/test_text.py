"""The paragraphs the article view and the quote detail show: only those around the quote, however long the
article or its lines."""

from __future__ import annotations

from quotecheck.review.text import PIECE, paragraphs_around

LINES = [f"Paragraph {n} " + "word " * (n % 7) for n in range(1000)]
ARTICLE = "\n".join(LINES)
STARTS = [sum(len(line) + 1 for line in LINES[:n]) for n in range(len(LINES))]


def test_the_paragraphs_holding_the_range_and_some_either_side():
    low, high = STARTS[500] + 3, STARTS[502] + 1
    blocks = paragraphs_around(ARTICLE, low, high, margin=10_000, around=2)
    assert blocks == [(STARTS[n], STARTS[n] + len(LINES[n])) for n in range(498, 505)]
    # no margin: the paragraphs holding the range only, however many more ``around`` allows
    assert paragraphs_around(ARTICLE, low, high, margin=0, around=5) == blocks[2:5]
    assert paragraphs_around(ARTICLE, low, high, margin=20, around=99) == paragraphs_around(ARTICLE, low, high,
                                                                                            margin=20, around=1)


def test_a_margin_bounds_the_text_read():
    blocks = paragraphs_around(ARTICLE, STARTS[500], STARTS[500], margin=300, around=1000)
    assert 300 <= blocks[-1][1] - blocks[0][0] <= 600 + 2 * PIECE
    assert paragraphs_around(ARTICLE, 0, 0, around=0) == [(0, len(LINES[0]))]
    assert paragraphs_around(ARTICLE, len(ARTICLE), len(ARTICLE), around=0) == [(STARTS[-1], len(ARTICLE))]


def test_a_line_of_megabytes_comes_in_pieces_near_the_range():
    line = "He said \"yes\" again. " * 100_000  # 2 MB, no line break
    middle = len(line) // 2
    blocks = paragraphs_around(line, middle, middle + 10, margin=5_000, around=100)
    assert all(end - start <= PIECE for start, end in blocks)
    assert blocks[0][0] <= middle and blocks[-1][1] >= middle + 10
    assert blocks[-1][1] - blocks[0][0] <= 10 + 2 * 5_000 + 2 * PIECE
    assert all(a_end == b_start for (_, a_end), (b_start, _) in zip(blocks, blocks[1:]))  # pieces follow on
    assert all(line[end - 1] == " " for _, end in blocks[:-1])  # cut after a space


def test_blank_text_has_no_paragraphs():
    assert paragraphs_around("", 0, 0) == []
    assert paragraphs_around("\n \n\n", 1, 2, margin=10) == []
