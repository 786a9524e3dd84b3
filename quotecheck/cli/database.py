"""``quotecheck init`` and ``quotecheck check``: the database file itself."""

from __future__ import annotations

import click

from quotecheck.cli.options import db_option
from quotecheck.cli.output import say
from quotecheck.cli.session import UserError, open_store
from quotecheck.export.rows import counted
from quotecheck.store import SCHEMA_VERSION
from quotecheck.store.integrity import recover_hint


@click.command()
@db_option
def init_command(db_path: str) -> None:
    """Create an empty database, or bring one made by an older quotecheck up to date.

    Only a missing or empty file becomes a database; any other file is left untouched. (`quotecheck ingest`
    creates the database too.)

    \b
    Example:
        quotecheck init --db quotes.db
    """
    with open_store(db_path, mode="create") as store:
        found = store.found_version
    if found is None:
        say(f"Created {db_path} (schema {SCHEMA_VERSION}).")
    elif found < SCHEMA_VERSION:
        say(f"Upgraded {db_path} from schema {found} to {SCHEMA_VERSION}.")
    else:
        say(f"{db_path} is up to date (schema {SCHEMA_VERSION}).")


@click.command()
@db_option
def check_command(db_path: str) -> None:
    """Check the database file for damage: SQLite's integrity check and the full-text index check.

    Prints each problem found and exits with 1; writing commands refuse a damaged file. Writes nothing.

    \b
    Example:
        quotecheck check --db quotes.db
    """
    with open_store(db_path) as store:
        problems = store.integrity_problems()
    if not problems:
        say(f"{db_path}: no damage found.")
        return
    for problem in problems:
        say(problem, err=True)
    raise UserError(f"{db_path} is damaged ({counted(len(problems), 'problem')}); {recover_hint(db_path)}")
