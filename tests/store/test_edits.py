"""Edits of a quote (speaker, role, kind, span), quotes added by hand and deleted, bulk verdicts: each one
transaction kept in the history, each undone by one undo."""

from __future__ import annotations

import pytest

from quotecheck.read.model import Article
from quotecheck.store import ConflictError, NotFound, QuoteFilter, Store, StoreError
from quotecheck.store import schema

from .builders import add_said, quote_in

TEXT = 'Ann Lee, the mayor, said: "We will build it. Soon." Critics disagreed.'


@pytest.fixture
def quote(store):
    result = store.add_article(
        Article(text=TEXT, title="Bridge", published="2024-05-01"),
        [quote_in(TEXT, "We will build it. Soon.", speaker="Ann Lee", mention="Ann Lee", role="the mayor")],
    )
    return store.article_quotes(result.article_id)[0]


def _integrity(store):
    assert store.integrity_problems() == []
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_role_kind_and_span_change_in_one_action_and_one_undo(store, quote):
    start = TEXT.index("We will build it")
    edited = store.edit_quote(quote.id, role="the former mayor", kind="partial", span=(start, start + 16),
                              reviewer="ana")  # fmt: skip
    assert (edited.role, edited.kind, edited.text, edited.start, edited.end, edited.version) == (
        "the former mayor", "partial", "We will build it", start, start + 16, 2)  # fmt: skip
    rows = store.history(quote.id)
    assert [(r.action, r.old_value, r.new_value) for r in rows] == [
        ("role", "the mayor", "the former mayor"), ("kind", "direct", "partial"),
        ("span", f"[{start}, {quote.end}]", f"[{start}, {start + 16}]"),
    ]  # fmt: skip
    assert len({r.batch for r in rows}) == 1
    # search follows the new words: "Soon" is no longer in the quote
    assert store.count_quotes(QuoteFilter(text="soon")) == 0
    store.undo(reviewer="ana")
    back = store.quote(quote.id)
    assert (back.role, back.kind, back.text, back.start, back.end) == (
        "the mayor", "direct", quote.text, quote.start, quote.end)  # fmt: skip
    assert store.count_quotes(QuoteFilter(text="soon")) == 1
    _integrity(store)


def test_an_empty_role_removes_it_and_a_speaker_can_be_named(store, quote):
    edited = store.edit_quote(quote.id, role="  ", new_speaker_name="Bo  Chan", reviewer="ana")
    assert edited.role is None and edited.speaker == "Bo Chan"
    assert [r.action for r in store.history(quote.id)] == ["reassign", "role"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({}, "nothing to change"),
        ({"kind": "rumour"}, "unknown kind 'rumour'"),
        ({"span": (5, 500)}, "span 5:500 is outside article"),
        ({"span": (9, 9)}, "span 9:9 is outside article"),
        ({"span": (8, 9)}, "span 8:9 holds no words"),
        ({"speaker_id": 1, "new_speaker_name": "Bo"}, "by id or by name, not both"),
    ],
)
def test_bad_edits_are_refused_and_change_nothing(store, quote, changes, message):
    with pytest.raises(StoreError, match=message):
        store.edit_quote(quote.id, reviewer="ana", **changes)
    assert store.quote(quote.id) == quote and store.history(quote.id) == []


def test_an_edit_of_a_quote_changed_since_is_a_conflict(store, quote):
    store.set_status(quote.id, "verified", reviewer="ben")
    with pytest.raises(ConflictError, match="changed by ben"):
        store.edit_quote(quote.id, kind="partial", reviewer="ana", expected_version=1)
    assert store.quote(quote.id).kind == "direct"


def test_a_missed_quote_is_added_with_its_speaker_and_undone(store, quote):
    start = TEXT.index("Critics disagreed")
    added = store.add_quote(quote.article_id, start, start + 17, kind="indirect", speaker_name="critics",
                            speaker_type="anonymous", role=" ", reviewer="ana")  # fmt: skip
    assert (added.text, added.kind, added.speaker, added.speaker_scope, added.role) == (
        "Critics disagreed", "indirect", "critics", "article", None)  # fmt: skip
    assert (added.confidence, added.rule, added.published, added.reviewer) == (
        1.0, "added-by-reviewer", "2024-05-01", "ana")  # fmt: skip
    [row] = store.history(added.id)
    assert row.action == "add" and '"text": "Critics disagreed"' in row.new_value
    assert store.count_quotes(QuoteFilter(text="critics disagreed")) == 1
    store.undo(reviewer="ana")
    with pytest.raises(NotFound):
        store.quote(added.id)
    assert store.count_quotes() == 1 and store.count_quotes(QuoteFilter(text="disagreed")) == 0
    _integrity(store)


@pytest.mark.parametrize(
    ("span", "message"),
    [((0, 999), "outside article"), ("same", "already covers")],
)
def test_a_bad_or_duplicate_added_quote_is_refused(store, quote, span, message):
    start, end = (quote.start, quote.end) if span == "same" else span
    with pytest.raises(StoreError, match=message):
        store.add_quote(quote.article_id, start, end, reviewer="ana")
    assert store.count_quotes() == 1


def test_undoing_an_add_refuses_once_someone_reviewed_the_quote(store, quote):
    start = TEXT.index("Critics")
    added = store.add_quote(quote.article_id, start, start + 7, reviewer="ana")
    store.set_status(added.id, "verified", reviewer="ben")
    store.undo(reviewer="ben")
    with pytest.raises(StoreError, match="changed since by ben"):
        store.undo(reviewer="ana")  # ben's undo is the latest change: ana's add stays until ben's work is gone
    assert store.quote(added.id).text == "Critics"


def test_a_deleted_quote_keeps_its_history_and_comes_back_on_undo(store, quote):
    speaker = store.speaker(quote.speaker_id)
    store.mark(quote.id, "misquoted", note="not in the recording", reviewer="ben")
    store.delete_quote(quote.id, reviewer="ana")
    with pytest.raises(NotFound):
        store.quote(quote.id)
    assert store.count_quotes() == 0 and store.count_quotes(QuoteFilter(text="build")) == 0
    assert store.speaker(speaker.id).quote_count == 0
    store.undo(reviewer="ana")
    back = store.quote(quote.id)
    assert (back.text, back.status, back.note, back.version) == (quote.text, "misquoted", "not in the recording", 3)
    assert [r.action for r in store.history(quote.id)] == ["status", "note", "delete", "undo"]
    assert store.speaker(speaker.id).quote_count == 1 and store.count_quotes(QuoteFilter(text="build")) == 1
    _integrity(store)


def test_undo_of_a_change_to_a_quote_deleted_since_refuses_in_one_line(store, quote):
    store.set_status(quote.id, "verified", reviewer="ben")
    store.delete_quote(quote.id, reviewer="ana")
    with pytest.raises(StoreError, match=f"cannot undo status on quote {quote.id}: the quote was deleted since"):
        store.undo(reviewer="ben")


def test_a_new_quote_never_takes_a_deleted_quotes_id_or_history(store, quote):
    start = TEXT.index("Critics")
    added = store.add_quote(quote.article_id, start, start + 7, reviewer="ana")
    store.delete_quote(added.id, reviewer="ana")
    again = store.add_quote(quote.article_id, start, start + 7, reviewer="ana")
    assert again.id > added.id and [r.action for r in store.history(again.id)] == ["add"]


def test_an_ingested_quote_never_takes_a_deleted_quotes_id(store, quote):
    store.set_status(quote.id, "verified", reviewer="ben")
    store.delete_quote(quote.id, reviewer="ana")
    _, ingested = add_said(store, "Cy Doe", "Fresh words")  # above every id the history names
    assert ingested.id > quote.id and store.history(ingested.id) == []
    store.undo(reviewer="ana")
    assert store.quote(quote.id).status == "verified" and store.quote(ingested.id).text == "Fresh words"


def test_bulk_verdict_is_one_action(store, quote):
    others = [add_said(store, "Ann Lee", f"Words {n}")[1] for n in range(3)]
    ids = [quote.id, *(o.id for o in others)]
    store.set_status(others[0].id, "verified", reviewer="ana")
    assert store.mark_many(ids, "disputed", rating="false", reviewer="ana") == 4
    assert {store.quote(i).status for i in ids} == {"disputed"}
    store.undo(reviewer="ana")
    assert [store.quote(i).status for i in ids] == ["unreviewed", "verified", "unreviewed", "unreviewed"]
    assert {store.quote(i).rating for i in ids} == {None}


def test_bulk_verdict_with_a_missing_id_writes_nothing(store, quote):
    with pytest.raises(NotFound):
        store.mark_many([quote.id, 999], "verified", reviewer="ana")
    assert store.quote(quote.id).status == "unreviewed" and store.history(quote.id) == []


def test_mark_without_a_status_keeps_it(store, quote):
    store.mark(quote.id, "verified", reviewer="ana")
    rated = store.mark(quote.id, rating="half-true", note="context missing", reviewer="ana")
    assert (rated.status, rated.rating, rated.note) == ("verified", "half-true", "context missing")
    with pytest.raises(StoreError, match="nothing to mark"):
        store.mark(quote.id, reviewer="ana")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://x.example/a", "example.org", "https://x.example/a b"])
def test_evidence_must_be_an_http_link_in_every_review_action(store, quote, url):
    for write in (
        lambda: store.mark(quote.id, "verified", evidence_url=url, reviewer="ana"),
        lambda: store.annotate(quote.id, evidence_url=url, reviewer="ana"),
        lambda: store.mark_many([quote.id], evidence_url=url, reviewer="ana"),
    ):
        with pytest.raises(StoreError, match=r"^the evidence link must be an http:// or https:// URL"):
            write()
    assert store.history(quote.id) == []


def test_v3_database_upgrades_with_its_history_and_deletes_work(tmp_path):
    path3 = tmp_path / "v3-data.db"
    db = schema.connect(path3)
    schema.migrate(db, target=3)
    db.execute("INSERT INTO articles (id, text, sha256, ingested_at) VALUES (1, 'Ann said: \"Hi there\"', 'x', 't')")
    db.execute('INSERT INTO quotes (id, article_id, "start", "end", text, kind) VALUES (1, 1, 11, 19, \'Hi there\', '
               "'direct')")  # fmt: skip
    db.execute("UPDATE quotes SET status = 'verified', version = 2 WHERE id = 1")
    db.execute("INSERT INTO reviews (batch, quote_id, reviewer, action, old_status, new_status, at)"
               " VALUES (1, 1, 'ana', 'status', 'unreviewed', 'verified', 't')")  # fmt: skip
    db.conn.commit()
    db.close()
    with Store(path3) as store:
        assert schema.schema_version(store.db) == schema.SCHEMA_VERSION
        assert [(r.action, r.new_status) for r in store.history(1)] == [("status", "verified")]
        indexes = {tuple(index.columns) for index in store.db["reviews"].indexes}
        assert {("quote_id", "id"), ("speaker_id",), ("batch",), ("reviewer", "id")} <= indexes
        store.delete_quote(1, reviewer="ben")
        store.undo(reviewer="ben")
        assert store.quote(1).status == "verified"
        store.undo(reviewer="ana")
        assert store.quote(1).status == "unreviewed"
        _integrity(store)


@pytest.mark.parametrize(
    ("typed", "speaker_type", "stored"),
    [
        ("mary o'neil-smith", "person", "Mary O'Neil-Smith"),
        ("ursula von der leyen", "person", "Ursula von der Leyen"),
        ("McDonald", "person", "McDonald"),  # a capital typed: left as typed
        ("a spokesman", "person", "a spokesman"),  # a description keeps its lower case
        ("the port authority", "organisation", "the port authority"),
    ],
)
def test_a_typed_new_speaker_name_gets_its_capitals(store, quote, typed, speaker_type, stored):
    edited = store.edit_quote(quote.id, new_speaker_name=typed, new_speaker_type=speaker_type, reviewer="ana")
    assert edited.speaker == stored
