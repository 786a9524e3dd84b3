"""Layout's hand-written searches (written out for speed) find what the library calls and patterns they replace do."""

from __future__ import annotations

import bisect
import random

import regex

from quotecheck.extract import layout

# What layout._sentence_end reads with str tests
SENTENCE_END = regex.compile(r"[.!?]+[\"”’»')\]]*\s+(?=[\"“‘«']|[(\[]?[\p{Lu}\p{N}])")


def test_bisect_finds_what_the_bisect_module_finds():
    rng = random.Random(7)
    for _ in range(2000):
        positions = sorted(rng.choices(range(50), k=rng.randrange(12)))
        for pos in range(-1, 52):
            assert layout.bisect_right(positions, pos) == bisect.bisect_right(positions, pos)
            assert layout.bisect_left(positions, pos) == bisect.bisect_left(positions, pos)


def test_sentence_end_finds_what_its_pattern_matches():
    # stops, closing and opening marks, the white space \s and str.isspace() disagree on, capitals and digits in
    # and beyond ASCII, and characters str.isupper() and str.isnumeric() take for them but \p{Lu} and \p{N} do not
    alphabet = list(".!?\"”’»')]“‘«([ \t\n\x1c\x1f\x85\xa0\u2003aZ9éÉ٣一xⒶǅ")
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choices(alphabet, k=rng.randint(1, 8)))
        for at, char in enumerate(text):
            if char in ".!?":
                match = SENTENCE_END.match(text, at)
                assert layout._sentence_end(text, at) == (match.end() if match else -1), (text, at)
