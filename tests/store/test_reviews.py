"""Review actions: one transaction, one history row per change, undo that survives restarts."""

from __future__ import annotations

import sqlite3

import pytest

from quotecheck.store import ConflictError, NotFound, QuoteFilter, Store, StoreError, default_reviewer

from .builders import add_said


@pytest.fixture
def quote(store):
    return add_said(store, "Ann Lee", "We will not accept refugees")[1]


def test_set_status_updates_the_quote_and_appends_history(store, quote):
    updated = store.set_status(quote.id, "verified", reviewer="ana")
    assert (updated.status, updated.version, updated.reviewer) == ("verified", 2, "ana")
    assert updated.updated_at
    [row] = store.history(quote.id)
    assert (row.action, row.reviewer, row.old_status, row.new_status, row.quote_id) == (
        "status", "ana", "unreviewed", "verified", quote.id)  # fmt: skip


def test_every_kind_of_change_is_recorded_with_before_and_after(store, quote):
    store.set_rating(quote.id, "mostly-false", reviewer="ana")
    store.set_rating(quote.id, None, reviewer="ana")
    store.annotate(quote.id, note="first note", reviewer="ben")
    store.annotate(quote.id, note="second note", evidence_url="https://evidence.example/1", reviewer="ben")
    rows = store.history(quote.id)
    assert [(r.action, r.old_rating, r.new_rating) for r in rows[:2]] == [
        ("rating", None, "mostly-false"), ("rating", "mostly-false", None)]  # fmt: skip
    assert [(r.action, r.old_note, r.note) for r in rows[2:4]] == [
        ("note", None, "first note"), ("note", "first note", "second note")]  # fmt: skip
    assert (rows[4].action, rows[4].old_evidence_url, rows[4].evidence_url) == (
        "evidence", None, "https://evidence.example/1")  # fmt: skip
    current = store.quote(quote.id)
    assert (current.note, current.evidence_url, current.rating, current.version) == (
        "second note", "https://evidence.example/1", None, 5)  # fmt: skip


def test_mark_is_one_action_with_one_row_per_change(store, quote):
    marked = store.mark(quote.id, "disputed", rating="false", note="says 'never'", evidence_url="https://x.example",
                        reviewer="ana")  # fmt: skip
    assert (marked.status, marked.rating, marked.note, marked.evidence_url, marked.version) == (
        "disputed", "false", "says 'never'", "https://x.example", 2)  # fmt: skip
    rows = store.history(quote.id)
    assert [r.action for r in rows] == ["status", "rating", "note", "evidence"]
    assert len({r.batch for r in rows}) == 1


def test_a_change_to_the_same_value_writes_nothing(store, quote):
    store.set_status(quote.id, "verified", reviewer="ana")
    again = store.set_status(quote.id, "verified", reviewer="ben")
    assert again.version == 2 and again.reviewer == "ana"
    assert len(store.history(quote.id)) == 1


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda s, q: s.set_status(q, "fine", reviewer="ana"), "unknown status"),
        (lambda s, q: s.set_rating(q, "pants-on-fire", reviewer="ana"), "unknown rating"),
        (lambda s, q: s.mark(q, "verified", rating="meh", reviewer="ana"), "unknown rating"),
        (lambda s, q: s.set_status(q, "verified", reviewer="  "), "reviewer"),
        (lambda s, q: s.reassign(q, reviewer="ana"), "exactly one"),
        (lambda s, q: s.reassign(q, new_speaker_name="X Y", new_speaker_type="alien", reviewer="ana"), "speaker type"),
        (lambda s, q: s.annotate(q, note="bytes \udcff from argv", reviewer="ana"), "invalid Unicode"),
        (lambda s, q: s.set_status(q, "verified", reviewer="an\udcffa"), "invalid Unicode"),
        (lambda s, q: s.reassign(q, new_speaker_name="X \udcff Y", reviewer="ana"), "invalid Unicode"),
    ],
)
def test_invalid_actions_change_nothing(store, quote, call, message):
    with pytest.raises(StoreError, match=message):
        call(store, quote.id)
    assert store.quote(quote.id).version == 1 and store.history(quote.id) == []


def test_unknown_quote(store):
    with pytest.raises(NotFound, match="no quote with id 999"):
        store.set_status(999, "verified", reviewer="ana")
    with pytest.raises(NotFound):
        store.history(999)


def test_reassign_to_an_existing_speaker_and_to_a_new_name(store, quote):
    _, other = add_said(store, "Bo Chan", "something else")
    moved = store.reassign(quote.id, speaker_id=other.speaker_id, reviewer="ana")
    assert (moved.speaker_id, moved.speaker) == (other.speaker_id, "Bo Chan")
    assert store.speaker(quote.speaker_id).quote_count == 0 and store.speaker(other.speaker_id).quote_count == 2
    renamed = store.reassign(quote.id, new_speaker_name="Linas Linkevičius", reviewer="ana")
    assert renamed.speaker == "Linas Linkevičius" and renamed.speaker_type == "person"
    again = store.reassign(quote.id, new_speaker_name="Linas Linkevicius", reviewer="ana")  # finds, not creates
    assert again.speaker_id == renamed.speaker_id and again.version == renamed.version
    rows = store.history(quote.id)
    assert [(r.action, r.old_speaker_id, r.new_speaker_id) for r in rows] == [
        ("reassign", quote.speaker_id, other.speaker_id), ("reassign", other.speaker_id, renamed.speaker_id)]
    # full-text search follows the speaker
    assert [q.id for q in store.quotes(QuoteFilter(text="Linkevicius refugees"))] == [quote.id]
    assert store.quotes(QuoteFilter(text="Lee refugees")) == []


def test_reassign_to_a_missing_speaker(store, quote):
    with pytest.raises(NotFound):
        store.reassign(quote.id, speaker_id=12345, reviewer="ana")


def test_undo_reverses_the_latest_action_step_by_step(store, quote):
    store.set_status(quote.id, "verified", reviewer="ana")
    store.mark(quote.id, "disputed", rating="false", note="n", reviewer="ana")
    undone = store.undo()
    assert undone.action == "status" and undone.new_status == "disputed" and undone.undone_by is not None
    current = store.quote(quote.id)
    assert (current.status, current.rating, current.note) == ("verified", None, None)
    store.undo()
    assert store.quote(quote.id).status == "unreviewed"
    assert store.undo() is None
    actions = [r.action for r in store.history(quote.id)]
    assert actions == ["status", "status", "rating", "note", "undo", "undo", "undo", "undo"]
    undo_rows = [r for r in store.history(quote.id) if r.action == "undo"]
    assert all(r.undoes is not None for r in undo_rows)


def test_undo_works_after_reopening_the_database(db_path, quote):
    with Store(db_path) as first:
        first.mark(quote.id, "misquoted", rating="half-true", reviewer="ana")
    with Store(db_path) as second:
        second.undo()
        current = second.quote(quote.id)
        assert (current.status, current.rating) == ("unreviewed", None)


def test_undo_by_reviewer_leaves_other_peoples_work(store, quote):
    _, other = add_said(store, "Bo Chan", "another")
    store.set_status(quote.id, "verified", reviewer="ana")
    store.set_status(other.id, "disputed", reviewer="ben")
    undone = store.undo(reviewer="ana")
    assert undone.quote_id == quote.id
    assert store.quote(quote.id).status == "unreviewed" and store.quote(other.id).status == "disputed"
    assert store.undo(reviewer="ana") is None
    assert store.history(quote.id)[-1].reviewer == "ana"


def test_undo_refuses_to_overwrite_a_later_change_by_someone_else(store, quote):
    store.set_status(quote.id, "verified", reviewer="ana")
    store.set_rating(quote.id, "true", reviewer="ben")
    store.set_status(quote.id, "disputed", reviewer="ben")
    store.undo(reviewer="ben")  # ben's status change
    store.undo(reviewer="ben")  # ben's rating
    store.set_status(quote.id, "unverifiable", reviewer="ben")
    with pytest.raises(ConflictError, match="changed since by ben") as error:
        store.undo(reviewer="ana")
    assert error.value.current.status == "unverifiable"
    assert store.quote(quote.id).status == "unverifiable"


def test_undo_of_a_reassign_restores_the_speaker(store, quote):
    store.reassign(quote.id, new_speaker_name="Bo Chan", reviewer="ana")
    store.undo()
    assert store.quote(quote.id).speaker == "Ann Lee"
    assert store.speakers("Ann Lee")[0].quote_count == 1


def test_undo_of_a_merge_splits_the_speakers_again(store):
    _, a = add_said(store, "Ann Lee", "one")
    _, b = add_said(store, "Anne Leigh", "two")
    store.merge_speakers(a.speaker_id, b.speaker_id, reviewer="ana")
    undone = store.undo()
    assert undone.action == "merge"
    assert store.quote(b.id).speaker_id == b.speaker_id and store.quote(b.id).speaker == "Anne Leigh"
    assert store.speaker(b.speaker_id).merged_into is None
    assert "Anne Leigh" not in store.speaker(a.speaker_id).aliases
    assert sorted(s.name for s in store.speakers()) == ["Ann Lee", "Anne Leigh"]
    result, _ = add_said(store, "Anne Leigh", "three")
    assert result.speakers_new == 0 and store.speaker(b.speaker_id).quote_count == 2


def test_undo_of_a_rename(store, quote):
    store.rename_speaker(quote.speaker_id, "Ann B. Lee", reviewer="ana")
    store.undo()
    speaker = store.speaker(quote.speaker_id)
    assert speaker.name == "Ann Lee" and "Ann Lee" not in speaker.aliases
    assert store.quote(quote.id).speaker == "Ann Lee"


def test_history_is_append_only_in_the_file(db_path, store, quote):
    store.set_status(quote.id, "verified", reviewer="ana")
    store.undo()
    conn = sqlite3.connect(db_path)
    sql = "SELECT action, old_status, new_status, undone_by IS NOT NULL FROM reviews ORDER BY id"
    rows = conn.execute(sql).fetchall()
    assert rows == [("status", "unreviewed", "verified", 1), ("undo", "verified", "unreviewed", 0)]


def test_default_reviewer(monkeypatch):
    monkeypatch.setenv("QUOTECHECK_REVIEWER", "  carla ")
    assert default_reviewer() == "carla"
    monkeypatch.delenv("QUOTECHECK_REVIEWER")
    assert default_reviewer()
