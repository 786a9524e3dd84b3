"""The quote inside its paragraphs, who said it and why the extractor thinks so, and its review history."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from quotecheck.review.text import MUTED, attribution, history, quote_in_context
from quotecheck.store.models import ArticleRecord, QuoteRecord, Review


NOTHING_SELECTED = "No quote selected."


class QuoteDetail(VerticalScroll, can_focus=False):
    DEFAULT_CSS = """
    QuoteDetail {
        padding: 0 1;
        & > Static { width: 1fr; }
        & > #detail-context { margin-top: 1; }
    }
    """

    shown: QuoteRecord | None = None  # the quote on display (the benchmarks wait for it)

    def compose(self) -> ComposeResult:
        yield Static(Text(NOTHING_SELECTED, style=MUTED), id="detail-context")
        yield Static(Text("Attribution"), classes="detail--heading")
        yield Static(id="detail-attribution")
        yield Static(Text("History"), classes="detail--heading")
        yield Static(id="detail-history")

    def show(self, record: QuoteRecord, article: ArticleRecord, reviews: list[Review], speaker_names: dict[int, str]) -> None:
        self.shown = record
        context, offset = quote_in_context(article.text, record)
        self.query_one("#detail-context", Static).update(context)
        self.query_one("#detail-attribution", Static).update(attribution(record))
        self.query_one("#detail-history", Static).update(history(reviews, speaker_names))
        self.scroll_home(animate=False)
        self.call_after_refresh(self._reveal, context, offset)

    def _reveal(self, context: Text, offset: int) -> None:
        """Scroll a quote that starts below the visible part (late in a long paragraph, on a small terminal) up
        to the top, one line of what precedes it still showing."""
        static = self.query_one("#detail-context", Static)
        width = static.content_region.width
        if width <= 0 or not offset:
            return
        # Rich wraps the text before the quote as it wraps the whole, so its line count is the quote's line.
        line = static.virtual_region.y + len(context[:offset].wrap(self.app.console, width)) - 1
        if line >= self.scrollable_content_region.height - 1:
            self.scroll_to(y=line - 1, animate=False)

    def clear(self) -> None:
        self.shown = None
        self.query_one("#detail-context", Static).update(Text(NOTHING_SELECTED, style=MUTED))
        self.query_one("#detail-attribution", Static).update(Text())
        self.query_one("#detail-history", Static).update(Text())
