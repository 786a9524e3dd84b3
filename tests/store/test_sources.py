"""Primary sources in the store, and verify_quotes over them."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotecheck.read.transcript import read_source
from quotecheck.store import NotFound, StoreError
from tests.store.builders import add_said

FIXTURES = Path(__file__).resolve().parents[1] / "verify" / "fixtures"
QUOTE = "Nobody should be persecuted for who they love"


def _source(store, speaker_id, name):
    return store.add_source(speaker_id, read_source(FIXTURES / name).text, title=name, path=name)


def test_adding_the_same_text_twice_stores_it_once(store):
    _, quote = add_said(store, "Linas Linkevičius", QUOTE)
    first, new = _source(store, quote.speaker_id, "linkevicius-press-conference.txt")
    again, new_again = _source(store, quote.speaker_id, "linkevicius-press-conference.txt")
    assert (new, new_again) == (True, False) and again.id == first.id
    assert [s.id for s in store.sources(quote.speaker_id)] == [first.id]
    assert first.speaker_name == "Linas Linkevičius" and first.added.endswith("Z")


def test_a_source_needs_a_live_speaker_and_text(store):
    with pytest.raises(NotFound):
        store.add_source(999, "words")
    _, quote = add_said(store, "Linas Linkevičius", QUOTE)
    with pytest.raises(StoreError, match="no text"):
        store.add_source(quote.speaker_id, "  ")


@pytest.mark.parametrize(
    ("source", "result", "location"),
    [
        ("linkevicius-press-conference.txt", "verbatim", "line 7"),
        ("linkevicius-interview.vtt", "differs", "00:00:04"),
        ("linkevicius-statement.html", "not-found", None),
    ],
)
def test_verify_quotes_of_a_speaker(store, source, result, location):
    _, quote = add_said(store, "Linas Linkevičius", QUOTE)
    _source(store, quote.speaker_id, source)
    [checked] = store.verify_quotes(speaker_id=quote.speaker_id)
    assert checked.quote.id == quote.id
    assert checked.alignment.result == result
    if location:
        assert checked.location == location and checked.source.title == source
    if result == "differs":
        assert [(op.op, op.source) for op in checked.alignment.changes] == [("dropped", "ever")]


def test_verify_by_id_keeps_the_order_and_reports_quotes_without_sources(store):
    _, said = add_said(store, "Linas Linkevičius", QUOTE)
    _, other = add_said(store, "Angela Merkel", "Wir schaffen das")
    _source(store, said.speaker_id, "linkevicius-press-conference.txt")
    checked = store.verify_quotes([other.id, said.id])
    assert [(v.quote.id, v.alignment.result, v.source) for v in checked][0] == (other.id, "not-found", None)
    assert checked[1].alignment.result == "verbatim"
    with pytest.raises(NotFound):
        store.verify_quotes([12345])
