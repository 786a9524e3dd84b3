"""The fuzzy speaker picker: type a name, pick a speaker from the database, or create a new one."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from quotecheck.review.text import MUTED, plain, titled_excerpt
from quotecheck.sanitize import printable
from quotecheck.store.models import SPEAKER_TYPES, QuoteRecord, SpeakerRecord, StoreError

NEW = "new"
SEARCH_DELAY = 0.12


@dataclass(frozen=True, slots=True)
class Reassignment:
    speaker_id: int | None = None  # an existing speaker
    new_name: str | None = None  # or a new one
    new_type: str = "person"
    label: str = ""  # what to call the change in messages
    role: str | None = None  # the role this quote gives the speaker ("" removes it); None: unchanged


class ReassignScreen(ModalScreen[Reassignment | None]):
    BINDINGS = [
        Binding("escape", "cancel", "cancel", id="reassign-cancel", tooltip="Keep the current speaker"),
        Binding("down", "cursor_down", "next", show=False, id="reassign-down", tooltip="Next match"),
        Binding("up", "cursor_up", "previous", show=False, id="reassign-up", tooltip="Previous match"),
    ]

    def __init__(self, record: QuoteRecord) -> None:
        super().__init__()
        self.record = record
        self.matches: list[SpeakerRecord] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Label(titled_excerpt("Who said “", self.record.text, "”?", limit=70), classes="dialog--title")
            yield Input(printable(self.record.speaker or "", one_line=True), placeholder="Speaker name", id="speaker-query")
            yield OptionList(id="speaker-matches")
            with Horizontal(id="new-speaker-type"):
                yield Label("A new speaker is a ")
                yield Select(((kind, kind) for kind in SPEAKER_TYPES), value="person", allow_blank=False, id="speaker-type",
                             compact=True)
            with Horizontal(id="speaker-role-row"):
                yield Label("Role ")
                yield Input(printable(self.record.role or "", one_line=True), placeholder="as the article states it",
                            id="speaker-role", compact=True)  # fmt: skip
            yield Label(Text("enter picks · ↑↓ choose · esc cancels", style=MUTED))

    def on_mount(self) -> None:
        query = self.query_one("#speaker-query", Input)
        query.focus()
        query.select_all()
        self.search(query.value)

    @on(Input.Changed, "#speaker-query")
    def _query_changed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @work(exclusive=True, group="speaker-search")
    async def search(self, query: str) -> None:
        query = query.strip()
        # Wait for a pause in the typing: a newer keystroke cancels this worker while it sleeps, so only the
        # last query reaches the database (fuzzy matching over 100,000 speakers takes a few hundred ms).
        await asyncio.sleep(SEARCH_DELAY)
        # The app's own store: its speaker index is already built (see ReviewApp.warm_up); a thread keeps the
        # screen responsive meanwhile, and nothing else writes while this picker is open.
        try:
            matches = (
                await asyncio.to_thread(
                    self.app.store.match_speakers, query, limit=10, article_id=self.record.article_id
                )
                if query
                else []
            )
        except StoreError as error:
            self.app.tell(str(error), title="Speakers not loaded", severity="error")
            matches = []
        try:
            options = self.query_one("#speaker-matches", OptionList)
        except NoMatches:  # picked or cancelled meanwhile
            return
        self.matches = [speaker for speaker, _score in matches]
        options.clear_options()
        for speaker, score in matches:
            prompt = plain(speaker.name)
            scope = " · this article only" if speaker.article_id is not None else ""
            details = f"  {speaker.type or '—'}{scope} · {speaker.quote_count} quotes · {score:.0f}%"
            prompt.append(details, MUTED)
            if speaker.id == self.record.speaker_id:
                prompt.append("  (current)", MUTED)
            options.add_option(Option(prompt, id=str(speaker.id)))
        exact = any(speaker.name.casefold() == query.casefold() for speaker in self.matches)
        if query and not exact:
            create = Text("+ New speaker “", style="bold")
            create.append_text(plain(query))
            create.append("”", style="bold")
            options.add_option(Option(create, id=NEW))
        if options.option_count:
            options.highlighted = 0

    def action_cursor_down(self) -> None:
        self.query_one("#speaker-matches", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#speaker-matches", OptionList).action_cursor_up()

    @on(Input.Submitted, "#speaker-query, #speaker-role")
    def _submitted(self) -> None:
        options = self.query_one("#speaker-matches", OptionList)
        if options.highlighted is not None:
            self._pick(options.get_option_at_index(options.highlighted))

    @on(OptionList.OptionSelected, "#speaker-matches")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option)

    def _pick(self, option: Option) -> None:
        role = printable(self.query_one("#speaker-role", Input).value, one_line=True)
        role = None if role == printable(self.record.role or "", one_line=True) else role
        if option.id == NEW:
            name = printable(self.query_one("#speaker-query", Input).value, one_line=True)
            kind = self.query_one("#speaker-type", Select).value
            self.dismiss(Reassignment(new_name=name, new_type=str(kind), label=f"new speaker {name}", role=role))
            return
        speaker = next(speaker for speaker in self.matches if str(speaker.id) == option.id)
        self.dismiss(Reassignment(speaker_id=speaker.id, label=speaker.name, role=role))

    def action_cancel(self) -> None:
        self.dismiss(None)
