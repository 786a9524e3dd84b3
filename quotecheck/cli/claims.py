"""``quotecheck claims``: how many checkable claims of each type the quotes hold; --refresh computes them again."""

from __future__ import annotations

import click

from quotecheck.cli.options import db_option
from quotecheck.cli.output import emit, say
from quotecheck.cli.session import open_store
from quotecheck.export.json_sheet import dumps


@click.command()
@click.option("--refresh", is_flag=True,
              help="Compute every quote's claims again first (after the rules or their word lists changed).")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@db_option
def claims_command(refresh: bool, as_json: bool, db_path: str) -> None:
    """Count the checkable claims in the stored quotes by type: numbers and quantities, percentages, dates,
    comparisons, superlatives and statements about the past (docs/claims.md). Claims are found when quotes are
    stored and again when a quote's span is edited; list the quotes with `quotecheck search --has-claim [TYPE]`.

    \b
    Examples:
        quotecheck claims
        quotecheck claims --refresh
    """
    with open_store(db_path, mode="write" if refresh else "read") as store:
        refreshed = store.refresh_claims() if refresh else None
        counts = store.claim_counts()
    if as_json:
        emit(dumps(counts, indent=2) + "\n")
        return
    if refreshed is not None:
        say(f"Claims computed again: {refreshed[1]} claims in {refreshed[0]} quotes.")
    width = max(map(len, counts))
    say("\n".join(f"{type_:<{width}}  {count:>6}" for type_, count in counts.items()))
