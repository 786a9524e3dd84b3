"""y: the quote beside its speaker's sources, a proposed verdict that enter accepts (and z undoes)."""

from __future__ import annotations

from textual.widgets import Static

from quotecheck.review.screens.source_check import SourceCheckScreen
from quotecheck.review.widgets.quote_list import QuoteList
from quotecheck.store import Store

from .helpers import add_versions_and_sources, make_app, settle


def _shown(app) -> str:
    return "\n".join(str(static.render()) for static in app.screen.query(Static))


async def _open_check(pilot, words: str) -> None:
    await settle(pilot)
    quotes = pilot.app.screen.query_one(QuoteList)
    quotes.move_to(quotes.index_where(lambda record: words in record.text))
    await settle(pilot)
    await pilot.press("y")
    await settle(pilot)


async def test_verbatim_quote_is_proposed_verified_and_enter_accepts_it(store, db_path, tmp_path):
    add_versions_and_sources(store)
    app = make_app(store, tmp_path)
    async with app.run_test(size=(120, 34)) as pilot:
        await _open_check(pilot, "Our port")
        assert isinstance(app.screen, SourceCheckScreen)
        shown = _shown(app)
        assert "Maria Lopez — verbatim (score 100)" in shown
        assert "source #1 Harbour briefing, line 2" in shown
        assert "Proposed ✓ verified" in shown
        quote_id = app.screen.verification.quote.id
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SourceCheckScreen)
        with Store(db_path) as fresh:
            assert fresh.quote(quote_id).status == "verified"
            assert [(r.action, r.new_status) for r in fresh.history(quote_id)] == [("status", "verified")]
        await pilot.press("z")
        await settle(pilot)
        with Store(db_path) as fresh:
            assert fresh.quote(quote_id).status == "unreviewed"


async def test_changed_words_show_the_diff_and_propose_misquoted(store, db_path, tmp_path):
    add_versions_and_sources(store)
    app = make_app(store, tmp_path)
    async with app.run_test(size=(120, 34)) as pilot:
        await _open_check(pilot, "find the money")
        shown = _shown(app)
        assert "Tom Reed — differs" in shown
        assert "[-cash-]{+money+}" in shown
        assert "Proposed ≠ misquoted" in shown
        quote_id = app.screen.verification.quote.id
        await pilot.press("escape")  # the reviewer decides otherwise: nothing is written
        await settle(pilot)
        with Store(db_path) as fresh:
            assert fresh.quote(quote_id).status == "unreviewed" and fresh.history(quote_id) == []
        await pilot.press("y", "enter")
        await settle(pilot)
        with Store(db_path) as fresh:
            assert fresh.quote(quote_id).status == "misquoted"


async def test_markup_in_quote_and_source_is_shown_as_typed(store, tmp_path):
    add_versions_and_sources(store)
    app = make_app(store, tmp_path)
    async with app.run_test(size=(120, 34)) as pilot:
        await _open_check(pilot, "giveaway")
        result = app.screen.query_one("#source-check-result", Static).render()
        assert "Passage  This is a giveaway [bold]to shipping firms[/bold]" in str(result)
        assert not any("bold" in str(span.style) and span.end - span.start > 20 for span in result.spans)


async def test_a_speaker_without_sources_gets_a_message_not_a_panel(store, tmp_path):
    add_versions_and_sources(store)
    app = make_app(store, tmp_path)
    async with app.run_test(size=(120, 34)) as pilot:
        await _open_check(pilot, "People asked")  # Ann Park has no sources
        assert not isinstance(app.screen, SourceCheckScreen)
        assert any("Ann Park has no sources" in str(n.message) for n in app._notifications)
