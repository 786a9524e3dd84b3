"""Shown when another reviewer changed the quote since this screen loaded it: both versions, nothing overwritten."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from quotecheck.review.text import LABEL, MUTED, plain, status_label
from quotecheck.store.models import QuoteRecord


def describe(record: QuoteRecord, *, heading: str, change: str | None = None) -> Text:
    text = Text(f"{heading}\n", style=LABEL)
    if change:
        text.append("Change  ", LABEL)
        text.append_text(plain(change))
        text.append("\n")
    rows = (
        ("Status", status_label(record.status)),
        ("Rating", plain(record.rating or "—")),
        ("Speaker", plain(record.speaker or "unknown")),
        ("Note", plain(record.note or "—")),
        ("Evidence", plain(record.evidence_url or "—")),
        ("By", plain(record.reviewer or "—")),
        ("At", plain((record.updated_at or "—")[:19].replace("T", " "))),
        ("Version", plain(record.version)),
    )
    for label, value in rows:
        text.append(f"{label:<9}", LABEL)
        text.append_text(value)
        text.append("\n")
    text.rstrip()
    return text


class ConflictScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,enter", "close", "close", id="conflict-close", tooltip="Keep their version"),
    ]

    def __init__(self, mine: QuoteRecord, change: str, theirs: QuoteRecord) -> None:
        super().__init__()
        self.mine = mine
        self.change = change
        self.theirs = theirs

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog conflict"):
            yield Label(Text("Someone else changed this quote", style="bold"), classes="dialog--title")
            explanation = Text(
                "Your change was NOT saved: the database keeps their version. "
                "Press the key again to apply yours on top of theirs.",
                style=MUTED,
            )
            yield Static(explanation)
            with Horizontal(id="conflict-versions"):
                yield Static(describe(self.mine, heading="Yours (what you saw)", change=self.change), id="yours")
                yield Static(describe(self.theirs, heading="Theirs (now in the database)"), id="theirs")
            with Horizontal(classes="dialog--buttons"):
                yield Button("Keep theirs  esc", variant="primary", id="close", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
