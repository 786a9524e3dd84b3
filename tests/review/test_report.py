"""The app's "who gets quoted" screen, and setting a person's gender on the speakers screen."""

from __future__ import annotations

import io

from rich.console import Console

from quotecheck.review.screens.dialogs import Choice
from quotecheck.review.screens.queue import QueueScreen
from quotecheck.review.screens.report import ReportScreen
from quotecheck.review.widgets.speaker_list import SpeakerList

from .helpers import make_app, open_speakers, settle


def shown(app) -> str:
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(app.screen.query_one("#report-body").content)
    return console.export_text()


async def open_report(pilot) -> str:
    await settle(pilot)
    await pilot.press("W")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ReportScreen)
    return shown(pilot.app)


async def test_the_report_screen_shows_the_figures(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        text = await open_report(pilot)
        # Maria Lopez, Ann Park (first names say women) and Tom Reed: two of three
        assert "67% of the people quoted whose gender is known are women (2 of 3)" in text
        assert "14% of quotes come from anonymous sources (1 of 7)" in text
        for heading in ("Women among the people quoted", "Quotes by speaker type", "Role families", "Most quoted",
                        "Review"):  # fmt: skip
            assert heading in text
        assert "Coast Herald" in text and "2024-03" in text and "politicians" in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen)


async def test_a_gender_set_on_the_speakers_screen_counts_in_the_report(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        speakers = await open_speakers(pilot)
        await pilot.press("slash", *"ann park", "enter")
        await settle(pilot)
        assert speakers.current.name == "Ann Park"
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, Choice)
        await pilot.press("down", "enter")  # from female (highlighted: the current one) to male
        await settle(pilot)
        ann = app.screen.query_one(SpeakerList).current
        assert (ann.gender, ann.gender_source) == ("male", "reviewer")
        assert [r.action for r in store.speaker_history(ann.id)] == ["gender"]
        await pilot.press("escape", "escape")
        text = await open_report(pilot)
        assert "33% of the people quoted whose gender is known are women (1 of 3)" in text
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("z")  # undo, from the queue
        await settle(pilot)
        assert store.speaker(ann.id).gender_source == "first-name"


async def test_no_gender_for_an_organisation(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        speakers = await open_speakers(pilot)
        await pilot.press("slash", *"port users", "enter")
        await settle(pilot)
        assert speakers.current.type == "organisation"
        await pilot.press("w")
        await settle(pilot)
        assert not isinstance(app.screen, Choice)
        assert store.speaker_history(speakers.current.id) == []
