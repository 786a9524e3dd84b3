"""``quotecheck show``: one quote in its paragraph, with its attribution and full review history."""

from __future__ import annotations

import dataclasses

import click
from rich.style import Style
from rich.table import Table
from rich.text import Text

from quotecheck.cli.history import describe_review
from quotecheck.cli.options import db_option
from quotecheck.cli.output import emit, print_rich
from quotecheck.cli.session import open_store
from quotecheck.export.json_sheet import dumps
from quotecheck.export.rows import ARTICLE_ONLY
from quotecheck.review.text import Span, claim_spans, claims_text, highlighted
from quotecheck.sanitize import printable
from quotecheck.store.models import ArticleRecord, QuoteRecord, Review


@click.command()
@click.argument("quote_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the quote, its paragraph and its history as JSON.")
@db_option
def show_command(quote_id: int, as_json: bool, db_path: str) -> None:
    """Show quote QUOTE_ID in its paragraph (quote in bold, speaker mention underlined on a terminal), with
    speaker, role, cue, the rule that attributed it, confidence, and every review action.

    \b
    Example:
        quotecheck show 3
    """
    with open_store(db_path) as store:
        record = store.quote(quote_id)
        article = store.article(record.article_id)
        history = store.history(quote_id)
    start, end = paragraph_bounds(article.text, record.start, record.end)
    if as_json:
        payload = {
            "quote": dataclasses.asdict(record),
            "paragraph": article.text[start:end],
            "history": [dataclasses.asdict(review) for review in history],
        }
        emit(dumps(payload, indent=2) + "\n")
        return
    history_part = (Text("History", style="bold"), _history(history)) if history else (Text("Not reviewed yet."),)
    blank = Text("")
    print_rich(_heading(record), blank, _paragraph(article, record, start, end), blank, _details(record, article),
               blank, *history_part)


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph(s) holding ``text[start:end]``: from the line break before it to the one after it."""
    newline_after = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if newline_after == -1 else newline_after


def _heading(record: QuoteRecord) -> Text:
    parts = [f"Quote #{record.id}", record.kind, record.status]
    if record.rating:
        parts.append(f"rated {record.rating}")
    return Text(" · ".join(parts) + f"  (version {record.version})", style="bold")


def _paragraph(article: ArticleRecord, record: QuoteRecord, start: int, end: int) -> Text:
    """The paragraph with the quote in bold, its claims tinted and the speaker mention underlined (sanitised piece
    by piece, as in the review app, so the offsets still line up)."""
    spans = [Span(record.start, record.end, Style(bold=True)), *claim_spans(record)]
    if record.mention_start is not None and record.mention_end is not None:
        spans.append(Span(record.mention_start, record.mention_end, Style(underline=True)))
    return highlighted(article.text, start, end, spans)


def _details(record: QuoteRecord, article: ArticleRecord) -> Table:
    speaker = "unattributed"
    if record.speaker:
        scope = ARTICLE_ONLY if record.speaker_scope == "article" else None
        about = ", ".join(filter(None, (f"#{record.speaker_id}", record.speaker_type, scope)))
        speaker = f"{record.speaker} ({about})"
    fields = [
        ("Speaker", speaker),
        ("With", ", ".join(record.co_speakers) or None),
        ("Role", record.role),
        ("Cue", record.cue),
        ("Rule", record.rule),
        ("Confidence", f"{record.confidence:.2f}"),
        ("Claims", claims_text(record) if record.claims else None),
        ("Status", record.status),
        ("Rating", record.rating),
        ("Note", record.note),
        ("Evidence", record.evidence_url),
        ("Article", f"#{article.id} {article.title or '(untitled)'}"),
        ("Source", ", ".join(filter(None, (article.outlet, article.published)))),
        ("URL", article.url),
    ]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column(overflow="fold")
    for name, value in fields:
        if value:
            grid.add_row(name, value if isinstance(value, Text) else Text(printable(str(value), one_line=True)))
    return grid


def _history(history: list[Review]) -> Table:
    grid = Table.grid(padding=(0, 2))
    for _ in range(3):
        grid.add_column(overflow="fold")
    for review in history:
        when = review.at[:16].replace("T", " ")
        cells = (when, review.reviewer, describe_review(review))
        grid.add_row(*(Text(printable(cell, one_line=True)) for cell in cells))
    return grid
