"""Validation of what callers hand the store: one-line StoreError messages, raised before anything is written."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from quotecheck.sanitize import EVIDENCE_URL_RULE, valid_evidence_url
from quotecheck.store.models import KINDS, RATINGS, SPEAKER_TYPES, StoreError
from quotecheck.store.names import name_key

if TYPE_CHECKING:
    from quotecheck.extract.model import Quote


def clean_name(name: str) -> str:
    return " ".join(name.split())


def check_unicode(where: str, values: Iterable[str | None]) -> None:
    """SQLite stores UTF-8: a lone surrogate (JSON allows "\\udc80") cannot be stored, so say so in one line."""
    for value in values:
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise StoreError(f"{where}: invalid Unicode (lone surrogate) at character {error.start}") from None


def check_speaker_name(name: str) -> None:
    """A name a reviewer typed for a speaker: storable, and with something to match it by."""
    check_unicode("speaker name", [name])
    if not name_key(name):
        raise StoreError("a speaker name needs at least one letter or digit")


def check_quote(text: str, quote: Quote, number: int) -> None:
    """Reject a quote whose offsets or values don't fit the article, before anything is written."""
    problem = None
    if quote.kind not in KINDS:
        problem = f"unknown kind {quote.kind!r}"
    elif not (0 <= quote.start <= quote.end <= len(text)) or text[quote.start : quote.end] != quote.text:
        problem = f"offsets {quote.start}:{quote.end} do not match its text"
    elif (quote.mention_start is None) != (quote.mention_end is None) or (
        quote.mention_start is not None and not 0 <= quote.mention_start <= quote.mention_end <= len(text)
    ):
        problem = f"mention offsets {quote.mention_start}:{quote.mention_end} are outside the text"
    elif quote.speaker_type is not None and quote.speaker_type not in SPEAKER_TYPES:
        problem = f"unknown speaker type {quote.speaker_type!r}"
    elif not isinstance(quote.confidence, (int, float)) or not 0 <= quote.confidence <= 1:  # NaN fails too
        problem = f"confidence {quote.confidence!r} is not between 0 and 1"
    if problem:
        raise StoreError(f"quote {number}: {problem}")
    if not isinstance(quote.co_speakers, (tuple, list)) or not all(isinstance(n, str) for n in quote.co_speakers):
        raise StoreError(f"quote {number}: co-speakers {quote.co_speakers!r} are not names")
    check_unicode(f"quote {number}", (quote.speaker, quote.role, quote.cue, quote.rule, *quote.co_speakers))


def check_choice(what: str, value: str, choices: Sequence[str]) -> None:
    if value not in choices:
        raise StoreError(f"unknown {what} {value!r} (choose from {', '.join(choices)})")


def check_rating(rating: str | None) -> None:
    if rating is not None and rating not in RATINGS:
        raise StoreError(f"unknown rating {rating!r} (choose from {', '.join(RATINGS)}, or none)")


def check_reviewer(reviewer: str | None) -> str:
    name = (reviewer or "").strip()
    if not name:
        raise StoreError("a reviewer name is needed (--reviewer or $QUOTECHECK_REVIEWER)")
    check_unicode("reviewer", [name])
    return name


def check_evidence_url(url: str) -> None:
    """An http(s) link, or "" to remove the link: the quote sheets link nothing else."""
    if not valid_evidence_url(url):
        raise StoreError(f"{EVIDENCE_URL_RULE}, not {url!r}")
