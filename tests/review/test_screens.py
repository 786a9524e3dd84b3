"""Navigation, search, filters, export, the article and speaker screens, help, keymap, themes, layout."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from quotecheck.extract.model import Quote
from quotecheck.read.model import Article
from quotecheck.review.screens.article import ArticleScreen
from quotecheck.review.screens.filters import FilterScreen
from quotecheck.review.screens.help import HelpScreen
from quotecheck.review.screens.queue import QueueScreen
from quotecheck.review.screens.speakers import SpeakersScreen
from quotecheck.review.widgets.lazy_list import PAGE_SIZE
from quotecheck.review.widgets.quote_list import QuoteList
from quotecheck.review.widgets.speaker_list import SpeakerList
from quotecheck.store import Store

from .helpers import make_app, open_speakers, settle


def queue(app) -> QuoteList:
    return app.screen.query_one(QuoteList)


def texts(app) -> list[str]:
    return [row.text for row in queue(app).rows]


async def test_queue_starts_with_unreviewed_quotes_in_article_order(store, tmp_path):
    done = store.quotes(limit=1)[0]
    store.set_status(done.id, "verified", reviewer="bob")
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        rows = queue(app).rows
        assert done.id not in [row.id for row in rows]
        assert [(row.article_id, row.start) for row in rows] == sorted((row.article_id, row.start) for row in rows)
        assert len(rows) == 6
        assert "1 of 7 reviewed" in str(app.screen.query_one("#topbar").render())


async def test_moving_with_j_k_arrows_home_end(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "down")
        assert queue(app).cursor == 3
        await pilot.press("k", "up")
        assert queue(app).cursor == 1
        await pilot.press("end")
        assert queue(app).cursor == 6
        await pilot.press("j")  # past the end: stays
        assert queue(app).cursor == 6
        await pilot.press("home")
        assert queue(app).cursor == 0
        await settle(pilot)
        detail = str(app.screen.query_one("#detail-context").render())
        assert "Our port will stay open all winter" in detail


async def test_mouse_click_selects_a_row(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.click(QuoteList, offset=(20, 3))  # line 0 is the column header
        await settle(pilot)
        assert queue(app).cursor == 2


async def test_search_uses_full_text(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"money", "enter")
        await settle(pilot)
        assert texts(app) == ["We will find the money,"]
        assert "money" in str(app.screen.query_one("#filterbar").render())
        await pilot.press("slash", *"20% (citation", "enter")  # raw FTS syntax is just text
        await settle(pilot)
        assert texts(app) == []
        await pilot.press("slash", "ctrl+u", "enter")  # empty search: back to everything
        await settle(pilot)
        assert len(texts(app)) == 7  # every quote is still unreviewed
        await pilot.press("slash", *"giveaway", "escape")  # escape cancels without searching
        await settle(pilot)
        assert len(texts(app)) == 7


async def test_search_finds_speaker_names(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Reed", "enter")
        await settle(pilot)
        assert {row.speaker for row in queue(app).rows} == {"Tom Reed"}


async def test_filter_form(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FilterScreen)
        form.query_one("#filter-status").value = "unreviewed"
        form.query_one("#filter-kind").value = "direct"
        form.query_one("#filter-outlet").value = "Town Crier"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen)
        assert texts(app) == [
            "People asked for it for years [link=https://evil.example]click[/link],",
            "We will find the money,",
        ]
        bar = str(app.screen.query_one("#filterbar").render())
        assert "direct" in bar and "Town Crier" in bar
        await pilot.press("f")
        await settle(pilot)
        app.screen.query_one("#filter-speaker").value = "Tom Red"  # fuzzy
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert texts(app) == ["We will find the money,"]
        await pilot.press("c")  # clear: back to the default queue
        await settle(pilot)
        assert len(texts(app)) == 7


async def test_low_confidence_first(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        confidences = [row.confidence for row in queue(app).rows]
        assert confidences == sorted(confidences) and confidences[0] == 0.4
        await pilot.press("l")
        await settle(pilot)
        assert queue(app).rows[0].text == "Our port will stay open all winter,"


async def test_export_writes_the_current_filter_as_markdown(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Reed", "enter")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        sheets = list(Path(tmp_path).glob("quotecheck-*.md"))
        assert len(sheets) == 1
        sheet = sheets[0].read_text(encoding="utf-8")
        assert "We will find the money" in sheet
        assert "Our port will stay open" not in sheet
        messages = [str(n.message) for n in app._notifications]
        assert any(str(sheets[0]) in message for message in messages)


async def test_export_sets_each_quote_as_what_it_is(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")  # the whole queue: every quote is unreviewed
        await settle(pilot)
        (sheet,) = [path.read_text(encoding="utf-8") for path in Path(tmp_path).glob("quotecheck-*.md")]
    assert "> “Our port will stay open all winter,”" in sheet
    assert "*Paraphrase:* fees would rise by five percent next year" in sheet
    assert ('*Fragment:* According to the Port Users Association, the deal was "**overdue and welcome**".'
            in sheet)  # the fragment in the writer's sentence, read from the stored article


async def test_article_view_highlights_every_quote_and_jumps_between_them(store, db_path, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert screen.current.text == "fees would rise by five percent next year"
        assert "quote 2 of 4" in str(screen.query_one("#topbar").render())
        await pilot.press("j")
        assert screen.current.speaker == "Tom Reed"
        await pilot.press("d")  # a verdict from the article view: saved, and on to the next quote
        await settle(pilot)
        assert screen.current.speaker == "Port Users Association"
        with Store(db_path) as fresh:
            assert [q.status for q in fresh.article_quotes(screen.article.id)][2] == "disputed"
        await pilot.press("k", "k", "k", "k")
        assert screen.index == 0
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen)
        assert queue(app).rows[2].status == "disputed"  # the queue saw the change made in the article view


async def test_article_paragraph_styles_follow_status(store, tmp_path):
    quote = store.quotes(limit=1)[0]
    store.set_status(quote.id, "misquoted", reviewer="bob")
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.push_screen(ArticleScreen(quote.article_id, None))
        await settle(pilot)
        paragraph = app.screen.query_one("#p2").render()
        styles = [str(span.style) for span in paragraph.spans if paragraph.plain[span.start:span.end] in quote.text]
        assert any("red" in style for style in styles)


async def test_speakers_screen_and_a_speakers_queue(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        speakers = (await open_speakers(pilot)).rows
        assert speakers[0].quote_count == 2
        assert {s.name for s in speakers} >= {"Maria Lopez", "Tom Reed", "Ann Park"}
        await pilot.press("slash", *"tom", "enter")
        await settle(pilot)
        assert app.screen.query_one(SpeakerList).current.name == "Tom Reed"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen) and not app.screen.root
        assert {row.speaker for row in queue(app).rows} == {"Tom Reed"} and len(queue(app).rows) == 2
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SpeakersScreen)
        tom = next(s for s in app.screen.query_one(SpeakerList).rows if s.name == "Tom Reed")
        assert tom.reviewed_count == 1  # progress reloaded on return
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen) and app.screen.root
        await pilot.press("escape")  # nothing behind the main queue: escape does not quit
        assert isinstance(app.screen, QueueScreen)


async def test_help_lists_every_key(store, tmp_path):
    from quotecheck.review.bindings import all_actions

    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=160, record=True, file=io.StringIO())
        for static in app.screen.query("Static"):
            console.print(static.content)
        shown = console.export_text()
        for action in all_actions():
            assert action.description in shown, action.id
        await pilot.press("escape")
        assert isinstance(app.screen, QueueScreen)


async def test_every_action_is_in_the_command_palette(store, tmp_path):
    from quotecheck.review.bindings import SCREEN_ACTIONS

    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        titles = {command.title.lower() for command in app.get_system_commands(app.screen)}
        for action in SCREEN_ACTIONS["Queue"]:
            if action.id != "back":  # back is only offered where there is somewhere to go back to
                assert any(title.startswith(f"{action.description.lower()}  (") for title in titles), action.id
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Verified  (v)")
        first = queue(app).current
        app.call_later(command.callback)  # what the palette does with the chosen command
        await settle(pilot)
        assert store.quote(first.id).status == "verified"


async def test_every_binding_has_an_id_a_description_and_a_tooltip():
    from quotecheck.review.bindings import all_actions

    actions = all_actions()
    assert len({a.id for a in actions}) == len(actions)
    for action in actions:
        assert action.id and action.description and action.tooltip, action


async def test_keymap_remaps_by_id(store, db_path, tmp_path):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('status-verified = "x"\nnot-a-binding = "y"\n', encoding="utf-8")
    app = make_app(store, tmp_path)
    app.user_keymap, app._keymap_problems = __import__("quotecheck.review.keymap", fromlist=["load_keymap"]).load_keymap(keymap)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = queue(app).current
        await pilot.press("x")
        await settle(pilot)
        assert store.quote(first.id).status == "verified"
        assert any("not-a-binding" in str(n.message) for n in app._notifications)


async def test_broken_keymap_file_is_a_warning(tmp_path):
    from quotecheck.review.keymap import load_keymap

    keymap = tmp_path / "keymap.toml"
    keymap.write_text("status-verified = \n", encoding="utf-8")
    assert load_keymap(keymap)[0] == {}
    assert str(keymap) in load_keymap(keymap)[1][0]


async def test_theme_toggle(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        await pilot.press("t")
        assert app.theme == "textual-light"
        await pilot.press("t")
        assert app.theme == "textual-dark"


async def test_layout_side_by_side_when_wide_stacked_when_narrow(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        panes = app.screen.query_one("#panes")
        assert panes.has_class("narrow")
        detail, listing = app.screen.query_one("#detail"), queue(app)
        assert detail.region.y > listing.region.y
        await pilot.resize_terminal(160, 40)
        await settle(pilot)
        assert panes.has_class("wide")
        assert detail.region.x > listing.region.x and detail.region.y == listing.region.y


async def test_quit_key(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running


async def test_long_queue_loads_in_pages(tmp_path):
    count = PAGE_SIZE * 2 + 50
    text = " ".join(f'"Line {n}," she said.' for n in range(count))
    quotes = []
    for n in range(count):
        start = text.index(f"Line {n},")
        quotes.append(Quote(start, start + len(f"Line {n},"), f"Line {n},", "direct", speaker="Maria Lopez",
                            speaker_type="person", confidence=0.9, rule="test-rule"))  # fmt: skip
    with Store(tmp_path / "long.db") as store:
        store.add_article(Article(text, title="Long"), quotes)
        app = make_app(store, tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert len(queue(app).rows) == PAGE_SIZE  # only the first page
            await pilot.press("end")
            await settle(pilot)
            assert len(queue(app).rows) == PAGE_SIZE * 2  # nearing the end fetched the next one
            await pilot.press("end")
            await settle(pilot)
            await pilot.press("end")
            await settle(pilot)
            assert len(queue(app).rows) == count and queue(app).exhausted
            assert queue(app).current.text == f"Line {count - 1},"
            assert [row.text for row in queue(app).rows] == [f"Line {n}," for n in range(count)]


async def test_double_click_opens_the_article(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.double_click(QuoteList, offset=(20, 4))
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.current.speaker == "Port Users Association"


async def test_detail_scrolls_with_shift_j_and_k(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        detail = app.screen.query_one("#detail")
        assert detail.scroll_y == 0
        await pilot.press("J")
        await settle(pilot)
        assert detail.scroll_y > 0
        await pilot.press("K")
        await settle(pilot)
        assert detail.scroll_y == 0


async def test_the_speakers_palette_names_speaker_actions_with_their_keys(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_speakers(pilot)
        commands = {command.title: command.help for command in app.get_system_commands(app.screen)}
        assert commands["Next  (j)"] == "Next speaker" and commands["First  (home)"] == "First speaker"
        assert commands["Review quotes  (enter)"] == "Review all quotes of this speaker"
        assert commands["Rename speaker  (R)"].startswith("Rename this speaker")
        assert commands["Merge speakers  (m)"].startswith("m on the speaker to merge away")
        assert not any("quote" in help_text.lower() and title.startswith(("Next", "Previous", "First", "Last"))
                       for title, help_text in commands.items())  # fmt: skip
