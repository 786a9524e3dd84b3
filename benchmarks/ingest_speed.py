"""How fast the command line is end to end: `quotecheck ingest` on files and on JSONL (reading, extraction, store,
process start-up included), re-ingesting (all no-ops), and the latency of the read commands on the result.

    .venv/bin/python benchmarks/ingest_speed.py                  # 5,000 generated articles
    .venv/bin/python benchmarks/ingest_speed.py --articles 500   # a shorter run
    .venv/bin/python benchmarks/ingest_speed.py --quick          # seconds: a check that it works (the tests)

benchmarks/store_speed.py measures extract() + Store.add_article in-process; this one runs the real `quotecheck`
commands in a subprocess, as a user would.
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

QUOTECHECK = [sys.executable, "-c", "from quotecheck.cli import cli; cli()"]


def quotecheck(*args: str) -> tuple[float, str]:
    """Run one command; (seconds, last line of its output). A failing command stops the benchmark."""
    started = time.perf_counter()
    done = subprocess.run([*QUOTECHECK, *args], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"quotecheck {' '.join(args)} failed:\n{done.stderr}")
    lines = done.stdout.strip().splitlines() or [""]
    return seconds, lines[-1]


def write_inputs(count: int, directory: Path, seed: int) -> tuple[Path, Path]:
    """The same generated articles as a tree of .txt files (100 per folder) and as one JSONL file."""
    pool = make_speakers(max(50, count // 5), seed=seed)
    tree, jsonl = directory / "articles", directory / "articles.jsonl"
    with jsonl.open("w", encoding="utf-8") as lines:
        for number, (article, _) in enumerate(generate_articles(count, pool, seed=seed)):
            folder = tree / f"{number // 100:04d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{number:06d}.txt").write_text(article.text, encoding="utf-8")
            record = {"text": article.text, "title": article.title, "outlet": article.outlet, "url": article.url,
                      "published": article.published}  # fmt: skip
            lines.write(json.dumps(record, ensure_ascii=False) + "\n")
    return tree, jsonl


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000, help="articles to generate and ingest")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="a check that the script works, in seconds: 30 articles")
    args = parser.parse_args()
    if args.quick:
        args.articles = 30
    with tempfile.TemporaryDirectory(prefix="quotecheck-ingest-") as scratch:
        directory = Path(scratch)
        tree, jsonl = write_inputs(args.articles, directory, args.seed)
        n = args.articles
        print(f"quotecheck ingest, {n:,} generated articles (process start-up included)")
        for label, source, db in (("JSONL file", jsonl, "jsonl.db"), (".txt files in folders", tree, "files.db")):
            seconds, summary = quotecheck("ingest", "--db", str(directory / db), str(source))
            print(f"  {label:24s} {seconds:7.2f} s  {n / seconds:7,.0f} articles/s   {summary}")
        seconds, summary = quotecheck("ingest", "--db", str(directory / "jsonl.db"), str(jsonl))
        print(f"  {'again (all no-ops)':24s} {seconds:7.2f} s  {n / seconds:7,.0f} articles/s   {summary}")

        db = str(directory / "jsonl.db")
        print("Read commands on that database (one run each, start-up included)")
        for command in (
            ["stats"],
            ["search", "government", "--limit", "50"],
            ["search", "--speaker", "Kowianzan", "--limit", "0"],
            ["speakers", "--limit", "50"],
            ["export", "--status", "any", "--format", "md", "-o", str(directory / "all.md")],
            ["export", "--status", "any", "--format", "html", "-o", str(directory / "all.html")],
        ):
            seconds, _ = quotecheck(*command, "--db", db)
            print(f"  quotecheck {' '.join(c if not c.startswith(scratch) else 'FILE' for c in command):60s} "
                  f"{seconds * 1000:7.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
