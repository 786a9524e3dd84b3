"""``quotecheck report``: who gets quoted, as a print-ready HTML page with charts."""

from __future__ import annotations

import dataclasses

import click

from quotecheck.cli.options import db_option, quote_filter_options
from quotecheck.cli.output import say
from quotecheck.cli.session import deliver, open_store
from quotecheck.report import charts
from quotecheck.report.figures import compute
from quotecheck.report.html import render
from quotecheck.store.models import QuoteFilter


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE, not stdout.")
@quote_filter_options()
@click.option("--title", help="Title of the page.  [default: Who gets quoted]")
@db_option
def report_command(output: str | None, quote_filter: QuoteFilter, title: str | None, db_path: str) -> None:
    """Report who gets quoted, as one HTML page: quotes by speaker type (person, organisation, anonymous) and by
    role family (politicians, officials, experts, citizens…), by outlet and by month; the share of anonymous
    sources; the share of women among the people quoted, overall, by outlet and by month, with the share whose
    gender is unknown; the most quoted speakers; review progress and verdicts.

    The charts are SVG inside the page (no scripts, it prints as it shows) and need the report extra
    (pip install 'quotecheck[report]'); without it the page says so and keeps every figure in its tables.
    Takes the filters of `quotecheck search`.

    \b
    Examples:
        quotecheck report -o report.html
        quotecheck report --outlet "Coast Herald" --since 2024-01-01 -o herald.html
    """
    with open_store(db_path) as store:
        figures = compute(store.report_data(quote_filter))
    page = render(figures, title=title, scope=describe_filter(quote_filter))
    if not charts.available():
        say(f"Warning: the report has no charts: install the report extra ({charts.INSTALL_HINT}).", err=True)
    if not figures.quotes:
        say("No quotes match these filters; the report is empty.", err=True)
    deliver(page, output, f"Wrote the report on {figures.quotes:,} quotes to {output}.")


def describe_filter(quote_filter: QuoteFilter) -> str:
    """The filters given, in words: ``outlet Coast Herald, since 2024-01-01``."""
    given = [(field.name, value) for field in dataclasses.fields(quote_filter)
             if (value := getattr(quote_filter, field.name)) not in (None, False)]  # fmt: skip
    return ", ".join(f"{name} {value}" for name, value in given)
