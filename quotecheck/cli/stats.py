"""``quotecheck stats``: what the database holds and how far the review has got."""

from __future__ import annotations

import dataclasses

import click

from quotecheck.cli.options import db_option
from quotecheck.cli.output import emit, say, share
from quotecheck.cli.session import open_store
from quotecheck.export.json_sheet import dumps
from quotecheck.store.models import KINDS, STATUSES, Stats


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@db_option
def stats_command(as_json: bool, db_path: str) -> None:
    """Count articles and quotes (by kind and status), show the top speakers, the review progress and the share
    of quotes from anonymous sources.

    \b
    Example:
        quotecheck stats --db quotes.db
    """
    with open_store(db_path) as store:
        stats = store.stats()
    if as_json:
        emit(dumps(dataclasses.asdict(stats), indent=2) + "\n")
    else:
        say(stats_text(stats))


def stats_text(stats: Stats) -> str:
    width = 12
    lines = [
        f"{'Articles':<{width}}{stats.articles}",
        f"{'Quotes':<{width}}{stats.quotes}" + _breakdown(stats.by_kind, KINDS),
        f"{'Reviewed':<{width}}{stats.reviewed} of {stats.quotes}" + share(stats.reviewed, stats.quotes),
        f"{'By status':<{width}}" + (_counts(stats.by_status, STATUSES) or "-"),
        f"{'Anonymous':<{width}}{stats.anonymous_share:.0%} of quotes are from anonymous sources",
    ]
    if stats.top_speakers:
        lines.append("Top speakers")
        name_width = max(len(name) for name, _ in stats.top_speakers)
        lines += [f"  {name:<{name_width}}  {count:>5}" for name, count in stats.top_speakers]
    return "\n".join(lines)


def _counts(counts: dict[str, int], order: tuple[str, ...]) -> str:
    """``"direct 12, partial 3"`` in the canonical order, then any other key, leaving out zeros."""
    keys = [key for key in order if key in counts] + sorted(key for key in counts if key not in order)
    return ", ".join(f"{key} {counts[key]}" for key in keys if counts[key])


def _breakdown(counts: dict[str, int], order: tuple[str, ...]) -> str:
    text = _counts(counts, order)
    return f" ({text})" if text else ""
