"""Speakers in the store (issue 7): one person one row across articles, every speaker typed, anonymous sources and
descriptions one row per article."""

from __future__ import annotations

import sqlite3

import pytest

from quotecheck.read.model import Article
from quotecheck.store import QuoteFilter, Store, StoreError
from quotecheck.store import identity, schema

from .builders import add_said, quote_in


# -- the name rules, on their own ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, description",
    [
        ("the company", True),
        ("a spokesman", True),
        ("the report", True),
        ("one Clinton aide", True),
        ("Some", True),
        ("Another", True),
        ("Legal experts", True),
        ("Trump and his attorneys", True),
        ("42%", True),
        ("I", True),
        ("Angela Merkel", False),
        ("Al From", False),
        ("Bill de Blasio", False),
        ("the Foreign Ministry", False),
        ("Department of Justice", False),
        ("the Trump campaign", False),
        ("Obama administration", False),
        ("the French transport ministry", False),
        ("a Foreign Office spokesman", True),
        ("the French transport ministry officials", True),
        ("Reuters", False),
    ],
)
def test_is_description(name, description):
    assert identity.is_description(name) is description


@pytest.mark.parametrize(
    "name, type_",
    [
        ("Angela Merkel", "person"),
        ("Merkel", "person"),
        ("the Foreign Ministry", "organisation"),
        ("Trump campaign", "organisation"),
        ("NATO", "organisation"),
        ("Democrats", "organisation"),
        ("the company", "anonymous"),
        ("a source close to the government", "anonymous"),
        ("Others", "anonymous"),
    ],
)
def test_infer_type(name, type_):
    assert identity.infer_type(name) == type_


@pytest.mark.parametrize(
    "key, parts",
    [
        ("donald j trump", ("donald trump", ("j",))),
        ("hillary rodham clinton", ("hillary clinton", ("rodham",))),
        ("donald trump jr", ("donald trump jr", ())),
        ("donald j trump jr", ("donald trump jr", ("j",))),
        ("bill de blasio", ("bill blasio", ())),
        ("trump", None),
    ],
)
def test_person_parts(key, parts):
    assert identity.person_parts(key) == parts


# -- one person, one row -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "first, second",
    [
        ("Donald Trump", "Donald J. Trump"),
        ("Donald J. Trump", "Donald Trump"),
        ("Donald J. Trump", "Donald John Trump"),
        ("Hillary Rodham Clinton", "Hillary Clinton"),
        ("Hillary Clinton", "Hillary Rodham Clinton"),
        ("Paul D. Ryan", "Paul Ryan"),
        ("James B. Comey", "James Comey"),
        ("Donald Trump Jr.", "Donald J. Trump Jr."),
        ("Jean-Claude Juncker", "Jean Claude Juncker"),
    ],
)
def test_middle_initials_and_middle_names_are_one_person_across_articles(store, first, second):
    _, a = add_said(store, first, "one")
    result, b = add_said(store, second, "two")
    assert result.speakers_new == 0 and b.speaker_id == a.speaker_id
    [speaker] = store.speakers()
    assert speaker.name == first and speaker.quote_count == 2
    assert second in speaker.aliases


@pytest.mark.parametrize(
    "first, second",
    [
        ("Donald Trump", "Donald Trump Jr."),
        ("Donald Trump Jr.", "Donald Trump"),
        ("Donald J. Trump", "Donald Trump Jr."),
        ("Donald Trump Jr.", "Donald Trump Sr."),
        ("John Smithson II", "John Smithson III"),
        ("George W. Bush", "George H. W. Bush"),
        ("Donald J. Trump", "Donald H. Trump"),
        ("Hillary Clinton", "Bill Clinton"),
        ("Donald Trump", "Ivana Trump"),
    ],
)
def test_different_people_stay_apart(store, first, second):
    add_said(store, first, "one")
    result, _ = add_said(store, second, "two")
    assert result.speakers_new == 1
    assert sorted(s.name for s in store.speakers()) == sorted([first, second])


def test_a_name_that_fits_two_people_joins_neither(store):
    add_said(store, "George W. Bush", "one")
    add_said(store, "George H. W. Bush", "two")
    result, _ = add_said(store, "George Bush", "three")
    assert result.speakers_new == 1 and len(store.speakers()) == 3


def test_a_middle_name_variant_does_not_join_a_person_whose_variants_disagree(store):
    add_said(store, "George Bush", "one")
    add_said(store, "George W. Bush", "two")  # joins "George Bush"
    result, _ = add_said(store, "George H. W. Bush", "three")  # not compatible with the "W." seen before
    assert result.speakers_new == 1
    assert sorted(s.quote_count for s in store.speakers()) == [1, 2]


@pytest.mark.parametrize(
    "first, second",
    [("Donald Trump", "Trump"), ("Trump", "Donald Trump"), ("Donald J. Trump", "Trump"), ("Hillary Clinton", "Clinton")],
)
def test_a_bare_surname_never_joins_a_full_name_across_articles(store, first, second):
    add_said(store, first, "one")
    result, record = add_said(store, second, "two")
    assert result.speakers_new == 1 and record.speaker == second
    assert len(store.speakers()) == 2


# -- person against organisation: one row ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "first, first_type, second, second_type, kept",
    [
        ("Donald Trump", "organisation", "Donald Trump", "person", "person"),
        ("Donald Trump", "person", "Donald Trump", "organisation", "person"),
        ("Donald J. Trump", "organisation", "Donald Trump", "person", "person"),
        ("Donald Trump", "person", "Donald J. Trump", "organisation", "person"),
        ("Trump campaign", "person", "Trump campaign", "organisation", "organisation"),
        ("CNN", "person", "CNN", "organisation", "organisation"),
        ("Trump", "person", "Trump", "organisation", "person"),  # one word: keeps the type first stored
        ("Beijing", "organisation", "Beijing", "person", "organisation"),
        ("Donald Trump", None, "Donald Trump", "organisation", "person"),
    ],
)
def test_a_name_typed_person_and_organisation_is_one_row(store, first, first_type, second, second_type, kept):
    _, a = add_said(store, first, "one", speaker_type=first_type)
    result, b = add_said(store, second, "two", speaker_type=second_type)
    assert result.speakers_new == 0 and b.speaker_id == a.speaker_id
    [speaker] = store.speakers()
    assert speaker.type == kept and speaker.quote_count == 2


def test_a_type_change_is_seen_by_another_store(db_path, store):
    add_said(store, "Donald Trump", "one", speaker_type="organisation")
    with Store(db_path) as other:
        assert other.speakers("Donald Trump")[0].type == "organisation"
        add_said(store, "Donald Trump", "two", speaker_type="person")
        result, _ = add_said(other, "Donald J. Trump", "three", speaker_type="person")
        assert result.speakers_new == 0
        assert [(s.name, s.type, s.quote_count) for s in other.speakers()] == [("Donald Trump", "person", 3)]


# -- every speaker typed ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, type_",
    [
        ("Angela Merkel", "person"),
        ("the Foreign Ministry", "organisation"),
        ("NATO", "organisation"),
        ("the company", "anonymous"),
        ("Some", "anonymous"),
    ],
)
def test_an_untyped_speaker_gets_a_type(store, name, type_):
    _, record = add_said(store, name, "one", speaker_type=None)
    assert record.speaker_type == type_
    assert store.speaker(record.speaker_id).type == type_


# -- anonymous sources and descriptions belong to their article --------------------------------------------------
@pytest.mark.parametrize(
    "name, type_",
    [
        ("a spokesman", "anonymous"),
        ("A source close to the government", "anonymous"),
        ("the company", "organisation"),
        ("the report", None),
        ("one Clinton aide", "person"),
        ("Senior Official", "anonymous"),  # anonymous by the extractor's word, whatever the capitals
    ],
)
def test_an_anonymous_source_in_two_articles_is_two_speakers(store, name, type_):
    first, a = add_said(store, name, "one", speaker_type=type_)
    second, b = add_said(store, name, "two", speaker_type=type_)
    assert second.speakers_new == 1 and a.speaker_id != b.speaker_id
    assert (a.speaker_article_id, b.speaker_article_id) == (first.article_id, second.article_id)
    assert sorted(s.article_id for s in store.speakers()) == [first.article_id, second.article_id]
    # and a search by that description still finds both
    assert {q.id for q in store.quotes(QuoteFilter(speaker=name))} == {a.id, b.id}


def test_an_anonymous_source_quoted_twice_in_one_article_is_one_speaker(store):
    text = 'A spokesman said: "one". Later a spokesman said: "two".'
    quotes = [quote_in(text, "one", speaker="a spokesman", speaker_type="anonymous"),
              quote_in(text, "two", speaker="A spokesman", speaker_type="anonymous")]  # fmt: skip
    result = store.add_article(Article(text), quotes)
    assert result.speakers_new == 1
    first, second = store.article_quotes(result.article_id)
    assert first.speaker_id == second.speaker_id and first.speaker_article_id == result.article_id


def test_shared_speakers_have_no_article(store):
    _, record = add_said(store, "Angela Merkel", "one")
    assert record.speaker_article_id is None and store.speaker(record.speaker_id).article_id is None


def test_reassigning_to_a_new_description_makes_a_speaker_of_that_article(store):
    add_said(store, "a spokesman", "one", speaker_type="anonymous")
    result, record = add_said(store, "Angela Merkel", "two")
    moved = store.reassign(record.id, new_speaker_name="a spokesman", new_speaker_type="anonymous", reviewer="ana")
    assert moved.speaker_article_id == result.article_id
    assert len([s for s in store.speakers() if s.name == "a spokesman"]) == 2


def test_a_speaker_of_one_article_cannot_take_a_quote_of_another(store):
    _, spokesman = add_said(store, "a spokesman", "one", speaker_type="anonymous")
    _, merkel = add_said(store, "Angela Merkel", "two")
    with pytest.raises(StoreError, match="belongs to article"):
        store.reassign(merkel.id, speaker_id=spokesman.speaker_id, reviewer="ana")
    with pytest.raises(StoreError, match="belongs to article"):
        store.merge_speakers(spokesman.speaker_id, merkel.speaker_id, reviewer="ana")
    # the other way round is fine: the reviewer found out who the spokesman is
    merged = store.merge_speakers(merkel.speaker_id, spokesman.speaker_id, reviewer="ana")
    assert merged.quote_count == 2 and merged.article_id is None


# -- migration 3 ---------------------------------------------------------------------------------------------------
def test_migration_3_ties_anonymous_speakers_to_their_articles_and_types_every_speaker(tmp_path):
    path = tmp_path / "v2.db"
    db = schema.connect(path)
    schema.migrate(db, target=2)
    now = "2024-01-01T00:00:00Z"
    db.execute("BEGIN")
    for article_id in (1, 2, 3):
        db.execute("INSERT INTO articles (id, text, sha256, ingested_at) VALUES (?, ?, ?, ?)",
                   [article_id, f'A spokesman said: "words {article_id}"', f"h{article_id}", now])  # fmt: skip
    speakers = [(1, "a spokesman", "anonymous"), (2, "Angela Merkel", None), (3, "the company", None)]
    for speaker_id, name, type_ in speakers:
        db.execute("INSERT INTO speakers (id, name, type, key, created_at) VALUES (?, ?, ?, ?, ?)",
                   [speaker_id, name, type_, name.lower(), now])  # fmt: skip
    for quote_id, article_id, speaker_id in [(1, 1, 1), (2, 2, 1), (3, 2, 1), (4, 3, 2), (5, 3, 3)]:
        db.execute(
            'INSERT INTO quotes (id, article_id, speaker_id, speaker_name, "start", "end", text, kind)'
            " VALUES (?, ?, ?, (SELECT name FROM speakers WHERE id = ?), 0, 5, 'words', 'direct')",
            [quote_id, article_id, speaker_id, speaker_id],
        )
    db.commit()
    db.close()

    with Store(path) as store:
        assert schema.schema_version(store.db) == schema.SCHEMA_VERSION
        by_quote = {q.id: q for article in (1, 2, 3) for q in store.article_quotes(article)}
        assert by_quote[1].speaker_id == 1 and by_quote[1].speaker_article_id == 1
        assert by_quote[2].speaker_id == by_quote[3].speaker_id != 1 and by_quote[2].speaker_article_id == 2
        assert (by_quote[4].speaker_type, by_quote[4].speaker_article_id) == ("person", None)
        assert (by_quote[5].speaker_type, by_quote[5].speaker_article_id) == ("anonymous", 3)
        counts = {(s.name, s.article_id): s.quote_count for s in store.speakers()}
        assert counts == {("a spokesman", 1): 1, ("a spokesman", 2): 2, ("Angela Merkel", None): 1,
                          ("the company", 3): 1}  # fmt: skip
        # the search index still follows the quotes, and new articles get their own spokesman
        assert len(store.quotes(QuoteFilter(text="spokesman"))) == 3
        result, record = add_said(store, "a spokesman", "new words", speaker_type="anonymous")
        assert result.speakers_new == 1 and record.speaker_article_id == result.article_id
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA foreign_key_check").fetchall() == []
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_picker_for_an_article_offers_shared_speakers_and_that_articles_own(store):
    first, _ = add_said(store, "a spokesman", "one", speaker_type="anonymous")
    second, _ = add_said(store, "a spokesman", "two", speaker_type="anonymous")
    add_said(store, "Ann Spokes", "three")
    everywhere = {(s.name, s.article_id) for s, _ in store.match_speakers("spokes")}
    assert everywhere == {("a spokesman", first.article_id), ("a spokesman", second.article_id), ("Ann Spokes", None)}
    here = {(s.name, s.article_id) for s, _ in store.match_speakers("spokes", article_id=second.article_id)}
    assert here == {("a spokesman", second.article_id), ("Ann Spokes", None)}
