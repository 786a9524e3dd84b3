"""All speakers with their quote counts and review progress; enter reviews all of one speaker's quotes."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from quotecheck.review.bindings import SCREEN_ACTIONS, bindings
from quotecheck.review.screens.navigation import ListNavigation
from quotecheck.review.text import MUTED, plain
from quotecheck.review.widgets.lazy_list import LazyList
from quotecheck.review.widgets.speaker_list import SpeakerList
from quotecheck.store.models import QuoteFilter, SpeakerRecord


class SpeakersScreen(ListNavigation, Screen):
    AUTO_FOCUS = "#speakers"
    BINDINGS = bindings(SCREEN_ACTIONS["Speakers"])

    def __init__(self) -> None:
        super().__init__()
        self.query_text: str | None = None
        self.stale = False

    def compose(self) -> ComposeResult:
        yield Static(id="topbar")
        yield Input(placeholder="Find a speaker (fuzzy), enter to apply, esc to cancel", id="search")
        yield SpeakerList(id="speakers")
        yield Footer()

    def on_mount(self) -> None:
        self.speaker_list.focus()
        self.reload()

    @property
    def speaker_list(self) -> SpeakerList:
        return self.query_one(SpeakerList)

    def reload(self) -> None:
        query = self.query_text

        async def load_page(_last: SpeakerRecord | None, offset: int, limit: int) -> list[SpeakerRecord]:
            return await self.app.fetch(
                self.app.reader, lambda store: store.speakers(query, limit=limit, offset=offset), default=[]
            )

        bar = Text("quotecheck ", style="bold")
        bar.append("Speakers")
        if query:
            bar.append("  ·  matching ", MUTED)
            bar.append_text(plain(query))
        bar.append("  ·  enter reviews a speaker's quotes", MUTED)
        self.query_one("#topbar", Static).update(bar)
        self.speaker_list.load(load_page)

    @on(LazyList.Selected, "#speakers")
    def _selected(self) -> None:
        self.action_open_speaker()

    def action_open_speaker(self) -> None:
        from quotecheck.review.screens.queue import QueueScreen

        speaker = self.speaker_list.current
        if speaker is None:
            return
        scope = Text("Quotes of ")
        scope.append_text(plain(speaker.name))
        self.app.push_screen(QueueScreen(QuoteFilter(speaker_id=speaker.id), scope=scope, root=False))

    @property
    def navigated_list(self) -> LazyList:
        return self.speaker_list

    def action_search(self) -> None:
        self.open_search(self.query_text or "")

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.close_search()
        self.query_text = event.value.strip() or None
        self.reload()

    def action_back(self) -> None:
        if self.searching:
            self.close_search()
        else:
            self.dismiss()

    # The app tells every screen when something changed; counts are reloaded when this screen shows again.
    def refresh_quote(self, record, *, focus: bool) -> None:
        self.stale = True

    def refresh_speakers(self) -> None:
        self.stale = True

    def on_screen_resume(self) -> None:
        if self.stale:
            self.stale = False
            self.reload()
