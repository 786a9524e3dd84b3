"""``quotecheck datasette-metadata``: metadata that makes Datasette a browser for a quotecheck database."""

from __future__ import annotations

from pathlib import Path

import click

from quotecheck.cli.options import db_option
from quotecheck.cli.output import emit
from quotecheck.cli.session import open_store
from quotecheck.export.json_sheet import dumps
from quotecheck.store.datasette import datasette_metadata


@click.command()
@db_option
def datasette_metadata_command(db_path: str) -> None:
    """Print Datasette metadata (JSON) for the database: what each table and column means, speakers and articles
    labelled by name and title, search on quotes and speakers, facets (status, kind, outlet, speaker type) and
    canned queries (unreviewed quotes by speaker, disputed quotes with notes, anonymous-source share by outlet).
    Datasette names the database after the file, without its extension.

    The database is only read (it must be up to date: `quotecheck init` upgrades an older one). Datasette opens
    it read-only, so it can run while quotecheck writes; `pip install 'quotecheck[datasette]'` installs it.

    \b
    Example:
        quotecheck datasette-metadata --db quotes.db > metadata.json
        datasette quotes.db -m metadata.json
    """
    with open_store(db_path):
        pass  # refuses a missing file, another application's file or an older schema, with one line
    emit(dumps(datasette_metadata(Path(db_path).stem), indent=2) + "\n")
