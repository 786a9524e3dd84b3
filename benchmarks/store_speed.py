"""How fast the store is: ingest throughput (with extraction), search latency on a big database, size on disk.

    .venv/bin/python benchmarks/store_speed.py                 # 10,000 articles; 1,000,000-quote database
    .venv/bin/python benchmarks/store_speed.py --big big.db    # reuse a database from benchmarks/generate.py
    .venv/bin/python benchmarks/store_speed.py --articles 2000 --quotes 100000 --speakers 10000   # smaller
    .venv/bin/python benchmarks/store_speed.py --quick         # seconds: a check that it works (the tests run it)

Goals: ingest >= 500 articles/s on one core including extract(); full-text search median < 20 ms and speaker
fuzzy search median < 50 ms on 1,000,000 quotes by 100,000 speakers.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import build_database, generate_articles, make_speakers  # noqa: E402
from quotecheck import extract  # noqa: E402
from quotecheck.store import QuoteFilter, Store  # noqa: E402


def _latency(label: str, calls: list[Callable[[], object]], repeat: int = 3) -> None:
    """Median and p95 over every call (each run ``repeat`` times, the first run included: no cache warming)."""
    times = []
    for call in calls:
        for _ in range(repeat):
            started = time.perf_counter()
            call()
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(f"  {label:48s} median {statistics.median(times):7.2f} ms   p95 {p95:7.2f} ms   ({len(calls)} queries)")


def ingest(articles: int, directory: Path, seed: int) -> None:
    pool = make_speakers(max(50, articles // 5), seed=seed)
    batch = [article for article, _ in generate_articles(articles, pool, seed=seed)]
    path = directory / "ingest.db"
    extract_seconds = store_seconds = store_cpu = 0.0
    quotes = 0
    with Store(path) as store:
        started, cpu_started = time.perf_counter(), time.process_time()
        for article in batch:
            t0 = time.perf_counter()
            found = extract(article.text)
            t1, c1 = time.perf_counter(), time.process_time()
            store.add_article(article, found)
            t2 = time.perf_counter()
            store_cpu += time.process_time() - c1
            extract_seconds += t1 - t0
            store_seconds += t2 - t1
            quotes += len(found)
        total, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        again_started = time.perf_counter()
        for article in batch[:1000]:
            store.add_article(article, [])
        again = time.perf_counter() - again_started
        speakers = len(store.speakers(limit=10**9))
    print(f"Ingest: {articles:,} generated articles, {quotes:,} quotes found by extract(), {speakers:,} speakers")
    print(f"  extract() + Store.add_article: {articles / total:8,.0f} articles/s  ({quotes / total:,.0f} quotes/s)"
          f"   [{articles / cpu:,.0f} articles per CPU-second: the rate on one idle core]")  # fmt: skip
    print(f"  Store.add_article alone:       {articles / store_seconds:8,.0f} articles/s  "
          f"({store_seconds / articles * 1000:.2f} ms per article, "
          f"{store_cpu / articles * 1000:.2f} ms of it CPU)")  # fmt: skip
    print(f"  extract() alone:               {articles / extract_seconds:8,.0f} articles/s")
    print(f"  re-ingest (sha256 no-op):      {min(1000, articles) / again:8,.0f} articles/s")


def search(path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with Store(path) as store:
        quotes = store.count_quotes()
        speakers = store.db.execute("SELECT count(*) FROM speakers").fetchone()[0]
        size = path.stat().st_size
        print(f"Database: {quotes:,} quotes, {speakers:,} speakers, {size / 1e6:,.0f} MB "
              f"= {size / quotes * 1000 / 1e3:,.0f} kB per 1,000 quotes (articles' full text included)")  # fmt: skip
        names = [row[0] for row in store.db.execute(
            "SELECT name FROM speakers WHERE type = 'person' ORDER BY random() LIMIT 60")]  # fmt: skip

        started = time.perf_counter()
        store.match_speakers("warm up")
        print(f"  speaker name index load (first speaker search)   {(time.perf_counter() - started) * 1000:7.0f} ms")

        words = ["refugees", "border", "inflation", "pipeline", "government", "the", "nuclear", "chechen", "summit"]
        texts = words + ["border security", "energy prices", "not acceptable", '"the government will"',
                         "20% (citation", "refugees NOT border", "zzzyzzx"]  # fmt: skip
        texts += [f"{name.split()[-1]} {rng.choice(words)}" for name in names[:10]]  # "Marcelino refugees"
        _latency("full-text search, first page of 50", [
            lambda t=t: store.quotes(QuoteFilter(text=t), limit=50) for t in texts])  # fmt: skip
        _latency("full-text search + status filter", [
            lambda t=t: store.quotes(QuoteFilter(text=t, status="unreviewed"), limit=50) for t in texts])  # fmt: skip
        _latency("full-text count", [lambda t=t: store.count_quotes(QuoteFilter(text=t)) for t in texts])

        typed = []
        for name in names[:40]:
            surname = name.split()[-1]
            typo = list(surname.lower())
            i = rng.randrange(1, len(typo))
            typo[i - 1], typo[i] = typo[i], typo[i - 1]
            typed += [surname, name.lower(), "".join(typo), surname[:5]]
        _latency("speaker fuzzy search (match_speakers)", [lambda q=q: store.match_speakers(q) for q in typed])
        _latency("quotes by fuzzy speaker, first page", [
            lambda q=q: store.quotes(QuoteFilter(speaker=q), limit=50) for q in typed[::4]])  # fmt: skip
        _latency("quotes by speaker + text (Marcelino refugees)", [
            lambda q=q: store.quotes(QuoteFilter(speaker=q, text="refugees"), limit=50)
            for q in typed[::4]])  # fmt: skip

        reading = QuoteFilter()
        middle = store.page_key(store.quote(quotes // 2), reading)  # a page from the middle of the order
        second = store.page_key(store.quotes(reading, limit=100)[-1], reading)
        _latency("reading order: first, second, middle page", [
            lambda: store.quotes(reading, limit=100),
            lambda: store.quotes(reading, limit=100, after=second),
            lambda: store.quotes(reading, limit=100, after=middle),
        ])  # fmt: skip
        queue = QuoteFilter(status="unreviewed", low_confidence_first=True)
        _latency("review queue (unreviewed, least confident first)", [lambda: store.quotes(queue, limit=100)])
        _latency("filters: outlet / since / kind / verified / rated", [
            lambda f=f: store.quotes(f, limit=100)
            for f in (QuoteFilter(outlet="LRT"), QuoteFilter(since="2020-01-01", until="2020-12-31"),
                      QuoteFilter(kind="partial"), QuoteFilter(status="verified"), QuoteFilter(rated_only=True))
        ])  # fmt: skip
        _latency("counts: all / unreviewed / reviewed / outlet", [
            lambda: store.count_quotes(),
            lambda: store.count_quotes(QuoteFilter(status="unreviewed")),
            lambda: store.count_reviewed(),
            lambda: store.count_quotes(QuoteFilter(outlet="LRT")),
        ])  # fmt: skip
        _latency("speakers list (most quoted first, 100)", [lambda: store.speakers(limit=100)])
        _latency("stats()", [store.stats], repeat=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles to ingest")
    parser.add_argument("--quotes", type=int, default=1_000_000, help="quotes in the search database")
    parser.add_argument("--speakers", type=int, default=100_000, help="speakers in the search database")
    parser.add_argument("--big", type=Path, help="reuse this database (from generate.py) for the search figures")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true",
                        help="a check that the script works, in seconds: 200 articles, 5,000 quotes, 500 speakers")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.quotes, args.speakers, args.big = 200, 5000, 500, None
    with tempfile.TemporaryDirectory() as directory:
        ingest(args.articles, Path(directory), args.seed)
        big = args.big
        if big is None or not big.exists():
            big = big or Path(directory) / "big.db"
            started = time.perf_counter()
            build_database(big, quotes=args.quotes, speakers=args.speakers, seed=args.seed)
            print(f"Built {big} with benchmarks/generate.py in {time.perf_counter() - started:.0f} s")
        search(big, args.seed)


if __name__ == "__main__":
    main()
