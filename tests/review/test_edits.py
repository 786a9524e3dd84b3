"""The app's edit actions through the keyboard (role, kind, delete, span, add, bulk verdicts, speaker rename and
merge), each checked in the database through a fresh Store, and undone with z."""

from __future__ import annotations

from textual.widgets import Input, Label, OptionList, TextArea
from textual.widgets.text_area import Selection

from quotecheck.read.model import Article
from quotecheck.review.screens.article import ArticleScreen
from quotecheck.review.screens.dialogs import Choice, Confirm, TextPrompt
from quotecheck.review.screens.reassign import ReassignScreen
from quotecheck.review.screens.span import SpanScreen, trimmed_span
from quotecheck.review.widgets.quote_list import QuoteList
from quotecheck.store import NotFound, QuoteFilter, Store

from .helpers import HARBOUR, make_app, open_speakers, quote, settle


def fresh(db_path):
    return Store(db_path)


def current(app):
    return app.screen.query_one(QuoteList).current


async def type_into(pilot, widget_id: str, value: str) -> None:
    """Type ``value`` into the input, wait for what it triggers (the picker's search), press enter."""
    pilot.app.screen.query_one(widget_id, Input).value = value
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_role_is_edited_in_a_prompt_and_undone(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = current(app)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, TextPrompt)
        assert app.screen.query_one("#prompt-value", Input).value == "the harbour master"
        await type_into(pilot, "#prompt-value", "the port's harbour master")
        with fresh(db_path) as db:
            assert db.quote(first.id).role == "the port's harbour master"
        assert current(app).id == first.id  # an edit stays on the quote
        await pilot.press("z")
        await settle(pilot)
        with fresh(db_path) as db:
            assert db.quote(first.id).role == "the harbour master"


async def test_kind_is_picked_from_the_three(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = current(app)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, Choice)
        assert app.screen.query_one(OptionList).highlighted == 0  # direct, as it is now
        await pilot.press("down", "enter")
        await settle(pilot)
        with fresh(db_path) as db:
            assert db.quote(first.id).kind == "partial"
            assert [row.action for row in db.history(first.id)] == ["kind"]


async def test_delete_asks_then_the_queue_moves_on_and_z_brings_it_back(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first, second = app.screen.query_one(QuoteList).rows[:2]
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await settle(pilot)
        with fresh(db_path) as db:
            assert db.quote(first.id)
        await pilot.press("x", "y")
        await settle(pilot)
        with fresh(db_path) as db:
            try:
                db.quote(first.id)
                raise AssertionError("not deleted")
            except NotFound:
                pass
        assert current(app).id == second.id and first.id not in [row.id for row in app.screen.query_one(QuoteList).rows]
        await pilot.press("z")
        await settle(pilot)
        with fresh(db_path) as db:
            assert db.quote(first.id).text == first.text
        assert first.id in [row.id for row in app.screen.query_one(QuoteList).rows]


async def test_bulk_verdict_for_the_view_says_how_many_and_is_one_undo(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, Choice)
        await pilot.press("down", "down", "down", "enter")  # verified, misquoted, misattributed, disputed
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        assert "Mark 7 quotes in view" in str(app.screen.query_one("#confirm-question", Label).render())
        await pilot.press("y")
        await settle(pilot)
        with fresh(db_path) as db:
            assert db.count_quotes(QuoteFilter(status="disputed")) == 7
        assert app.screen.query_one(QuoteList).rows == []  # the unreviewed queue is empty now
        await pilot.press("z")
        await settle(pilot)
        with fresh(db_path) as db:
            assert db.count_quotes(QuoteFilter(status="unreviewed")) == 7
        assert len(app.screen.query_one(QuoteList).rows) == 7


async def test_bulk_verdict_for_a_speakers_quotes(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        speakers = await open_speakers(pilot)
        tom = next(index for index, row in enumerate(speakers.rows) if row.name == "Tom Reed")
        speakers.move_to(tom)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("b", "enter")  # verified
        await settle(pilot)
        assert "Mark 2 quotes in view (Quotes of Tom Reed" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("enter")
        await settle(pilot)
        with fresh(db_path) as db:
            assert {q.speaker for q in db.quotes(QuoteFilter(status="verified"))} == {"Tom Reed"}
            assert db.count_quotes(QuoteFilter(status="verified")) == 2


async def test_article_view_bulk_span_and_add(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        first = app.screen.current
        # narrow the span: drop the trailing comma (selected by keys, as a reviewer would)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, SpanScreen)
        area = app.screen.query_one(TextArea)
        assert area.selected_text == first.text
        await pilot.press("shift+left", "ctrl+s")
        await settle(pilot)
        with fresh(db_path) as db:
            assert db.quote(first.id).text == "Our port will stay open all winter"
        # add the sentence nobody attributed, then name its speaker in the picker that opens
        await pilot.press("plus")
        await settle(pilot)
        area = app.screen.query_one(TextArea)
        start = HARBOUR.index("The harbour authority agreed")
        end = start + len("The harbour authority agreed a new deal with shipping firms on Tuesday.")
        locate = area.document.get_location_from_index
        area.selection = Selection(locate(start), locate(end))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReassignScreen)
        await type_into(pilot, "#speaker-query", "harbour authority")  # + New speaker (a person by default)
        with fresh(db_path) as db:
            [added] = [q for q in db.article_quotes(first.article_id) if q.rule == "added-by-reviewer"]
            assert (added.text, added.speaker) == (
                "The harbour authority agreed a new deal with shipping firms on Tuesday.", "Harbour Authority")
        assert isinstance(app.screen, ArticleScreen) and app.screen.current.id == added.id
        # one verdict for every quote of the article
        await pilot.press("b", "enter")
        await settle(pilot)
        assert "Mark 5 quotes of this article verified?" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("y")
        await settle(pilot)
        with fresh(db_path) as db:
            assert {q.status for q in db.article_quotes(first.article_id)} == {"verified"}
        assert {record.status for record in app.screen.records} == {"verified"}


async def test_span_needs_words_selected(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("plus")
        await settle(pilot)
        await pilot.press("ctrl+s")  # nothing selected
        await settle(pilot)
        assert isinstance(app.screen, SpanScreen)
        assert "Select the words first" in str(app.screen.query_one("#span-error", Label).render())
        await pilot.press("escape")
        await settle(pilot)
        with fresh(db_path) as db:
            assert db.count_quotes() == 7


def test_a_selection_is_trimmed_to_the_words_between_the_marks():
    text = 'He said: "We will go."  Then left.'
    start = text.index('"')
    assert text[slice(*trimmed_span(text, start - 1, text.index("  ")))] == "We will go."
    assert trimmed_span(text, 8, 9) == (9, 9)  # only a blank: nothing left


async def test_a_new_speaker_gets_capitals_and_a_role(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = current(app)
        await pilot.press("r")
        await settle(pilot)
        app.screen.query_one("#speaker-role", Input).value = "deputy harbour master"
        await type_into(pilot, "#speaker-query", "jo van der berg")
        with fresh(db_path) as db:
            record = db.quote(first.id)
            assert (record.speaker, record.role) == ("Jo van der Berg", "deputy harbour master")
            assert [row.batch for row in db.history(first.id)][0] == db.history(first.id)[-1].batch  # one action


async def test_speakers_rename_and_merge_in_the_app(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        speakers = await open_speakers(pilot)
        names = [row.name for row in speakers.rows]
        speakers.move_to(names.index("Ann Park"))
        await pilot.press("R")
        await settle(pilot)
        await type_into(pilot, "#prompt-value", "Ann Parker")
        with fresh(db_path) as db:
            assert db.speakers("Ann Parker")[0].name == "Ann Parker"
        # merge: m on the one to merge away, m on the one to keep, then yes
        names = [row.name for row in speakers.rows]
        speakers.move_to(names.index("Ann Parker"))
        await pilot.press("m")
        await settle(pilot)
        assert "merging Ann Parker" in str(app.screen.query_one("#topbar").render())
        speakers.move_to([row.name for row in speakers.rows].index("Tom Reed"))
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        with fresh(db_path) as db:
            tom = db.speakers("Tom Reed")[0]
            assert tom.quote_count == 3 and "Ann Parker" in tom.aliases


async def test_renaming_to_a_taken_name_offers_a_merge(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        speakers = await open_speakers(pilot)
        speakers.move_to([row.name for row in speakers.rows].index("Ann Park"))
        await pilot.press("R")
        await settle(pilot)
        await type_into(pilot, "#prompt-value", "tom reed")
        assert isinstance(app.screen, Confirm)
        assert "Merge Ann Park (1 quotes) into Tom Reed (2 quotes)?" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("n")
        await settle(pilot)
        with fresh(db_path) as db:
            assert db.speakers("Ann Park")[0].name == "Ann Park" and db.speakers("Tom Reed")[0].quote_count == 2


async def test_dialog_titles_show_quote_text_as_text_not_markup(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        queue = app.screen.query_one(QuoteList)
        queue.move_to(next(i for i, row in enumerate(queue.rows) if "[bold]" in row.text))
        await pilot.press("o")
        await settle(pilot)
        assert "[bold]to shipping firms[/bold]" in str(app.screen.query_one(".dialog--title", Label).render())


async def test_detail_scrolls_to_a_quote_late_in_a_long_paragraph_at_80x24(tmp_path):
    long = "The council met again. " * 60
    text = f"Long story\n{long}\"We will build it now,\" said Ann Lee.\n"
    path = tmp_path / "long.db"
    with Store(path) as store:
        store.add_article(Article(text, title="Long story"), [
            quote(text, "We will build it now,", "direct", "Ann Lee", "Ann Lee")])
    with Store(path) as store:
        app = make_app(store, tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            detail = app.screen.query_one("#detail")
            assert detail.scroll_y > 0
            visible = detail.scroll_y, detail.scroll_y + detail.scrollable_content_region.height
            context = detail.query_one("#detail-context")
            lines = [str(strip.text) for strip in context.render_lines(context.region.reset_offset)]
            line = next(number for number, content in enumerate(lines) if "We will build" in content)
            assert visible[0] <= context.virtual_region.y + line < visible[1]
