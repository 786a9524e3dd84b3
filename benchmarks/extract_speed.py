"""Speed of extract() on one core: throughput on real article text, and the time of pathological inputs.

    .venv/bin/python benchmarks/extract_speed.py [--megabytes 10] [--devset ../shared/devset/polnear-train.jsonl]
    .venv/bin/python benchmarks/extract_speed.py --quick     # seconds: small sizes, corpus only (the tests run it)
    .venv/bin/python benchmarks/extract_speed.py --repeat 3  # the best of three passes (a shared machine is noisy)

Article text comes from corpus/*.txt plus, when the development set is present (by default in shared/devset beside
the repository), its article texts (read at run time, never copied into the repository), repeated until there is
enough. Throughput is given in wall time and in CPU time (time.process_time, what other processes on the machine do
not inflate). It says whether the extractor measured is compiled (setup.py builds it with mypyc unless
QUOTECHECK_PURE=1) or plain Python. Each pathological input runs in a child process that is stopped after --limit
seconds. Goals: at least 4 MB/s on articles (issue 8; issue 7 asked for 2), and no pathological input slower than
1 s per MB."""

from __future__ import annotations

import argparse
import json
import multiprocessing
import time
from pathlib import Path

from quotecheck.extract import compiled, extract

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DEVSET = ROOT.parent / "shared" / "devset" / "polnear-train.jsonl"
MB = 1_000_000
GOAL_MB_PER_S = 4.0  # issue 8 (issue 7 asked for 2)
GOAL_S_PER_MB = 1.0


def article_texts(devset: Path | None) -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "corpus").glob("*.txt"))]
    if devset is None:
        return texts
    if not devset.exists():
        print(f"(no development set at {devset}: the bundled corpus only)")
        return texts
    with devset.open(encoding="utf-8") as lines:
        texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return texts


def pathological_inputs(size: int = MB) -> dict[str, str]:
    """The inputs, the "1 MB" ones ``size`` characters long (smaller in a quick run)."""
    return {
        "1 MB of quote marks, mixed styles": ("\"“”‘’«»„'" * (size // 9 + 1))[:size],
        "unbalanced opening marks": ('He said "we will win and ' * (size // 25 + 1))[:size],
        "unbalanced closing marks": ('we will win," he said. ' * (size // 23 + 1))[:size],
        "one 100,000-character line": ("word " * 20_000)[:100_000],
        "one 100,000-character quote": '"' + ("a " * 50_000) + '," she said.',
        "control characters": ("".join(chr(c) for c in range(32)) + ' "x," he said. ') * (size // 47 + 1),
        "mixed scripts": "Она сказала «привет». 他说“你好”。 قال \"مرحبا\". Er sagte „Hallo“. " * (size // 64 + 1),
        "1 MB of cue words": ("said told according to warned that he she " * (size // 42 + 1))[:size],
        "deep nesting": ("“‘«" * 50_000) + "x" + ("»’”" * 50_000),
        "1 MB without newlines, many quotes": ('"Yes," said Ann Lee, "no." ' * (size // 27 + 1))[:size],
        "many people sharing a surname": _shared_surnames(size),
    }


def _shared_surnames(size: int) -> str:
    """Thousands of different people called Smith and bodies called Ministry: each new one must not be compared
    with all the earlier ones (that made 0.37 MB take 21 s)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    names = ("".join(letters[(n // 26**k) % 26] for k in range(4)).capitalize() for n in range(size))
    sentences = (f"{first} Smith met {second} Ministry." for first, second in zip(names, names))
    text = " ".join(sentence for sentence, _ in zip(sentences, range(size // 30 + 1)))
    return text[:size]


def _timed_extract(name: str, size: int, results: multiprocessing.Queue) -> None:
    text = pathological_inputs(size)[name]
    started = time.perf_counter()
    extract(text)
    results.put(time.perf_counter() - started)


def measure(name: str, size: int, limit: float) -> float | None:
    """Seconds extract() takes on the named input, in a child process stopped after ``limit`` s (then None)."""
    results: multiprocessing.Queue = multiprocessing.Queue()
    child = multiprocessing.Process(target=_timed_extract, args=(name, size, results))
    child.start()
    child.join(limit)
    if child.is_alive():
        child.terminate()
        child.join()
        return None
    return results.get() if not results.empty() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0, help="article text to process (default 10)")
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET, help="JSONL of articles to add, if present")
    parser.add_argument("--limit", type=float, default=30.0, help="stop a pathological input after this many seconds")
    parser.add_argument("--quick", action="store_true",
                        help="a check that the script works, in seconds: 0.2 MB of corpus text, 20 kB inputs")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the articles; the fastest counts")
    args = parser.parse_args()
    input_size = MB
    if args.quick:
        args.megabytes, args.devset, args.limit, input_size = 0.2, None, 10.0, 20_000

    texts = article_texts(args.devset)
    target = int(args.megabytes * MB)
    batch, size = [], 0
    while size < target:
        for text in texts:
            batch.append(text)
            size += len(text.encode("utf-8"))
            if size >= target:
                break
    print(f"extractor: {'compiled (mypyc)' if compiled() else 'pure Python'}")
    extract(texts[0])  # load lexicons and compile patterns outside the measurement
    seconds = cpu_seconds = float("inf")
    for _ in range(max(1, args.repeat)):
        started, started_cpu = time.perf_counter(), time.process_time()
        quotes = sum(len(extract(text)) for text in batch)
        seconds = min(seconds, time.perf_counter() - started)
        cpu_seconds = min(cpu_seconds, time.process_time() - started_cpu)
    mb_per_s = size / MB / seconds
    print(f"articles: {len(batch)} ({len(texts)} distinct), {size / MB:.1f} MB, {quotes} quotes, {seconds:.2f} s")
    print(f"throughput: {mb_per_s:.2f} MB/s, {len(batch) / seconds:.0f} articles/s"
          f"  [{'ok' if mb_per_s >= GOAL_MB_PER_S else 'SLOW'}: goal >= {GOAL_MB_PER_S} MB/s]")
    print(f"CPU time: {cpu_seconds:.2f} s, {size / MB / cpu_seconds:.2f} MB/s")
    print()
    print(f"{'pathological input':<38}{'MB':>7}{'seconds':>10}{'s/MB':>9}")
    for name, text in pathological_inputs(input_size).items():
        megabytes = len(text.encode("utf-8")) / MB
        seconds = measure(name, input_size, args.limit)
        if seconds is None:
            print(f"{name:<38}{megabytes:>7.2f}{'>' + format(args.limit, '.0f'):>10}{'-':>9}  SLOW: stopped after "
                  f"{args.limit:.0f} s")
            continue
        per_mb = seconds / megabytes
        flag = "" if per_mb <= GOAL_S_PER_MB else f"  SLOW: goal <= {GOAL_S_PER_MB} s/MB"
        print(f"{name:<38}{megabytes:>7.2f}{seconds:>10.3f}{per_mb:>9.3f}{flag}")


if __name__ == "__main__":
    main()
