"""An article's quotes a piece at a time, in text order: the article view's reads (any size of article)."""

from __future__ import annotations

from quotecheck.extract.model import Quote
from quotecheck.read.model import Article

TEXT = "".join(f'"Point {n}," Ann Lee said.\n' for n in range(30))


def stored(store):
    quotes = []
    for n in range(30):
        start = TEXT.index(f"Point {n},")
        quotes.append(Quote(start, start + len(f"Point {n},"), f"Point {n},", "direct", "Ann Lee", "person"))
    quotes.append(Quote(quotes[5].start, quotes[5].end + 3, TEXT[quotes[5].start : quotes[5].end + 3], "direct"))
    result = store.add_article(Article(TEXT, title="Points"), quotes)
    return result.article_id, store.article_quotes(result.article_id)


def test_next_and_previous_walk_text_order_ties_broken_by_id(store):
    article_id, every = stored(store)
    walked, record = [], store.article_quote_next(article_id)
    while record is not None:
        walked.append(record.id)
        record = store.article_quote_next(article_id, (record.start, record.id))
    assert walked == [record.id for record in every]  # two quotes share a start: both are met, in id order
    back, record = [], store.article_quote_next(article_id, backwards=True)
    while record is not None:
        back.append(record.id)
        record = store.article_quote_next(article_id, (record.start, record.id), backwards=True)
    assert back == walked[::-1]


def test_count_and_position(store):
    article_id, every = stored(store)
    assert store.article_quote_count(article_id) == 31
    assert [store.article_quote_count(article_id, before=record) for record in every] == list(range(31))


def test_quotes_between_overlap_the_range_within_reach(store):
    article_id, every = stored(store)
    low, high = every[10].start + 2, every[12].start + 1  # inside quote 10 to the first character of quote 12
    assert [r.id for r in store.article_quotes_between(article_id, low, high, reach=100)] == [
        every[10].id, every[11].id, every[12].id]  # fmt: skip
    # quote 10 starts two characters before the range: out of a reach of one
    assert [r.id for r in store.article_quotes_between(article_id, low, high, reach=1)] == [every[11].id, every[12].id]
