from __future__ import annotations

import pytest

from quotecheck.store.models import QuoteRecord

ARTICLE_TEXT_FIELDS = {
    1: ("Lithuania helps gay Chechens flee Russia", "EUobserver", "2017-05-19", "https://euobserver.com/lgbti/137990"),
    2: ("Portugal backs refugee plan", "Publico", "2017-05-20", "https://publico.pt/2017/05/20/refugees"),
}


def _record(id: int = 1, article_id: int = 1, **overrides) -> QuoteRecord:
    title, outlet, published, url = ARTICLE_TEXT_FIELDS.get(article_id, (None, None, None, None))
    values = dict(
        id=id,
        article_id=article_id,
        speaker_id=3,
        speaker="Linas Linkevicius",
        speaker_type="person",
        role="the foreign minister of Lithuania",
        kind="direct",
        text="We are just one of many countries [involved],",
        start=10,
        end=56,
        mention_start=60,
        mention_end=62,
        cue="said",
        confidence=0.9,
        rule="adjacent-cue",
        status="verified",
        rating=None,
        note=None,
        evidence_url=None,
        reviewer="anna",
        updated_at="2026-11-25T07:30:00+00:00",
        version=2,
        article_title=title,
        outlet=outlet,
        published=published,
        url=url,
    )
    values.update(overrides)
    return QuoteRecord(**values)


@pytest.fixture
def make_record():
    """A QuoteRecord like the store returns, with any field overridden."""
    return _record
