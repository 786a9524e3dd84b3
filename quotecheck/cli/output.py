"""How commands print: a table on a terminal, JSON lines when piped, or the format asked for.

Everything that reaches a terminal passes through :func:`quotecheck.sanitize.printable`: article text may carry
escape sequences."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import click
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from quotecheck.export.csv_sheet import rows_to_csv
from quotecheck.export.json_sheet import dumps
from quotecheck.sanitize import printable

ROW_FORMATS = ("table", "jsonl", "json", "csv")

Row = Mapping[str, object]


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    value: Callable[[Row], object]
    ratio: int | None = None
    justify: str = "left"


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def default_row_format() -> str:
    """A table for people, JSON lines (one object per line: grep, jq, head work on it) for pipes."""
    return "table" if stdout_is_terminal() else "jsonl"


def emit(text: str) -> None:
    """Write ``text`` to stdout as is into a pipe or file, without control characters onto a terminal."""
    click.echo(printable(text) if stdout_is_terminal() else text, nl=False)


def say(message: str, *, err: bool = False) -> None:
    """A message for people (which may quote article text), always without control characters."""
    click.echo(printable(message), err=err)


def print_rich(*renderables: RenderableType) -> None:
    """Rich tables and texts (built from sanitised ``Text``, never markup), one after the other. Into a pipe or file
    they come without colours or trailing blanks."""
    # file=sys.stdout at call time, so click's test runner captures it
    out = Console(file=sys.stdout, markup=False, emoji=False, highlight=False)
    if stdout_is_terminal():
        for renderable in renderables:
            out.print(renderable)
        return
    with out.capture() as captured:
        for renderable in renderables:
            out.print(renderable, soft_wrap=isinstance(renderable, Text))  # a paragraph stays one line
    click.echo("\n".join(line.rstrip() for line in captured.get().splitlines()))


def write_rows(rows: Sequence[Row], fmt: str, *, fields: Sequence[str], columns: Sequence[Column], empty: str) -> None:
    """``rows`` (dicts with the keys ``fields``) as ``fmt``: the table shows ``columns`` (or ``empty`` when there
    are no rows), the other formats every field."""
    if fmt == "table":
        if rows:
            print_rich(table(rows, columns))
        else:
            say(empty)
    elif fmt == "jsonl":
        emit("".join(dumps(row) + "\n" for row in rows))
    elif fmt == "json":
        emit(dumps(list(rows), indent=2) + "\n")
    elif fmt == "csv":
        emit(rows_to_csv(fields, ([row[field] for field in fields] for row in rows)))
    else:
        raise ValueError(f"unknown format {fmt!r}")


def table(rows: Sequence[Row], columns: Sequence[Column]) -> Table:
    grid = Table(show_lines=False, header_style="bold", expand=False)
    for column in columns:
        grid.add_column(column.header, ratio=column.ratio, justify=column.justify, overflow="fold")
    for row in rows:
        grid.add_row(*(cell_text(column.value(row)) for column in columns))
    return grid


def cell_text(value: object) -> Text:
    """Untrusted text as a Rich ``Text`` (never markup) without control characters: one line per item of a
    tuple or list, else one line."""
    lines = value if isinstance(value, (tuple, list)) else (value,)
    return Text("\n".join(printable(str(line), one_line=True) for line in lines if line not in (None, "")))


def reviewed_column() -> Column:
    """``3/10 (30%)`` from a row's ``reviewed`` and ``quotes``."""
    return Column("Reviewed", lambda row: f"{row['reviewed']}/{row['quotes']}" + share(row["reviewed"], row["quotes"]),
                  justify="right")  # fmt: skip


def share(part: int, whole: int) -> str:
    """``" (40%)"``, or nothing when there is no whole."""
    return f" ({part / whole:.0%})" if whole else ""


def shorten(text: str | None, limit: int) -> str:
    if not text:
        return ""
    text = printable(text, one_line=True)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
