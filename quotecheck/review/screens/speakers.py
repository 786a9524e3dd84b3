"""All speakers with their quote counts, review progress and (persons) gender; enter reviews all of one speaker's
quotes."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from quotecheck.review.bindings import SCREEN_ACTIONS, bindings
from quotecheck.report.figures import GENDER_KEYS, UNKNOWN_GENDER, gender_label
from quotecheck.review.screens.counts import RecountWhenShown
from quotecheck.review.screens.dialogs import Choice, Confirm, TextPrompt
from quotecheck.review.screens.navigation import ListNavigation
from quotecheck.review.text import LABEL, MUTED, plain
from quotecheck.review.widgets.lazy_list import LazyList
from quotecheck.review.widgets.speaker_list import SpeakerList
from quotecheck.store.models import NameTaken, QuoteFilter, SpeakerRecord, StoreError


class SpeakersScreen(RecountWhenShown, ListNavigation, Screen):
    AUTO_FOCUS = "#speakers"
    BINDINGS = bindings(SCREEN_ACTIONS["Speakers"])

    def __init__(self) -> None:
        super().__init__()
        self.query_text: str | None = None
        self.merging: SpeakerRecord | None = None  # the speaker a second m merges into the highlighted one

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
        if self.merging is not None:
            bar.append("  ·  merging ", "bold")
            bar.append_text(plain(self.merging.name))
            bar.append(": m on the speaker to keep, esc cancels", "bold")
        else:
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
        elif self.merging is not None:
            self.merging = None
            self.reload()
        else:
            self.dismiss()

    # -- rename and merge
    def action_rename_speaker(self) -> None:
        speaker = self.speaker_list.current
        if speaker is None:
            return

        def rename(name: str | None) -> None:
            if name and name != speaker.name:
                self._rename(speaker, name)

        title = Text("Rename ", style=LABEL)
        title.append_text(plain(speaker.name))
        self.app.push_screen(TextPrompt(title, speaker.name, placeholder="Full name"), rename)

    @work(group="write")
    async def _rename(self, speaker: SpeakerRecord, name: str) -> None:
        async with self.app.write_lock:
            try:
                renamed = await self.app.writer.run(
                    lambda store: store.rename_speaker(speaker.id, name, reviewer=self.app.reviewer)
                )
            except NameTaken as taken:  # the name is another speaker's: offer to merge into that one instead
                self._ask_merge(speaker.id, taken.existing)
                return
            except StoreError as error:
                self.app.tell(str(error), title="Not renamed", severity="error")
                return
        self.app.tell(f"Renamed {speaker.name} to {renamed.name}; z in the queue undoes it.", title="Renamed")
        self.app.speakers_changed()
        self.reload()

    def action_merge_speaker(self) -> None:
        speaker = self.speaker_list.current
        if speaker is None:
            return
        if self.merging is None or self.merging.id == speaker.id:
            self.merging = speaker
            self.reload()  # the top bar says what the next m does
            return
        merge_id, self.merging = self.merging.id, None
        self._ask_merge(merge_id, speaker.id)

    def _ask_merge(self, merge_id: int, keep_id: int) -> None:
        """Merge ``merge_id`` into ``keep_id`` after asking (names come from the store: they are untrusted)."""
        store = self.app.store
        try:
            merged, kept = store.speaker(merge_id), store.speaker(keep_id)
        except StoreError as error:
            self.app.tell(str(error), title="Not merged", severity="error")
            return
        question = Text("Merge ", style=LABEL)
        question.append_text(plain(f"{merged.name} ({merged.quote_count} quotes)"))
        question.append(" into ", style=LABEL)
        question.append_text(plain(f"{kept.name} ({kept.quote_count} quotes)"))
        question.append("?", style=LABEL)

        def merge(yes: bool | None) -> None:
            if yes:
                self._merge(merged, kept)
            else:
                self.reload()

        self.app.push_screen(Confirm(question), merge)

    @work(group="write")
    async def _merge(self, merged: SpeakerRecord, kept: SpeakerRecord) -> None:
        async with self.app.write_lock:
            try:
                result = await self.app.writer.run(
                    lambda store: store.merge_speakers(kept.id, merged.id, reviewer=self.app.reviewer)
                )
            except StoreError as error:
                self.app.tell(str(error), title="Not merged", severity="error")
                return
        self.app.tell(f"Merged {merged.name} into {result.name} ({result.quote_count} quotes); z in the queue "
                      "undoes it.", title="Merged")  # fmt: skip
        self.app.speakers_changed()
        self.reload()

    # -- gender
    def action_speaker_gender(self) -> None:
        speaker = self.speaker_list.current
        if speaker is None:
            return
        if speaker.type != "person":
            self.app.tell(f"{speaker.name} is {speaker.type or 'untyped'}, not a person: no gender.", title="Gender")
            return
        title = Text("Gender of ", style=LABEL)
        title.append_text(plain(speaker.name))
        if speaker.gender_source:
            title.append(f"  (now {gender_label(speaker.gender, speaker.gender_source)})", MUTED)

        def chosen(choice: str | None) -> None:
            if choice is not None:
                self._set_gender(speaker, None if choice == UNKNOWN_GENDER else choice)

        current = speaker.gender or (UNKNOWN_GENDER if speaker.gender_source else None)
        self.app.push_screen(Choice(title, GENDER_KEYS, current), chosen)

    @work(group="write")
    async def _set_gender(self, speaker: SpeakerRecord, gender: str | None) -> None:
        async with self.app.write_lock:
            try:
                updated = await self.app.writer.run(
                    lambda store: store.set_speaker_gender(speaker.id, gender, reviewer=self.app.reviewer)
                )
            except StoreError as error:
                self.app.tell(str(error), title="Not saved", severity="error")
                return
        self.app.tell(f"{updated.name}: {gender_label(updated.gender, updated.gender_source)}; z in the queue undoes "
                      "it.", title="Gender")  # fmt: skip
        self.app.speakers_changed()
        self.reload()

    def recount(self) -> None:
        self.reload()
