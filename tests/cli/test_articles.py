"""`quotecheck articles`: the list, delete and re-extract through the real command; --article by external id."""

from __future__ import annotations

import json

from quotecheck.cli import cli
from quotecheck.store import Store


def _set_external_id(db, title_start, external_id):
    with Store(db) as store:
        store.db.execute("UPDATE articles SET external_id = ? WHERE title LIKE ?", [external_id, f"{title_start}%"])
        store.db.conn.commit()


def test_articles_lists_id_external_id_title_outlet_date_quotes_reviewed(runner, db, quote_id):
    _set_external_id(db, "Lithuania to keep", "lrt/visas/001")
    runner.invoke(cli, ["mark", "--db", str(db), str(quote_id(db, "talks with Canada")), "verified"])
    result = runner.invoke(cli, ["articles", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [list(row) for row in rows][0] == ["id", "external_id", "title", "outlet", "published", "quotes", "reviewed"]
    visas = next(row for row in rows if row["external_id"] == "lrt/visas/001")
    assert (visas["title"], visas["outlet"], visas["published"], visas["quotes"], visas["reviewed"]) == (
        "Lithuania to keep humanitarian visas", "LRT", "2017-06-12", 3, 1)  # fmt: skip
    assert [row["published"] for row in rows] == sorted((row["published"] for row in rows), reverse=True)
    table = runner.invoke(cli, ["articles", "--db", str(db), "--format", "table"], env={"COLUMNS": "250"})
    assert "lrt/visas/001" in table.stdout and "1/3 (33%)" in table.stdout
    assert "\x1b" not in table.stdout  # the hostile article's outlet carries an escape sequence


def test_article_option_takes_the_external_id_and_search_shows_it(runner, db):
    _set_external_id(db, "Lithuania to keep", "lrt/visas/001")
    result = runner.invoke(cli, ["search", "--db", str(db), "--article", "lrt/visas/001", "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 3 and {row["article_external_id"] for row in rows} == {"lrt/visas/001"}
    table = runner.invoke(cli, ["search", "--db", str(db), "--article", "lrt/visas/001", "--format", "table"],
                          env={"COLUMNS": "250"})
    assert "lrt/visas/001, LRT, 2017-06-12" in table.stdout
    unknown = runner.invoke(cli, ["export", "--db", str(db), "--article", "nope/1"])
    assert unknown.exit_code == 1 and unknown.stderr == "Error: no article with id or external id 'nope/1'\n"


def test_delete_an_article_then_undo(runner, db):
    _set_external_id(db, "Lithuania to keep", "lrt/visas/001")
    result = runner.invoke(cli, ["articles", "delete", "lrt/visas/001", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith('Deleted article #') and 'and 3 quotes (0 reviewed)' in result.stdout
    listed = runner.invoke(cli, ["articles", "--db", str(db), "--format", "jsonl"])
    assert "lrt/visas/001" not in listed.stdout
    undo = runner.invoke(cli, ["undo", "--db", str(db)])
    assert undo.exit_code == 0 and undo.stdout.startswith("Undid tester's deletion of article #")
    assert "lrt/visas/001" in runner.invoke(cli, ["articles", "--db", str(db), "--format", "jsonl"]).stdout
    missing = runner.invoke(cli, ["articles", "delete", "999", "--db", str(db)])
    assert missing.exit_code == 1 and missing.stderr == "Error: no article with id or external id '999'\n"


def test_reextract_keeps_the_reviewed_quotes(runner, db, quote_id):
    qid = quote_id(db, "We are just one")
    runner.invoke(cli, ["mark", "--db", str(db), str(qid), "verified", "--note", "on tape"])
    with Store(db) as store:
        article_id = store.quote(qid).article_id
    result = runner.invoke(cli, ["articles", "reextract", str(article_id), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Article #{article_id}: ") and " kept, " in result.stdout
    with Store(db) as store:
        kept = store.quote(qid)
    assert (kept.status, kept.note) == ("verified", "on tape")
