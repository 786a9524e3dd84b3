"""Speakers shared across articles: matching at ingest, fuzzy search, merge and rename."""

from __future__ import annotations

import pytest

from quotecheck.store import NameTaken, QuoteFilter, Store, StoreError
from quotecheck.store.names import name_key

from .builders import add_said


@pytest.mark.parametrize(
    "name, key",
    [
        ("Linas Linkevičius", "linas linkevicius"),
        ("  LINAS   linkevicius ", "linas linkevicius"),
        ("Łukasz Żółć", "lukasz zolc"),
        ("Søren Ødegård", "soren odegard"),
        ("O'Brien", "obrien"),
        ("Jean-Claude Juncker", "jean claude juncker"),
        ("George W. Bush", "george w bush"),
    ],
)
def test_name_key_folds_accents_case_and_punctuation(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize("variant", ["Linas Linkevicius", "LINAS LINKEVIČIUS", "Linas Lincevicius", "Linas Linkevičus"])
def test_spelling_variants_of_a_full_name_are_one_speaker(store, variant):
    add_said(store, "Linas Linkevičius", "one")
    result, record = add_said(store, variant, "two")
    assert result.speakers_new == 0
    assert record.speaker == "Linas Linkevičius"
    [speaker] = store.speakers()
    assert speaker.quote_count == 2
    if variant != "Linas Linkevičius":
        assert variant in speaker.aliases


def test_a_bare_surname_never_merges_into_a_full_name(store):
    add_said(store, "Linas Linkevičius", "one")
    result, record = add_said(store, "Linkevičius", "two")
    assert result.speakers_new == 1
    assert record.speaker == "Linkevičius"
    assert len(store.speakers()) == 2


def test_two_people_sharing_a_surname_stay_apart(store):
    add_said(store, "Angela Merkel", "one")
    add_said(store, "Horst Merkel", "two")
    add_said(store, "Merkel", "three")
    assert sorted(s.name for s in store.speakers()) == ["Angela Merkel", "Horst Merkel", "Merkel"]


def test_a_one_word_name_joins_only_the_same_one_word_name_whatever_its_type(store):
    add_said(store, "Marcelino", "one")
    result, _ = add_said(store, "MARCELINO", "two")
    assert result.speakers_new == 0
    # one name, one row: a one-word name keeps the type it was first stored with
    result, _ = add_said(store, "Marcelino", "three", speaker_type="organisation")
    assert result.speakers_new == 0
    [speaker] = store.speakers()
    assert (speaker.type, speaker.quote_count) == ("person", 3)


def test_different_first_names_are_different_people(store):
    add_said(store, "Lina Smithson", "one")
    add_said(store, "Luna Smithson", "two")
    add_said(store, "Jon Li", "three")
    add_said(store, "Jan Li", "four")
    assert len(store.speakers()) == 4


def test_organisations_and_anonymous_sources_match_by_exact_normalised_name(store):
    add_said(store, "the Foreign Ministry", "one", speaker_type="organisation")
    result, _ = add_said(store, "The Foreign  Ministry", "two", speaker_type="organisation")
    assert result.speakers_new == 0
    result, _ = add_said(store, "the Foreign Ministries", "three", speaker_type="organisation")
    assert result.speakers_new == 1
    result, _ = add_said(store, "a senior diplomat", "four", speaker_type="anonymous")
    assert result.speakers_new == 1


def test_roles_come_from_the_quotes(store):
    add_said(store, "Linas Linkevičius", "one", role="the foreign minister")
    add_said(store, "Linas Linkevičius", "two", role="the foreign minister")
    add_said(store, "Linas Linkevičius", "three", role="Lithuania's top diplomat")
    assert store.speakers()[0].roles == ("the foreign minister", "Lithuania's top diplomat")


@pytest.mark.parametrize("query", ["linkevicius", "Linkevičius", "Lincevicius", "LINAS linkev", "linkevicius linas"])
def test_fuzzy_speaker_search(store, query):
    add_said(store, "Linas Linkevičius", "one")
    add_said(store, "Angela Merkel", "two")
    add_said(store, "Gabrielius Landsbergis", "three")
    found = store.speakers(query)
    assert found and found[0].name == "Linas Linkevičius"
    assert all(s.name != "Angela Merkel" for s in found)
    [(best, score), *_] = store.match_speakers(query)
    assert best.name == "Linas Linkevičius" and 0 < score <= 100


def test_picker_ranks_exact_over_partial_and_ties_by_quote_count(store):
    add_said(store, "John Smithson", "one")
    add_said(store, "Ann Smith", "two")
    add_said(store, "Bob Smith", "three")
    add_said(store, "Bob Smith", "four")
    names = [s.name for s, _ in store.match_speakers("smith")]
    assert names[:2] == ["Bob Smith", "Ann Smith"]
    # the speaker filter keeps the close matches only
    assert {q.speaker for q in store.quotes(QuoteFilter(speaker="smith"))} == {"Ann Smith", "Bob Smith"}


def test_speakers_listing_pages_by_quote_count(store):
    for number, name in enumerate(["Ann Lee", "Bo Chan", "Cy Dunn"], start=1):
        for i in range(number):
            add_said(store, name, f"{name} {i}")
    assert [s.name for s in store.speakers()] == ["Cy Dunn", "Bo Chan", "Ann Lee"]
    assert [s.name for s in store.speakers(limit=1, offset=1)] == ["Bo Chan"]
    assert store.speakers("zzzz qqqq") == []


def test_speaker_not_found(store):
    from quotecheck.store import NotFound

    with pytest.raises(NotFound):
        store.speaker(42)


def test_merge_moves_quotes_and_aliases_and_is_recorded(store):
    _, a = add_said(store, "Linas Linkevičius", "one")
    _, b = add_said(store, "L. Linkevicius", "two")
    keep, gone = a.speaker_id, b.speaker_id
    merged = store.merge_speakers(keep, gone, reviewer="ana")
    assert merged.quote_count == 2 and "L. Linkevicius" in merged.aliases
    assert store.quote(b.id).speaker_id == keep and store.quote(b.id).speaker == "Linas Linkevičius"
    assert store.quote(b.id).version == 2
    assert [s.name for s in store.speakers()] == ["Linas Linkevičius"]
    assert store.speaker(gone).merged_into == keep
    [row] = store.speaker_history(keep)
    assert (row.action, row.reviewer, row.old_speaker_id, row.new_speaker_id) == ("merge", "ana", gone, keep)
    assert [r.action for r in store.history(b.id)] == ["merge"]
    # later articles naming the merged spelling find the kept speaker
    result, c = add_said(store, "L. Linkevicius", "three")
    assert result.speakers_new == 0 and c.speaker_id == keep
    # a quote search by the old name finds the moved quote under the kept name
    assert {q.id for q in store.quotes(QuoteFilter(text="Linkevicius"))} == {a.id, b.id, c.id}


def test_merge_refuses_nonsense(store):
    _, a = add_said(store, "Ann Lee", "one")
    _, b = add_said(store, "Bo Chan", "two")
    with pytest.raises(StoreError, match="itself"):
        store.merge_speakers(a.speaker_id, a.speaker_id, reviewer="ana")
    store.merge_speakers(a.speaker_id, b.speaker_id, reviewer="ana")
    with pytest.raises(StoreError, match="was merged into"):
        store.merge_speakers(a.speaker_id, b.speaker_id, reviewer="ana")


def test_rename_updates_quotes_keeps_old_name_as_alias_and_is_recorded(store):
    _, record = add_said(store, "Linas Linkevicius", "we will not accept refugees")
    renamed = store.rename_speaker(record.speaker_id, "Linas Antanas Linkevičius", reviewer="ben")
    assert renamed.name == "Linas Antanas Linkevičius" and "Linas Linkevicius" in renamed.aliases
    assert store.quote(record.id).speaker == "Linas Antanas Linkevičius"
    assert [q.id for q in store.quotes(QuoteFilter(text="Antanas refugees"))] == [record.id]
    [row] = store.speaker_history(record.speaker_id)
    assert (row.action, row.old_name, row.new_name, row.reviewer) == ("rename", "Linas Linkevicius",
                                                                       "Linas Antanas Linkevičius", "ben")  # fmt: skip
    result, _ = add_said(store, "Linas Linkevicius", "again")
    assert result.speakers_new == 0
    with pytest.raises(StoreError):
        store.rename_speaker(record.speaker_id, "  ?! ", reviewer="ben")


def test_another_process_adding_speakers_is_seen(db_path, store):
    add_said(store, "Ann Lee", "one")
    assert store.speakers("Linkevicius") == []
    with Store(db_path) as other:
        add_said(other, "Linas Linkevičius", "two")
    assert store.speakers("Linkevicius")[0].name == "Linas Linkevičius"
    result, _ = add_said(store, "Linas Linkevicius", "three")
    assert result.speakers_new == 0


def test_another_process_renaming_or_merging_is_seen(db_path, store):
    _, a = add_said(store, "Ann Lee", "one")
    _, b = add_said(store, "Bo Chan", "two")
    assert store.speakers("Ann Lee")[0].id == a.speaker_id  # index loaded here
    with Store(db_path) as other:
        other.rename_speaker(a.speaker_id, "Annabel Leighton", reviewer="ben")
        other.merge_speakers(a.speaker_id, b.speaker_id, reviewer="ben")
    assert store.speakers("Leighton")[0].name == "Annabel Leighton"
    assert [s.name for s in store.speakers("Bo Chan")] == ["Annabel Leighton"]  # through the merged alias
    result, _ = add_said(store, "Bo Chan", "three")
    assert result.speakers_new == 0


def test_renaming_to_another_speakers_name_raises_name_taken_and_changes_nothing(store):
    ann = add_said(store, "Ann Lee", "One")[1].speaker_id
    bo = add_said(store, "Bo Chan", "Two")[1].speaker_id
    with pytest.raises(NameTaken, match=f"speaker {ann} is named 'Ann Lee' already") as taken:
        store.rename_speaker(bo, "ann  LEE", reviewer="ana")
    assert taken.value.existing == ann and store.speaker(bo).name == "Bo Chan"
    assert store.rename_speaker(bo, "Bo Chan-Lee", reviewer="ana").name == "Bo Chan-Lee"
