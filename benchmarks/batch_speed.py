"""`quotecheck extract-batch` on a local Dask cluster, then `quotecheck ingest` of its shards, against
`quotecheck ingest --jobs N` of the same articles.

    .venv/bin/python benchmarks/batch_speed.py                  # 4,000 articles in 8 JSONL shards
    .venv/bin/python benchmarks/batch_speed.py --articles 20000 --shards 16
    .venv/bin/python benchmarks/batch_speed.py --quick          # seconds: a check that it works (the tests)

The articles come from benchmarks/generate.py (about 2 kB and 10 quotes each), written at run time as --shards
JSONL files in a temporary directory. Each figure is one run of the command in a process of its own, start-up
(and for extract-batch the start of the cluster) included. Both routes must store the same quotes.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.ingest_parallel import QUOTECHECK, write_jsonl  # noqa: E402
from quotecheck.store.pipeline import all_cores  # noqa: E402


def timed(*arguments: str) -> tuple[float, str]:
    """(seconds, last line printed) of one quotecheck command."""
    started = time.perf_counter()
    done = subprocess.run([*QUOTECHECK, *arguments], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"quotecheck {' '.join(arguments)} failed:\n{done.stderr}")
    return seconds, done.stdout.strip().splitlines()[-1]


def split(jsonl: Path, into: int, directory: Path) -> None:
    """The lines of ``jsonl`` dealt out to ``into`` shard files, in order."""
    lines = jsonl.read_text(encoding="utf-8").splitlines(keepends=True)
    size = -(-len(lines) // into)
    for number in range(into):
        (directory / f"wire-{number:03d}.jsonl").write_text("".join(lines[number * size : (number + 1) * size]),
                                                            encoding="utf-8")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--shards", type=int, default=8, help="JSONL files the articles are split into")
    parser.add_argument("--jobs", type=int, default=all_cores(), help="workers for both routes  [all cores]")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="a check that the script works, in seconds")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.shards = 40, 2
    with tempfile.TemporaryDirectory(prefix="quotecheck-batch-") as scratch:
        root = Path(scratch)
        inputs, shards = root / "inputs", root / "shards"
        inputs.mkdir()
        count = write_jsonl(root / "all.jsonl", articles=args.articles, seed=args.seed)
        megabytes = (root / "all.jsonl").stat().st_size / 1e6
        split(root / "all.jsonl", args.shards, inputs)
        print(f"{count:,} generated articles ({megabytes:.1f} MB) in {args.shards} JSONL shards, --jobs {args.jobs}, "
              f"{all_cores()} cores on this machine (process and cluster start-up included)")  # fmt: skip

        direct, summary = timed("ingest", "--jobs", str(args.jobs), "--db", str(root / "direct.db"), str(inputs))
        print(f"  {'ingest --jobs ' + str(args.jobs):28s} {direct:7.2f} s  {count / direct:7,.0f} articles/s"
              f"   {summary}")
        extracting, _ = timed("extract-batch", "--jobs", str(args.jobs), "--out", str(shards), str(inputs))
        print(f"  {'extract-batch --jobs ' + str(args.jobs):28s} {extracting:7.2f} s"
              f"  {count / extracting:7,.0f} articles/s")
        storing, stored = timed("ingest", "--db", str(root / "shards.db"), str(shards))
        print(f"  {'ingest of the shards':28s} {storing:7.2f} s  {count / storing:7,.0f} articles/s   {stored}")
        both = extracting + storing
        print(f"  {'extract-batch + ingest':28s} {both:7.2f} s  {count / both:7,.0f} articles/s   "
              f"{direct / both:4.2f}x the speed of ingest --jobs {args.jobs}")  # fmt: skip
        if stored.split(";")[1] != summary.split(";")[1]:
            sys.exit(f"the two routes stored different quotes: {summary!r} and {stored!r}")


if __name__ == "__main__":
    main()
