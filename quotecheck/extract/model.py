"""The value the extractor returns: one attributed quote with offsets into the input text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

QuoteKind = Literal["direct", "partial", "indirect"]
SpeakerType = Literal["person", "organisation", "anonymous"]


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote found in a text. Offsets are code-point indices; ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None = None
    speaker_type: SpeakerType | None = None
    role: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    cue: str | None = None
    confidence: float = 0.0
    rule: str = ""
    co_speakers: tuple[str, ...] = ()  # others named with the speaker as saying it: "said Rosa Diaz and Ben Cole"
