"""A fingerprint of extract()'s output: one hash over every field of every quote it finds in corpus/*.txt and the
development sets, to check that a change meant only to make the extractor faster changes none of its results.

    .venv/bin/python benchmarks/extract_fingerprint.py            # corpus and every development set present
    .venv/bin/python benchmarks/extract_fingerprint.py --quick    # the bundled corpus only (the tests run it)

Record the hash before the change and compare it after. The development sets (read at run time from shared/devset
beside the repository, never copied into it) are those the benchmarks use; a missing one is named and skipped, so
two hashes only compare when the same files were read (the script prints how many texts and quotes it hashed)."""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
from pathlib import Path

from quotecheck.extract import compiled, extract

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT.parent / "shared" / "devset"
DEVSET_FILES = ("polnear-train.jsonl", "polnear-train-speakers.jsonl", "bbc-dev.jsonl", "reuters-dev.jsonl")


def texts(quick: bool) -> list[tuple[str, str]]:
    """(name, text) pairs: the corpus articles, then each development set's ``text`` fields in file order."""
    named = [(path.name, path.read_text(encoding="utf-8")) for path in sorted((ROOT / "corpus").glob("*.txt"))]
    if quick:
        return named
    for file_name in DEVSET_FILES:
        path = DEVSET / file_name
        if not path.exists():
            print(f"(no {path}: skipped)")
            continue
        with path.open(encoding="utf-8") as lines:
            records = (json.loads(line) for line in lines if line.strip())
            named += [(f"{file_name}:{number}", record["text"]) for number, record in enumerate(records, 1)]
    return named


def fingerprint(named_texts: list[tuple[str, str]]) -> tuple[str, int]:
    """The SHA-256 of every quote's fields (in the order extract() returns them) text by text, and the quote count."""
    digest = hashlib.sha256()
    count = 0
    for name, text in named_texts:
        quotes = extract(text)
        count += len(quotes)
        fields = [dataclasses.astuple(quote) for quote in quotes]
        digest.update(json.dumps([name, fields], ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest(), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the bundled corpus only, in a second")
    args = parser.parse_args()
    named_texts = texts(args.quick)
    digest, count = fingerprint(named_texts)
    print(f"extractor: {'compiled (mypyc)' if compiled() else 'pure Python'}")
    print(f"texts: {len(named_texts)}, quotes: {count}")
    print(f"fingerprint: {digest}")


if __name__ == "__main__":
    main()
