"""The app with a database in trouble: another process holding the write lock, a damaged page. Every store error
becomes a message, and the screen keeps answering."""

from __future__ import annotations

import sqlite3

from quotecheck.review.widgets.quote_list import QuoteList
from quotecheck.store import Store

from .helpers import make_app, settle


def queue(app) -> QuoteList:
    return app.screen.query_one(QuoteList)


def messages(app) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


async def told(pilot, starts: str, *, contains: str = "", tries: int = 50) -> bool:
    """Has the app said something starting with ``starts``? Waits a little for it: on a loaded machine the worker
    that fails may report after the screen has settled."""
    for _ in range(tries):
        if any(m.startswith(starts) and contains in m for m in messages(pilot.app)):
            return True
        await pilot.pause(0.1)
    return False


def hold_write_lock(db_path) -> sqlite3.Connection:
    """Another process in the middle of a write."""
    blocker = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")
    return blocker


async def test_the_screen_answers_while_a_verdict_waits_for_the_lock(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = queue(app).current
        blocker = hold_write_lock(db_path)
        try:
            await pilot.press("v")  # waits for the lock on the writer's thread
            await pilot.press("j")  # meanwhile the queue still moves
            assert queue(app).cursor == 1
        finally:
            blocker.rollback()
            blocker.close()
        await settle(pilot)
    with Store(db_path, mode="read") as fresh:
        assert fresh.quote(first.id).status == "verified"  # saved once the lock was free


async def test_export_while_another_process_writes(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        blocker = hold_write_lock(db_path)
        try:
            await pilot.press("e")
            await settle(pilot)
        finally:
            blocker.rollback()
            blocker.close()
        assert any(message.startswith("Exported") for message in messages(app)), messages(app)
    assert len(list(tmp_path.glob("quotecheck-*.md"))) == 1


async def test_a_damaged_page_is_a_message_not_a_crash(db_path, tmp_path, damage_index):
    damage_index(db_path, "idx_quotes_status_order")  # the queue's first page walks it
    with Store(db_path, mode="read") as store:
        app = make_app(store, tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)  # the first page of the queue walks the damaged index
            assert await told(pilot, "Not loaded", contains="malformed"), messages(app)
            await pilot.press("e")  # the export reads it too
            await settle(pilot)
            assert await told(pilot, "Export failed"), messages(app)
            assert app.is_running
