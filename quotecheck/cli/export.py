"""``quotecheck export``: the quote sheet for a story or a fact-check."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone

import click

from quotecheck.cli.options import db_option, format_option, quote_filter_options
from quotecheck.cli.output import say
from quotecheck.cli.session import UserError, deliver, open_store
from quotecheck.export import FORMATS, fragment_sentences, render
from quotecheck.export.claimreview import missing
from quotecheck.export.rows import counted
from quotecheck.store.models import QuoteFilter, QuoteRecord


@click.command()
@format_option(FORMATS, default="md", help="md, csv, json, html (print-ready page) or claimreview (JSON-LD).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE, not stdout.")
@click.option("--text", metavar="WORDS", help="Only quotes containing these words.")
@quote_filter_options(default_status="verified")
@click.option("--title", help="Title of the Markdown and HTML sheets.")
@click.option("--publisher", envvar="QUOTECHECK_PUBLISHER", metavar="NAME",
              help="Fact-checking organisation, the author of ClaimReview items (or $QUOTECHECK_PUBLISHER).")
@click.option(
    "--url", metavar="URL",
    help="Fact-check page the ClaimReview items belong to.  [default: each quote's evidence link]",
)
@click.option(
    "--allow-incomplete", is_flag=True,
    help="Write ClaimReview items that lack a url, claim date or appearance (each is still reported).",
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
    allow_incomplete: bool,
    db_path: str,
) -> None:
    """Export the verified quote sheet, grouped by article, as Markdown (or another format).

    Takes the filters of `quotecheck search`; --status any exports every quote. Direct quotes are set in
    quotation marks, fragments inside their sentence with the quoted words marked, reported speech as
    paraphrase. The claimreview format writes one schema.org ClaimReview per rated quote and needs --publisher;
    its url is the fact-check page (--url, else each quote's evidence link). A quote without that url, a claim
    date or an appearance (its article's date and url) is reported, and nothing is written (exit code 1) unless
    --allow-incomplete.

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
        sentences = fragment_sentences(records, lambda article_id: store.article(article_id).text)
    if fmt == "claimreview":
        _check_complete(records, url, allow_incomplete)
    exported = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    sheet = render(fmt, records, title=title or _default_title(quote_filter), publisher=publisher, url=url,
                   exported=exported, sentences=sentences)  # fmt: skip
    if not records:
        say("No quotes match these filters; the sheet is empty.", err=True)
    deliver(sheet, output, f"Wrote {counted(len(records), 'quote')} to {output}.")


def _check_complete(records: list[QuoteRecord], url: str | None, allow_incomplete: bool) -> None:
    """Report every ClaimReview item that lacks what Google's fact-check markup needs; stop unless allowed."""
    incomplete = 0
    for record in records:
        gaps = missing(record, url)
        if gaps:
            incomplete += 1
            say(f"quote #{record.id}: {'; '.join(gaps)}", err=True)
    if incomplete and not allow_incomplete:
        raise UserError(
            f"{counted(incomplete, 'ClaimReview item')} incomplete; nothing written "
            "(fill them in, or give --allow-incomplete to write them as they are)"
        )


def _default_title(quote_filter: QuoteFilter) -> str:
    return f"{quote_filter.status.capitalize()} quotes" if quote_filter.status else "Quotes"
