"""The review queue: quotes in a lazily loaded list, the current one in detail beside (wide) or below (narrow)."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Container
from textual.widget import Widget
from textual.widgets import Footer, Input, Static

from quotecheck.review.bindings import SCREEN_ACTIONS, bindings
from quotecheck.review.screens.navigation import ListNavigation
from quotecheck.review.screens.base import ReviewScreen
from quotecheck.review.screens.filters import FilterScreen
from quotecheck.review.text import MUTED, plain
from quotecheck.review.widgets.lazy_list import LazyList
from quotecheck.review.widgets.quote_detail import QuoteDetail
from quotecheck.review.widgets.quote_list import QuoteList
from quotecheck.store.models import NotFound, QuoteFilter, QuoteRecord, StoreError

WIDE = 120  # columns from which the detail goes beside the queue instead of below it
COUNT_DELAY = 0.15  # seconds of quiet after a verdict before the header is recounted


def set_pane_layout(panes: Widget, width: int) -> None:
    """Detail beside the list from ``WIDE`` columns, below it on narrower terminals."""
    panes.set_class(width >= WIDE, "wide")
    panes.set_class(width < WIDE, "narrow")


def describe_filter(quote_filter: QuoteFilter) -> Text:
    text = Text()
    for label, value in (
        ("status", quote_filter.status),
        ("speaker", quote_filter.speaker),
        ("kind", quote_filter.kind),
        ("outlet", quote_filter.outlet),
        ("claim", quote_filter.has_claim),
        ("search", f"“{quote_filter.text}”" if quote_filter.text else None),
    ):
        if not value:
            continue
        if text:
            text.append(" · ", MUTED)
        text.append(f"{label} ", MUTED)
        text.append_text(plain(value))
    for wanted, label in ((quote_filter.claims_first, "checkable claims first"),
                          (quote_filter.low_confidence_first, "least confident first")):  # fmt: skip
        if wanted:
            text.append(" · " if text else "")
            text.append(label, "bold")
    if not text:
        text.append("all quotes", MUTED)
    return text


class QueueScreen(ListNavigation, ReviewScreen):
    AUTO_FOCUS = "#queue"
    BINDINGS = bindings(SCREEN_ACTIONS["Queue"])

    def __init__(self, quote_filter: QuoteFilter, *, scope: Text, root: bool = True) -> None:
        super().__init__()
        self.initial_filter = quote_filter
        self.quote_filter = quote_filter
        self.scope = scope  # what this queue is ("Queue", "Quotes of …"), shown in the top bar
        self.root = root
        self._article_cache = None
        self._focus_when_loaded: tuple[int, ...] | None = None  # quote ids to move to, the first one found
        self._counts: tuple[int, int, int] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="topbar")
        yield Static(id="filterbar")
        yield Input(placeholder="Search quotes and speakers, enter to apply, esc to cancel", id="search")
        with Container(id="panes"):
            yield QuoteList(id="queue")
            yield QuoteDetail(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(QuoteList).focus()
        set_pane_layout(self.query_one("#panes"), self.app.size.width)
        self.reload()

    def on_resize(self) -> None:
        set_pane_layout(self.query_one("#panes"), self.size.width)

    # -- loading
    @property
    def queue(self) -> QuoteList:
        return self.query_one(QuoteList)

    def reload(self) -> None:
        quote_filter = self.quote_filter

        async def load_page(last: QuoteRecord | None, _offset: int, limit: int) -> list[QuoteRecord]:
            def fetch(store):
                after = store.page_key(last, quote_filter) if last is not None else None
                return store.quotes(quote_filter, limit=limit, after=after)

            return await self.app.fetch(self.app.reader, fetch, default=[])

        self.query_one("#filterbar", Static).update(describe_filter(quote_filter))
        self.query_one(QuoteDetail).clear()  # until the first row of the new list arrives
        self.queue.load(load_page)
        self.refresh_counts(new_filter=True)

    @work(exclusive=True, group="counts")
    async def refresh_counts(self, *, new_filter: bool = False) -> None:
        """Counts for the header. After a verdict the old counts stay up until the new ones arrive; a burst of
        verdicts runs one count, not a backlog of them (a newer call cancels this one while it waits)."""
        quote_filter = self.quote_filter
        scope_filter = dataclasses.replace(quote_filter, status=None)

        def count(store):
            return (store.count_reviewed(scope_filter), store.count_quotes(scope_filter), store.count_quotes(quote_filter))

        if new_filter or self._counts is None:
            self._update_topbar(None)
        else:
            await asyncio.sleep(COUNT_DELAY)
        counts = await self.app.fetch(self.app.counter, count, default=None)
        if self.is_attached:  # this queue may have been closed meanwhile
            self._update_topbar(counts)
            self.app.warm_up()

    def _update_topbar(self, counts: tuple[int, int, int] | None) -> None:
        self._counts = counts
        bar = Text("quotecheck ", style="bold")
        bar.append_text(self.scope)
        bar.append(f"  ·  {self.app.reviewer}", MUTED)
        if counts is None:
            bar.append("  ·  counting…", MUTED)
        else:
            reviewed, total, matching = counts
            bar.append(f"  ·  {reviewed:,} of {total:,} reviewed", "bold")
            bar.append(f"  ·  {matching:,} in view", MUTED)
        self.query_one("#topbar", Static).update(bar)

    @on(LazyList.Highlighted, "#queue")
    def _highlighted(self, event: LazyList.Highlighted) -> None:
        self._show_detail(event.row)

    @on(LazyList.Selected, "#queue")
    def _selected(self) -> None:
        self.action_open_article()

    def _show_detail(self, record: QuoteRecord) -> None:
        store = self.app.store
        try:
            if self._article_cache is None or self._article_cache.id != record.article_id:
                self._article_cache = store.article(record.article_id)
            self.query_one(QuoteDetail).show(record, self._article_cache, *self.load_history(record.id))
        except StoreError as error:
            self.query_one(QuoteDetail).clear()
            if not isinstance(error, NotFound):  # deleted meanwhile: nothing to say
                self.app.tell(str(error), title="Not loaded", severity="error")

    # -- ReviewScreen
    def current_quote(self) -> QuoteRecord | None:
        return self.queue.current

    def show_quote(self, record: QuoteRecord, *, advance: bool) -> None:
        if advance and self.queue.current is not None and self.queue.current.id == record.id \
                and self.queue.cursor < len(self.queue.rows) - 1:
            self.queue.move(1)
        elif self.queue.current is not None:
            self._show_detail(self.queue.current)
        self.refresh_counts()

    def refresh_quote(self, record: QuoteRecord, *, focus: bool) -> None:
        """Another screen (or an undo) changed ``record``: show it as stored now."""
        index = self.queue.index_where(lambda row: row.id == record.id)
        if index is not None:
            self.queue.replace_row(index, record)
            if focus:
                self.queue.move_to(index)
            if index == self.queue.cursor:
                self._show_detail(record)
        elif focus:
            # Not in the list (an undo after a restart brings a quote back into the queue): reload, and go to
            # it if it is on the first page.
            self._focus_when_loaded = (record.id,)
            self.reload()
        self.refresh_counts()

    @on(LazyList.Loaded, "#queue")
    def _page_loaded(self) -> None:
        if self._focus_when_loaded is None:
            return
        wanted = self._focus_when_loaded
        self._focus_when_loaded = None  # only the first page: never jump later, while the reviewer is working
        for quote_id in wanted:
            index = self.queue.index_where(lambda row: row.id == quote_id)
            if index is not None:
                self.queue.move_to(index)
                return

    def refresh_speakers(self) -> None:
        self.reload()

    def reload_quotes(self) -> None:
        """Quotes came, went or changed in bulk: read the list again, staying on the current quote, else the next,
        if it is on the first page."""
        rows, cursor = self.queue.rows, self.queue.cursor
        self._focus_when_loaded = tuple(row.id for row in rows[cursor : cursor + 2])
        self.reload()

    def bulk_scope(self) -> tuple[QuoteFilter, Text]:
        scope = Text("in view (")
        scope.append_text(self.scope)
        scope.append(": ")
        scope.append_text(describe_filter(self.quote_filter))
        scope.append(")")
        return self.quote_filter, scope

    # -- navigation
    @property
    def navigated_list(self) -> LazyList:
        return self.queue

    def action_detail_down(self) -> None:
        self.query_one(QuoteDetail).scroll_relative(y=5, animate=False)

    def action_detail_up(self) -> None:
        self.query_one(QuoteDetail).scroll_relative(y=-5, animate=False)

    def action_open_article(self) -> None:
        from quotecheck.review.screens.article import ArticleScreen

        record = self.current_quote()
        if record is None:
            return
        try:
            screen = ArticleScreen(record.article_id, record.id, article=self._article_cache)  # read for the detail
        except StoreError as error:
            self.app.tell(str(error), title="Article not loaded", severity="error")
            return
        self.app.push_screen(screen)

    def action_speakers(self) -> None:
        from quotecheck.review.screens.speakers import SpeakersScreen

        self.app.push_screen(SpeakersScreen())

    def action_report(self) -> None:
        from quotecheck.review.screens.report import ReportScreen

        self.app.push_screen(ReportScreen())

    def action_back(self) -> None:
        if self.searching:
            self.close_search()
        elif not self.root:
            self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return not self.root or self.searching
        return True

    # -- finding
    def action_search(self) -> None:
        self.open_search(self.quote_filter.text or "")

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.close_search()
        self._set_filter(dataclasses.replace(self.quote_filter, text=event.value.strip() or None))

    def action_filters(self) -> None:
        def apply(result: QuoteFilter | None) -> None:
            if result is not None:
                self._set_filter(result)

        try:
            outlets = self.app.store.outlets()
        except StoreError as error:
            self.app.tell(str(error), title="Not loaded", severity="error")
            return
        self.app.push_screen(FilterScreen(self.quote_filter, outlets), apply)

    def action_toggle_low_confidence(self) -> None:
        self._set_filter(dataclasses.replace(self.quote_filter, low_confidence_first=not self.quote_filter.low_confidence_first))

    def action_toggle_claims_first(self) -> None:
        self._set_filter(dataclasses.replace(self.quote_filter, claims_first=not self.quote_filter.claims_first))

    def action_clear_filters(self) -> None:
        self._set_filter(self.initial_filter)

    def _set_filter(self, quote_filter: QuoteFilter) -> None:
        self.quote_filter = quote_filter
        self.reload()

    # -- export
    def action_export(self) -> None:
        self.export()

    @work(exclusive=True, group="export")
    async def export(self) -> None:
        quote_filter = self.quote_filter
        title = f"Quote sheet: {describe_filter(quote_filter).plain}"
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = Path(self.app.export_dir) / f"quotecheck-{stamp}.md"

        def write(store) -> int:
            from quotecheck.export import fragment_sentences, render
            from quotecheck.files import write_text_atomically

            records = store.all_quotes(quote_filter)
            sentences = fragment_sentences(records, lambda article_id: store.article(article_id).text)
            sheet = render("md", records, title=title, exported=datetime.now().strftime("%Y-%m-%d %H:%M"),
                           sentences=sentences)  # fmt: skip
            write_text_atomically(path, sheet)
            return len(records)

        self.app.tell("Exporting…", title="Export", timeout=2)
        try:
            count = await self.app.background.run(write)
        except (OSError, ImportError, ValueError, StoreError) as error:
            self.app.tell(str(error), title="Export failed", severity="error")
            return
        self.app.tell(f"{count:,} quotes written to\n{path}", title="Exported", timeout=10)
