"""Checkable claims in the review app: the "checkable claims first" order (key and filter form), the claim-type
filter, and the claims tinted in the quote detail, with markup in a claim shown as plain text."""

from __future__ import annotations

import dataclasses

from quotecheck.claims import Claim
from quotecheck.review.screens.filters import FilterScreen
from quotecheck.review.text import attribution, quote_in_context
from quotecheck.review.widgets.quote_list import QuoteList

from .helpers import make_app, settle

FEES = "fees would rise by five percent next year"


def rows(app):
    return app.screen.query_one(QuoteList).rows


async def test_claims_first_puts_the_most_claims_on_top_and_toggles_back(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)
        counts = [len(row.claims) for row in rows(app)]
        assert rows(app)[0].text == FEES and counts == sorted(counts, reverse=True) and counts[-1] == 0
        assert "checkable claims first" in str(app.screen.query_one("#filterbar").render())
        await pilot.press("C")
        await settle(pilot)
        assert rows(app)[0].text == "Our port will stay open all winter,"


async def test_the_filter_form_takes_a_claim_type_and_the_order(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FilterScreen)
        app.screen.query_one("#filter-claim").value = "percentage"
        app.screen.query_one("#filter-claims-first").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [row.text for row in rows(app)] == [FEES]
        assert app.screen.quote_filter.claims_first and app.screen.quote_filter.has_claim == "percentage"
        bar = str(app.screen.query_one("#filterbar").render())
        assert "claim percentage" in bar and "checkable claims first" in bar
        await pilot.press("f")
        await settle(pilot)
        app.screen.query_one("#filter-claim").value = "any"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert rows(app) and all(row.claims for row in rows(app))


async def test_the_detail_tints_each_claim_of_the_current_quote(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("j")  # the second quote: fees ...
        await settle(pilot)
        context = app.screen.query_one("#detail-context").render()
        styled = [(context.plain[span.start : span.end], str(span.style)) for span in context.spans]
        assert any(words == "five percent" and "yellow" in style.partition(" on ")[2] for words, style in styled), styled
        assert any(words == "next year" and "cyan" in style.partition(" on ")[2] for words, style in styled), styled
        details = str(app.screen.query_one("#detail-attribution").render())
        assert "Claims" in details and "percentage" in details and "five percent" in details


def test_claim_words_with_markup_stay_words(store):
    record = store.quotes(limit=1)[0]
    article = store.article(record.article_id)
    hostile = dataclasses.replace(record, claims=(Claim(0, 4, "date", "[bold]May[/bold] [link=x]y[/link]"),))
    shown = attribution(hostile)
    assert "[bold]May[/bold] [link=x]y[/link]" in shown.plain
    context, _ = quote_in_context(article.text, hostile)
    assert context.plain.count(record.text) == 1  # the tint cuts the quote into pieces but keeps every character
