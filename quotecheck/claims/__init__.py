"""Checkable claims inside a quote: numbers and quantities, percentages, dates, comparisons, superlatives and
statements about the past stated as fact. Pure: text in, claim spans out; no I/O beyond the package's own word
lists, no SQL.

    >>> [(claim.type, claim.text) for claim in find_claims("over 100 gay men had been rounded up")]
    [('quantity', 'over 100 gay men'), ('past-fact', 'had been rounded up')]

The rules and the word lists they read (lexicon/*.txt) are described in docs/claims.md."""

from quotecheck.claims.model import CLAIM_TYPES, Claim
from quotecheck.claims.rules import find_claims

__all__ = ["CLAIM_TYPES", "Claim", "find_claims"]
