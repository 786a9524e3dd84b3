"""The articles list, deleting an article, re-extracting one: each write one undoable action."""

from __future__ import annotations

import dataclasses

import pytest

from quotecheck.read.model import Article
from quotecheck.store import NotFound, QuoteFilter, StoreError

from .builders import quote_in

TEXT = 'Ann Lee said: "We will build it." A spokesman said: "No comment." Bo Chan said: "Later."'


@pytest.fixture
def article_id(store):
    quotes = [
        quote_in(TEXT, "We will build it.", speaker="Ann Lee", mention="Ann Lee"),
        quote_in(TEXT, "No comment.", speaker="A spokesman", speaker_type="anonymous", mention="A spokesman"),
    ]
    article = Article(text=TEXT, title="Bridge", outlet="Post", published="2024-05-01", external_id="post/1")
    return store.add_article(article, quotes).article_id


def test_articles_list_with_counts_newest_first(store, article_id):
    older = store.add_article(Article(text="Old news.", title="Old", published="2020-01-01"), []).article_id
    store.set_status(store.article_quotes(article_id)[0].id, "verified", reviewer="ana")
    listed = store.articles()
    assert [(a.id, a.external_id, a.title, a.outlet, a.published, a.quotes, a.reviewed) for a in listed] == [
        (article_id, "post/1", "Bridge", "Post", "2024-05-01", 2, 1), (older, None, "Old", None, "2020-01-01", 0, 0)]
    assert [a.id for a in store.articles(limit=1, offset=1)] == [older]


def test_an_article_is_found_by_row_id_or_external_id(store, article_id):
    assert store.article_id(str(article_id)) == store.article_id("post/1") == article_id
    assert [q.text for q in store.quotes(QuoteFilter(article="post/1"))][0] == "We will build it."
    with pytest.raises(NotFound, match="no article with id or external id 'post/2'"):
        store.article_id("post/2")


def test_deleting_an_article_hides_it_and_undo_brings_all_back(store, article_id):
    quotes = store.article_quotes(article_id)
    store.mark(quotes[0].id, "disputed", note="check", reviewer="ben")
    deleted = store.delete_article(article_id, reviewer="ana")
    assert (deleted.id, deleted.quotes, deleted.reviewed) == (article_id, 2, 1)
    assert store.articles() == [] and store.count_quotes() == 0 and store.stats().articles == 0
    assert store.outlets() == []
    with pytest.raises(NotFound):
        store.article(article_id)
    store.undo(reviewer="ana")
    assert [a.id for a in store.articles()] == [article_id]
    back = store.article_quotes(article_id)
    assert [(q.id, q.text, q.status, q.note) for q in back] == [
        (quotes[0].id, "We will build it.", "disputed", "check"), (quotes[1].id, "No comment.", "unreviewed", None)]
    assert back[1].speaker_scope == "article"
    assert store.integrity_problems() == []


def test_a_deleted_articles_text_can_be_ingested_again_and_then_its_deletion_stays(store, article_id):
    store.delete_article(article_id, reviewer="ana")
    again = store.add_article(Article(text=TEXT), [])
    assert again.new and again.article_id != article_id
    with pytest.raises(StoreError, match=f"ingested again since as article {again.article_id}"):
        store.undo(reviewer="ana")


def test_reextract_keeps_reviewed_quotes_and_same_ones_replaces_the_rest(store, article_id):
    ann, spokesman = store.article_quotes(article_id)
    store.set_status(ann.id, "verified", reviewer="ben")
    fresh = [
        quote_in(TEXT, "We will build it.", speaker="Somebody Else", mention="Ann Lee"),  # reviewed: stays Ann's
        quote_in(TEXT, "No comment", speaker="A spokesman", speaker_type="anonymous"),  # new span
        quote_in(TEXT, "Later.", speaker="Bo Chan", mention="Bo Chan"),  # missed before
    ]
    assert store.reextract_article(article_id, fresh, reviewer="ana") == (1, 1, 2)
    now = store.article_quotes(article_id)
    assert [(q.text, q.speaker, q.status) for q in now] == [
        ("We will build it.", "Ann Lee", "verified"), ("No comment", "A spokesman", "unreviewed"),
        ("Later.", "Bo Chan", "unreviewed")]  # fmt: skip
    assert now[0].id == ann.id and min(q.id for q in now[1:]) > spokesman.id
    store.undo(reviewer="ana")
    assert [(q.id, q.text) for q in store.article_quotes(article_id)] == [(ann.id, ann.text), (spokesman.id, spokesman.text)]
    assert store.integrity_problems() == []


def test_reextract_with_the_same_result_changes_nothing(store, article_id):
    before = store.article_quotes(article_id)
    same = [
        quote_in(TEXT, "We will build it.", speaker="Ann Lee", mention="Ann Lee"),
        quote_in(TEXT, "No comment.", speaker="A spokesman", speaker_type="anonymous", mention="A spokesman"),
    ]
    assert store.reextract_article(article_id, same, reviewer="ana") == (2, 0, 0)
    assert store.article_quotes(article_id) == before
    assert store.undo(reviewer="ana") is None


def test_reextract_refuses_quotes_that_do_not_fit_the_text(store, article_id):
    bad = dataclasses.replace(quote_in(TEXT, "Later.", speaker="Bo Chan"), end=999)
    with pytest.raises(StoreError, match="quote 1: offsets"):
        store.reextract_article(article_id, [bad], reviewer="ana")
    assert len(store.article_quotes(article_id)) == 2
