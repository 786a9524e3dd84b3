"""``quotecheck variants``: the same quote across articles, its versions and how they differ."""

from __future__ import annotations

import click
from rich.text import Text

from quotecheck.cli.options import db_option, format_option, limit_option
from quotecheck.cli.output import emit, print_rich, say
from quotecheck.cli.session import open_store
from quotecheck.export.json_sheet import dumps
from quotecheck.review.text import LABEL, variant_lines
from quotecheck.variants import MIN_WORDS, Group, find_variants

FORMATS = ("table", "jsonl", "json")


@click.command()
@click.option(
    "--min-words", type=click.IntRange(min=4), default=MIN_WORDS, show_default=True,
    help="Leave out quotes shorter than this many words.",
)  # fmt: skip
@click.option("--reported", is_flag=True, help="Include reported speech (indirect quotes), not only quoted words.")
@format_option(FORMATS, default="table", help="Output format.")
@limit_option
@db_option
def variants_command(min_words: int, reported: bool, fmt: str, limit: int, db_path: str) -> None:
    """Group near-identical quotes across all articles: the same words copied from outlet to outlet or from a
    wire, trimmed at either end or with words changed. Flags each group: `wording` when a version words the quote
    differently from the fullest version, the reference (the diff shows how; trimming is not a difference), and
    `conflict` when the words are given to different speakers. Groups come largest first; in each, the versions
    by publication date, the earliest first.

    \b
    Example:
        quotecheck variants --format jsonl | jq 'select(.flags.conflict)'
    """
    kinds = ("direct", "partial", "indirect") if reported else ("direct", "partial")
    with open_store(db_path) as store:
        groups = find_variants(store.quote_texts(kinds), min_words=min_words)
    total = len(groups)
    groups = groups[:limit] if limit else groups
    if fmt == "table":
        if not groups:
            say("No quotes found in more than one version.")
        for number, group in enumerate(groups, start=1):
            print_rich(*([Text("")] if number > 1 else []), *variant_lines(group, Text(f"Group {number}", style=LABEL)))
        if len(groups) < total:
            say(f"{len(groups)} of {total} groups shown; --limit 0 shows all.", err=True)
    else:
        rows = [group_row(group) for group in groups]
        emit("".join(dumps(row) + "\n" for row in rows) if fmt == "jsonl" else dumps(rows, indent=2) + "\n")


def group_row(group: Group) -> dict[str, object]:
    return {
        "earliest": group.earliest.id,
        "reference": group.reference.id,
        "flags": {"wording": group.wording, "conflict": group.conflict},
        "speakers": group.speakers,
        "quotes": [
            {
                "id": version.quote.id,
                "text": version.quote.text,
                "speaker": version.quote.speaker,
                "outlet": version.quote.outlet,
                "date": version.quote.published,
                "diff": [{"op": op.op, "this": op.quote, "reference": op.source} for op in version.diff],
            }
            for version in group.versions
        ],
    }
