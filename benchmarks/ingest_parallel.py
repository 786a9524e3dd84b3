"""How `quotecheck ingest --jobs N` scales with cores, and how much memory it takes as the input grows.

    .venv/bin/python benchmarks/ingest_parallel.py                       # 4,000 articles; memory on 20 and 100 MB
    .venv/bin/python benchmarks/ingest_parallel.py --articles 1000 --mb 5
    .venv/bin/python benchmarks/ingest_parallel.py --quick               # seconds: a check that it works (the tests)

Speed: the same generated JSONL ingested into a fresh database with 1 job, 2 jobs and all cores (process start-up
included), articles/s and the speed-up over one job. Memory: peak resident memory of the whole process tree
(the writer and its workers, sampled every 20 ms) ingesting a generated JSONL of --mb megabytes and of five times
that: flat when the input is streamed. The inputs are generated at run time in a temporary directory.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate_articles, make_speakers  # noqa: E402
from quotecheck.store.pipeline import all_cores  # noqa: E402

QUOTECHECK = [sys.executable, "-c", "from quotecheck.cli import cli; cli()"]


def write_jsonl(path: Path, *, articles: int | None = None, megabytes: float | None = None, seed: int = 0) -> int:
    """Generated articles, one JSON object per line: ``articles`` of them, or as many as fill ``megabytes``.
    Returns how many were written."""
    pool = make_speakers(2000, seed=seed)
    limit = megabytes * 1_000_000 if megabytes is not None else None
    written = size = 0
    with path.open("w", encoding="utf-8") as lines:
        for article, _ in generate_articles(articles or 10**9, pool, seed=seed):
            line = json.dumps({"text": article.text, "title": article.title, "outlet": article.outlet,
                               "published": article.published}, ensure_ascii=False) + "\n"  # fmt: skip
            lines.write(line)
            written += 1
            size += len(line.encode("utf-8"))
            if limit is not None and size >= limit:
                break
    return written


def tree_rss_kib(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants (Linux /proc)."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, StopIteration):  # gone meanwhile, or a zombie without memory
            continue
    return total


def ingest(jsonl: Path, db: Path, jobs: int) -> tuple[float, int, str]:
    """(seconds, peak KiB of the process tree, summary line) of one `quotecheck ingest` run."""
    started = time.perf_counter()
    process = subprocess.Popen([*QUOTECHECK, "ingest", "--jobs", str(jobs), "--db", str(db), str(jsonl)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss_kib(process.pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    out, err = process.communicate()
    if process.returncode != 0:
        sys.exit(f"quotecheck ingest --jobs {jobs} failed:\n{err}")
    return seconds, peak, out.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=4000, help="articles for the speed runs")
    parser.add_argument("--mb", type=float, default=20, help="size of the smaller input of the memory runs")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="a check that the script works, in seconds")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.mb = 60, 0.1
    cores = all_cores()
    with tempfile.TemporaryDirectory(prefix="quotecheck-parallel-") as scratch:
        directory = Path(scratch)
        jsonl = directory / "speed.jsonl"
        count = write_jsonl(jsonl, articles=args.articles, seed=args.seed)
        print(f"quotecheck ingest of {count:,} generated articles ({jsonl.stat().st_size / 1e6:.1f} MB JSONL), "
              f"{cores} cores on this machine (process start-up included)")  # fmt: skip
        baseline = None
        for jobs in sorted({1, 2, cores}):
            seconds, _, summary = ingest(jsonl, directory / f"jobs{jobs}.db", jobs)
            rate = count / seconds
            baseline = baseline or rate
            label = f"--jobs {jobs}" + (" (all cores)" if jobs == cores else "")
            print(f"  {label:22s} {seconds:7.2f} s  {rate:7,.0f} articles/s  "
                  f"speed-up {rate / baseline:4.2f}x   {summary}")

        print(f"Peak memory of the process tree (--jobs {cores}), streaming inputs of growing size")
        for megabytes in (args.mb, args.mb * 5):
            path = directory / f"memory-{megabytes:g}.jsonl"
            count = write_jsonl(path, megabytes=megabytes, seed=args.seed + 1)
            seconds, peak, _ = ingest(path, directory / f"memory-{megabytes:g}.db", cores)
            print(f"  {path.stat().st_size / 1e6:8.1f} MB, {count:7,} articles  {seconds:7.1f} s  "
                  f"{count / seconds:6,.0f} articles/s  peak RSS {peak / 1024:6.0f} MB")
            path.unlink()


if __name__ == "__main__":
    main()
