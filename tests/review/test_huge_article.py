"""One huge article in the review app: the article view holds a window of its text around the current quote and
fetches quotes as it moves, so it opens, moves and reviews as a short one does (benchmarks/review_speed.py times
one of 50 MB and 300,000 quotes; these articles are sized for the test suite)."""

from __future__ import annotations

import sys
from pathlib import Path

from textual.widgets import TextArea

from quotecheck.extract.model import Quote
from quotecheck.read.model import Article
from quotecheck.review.screens import article as article_screen
from quotecheck.review.screens.article import SPAN_MARGIN, WINDOW_PARAGRAPHS, ArticleScreen
from quotecheck.review.screens.span import SpanScreen
from quotecheck.review.text import PIECE
from quotecheck.store import Store

from .helpers import make_app, settle

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks.generate import build_huge_article  # noqa: E402

QUOTES = 5_000


def shown_text(screen: ArticleScreen) -> int:
    """Characters of the article on screen (in paragraph widgets shown)."""
    return sum(len(widget.render().plain) for widget in screen.query(".paragraph") if widget.display)


def assert_windowed(screen: ArticleScreen) -> None:
    shown = [widget for widget in screen.query(".paragraph") if widget.display]
    assert len(shown) == len(screen.blocks) <= 2 * WINDOW_PARAGRAPHS + 1
    assert shown_text(screen) <= 2 * article_screen.WINDOW_MARGIN + 2 * PIECE + len(screen.current.text)
    low, high = screen.window
    assert low <= screen.current.start and screen.current.end <= high


async def test_a_huge_article_opens_at_its_last_quote_and_pages_through_the_rest(tmp_path, monkeypatch):
    monkeypatch.setattr(article_screen, "WINDOW_MARGIN", 1_500)  # windows of a few quotes: fewer keys to cross one
    with Store(build_huge_article(tmp_path / "huge.db", quotes=QUOTES)) as store:
        huge = max(article.id for article in store.articles())
        every = store.article_quotes(huge)
        assert len(every) == QUOTES and len(store.article(huge).text) > 500_000
        app = make_app(store, tmp_path)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            app.push_screen(ArticleScreen(huge, every[-1].id))
            await settle(pilot)
            screen = app.screen
            assert f"quote {QUOTES:,} of {QUOTES:,}" in str(screen.query_one("#topbar").render())
            assert_windowed(screen)
            first_window = screen.window
            for _ in range(20):  # past the window's first quote: a new window is fetched on the way
                await pilot.press("k")
            assert (screen.index, screen.current.id) == (QUOTES - 21, every[-21].id)
            assert screen.window != first_window
            assert_windowed(screen)
            assert {record.id for record in screen.records} <= {record.id for record in every}
            await pilot.press("v")  # a verdict: saved, on to the next quote
            await settle(pilot)
            assert store.quote(every[-21].id).status == "verified"
            assert screen.current.id == every[-20].id
            assert "quote 4,981 of 5,000" in str(screen.query_one("#topbar").render())


async def test_an_article_on_one_line_comes_in_pieces_and_its_span_editor_gets_a_window(tmp_path):
    sentence = '"Point {n}," Ann Lee said. '
    text = "".join(sentence.format(n=n) for n in range(40_000))  # 1.2 MB without a line break
    quotes = []
    for n in range(0, 40_000, 100):
        start = text.index(f'"Point {n},"') + 1
        quotes.append(Quote(start, start + len(f"Point {n},"), f"Point {n},", "direct", "Ann Lee", "person"))
    with Store(tmp_path / "line.db") as store:
        article_id = store.add_article(Article(text, title="One line"), quotes).article_id
        app = make_app(store, tmp_path)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            app.push_screen(ArticleScreen(article_id, store.article_quotes(article_id)[200].id))
            await settle(pilot)
            screen = app.screen
            assert_windowed(screen)
            assert all(end - start <= PIECE for start, end in screen.blocks)
            await pilot.press("j", "j")
            assert screen.current.text == "Point 20200,"
            await pilot.press("w")
            await settle(pilot)
            assert isinstance(app.screen, SpanScreen)
            area = app.screen.query_one(TextArea)
            assert area.selected_text == "Point 20200,"
            assert len(area.text) <= 2 * SPAN_MARGIN + 2 * PIECE
            await pilot.press("shift+left", "ctrl+s")  # drop the comma: saved at the article's offsets
            await settle(pilot)
            assert store.quote(screen.current.id).text == "Point 20200"


async def test_an_article_opened_on_a_quote_deleted_meanwhile_opens_at_its_first(tmp_path):
    with Store(build_huge_article(tmp_path / "huge.db", quotes=50)) as store:
        huge = max(article.id for article in store.articles())
        every = store.article_quotes(huge)
        store.delete_quote(every[7].id, reviewer="tester")
        app = make_app(store, tmp_path)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            app.push_screen(ArticleScreen(huge, every[7].id))
            await settle(pilot)
            assert (app.screen.index, app.screen.current.id) == (0, every[0].id)
            assert "quote 1 of 49" in str(app.screen.query_one("#topbar").render())
