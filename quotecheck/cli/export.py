"""``quotecheck export``: the quote sheet for a story or a fact-check."""

from __future__ import annotations

import dataclasses

import click

from quotecheck.cli.options import db_option, format_option, quote_filter_options
from quotecheck.cli.output import emit, say
from quotecheck.cli.session import UserError, open_store
from quotecheck.export import FORMATS, render
from quotecheck.export.rows import counted
from quotecheck.sanitize import safe_url
from quotecheck.files import write_text_atomically
from quotecheck.store.models import QuoteFilter


@click.command()
@format_option(FORMATS, default="md", help="md, csv, json, html (print-ready page) or claimreview (JSON-LD).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE, not stdout.")
@click.option("--text", metavar="WORDS", help="Only quotes containing these words.")
@quote_filter_options(default_status="verified")
@click.option("--title", help="Title of the Markdown and HTML sheets.")
@click.option("--publisher", envvar="QUOTECHECK_PUBLISHER", metavar="NAME",
              help="Fact-checking organisation, the author of ClaimReview items (or $QUOTECHECK_PUBLISHER).")
@click.option(
    "--url", metavar="URL", help="Fact-check page the ClaimReview items belong to.  [default: the article url]"
)
@db_option
def export_command(
    fmt: str,
    output: str | None,
    text: str | None,
    quote_filter: QuoteFilter,
    title: str | None,
    publisher: str | None,
    url: str | None,
    db_path: str,
) -> None:
    """Export the verified quote sheet, grouped by article, as Markdown (or another format).

    Takes the filters of `quotecheck search`; --status any exports every quote. The claimreview format writes
    one schema.org ClaimReview per rated quote and needs --publisher.

    \b
    Examples:
        quotecheck export -o sheet.md
        quotecheck export --format html --speaker linkevicius -o sheet.html
        quotecheck export --format claimreview --publisher "Example Fact Check" --url https://example.org/check
    """
    if fmt == "claimreview":
        if not publisher:
            raise UserError("--format claimreview needs --publisher NAME (the fact-checking organisation)")
        quote_filter = dataclasses.replace(quote_filter, rated_only=True)
    quote_filter = dataclasses.replace(quote_filter, text=text or None)
    with open_store(db_path) as store:
        records = store.all_quotes(quote_filter)
    sheet = render(fmt, records, title=title or _default_title(quote_filter), publisher=publisher, url=url)
    if not records:
        say("No quotes match these filters; the sheet is empty.", err=True)
    elif fmt == "claimreview" and not safe_url(url):
        unlinked = sum(1 for record in records if not safe_url(record.url))
        if unlinked:  # Google requires a url on every ClaimReview
            say(f"Warning: {unlinked} ClaimReview item(s) have no url (their article has none); give --url.", err=True)
    if output is None:
        emit(sheet)
        return
    try:
        write_text_atomically(output, sheet)
    except OSError as error:
        raise UserError(f"cannot write {output}: {error.strerror or error}") from error
    say(f"Wrote {counted(len(records), 'quote')} to {output}.", err=True)


def _default_title(quote_filter: QuoteFilter) -> str:
    return f"{quote_filter.status.capitalize()} quotes" if quote_filter.status else "Quotes"
