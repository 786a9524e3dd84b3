"""``quotecheck review``: the terminal app for walking the quote queue."""

from __future__ import annotations

import click

from quotecheck.cli.options import db_option, reviewer_option
from quotecheck.cli.session import open_store, reviewer_name


@click.command(name="review")
@db_option
@reviewer_option
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
    # open_store refuses a missing file: a new empty database would have nothing to review
    with open_store(db_path, mode="write") as store:
        from quotecheck.review.app import ReviewApp  # only this command pays for loading Textual

        app = ReviewApp(store, reviewer=reviewer_name(reviewer), export_dir=export_dir,
                        theme="textual-light" if light else "textual-dark")
        app.run()
