"""The note-and-evidence form: a multi-line note and a link to the evidence."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, TextArea

from quotecheck.review.text import titled_excerpt
from quotecheck.sanitize import EVIDENCE_URL_RULE, valid_evidence_url
from quotecheck.store.models import QuoteRecord


@dataclass(frozen=True, slots=True)
class NoteResult:
    note: str | None  # None: unchanged
    evidence_url: str | None  # None: unchanged


class NoteScreen(ModalScreen[NoteResult | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "save", id="note-save", tooltip="Save the note and the link"),
        Binding("escape", "cancel", "cancel", id="note-cancel", tooltip="Close without saving"),
    ]

    def __init__(self, record: QuoteRecord) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Label(titled_excerpt("Note on “", self.record.text, "”", limit=80), classes="dialog--title")
            yield Label("Note")
            yield TextArea(self.record.note or "", id="note", soft_wrap=True, show_line_numbers=False)
            yield Label("Evidence link")
            yield Input(self.record.evidence_url or "", placeholder="https://…", id="evidence", compact=True)
            yield Label("", id="note-error", classes="dialog--error")
            with Horizontal(classes="dialog--buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save", compact=True)
                yield Button("Cancel  esc", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#note", TextArea).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        note = self.query_one("#note", TextArea).text.strip()
        url = self.query_one("#evidence", Input).value.strip()
        if not valid_evidence_url(url):
            self.query_one("#note-error", Label).update(Text(EVIDENCE_URL_RULE.capitalize()))
            self.query_one("#evidence", Input).focus()
            return
        self.dismiss(
            NoteResult(
                note=None if note == (self.record.note or "") else note,
                evidence_url=None if url == (self.record.evidence_url or "") else url,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
