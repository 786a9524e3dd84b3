"""p: the quote's versions in other articles; a gives its exact copies its verdict, one undo."""

from __future__ import annotations

from textual.widgets import Static

from quotecheck.review.screens.versions import VersionsScreen
from quotecheck.review.widgets.quote_list import QuoteList
from quotecheck.store import Store

from .helpers import add_versions_and_sources, make_app, settle


def _ids(db_path) -> dict[str, int]:
    with Store(db_path) as fresh:
        return {q.outlet: q.id for q in fresh.quotes(limit=100) if "fishing boat" in q.text}


def _status(db_path, quote_id) -> str:
    with Store(db_path) as fresh:
        return fresh.quote(quote_id).status


async def test_versions_listed_with_flags_and_verdict_applied_to_exact_copies(store, db_path, tmp_path):
    add_versions_and_sources(store)
    ids = _ids(db_path)  # the wire's quote, its exact copy in the Ledger, the Gazette's version
    app = make_app(store, tmp_path)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        quotes = app.screen.query_one(QuoteList)
        quotes.move_to(quotes.index_where(lambda record: record.id == ids["Wire"]))
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, VersionsScreen)
        shown = str(app.screen.query_one("#versions-list", Static).render())
        assert "This quote: 3 versions — wording, conflict" in shown
        assert "Speakers Tom Reed; Ann Park" in shown
        assert f"#{ids['Wire']} 2024-03-03 Wire Tom Reed (earliest, this quote)" in shown
        assert f"#{ids['Gazette']} 2024-03-04 Gazette Ann Park (reference)" in shown
        assert f"#{ids['Ledger']} 2024-03-05 Ledger Tom Reed (exact copy)" in shown
        assert "in the [-big-] harbour [b] this winter [/b]" in shown  # markup in the quote is text
        assert "give this quote a verdict first" in str(app.screen.query_one("#versions-action", Static).render())
        await pilot.press("a")  # unreviewed: nothing to apply
        await settle(pilot)
        assert isinstance(app.screen, VersionsScreen)
        await pilot.press("escape", "d")  # disputed; the cursor moves on
        await settle(pilot)
        await pilot.press("k", "p")
        await settle(pilot)
        assert "a marks the 1 exact copy" in str(app.screen.query_one("#versions-action", Static).render())
        await pilot.press("a")
        await settle(pilot)
        assert not isinstance(app.screen, VersionsScreen)
        assert [_status(db_path, ids[o]) for o in ("Wire", "Ledger", "Gazette")] == [
            "disputed", "disputed", "unreviewed"
        ]
        await pilot.press("z")  # one action, one undo: the copy goes back, the quote's own verdict stays
        await settle(pilot)
        assert [_status(db_path, ids[o]) for o in ("Wire", "Ledger", "Gazette")] == [
            "disputed", "unreviewed", "unreviewed"
        ]


async def test_a_quote_found_nowhere_else_says_so(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert "No other article has this quote" in str(app.screen.query_one("#versions-list", Static).render())
        assert "No exact copy" in str(app.screen.query_one("#versions-action", Static).render())
