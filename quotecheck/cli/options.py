"""Option bundles shared by several commands, as plain decorators (the sqlite-utils way)."""

from __future__ import annotations

import functools

import click

from quotecheck.locations import default_db_path
from quotecheck.store.models import ANY_CLAIM, CLAIM_TYPES, KINDS, STATUSES, QuoteFilter

ISO_DATE = click.DateTime(formats=["%Y-%m-%d"])


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


def subcommand_db_option(group: str):
    """``--db`` after a subcommand's name; without it, the group's --db, $QUOTECHECK_DB or the default."""
    return click.option(
        "--db", "db_path", type=click.Path(dir_okay=False), help=f"SQLite database file.  [default: as for {group}]"
    )


def reviewer_option(command):
    """``--reviewer NAME``; the command resolves a missing one with :func:`quotecheck.store.default_reviewer`."""
    return click.option(
        "--reviewer",
        metavar="NAME",
        help="Who is reviewing.  [default: $QUOTECHECK_REVIEWER, else your login name]",
    )(command)


def limit_option(command):
    return click.option(
        "--limit", type=click.IntRange(min=0), default=50, show_default=True, help="At most this many; 0 for all."
    )(command)


def format_option(choices: tuple[str, ...], *, default: str | None = None, help: str):
    return click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=default is not None,
        help=help,
    )


def quote_filter_options(*, default_status: str | None = None):
    """``--speaker --status --kind --outlet --since --until --article --has-claim``, handed to the command as one
    ``quote_filter: QuoteFilter`` argument. ``--status any`` lifts a default status."""
    options = (
        click.option("--speaker", metavar="NAME", help="Speaker name; spelling need not be exact."),
        click.option(
            "--status",
            type=click.Choice(("any", *STATUSES)),
            default=default_status or "any",
            show_default=True,
            help="Review status.",
        ),
        click.option("--kind", type=click.Choice(KINDS), help="Quote kind."),
        click.option("--outlet", metavar="NAME", help="Outlet that published the article."),
        click.option("--since", type=ISO_DATE, metavar="YYYY-MM-DD", help="Articles published on or after this date."),
        click.option("--until", type=ISO_DATE, metavar="YYYY-MM-DD", help="Articles published on or before this date."),
        click.option("--article", metavar="ID", help="Only quotes from this article (row id or external id)."),
        # is_flag=False with a flag_value: "--has-claim" alone means any type, "--has-claim date" one type
        click.option("--has-claim", "has_claim", is_flag=False, flag_value=ANY_CLAIM, default=None,
                     type=click.Choice((ANY_CLAIM, *CLAIM_TYPES)), metavar="[TYPE]",
                     help=f"Only quotes with a checkable claim (of TYPE: {', '.join(CLAIM_TYPES)}); write "
                          "--has-claim any when an argument follows."),
    )

    def decorator(command):
        @functools.wraps(command)
        def with_filter(*args, speaker, status, kind, outlet, since, until, article, has_claim, **kwargs):
            quote_filter = QuoteFilter(
                speaker=speaker,
                status=None if status == "any" else status,
                kind=kind,
                outlet=outlet,
                since=since.date().isoformat() if since else None,
                until=until.date().isoformat() if until else None,
                article=article,
                has_claim=has_claim,
            )
            return command(*args, quote_filter=quote_filter, **kwargs)

        for option in reversed(options):
            with_filter = option(with_filter)
        return with_filter

    return decorator
