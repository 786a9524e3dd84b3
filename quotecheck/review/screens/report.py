"""Who gets quoted, in the terminal: the figures of `quotecheck report` as tables (the HTML page has the charts)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from quotecheck.report.figures import Figures, GenderCount, compute, gender_label, percent, share, speaker_label
from quotecheck.review.bindings import SCREEN_ACTIONS, bindings
from quotecheck.review.screens.counts import RecountWhenShown
from quotecheck.review.text import LABEL, MUTED, plain
from quotecheck.review.widgets.speaker_list import progress_bar


class ReportScreen(RecountWhenShown, Screen):
    AUTO_FOCUS = "#report"
    BINDINGS = bindings(SCREEN_ACTIONS["Report"])

    def compose(self) -> ComposeResult:
        yield Static(Text("quotecheck Who gets quoted  ·  counting…", style="bold"), id="topbar")
        with VerticalScroll(id="report"):
            yield Static(id="report-body")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(group="report", exclusive=True)
    async def load(self) -> None:
        figures = await self.app.fetch(self.app.background, lambda store: compute(store.report_data()), default=None)
        if figures is None:
            return
        bar = Text("quotecheck ", style="bold")
        bar.append("Who gets quoted")
        bar.append(f"  ·  {figures.quotes:,} quotes from {figures.articles:,} articles  ·  charts: quotecheck report",
                   MUTED)  # fmt: skip
        self.query_one("#topbar", Static).update(bar)
        parts = report_parts(figures)
        self.query_one("#report-body", Static).update(Group(*(item for part in parts for item in (part, Text()))))

    def action_back(self) -> None:
        self.dismiss()

    def recount(self) -> None:
        self.load()


def report_parts(f: Figures) -> list:
    g = f.gender
    headline = Text()
    if g.known:
        headline.append(percent(g.women_share), LABEL)
        headline.append(f" of the people quoted whose gender is known are women ({g.people['female']} of {g.known}); "
                        f"unknown for {g.people['unknown']} of {g.total} ({percent(g.unknown_share)}).\n")  # fmt: skip
    else:
        headline.append(f"No person quoted has a known gender ({g.total} people quoted).\n")
    headline.append(percent(f.anonymous_share), LABEL)
    headline.append(f" of quotes come from anonymous sources ({f.by_type['anonymous']} of {f.quotes}); "
                    f"{f.reviewed} of {f.quotes} reviewed ({percent(share(f.reviewed, f.quotes))}).")  # fmt: skip
    families = [name for name in f.families if f.by_family[name]]
    attributed = sum(f.by_family.values())
    return [
        headline,
        _women("Women among the people quoted", [{"all": g}, f.gender_by_outlet, f.gender_by_month]),
        _counts("Quotes by speaker type", [{"all": f.by_type}, f.type_by_outlet, f.type_by_month], f.type_keys),
        _table("Role families", ["family", "quotes", "share", ""],
               [[name, f.by_family[name], percent(share(f.by_family[name], attributed)),
                 progress_bar(f.by_family[name], attributed)] for name in families]),
        _table("Most quoted", ["speaker", "type", "gender", "quotes"],
               [[speaker_label(s.name, s.article_id), s.type or "", gender_label(s.gender, s.gender_source), s.quotes]
                for s in f.top_speakers]),
        _table("Review", ["status", "quotes", "share", ""],
               [[status, f.by_status[status], percent(share(f.by_status[status], f.quotes)),
                 progress_bar(f.by_status[status], f.quotes)] for status in f.statuses if f.by_status[status]]),
    ]  # fmt: skip


def _women(title: str, sections: Sequence[Mapping[str, GenderCount]]) -> Table:
    rows = [
        [[label, count.people["female"], count.people["male"], count.people["unknown"], percent(count.women_share),
          progress_bar(count.people["female"], count.known), percent(count.unknown_share)]
         for label, count in groups.items()]
        for groups in sections
    ]  # fmt: skip
    return _table(title, ["people in", "women", "men", "unknown", "share of women", "", "unknown share"], *rows)


def _counts(title: str, sections: Sequence[Mapping[str, Mapping[str, int]]], keys: Sequence[str]) -> Table:
    used = [key for key in keys if any(counts.get(key) for groups in sections for counts in groups.values())]
    rows = [
        [[label, *(counts.get(key, 0) for key in used), percent(share(counts.get("anonymous", 0), sum(counts.values())))]
         for label, counts in groups.items()]
        for groups in sections
    ]  # fmt: skip
    return _table(title, ["quotes in", *used, "anonymous share"], *rows)


def _table(title: str, head: Sequence[str], *sections: Sequence[Sequence[object]]) -> Table:
    """A table of rows in sections (all, by outlet, by month), a rule between them."""
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, padding=(0, 1),
                  header_style="dim", show_edge=False)  # fmt: skip
    for index, name in enumerate(head):
        table.add_column(name, justify="left" if index == 0 else "right", no_wrap=index > 0)
    for rows in sections:
        for row in rows:
            table.add_row(*(cell if isinstance(cell, Text) else plain(cell) for cell in row))
        if rows and rows is not sections[-1]:
            table.add_section()
    if not any(sections):
        table.add_row(Text("none", style=MUTED))
    return table
