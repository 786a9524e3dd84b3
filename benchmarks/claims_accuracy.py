"""How well quotecheck.claims finds the checkable claims in quotes: precision and recall per claim type against
the claims annotated in the corpus golds (corpus/*.gold.json) and in benchmarks/claims_gold/ (articles written for
this measure), following the guideline in docs/gold-format.md ("Claims").

    .venv/bin/python benchmarks/claims_accuracy.py [--show] [GOLD...]
    .venv/bin/python benchmarks/claims_accuracy.py --quick     # the corpus golds only

The finder runs on each gold quote's words; a found claim is right when it has the type of a gold claim and
overlaps it (each gold claim matched once); "exact" is the share of those with the very same span. Goal, on the
types the target names (numbers, percentages, dates, comparisons, superlatives): precision >= 0.90 and recall
>= 0.80. Past-fact is reported on its own line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quotecheck.evaluate.claims import MEASURED_TYPES, precision, recall, score_claims
from quotecheck.evaluate.score import Tally
from quotecheck.evaluate.gold import GoldError, gold_files, load_gold

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = [ROOT / "corpus", ROOT / "benchmarks" / "claims_gold"]


def _figure(value: float | None) -> str:
    return "   —" if value is None else f"{value:.2f}"


def _line(label: str, tally: Tally) -> str:
    exact = f"{tally.exact / tally.matched:.0%}" if tally.matched else "—"
    return (f"{label:<26} gold {tally.gold:>3}  found {tally.found:>3}  right {tally.matched:>3}  "
            f"precision {_figure(precision(tally))}  recall {_figure(recall(tally))}  exact {exact}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", help="gold files or directories (default: corpus/ and benchmarks/claims_gold/)")
    parser.add_argument("--quick", action="store_true", help="the corpus golds only")
    parser.add_argument("--show", action="store_true", help="list every missed and extra claim")
    args = parser.parse_args()
    paths = [str(p) for p in (args.gold or (DEFAULT_GOLD[:1] if args.quick else DEFAULT_GOLD))]
    documents = []
    for path in gold_files(paths):
        items = [path] if isinstance(path, GoldError) else load_gold(path)
        for item in items:
            if isinstance(item, GoldError):
                print(f"Error: {item}", file=sys.stderr)
                return 1
            documents.append(item)
    scores = score_claims(documents)
    print(f"{scores.documents} annotated documents")
    for type_, tally in scores.by_type.items():
        print(_line(type_, tally))
    print(_line("numbers, dates, comparisons", scores.total(MEASURED_TYPES)))
    print(_line("all types", scores.total()))
    if args.show:
        for document_id, error, type_, words in scores.errors:
            print(f"  {error:<6} {type_:<11} {document_id}: {words!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
