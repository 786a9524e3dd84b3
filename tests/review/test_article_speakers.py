"""An anonymous source or description is a speaker of its article only: the app says so, and its speaker picker
offers only the speakers a quote of that article can be given."""

from __future__ import annotations

from quotecheck.review.screens.reassign import ReassignScreen
from quotecheck.review.widgets.quote_list import QuoteList
from quotecheck.store import Store

from .helpers import make_app, open_speakers, settle

SOURCE = "a source close to the council"  # the library article's anonymous source (article 2)


async def _select(pilot, speaker: str) -> None:
    rows = pilot.app.screen.query_one(QuoteList).rows
    index = next(i for i, row in enumerate(rows) if row.speaker == speaker)
    await pilot.press(*["j"] * index)
    await settle(pilot)


async def test_the_detail_says_a_speaker_belongs_to_this_article_only(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "this article only" not in str(app.screen.query_one("#detail-attribution").render())
        await _select(pilot, SOURCE)
        attribution = str(app.screen.query_one("#detail-attribution").render())
        assert f"{SOURCE} (anonymous) · this article only" in attribution


async def test_the_speakers_screen_names_the_article_of_an_anonymous_source(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        speakers = await open_speakers(pilot)
        rows = {speaker.name: speakers.render_row(speaker, 100).plain for speaker in speakers.rows}
        assert "article 2 only" in rows[SOURCE]
        assert "article" not in rows["Tom Reed"]


async def test_the_picker_offers_no_anonymous_source_of_another_article(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = app.screen.query_one(QuoteList).current
        assert first.article_id == 1
        await pilot.press("r", *SOURCE)
        await settle(pilot)
        assert isinstance(app.screen, ReassignScreen)
        assert all(match.article_id is None for match in app.screen.matches)  # article 2's source is not offered
        await pilot.press("enter")  # "+ New speaker": a description, so a speaker of article 1
        await settle(pilot)
    with Store(db_path) as fresh:
        record = fresh.quote(first.id)
        assert record.speaker == SOURCE and record.speaker_article_id == 1
        assert sorted(s.article_id for s in fresh.speakers(SOURCE) if s.name == SOURCE) == [1, 2]
