"""``quotecheck history``: the review log, every action by every reviewer; and history rows in words, for
`quotecheck show` and `quotecheck undo`."""

from __future__ import annotations

import dataclasses

import click

from quotecheck.cli.options import ISO_DATE, db_option, format_option
from quotecheck.cli.output import ROW_FORMATS, Column, default_row_format, write_rows
from quotecheck.cli.session import collect_pages, open_store
from quotecheck.store.models import Review, review_value

# The log's columns: when, who, what, on which quote or speaker, the change in words, then every stored value.
HISTORY_FIELDS = (
    "id", "at", "reviewer", "action", "quote_id", "speaker_id", "change",
    *(field.name for field in dataclasses.fields(Review)
      if field.name not in ("id", "at", "reviewer", "action", "quote_id", "speaker_id")),
)  # fmt: skip
HISTORY_COLUMNS = (
    Column("ID", lambda row: row["id"], justify="right"),
    Column("At", lambda row: row["at"]),
    Column("Reviewer", lambda row: row["reviewer"]),
    Column("Quote", lambda row: "" if row["quote_id"] is None else f"#{row['quote_id']}", justify="right"),
    Column("Change", lambda row: row["change"], ratio=3),
)


@click.command()
@click.option("--reviewer", metavar="NAME", help="Only this reviewer's actions.")
@click.option("--since", type=ISO_DATE, metavar="YYYY-MM-DD", help="Only actions on or after this day (UTC).")
@format_option(ROW_FORMATS, help="Output format.  [default: table on a terminal, else jsonl]")
@db_option
def history_command(reviewer: str | None, since, fmt: str | None, db_path: str) -> None:
    """The review log, oldest first: every verdict, note, evidence link, edit, merge and undo, with who did it
    and when (UTC). Undone actions stay in the log, marked by `undone_by`; as CSV it opens in a spreadsheet.

    \b
    Examples:
        quotecheck history
        quotecheck history --format csv --since 2026-11-01 > review-log.csv
    """
    day = since.date().isoformat() if since else None
    with open_store(db_path) as store:
        reviews = collect_pages(
            lambda size, so_far: store.review_log(
                reviewer=reviewer, since=day, after=so_far[-1].id if so_far else 0, limit=size
            ),
            None,
        )
    rows = [dataclasses.asdict(review) | {"change": describe_review(review)} for review in reviews]
    write_rows(rows, fmt or default_row_format(), fields=HISTORY_FIELDS, columns=HISTORY_COLUMNS,
               empty="No review actions (for these options).")  # fmt: skip


def describe_review(review: Review) -> str:
    """What one history row changed, e.g. ``status unreviewed -> verified; rating none -> true``."""
    changes = []
    if review.old_status != review.new_status:
        changes.append(f"status {review.old_status or 'none'} -> {review.new_status or 'none'}")
    if review.old_rating != review.new_rating:
        changes.append(f"rating {review.old_rating or 'none'} -> {review.new_rating or 'none'}")
    if review.old_speaker_id != review.new_speaker_id:
        changes.append(f"speaker #{review.old_speaker_id} -> #{review.new_speaker_id}")
    if review.old_name != review.new_name:
        changes.append(f'name "{review.old_name}" -> "{review.new_name}"')
    if review.note is not None or review.old_note is not None:
        changes.append(f'note "{review.note}"' if review.note else "note removed")
    if review.evidence_url is not None or review.old_evidence_url is not None:
        changes.append(f"evidence {review.evidence_url}" if review.evidence_url else "evidence removed")
    if review.old_value is not None or review.new_value is not None:
        changes.append(_value_change(review))
    description = "; ".join(changes)
    return f"{review.action}: {description}" if review.action in ("undo", "merge", "rename") else description


def _gender_shown(value: object) -> str:
    """``female (article)``, ``unknown (reviewer)``: a speaker's gender and where it came from."""
    if not isinstance(value, dict):
        return "none"
    return f"{value.get('gender') or 'unknown'} ({value.get('source') or 'not known'})"


def _value_change(review: Review) -> str:
    """A role, kind or span edit (``role "the mayor" -> none``), or a quote added or deleted whole."""
    before, after = review_value(review.old_value), review_value(review.new_value)
    if isinstance(before, dict) or isinstance(after, dict):
        row = after if isinstance(after, dict) else before
        if "gender" in row:  # a speaker's gender set or cleared by a reviewer, or its undo
            return f"gender {_gender_shown(before)} -> {_gender_shown(after)}"
        if "sha256" in row:  # a deleted article, or its undo
            what = "restored" if review.action == "undo" else "deletion of"
            return f'{what} article #{row["article_id"]} "{row["title"] or "untitled"}"'
        verb = {"add": "added", "delete": "deleted"}.get(review.action) or ("restored" if after else "removed")
        return f'{verb} quote {row["start"]}:{row["end"]} "{row["text"]}"'
    field = "" if review.action == "undo" else f"{review.action} "
    return f"{field}{_shown(before)} -> {_shown(after)}"


def _shown(value: str | tuple[int, int] | None) -> str:
    if value is None:
        return "none"
    if isinstance(value, tuple):
        return f"{value[0]}:{value[1]}"
    return f'"{value}"'
