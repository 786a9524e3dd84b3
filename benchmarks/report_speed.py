"""How long `quotecheck report` takes on a big database: the store's tallies (SQL), the figures (Python), and the
page with and without its charts (vl-convert).

    .venv/bin/python benchmarks/report_speed.py                 # 1,000,000 quotes by 100,000 speakers
    .venv/bin/python benchmarks/report_speed.py --big big.db    # reuse a database from benchmarks/generate.py
    .venv/bin/python benchmarks/report_speed.py --quick         # seconds: a check that it works (the tests run it)

A report is run by hand (or the app's report screen opened), not on every key: seconds are fine, minutes not.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import build_database  # noqa: E402
from quotecheck.report import charts  # noqa: E402
from quotecheck.report.figures import compute  # noqa: E402
from quotecheck.report.html import render  # noqa: E402
from quotecheck.store import Store  # noqa: E402


def measure(path: Path) -> None:
    with Store(path, mode="read") as store:
        started = time.perf_counter()
        data = store.report_data()
        tallied = time.perf_counter()
    figures = compute(data)
    computed = time.perf_counter()
    with mock.patch.object(charts, "available", return_value=False):
        render(figures)
    tables = time.perf_counter()
    page = render(figures) if charts.available() else ""
    drawn = time.perf_counter()
    print(f"quotes: {figures.quotes:,}, tally rows: {len(data.quotes):,} quote groups, {len(data.people):,} person groups")
    print(f"  tallies (SQL)            {tallied - started:7.2f} s")
    print(f"  figures                  {computed - tallied:7.2f} s")
    print(f"  page, tables only        {tables - computed:7.2f} s")
    if page:
        print(f"  page with charts         {drawn - tables:7.2f} s  ({len(page) / 1e6:.1f} MB)")
    else:
        print("  page with charts         (the report extra is not installed)")
    print(f"  total                    {drawn - started:7.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--speakers", type=int, default=100_000)
    parser.add_argument("--big", type=Path, help="reuse this database (from generate.py)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="a check that the script works: 5,000 quotes")
    args = parser.parse_args()
    if args.quick:
        args.quotes, args.speakers, args.big = 5000, 500, None
    with tempfile.TemporaryDirectory() as directory:
        big = args.big
        if big is None or not big.exists():
            big = big or Path(directory) / "big.db"
            build_database(big, quotes=args.quotes, speakers=args.speakers, seed=args.seed)
        measure(big)


if __name__ == "__main__":
    main()
