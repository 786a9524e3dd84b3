"""The quote's versions in other articles (quotecheck.variants): when and where each appeared, who it is given
to, how its words differ from the fullest version. ``a`` gives the quote's exact copies its verdict."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from quotecheck.review.text import LABEL, MUTED, status_label, variant_lines
from quotecheck.store.models import QuoteRecord
from quotecheck.variants import MIN_WORDS, Group, QuoteText


class VersionsScreen(ModalScreen[bool]):
    """Dismissed with True when the reviewer applies the quote's verdict to its exact copies."""

    BINDINGS = [
        Binding("a", "apply", "apply to copies", id="versions-apply",
                tooltip="Give the exact copies this quote's verdict (one action: z undoes it)"),
        Binding("escape", "close", "close", id="versions-close", tooltip="Close"),
    ]  # fmt: skip

    def __init__(self, record: QuoteRecord, group: Group | None, copies: list[QuoteText]) -> None:
        super().__init__()
        self.record = record
        self.group = group
        self.copies = copies

    def compose(self) -> ComposeResult:
        title = Text("Versions of quote ", style=LABEL)
        title.append(f"#{self.record.id}")
        with Vertical(classes="dialog versions"):
            yield Label(title, classes="dialog--title")
            with VerticalScroll(id="versions-body"):
                yield Static(self._body(), id="versions-list")
            yield Static(self._action_line(), id="versions-action")

    def _body(self) -> Text:
        if self.group is None:
            return Text(f"No other article has this quote (quotes under {MIN_WORDS} words are not compared).",
                        style=MUTED)  # fmt: skip
        copy_ids = {copy.id for copy in self.copies}

        def marks(quote: QuoteText) -> list[str]:
            return ["this quote"] if quote.id == self.record.id else ["exact copy"] if quote.id in copy_ids else []

        return Text("\n").join(variant_lines(self.group, Text("This quote", style=LABEL), marks))

    def _action_line(self) -> Text:
        count = len(self.copies)
        if not count:
            return Text("No exact copy to give the verdict to · esc closes", style=MUTED)
        if self.record.status == "unreviewed":
            return Text(f"{count} exact cop{'y' if count == 1 else 'ies'}: give this quote a verdict first, then a "
                        "applies it to them · esc closes", style=MUTED)  # fmt: skip
        line = Text(f"a marks the {count} exact cop{'y' if count == 1 else 'ies'} ", style=LABEL)
        line.append_text(status_label(self.record.status))
        line.append(" (z undoes it) · esc closes", style=MUTED)
        return line

    def action_apply(self) -> None:
        if self.copies and self.record.status != "unreviewed":
            self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(False)


