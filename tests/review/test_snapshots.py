"""Snapshots of the main screens (fixed terminal size, deterministic data). After a deliberate change to the
look: ``pytest tests/review/test_snapshots.py --snapshot-update`` and check the SVGs in __snapshots__/."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotecheck.review.app import ReviewApp
from quotecheck.store import Store

from .helpers import add_versions_and_sources, build, settle


@pytest.fixture
def app(tmp_path: Path):
    store = Store(build(tmp_path / "snap.db"))
    yield ReviewApp(store, reviewer="alice", export_dir=tmp_path, keymap_file=tmp_path / "none.toml")
    store.close()


def test_queue_and_detail_wide(app, snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("v", "m")  # two verdicts: marks in the list, the cursor on the third quote
        await settle(pilot)

    assert snap_compare(app, terminal_size=(140, 34), run_before=run_before)


def test_queue_and_detail_80x24(app, snap_compare):
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_queue_light_theme(app, snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("t", "j")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_article_view(app, snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("v", "m", "enter")  # the third quote, among a verified and a misquoted one
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 34), run_before=run_before)


def test_speakers(app, snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(110, 24), run_before=run_before)


def test_help(app, snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(110, 44), run_before=run_before)


def test_reassign_picker(app, snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("r", *"tom")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


@pytest.fixture
def checked_app(tmp_path: Path):
    store = Store(build(tmp_path / "snap.db"))
    add_versions_and_sources(store)
    yield ReviewApp(store, reviewer="alice", export_dir=tmp_path, keymap_file=tmp_path / "none.toml")
    store.close()


def test_source_check(checked_app, snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("G", "k", "k", "k", "y")  # Tom Reed's "We will find the money," against his speech
        await settle(pilot)

    assert snap_compare(checked_app, terminal_size=(110, 30), run_before=run_before)


def test_versions(checked_app, snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("G", "k", "k", "p")  # the wire's quote, with a copy and a changed version
        await settle(pilot)

    assert snap_compare(checked_app, terminal_size=(110, 30), run_before=run_before)


def test_report(app, snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("v", "W")  # one verdict, then who gets quoted
        await settle(pilot)

    assert snap_compare(app, terminal_size=(110, 60), run_before=run_before)
