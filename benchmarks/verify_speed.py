"""How fast ``quotecheck verify`` aligns quotes: 1,000 quotes against 100 transcripts of 10,000 words each.

    .venv/bin/python benchmarks/verify_speed.py [--quotes 1000] [--transcripts 100] [--words 10000]
    .venv/bin/python benchmarks/verify_speed.py --quick     # 50 quotes, 3 transcripts of 2,000 words

The transcripts are sentences of the development sets in ../shared/devset (the bundled corpus without them),
shuffled. The quotes are runs of 8 to 40 words taken from the transcripts: a third as they are, a third with one
word changed, a third from articles not in any transcript. Prints the time to index the transcripts (once per
speaker) and to verify the quotes, in the pure aligner (quotecheck.verify), on one core.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import regex

from quotecheck.evaluate import GoldError, load_gold
from quotecheck.evaluate.gold import gold_files
from quotecheck.verify import RESULTS, SourceIndex

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT.parent / "shared" / "devset"
_SENTENCE = regex.compile(r"[^.!?\n]+[.!?]+")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=1000)
    parser.add_argument("--transcripts", type=int, default=100)
    parser.add_argument("--words", type=int, default=10_000, help="words per transcript")
    parser.add_argument("--quick", action="store_true", help="50 quotes, 3 transcripts of 2,000 words, corpus/")
    args = parser.parse_args()
    if args.quick:
        args.quotes, args.transcripts, args.words = 50, 3, 2000
    paths = [str(ROOT / "corpus")] if args.quick else sorted(str(p) for p in DEVSET.glob("*.jsonl"))
    paths = paths or [str(ROOT / "corpus")]
    rng = random.Random(10)
    articles = []
    for path in gold_files(paths):
        if isinstance(path, GoldError):
            sys.exit(str(path))
        articles += [document.text for document in load_gold(path) if not isinstance(document, GoldError)]
    rng.shuffle(articles)
    unseen, seen = articles[: max(1, len(articles) // 10)], articles[max(1, len(articles) // 10) :] or articles
    sentences = [s.strip() for text in seen for s in _SENTENCE.findall(text)]
    transcripts = [_transcript(sentences, args.words, rng) for _ in range(args.transcripts)]
    outside = [s.strip() for text in unseen for s in _SENTENCE.findall(text)]
    quotes = [_quote(number, transcripts, outside, rng) for number in range(args.quotes)]

    started = time.perf_counter()
    index = SourceIndex(enumerate(transcripts, start=1))
    indexed = time.perf_counter() - started
    started = time.perf_counter()
    results = [index.verify(quote).result for quote in quotes]
    verified = time.perf_counter() - started
    words = sum(len(text.split()) for text in transcripts)
    print(f"{len(transcripts)} transcripts, {words:,} words: indexed in {indexed:.2f} s")
    print(f"{len(quotes)} quotes verified in {verified:.2f} s: {len(quotes) / verified:,.0f} quotes/s")
    print("results: " + ", ".join(f"{result} {results.count(result)}" for result in RESULTS))
    return 0


def _transcript(sentences: list[str], words: int, rng: random.Random) -> str:
    chosen, count = [], 0
    while count < words:
        sentence = rng.choice(sentences)
        chosen.append(sentence)
        count += len(sentence.split())
    return "\n\n".join(" ".join(chosen[i : i + 5]) for i in range(0, len(chosen), 5))


def _quote(number: int, transcripts: list[str], outside: list[str], rng: random.Random) -> str:
    if number % 3 == 2 and outside:
        return rng.choice(outside)
    words = rng.choice(transcripts).split()
    size = rng.randrange(8, 41)
    start = rng.randrange(0, len(words) - size)
    quote = words[start : start + size]
    if number % 3 == 1:
        quote[rng.randrange(size)] = "otherwise"
    return " ".join(quote)


if __name__ == "__main__":
    sys.exit(main())
