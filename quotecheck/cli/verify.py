"""``quotecheck verify``: check quotes against their speaker's primary sources."""

from __future__ import annotations

import click
from rich.text import Text

from quotecheck.cli.options import db_option, format_option
from quotecheck.cli.output import emit, print_rich, say
from quotecheck.cli.session import UserError, open_store
from quotecheck.cli.speakers import find_speaker
from quotecheck.export.json_sheet import dumps
from quotecheck.review.text import verification_lines
from quotecheck.store.models import Verification

FORMATS = ("table", "jsonl", "json")


@click.command()
@click.argument("quote_ids", nargs=-1, type=int)
@click.option("--speaker", metavar="NAME", help="Verify every quote of this speaker: a name or speaker id.")
@format_option(FORMATS, default="table", help="Output format.")
@db_option
def verify_command(quote_ids: tuple[int, ...], speaker: str | None, fmt: str, db_path: str) -> None:
    """Check each quote (QUOTE_ID..., or every quote of --speaker) against its speaker's primary sources (see
    `quotecheck source add`). Reports, per quote: verbatim, differs or not-found; the best-matching passage and
    where it is; a similarity score (0-100); and the word-level diff. Bracketed insertions ("[he]"), ellipses
    over a short omission, capitalisation and punctuation are conventions, not changes.

    \b
    Example:
        quotecheck verify --speaker "Leon Farrow" --format jsonl
    """
    if bool(quote_ids) == bool(speaker):
        raise UserError("give QUOTE_IDs or --speaker NAME (one of them)")
    with open_store(db_path) as store:
        speaker_id = find_speaker(store, speaker).id if speaker else None
        checked = store.verify_quotes(list(quote_ids) or None, speaker_id=speaker_id)
        speakers = {v.quote.speaker_id: v.quote.speaker for v in checked if v.quote.speaker_id is not None}
        without_sources = sorted(name for speaker_id, name in speakers.items() if not store.sources(speaker_id))
    if fmt == "table":
        if not checked:
            say("No quotes.")
        for number, verification in enumerate(checked):
            print_rich(*([Text("")] if number else []), *verification_lines(verification))
    else:
        rows = [verification_row(v) for v in checked]
        emit("".join(dumps(row) + "\n" for row in rows) if fmt == "jsonl" else dumps(rows, indent=2) + "\n")
    for name in without_sources:
        say(f"Note: {name} has no sources; add one with: quotecheck source add FILE --speaker NAME", err=True)


def verification_row(verification: Verification) -> dict[str, object]:
    alignment = verification.alignment
    return {
        "quote_id": verification.quote.id,
        "result": alignment.result,
        "score": alignment.score,
        "source_id": alignment.source_id,
        "location": verification.location,
        "passage": alignment.passage,
        "diff": [{"op": op.op, "quote": op.quote, "source": op.source} for op in alignment.diff],
    }
