"""Two writers on one file: optimistic versions, busy timeout instead of "database is locked"."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading

import pytest

from quotecheck.store import ConflictError, Store, StoreError, schema

from .builders import add_said


def test_a_stale_version_raises_conflict_naming_who_changed_it(db_path, store):
    _, quote = add_said(store, "Ann Lee", "words")
    with Store(db_path) as other:
        seen_by_ben = other.quote(quote.id)
        store.set_status(quote.id, "verified", reviewer="ana", expected_version=quote.version)
        with pytest.raises(ConflictError) as error:
            other.set_status(quote.id, "disputed", reviewer="ben", expected_version=seen_by_ben.version)
    message = str(error.value)
    assert "changed by ana" in message and "version 2" in message and "\n" not in message
    assert error.value.current.status == "verified" and error.value.current.version == 2
    assert store.quote(quote.id).status == "verified"
    assert [r.reviewer for r in store.history(quote.id)] == ["ana"]


def test_with_the_current_version_the_second_writer_succeeds(db_path, store):
    _, quote = add_said(store, "Ann Lee", "words")
    with Store(db_path) as other:
        first = store.set_status(quote.id, "verified", reviewer="ana", expected_version=1)
        second = other.set_rating(quote.id, "true", reviewer="ben", expected_version=first.version)
    assert (second.status, second.rating, second.version) == ("verified", "true", 3)


def test_conflict_checks_every_action(db_path, store):
    _, quote = add_said(store, "Ann Lee", "words")
    store.set_status(quote.id, "verified", reviewer="ana")
    for action in (
        lambda: store.set_rating(quote.id, "true", reviewer="ben", expected_version=1),
        lambda: store.annotate(quote.id, note="x", reviewer="ben", expected_version=1),
        lambda: store.mark(quote.id, "disputed", reviewer="ben", expected_version=1),
        lambda: store.reassign(quote.id, new_speaker_name="Bo Chan", reviewer="ben", expected_version=1),
    ):
        with pytest.raises(ConflictError):
            action()
    assert len(store.history(quote.id)) == 1


def test_a_writer_waits_for_a_lock_instead_of_failing(db_path, store):
    _, quote = add_said(store, "Ann Lee", "words")
    blocker = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")  # another process holding the write lock for a moment
    release = threading.Timer(0.5, blocker.execute, ["COMMIT"])
    release.start()
    try:
        updated = store.set_status(quote.id, "verified", reviewer="ana")
    finally:
        release.join()
        blocker.close()
    assert updated.status == "verified"


WRITER = textwrap.dedent(
    """
    import sys
    from quotecheck.store import Store
    from quotecheck.read.model import Article
    from quotecheck.extract.model import Quote
    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with Store(path) as store:
        print("ready", flush=True)
        for i in range(count):
            text = f'{name} said: "statement {i} from {name}"'
            words = f"statement {i} from {name}"
            start = text.index(words)
            quote = Quote(start, start + len(words), words, "direct", name, "person", None, 0, len(name), "said", 0.9)
            result = store.add_article(Article(text), [quote])
            q = store.article_quotes(result.article_id)[0]
            store.set_status(q.id, "verified", reviewer=name)
    """
)


def test_two_processes_writing_at_once_lose_nothing(db_path, store):
    count = 150
    other = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), "Bo Chan", str(count)],
                             stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert other.stdout.readline().strip() == "ready"  # both write from here on
    for i in range(count):
        _, quote = add_said(store, "Ann Lee", f"statement {i} from Ann Lee")
        store.set_status(quote.id, "disputed", reviewer="ana")
    assert other.wait(timeout=120) == 0
    other.stdout.close()
    assert store.count_quotes() == 2 * count
    assert store.count_reviewed() == 2 * count
    assert {s.name: s.quote_count for s in store.speakers()} == {"Ann Lee": count, "Bo Chan": count}
    assert len(store.speakers("Bo Chan")) == 1  # the other process's speaker, seen and matched here
    assert store.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 2 * count


def test_threads_can_share_one_store(store):
    errors = []

    def work(name):
        try:
            for i in range(20):
                _, quote = add_said(store, name, f"{name} {i}")
                store.set_status(quote.id, "verified", reviewer=name)
                store.quotes(limit=5)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(name,)) for name in ("Ann Lee", "Bo Chan", "Cy Dunn")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.count_reviewed() == 60


def test_a_lock_held_past_the_busy_timeout_is_a_one_line_error(db_path, monkeypatch):
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 200)
    with Store(db_path) as store:
        _, quote = add_said(store, "Ann Lee", "words")
        blocker = sqlite3.connect(db_path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError, match="locked by another writer") as error:
                store.set_status(quote.id, "verified", reviewer="ana")
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert "\n" not in str(error.value)
        assert store.set_status(quote.id, "verified", reviewer="ana").status == "verified"  # fine once released
