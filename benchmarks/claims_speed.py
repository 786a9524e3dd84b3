"""How fast quotecheck.claims reads quotes: ordinary quotes (the corpus quotes, repeated) and hostile ones (long
runs of what the patterns look for), in quotes/s and seconds per megabyte.

    .venv/bin/python benchmarks/claims_speed.py [--repeat 200]
    .venv/bin/python benchmarks/claims_speed.py --quick
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from quotecheck.claims import find_claims
from quotecheck.evaluate.gold import GoldDocument, load_gold

ROOT = Path(__file__).resolve().parents[1]
# Each is repeated to about HOSTILE_CHARS characters: numbers, comparatives waiting for "than", auxiliaries
# waiting for a participle, superlative openers, digit groups, sentences with a past verb each.
HOSTILE = ("1 ", "more ", "had ", "the most ", "9,999,", "We closed. ", "twice as ", "up from ")
HOSTILE_CHARS = 200_000


def corpus_quotes() -> list[str]:
    quotes = []
    for path in sorted((ROOT / "corpus").glob("*.gold.json")):
        for document in load_gold(path):
            if isinstance(document, GoldDocument):
                quotes += [document.text[q.start : q.end] for q in document.quotes]
    return quotes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=200, help="times the corpus quotes are read")
    parser.add_argument("--quick", action="store_true", help="a few repeats and short hostile inputs")
    args = parser.parse_args()
    repeat, hostile_chars = (5, 20_000) if args.quick else (args.repeat, HOSTILE_CHARS)
    quotes = corpus_quotes() * repeat
    started = time.perf_counter()
    claims = sum(len(find_claims(quote)) for quote in quotes)
    seconds = time.perf_counter() - started
    megabytes = sum(len(quote) for quote in quotes) / 1e6
    print(f"ordinary quotes: {len(quotes):,} quotes, {claims:,} claims in {seconds:.2f} s: "
          f"{len(quotes) / seconds:,.0f} quotes/s, {megabytes / seconds:.2f} MB/s")  # fmt: skip
    for unit in HOSTILE:
        text = unit * (hostile_chars // len(unit))
        started = time.perf_counter()
        found = len(find_claims(text))
        seconds = time.perf_counter() - started
        print(f"hostile {unit.strip()!r:>12} x {len(text) // len(unit):,}: {found:,} claims, "
              f"{seconds / (len(text) / 1e6):.1f} s per MB")  # fmt: skip


if __name__ == "__main__":
    main()
