"""The value the extractor returns: one attributed quote with offsets into the input text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

QuoteKind = Literal["direct", "partial", "indirect"]
SpeakerType = Literal["person", "organisation", "anonymous"]
Gender = Literal["female", "male"]
# Where a person's gender came from: the article itself (a he/she resolved to them, an honorific such as "Ms"), or
# the usual gender of their first name (the gender-guesser names dataset).
GenderSource = Literal["article", "first-name"]


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
    speaker_gender: Gender | None = None  # persons only; never guessed for organisations or anonymous sources
    speaker_gender_source: GenderSource | None = None
    co_speakers: tuple[str, ...] = ()  # others named with the speaker as saying it: "said Rosa Diaz and Ben Cole"
