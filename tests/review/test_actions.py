"""Every review action through the keyboard, checked in the database (a fresh Store, as another process would)."""

from __future__ import annotations

import pytest

from quotecheck.review.screens.note import NoteScreen
from quotecheck.review.screens.reassign import ReassignScreen
from quotecheck.review.widgets.quote_list import QuoteList
from quotecheck.store import RATINGS, Store

from .helpers import make_app, settle


def stored(db_path, quote_id):
    with Store(db_path) as fresh:
        return fresh.quote(quote_id), fresh.history(quote_id)


def queue(app) -> QuoteList:
    return app.screen.query_one(QuoteList)


@pytest.mark.parametrize(
    ("key", "status"),
    [("v", "verified"), ("m", "misquoted"), ("a", "misattributed"), ("d", "disputed"), ("u", "unverifiable")],
)
async def test_status_key_is_saved_and_moves_on(store, db_path, tmp_path, key, status):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first, second = queue(app).rows[0], queue(app).rows[1]
        await pilot.press(key)
        await settle(pilot)
        record, history = stored(db_path, first.id)
        assert record.status == status
        assert record.version == first.version + 1
        assert [(r.reviewer, r.action, r.new_status) for r in history] == [("alice", "status", status)]
        assert queue(app).current.id == second.id
        assert queue(app).rows[0].status == status  # the row shows what the database holds


async def test_header_counts_follow_actions(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "0 of 7 reviewed" in str(app.screen.query_one("#topbar").render())
        await pilot.press("v", "d")
        await settle(pilot)
        assert "2 of 7 reviewed" in str(app.screen.query_one("#topbar").render())


@pytest.mark.parametrize(("key", "rating"), [(str(n), rating) for n, rating in enumerate(RATINGS, start=1)])
async def test_rating_keys(store, db_path, tmp_path, key, rating):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = queue(app).current
        await pilot.press(key)
        await settle(pilot)
        assert stored(db_path, first.id)[0].rating == rating
        assert queue(app).current.id == first.id  # a rating stays: the verdict follows


async def test_rate_then_verify_is_two_keys(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first, second = queue(app).rows[0], queue(app).rows[1]
        await pilot.press("1", "v")
        await settle(pilot)
        record, history = stored(db_path, first.id)
        assert (record.rating, record.status) == ("true", "verified")
        assert [row.action for row in history] == ["rating", "status"]
        assert queue(app).current.id == second.id


async def test_zero_clears_the_rating(store, db_path, tmp_path):
    first = store.quotes(limit=1)[0]
    store.set_rating(first.id, "false", reviewer="alice")
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("0")
        await settle(pilot)
        assert stored(db_path, first.id)[0].rating is None


async def test_note_form_saves_a_multi_line_note_and_a_link(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = queue(app).current
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"Checked the", "enter", *"port minutes")
        await pilot.press("tab", *"https://coast.example/minutes")
        await pilot.press("ctrl+s")
        await settle(pilot)
        record, history = stored(db_path, first.id)
        assert record.note == "Checked the\nport minutes"
        assert record.evidence_url == "https://coast.example/minutes"
        assert {r.action for r in history} == {"note", "evidence"}
        assert queue(app).current.id == first.id  # a note is not a verdict: stay on the quote
        assert "port minutes" in str(app.screen.query_one("#detail-attribution").render())


async def test_note_form_refuses_a_bad_link_and_cancel_saves_nothing(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = queue(app).current
        await pilot.press("n", *"a note", "tab", *"javascript:alert(1)", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, NoteScreen)  # still open, with the error
        assert "http" in str(app.screen.query_one("#note-error").render())
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, NoteScreen)
        record, history = stored(db_path, first.id)
        assert record.note is None and history == []


async def test_reassign_to_an_existing_speaker_with_the_fuzzy_picker(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = queue(app).current
        assert first.speaker == "Maria Lopez"
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReassignScreen)
        await pilot.press(*"ann prk")  # typed over the selected current name; a typo still finds her
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        record, history = stored(db_path, first.id)
        assert record.speaker == "Ann Park"
        assert history[-1].action == "reassign"
        assert queue(app).current.speaker == "Ann Park"


async def test_reassign_to_a_new_speaker(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = queue(app).current
        await pilot.press("r", *"Nora Quist")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        record, _ = stored(db_path, first.id)
        assert record.speaker == "Nora Quist"
        assert record.speaker_type == "person"
        with Store(db_path) as fresh:
            assert [s.name for s, _ in fresh.match_speakers("Nora Quist", limit=1)] == ["Nora Quist"]


async def test_reassign_escape_changes_nothing(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = queue(app).current
        await pilot.press("r", *"Tom", "escape")
        await settle(pilot)
        assert stored(db_path, first.id)[0].speaker == "Maria Lopez"


async def test_undo_after_a_restart(db_path, tmp_path):
    with Store(db_path) as store:
        app = make_app(store, tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            first = queue(app).current
            await pilot.press("m")
            await settle(pilot)
    assert stored(db_path, first.id)[0].status == "misquoted"

    with Store(db_path) as store:  # a new session on the same file
        app = make_app(store, tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("z")
            await settle(pilot)
            record, history = stored(db_path, first.id)
            assert record.status == "unreviewed"
            assert [r.action for r in history] == ["status", "undo"]
            row = queue(app).rows[queue(app).index_where(lambda r: r.id == first.id)]
            assert row.status == "unreviewed"
            assert queue(app).current.id == first.id  # the cursor goes to the quote that changed back
            await pilot.press("z")  # nothing of alice's left to undo: a message, no crash
            await settle(pilot)
            assert stored(db_path, first.id)[0].status == "unreviewed"


async def test_undo_only_undoes_my_own_actions(store, db_path, tmp_path):
    first = store.quotes(limit=1)[0]
    store.set_status(first.id, "disputed", reviewer="bob")
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        assert stored(db_path, first.id)[0].status == "disputed"


async def test_concurrent_change_is_reported_and_theirs_is_kept(store, db_path, tmp_path):
    from quotecheck.review.screens.conflict import ConflictScreen

    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        shown = queue(app).current
        with Store(db_path) as other:  # another reviewer, another process
            other.set_status(shown.id, "disputed", reviewer="bob")
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        assert app.screen.theirs.status == "disputed" and app.screen.theirs.reviewer == "bob"
        assert "verified" in app.screen.change
        text = str(app.screen.query_one("#yours").render()) + str(app.screen.query_one("#theirs").render())
        assert "bob" in text and "disputed" in text
        record, history = stored(db_path, shown.id)
        assert record.status == "disputed" and [r.reviewer for r in history] == ["bob"]
        await pilot.press("escape")
        await settle(pilot)
        assert queue(app).current.id == shown.id  # no advance: nothing was saved
        assert queue(app).current.status == "disputed"  # the screen now shows theirs
        await pilot.press("v")  # pressed again, on top of theirs, explicitly
        await settle(pilot)
        assert stored(db_path, shown.id)[0].status == "verified"


async def test_conflict_on_a_note_written_while_someone_else_changed_the_quote(store, db_path, tmp_path):
    from quotecheck.review.screens.conflict import ConflictScreen

    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        shown = queue(app).current
        await pilot.press("n", *"mine")
        with Store(db_path) as other:
            other.annotate(shown.id, note="theirs", reviewer="bob")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        assert stored(db_path, shown.id)[0].note == "theirs"


async def test_a_locked_database_is_reported_and_nothing_moves(db_path, tmp_path, monkeypatch):
    import sqlite3

    from quotecheck.store import schema

    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 200)
    with Store(db_path) as store:
        app = make_app(store, tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            first = queue(app).current
            blocker = sqlite3.connect(db_path, timeout=0)
            blocker.execute("BEGIN IMMEDIATE")  # another process holds the write lock
            try:
                await pilot.press("v")
                await settle(pilot)
            finally:
                blocker.rollback()
                blocker.close()
            assert queue(app).current.id == first.id  # not saved, so not moved on
            assert any("locked" in str(n.message) for n in app._notifications)
            await pilot.press("v")  # the lock is gone: now it saves
            await settle(pilot)
            assert stored(db_path, first.id)[0].status == "verified"
