"""``quotecheck mark`` and ``quotecheck undo``: the scriptable form of the review app's actions."""

from __future__ import annotations

import click

from quotecheck.cli.history import describe_review
from quotecheck.cli.options import db_option, reviewer_option
from quotecheck.cli.output import say
from quotecheck.cli.session import UserError, open_store, reviewer_name
from quotecheck.store.models import RATINGS, STATUSES, ConflictError, NotFound, QuoteRecord


@click.command()
@click.argument("quote_ids", nargs=-1, type=int, required=True, metavar="QUOTE_ID...")
@click.argument("status", type=click.Choice(STATUSES), metavar="STATUS")
@click.option(
    "--rating", type=click.Choice(("none", *RATINGS)), help="Rating of the claim in the quote (none clears it)."
)
@click.option("--note", metavar="TEXT", help="A note for the review history and the quote sheet.")
@click.option("--evidence", "evidence_url", metavar="URL", help="Link to the source that settles it.")
@click.option("--expect-version", type=int, metavar="N",
              help="Refuse unless the quote is still at version N (as `show` printed it); one QUOTE_ID only.")
@reviewer_option
@db_option
def mark_command(
    quote_ids: tuple[int, ...],
    status: str,
    rating: str | None,
    note: str | None,
    evidence_url: str | None,
    expect_version: int | None,
    reviewer: str | None,
    db_path: str,
) -> None:
    """Set the review STATUS of one or more quotes, with an optional rating, note and evidence link.

    Every change is kept in the review history (see `quotecheck show`) and can be undone with `quotecheck undo`.
    Replacing another reviewer's verdict says whose it was; --expect-version refuses if anyone changed the quote
    since you looked. A quote id that does not exist or changed is reported and the others are still marked (exit
    code 1).

    \b
    Examples:
        quotecheck mark 3 verified --rating mostly-true --evidence https://example.org/transcript
        quotecheck mark 4 5 6 unverifiable --note "no recording"
    """
    if expect_version is not None and len(quote_ids) > 1:
        raise UserError("--expect-version takes one QUOTE_ID (each quote has its own version)")
    who = reviewer_name(reviewer)
    failed = 0
    with open_store(db_path, mode="write") as store:
        for quote_id in quote_ids:
            try:
                before = store.quote(quote_id)
                # the version read here, unless the caller gave one: whose verdict is replaced stays true
                record = store.mark(
                    quote_id,
                    status,
                    rating=None if rating == "none" else rating,
                    note=note,
                    evidence_url=evidence_url,
                    reviewer=who,
                    expected_version=before.version if expect_version is None else expect_version,
                )
                if rating == "none" and record.rating is not None:
                    # mark() takes a missing rating as "keep it"; clearing is its own recorded action
                    record = store.set_rating(quote_id, None, reviewer=who, expected_version=record.version)
            except (NotFound, ConflictError) as error:
                failed += 1
                say(f"Error: {error}", err=True)
                continue
            say(_marked(record) + _replaced(before, who))
    if failed:
        click.get_current_context().exit(1)


@click.command()
@reviewer_option
@click.option("--anyone", is_flag=True, help="Undo the latest action of any reviewer, not only your own.")
@db_option
def undo_command(reviewer: str | None, anyone: bool, db_path: str) -> None:
    """Undo your latest review action (status, rating, note, evidence, speaker change, merge or rename).

    Repeat to go further back. The undo itself is recorded in the history, so nothing is lost.

    \b
    Example:
        quotecheck undo
    """
    with open_store(db_path, mode="write") as store:
        undone = store.undo(reviewer=None if anyone else reviewer_name(reviewer))
        if undone is None:
            say("Nothing to undo.")
            return
        if undone.quote_id is None:  # a speaker merge or rename
            say(f"Undid {undone.reviewer}'s {describe_review(undone)}.")
            return
        action = [row for row in store.history(undone.quote_id) if row.batch == undone.batch]
    changes = "; ".join(describe_review(row) for row in action)
    say(f"Undid {undone.reviewer}'s change to quote #{undone.quote_id}: {changes}.")


def _replaced(before: QuoteRecord, reviewer: str) -> str:
    """``", replacing ana's verdict disputed"`` when the quote had another reviewer's verdict."""
    if before.status == "unreviewed" or before.reviewer in (None, reviewer):
        return ""
    return f", replacing {before.reviewer}'s verdict {before.status}"


def _marked(record: QuoteRecord) -> str:
    rating = f", rated {record.rating}" if record.rating else ""
    return f"#{record.id} {record.status}{rating} (version {record.version})"
