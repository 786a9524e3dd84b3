"""Speech cues: the str tests that stand before their patterns."""

from __future__ import annotations

import random

from quotecheck.extract import cues


def test_auxiliary_after_finds_what_its_pattern_matches():
    # white space \s and str.isspace() disagree on, auxiliaries, words that open like them, and word boundaries
    pieces = list(" \t\n\x1c\xa0.,x") + ["had", "has", "have", "was", "were", "is", "will", "could", "can", "may",
                                          "might", "hadn't", "wasn", "island", "shall", "cane", "_"]
    rng = random.Random(13)
    for _ in range(20000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 6)))
        for end in range(len(text) + 1):
            assert cues._auxiliary_after(text, end) == (cues._AUXILIARY_AFTER.match(text, end) is not None), (text, end)
