"""``quotecheck speakers``: list speakers (fuzzy by name), merge duplicates, rename, set a person's gender."""

from __future__ import annotations

import click

from quotecheck.cli.options import db_option, format_option, limit_option, reviewer_option, subcommand_db_option
from quotecheck.cli.output import ROW_FORMATS, Column, default_row_format, reviewed_column, say, write_rows
from quotecheck.cli.session import UserError, fetch_speakers, open_store, reviewer_name
from quotecheck.report.figures import gender_label, speaker_label
from quotecheck.store import Store
from quotecheck.store.models import GENDERS, NameTaken, SpeakerRecord

subcommand_db = subcommand_db_option("speakers")

# article_id: set on an anonymous source or description ("a spokesman"), which is a speaker of that article only
# gender_source: article, first-name or reviewer (see `speakers gender`)
SPEAKER_FIELDS = (
    "id", "name", "type", "article_id", "roles", "aliases", "quotes", "reviewed", "gender", "gender_source",
)  # fmt: skip
SPEAKER_COLUMNS = (
    Column("ID", lambda row: row["id"], justify="right"),
    Column("Speaker", lambda row: speaker_label(row["name"], row["article_id"]), ratio=2),
    Column("Type", lambda row: row["type"]),
    Column("Roles", lambda row: row["roles"][:3], ratio=3),
    Column("Quotes", lambda row: row["quotes"], justify="right"),
    reviewed_column(),
)


class SpeakersGroup(click.Group):
    """A group whose optional NAME comes before, and instead of, a subcommand.

    NAME cannot be a Click argument: it would swallow the subcommand's name. So the first positional that is not
    a subcommand is taken out before Click parses the rest, and handed to the callback as ``name``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        _, positional, _ = self.make_parser(ctx).parse_args(args=list(args))
        name = None
        if positional and positional[0] not in self.commands:
            index = len(args) - len(positional)
            name, args = positional[0], [*args[:index], *args[index + 1 :]]
        rest = super().parse_args(ctx, args)
        ctx.params["name"] = name
        return rest


@click.group(cls=SpeakersGroup, invoke_without_command=True, subcommand_metavar="[NAME] | COMMAND [ARGS]...")
@limit_option
@format_option(ROW_FORMATS, help="Output format.  [default: table on a terminal, else jsonl]")
@db_option
@click.pass_context
def speakers_group(ctx: click.Context, name: str | None, limit: int, fmt: str | None, db_path: str) -> None:
    """List speakers with their roles, quote counts and review progress; merge or rename them, set a gender.

    With NAME, only speakers whose name is like it (spelling and accents need not match), best first;
    without, the most quoted first. A person or organisation is one speaker across articles; an anonymous source
    or description ("a spokesman", "the company") is a speaker of one article, shown as "(article N only)".
    JSON and CSV rows carry a person's gender and its source: article (a he/she, an honorific), first-name or
    reviewer.

    \b
    Examples:
        quotecheck speakers
        quotecheck speakers linkevicius
        quotecheck speakers merge 3 7
        quotecheck speakers rename 3 "Linas Linkevičius"
        quotecheck speakers gender 3 male
    """
    if ctx.invoked_subcommand is not None:
        ctx.obj = db_path
        return
    with open_store(db_path) as store:
        speakers = fetch_speakers(store, name, limit=limit or None)
    empty = "No speakers yet." if name is None else f'No speaker like "{name}".'
    rows = [_speaker_row(speaker) for speaker in speakers]
    write_rows(rows, fmt or default_row_format(), fields=SPEAKER_FIELDS, columns=SPEAKER_COLUMNS, empty=empty)


@speakers_group.command("merge")
@click.argument("keep")
@click.argument("other")
@reviewer_option
@subcommand_db
@click.pass_obj
def merge_command(group_db_path: str, keep: str, other: str, reviewer: str | None, db_path: str | None) -> None:
    """Merge speaker OTHER into KEEP: OTHER's quotes, roles and aliases move to KEEP, and the merge is recorded
    in the review history. Each is an id or an exact name.

    \b
    Example:
        quotecheck speakers merge "Linas Linkevicius" Linkevičius
    """
    with open_store(db_path or group_db_path, mode="write") as store:
        kept, merged = find_speaker(store, keep), find_speaker(store, other)
        if kept.id == merged.id:
            raise UserError(f"{keep!r} and {other!r} are the same speaker (#{kept.id})")
        result = store.merge_speakers(kept.id, merged.id, reviewer=reviewer_name(reviewer))
    say(f'Merged #{merged.id} "{merged.name}" into #{result.id} "{result.name}" ({result.quote_count} quotes).')


@speakers_group.command("rename")
@click.argument("speaker_id", metavar="ID", type=int)
@click.argument("new_name")
@click.option("--merge", is_flag=True, help="If NEW_NAME is another speaker's, merge into that one without asking.")
@reviewer_option
@subcommand_db
@click.pass_obj
def rename_command(
    group_db_path: str, speaker_id: int, new_name: str, merge: bool, reviewer: str | None, db_path: str | None
) -> None:
    """Rename speaker ID to NEW_NAME; the old name stays as an alias and the change is recorded. When another
    speaker has that name already, it offers to merge ID into that one instead (--merge: without asking).

    \b
    Example:
        quotecheck speakers rename 3 "Linas Linkevičius"
    """
    if not new_name.strip():
        raise UserError("the new name is empty")
    who = reviewer_name(reviewer)
    with open_store(db_path or group_db_path, mode="write") as store:
        old = store.speaker(speaker_id)
        try:
            result = store.rename_speaker(speaker_id, new_name.strip(), reviewer=who)
        except NameTaken as taken:
            existing = store.speaker(taken.existing)
            question = f'#{existing.id} is named "{existing.name}" already. Merge #{old.id} "{old.name}" into it?'
            if not (merge or click.confirm(question, err=True)):
                raise UserError(f"{taken}: quotecheck speakers merge {existing.id} {old.id}") from None
            result = store.merge_speakers(existing.id, old.id, reviewer=who)
            say(f'Merged #{old.id} "{old.name}" into #{result.id} "{result.name}" ({result.quote_count} quotes).')
            return
    say(f'Renamed #{result.id} "{old.name}" to "{result.name}".')


@speakers_group.command("gender")
@click.argument("speaker")
@click.argument("gender", type=click.Choice([*GENDERS, "clear"]))
@reviewer_option
@subcommand_db
@click.pass_obj
def gender_command(
    group_db_path: str, speaker: str, gender: str, reviewer: str | None, db_path: str | None
) -> None:
    """Set the gender of person SPEAKER (an id or an exact name), or clear it to unknown. A reviewer's word is
    kept: ingest fills a gender in from the articles (a he/she, an honorific) or the first name only where no
    reviewer gave one. Recorded in the history; `quotecheck undo` reverses it.

    
    Examples:
        quotecheck speakers gender "Robbie Hallam" male
        quotecheck speakers gender 12 clear
    """
    with open_store(db_path or group_db_path, mode="write") as store:
        found = find_speaker(store, speaker)
        result = store.set_speaker_gender(
            found.id, None if gender == "clear" else gender, reviewer=reviewer_name(reviewer)
        )
    say(f'#{result.id} "{result.name}": gender {gender_label(result.gender, result.gender_source)}.')


def find_speaker(store: Store, reference: str) -> SpeakerRecord:
    """The speaker with id or exact (case-insensitive) name ``reference``; near misses become suggestions."""
    if reference.strip().isdigit():
        return store.speaker(int(reference))
    wanted = reference.strip().casefold()
    exact = [speaker for speaker in store.speakers(reference, limit=20) if speaker.name.casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    if exact:
        ids = ", ".join(f"#{speaker.id}" for speaker in exact)
        raise UserError(f"several speakers are named {reference!r} ({ids}); give an id")
    near = ", ".join(f"{speaker.name} (#{speaker.id})" for speaker, _ in store.match_speakers(reference, limit=3))
    raise UserError(f"no speaker named {reference!r}" + (f"; did you mean {near}?" if near else ""))


def _speaker_row(speaker: SpeakerRecord) -> dict[str, object]:
    values = (speaker.id, speaker.name, speaker.type, speaker.article_id, list(speaker.roles),
              list(speaker.aliases), speaker.quote_count, speaker.reviewed_count, speaker.gender,
              speaker.gender_source)  # fmt: skip
    return dict(zip(SPEAKER_FIELDS, values, strict=True))
