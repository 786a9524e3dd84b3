"""``quotecheck edit``, ``add`` and ``delete``: correct what the extractor got wrong, from the command line. Each is
one action in the review history, undone with ``quotecheck undo``."""

from __future__ import annotations

import click

from quotecheck.cli.history import describe_review
from quotecheck.cli.options import db_option, reviewer_option
from quotecheck.cli.output import say
from quotecheck.cli.session import open_store, reviewer_name
from quotecheck.store.models import KINDS, SPEAKER_TYPES, QuoteRecord

speaker_type_option = click.option(
    "--speaker-type", type=click.Choice(SPEAKER_TYPES), default="person", show_default=True,
    help="Type of a speaker --speaker creates (an existing speaker keeps its own).",
)  # fmt: skip
expect_version_option = click.option(
    "--expect-version", type=int, metavar="N", help="Refuse unless the quote is still at version N."
)


@click.command()
@click.argument("quote_id", type=int)
@click.option("--speaker", metavar="NAME", help="Who said it: a known speaker's name, or a new speaker.")
@speaker_type_option
@click.option("--role", metavar="TEXT", help="The speaker's role as the article states it ('' removes it).")
@click.option("--kind", type=click.Choice(KINDS), help="Quote kind.")
@click.option("--start", type=int, metavar="N", help="New start of the quote's words (offset in the article).")
@click.option("--end", type=int, metavar="N", help="New end of the quote's words (offset in the article).")
@expect_version_option
@reviewer_option
@db_option
def edit_command(
    quote_id: int, speaker: str | None, speaker_type: str, role: str | None, kind: str | None, start: int | None,
    end: int | None, expect_version: int | None, reviewer: str | None, db_path: str,
) -> None:  # fmt: skip
    """Correct quote QUOTE_ID: its speaker, role, kind or span (--start/--end, widened or narrowed to the
    words actually quoted; `quotecheck show --json` prints the offsets). All changes are one action.

    \b
    Examples:
        quotecheck edit 12 --speaker "Linas Linkevičius" --role "foreign minister"
        quotecheck edit 12 --kind partial --start 340 --end 371
    """
    with open_store(db_path, mode="write") as store:
        current = store.quote(quote_id)
        span = None
        if start is not None or end is not None:
            span = (current.start if start is None else start, current.end if end is None else end)
        record = store.edit_quote(
            quote_id, role=role, kind=kind, span=span, new_speaker_name=speaker, new_speaker_type=speaker_type,
            reviewer=reviewer_name(reviewer),
            expected_version=current.version if expect_version is None else expect_version,
        )  # fmt: skip
        if record.version == current.version:
            say(f"#{quote_id} unchanged (version {record.version})")
            return
        latest = store.history(quote_id)[-1].batch
        changes = "; ".join(describe_review(row) for row in store.history(quote_id) if row.batch == latest)
    say(f"#{quote_id} {changes} (version {record.version})")


@click.command()
@click.argument("article")
@click.option("--start", type=int, required=True, metavar="N", help="Start of the quoted words (offset).")
@click.option("--end", type=int, required=True, metavar="N", help="End of the quoted words (offset).")
@click.option("--speaker", metavar="NAME", help="Who said it: a known speaker's name, or a new speaker.")
@speaker_type_option
@click.option("--role", metavar="TEXT", help="The speaker's role as the article states it.")
@click.option("--kind", type=click.Choice(KINDS), default="direct", show_default=True, help="Quote kind.")
@reviewer_option
@db_option
def add_command(
    article: str, start: int, end: int, speaker: str | None, speaker_type: str, role: str | None, kind: str,
    reviewer: str | None, db_path: str,
) -> None:  # fmt: skip
    """Add a quote the extractor missed: the words at --start:--end of ARTICLE (its row id or external id).

    \b
    Example:
        quotecheck add bbc/politics/001 --start 120 --end 164 --speaker "Theresa May" --role "prime minister"
    """
    with open_store(db_path, mode="write") as store:
        record = store.add_quote(
            store.article_id(article), start, end, kind=kind, speaker_name=speaker, speaker_type=speaker_type,
            role=role, reviewer=reviewer_name(reviewer),
        )  # fmt: skip
    say(f"Added #{record.id}: {_described(record)}")


@click.command()
@click.argument("quote_id", type=int)
@expect_version_option
@reviewer_option
@db_option
def delete_command(quote_id: int, expect_version: int | None, reviewer: str | None, db_path: str) -> None:
    """Delete quote QUOTE_ID, a false quote. It stays in the review history: `quotecheck undo` brings it back.

    \b
    Example:
        quotecheck delete 12
    """
    with open_store(db_path, mode="write") as store:
        record = store.delete_quote(quote_id, reviewer=reviewer_name(reviewer), expected_version=expect_version)
    say(f"Deleted #{record.id}: {_described(record)}. `quotecheck undo` brings it back.")


def _described(record: QuoteRecord) -> str:
    speaker = record.speaker or "unattributed"
    role = f", {record.role}" if record.role else ""
    return f'{record.kind} quote "{record.text}" ({speaker}{role}), article {record.article_id}'
