"""Build the articles and extractor quotes the store tests feed in."""

from __future__ import annotations

from quotecheck.extract.model import Quote
from quotecheck.read.model import Article
from quotecheck.store import Store


def quote_in(
    text: str,
    words: str,
    *,
    speaker: str | None = None,
    speaker_type: str | None = "person",
    mention: str | None = None,
    kind: str = "direct",
    role: str | None = None,
    cue: str | None = "said",
    confidence: float = 0.8,
    rule: str = "test-rule",
) -> Quote:
    """The Quote the extractor would return for ``words`` (first occurrence) said by ``speaker``."""
    start = text.index(words)
    mention_start = mention_end = None
    if mention is not None:
        mention_start = text.index(mention)
        mention_end = mention_start + len(mention)
    return Quote(
        start=start, end=start + len(words), text=words, kind=kind, speaker=speaker,
        speaker_type=speaker_type if speaker else None, role=role, mention_start=mention_start,
        mention_end=mention_end, cue=cue, confidence=confidence, rule=rule,
    )  # fmt: skip


def add_said(store: Store, speaker: str, words: str, *, speaker_type: str = "person", role: str | None = None,
             outlet: str | None = None, published: str | None = None, kind: str = "direct", confidence: float = 0.8):
    """Store a one-quote article `SPEAKER said: "WORDS"`; returns (IngestResult, QuoteRecord)."""
    text = f'{speaker} said: "{words}"'
    quote = quote_in(text, words, speaker=speaker, speaker_type=speaker_type, mention=speaker, role=role, kind=kind,
                     confidence=confidence)  # fmt: skip
    result = store.add_article(Article(text=text, outlet=outlet, published=published), [quote])
    return result, store.article_quotes(result.article_id)[0]
