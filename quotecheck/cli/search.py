"""``quotecheck search``: full-text search over the stored quotes."""

from __future__ import annotations

import dataclasses

import click

from quotecheck.cli.options import db_option, format_option, limit_option, quote_filter_options
from quotecheck.cli.output import ROW_FORMATS, Column, default_row_format, shorten, write_rows
from quotecheck.cli.session import open_store
from quotecheck.export.rows import FIELDS, claim_label, sheet_row, speaker_label
from quotecheck.store.models import QuoteFilter

QUOTE_COLUMNS = (
    Column("ID", lambda row: row["id"], justify="right"),
    Column("Quote", lambda row: shorten(row["text"], 240), ratio=4),
    Column("Speaker", lambda row: (speaker_label(row["speaker"], row["speaker_scope"]), row["role"]), ratio=2),
    Column("Kind", lambda row: row["kind"]),
    Column("Claims", lambda row: [claim_label(claim) for claim in row["claims"]], ratio=2),
    Column("Status", lambda row: (row["status"], row["rating"])),
    Column("Article", lambda row: (row["article_title"], ", ".join(
        filter(None, (row["article_external_id"], row["outlet"], row["published"])))), ratio=2),
)


@click.command()
@click.argument("text", required=False)
@quote_filter_options()
@limit_option
@format_option(ROW_FORMATS, help="Output format.  [default: table on a terminal, else jsonl]")
@db_option
def search_command(text: str | None, quote_filter: QuoteFilter, limit: int, fmt: str | None, db_path: str) -> None:
    """Search the quotes by their words, speaker, status, kind, outlet and date.

    TEXT is matched as words (any FTS syntax is taken literally); leave it out to list by the filters alone.
    --speaker forgives spelling: "Linkevičius", "linkevicius" and "Lincevicius" all find Linas Linkevicius.
    Output is a table on a terminal and JSON lines when piped; each row has the quote's id, text, kind,
    speaker, role, status, rating, reviewer, note, article title, outlet, date and url. An anonymous source or
    description ("a spokesman") is a speaker of its article only: speaker_scope "article", and "(this article
    only)" after its name in the table. Each row also lists the quote's checkable claims (numbers, percentages,
    dates, comparisons, superlatives, past facts; see docs/claims.md): --has-claim keeps the quotes that have one,
    --has-claim TYPE those with one of that type.

    \b
    Examples:
        quotecheck search refugees --speaker marcelino
        quotecheck search --status unreviewed --kind direct --format csv > todo.csv
        quotecheck search --has-claim percentage
    """
    quote_filter = dataclasses.replace(quote_filter, text=text or None)
    with open_store(db_path) as store:
        records = store.all_quotes(quote_filter, limit=limit or None)
    rows = [sheet_row(record) for record in records]
    write_rows(rows, fmt or default_row_format(), fields=FIELDS, columns=QUOTE_COLUMNS, empty="No quotes match.")
