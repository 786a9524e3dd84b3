"""Option bundles shared by several commands, as plain decorators (the sqlite-utils way)."""

from __future__ import annotations

import click

from quotecheck.locations import default_db_path


def db_option(command):
    """``--db PATH`` (or ``$QUOTECHECK_DB``); defaults to the XDG data directory."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),
        default=lambda: str(default_db_path()),
        show_default="$QUOTECHECK_DB or ~/.local/share/quotecheck/quotes.db",
        help="SQLite database file.",
    )(command)
