"""``quotecheck variants``: the same quote across articles, its versions and how they differ."""

from __future__ import annotations

import click
from rich.text import Text

from quotecheck.cli.options import db_option, format_option, limit_option
from quotecheck.cli.output import emit, print_rich, say
from quotecheck.cli.session import open_store
from quotecheck.export.json_sheet import dumps
from quotecheck.review.text import LABEL, MUTED, diff_text, plain
from quotecheck.variants import MIN_WORDS, Group, QuoteText, find_variants

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
            print_rich(*([Text("")] if number > 1 else []), *_block(number, group))
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


def _block(number: int, group: Group) -> list[Text]:
    flags = [flag for flag, on in (("wording", group.wording), ("conflict", group.conflict)) if on]
    heading = Text.assemble((f"Group {number}", LABEL), f": {len(group.versions)} versions")
    if flags:
        heading.append(" — " + ", ".join(flags), "bold red")
    lines = [heading]
    if group.conflict:
        lines.append(Text.assemble(("Speakers ", MUTED), plain("; ".join(group.speakers))))
    for version in group.versions:
        quote = version.quote
        where = " ".join(part for part in (quote.published, quote.outlet) if part) or "(no date or outlet)"
        lines.append(
            Text.assemble(
                (f"#{quote.id} ", LABEL), plain(where), " ", plain(quote.speaker or "(no speaker)"),
                (_marks(group, quote), MUTED),
            )  # fmt: skip
        )
        lines.append(Text.assemble(("  Quote  ", MUTED), plain(quote.text)))
        if version.changed:
            lines.append(Text.assemble(("  Diff   ", MUTED), diff_text(version.diff)))
    return lines


def _marks(group: Group, quote: QuoteText) -> str:
    marks = [mark for mark, this in (("earliest", group.earliest), ("reference", group.reference)) if quote is this]
    return f" ({', '.join(marks)})" if marks else ""
