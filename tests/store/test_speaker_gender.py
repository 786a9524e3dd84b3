"""A person's gender on their speaker row: from the article, else the first name; a reviewer's word is final."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3

import pytest

from quotecheck.read.model import Article
from quotecheck.store import Store, StoreError
from quotecheck.store import schema

from .builders import add_said, quote_in
from .test_schema import FIXTURE_V1


def add_with_gender(store: Store, speaker: str, words: str, gender: str | None, source: str | None, **kind):
    text = f'{speaker} said: "{words}"'
    quote = dataclasses.replace(
        quote_in(text, words, speaker=speaker, mention=speaker, **kind),
        speaker_gender=gender, speaker_gender_source=source,
    )  # fmt: skip
    result = store.add_article(Article(text=text), [quote])
    return store.article_quotes(result.article_id)[0].speaker_id


def gender_of(store: Store, speaker_id: int) -> tuple[str | None, str | None]:
    speaker = store.speaker(speaker_id)
    return speaker.gender, speaker.gender_source


def test_a_new_person_gets_their_first_names_gender(store):
    _, record = add_said(store, "Maria Lopez", "one")
    assert gender_of(store, record.speaker_id) == ("female", "first-name")
    _, record = add_said(store, "Lopez", "two")  # one word: nothing to go on
    assert gender_of(store, record.speaker_id) == (None, None)


def test_no_gender_for_organisations_or_anonymous_sources(store):
    for name, type_ in (("Maria Lopez Foundation", "organisation"), ("a source close to Maria", "anonymous")):
        speaker_id = add_with_gender(store, name, "words", "female", "article", speaker_type=type_)
        assert gender_of(store, speaker_id) == (None, None)


def test_the_articles_word_replaces_the_first_names_and_the_first_article_keeps_it(store):
    speaker_id = add_with_gender(store, "Quill Lopez", "one", None, None)
    assert gender_of(store, speaker_id) == (None, None)
    add_with_gender(store, "Quill Lopez", "two", "male", "first-name")
    assert gender_of(store, speaker_id) == ("male", "first-name")
    add_with_gender(store, "Quill Lopez", "three", "female", "article")
    assert gender_of(store, speaker_id) == ("female", "article")
    add_with_gender(store, "Quill Lopez", "four", "male", "article")  # as strong as the stored one: kept
    add_with_gender(store, "Quill Lopez", "five", "male", "first-name")
    assert gender_of(store, speaker_id) == ("female", "article")


def test_a_reviewer_sets_and_clears_it_ingest_never_overrides_and_undo_puts_it_back(store):
    speaker_id = add_with_gender(store, "Quill Lopez", "one", "male", "article")
    assert gender_of(store, store.set_speaker_gender(speaker_id, "female", reviewer="ann").id) == ("female", "reviewer")
    add_with_gender(store, "Quill Lopez", "two", "male", "article")
    assert gender_of(store, speaker_id) == ("female", "reviewer")
    store.set_speaker_gender(speaker_id, None, reviewer="ann")
    assert gender_of(store, speaker_id) == (None, "reviewer")
    add_with_gender(store, "Quill Lopez", "three", "male", "article")
    assert gender_of(store, speaker_id) == (None, "reviewer")
    assert [r.action for r in store.speaker_history(speaker_id)] == ["gender", "gender"]
    store.undo(reviewer="ann")
    assert gender_of(store, speaker_id) == ("female", "reviewer")
    store.undo(reviewer="ann")
    assert gender_of(store, speaker_id) == ("male", "article")


def test_setting_the_same_gender_again_writes_no_history(store):
    speaker_id = add_with_gender(store, "Quill Lopez", "one", None, None)
    store.set_speaker_gender(speaker_id, "male", reviewer="ann")
    store.set_speaker_gender(speaker_id, "male", reviewer="ann")
    assert len(store.speaker_history(speaker_id)) == 1


def test_undo_refuses_when_the_gender_changed_since(store):
    speaker_id = add_with_gender(store, "Quill Lopez", "one", None, None)
    store.set_speaker_gender(speaker_id, "male", reviewer="ann")
    store.set_speaker_gender(speaker_id, "female", reviewer="ben")
    store.undo(reviewer="ben")
    store.db.execute("UPDATE speakers SET gender = 'female' WHERE id = ?", [speaker_id])  # someone else's write
    with pytest.raises(StoreError, match="changed since"):
        store.undo(reviewer="ann")
    assert gender_of(store, speaker_id) == ("female", "reviewer")


@pytest.mark.parametrize("gender", ["woman", "unknown", ""])
def test_only_female_or_male(store, gender):
    speaker_id = add_with_gender(store, "Quill Lopez", "one", None, None)
    with pytest.raises(StoreError, match="unknown gender"):
        store.set_speaker_gender(speaker_id, gender, reviewer="ann")
    assert store.speaker_history(speaker_id) == []


def test_only_for_persons(store):
    _, record = add_said(store, "Port Users Association", "one", speaker_type="organisation")
    with pytest.raises(StoreError, match="not a person"):
        store.set_speaker_gender(record.speaker_id, "female", reviewer="ann")


def test_migration_gives_people_already_stored_their_first_names_gender(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURE_V1, path)
    db = schema.connect(path)
    schema.migrate(db, target=5)
    db.execute("INSERT INTO speakers (name, type, key, created_at) VALUES ('Maria Lopez', 'person', 'maria lopez', '')")
    db.conn.commit()
    db.conn.close()
    with Store(path) as store:
        people = {s.name: (s.gender, s.gender_source) for s in store.speakers()}
    assert people["Maria Lopez"] == ("female", "first-name")
    assert people["Linas Linkevičius"] == ("male", "first-name")
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_extracting_an_article_again_brings_its_word_on_gender(store):
    text = 'Quill Lopez said: "one"'
    quote = quote_in(text, "one", speaker="Quill Lopez", mention="Quill Lopez")
    article_id = store.add_article(Article(text=text), [quote]).article_id
    speaker_id = store.article_quotes(article_id)[0].speaker_id
    assert gender_of(store, speaker_id) == (None, None)
    again = dataclasses.replace(quote, confidence=0.5, speaker_gender="female", speaker_gender_source="article")
    store.reextract_article(article_id, [again], reviewer="ann")
    assert gender_of(store, speaker_id) == ("female", "article")
