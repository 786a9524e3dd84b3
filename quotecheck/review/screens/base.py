"""What every screen that shows a quote shares: the review actions.

Each action writes through the app's writer (a Store on a thread of its own, so a lock held by another process
never freezes the screen) in one transaction with the version this screen showed, and only then updates the
screen; a ConflictError shows both versions and keeps theirs, any other store error becomes a message.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import work
from textual.screen import Screen

from quotecheck.review.screens.conflict import ConflictScreen
from quotecheck.review.screens.note import NoteResult, NoteScreen
from quotecheck.review.screens.reassign import Reassignment, ReassignScreen
from quotecheck.store.models import ConflictError, NotFound, QuoteRecord, Review, StoreError


class ReviewScreen(Screen):
    """Subclasses say which quote is current, and how to show a changed one."""

    def current_quote(self) -> QuoteRecord | None:
        raise NotImplementedError

    def show_quote(self, record: QuoteRecord, *, advance: bool) -> None:
        """``record`` was just written (``advance``: move on to the next quote) or reloaded."""
        raise NotImplementedError

    def load_history(self, quote_id: int) -> tuple[list[Review], dict[int, str]]:
        """The quote's history, and the names of the speakers its reassignments mention."""
        store = self.app.store
        try:
            reviews = store.history(quote_id)
        except StoreError as error:
            self.app.tell(str(error), title="History not loaded", severity="error")
            return [], {}
        names: dict[int, str] = {}
        for speaker_id in {r.old_speaker_id for r in reviews} | {r.new_speaker_id for r in reviews}:
            if speaker_id is not None:
                try:
                    names[speaker_id] = store.speaker(speaker_id).name
                except StoreError:  # gone, or unreadable: the history shows the id
                    pass
        return reviews, names

    # -- the actions
    def action_set_status(self, status: str) -> None:
        self._write(f"status → {status}", lambda store, record: store.set_status(
            record.id, status, reviewer=self.app.reviewer, expected_version=record.version), advance=True)

    def action_set_rating(self, rating: str | None) -> None:
        self._write(f"rating → {rating or 'none'}", lambda store, record: store.set_rating(
            record.id, rating, reviewer=self.app.reviewer, expected_version=record.version), advance=True)

    def action_note(self) -> None:
        record = self.current_quote()
        if record is None:
            return

        def save(result: NoteResult | None) -> None:
            if result is None or (result.note is None and result.evidence_url is None):
                return
            change = "note" if result.evidence_url is None else "evidence link" if result.note is None else "note and link"
            self._write(change, lambda store, current: store.annotate(
                current.id, note=result.note, evidence_url=result.evidence_url,
                reviewer=self.app.reviewer, expected_version=current.version), record=record)

        self.app.push_screen(NoteScreen(record), save)

    def action_reassign(self) -> None:
        record = self.current_quote()
        if record is None:
            return

        def save(choice: Reassignment | None) -> None:
            if choice is None or (choice.speaker_id is not None and choice.speaker_id == record.speaker_id):
                return
            self._write(f"speaker → {choice.label}", lambda store, current: store.reassign(
                current.id, speaker_id=choice.speaker_id, new_speaker_name=choice.new_name,
                new_speaker_type=choice.new_type, reviewer=self.app.reviewer,
                expected_version=current.version), record=record)

        self.app.push_screen(ReassignScreen(record), save)

    def action_undo(self) -> None:
        self._undo()

    @work(group="write")
    async def _undo(self) -> None:
        def undo(store) -> tuple[Review | None, QuoteRecord | None]:
            undone = store.undo(reviewer=self.app.reviewer)
            if undone is None or undone.quote_id is None:
                return undone, None
            try:
                return undone, store.quote(undone.quote_id)
            except NotFound:
                return undone, None

        async with self.app.write_lock:
            try:
                undone, record = await self.app.writer.run(undo)
            except StoreError as error:
                self.app.tell(str(error), title="Undo failed", severity="error")
                return
        if undone is None:
            self.app.tell("Nothing of yours to undo.", title="Undo")
            return
        self.app.tell(undo_message(undone), title="Undone")
        if record is not None:
            self.app.quote_changed(record, focus=True)
        elif undone.quote_id is None:
            self.app.speakers_changed()

    # -- writing
    @work(group="write")
    async def _write(
        self, change: str, write: Callable, *, record: QuoteRecord | None = None, advance: bool = False
    ) -> None:
        """Verdicts (status, rating) move on to the next quote; a note or a new speaker stays, since a verdict
        on the same quote usually follows. Writes go one at a time, so a key pressed while one is on its way
        acts on the quote shown once it is done (not on the one just saved, which would be a conflict)."""
        async with self.app.write_lock:
            record = record or self.current_quote()
            if record is None:
                return
            try:
                updated = await self.app.writer.run(lambda store: write(store, record))
            except ConflictError as conflict:
                self.app.quote_changed(conflict.current)
                self.app.push_screen(ConflictScreen(record, change, conflict.current))
                return
            except StoreError as error:
                self.app.tell(str(error), title="Not saved", severity="error")
                return
            self.app.quote_changed(updated)
            self.show_quote(updated, advance=advance)


def undo_message(review: Review) -> str:
    message = f"Undid {review.action}"
    if review.old_status is not None or review.new_status is not None:
        message += f" ({review.new_status} back to {review.old_status})"
    elif review.action == "rating":
        message += f" ({review.new_rating or 'none'} back to {review.old_rating or 'none'})"
    elif review.action in ("rename", "merge") and review.new_name:
        message += f" of {review.new_name}"
    if review.quote_id is not None:
        message += f" on quote #{review.quote_id}"
    return message
