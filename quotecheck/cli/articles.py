"""``quotecheck articles``: list the stored articles; delete one; extract one again."""

from __future__ import annotations

import dataclasses

import click

from quotecheck.cli.options import db_option, format_option, limit_option, reviewer_option, subcommand_db_option
from quotecheck.cli.output import ROW_FORMATS, Column, default_row_format, reviewed_column, say, write_rows
from quotecheck.cli.session import collect_pages, open_store, reviewer_name
from quotecheck.export.rows import counted

subcommand_db = subcommand_db_option("articles")

ARTICLE_FIELDS = ("id", "external_id", "title", "outlet", "published", "quotes", "reviewed")
ARTICLE_COLUMNS = (
    Column("ID", lambda row: row["id"], justify="right"),
    Column("External id", lambda row: row["external_id"] or ""),
    Column("Title", lambda row: row["title"] or "", ratio=3),
    Column("Outlet", lambda row: row["outlet"] or ""),
    Column("Date", lambda row: row["published"] or ""),
    Column("Quotes", lambda row: row["quotes"], justify="right"),
    reviewed_column(),
)


@click.group(invoke_without_command=True)
@limit_option
@format_option(ROW_FORMATS, help="Output format.  [default: table on a terminal, else jsonl]")
@db_option
@click.pass_context
def articles_group(ctx: click.Context, limit: int, fmt: str | None, db_path: str) -> None:
    """List the stored articles, newest first, with their quote counts and review progress; delete one or
    extract its quotes again. An article is named by its row id or its external id (the `id` of its JSONL
    record), here and in every --article option.

    \b
    Examples:
        quotecheck articles
        quotecheck articles delete bbc/politics/001
        quotecheck articles reextract 3
    """
    if ctx.invoked_subcommand is not None:
        ctx.obj = db_path
        return
    with open_store(db_path) as store:
        articles = collect_pages(lambda size, so_far: store.articles(limit=size, offset=len(so_far)), limit or None)
    rows = [dataclasses.asdict(article) for article in articles]
    write_rows(rows, fmt or default_row_format(), fields=ARTICLE_FIELDS, columns=ARTICLE_COLUMNS,
               empty="No articles yet.")  # fmt: skip


@articles_group.command("delete")
@click.argument("article")
@reviewer_option
@subcommand_db
@click.pass_obj
def delete_command(group_db_path: str, article: str, reviewer: str | None, db_path: str | None) -> None:
    """Delete ARTICLE and its quotes. Everything stays in the review history: `quotecheck undo` brings it back.

    \b
    Example:
        quotecheck articles delete bbc/politics/001
    """
    with open_store(db_path or group_db_path, mode="write") as store:
        deleted = store.delete_article(store.article_id(article), reviewer=reviewer_name(reviewer))
    say(f'Deleted article #{deleted.id} "{deleted.title or "untitled"}" and {counted(deleted.quotes, "quote")} '
        f"({deleted.reviewed} reviewed). `quotecheck undo` brings it back.")  # fmt: skip


@articles_group.command("reextract")
@click.argument("article")
@reviewer_option
@subcommand_db
@click.pass_obj
def reextract_command(group_db_path: str, article: str, reviewer: str | None, db_path: str | None) -> None:
    """Find ARTICLE's quotes again with this quotecheck's extractor. A quote found again at the same words keeps
    its reviews; the others are replaced. One action: `quotecheck undo` puts the old quotes back.

    \b
    Example:
        quotecheck articles reextract 3
    """
    from quotecheck.extract import extract

    with open_store(db_path or group_db_path, mode="write") as store:
        article_id = store.article_id(article)
        quotes = extract(store.article(article_id).text)
        kept, deleted, added = store.reextract_article(article_id, quotes, reviewer=reviewer_name(reviewer))
    say(f"Article #{article_id}: {kept} kept, {deleted} removed, {added} added.")
