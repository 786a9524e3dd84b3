"""Every key of the app, grouped (built from bindings.py, with the user's keymap applied)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from quotecheck.review.bindings import HELP_GROUPS, KeyAction, all_actions, key_label, screens_of

def help_table(group: str, actions: list[KeyAction], keymap: dict[str, str]) -> Table:
    table = Table(title=group, title_justify="left", title_style="bold", show_header=False, box=None,
                  padding=(0, 2, 0, 0), expand=True)
    table.add_column("key", style="bold", no_wrap=True, width=10)
    table.add_column("action", no_wrap=True, width=17)
    table.add_column("what it does", style="dim", ratio=1)
    table.add_column("where", style="dim italic", no_wrap=True, width=24)
    for action in actions:
        table.add_row(Text(key_label(keymap.get(action.id, action.key))), Text(action.description),
                      Text(action.tooltip), Text(" · ".join(screens_of(action.id))))  # fmt: skip
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "close", "close", id="help-close", tooltip="Close the help")]

    def compose(self) -> ComposeResult:
        keymap = getattr(self.app, "user_keymap", {})
        actions = all_actions()
        with VerticalScroll(id="dialog", classes="dialog help"):
            yield Label("Keys", classes="dialog--title")
            for group in HELP_GROUPS:
                yield Static(help_table(group, [action for action in actions if action.group == group], keymap))
            yield Static(Text("Remap any key by its id in ~/.config/quotecheck/keymap.toml, e.g. status-verified = \"V\". "
                              "ctrl+p opens the command palette.", style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
