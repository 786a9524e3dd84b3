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


def test_is_furniture_counts_words_as_splitting_does():
    # a stripped line as _lines gives it: single and double spaces, white space beyond the space (which
    # str.isprintable() rules out), page actions, closing punctuation and quote marks, up to past both word limits
    pieces = [" ", " ", " ", "  ", "\t", "\xa0", "\x1c", "\u2003", "word", "Sub", "subscribe", ".", '"', "x"]
    rng = random.Random(19)
    for _ in range(20000):
        line = "".join(rng.choices(pieces, k=rng.randint(1, 70))).strip()
        if not line:
            continue
        if "  " not in line and line.count(" ") >= layout.BOILERPLATE_WORDS:
            expected = False
        else:
            words = len(line.split(None, layout.BOILERPLATE_WORDS))
            expected = words <= layout.BOILERPLATE_WORDS and layout._names_page_action(line.lower()) or (
                words <= layout.SUBHEADING_WORDS and not layout._TERMINAL.search(line)
                and not layout._QUOTE_MARK.search(line)
            )
        assert layout.Layout._is_furniture(line) == expected, line
