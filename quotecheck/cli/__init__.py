"""The ``quotecheck`` command. Each subcommand lives in its own module and is imported only when used,
so ``quotecheck extract`` does not pay for loading Textual."""

from __future__ import annotations

import importlib

import click

from quotecheck import __version__

# command name -> "module:attribute" (modules under quotecheck.cli)
COMMANDS = {
    "extract": "extract:extract_command",
    "extract-batch": "extract_batch:extract_batch_command",
    "eval": "evaluate:eval_command",
    "init": "database:init_command",
    "check": "database:check_command",
    "ingest": "ingest:ingest_command",
    "search": "search:search_command",
    "speakers": "speakers:speakers_group",
    "articles": "articles:articles_group",
    "show": "show:show_command",
    "mark": "review_actions:mark_command",
    "mark-all": "review_actions:mark_all_command",
    "undo": "review_actions:undo_command",
    "history": "history:history_command",
    "edit": "edit:edit_command",
    "add": "edit:add_command",
    "delete": "edit:delete_command",
    "export": "export:export_command",
    "report": "report:report_command",
    "stats": "stats:stats_command",
    "review": "review:review_command",
    "source": "sources:source_group",
    "verify": "verify:verify_command",
    "variants": "variants:variants_command",
    "datasette-metadata": "datasette:datasette_metadata_command",
    "claims": "claims:claims_command",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        module = importlib.import_module(f"quotecheck.cli.{module_name}")
        return getattr(module, attribute)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quotecheck")
def cli() -> None:
    """Find, attribute, store and review quotes in news articles.

    \b
    Example:
        quotecheck ingest corpus/ && quotecheck stats
    """
