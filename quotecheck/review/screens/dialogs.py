"""Small dialogs the edit actions share: a line of text, a yes/no question, a choice among a few values.
Titles may quote article text, so they come as rich Text built with ``plain()``, never as markup."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from quotecheck.review.text import MUTED
from quotecheck.sanitize import printable


class TextPrompt(ModalScreen[str | None]):
    """One line of text; enter gives it (possibly empty), esc gives None."""

    BINDINGS = [Binding("escape", "cancel", "cancel", id="prompt-cancel", tooltip="Close without changing anything")]

    def __init__(self, title: Text, value: str = "", *, placeholder: str = "", hint: str = "") -> None:
        super().__init__()
        self.heading, self.value, self.placeholder, self.hint = title, value, placeholder, hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.heading, classes="dialog--title")
            yield Input(printable(self.value, one_line=True), placeholder=self.placeholder, id="prompt-value")
            yield Label(Text(self.hint or "enter saves · esc cancels", style=MUTED))

    def on_mount(self) -> None:
        self.query_one("#prompt-value", Input).focus()

    @on(Input.Submitted, "#prompt-value")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class Confirm(ModalScreen[bool]):
    """A yes/no question: y or enter says yes, n or esc says no."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "yes", id="confirm-yes", tooltip="Yes, do it"),
        Binding("n,escape", "answer(False)", "no", id="confirm-no", tooltip="No, change nothing"),
    ]

    def __init__(self, question: Text) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog--title", id="confirm-question")
            yield Label(Text("y / enter: yes · n / esc: no", style=MUTED))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class Choice(ModalScreen[str | None]):
    """One of a few values, the current one highlighted; enter picks, esc gives None."""

    BINDINGS = [Binding("escape", "cancel", "cancel", id="choice-cancel", tooltip="Keep it as it is")]

    def __init__(self, title: Text, choices: Sequence[str], current: str | None = None) -> None:
        super().__init__()
        self.heading, self.choices, self.current = title, list(choices), current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.heading, classes="dialog--title")
            yield OptionList(*(Option(Text(choice), id=choice) for choice in self.choices), id="choices")
            yield Label(Text("enter picks · ↑↓ choose · esc cancels", style=MUTED))

    def on_mount(self) -> None:
        options = self.query_one("#choices", OptionList)
        options.highlighted = self.choices.index(self.current) if self.current in self.choices else 0
        options.focus()

    @on(OptionList.OptionSelected, "#choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
