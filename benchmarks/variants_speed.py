"""How fast ``quotecheck variants`` groups quotes: synthetic quotes, some copied with changes, in the pure grouper.

    .venv/bin/python benchmarks/variants_speed.py [--quotes 1000000]
    .venv/bin/python benchmarks/variants_speed.py --quick     # 5,000 quotes

Quotes are 8 to 40 words drawn from a Zipf-like vocabulary of 20,000 words (so common words and common 4-word
runs occur, as in news), each by one of 5,000 speakers. One in five is a copy of an earlier quote: verbatim,
trimmed at either end, with a word changed, or given to another speaker. Prints quotes/s, the groups found, how
many of the planted copies landed with their original, and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import itertools
import random
import resource
import time

from quotecheck.variants import QuoteText, find_variants


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--quick", action="store_true", help="5,000 quotes")
    args = parser.parse_args()
    count = 5000 if args.quick else args.quotes
    quotes, planted = _quotes(count, random.Random(10))

    started = time.perf_counter()
    groups = find_variants(quotes)
    elapsed = time.perf_counter() - started
    group_of = {version.quote.id: n for n, group in enumerate(groups) for version in group.versions}
    found = sum(1 for copy, original in planted if copy in group_of and group_of[copy] == group_of.get(original))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{count:,} quotes grouped in {elapsed:.1f} s: {count / elapsed:,.0f} quotes/s")
    print(f"{len(groups):,} groups; planted copies found with their original: {found:,}/{len(planted):,}")
    print(f"peak RSS {peak:,.0f} MB")
    return 0


def _quotes(count: int, rng: random.Random) -> tuple[list[QuoteText], list[tuple[int, int]]]:
    vocabulary = [f"w{n}" for n in range(20_000)]
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
    quotes: list[QuoteText] = []
    planted: list[tuple[int, int]] = []
    for number in range(count):
        day = f"2020-{1 + number * 12 // count:02d}-{1 + number % 28:02d}"
        speaker = rng.randrange(5000)
        if quotes and rng.random() < 0.2:
            original = rng.choice(quotes[-5000:])  # copies follow their original within weeks
            words = original.text.split()
            how = rng.randrange(4)
            if how == 1 and len(words) > 12:
                words = words[rng.randrange(3) : len(words) - rng.randrange(3)]
            elif how == 2:
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
            speaker = rng.randrange(5000) if how == 3 else original.speaker_key
            planted.append((number, original.id))
        else:
            words = rng.choices(vocabulary, cum_weights=cumulative, k=rng.randint(8, 40))
        quotes.append(QuoteText(number, " ".join(words), f"Speaker {speaker}", speaker, f"outlet{number % 50}", day))
    return quotes, planted


if __name__ == "__main__":
    raise SystemExit(main())
