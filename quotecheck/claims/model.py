"""A claim span: what the rules return and the store keeps."""

from __future__ import annotations

from dataclasses import dataclass

# In the order a reviewer reads them in the app's legend; also the values of the claims table's "type" column.
CLAIM_TYPES = ("quantity", "percentage", "date", "comparison", "superlative", "past-fact")


@dataclass(frozen=True, slots=True)
class Claim:
    """``text[start:end]`` of the quote text it was found in (offsets relative to the quote, not the article)."""

    start: int
    end: int
    type: str
    text: str
