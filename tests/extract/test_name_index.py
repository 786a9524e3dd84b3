"""The name index: the look-ups a name needs, right and in constant time however many people share a surname."""

import pytest

from quotecheck.extract.entities import Entity, LowerCaseWords
from quotecheck.extract.name_index import NameIndex


def _index(*names):
    index = NameIndex()
    entities = [Entity(name, name.split()[-1].lower()) for name in names]
    for entity in entities:
        index.add(entity)
    return index, entities


@pytest.mark.parametrize(
    "names, full, expected",
    [
        (["Hillary Clinton"], "Hillary Clinton", "Hillary Clinton"),  # the same name
        (["Hillary Rodham Clinton"], "Rodham Clinton", "Hillary Rodham Clinton"),  # a fuller one
        (["Clinton"], "Bill Clinton", "Clinton"),  # the surname alone
        (["Anna Rowe", "Rowe"], "Mark Rowe", "Rowe"),  # a lone surname joins any full name
        (["Hillary Clinton"], "Bill Clinton", None),  # another person
        (["Hillary Clinton", "Clinton"], "Rodham Clinton", "Clinton"),  # the earliest match wins
    ],
)
def test_match_full(names, full, expected):
    index, _ = _index(*names)
    found = index.match_full(full.split()[-1].lower(), full)
    assert (found.name if found else None) == expected


def test_a_renamed_entity_is_found_by_its_new_name_only():
    index, (entity,) = _index("Comey")
    index.rename(entity, "James Comey")
    assert index.match_full("comey", "James Comey") is entity
    assert index.match_full("comey", "Jim Comey") is None  # no longer a lone surname


def test_thousands_of_people_sharing_a_surname():
    names = [f"Person{n} Smith" for n in range(5000)]
    index, entities = _index(*names)
    assert index.match_full("smith", "Person4321 Smith") is entities[4321]
    assert index.match_full("smith", "Somebody Smith") is None


def test_absent_words_read_the_text_a_bounded_number_of_times():
    text = "word " * 2000
    words = LowerCaseWords(text)
    assert "word" in words
    for letter in "abcdefghijklmnopqrst":  # each absent word is read for to the end of the text
        assert f"absent{letter}" not in words
    assert words._all is not None  # after a few such reads, every word is collected at once
    assert "word" in words and "absent" not in words
