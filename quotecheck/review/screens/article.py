"""The article, every quote highlighted by its status; j/k jump between its quotes.

An article of any size opens at once: the view holds the current quote and a window of text around it (with the
quotes in that window), fetched from the store as j/k move on; nothing else of the article is rendered."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container, VerticalScroll
from textual.widgets import Footer, Static

from quotecheck.review.bindings import SCREEN_ACTIONS, bindings
from quotecheck.review.screens.base import ReviewScreen
from quotecheck.review.screens.span import SpanScreen
from quotecheck.review.text import (
    LABEL, MUTED, Span, attribution, highlighted, history, mention_span, paragraphs_around, plain, quote_extent,
    quote_span, titled_excerpt,
)  # fmt: skip
from quotecheck.store.models import ArticleRecord, NotFound, QuoteFilter, QuoteRecord

WINDOW_MARGIN = 6_000  # characters of the article shown either side of the current quote
WINDOW_PARAGRAPHS = 40  # and at most this many paragraphs either side
SPAN_MARGIN = 20_000  # characters either side of the words in the span editor
# A quote starting further than this before the window is not highlighted in it (it keeps the lookup short).
LONGEST_QUOTE = 100_000


def text_order(record: QuoteRecord) -> tuple[int, int]:
    return record.start, record.id


class ArticleScreen(ReviewScreen):
    BINDINGS = bindings(SCREEN_ACTIONS["Article"])

    def __init__(self, article_id: int, quote_id: int | None = None, *, article: ArticleRecord | None = None) -> None:
        """``article``: the article, when the caller has read it already (its text may be 50 MB)."""
        super().__init__()
        store = self.app.store
        self.article = article if article is not None and article.id == article_id else store.article(article_id)
        self.total = store.article_quote_count(article_id)
        self.current: QuoteRecord | None = None
        if quote_id is not None:
            try:
                record = store.quote(quote_id)
            except NotFound:  # deleted meanwhile: the article opens at its first quote
                record = None
            self.current = record if record is not None and record.article_id == article_id else None
        self.current = self.current or store.article_quote_next(article_id)
        self.index = store.article_quote_count(article_id, before=self.current) if self.current else 0
        self.window = (0, 0)
        self.blocks: list[tuple[int, int]] = []  # the paragraphs (or pieces of one) shown, in text order
        self.records: list[QuoteRecord] = []  # the quotes in the window, in text order

    def compose(self) -> ComposeResult:
        yield Static(id="topbar")
        with Container(id="panes"):
            yield VerticalScroll(id="article-body", can_focus=False)
            with VerticalScroll(id="article-quote", can_focus=False):
                yield Static(id="article-attribution")
                yield Static(Text("History"), classes="detail--heading")
                yield Static(id="article-history")
        yield Footer()

    def on_mount(self) -> None:
        self._apply_layout()
        self._load_window()

    def on_resize(self) -> None:
        self._apply_layout()

    def _apply_layout(self) -> None:
        from quotecheck.review.screens.queue import set_pane_layout

        set_pane_layout(self.query_one("#panes"), self.size.width)

    def _load_window(self) -> None:
        """Show the text around the current quote (the article's start when it has none) and its quotes."""
        low, high = quote_extent(self.current) if self.current is not None else (0, 0)
        self.blocks = paragraphs_around(self.article.text, low, high, margin=WINDOW_MARGIN, around=WINDOW_PARAGRAPHS)
        self.window = (self.blocks[0][0], self.blocks[-1][1]) if self.blocks else (0, 0)
        self.records = self.app.store.article_quotes_between(self.article.id, *self.window, reach=LONGEST_QUOTE)
        # The paragraph widgets stay from window to window (hidden when there are more than the window needs), so
        # that a move never waits for widgets to go.
        body = self.query_one("#article-body")
        shown = list(body.query(".paragraph"))
        body.mount_all(Static(id=f"p{number}", classes="paragraph") for number in range(len(shown), len(self.blocks)))
        for widget in shown[len(self.blocks) :]:
            widget.display = False
        for number in range(len(self.blocks)):
            self.query_one(f"#p{number}").display = True
            self._render_paragraph(number)
        self._show_current()

    def _in_window(self, record: QuoteRecord) -> bool:
        low, high = quote_extent(record)
        return self.window[0] <= low and high <= self.window[1]

    def _paragraph_of(self, record: QuoteRecord) -> int:
        return next((n for n, (start, end) in enumerate(self.blocks) if record.start < end + 1 and start <= record.start), 0)

    def _paragraphs_touched(self, record: QuoteRecord) -> set[int]:
        low, high = quote_extent(record)
        return {n for n, (start, end) in enumerate(self.blocks) if start < high and low < end}

    def _render_paragraph(self, number: int) -> None:
        start, end = self.blocks[number]
        current = self.current
        spans: list[Span] = [quote_span(record, current=current is not None and record.id == current.id)
                             for record in self.records if record.start < end and start < record.end]  # fmt: skip
        mention = mention_span(current) if current is not None else None
        if mention is not None and mention.start < end and start < mention.end:
            spans.append(mention)
        self.query_one(f"#p{number}", Static).update(highlighted(self.article.text, start, end, spans))

    def _show_current(self) -> None:
        record = self.current
        title = Text("quotecheck ", style="bold")
        title.append_text(plain(self.article.title or "untitled article"))
        if self.article.outlet:
            title.append(" — ", MUTED)
            title.append_text(plain(self.article.outlet))
        title.append(f"  ·  quote {self.index + 1 if record else 0:,} of {self.total:,}", MUTED)
        self.query_one("#topbar", Static).update(title)
        if record is None:
            self.query_one("#article-attribution", Static).update(Text("No quotes found in this article.", style=MUTED))
            return
        self.query_one("#article-attribution", Static).update(attribution(record))
        self.query_one("#article-history", Static).update(history(*self.load_history(record.id)))
        if self.blocks:  # after the refresh: a window just shown has no layout yet
            paragraph = self.query_one(f"#p{self._paragraph_of(record)}", Static)
            body = self.query_one("#article-body")
            self.call_after_refresh(body.scroll_to_widget, paragraph, animate=False, center=True)

    def _focus(self, record: QuoteRecord, index: int) -> None:
        """Make ``record`` (the ``index``-th quote) current: redraw what changed, or move the window to it."""
        previous, self.current, self.index = self.current, record, index
        self.records = [record if existing.id == record.id else existing for existing in self.records]
        if not self._in_window(record):
            self._load_window()
            return
        touched = self._paragraphs_touched(record) | (self._paragraphs_touched(previous) if previous else set())
        for number in touched:
            self._render_paragraph(number)
        self._show_current()

    def _step(self, step: int) -> None:
        if self.current is None:
            return
        found = self.app.store.article_quote_next(self.article.id, text_order(self.current), backwards=step < 0)
        if found is not None:
            self._focus(found, self.index + step)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_detail_down(self) -> None:
        self.query_one("#article-quote").scroll_relative(y=5, animate=False)

    def action_detail_up(self) -> None:
        self.query_one("#article-quote").scroll_relative(y=-5, animate=False)

    def action_back(self) -> None:
        self.dismiss()

    # -- ReviewScreen
    def current_quote(self) -> QuoteRecord | None:
        return self.current

    def show_quote(self, record: QuoteRecord, *, advance: bool) -> None:
        if advance and self.current is not None and self.current.id == record.id and self.index < self.total - 1:
            self._step(1)
        else:
            self._show_current()

    def refresh_quote(self, record: QuoteRecord, *, focus: bool) -> None:
        if record.article_id != self.article.id:
            return
        if focus or (self.current is not None and self.current.id == record.id):
            index = self.index if self.current and self.current.id == record.id else None
            self._focus(record, index if index is not None else self.app.store.article_quote_count(
                self.article.id, before=record))  # fmt: skip
        elif any(existing.id == record.id for existing in self.records):
            self.records = [record if existing.id == record.id else existing for existing in self.records]
            for number in self._paragraphs_touched(record):
                self._render_paragraph(number)

    def refresh_speakers(self) -> None:
        self.reload_quotes()

    def reload_quotes(self, *, focus: int | None = None) -> None:
        """Read the article's quotes again (some came or went), staying on quote ``focus`` or the current one,
        else at the same place."""
        store, article_id = self.app.store, self.article.id
        wanted = focus if focus is not None else self.current.id if self.current is not None else None
        try:
            record = store.quote(wanted) if wanted is not None else None
        except NotFound:  # deleted: the quote at its place, else the one before
            record = None
        if record is None or record.article_id != article_id:
            place = text_order(self.current) if self.current is not None else None
            record = store.article_quote_next(article_id, (place[0], place[1] - 1) if place else None)
            record = record or store.article_quote_next(article_id, place, backwards=True)
        self.total = store.article_quote_count(article_id)
        self.current = record
        self.index = store.article_quote_count(article_id, before=record) if record is not None else 0
        self._load_window()

    def bulk_scope(self) -> tuple[QuoteFilter, Text]:
        return QuoteFilter(article_id=self.article.id), Text("of this article")

    # -- words: a quote's span, a quote the extractor missed
    def action_edit_span(self) -> None:
        record = self.current
        if record is None:
            return

        def save(span: tuple[int, int] | None) -> None:
            if span is None or span == (record.start, record.end):
                return
            self._write(f"span → {span[0]}:{span[1]}", lambda store, current: store.edit_quote(
                current.id, span=span, reviewer=self.app.reviewer, expected_version=current.version), record=record)

        title = titled_excerpt("Select the words actually quoted in “", record.text, "”", limit=50)
        self._select_words(title, record.start, record.end, save)

    def action_add_quote(self) -> None:
        """Select the words, then name the speaker (the picker opens on the new quote; esc leaves it without)."""
        anchor = self.current.end if self.current is not None else 0

        def name_speaker(added: QuoteRecord) -> None:
            self.reload_quotes(focus=added.id)
            self.action_reassign()

        def add(span: tuple[int, int] | None) -> None:
            if span is not None:
                self._write_many(lambda store: store.add_quote(self.article.id, *span, reviewer=self.app.reviewer),
                                 done="Quote added (direct: i changes the kind). Who said it?", then=name_speaker)

        title = Text("Select the words of the quote to add", style=LABEL)
        self._select_words(title, anchor, anchor, add)

    def _select_words(self, title: Text, start: int, end: int, then) -> None:
        """The span editor on the text around ``start:end`` (a few pages, not a whole 50 MB article); ``then``
        gets the words chosen as offsets into the article, or None."""
        blocks = paragraphs_around(self.article.text, start, end, margin=SPAN_MARGIN, around=len(self.article.text))
        low = min([start] + [block[0] for block in blocks[:1]])
        high = max([end] + [block[1] for block in blocks[-1:]])

        def chosen(span: tuple[int, int] | None) -> None:
            then(None if span is None else (span[0] + low, span[1] + low))

        self.app.push_screen(SpanScreen(title, self.article.text[low:high], start - low, end - low), chosen)
