"""``quotecheck extract-batch``: extract a corpus on a Dask cluster into quote shards (quotecheck.batch does the
work); ``quotecheck ingest`` stores the shards."""

from __future__ import annotations

from pathlib import Path

import click

from quotecheck.batch import MISSING_EXTRA
from quotecheck.cli.ingest import echo_error
from quotecheck.cli.session import UserError
from quotecheck.export.rows import counted
from quotecheck.store.pipeline import all_cores


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--out",
    "-o",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory for the quote shards (one .parquet file per input file); created if missing.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="A running Dask scheduler (tcp://host:8786) whose workers share these paths.  [default: a local cluster]",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Worker processes of the local cluster (not with --scheduler).  [default: all cores]",
)
def extract_batch_command(paths: tuple[str, ...], out_dir: Path, scheduler: str | None, jobs: int | None) -> None:
    """Find the quotes of a corpus on a Dask cluster, writing them as Parquet shards for `quotecheck ingest`.

    PATH is a file (.txt, .md, .html, .jsonl) or a directory of them, as for ingest; each file is one task, so
    split a large JSONL archive into shards (e.g. `split -l 10000`) to spread it over the workers. Each task
    writes one shard holding its articles with their quotes, speakers and roles; `quotecheck ingest OUT` stores
    them without extracting again. A shard already made from the same file is kept, so an interrupted run picks
    up where it stopped when run again. Unreadable inputs are reported on stderr, one line each; the exit code
    is then 1.

    \b
    Example:
        quotecheck extract-batch --out shards/ corpus/ && quotecheck ingest --db quotes.db shards/
    """
    if "-" in paths:
        raise UserError("extract-batch reads files (which every worker can open), not stdin")
    if scheduler is not None and jobs is not None:
        raise UserError("--jobs sets the size of the local cluster: with --scheduler the cluster has its own")
    try:
        from quotecheck.batch.run import extract_batch
    except ImportError:
        raise UserError(f"extract-batch {MISSING_EXTRA}") from None
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"{out_dir}: cannot create the output directory ({error.strerror or error})") from None
    try:
        tally = extract_batch(
            list(paths), out_dir, scheduler=scheduler, workers=jobs or all_cores(), on_error=echo_error
        )
    except OSError as failure:  # the scheduler cannot be reached, a shard cannot be written
        raise UserError(str(failure)) from None
    click.echo(
        f"{counted(tally.shards - tally.kept, 'shard')} written, {tally.kept} kept from an earlier run, "
        f"{tally.failed} failed; {counted(tally.articles, 'article')}, {counted(tally.quotes, 'quote')}. "
        f"Store them: quotecheck ingest {out_dir}"
    )
    if tally.failed:
        click.get_current_context().exit(1)
