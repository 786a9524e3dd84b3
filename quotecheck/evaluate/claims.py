"""Scoring the claim finder (quotecheck.claims) against the claims annotated inside gold quotes.

The finder runs on each gold quote's words, so the figures measure the claims rules alone, not the quote
extractor. A found claim is right when it has the type of a gold claim and overlaps it; each gold claim is matched
once (Tally.matched). "exact" counts the matches whose spans are the same."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from quotecheck.claims import CLAIM_TYPES, Claim, find_claims
from quotecheck.evaluate.gold import GoldClaim, GoldDocument
from quotecheck.evaluate.score import Tally

# The types the target names: numbers, comparisons, superlatives and dated events.
MEASURED_TYPES = ("quantity", "percentage", "date", "comparison", "superlative")


def precision(tally: Tally) -> float | None:
    return tally.matched / tally.found if tally.found else None


def recall(tally: Tally) -> float | None:
    return tally.matched / tally.gold if tally.gold else None


@dataclass(slots=True)
class ClaimScores:
    documents: int = 0
    by_type: dict[str, Tally] = field(default_factory=lambda: {type_: Tally() for type_ in CLAIM_TYPES})
    # (document id, "missed" | "extra", type, words) for reading the errors
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)

    def total(self, types: Iterable[str] = CLAIM_TYPES) -> Tally:
        tally = Tally()
        for type_ in types:
            tally.add(self.by_type[type_])
        return tally


def score_claims(
    documents: Iterable[GoldDocument], finder: Callable[[str], list[Claim]] = find_claims
) -> ClaimScores:
    """Claim precision and recall over the documents whose gold lists claims (the others are skipped)."""
    scores = ClaimScores()
    for document in documents:
        if document.claims is None:
            continue
        scores.documents += 1
        found = [
            GoldClaim(quote.start + claim.start, quote.start + claim.end, claim.type)
            for quote in document.quotes
            for claim in finder(document.text[quote.start : quote.end])
        ]
        _score(document, found, scores)
    return scores


def _score(document: GoldDocument, found: list[GoldClaim], scores: ClaimScores) -> None:
    """Exact matches first, then overlaps (the largest overlap), so a loose claim never takes a gold claim from
    an exact one."""
    unmatched = list(document.claims or ())
    loose = []
    for claim in found:
        tally = scores.by_type[claim.type]
        tally.found += 1
        if claim in unmatched:
            unmatched.remove(claim)
            tally.matched += 1
            tally.exact += 1
        else:
            loose.append(claim)
    for claim in loose:
        candidates = [g for g in unmatched if g.type == claim.type and g.start < claim.end and claim.start < g.end]
        if not candidates:
            scores.errors.append((document.id, "extra", claim.type, document.text[claim.start : claim.end]))
            continue
        unmatched.remove(max(candidates, key=lambda g: min(g.end, claim.end) - max(g.start, claim.start)))
        scores.by_type[claim.type].matched += 1
    for claim in document.claims or ():
        scores.by_type[claim.type].gold += 1
    for claim in unmatched:
        scores.errors.append((document.id, "missed", claim.type, document.text[claim.start : claim.end]))
