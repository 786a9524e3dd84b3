"""`quotecheck edit`, `add` and `delete` through the real command, each undone by `quotecheck undo`."""

from __future__ import annotations

from quotecheck.cli import cli
from quotecheck.store import Store


def _quote(db, qid):
    with Store(db) as store:
        return store.quote(qid)


def _run(runner, db, *args):
    return runner.invoke(cli, [args[0], "--db", str(db), *args[1:]])


def test_edit_speaker_role_and_kind_is_one_undoable_action(runner, db, quote_id):
    qid = quote_id(db, "Nobody should be persecuted")
    before = _quote(db, qid)
    result = _run(runner, db, "edit", str(qid), "--speaker", "Dalia Grybauskaitė", "--role", "the president",
                  "--kind", "partial")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"#{qid} speaker #") and result.stdout.endswith(
        'role "the minister" -> "the president"; kind "direct" -> "partial" (version 2)\n')  # fmt: skip
    record = _quote(db, qid)
    assert (record.speaker, record.role, record.kind) == ("Dalia Grybauskaitė", "the president", "partial")
    undo = _run(runner, db, "undo")
    assert undo.exit_code == 0 and f"quote #{qid}" in undo.stdout
    record = _quote(db, qid)
    assert (record.speaker, record.role, record.kind) == (before.speaker, "the minister", "direct")


def test_edit_span_narrows_to_the_words_quoted(runner, db, quote_id):
    qid = quote_id(db, "Nobody should be persecuted")
    before = _quote(db, qid)
    result = _run(runner, db, "edit", str(qid), "--end", str(before.end - 1))  # drop the trailing comma
    assert result.exit_code == 0, result.output
    assert result.stdout == f"#{qid} span {before.start}:{before.end} -> {before.start}:{before.end - 1} (version 2)\n"
    assert _quote(db, qid).text == "Nobody should be persecuted for who they love"


def test_edit_with_bad_input_is_one_line_and_changes_nothing(runner, db, quote_id):
    qid = quote_id(db, "Nobody should be persecuted")
    outside = _run(runner, db, "edit", str(qid), "--end", "99999")
    assert outside.exit_code == 1 and outside.stderr.count("\n") == 1
    assert outside.stderr.startswith(f"Error: span {_quote(db, qid).start}:99999 is outside article")
    nothing = _run(runner, db, "edit", str(qid))
    assert nothing.exit_code == 1 and nothing.stderr == "Error: nothing to change: give a speaker, a role, a kind or a span\n"
    missing = _run(runner, db, "edit", "999", "--kind", "direct")
    assert missing.exit_code == 1 and missing.stderr == "Error: no quote with id 999\n"
    assert _quote(db, qid).version == 1


def test_add_by_external_id_and_undo(runner, db):
    with Store(db) as store:
        store.db.execute("UPDATE articles SET external_id = 'lrt/visas/001' WHERE title LIKE 'Lithuania to keep%'")
        store.db.conn.commit()
        before = store.count_quotes()
        start = store.article(store.article_id("lrt/visas/001")).text.index("Lithuania to keep")
    result = _run(runner, db, "add", "lrt/visas/001", "--start", str(start), "--end", str(start + 36), "--speaker",
                  "LRT", "--speaker-type", "organisation", "--kind", "indirect")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith('Added #') and 'indirect quote "Lithuania to keep humanitarian visas" (LRT)' in (
        result.stdout)  # fmt: skip
    with Store(db) as store:
        assert store.count_quotes() == before + 1
    undo = _run(runner, db, "undo")
    assert undo.exit_code == 0, undo.output
    with Store(db) as store:
        assert store.count_quotes() == before


def test_add_to_an_unknown_article_or_bad_span_is_refused(runner, db):
    unknown = _run(runner, db, "add", "no/such/article", "--start", "0", "--end", "5")
    assert unknown.exit_code == 1 and unknown.stderr == "Error: no article with id or external id 'no/such/article'\n"
    backwards = _run(runner, db, "add", "1", "--start", "9", "--end", "5")
    assert backwards.exit_code == 1 and "span 9:5 is outside article 1" in backwards.stderr


def test_delete_then_undo_brings_the_quote_back(runner, db, quote_id):
    qid = quote_id(db, "talks with Canada")
    _run(runner, db, "mark", str(qid), "disputed")
    result = _run(runner, db, "delete", str(qid))
    assert result.exit_code == 0, result.output
    assert result.stdout == (f'Deleted #{qid}: indirect quote "talks with Canada about refugees were continuing" '
                             "(A diplomat who asked not to be named), article 2. `quotecheck undo` brings it back.\n")  # fmt: skip
    shown = _run(runner, db, "show", str(qid))
    assert shown.exit_code == 1 and shown.stderr == f"Error: no quote with id {qid}\n"
    undo = _run(runner, db, "undo")
    assert undo.stdout == (f"Undid tester's change to quote #{qid}: deleted quote 248:296 "
                           '"talks with Canada about refugees were continuing".\n')
    assert _quote(db, qid).status == "disputed"
    history = _run(runner, db, "show", str(qid))
    assert "deleted quote" in history.stdout and "undo: restored quote" in history.stdout
