"""Article text is shown as it is written: markup-like brackets stay visible, control characters never reach
the terminal, wherever the text appears (rows, detail, article view, titles, notifications, dialogs)."""

from __future__ import annotations

from quotecheck.extract.model import Quote
from quotecheck.read.model import Article
from quotecheck.review.screens.article import ArticleScreen
from quotecheck.review.widgets.quote_list import QuoteList
from quotecheck.sanitize import printable
from quotecheck.store import Store

from .helpers import make_app, settle


def rows_shown(quote_list: QuoteList, width: int = 180) -> str:
    return "\n".join(quote_list.render_row(row, width).plain for row in quote_list.rows)


async def test_markup_in_quotes_and_titles_is_shown_literally(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        rows = rows_shown(app.screen.query_one(QuoteList))
        assert "[bold]to shipping firms[/bold]" in rows
        assert "[link=https://evil.example]click[/link]" in rows
        await pilot.press("j", "j")
        await settle(pilot)
        context = app.screen.query_one("#detail-context").content
        assert "giveaway [bold]to shipping firms[/bold]," in context.plain
        await pilot.press("j", "j", "enter")  # the library article, titled "Library to open on [i]Sundays[/i]"
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert "[i]Sundays[/i]" in app.screen.query_one("#topbar").content.plain
        assert "[i]Sundays[/i]" in app.screen.query_one("#article-attribution").content.plain
        screenshot = app.export_screenshot()
        assert "[link=https://evil.example]click[/link]" in screenshot.replace("&#160;", " ")


async def test_notifications_are_never_markup(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        app.tell("[bold]not bold[/bold] [link=x]y[/link] \x1b[31mred", title="[i]t[/i]")
        await settle(pilot)
        toast = app.screen.query("Toast").last()
        shown = str(toast.render())
        assert "[bold]not bold[/bold] [link=x]y[/link]" in shown and "\x1b" not in shown


async def test_export_notification_renders(store, tmp_path):
    app = make_app(store, tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        shown = " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert "quotes written to" in shown and str(tmp_path) in shown


async def test_control_characters_are_removed_without_moving_highlights(tmp_path):
    text = "Intro.\n\"Pay \x1b[31mnow\x07 please,\" said Eve Stone.\n"
    start = text.index("Pay")
    end = text.index(",\"") + 1
    mention = text.index("Eve Stone")
    quote = Quote(start, end, text[start:end], "direct", speaker="Eve Stone", speaker_type="person",
                  mention_start=mention, mention_end=mention + 9, cue="said", confidence=0.9, rule="test-rule")
    with Store(tmp_path / "ctl.db") as store:
        store.add_article(Article(text, title="Bell\x07 title"), [quote])
        app = make_app(store, tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            context = app.screen.query_one("#detail-context").content
            assert "\x1b" not in context.plain and "\x07" not in context.plain
            assert "Pay [31mnow please," in context.plain
            highlighted = {context.plain[span.start:span.end] for span in context.spans}
            assert "Eve Stone" in highlighted  # the mention is still exactly the name
            rows = rows_shown(app.screen.query_one(QuoteList))
            assert "\x1b" not in rows and "\x07" not in rows


async def test_the_people_named_with_the_speaker_are_shown_literally(tmp_path):
    text = '"We disagree," said Rosa Diaz and Ben [b]Cole[/b].'
    with Store(tmp_path / "joint.db") as joint:
        joint.add_article(Article(text, title="Joint statement"), [
            Quote(1, 12, "We disagree", "direct", speaker="Rosa Diaz", speaker_type="person",
                  co_speakers=("Ben [b]Cole[/b]",)),
        ])  # fmt: skip
        app = make_app(joint, tmp_path)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            shown = app.screen.query_one("#detail-attribution").content.plain
            assert "With Ben [b]Cole[/b]" in shown


async def test_every_payload_of_the_injection_matrix_shows_as_text(tmp_path):
    """The payloads the exports are tested with (tests/cli/test_export_injection.py), as quotes and titles."""
    from tests.cli.test_export_injection import PAYLOADS

    with Store(tmp_path / "hostile.db") as store:
        for name, payload in PAYLOADS.items():
            text = f"Before. “{payload}” said Ann Lee. After."
            start = text.index(payload)
            store.add_article(Article(text, title=payload, outlet=payload, source=name), [
                Quote(start, start + len(payload), payload, "direct", "Ann Lee", "person", role=payload)])
        app = make_app(store, tmp_path)
        async with app.run_test(size=(200, 40)) as pilot:
            await settle(pilot)
            quote_list = app.screen.query_one(QuoteList)
            assert len(quote_list.rows) == len(PAYLOADS)
            rows = rows_shown(quote_list, width=400)
            for record in quote_list.rows:
                assert printable(record.text, one_line=True) in rows  # literally: no markup read, controls gone
            for number in range(len(PAYLOADS)):
                await pilot.press("enter")
                await settle(pilot)
                screen = app.screen
                assert isinstance(screen, ArticleScreen)
                shown = screen.query_one("#topbar").content.plain + screen.query_one("#p0").render().plain
                assert printable(screen.current.text, one_line=True) in shown
                assert printable(screen.article.title, one_line=True) in shown
                assert not any(control in shown for control in "\x1b\x07\u202e\x00")
                await pilot.press("escape", "j")
                await settle(pilot)
