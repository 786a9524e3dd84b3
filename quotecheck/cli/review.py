"""``quotecheck review``: the terminal app for walking the quote queue."""

from __future__ import annotations

import click

from quotecheck.cli.options import db_option


@click.command(name="review")
@db_option
@click.option("--reviewer", default=None, help="Your name in the review history [default: $QUOTECHECK_REVIEWER or your login].")
@click.option("--export-dir", type=click.Path(file_okay=False), default=".", show_default=True,
              help="Where `e` writes quote sheets.")
@click.option("--light", is_flag=True, help="Start with the light theme (`t` toggles).")
def review_command(db_path: str, reviewer: str | None, export_dir: str, light: bool) -> None:
    """Review quotes in a terminal app: one key per verdict, saved as you go.

    \b
    Keys: v verified, m misquoted, a misattributed, d disputed, u unverifiable,
    1-6 rating, n note, r speaker, z undo, / search, f filter, ? every key.

    \b
    Example:
        quotecheck review --db quotes.db --reviewer alice
    """
    from pathlib import Path

    from quotecheck.store import Store, default_reviewer
    from quotecheck.store.models import StoreError

    if not Path(db_path).exists():  # opening would create an empty database: there would be nothing to review
        raise click.ClickException(f"{db_path}: no such database (fill one with: quotecheck ingest --db {db_path} FILES)")
    try:
        store = Store(db_path)
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    with store:
        from quotecheck.review.app import ReviewApp

        app = ReviewApp(store, reviewer=reviewer or default_reviewer(), export_dir=export_dir,
                        theme="textual-light" if light else "textual-dark")
        app.run()
