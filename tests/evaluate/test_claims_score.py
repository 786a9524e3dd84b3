"""Scoring the claim finder: the matching rules, and the figures the docs promise on the annotated golds."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotecheck.claims import Claim
from quotecheck.evaluate.claims import MEASURED_TYPES, precision, recall, score_claims
from quotecheck.evaluate.gold import GoldClaim, GoldDocument, GoldQuote, gold_files, load_gold

ROOT = Path(__file__).resolve().parents[2]
TEXT = 'He said: "We cut 40 jobs in May."'
QUOTE = GoldQuote(10, 32, "direct")


def document(*claims: GoldClaim | None) -> GoldDocument:
    return GoldDocument("doc", "doc", TEXT, (QUOTE,), claims=None if claims == (None,) else claims)


def finder(*found: Claim):
    return lambda text: list(found)


def test_a_claim_is_right_with_the_gold_type_and_an_overlap_each_gold_matched_once():
    gold = document(GoldClaim(17, 24, "quantity"), GoldClaim(28, 31, "date"))
    # offsets of found claims count from the quote's start (10): "40" and "40 jobs" both overlap "40 jobs"
    scores = score_claims([gold], finder(Claim(7, 9, "quantity", "40"), Claim(7, 14, "quantity", "40 jobs"),
                                         Claim(18, 21, "quantity", "May")))  # fmt: skip
    quantity, date = scores.by_type["quantity"], scores.by_type["date"]
    assert (quantity.gold, quantity.found, quantity.matched, quantity.exact) == (1, 3, 1, 1)  # the exact one wins
    assert (date.gold, date.found, date.matched) == (1, 0, 0)
    assert ("doc", "missed", "date", "May") in scores.errors and ("doc", "extra", "quantity", "40") in scores.errors
    assert precision(scores.total()) == pytest.approx(1 / 3) and recall(scores.total()) == pytest.approx(1 / 2)


def test_documents_without_claim_annotations_are_left_out():
    scores = score_claims([document(None)], finder(Claim(7, 9, "quantity", "40")))
    assert scores.documents == 0 and scores.total().found == 0 and precision(scores.total()) is None


def test_the_rules_reach_the_target_on_every_annotated_gold():
    """precision >= 0.90 and recall >= 0.80 on numbers, percentages, dates, comparisons and superlatives
    (docs/claims.md); past-fact on its own."""
    paths = [str(ROOT / "corpus"), str(ROOT / "benchmarks" / "claims_gold")]
    documents = [doc for path in gold_files(paths) for doc in load_gold(path)]
    assert all(isinstance(doc, GoldDocument) for doc in documents) and len(documents) == 12
    scores = score_claims(documents)
    measured = scores.total(MEASURED_TYPES)
    assert measured.gold >= 130 and precision(measured) >= 0.9 and recall(measured) >= 0.8
    past = scores.by_type["past-fact"]
    assert precision(past) >= 0.9 and recall(past) >= 0.8
