"""``quotecheck source``: primary sources (transcripts, press releases) that quotes are verified against."""

from __future__ import annotations

import click

from quotecheck.cli.options import ISO_DATE, db_option, format_option
from quotecheck.cli.output import ROW_FORMATS, Column, default_row_format, say, write_rows
from quotecheck.cli.session import UserError, open_store
from quotecheck.cli.speakers import find_speaker
from quotecheck.read.model import ReadError
from quotecheck.read.transcript import read_source

SOURCE_FIELDS = ("id", "speaker_id", "speaker", "title", "url", "date", "path", "words", "added")
SOURCE_COLUMNS = (
    Column("id", lambda row: row["id"], justify="right"),
    Column("speaker", lambda row: row["speaker"]),
    Column("title", lambda row: row["title"] or row["path"], ratio=3),
    Column("date", lambda row: row["date"]),
    Column("words", lambda row: row["words"], justify="right"),
)


@click.group()
def source_group() -> None:
    """Primary sources of a speaker (speech or interview transcripts, press releases, subtitles) for
    `quotecheck verify` to check quotes against.

    \b
    Example:
        quotecheck source add speech.txt --speaker "Leon Farrow" && quotecheck verify --speaker "Leon Farrow"
    """


@source_group.command("add")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--speaker", "speaker", required=True, metavar="NAME", help="Who speaks in it: a name or speaker id.")
@click.option("--title", help="Title of the source.  [default: the document's own title]")
@click.option("--url", help="Where the source is published.")
@click.option("--date", type=ISO_DATE, help="When it was said or published (YYYY-MM-DD).")
@db_option
def source_add_command(file: str, speaker: str, title: str | None, url: str | None, date, db_path: str) -> None:
    """Store FILE as a primary source of the speaker NAME: .txt, .md, .html, or .srt/.vtt subtitles. Subtitles keep
    their cue times, which verify reports as the place a passage was said. Adding the same text again is a no-op.

    \b
    Example:
        quotecheck source add farrow-statement.md --speaker "Leon Farrow" --date 2024-01-12
    """
    try:
        read = read_source(file)
    except ReadError as error:
        raise UserError(str(error)) from None
    with open_store(db_path, mode="write") as store:
        record = find_speaker(store, speaker)
        stored, new = store.add_source(
            record.id, read.text, title=title or read.title, url=url,
            date=date.date().isoformat() if date else None, path=file,
        )  # fmt: skip
    words = len(stored.text.split())
    if new:
        say(f"Added source #{stored.id} for {stored.speaker_name} (#{stored.speaker_id}): {file}, {words:,} words.")
    else:
        say(f"Already stored as source #{stored.id} for {stored.speaker_name} (#{stored.speaker_id}).")


@source_group.command("list")
@click.option("--speaker", "speaker", metavar="NAME", help="Only this speaker's sources: a name or speaker id.")
@format_option(ROW_FORMATS, help="Output format.  [default: table on a terminal, else jsonl]")
@db_option
def source_list_command(speaker: str | None, fmt: str | None, db_path: str) -> None:
    """List the stored primary sources, oldest first.

    \b
    Example:
        quotecheck source list --speaker "Leon Farrow"
    """
    with open_store(db_path) as store:
        speaker_id = find_speaker(store, speaker).id if speaker else None
        records = store.sources(speaker_id)
    rows = [
        {
            "id": r.id, "speaker_id": r.speaker_id, "speaker": r.speaker_name, "title": r.title, "url": r.url,
            "date": r.date, "path": r.path, "words": len(r.text.split()), "added": r.added,
        }
        for r in records
    ]  # fmt: skip
    write_rows(rows, fmt or default_row_format(), fields=SOURCE_FIELDS, columns=SOURCE_COLUMNS, empty="No sources.")

