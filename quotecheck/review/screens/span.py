"""Select words in the article: the new span of a quote, or a quote the extractor missed."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea
from textual.widgets.text_area import Selection

from quotecheck.review.text import MUTED
from quotecheck.sanitize import masked

# Trimmed from a selection's ends: a quote's span is the words between the marks.
_OUTSIDE_WORDS = " \t\n\"'“”‘’«»„‚"


def trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without the blanks and quotation marks at either end (``end == start`` when nothing is left)."""
    while start < end and text[start] in _OUTSIDE_WORDS:
        start += 1
    while end > start and text[end - 1] in _OUTSIDE_WORDS:
        end -= 1
    return start, end


class SpanScreen(ModalScreen[tuple[int, int] | None]):
    """The article in a read-only text area with ``start:end`` selected; shift+arrows or the mouse change the
    selection, ctrl+s gives it (trimmed), esc gives None."""

    BINDINGS = [
        Binding("ctrl+s", "save", "save", id="span-save", tooltip="Use the selected words"),
        Binding("escape", "cancel", "cancel", id="span-cancel", tooltip="Close without changing anything"),
    ]

    def __init__(self, title: Text, text: str, start: int, end: int) -> None:
        super().__init__()
        self.heading, self.text, self.start, self.end = title, text, start, end

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog span"):
            yield Label(self.heading, classes="dialog--title")
            yield TextArea(masked(self.text), read_only=True, soft_wrap=True, show_line_numbers=False, id="span-text")
            yield Label("", id="span-error", classes="dialog--error")
            yield Label(Text("shift+arrows or the mouse select · ctrl+s saves · esc cancels", style=MUTED))

    def on_mount(self) -> None:
        area = self.query_one("#span-text", TextArea)
        locate = area.document.get_location_from_index
        area.selection = Selection(locate(self.start), locate(self.end))
        area.focus()
        area.scroll_cursor_visible(center=True, animate=False)

    def action_save(self) -> None:
        area = self.query_one("#span-text", TextArea)
        index = area.document.get_index_from_location
        start, end = sorted((index(area.selection.start), index(area.selection.end)))
        start, end = trimmed_span(self.text, start, end)
        if start == end:
            self.query_one("#span-error", Label).update(Text("Select the words first (shift+arrows or the mouse)."))
            return
        self.dismiss((start, end))

    def action_cancel(self) -> None:
        self.dismiss(None)
