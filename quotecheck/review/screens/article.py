"""The whole article, every quote highlighted by its status; j/k jump between its quotes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container, VerticalScroll
from textual.widgets import Footer, Static

from quotecheck.review.bindings import SCREEN_ACTIONS, bindings
from quotecheck.review.screens.base import ReviewScreen
from quotecheck.review.screens.span import SpanScreen
from quotecheck.review.text import (
    LABEL, MUTED, Span, attribution, highlighted, history, mention_span, paragraphs, plain, quote_extent, quote_span,
    titled_excerpt,
)  # fmt: skip
from quotecheck.store.models import QuoteFilter, QuoteRecord


class ArticleScreen(ReviewScreen):
    BINDINGS = bindings(SCREEN_ACTIONS["Article"])

    def __init__(self, article_id: int, quote_id: int | None = None) -> None:
        super().__init__()
        self.article = self.app.store.article(article_id)
        self.records = self.app.store.article_quotes(article_id)
        self.blocks = paragraphs(self.article.text)
        self.index = next((i for i, record in enumerate(self.records) if record.id == quote_id), 0)

    def compose(self) -> ComposeResult:
        yield Static(id="topbar")
        with Container(id="panes"):
            with VerticalScroll(id="article-body", can_focus=False):
                for number, _block in enumerate(self.blocks):
                    yield Static(id=f"p{number}", classes="paragraph")
            with VerticalScroll(id="article-quote", can_focus=False):
                yield Static(id="article-attribution")
                yield Static(Text("History"), classes="detail--heading")
                yield Static(id="article-history")
        yield Footer()

    def on_mount(self) -> None:
        self._apply_layout()
        self._render_all()

    def on_resize(self) -> None:
        self._apply_layout()

    def _apply_layout(self) -> None:
        from quotecheck.review.screens.queue import set_pane_layout

        set_pane_layout(self.query_one("#panes"), self.size.width)

    @property
    def current(self) -> QuoteRecord | None:
        return self.records[self.index] if self.records else None

    def _paragraph_of(self, record: QuoteRecord) -> int:
        return next((n for n, (start, end) in enumerate(self.blocks) if record.start < end + 1 and start <= record.start), 0)

    def _paragraphs_touched(self, record: QuoteRecord) -> set[int]:
        low, high = quote_extent(record)
        return {n for n, (start, end) in enumerate(self.blocks) if start < high and low < end}

    def _render_all(self) -> None:
        for number in range(len(self.blocks)):
            self._render_paragraph(number)
        self._show_current()

    def _render_paragraph(self, number: int) -> None:
        start, end = self.blocks[number]
        current = self.current
        spans: list[Span] = [
            quote_span(record, current=current is not None and record.id == current.id) for record in self.records
        ]
        mention = mention_span(current) if current is not None else None
        if mention is not None:
            spans.append(mention)
        spans = [span for span in spans if span.start < end and start < span.end]
        self.query_one(f"#p{number}", Static).update(highlighted(self.article.text, start, end, spans))

    def _show_current(self) -> None:
        record = self.current
        title = Text("quotecheck ", style="bold")
        title.append_text(plain(self.article.title or "untitled article"))
        if self.article.outlet:
            title.append(" — ", MUTED)
            title.append_text(plain(self.article.outlet))
        title.append(f"  ·  quote {self.index + 1 if record else 0} of {len(self.records)}", MUTED)
        self.query_one("#topbar", Static).update(title)
        if record is None:
            self.query_one("#article-attribution", Static).update(Text("No quotes found in this article.", style=MUTED))
            return
        self.query_one("#article-attribution", Static).update(attribution(record))
        self.query_one("#article-history", Static).update(history(*self.load_history(record.id)))
        paragraph = self.query_one(f"#p{self._paragraph_of(record)}", Static)
        self.query_one("#article-body").scroll_to_widget(paragraph, animate=False, center=True)

    def _move_to(self, index: int) -> None:
        if not self.records:
            return
        index = max(0, min(index, len(self.records) - 1))
        touched = self._paragraphs_touched(self.records[self.index]) | self._paragraphs_touched(self.records[index])
        self.index = index
        for number in touched:
            self._render_paragraph(number)
        self._show_current()

    def action_cursor_down(self) -> None:
        self._move_to(self.index + 1)

    def action_cursor_up(self) -> None:
        self._move_to(self.index - 1)

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
        if advance and self.current is not None and self.current.id == record.id and self.index < len(self.records) - 1:
            self._move_to(self.index + 1)
        else:
            self._show_current()

    def refresh_quote(self, record: QuoteRecord, *, focus: bool) -> None:
        for index, existing in enumerate(self.records):
            if existing.id == record.id:
                self.records[index] = record
                if focus:
                    self._move_to(index)
                self._render_all()

    def refresh_speakers(self) -> None:
        self.reload_quotes()

    def reload_quotes(self, *, focus: int | None = None) -> None:
        """Read the article's quotes again (some came or went), staying on quote ``focus`` or the current one,
        else at the same place."""
        wanted = focus if focus is not None else self.current.id if self.current is not None else None
        self.records = self.app.store.article_quotes(self.article.id)
        found = next((i for i, record in enumerate(self.records) if record.id == wanted), None)
        self.index = found if found is not None else max(0, min(self.index, len(self.records) - 1))
        self._render_all()

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
        self.app.push_screen(SpanScreen(title, self.article.text, record.start, record.end), save)

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
        self.app.push_screen(SpanScreen(title, self.article.text, anchor, anchor), add)
