"""Fit the confidence model (quotecheck/extract/confidence.py) on gold sets and write its weights file.

    .venv/bin/python benchmarks/calibrate.py [GOLD.jsonl ...] [--folds 5] [--l2 2.0] [--hand-weight 15]
                                             [--description-weight 1] [--dry-run]
    .venv/bin/python benchmarks/calibrate.py --quick     # seconds: the BBC set, nothing written (the tests run it)

Default gold files: polnear-train.jsonl, polnear-train-speakers.jsonl, bbc-dev.jsonl and reuters-dev.jsonl in
../shared/devset next to the repository (read at run time, never copied into it). The extractor runs over every
article; its predictions are matched to the gold with ``quotecheck.evaluate.score.score_document``, and every matched
quote whose name is judged (``name_right`` is not None) is one example: the evidence the extractor computed the
confidence from, labelled with whether the name is right. Quotes whose gold name was resolved by hand (a canonical
name) weigh ``--hand-weight`` times more than quotes judged against PolNeAR's heuristic names; PolNeAR quotes whose
source is a description ("the newspaper"), which the scorer judges by the mention alone (so "the newspaper" counts as
right where the hand-checked sets want "New York Daily News"), weigh ``--description-weight``. An article found in
several files is used once, from the file with hand-checked names (so the figures for polnear-train.jsonl leave out
the 30 articles of polnear-train-speakers.jsonl).

The model is L2-regularised logistic regression fitted by Newton's method in plain Python. The script prints, per
gold file: the expected calibration error and the share of name errors among the least-confident 20% of quotes,
(1) with the weights now installed, (2) held out: each article scored by weights fitted without its fold (folds by
a hash of the article id), and (3) in sample, with the weights fitted on everything, which it then writes to
quotecheck/extract/lexicon/confidence.json (unless --dry-run)."""

from __future__ import annotations

import argparse
import datetime
import json
import math
import sys
import zlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from quotecheck.evaluate.gold import CANONICAL, GoldDocument, GoldError, load_gold
from quotecheck.evaluate.report import calibration_figures
from quotecheck.evaluate.score import score_document
from quotecheck.extract.attribute import RULES, extract_quotes
from quotecheck.extract.confidence import (
    MENTION_KINDS,
    NUMERIC_FEATURES,
    QUOTE_KINDS,
    SPEAKER_TYPES,
    Evidence,
    features,
    probability,
)

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT.parent / "shared" / "devset"
DEFAULT_GOLD = ("polnear-train.jsonl", "polnear-train-speakers.jsonl", "bbc-dev.jsonl", "reuters-dev.jsonl")
WEIGHTS_FILE = ROOT / "quotecheck" / "extract" / "lexicon" / "confidence.json"
# Signs the weights must keep whatever the data say, so the model stays monotone where it should be: a pronoun
# with more people it could mean, a mention further away, no speaker at all are never reasons for more confidence.
NOT_ABOVE_ZERO = ("rivals", "log_distance", "no_speaker", "antecedent_far", "odd_name", "name_in_description")
NOT_BELOW_ZERO = ("same_sentence", "same_paragraph", "gender_known", "resolved", "nominal_named")


@dataclass(frozen=True, slots=True)
class Example:
    source: str  # the gold file's name
    document: str  # article id
    features: dict[str, float]
    right: bool
    weight: float
    installed: float  # the confidence the installed weights give
    basis: str | None = None  # how the gold names the speaker (gold.CANONICAL, MENTION, ANTECEDENT or None)


def feature_names() -> list[str]:
    return [
        *(f"rule={rule}" for rule in RULES),
        *(f"mention={kind}" for kind in MENTION_KINDS),
        *(f"kind={kind}" for kind in QUOTE_KINDS),
        *(f"type={kind}" for kind in SPEAKER_TYPES),
        *NUMERIC_FEATURES,
    ]


def read_documents(paths: list[Path]) -> list[tuple[str, GoldDocument]]:
    """(file name, document) for every readable article; an article in several files is kept once, where its
    names were checked by hand."""
    chosen: dict[str, tuple[int, str, GoldDocument]] = {}
    order: list[str] = []
    for path in paths:
        for item in load_gold(path):
            if isinstance(item, GoldError):
                print(f"Error: {item}", file=sys.stderr)
                continue
            hand = sum(q.name_basis == CANONICAL for q in item.quotes)
            if item.id not in chosen:
                order.append(item.id)
            elif chosen[item.id][0] >= hand:
                continue
            chosen[item.id] = (hand, path.name, item)
    return [(chosen[key][1], chosen[key][2]) for key in order]


def collect(
    documents: list[tuple[str, GoldDocument]], hand_weight: float, description_weight: float = 1.0
) -> list[Example]:
    examples = []
    for source, document in documents:
        evidence: list[tuple] = []
        quotes = extract_quotes(document.text, evidence)
        by_quote: dict[int, Evidence] = {id(quote): found for quote, found in evidence}
        for match in score_document(document, quotes).matches:
            if match.name_right is None:
                continue
            basis = match.gold.name_basis
            weight = hand_weight if basis == CANONICAL else description_weight if basis is None else 1.0
            examples.append(Example(
                source, document.id, features(by_quote[id(match.predicted)]), match.name_right, weight,
                match.predicted.confidence, match.gold.name_basis,
            ))
    return examples


def fold_of(document_id: str, folds: int) -> int:
    return zlib.crc32(document_id.encode("utf-8")) % folds


# ---- the fit ------------------------------------------------------------------------------------------------


def _sigmoid(z: float) -> float:
    z = min(30.0, max(-30.0, z))
    return 1.0 / (1.0 + math.exp(-z))


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the matrix is small and positive definite)."""
    n = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        head = a[col][col]
        for r in range(col + 1, n):
            factor = a[r][col] / head
            if factor:
                row, top = a[r], a[col]
                for c in range(col, n + 1):
                    row[c] -= factor * top[c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][r]
    return x


def fit(examples: list[Example], names: list[str], l2: float, iterations: int = 30) -> tuple[float, dict[str, float]]:
    """Weighted logistic regression, L2 penalty on every weight but the bias, Newton steps; weights whose sign is
    constrained (NOT_ABOVE_ZERO, NOT_BELOW_ZERO) and would cross zero are held at zero and the rest refitted."""
    index = {name: i + 1 for i, name in enumerate(names)}  # 0 is the bias
    rows = [([0, *(index[n] for n in ex.features)], [1.0, *ex.features.values()]) for ex in examples]
    labels = [1.0 if ex.right else 0.0 for ex in examples]
    weights = [ex.weight for ex in examples]
    size = len(names) + 1
    frozen: set[int] = set()
    signs = {index[n]: -1 for n in NOT_ABOVE_ZERO if n in index} | {index[n]: 1 for n in NOT_BELOW_ZERO if n in index}
    beta = [0.0] * size
    while True:
        for _ in range(iterations):
            gradient = [0.0] * size
            hessian = [[0.0] * size for _ in range(size)]
            for (cols, values), y, w in zip(rows, labels, weights):
                p = _sigmoid(sum(beta[c] * v for c, v in zip(cols, values)))
                g = w * (p - y)
                h = w * p * (1.0 - p)
                for c, v in zip(cols, values):
                    gradient[c] += g * v
                    hrow = hessian[c]
                    for c2, v2 in zip(cols, values):
                        hrow[c2] += h * v * v2
            for c in range(1, size):
                gradient[c] += l2 * beta[c]
                hessian[c][c] += l2
            for c in frozen:  # held at zero: no step
                gradient[c] = 0.0
                hessian[c] = [0.0] * size
                for row in hessian:
                    row[c] = 0.0
                hessian[c][c] = 1.0
            step = _solve(hessian, gradient)
            beta = [b - s for b, s in zip(beta, step)]
            if max(abs(s) for s in step) < 1e-7:
                break
        crossing = {c for c, sign in signs.items() if c not in frozen and beta[c] * sign < -1e-9}
        if not crossing:
            break
        frozen |= crossing
        for c in crossing:
            beta[c] = 0.0
    return beta[0], {name: beta[index[name]] for name in names}


def predict(bias: float, model: dict[str, float], example: Example) -> float:
    """The confidence the extractor would give ``example`` with these weights (rounded as it rounds)."""
    return probability(bias + sum(model.get(name, 0.0) * value for name, value in example.features.items()))


# ---- report -------------------------------------------------------------------------------------------------


def figures(outcomes: list[tuple[float, bool]]) -> str:
    result = calibration_figures(outcomes)
    accuracy = sum(right for _, right in outcomes) / len(outcomes) if outcomes else 0.0
    mean = sum(c for c, _ in outcomes) / len(outcomes) if outcomes else 0.0
    share = result["errors_in_lowest_fifth"]
    ece = result["expected_calibration_error"]
    ece_text = "-" if ece is None else format(ece, ".3f")
    return (f"{result['quotes']:>6}{accuracy * 100:>8.1f}%{mean * 100:>8.1f}%{ece_text:>8}"
            f"{'-' if share is None else format(share * 100, '.1f') + '%':>9}")


def print_table(title: str, examples: list[Example], confidences: list[float], sources: list[str]) -> None:
    print(f"\n{title}")
    print(f"{'gold file':<32}{'quotes':>6}{'right':>9}{'mean':>9}{'ECE':>8}{'low 20%':>9}")
    for source in [*sources, "all"]:
        outcomes = [(c, ex.right) for ex, c in zip(examples, confidences) if source in ("all", ex.source)]
        if outcomes:
            print(f"{source:<32}{figures(outcomes)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path, help="gold JSONL files (default: the four development sets)")
    parser.add_argument("--folds", type=int, default=5, help="folds for the held-out figures (default 5)")
    parser.add_argument("--l2", type=float, default=2.0, help="L2 penalty on the weights (default 2.0)")
    parser.add_argument("--hand-weight", type=float, default=15.0,
                        help="weight of a quote whose gold name was resolved by hand (default 15)")
    parser.add_argument("--description-weight", type=float, default=1.0,
                        help="weight of a PolNeAR quote whose source is a description, judged by its mention only "
                             "(default 1; 0 leaves them out of the fit, not of the figures)")
    parser.add_argument("--dry-run", action="store_true", help="print the figures, do not write the weights file")
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE, help="weights file to write")
    parser.add_argument("--quick", action="store_true",
                        help="a check that the script works, in seconds: the BBC set, 2 folds, nothing written")
    args = parser.parse_args()
    if args.quick:
        args.gold, args.folds, args.dry_run = args.gold or [DEVSET / "bbc-dev.jsonl"], 2, True
    paths = args.gold or [DEVSET / name for name in DEFAULT_GOLD]
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        sys.exit(f"Error: no such gold file: {', '.join(missing)}")

    documents = read_documents(paths)
    examples = collect(documents, args.hand_weight, args.description_weight)
    if not examples:
        sys.exit("Error: no matched quote with a judged speaker name in the gold files")
    sources = list(dict.fromkeys(path.name for path in paths))
    names = feature_names()
    print(f"{len(documents)} articles, {len(examples)} quotes with a judged name "
          f"({sum(ex.basis == CANONICAL for ex in examples)} with hand-checked names, weight {args.hand_weight:g}; "
          f"{sum(ex.basis is None for ex in examples)} judged by a description mention, weight "
          f"{args.description_weight:g}); "
          f"{len(names)} features, L2 {args.l2:g}")

    print_table("installed weights", examples, [ex.installed for ex in examples], sources)

    held_out = [0.0] * len(examples)
    folds = [fold_of(ex.document, args.folds) for ex in examples]
    for fold in range(args.folds):
        training = [ex for ex, f in zip(examples, folds) if f != fold]
        bias, model = fit(training, names, args.l2)
        for i, (ex, f) in enumerate(zip(examples, folds)):
            if f == fold:
                held_out[i] = predict(bias, model, ex)
    print_table(f"held out ({args.folds} folds by article id)", examples, held_out, sources)

    bias, model = fit(examples, names, args.l2)
    print_table("in sample (fitted on everything)", examples, [predict(bias, model, ex) for ex in examples], sources)

    counts = defaultdict(float)
    for ex in examples:
        for name in ex.features:
            counts[name] += ex.weight
    print(f"\n{'feature':<28}{'weight':>8}{'weighted n':>12}")
    print(f"{'bias':<28}{bias:>8.3f}")
    for name in names:
        print(f"{name:<28}{model[name]:>8.3f}{counts[name]:>12.0f}")

    if args.dry_run:
        return
    data = {
        "fitted_on": (
            f"benchmarks/calibrate.py on {datetime.date.today().isoformat()}: {', '.join(sources)} "
            f"({len(documents)} articles, {len(examples)} quotes; hand-checked names x{args.hand_weight:g}, "
            f"descriptions x{args.description_weight:g}, L2 {args.l2:g})"
        ),
        "bias": round(bias, 4),
        "weights": {name: round(weight, 4) for name, weight in model.items() if round(weight, 4) != 0.0},
    }
    args.out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
