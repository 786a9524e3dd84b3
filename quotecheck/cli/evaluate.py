"""``quotecheck eval``: score the extractor against gold annotations."""

from __future__ import annotations

import sys

import click

from quotecheck.export.json_sheet import dumps
from quotecheck.sanitize import printable


@click.command("eval")
@click.argument("gold_paths", nargs=-1, required=True, metavar="GOLD...")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
    help="Report as an aligned table or as one JSON object.",
)
@click.option(
    "--show", type=click.IntRange(min=0), default=0, metavar="N",
    help="Also list up to N examples of each error: missed gold quotes, extra predictions, wrong speaker names.",
)
def eval_command(gold_paths: tuple[str, ...], fmt: str, show: int) -> None:
    """Score the quote extractor against gold-annotated articles.

    GOLD is a corpus gold file (*.gold.json beside its .txt), a JSONL file with one annotated article per line,
    or a directory (its *.gold.json and *.gold.jsonl files). Quoted speech (direct and partial) and reported
    speech (indirect) are scored separately: a predicted span matches a gold span when their trimmed spans
    overlap by at least half of the longer one. The speaker is judged name-strict (the stored canonical name
    must name the gold's person) and, for comparison, by mention overlap; roles against the article's roles;
    the confidence by a reliability table. See docs/evaluation.md.

    \b
    Examples:
        quotecheck eval corpus/
        quotecheck eval corpus/*.gold.json my-articles.jsonl --show 5
        quotecheck eval devset.jsonl --format json > figures.json
    """
    from quotecheck.evaluate import evaluate, summarize
    from quotecheck.evaluate.report import error_examples, render_examples, render_table, report_dict
    from quotecheck.extract import extract

    def complain(error: Exception) -> None:
        click.echo(printable(f"Error: {error}"), err=True)

    result = evaluate(gold_paths, extract, on_error=complain)
    report = report_dict(summarize(result.scores), files=result.files, errors=len(result.errors),
                         seconds=result.seconds)
    examples = error_examples(result.scores, show) if show else None
    if fmt == "json":
        if examples is not None:
            report["errors"] = examples
        click.echo(dumps(report, indent=2))
    else:
        click.echo(render_table(report))
        if examples is not None:
            click.echo(render_examples(examples))
    if result.errors:
        sys.exit(1)

