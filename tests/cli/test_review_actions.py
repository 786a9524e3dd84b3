import pytest

from quotecheck.cli import cli
from quotecheck.store import Store


def _quote(db, qid):
    with Store(db) as store:
        return store.quote(qid)


def test_mark_several_quotes_with_rating_note_and_evidence(runner, db, quote_id):
    first, second = quote_id(db, "We are just one"), quote_id(db, "It's not sufficient")
    options = ["--rating", "mostly-true", "--note", "Matches the video", "--evidence", "https://example.org/v"]
    result = runner.invoke(cli, ["mark", "--db", str(db), str(first), str(second), "verified", *options])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"#{first} verified, rated mostly-true (version 2)",
        f"#{second} verified, rated mostly-true (version 2)",
    ]
    record = _quote(db, second)
    assert (record.status, record.rating, record.note, record.evidence_url, record.reviewer) == (
        "verified", "mostly-true", "Matches the video", "https://example.org/v", "tester")  # fmt: skip


def test_reviewer_option_beats_the_environment(runner, db, quote_id):
    qid = quote_id(db, "We are just one")
    runner.invoke(cli, ["mark", "--db", str(db), str(qid), "disputed", "--reviewer", "eva"])
    assert _quote(db, qid).reviewer == "eva"


def test_login_name_when_nothing_else(runner, db, monkeypatch, quote_id):
    monkeypatch.delenv("QUOTECHECK_REVIEWER")
    monkeypatch.setattr("getpass.getuser", lambda: "login-name")
    qid = quote_id(db, "We are just one")
    runner.invoke(cli, ["mark", "--db", str(db), str(qid), "disputed"])
    assert _quote(db, qid).reviewer == "login-name"


def test_unknown_ids_are_reported_and_the_rest_marked(runner, db, quote_id):
    qid = quote_id(db, "We are just one")
    result = runner.invoke(cli, ["mark", "--db", str(db), "999", str(qid), "unverifiable"])
    assert result.exit_code == 1
    assert result.stderr == "Error: no quote with id 999\n"
    assert _quote(db, qid).status == "unverifiable"


def test_invalid_status_and_rating_are_friendly(runner, db):
    bad_status = runner.invoke(cli, ["mark", "--db", str(db), "1", "fine"])
    assert bad_status.exit_code == 2
    assert "Invalid value for 'STATUS': 'fine' is not a quote id, nor one of 'unreviewed', 'verified'" in (
        bad_status.stderr)  # fmt: skip
    bad_rating = runner.invoke(cli, ["mark", "--db", str(db), "1", "verified", "--rating", "pants-on-fire"])
    assert bad_rating.exit_code == 2 and "Invalid value for '--rating'" in bad_rating.stderr
    assert _quote(db, 1).status == "unreviewed"


def test_rating_none_clears_it(runner, db, quote_id):
    qid = quote_id(db, "We are just one")
    runner.invoke(cli, ["mark", "--db", str(db), str(qid), "verified", "--rating", "false"])
    result = runner.invoke(cli, ["mark", "--db", str(db), str(qid), "verified", "--rating", "none"])
    assert result.stdout == f"#{qid} verified (version 3)\n"
    assert _quote(db, qid).rating is None


def test_undo_reverses_your_latest_action_across_runs(runner, db, quote_id):
    qid = quote_id(db, "We are just one")
    runner.invoke(cli, ["mark", "--db", str(db), str(qid), "disputed"])
    runner.invoke(cli, ["mark", "--db", str(db), str(qid), "verified", "--rating", "true"])

    result = runner.invoke(cli, ["undo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Undid tester's change to quote #{qid}: status disputed -> verified; rating none -> true.\n"
    )
    assert (_quote(db, qid).status, _quote(db, qid).rating) == ("disputed", None)


def test_undo_refuses_cleanly_when_someone_changed_the_quote_since(runner, db, quote_id):
    qid = quote_id(db, "We are just one")
    runner.invoke(cli, ["mark", "--db", str(db), str(qid), "verified", "--rating", "true"])
    runner.invoke(cli, ["mark", "--db", str(db), str(qid), "misquoted", "--reviewer", "eva"])
    result = runner.invoke(cli, ["undo", "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot undo status on quote {qid}: changed since by eva at ")
    assert (_quote(db, qid).status, _quote(db, qid).rating) == ("misquoted", "true")


def test_undo_of_anyone_and_nothing_left(runner, db, quote_id):
    qid = quote_id(db, "We are just one")
    runner.invoke(cli, ["mark", "--db", str(db), str(qid), "disputed", "--reviewer", "eva"])
    assert runner.invoke(cli, ["undo", "--db", str(db)]).stdout == "Nothing to undo.\n"
    anyone = runner.invoke(cli, ["undo", "--db", str(db), "--anyone"])
    assert anyone.stdout == f"Undid eva's change to quote #{qid}: status unreviewed -> disputed.\n"
    assert _quote(db, qid).status == "unreviewed"
    assert runner.invoke(cli, ["undo", "--db", str(db), "--anyone"]).stdout == "Nothing to undo.\n"


def test_replacing_another_reviewers_verdict_says_whose_it_was(runner, db, quote_id):
    qid = quote_id(db, "We are just one")
    runner.invoke(cli, ["mark", "--db", str(db), "--reviewer", "ana", str(qid), "disputed"])
    mine = runner.invoke(cli, ["mark", "--db", str(db), "--reviewer", "ben", str(qid), "verified"])
    assert mine.exit_code == 0 and mine.stdout == f"#{qid} verified (version 3), replacing ana's verdict disputed\n"
    again = runner.invoke(cli, ["mark", "--db", str(db), "--reviewer", "ben", str(qid), "misquoted"])
    assert again.stdout == f"#{qid} misquoted (version 4)\n"  # my own verdict: nothing to say


def test_expect_version_refuses_a_quote_changed_since(runner, db, quote_id):
    qid = quote_id(db, "We are just one")
    runner.invoke(cli, ["mark", "--db", str(db), "--reviewer", "ana", str(qid), "disputed"])
    stale = runner.invoke(cli, ["mark", "--db", str(db), "--expect-version", "1", str(qid), "verified"])
    assert stale.exit_code == 1
    assert stale.stderr.startswith(f"Error: quote {qid} was changed by ana") and "you had 1" in stale.stderr
    assert _quote(db, qid).status == "disputed"
    current = runner.invoke(cli, ["mark", "--db", str(db), "--expect-version", "2", str(qid), "verified"])
    assert current.exit_code == 0 and _quote(db, qid).status == "verified"
    several = runner.invoke(cli, ["mark", "--db", str(db), "--expect-version", "3", str(qid), "1", "verified"])
    assert several.exit_code == 1 and "one QUOTE_ID" in several.stderr


def test_mark_a_rating_or_note_without_restating_the_status(runner, db, quote_id):
    qid = quote_id(db, "We are just one")
    runner.invoke(cli, ["mark", "--db", str(db), str(qid), "disputed", "--reviewer", "ana"])
    rated = runner.invoke(cli, ["mark", "--db", str(db), str(qid), "--rating", "half-true", "--note", "see the tape"])
    assert rated.exit_code == 0, rated.output
    assert rated.stdout == f"#{qid} disputed, rated half-true (version 3)\n"  # not "replacing ana's verdict"
    record = _quote(db, qid)
    assert (record.status, record.rating, record.note) == ("disputed", "half-true", "see the tape")
    cleared = runner.invoke(cli, ["mark", "--db", str(db), str(qid), "--rating", "none"])
    assert cleared.exit_code == 0 and _quote(db, qid).rating is None
    backwards = runner.invoke(cli, ["mark", "--db", str(db), "verified", str(qid)])
    assert backwards.exit_code == 2 and "the STATUS (verified) goes after the quote ids" in backwards.stderr
    nothing = runner.invoke(cli, ["mark", "--db", str(db), str(qid)])
    assert nothing.exit_code == 2 and "nothing to mark: give a STATUS, --rating, --note or --evidence" in nothing.stderr


@pytest.mark.parametrize("url", ["javascript:alert(1)", "example.org/page", "ftp://example.org/x"])
def test_evidence_must_be_an_http_link(runner, db, quote_id, url):
    qid = quote_id(db, "We are just one")
    result = runner.invoke(cli, ["mark", "--db", str(db), str(qid), "verified", "--evidence", url])
    assert result.exit_code == 1
    assert result.stderr == f"Error: the evidence link must be an http:// or https:// URL without spaces, not '{url}'\n"
    assert _quote(db, qid).version == 1


def test_mark_all_of_an_article_asks_counts_and_undoes_as_one(runner, db, quote_id):
    with Store(db) as store:
        article_id = _quote(db, quote_id(db, "talks with Canada")).article_id
        ids = [record.id for record in store.article_quotes(article_id)]
    declined = runner.invoke(cli, ["mark-all", "--db", str(db), "verified", "--article", str(article_id)], input="n\n")
    assert declined.exit_code == 1 and f"Mark {len(ids)} quotes verified? [y/N]" in declined.stderr
    assert {_quote(db, i).status for i in ids} == {"unreviewed"}
    result = runner.invoke(cli, ["mark-all", "--db", str(db), "verified", "--article", str(article_id)], input="y\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Marked {len(ids)} quotes verified ({len(ids)} changed); `quotecheck undo` reverses it.\n"
    assert {_quote(db, i).status for i in ids} == {"verified"}
    undo = runner.invoke(cli, ["undo", "--db", str(db)])
    assert undo.stdout == f"Undid tester's change to {len(ids)} quotes: status unreviewed -> verified.\n"
    assert {_quote(db, i).status for i in ids} == {"unreviewed"}


def test_mark_all_of_a_speaker_with_yes_and_an_empty_filter(runner, db):
    result = runner.invoke(cli, ["mark-all", "--db", str(db), "disputed", "--speaker", "Mallory Hacker", "--yes"])
    assert result.stdout == "Marked 1 quote disputed (1 changed); `quotecheck undo` reverses it.\n"
    none = runner.invoke(cli, ["mark-all", "--db", str(db), "disputed", "--speaker", "Nobody Atall", "--yes"])
    assert none.stdout == "No quote matches; nothing marked.\n"
