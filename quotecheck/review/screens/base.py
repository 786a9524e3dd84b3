"""What every screen that shows a quote shares: the review actions.

Each action writes through the app's writer (a Store on a thread of its own, so a lock held by another process
never freezes the screen) in one transaction with the version this screen showed, and only then updates the
screen; a ConflictError shows both versions and keeps theirs, any other store error becomes a message.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import work
from textual.screen import Screen

from quotecheck.review.screens.conflict import ConflictScreen
from quotecheck.review.screens.dialogs import Choice, Confirm, TextPrompt
from quotecheck.review.screens.note import NoteResult, NoteScreen
from quotecheck.review.screens.reassign import Reassignment, ReassignScreen
from quotecheck.review.screens.source_check import SourceCheckScreen
from quotecheck.review.screens.versions import VersionsScreen
from quotecheck.review.text import LABEL, titled_excerpt
from quotecheck.store import Store
from quotecheck.store.models import KINDS, STATUSES, ConflictError, QuoteFilter, QuoteRecord, Review, StoreError
from quotecheck.variants import group_of


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
    def action_set_status(self, status: str, record: QuoteRecord | None = None) -> None:
        self._write(f"status → {status}", lambda store, current: store.set_status(
            current.id, status, reviewer=self.app.reviewer, expected_version=current.version), record=record,
            advance=True)  # fmt: skip

    def action_check_sources(self) -> None:
        record = self.current_quote()
        if record is not None:
            self._check_sources(record)

    @work(group="check", exclusive=True)
    async def _check_sources(self, record: QuoteRecord) -> None:
        """The quote against its speaker's sources, read off the UI thread; enter in the panel gives the
        proposed verdict, as its key would (undoable, checked against the version shown)."""
        if record.speaker_id is None:
            self.app.tell("This quote has no speaker, so no sources to check it against.", title="No sources")
            return

        def check(store: Store):
            sources = store.sources(record.speaker_id)
            return len(sources), store.verify_quotes([record.id])[0] if sources else None

        count, verification = await self.app.fetch(self.app.background, check, default=(0, None))
        if verification is None:
            self.app.tell(f"{record.speaker} has no sources; add one with: quotecheck source add FILE --speaker "
                          f"\"{record.speaker}\"", title="No sources")  # fmt: skip
            return

        def accepted(status: str | None) -> None:
            if status is not None:
                self.action_set_status(status, record=verification.quote)

        self.app.push_screen(SourceCheckScreen(verification, count), accepted)

    def action_versions(self) -> None:
        record = self.current_quote()
        if record is not None:
            self._show_versions(record)

    @work(group="check", exclusive=True)
    async def _show_versions(self, record: QuoteRecord) -> None:
        """The quote's versions in other articles; ``a`` in the panel gives its exact copies its verdict, as one
        action (one undo), like the bulk verdicts."""

        def versions(store: Store):  # grouped on the reader's thread too: the UI thread only draws
            quote, candidates = store.quote_versions(record.id)
            group = group_of(quote, candidates)
            return group, group.copies_of(quote) if group else []

        found = await self.app.fetch(self.app.background, versions, default=None)
        if found is None:
            return
        group, copies = found
        copy_ids, status = [copy.id for copy in copies], record.status

        def apply(yes: bool | None) -> None:
            if yes and copy_ids:
                self._write_many(lambda store: store.mark_many(copy_ids, status, reviewer=self.app.reviewer),
                                 done=f"{len(copy_ids)} exact cop{'y' if len(copy_ids) == 1 else 'ies'} marked "
                                 f"{status}; z undoes it.")  # fmt: skip

        self.app.push_screen(VersionsScreen(record, group, copies), apply)

    def action_set_rating(self, rating: str | None) -> None:
        # A rating stays on the quote: the verdict usually follows ("1 v" rates it true, then verifies it).
        self._write(f"rating → {rating or 'none'}", lambda store, record: store.set_rating(
            record.id, rating, reviewer=self.app.reviewer, expected_version=record.version))

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
            if choice is None:
                return
            same = choice.speaker_id is not None and choice.speaker_id == record.speaker_id
            if same and choice.role is None:
                return
            speaker = {} if same else {"speaker_id": choice.speaker_id, "new_speaker_name": choice.new_name,
                                       "new_speaker_type": choice.new_type}  # fmt: skip
            change = f"role → {choice.role or 'none'}" if same else f"speaker → {choice.label}"
            self._write(change, lambda store, current: store.edit_quote(
                current.id, role=choice.role, **speaker, reviewer=self.app.reviewer,
                expected_version=current.version), record=record)

        self.app.push_screen(ReassignScreen(record), save)

    def action_edit_role(self) -> None:
        record = self.current_quote()
        if record is None:
            return

        def save(role: str | None) -> None:
            if role is None or role == (record.role or ""):
                return
            self._write(f"role → {role or 'none'}", lambda store, current: store.edit_quote(
                current.id, role=role, reviewer=self.app.reviewer, expected_version=current.version), record=record)

        title = titled_excerpt("Role of the speaker of “", record.text, "” (empty: none)", limit=60)
        self.app.push_screen(TextPrompt(title, record.role or "", placeholder="e.g. the mayor"), save)

    def action_edit_kind(self) -> None:
        record = self.current_quote()
        if record is None:
            return

        def save(kind: str | None) -> None:
            if kind is None or kind == record.kind:
                return
            self._write(f"kind → {kind}", lambda store, current: store.edit_quote(
                current.id, kind=kind, reviewer=self.app.reviewer, expected_version=current.version), record=record)

        self.app.push_screen(Choice(titled_excerpt("Kind of “", record.text, "”", limit=60), KINDS, record.kind), save)

    def action_delete_quote(self) -> None:
        record = self.current_quote()
        if record is None:
            return

        def delete(yes: bool | None) -> None:
            if yes:
                self._write_many(lambda store: store.delete_quote(
                    record.id, reviewer=self.app.reviewer, expected_version=record.version),
                    done=f"Deleted quote #{record.id}; z brings it back.")  # fmt: skip

        self.app.push_screen(Confirm(titled_excerpt("Delete the quote “", record.text, "”?", limit=60)), delete)

    def action_bulk_verdict(self) -> None:
        """The same verdict for every quote in view, after saying how many: one action, so one undo."""
        quote_filter, scope = self.bulk_scope()
        title = Text("Verdict for every quote ", style=LABEL)
        title.append_text(scope)

        def chosen(status: str | None) -> None:
            if status is not None:
                self._confirm_bulk(quote_filter, scope, status)

        self.app.push_screen(Choice(title, STATUSES[1:]), chosen)

    @work(group="edit")
    async def _confirm_bulk(self, quote_filter: QuoteFilter, scope: Text, status: str) -> None:
        count = await self.app.fetch(self.app.counter, lambda store: store.count_quotes(quote_filter), default=None)
        if not count:
            self.app.tell("No quote in view.", title="Nothing marked")
            return
        question = Text(f"Mark {count:,} quote{'s' if count != 1 else ''} ", style=LABEL)
        question.append_text(scope)
        question.append(f" {status}?", style=LABEL)

        def mark(yes: bool | None) -> None:
            if yes:
                self._write_many(lambda store: store.mark_many(
                    [quote.id for quote in store.all_quotes(quote_filter)], status, reviewer=self.app.reviewer),
                    done=f"{count:,} quotes marked {status}; z undoes it all.")  # fmt: skip

        self.app.push_screen(Confirm(question), mark)

    @work(group="write")
    async def _write_many(self, write: Callable[[Store], object], *, done: str,
                          then: Callable[[object], None] | None = None) -> None:  # fmt: skip
        """A write that changes which quotes there are, or many at once: every screen reloads its quotes, then
        ``done`` is said and ``then`` gets what the write returned."""
        async with self.app.write_lock:
            try:
                result = await self.app.writer.run(write)
            except StoreError as error:
                self.app.tell(str(error), title="Not saved", severity="error")
                return
        self.app.quotes_reloaded()
        self.app.tell(done, title="Saved")
        if then is not None:
            then(result)

    def bulk_scope(self) -> tuple[QuoteFilter, Text]:
        """The quotes a bulk verdict applies to, and how to name them ("in view", "of this article")."""
        raise NotImplementedError

    def action_undo(self) -> None:
        self._undo()

    @work(group="write")
    async def _undo(self) -> None:
        def undo(store) -> tuple[Review | None, QuoteRecord | None]:
            undone = store.undo(reviewer=self.app.reviewer)
            if undone is None or undone.quote_id is None:
                return undone, None
            action = store.action_reviews(undone)
            if len({row.quote_id for row in action}) > 1 or any(row.action in ("add", "delete") for row in action):
                return undone, None  # quotes came or went, or many changed: reload them all
            return undone, store.quote(undone.quote_id)

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
        else:
            self.app.quotes_reloaded()

    # -- writing
    @work(group="write")
    async def _write(
        self, change: str, write: Callable, *, record: QuoteRecord | None = None, advance: bool = False
    ) -> None:
        """A verdict (status) moves on to the next quote; a rating, a note or an edit stays, since a verdict on
        the same quote usually follows. Writes go one at a time, so a key pressed while one is on its way
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
