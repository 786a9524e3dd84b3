"""The filter form: status, speaker, kind, outlet, checkable claim; least confident or checkable claims first."""

from __future__ import annotations

import dataclasses

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select

from quotecheck.sanitize import printable
from quotecheck.store.models import ANY_CLAIM, CLAIM_TYPES, KINDS, STATUSES, QuoteFilter


class FilterScreen(ModalScreen[QuoteFilter | None]):
    BINDINGS = [
        Binding("ctrl+s", "apply", "apply", id="filter-apply", tooltip="Show the quotes that match"),
        Binding("escape", "cancel", "cancel", id="filter-cancel", tooltip="Keep the current filter"),
    ]

    def __init__(self, current: QuoteFilter, outlets: list[str]) -> None:
        super().__init__()
        self.current = current
        self.outlets = outlets

    def compose(self) -> ComposeResult:
        current = self.current
        with Vertical(id="dialog", classes="dialog"):
            yield Label("Filter the queue", classes="dialog--title")
            with Grid(id="filter-grid"):
                yield Label("Status")
                yield Select(((status, status) for status in STATUSES), value=current.status or Select.NULL,
                             prompt="any status", id="filter-status", compact=True)
                yield Label("Speaker")
                yield Input(current.speaker or "", placeholder="any speaker (fuzzy)", id="filter-speaker", compact=True)
                yield Label("Kind")
                yield Select(((kind, kind) for kind in KINDS), value=current.kind or Select.NULL,
                             prompt="any kind", id="filter-kind", compact=True)
                yield Label("Outlet")
                yield Select(((Text(printable(outlet, one_line=True)), outlet) for outlet in self.outlets),
                             value=current.outlet if current.outlet in self.outlets else Select.NULL,
                             prompt="any outlet", id="filter-outlet", compact=True)
                yield Label("Claim")
                yield Select((("any checkable claim", ANY_CLAIM), *((type_, type_) for type_ in CLAIM_TYPES)),
                             value=current.has_claim or Select.NULL, prompt="with or without claims",
                             id="filter-claim", compact=True)
            yield Checkbox("Least confident attributions first", current.low_confidence_first, id="filter-low",
                           compact=True)
            yield Checkbox("Checkable claims first", current.claims_first, id="filter-claims-first", compact=True)
            with Horizontal(classes="dialog--buttons"):
                yield Button("Apply  ctrl+s", variant="primary", id="apply", compact=True)
                yield Button("Cancel  esc", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#filter-status", Select).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "apply":
            self.action_apply()
        else:
            self.action_cancel()

    def on_input_submitted(self) -> None:
        self.action_apply()

    def _value(self, selector: str) -> str | None:
        value = self.query_one(selector, Select).value
        return None if value is Select.NULL else str(value)

    def action_apply(self) -> None:
        speaker = self.query_one("#filter-speaker", Input).value.strip() or None
        self.dismiss(
            dataclasses.replace(
                self.current,
                status=self._value("#filter-status"),
                speaker=speaker,
                kind=self._value("#filter-kind"),
                outlet=self._value("#filter-outlet"),
                has_claim=self._value("#filter-claim"),
                low_confidence_first=self.query_one("#filter-low", Checkbox).value,
                claims_first=self.query_one("#filter-claims-first", Checkbox).value,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
