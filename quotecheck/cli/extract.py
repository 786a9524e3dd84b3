"""``quotecheck extract``: print the quotes found in articles, without touching a database."""

from __future__ import annotations

import dataclasses
import shutil
import sys

import click

from quotecheck.export.json_sheet import dumps
from quotecheck.export.rows import counted
from quotecheck.sanitize import printable

# column -> (header, width); the quote column takes what the terminal has left
_COLUMNS = {"speaker": ("SPEAKER", 22), "role": ("ROLE", 24), "kind": ("KIND", 8), "confidence": ("CONF", 4)}
_MIN_QUOTE_WIDTH = 20
_GAP = "  "


@click.command("extract")
@click.argument("sources", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
    help="An aligned table for reading, or one JSON object per quote (every field, plus its source).",
)
def extract_command(sources: tuple[str, ...], fmt: str) -> None:
    """Print the quotes in articles: speaker, role, kind, quote and confidence.

    FILE is a .txt, .md, .html or .jsonl file (one article per line), a directory (read recursively),
    or - for standard input. Nothing is stored: use `quotecheck ingest` for that. An input that cannot
    be read is reported on stderr and skipped; the exit code is then 1.

    \b
    Examples:
        quotecheck extract corpus/eu-lithuania-chechens.txt
        curl -s https://example.org/story.html | quotecheck extract - --format jsonl
    """
    from quotecheck.extract import extract
    from quotecheck.read import ReadError, Skipped, iter_articles

    failed = False
    width = shutil.get_terminal_size().columns
    for item in iter_articles(sources):
        if isinstance(item, Skipped):
            click.echo(printable(str(item)), err=True)
            continue
        if isinstance(item, ReadError):
            click.echo(printable(f"Error: {item}"), err=True)
            failed = True
            continue
        try:
            quotes = extract(item.text)
        except Exception as error:  # an extractor bug must not stop the batch
            message = f"Error: {item.source}: extraction failed ({type(error).__name__}: {error})"
            click.echo(printable(message), err=True)
            failed = True
            continue
        if fmt == "jsonl":
            for quote in quotes:
                record = {**dataclasses.asdict(quote), "source": item.source}
                click.echo(dumps(record))
        else:
            click.echo(_table(item.source, quotes, width))
    if failed:
        sys.exit(1)


def _cell(value: object, width: int) -> str:
    text = "-" if value is None else printable(str(value), one_line=True) or "-"
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text.ljust(width)


def _table(source: str | None, quotes: list, width: int) -> str:
    title = printable(source or "-", one_line=True)
    if not quotes:
        return f"{title}: no quotes found\n"
    fixed = sum(w for _, w in _COLUMNS.values()) + len(_GAP) * len(_COLUMNS)
    quote_width = max(_MIN_QUOTE_WIDTH, width - fixed)
    header = _GAP.join(
        [_cell(_COLUMNS[c][0], _COLUMNS[c][1]) for c in ("speaker", "role", "kind")]
        + [_cell("QUOTE", quote_width), _COLUMNS["confidence"][0]]
    )
    lines = [f"{title}: {counted(len(quotes), 'quote')}", header.rstrip()]
    for quote in quotes:
        row = [
            _cell(quote.speaker, _COLUMNS["speaker"][1]),
            _cell(quote.role, _COLUMNS["role"][1]),
            _cell(quote.kind, _COLUMNS["kind"][1]),
            _cell(quote.text, quote_width),
            f"{quote.confidence:.2f}",
        ]
        lines.append(_GAP.join(row))
    return "\n".join(lines) + "\n"
