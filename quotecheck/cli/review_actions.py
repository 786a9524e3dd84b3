"""``quotecheck mark`` and ``quotecheck undo``: the scriptable form of the review app's actions."""

from __future__ import annotations

import click

from quotecheck.cli.history import describe_review
from quotecheck.cli.options import db_option, quote_filter_options, reviewer_option
from quotecheck.cli.output import say
from quotecheck.cli.session import UserError, open_store, reviewer_name
from quotecheck.export.rows import counted
from quotecheck.store.models import RATINGS, STATUSES, ConflictError, NotFound, QuoteFilter, QuoteRecord


@click.command()
@click.argument("targets", nargs=-1, required=True, metavar="QUOTE_ID... [STATUS]")
@click.option(
    "--rating", type=click.Choice(("none", *RATINGS)), help="Rating of the claim in the quote (none clears it)."
)
@click.option("--note", metavar="TEXT", help="A note for the review history and the quote sheet.")
@click.option("--evidence", "evidence_url", metavar="URL", help="Link (http or https) to the source that settles it.")
@click.option("--expect-version", type=int, metavar="N",
              help="Refuse unless the quote is still at version N (as `show` printed it); one QUOTE_ID only.")
@reviewer_option
@db_option
def mark_command(
    targets: tuple[str, ...],
    rating: str | None,
    note: str | None,
    evidence_url: str | None,
    expect_version: int | None,
    reviewer: str | None,
    db_path: str,
) -> None:
    """Set the review STATUS of one or more quotes, and/or a rating, note and evidence link. Without STATUS
    the status stays as it is.

    Every change is kept in the review history (see `quotecheck show`) and can be undone with `quotecheck undo`.
    Replacing another reviewer's verdict says whose it was; --expect-version refuses if anyone changed the quote
    since you looked. A quote id that does not exist or changed is reported and the others are still marked (exit
    code 1). To mark every quote of a speaker or an article at once, see `quotecheck mark-all`.

    \b
    Examples:
        quotecheck mark 3 verified --rating mostly-true --evidence https://example.org/transcript
        quotecheck mark 4 5 6 unverifiable --note "no recording"
        quotecheck mark 3 --rating false
    """
    quote_ids, status = _ids_and_status(targets)
    if status is None and rating is None and note is None and evidence_url is None:
        raise click.UsageError("nothing to mark: give a STATUS, --rating, --note or --evidence")
    if expect_version is not None and len(quote_ids) > 1:
        raise UserError("--expect-version takes one QUOTE_ID (each quote has its own version)")
    verdict = {"status": status, "rating": None if rating == "none" else rating, "note": note,
               "evidence_url": evidence_url}  # fmt: skip
    who = reviewer_name(reviewer)
    failed = 0
    with open_store(db_path, mode="write") as store:
        for quote_id in quote_ids:
            try:
                record = before = store.quote(quote_id)
                # the version read here, unless the caller gave one: whose verdict is replaced stays true
                version = before.version if expect_version is None else expect_version
                if any(value is not None for value in verdict.values()):
                    record = store.mark(quote_id, **verdict, reviewer=who, expected_version=version)
                    version = record.version
                if rating == "none" and record.rating is not None:
                    # mark() takes a missing rating as "keep it"; clearing is its own recorded action
                    record = store.set_rating(quote_id, None, reviewer=who, expected_version=version)
            except (NotFound, ConflictError) as error:
                failed += 1
                say(f"Error: {error}", err=True)
                continue
            say(_marked(record) + (_replaced(before, who) if status else ""))
    if failed:
        click.get_current_context().exit(1)


@click.command()
@click.argument("verdict", type=click.Choice(STATUSES), metavar="STATUS")
@quote_filter_options()
@click.option("--rating", type=click.Choice(RATINGS), help="Rating of the claim, for every quote.")
@click.option("--note", metavar="TEXT", help="A note for every quote.")
@click.option("--evidence", "evidence_url", metavar="URL", help="Link (http or https) to the source that settles it.")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@reviewer_option
@db_option
def mark_all_command(
    verdict: str, quote_filter: QuoteFilter, rating: str | None, note: str | None, evidence_url: str | None,
    yes: bool, reviewer: str | None, db_path: str,
) -> None:  # fmt: skip
    """Set STATUS on every quote the filter selects (a speaker's, an article's ...): it says how many and asks
    first. It is one action: one `quotecheck undo` reverses it all. Note that --status filters the quotes
    (e.g. only unreviewed ones), STATUS is the verdict given.

    \b
    Examples:
        quotecheck mark-all verified --article bbc/politics/001 --status unreviewed
        quotecheck mark-all disputed --speaker "Ann Lee" --note "no source for any of these" --yes
    """
    with open_store(db_path, mode="write") as store:
        ids = [record.id for record in store.all_quotes(quote_filter)]
        if not ids:
            say("No quote matches; nothing marked.")
            return
        if not yes:
            click.confirm(f"Mark {counted(len(ids), 'quote')} {verdict}?", abort=True, err=True)
        changed = store.mark_many(
            ids, verdict, rating=rating, note=note, evidence_url=evidence_url, reviewer=reviewer_name(reviewer)
        )
    say(f"Marked {counted(len(ids), 'quote')} {verdict} ({changed} changed); `quotecheck undo` reverses it.")


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
        action = store.action_reviews(undone)
    quotes = sorted({row.quote_id for row in action})
    if len(quotes) > 1:
        say(f"Undid {undone.reviewer}'s change to {len(quotes)} quotes: {describe_review(undone)}.")
        return
    changes = "; ".join(describe_review(row) for row in action)
    say(f"Undid {undone.reviewer}'s change to quote #{undone.quote_id}: {changes}.")


def _ids_and_status(targets: tuple[str, ...]) -> tuple[list[int], str | None]:
    """``QUOTE_ID... [STATUS]``: the ids, and the status when the last word is one."""
    status = targets[-1] if targets[-1] in STATUSES else None
    ids = targets[:-1] if status else targets
    for word in ids:
        if word in STATUSES:
            raise click.UsageError(f"the STATUS ({word}) goes after the quote ids: quotecheck mark QUOTE_ID... {word}")
        if not word.isdigit():
            choices = ", ".join(repr(choice) for choice in STATUSES)
            raise click.BadParameter(f"{word!r} is not a quote id, nor one of {choices}", param_hint="'STATUS'")
    if not ids:
        raise click.UsageError("give at least one QUOTE_ID before the STATUS")
    return [int(word) for word in ids], status


def _replaced(before: QuoteRecord, reviewer: str) -> str:
    """``", replacing ana's verdict disputed"`` when the quote had another reviewer's verdict."""
    if before.status == "unreviewed" or before.reviewer in (None, reviewer):
        return ""
    return f", replacing {before.reviewer}'s verdict {before.status}"


def _marked(record: QuoteRecord) -> str:
    rating = f", rated {record.rating}" if record.rating else ""
    return f"#{record.id} {record.status}{rating} (version {record.version})"
