"""Scoring the claim finder (quotecheck.claims) against the claims annotated inside gold quotes.

The finder runs on each gold quote's words, so the figures measure the claims rules alone, not the quote
extractor. A found claim is right when it has the type of a gold claim and overlaps it; each gold claim is matched
once. "exact" counts the matches whose spans are the same."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from quotecheck.claims import CLAIM_TYPES, Claim, find_claims
from quotecheck.evaluate.gold import GoldClaim, GoldDocument

# The types the target names: numbers, comparisons, superlatives and dated events.
MEASURED_TYPES = ("quantity", "percentage", "date", "comparison", "superlative")


@dataclass(slots=True)
class ClaimTally:
    gold: int = 0
    found: int = 0
    right: int = 0
    exact: int = 0

    def add(self, other: ClaimTally) -> None:
        self.gold += other.gold
        self.found += other.found
        self.right += other.right
        self.exact += other.exact

    @property
    def precision(self) -> float | None:
        return self.right / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.right / self.gold if self.gold else None


@dataclass(slots=True)
class ClaimScores:
    documents: int = 0
    by_type: dict[str, ClaimTally] = field(default_factory=lambda: {type_: ClaimTally() for type_ in CLAIM_TYPES})
    # (document id, "missed" | "extra", type, words) for reading the errors
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)

    def total(self, types: Iterable[str] = CLAIM_TYPES) -> ClaimTally:
        tally = ClaimTally()
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
            tally.right += 1
            tally.exact += 1
        else:
            loose.append(claim)
    for claim in loose:
        candidates = [g for g in unmatched if g.type == claim.type and g.start < claim.end and claim.start < g.end]
        if not candidates:
            scores.errors.append((document.id, "extra", claim.type, document.text[claim.start : claim.end]))
            continue
        unmatched.remove(max(candidates, key=lambda g: min(g.end, claim.end) - max(g.start, claim.start)))
        scores.by_type[claim.type].right += 1
    for claim in document.claims or ():
        scores.by_type[claim.type].gold += 1
    for claim in unmatched:
        scores.errors.append((document.id, "missed", claim.type, document.text[claim.start : claim.end]))
