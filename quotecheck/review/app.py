"""The review app: a queue of quotes to check, one key per verdict, every action saved before it shows."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TypeVar

from rich.text import Text
from textual.app import App, SystemCommand
from textual.screen import Screen

from quotecheck.review.bindings import APP_ACTIONS, bindings, key_label
from quotecheck.review.keymap import keymap_path, load_keymap
from quotecheck.review.reader import Reader
from quotecheck.sanitize import printable
from quotecheck.store import Store
from quotecheck.store.models import QuoteFilter, QuoteRecord, StoreError

T = TypeVar("T")

DEFAULT_QUEUE = QuoteFilter(status="unreviewed")
THEMES = ("textual-dark", "textual-light")


class ReviewApp(App):
    CSS_PATH = "review.tcss"
    TITLE = "quotecheck"
    BINDINGS = bindings(APP_ACTIONS)
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        store: Store,
        *,
        reviewer: str,
        export_dir: str | Path = ".",
        keymap_file: Path | None = None,
        theme: str = "textual-dark",
    ) -> None:
        super().__init__()
        self.store = store  # small reads in the UI thread, and the speaker picker
        self.reviewer = reviewer
        self.export_dir = Path(export_dir)
        # Reads off the UI thread, each kind on its own thread and connection so a slow one never holds up
        # another: pages of the lists; counts; exports.
        self.reader = Reader(store.path)
        self.counter = Reader(store.path)
        self.background = Reader(store.path)
        # Writes on a thread and connection of their own, one at a time in the order of the keys.
        self.writer = Reader(store.path, mode="write")
        self.write_lock = asyncio.Lock()
        self.user_keymap, self._keymap_problems = load_keymap(keymap_file or keymap_path())
        self.theme = theme
        self._warmed_up = False

    def get_default_screen(self) -> Screen:
        from quotecheck.review.screens.queue import QueueScreen

        return QueueScreen(DEFAULT_QUEUE, scope=Text("Queue"))

    def on_mount(self) -> None:
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        for problem in self._keymap_problems:
            self.tell(problem, title="Keymap", severity="warning")

    def warm_up(self) -> None:
        """Once the first screen is complete, prepare for hours of use, off the UI thread, while the reviewer
        reads the first quote:

        - the store builds its speaker-name index on the first write (over half a second with 100,000
          speakers): build it now, so the first verdict does not pay for it;
        - then move everything alive (that index is hundreds of thousands of objects) out of the garbage
          collector's reach: its full collections otherwise stall a keypress for 0.2-0.5 s every few hundred
          moves on a big database."""
        if self._warmed_up:
            return
        self._warmed_up = True

        async def prepare() -> None:
            try:
                await asyncio.to_thread(self.store.match_speakers, "a", limit=1)  # the picker's index
                await self.writer.run(lambda store: store.match_speakers("a", limit=1))  # the writer's
            except StoreError:
                return  # the next action that needs the database says what is wrong
            gc.freeze()

        self.run_worker(prepare(), group="warm-up")

    def on_unmount(self) -> None:
        for reader in (self.reader, self.counter, self.background, self.writer):
            reader.close()

    async def fetch(self, reader: Reader, function: Callable[[Store], T], *, default: T) -> T:
        """``await reader.run(function)``; a store error (a damaged page, say) becomes a message and ``default``."""
        try:
            return await reader.run(function)
        except StoreError as error:
            self.tell(str(error), title="Not loaded", severity="error")
            return default

    def tell(self, message: str, *, title: str = "", severity: str = "information", timeout: float | None = None) -> None:
        """A notification; its text may come from an article, so it is cleaned and never read as markup."""
        self.notify(printable(message), title=printable(title, one_line=True), severity=severity,
                    timeout=timeout, markup=False)  # fmt: skip

    # -- telling screens what changed
    def quote_changed(self, record: QuoteRecord, *, focus: bool = False) -> None:
        """``record`` is what the database holds now; every open screen showing it updates."""
        for screen in self.screen_stack:
            if hasattr(screen, "refresh_quote"):
                screen.refresh_quote(record, focus=focus and screen is self.screen)

    def quotes_reloaded(self) -> None:
        """Quotes were added or deleted, or many changed at once: every screen reads its quotes again."""
        for screen in self.screen_stack:
            if hasattr(screen, "reload_quotes"):
                screen.reload_quotes()

    def speakers_changed(self) -> None:
        for screen in self.screen_stack:
            if hasattr(screen, "refresh_speakers"):
                screen.refresh_speakers()

    # -- app actions
    def action_help(self) -> None:
        from quotecheck.review.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key of the current screen is also a command in the palette (ctrl+p), titled with its key, with
        what it does on this screen ("Next speaker") as its help."""
        yield from super().get_system_commands(screen)
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not active.enabled or not binding.id or binding.id in seen or not binding.description:
                continue
            seen.add(binding.id)
            title = f"{binding.description[:1].upper()}{binding.description[1:]}  ({key_label(key)})"
            yield SystemCommand(title, binding.tooltip or title, partial(active.node.run_action, binding.action))
