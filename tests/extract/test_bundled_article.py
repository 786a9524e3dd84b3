"""The bundled EUobserver article against its gold file: the acceptance targets of the extractor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotecheck.extract import extract

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def article():
    text = (CORPUS / "eu-lithuania-chechens.txt").read_text(encoding="utf-8")
    gold = json.loads((CORPUS / "eu-lithuania-chechens.gold.json").read_text(encoding="utf-8"))
    return text, gold, extract(text)


def _find(quotes, gold_quote):
    return [q for q in quotes if q.start == gold_quote["start"] and q.end == gold_quote["end"]]


def _overlaps(quote, gold_quote) -> bool:
    return min(quote.end, gold_quote["end"]) - max(quote.start, gold_quote["start"]) > 0


def test_every_direct_and_partial_quote_with_exact_span_kind_and_speaker(article):
    text, gold, quotes = article
    quoted = [g for g in gold["quotes"] if g["kind"] in ("direct", "partial")]
    assert len([g for g in quoted if g["kind"] == "direct"]) == 8
    assert len([g for g in quoted if g["kind"] == "partial"]) == 3
    for g in quoted:
        found = _find(quotes, g)
        assert len(found) == 1, g["text"]
        assert found[0].kind == g["kind"], g["text"]
        assert found[0].speaker == g["speaker"], g["text"]


def test_reported_speech_at_least_14_of_16_with_right_speaker(article):
    text, gold, quotes = article
    reported = [g for g in gold["quotes"] if g["kind"] == "indirect"]
    assert len(reported) == 16
    right = [
        g
        for g in reported
        if any(q.kind == "indirect" and _overlaps(q, g) and q.speaker == g["speaker"] for q in quotes)
    ]
    assert len(right) >= 14, [g["text"] for g in reported if g not in right]


def test_roles_of_person_speakers_exactly_as_gold(article):
    text, gold, quotes = article
    roles = {q.speaker: q.role for q in quotes if q.speaker_type == "person"}
    people = [s for s in gold["speakers"] if s["type"] == "person"]
    assert len(people) == 6
    for speaker in people:
        assert roles.get(speaker["name"]) == speaker["role"], speaker["name"]


def test_every_quote_of_a_speaker_carries_the_same_role(article):
    _, _, quotes = article
    roles: dict[str, set] = {}
    for q in quotes:
        if q.speaker:
            roles.setdefault(q.speaker, set()).add(q.role)
    assert all(len(r) == 1 for r in roles.values()), roles


def test_at_most_two_extra_quotes(article):
    _, gold, quotes = article
    extra = [q for q in quotes if not any(_overlaps(q, g) for g in gold["quotes"])]
    assert len(extra) <= 2, [q.text for q in extra]


def test_speaker_types_for_organisations_and_anonymous_sources(article):
    _, _, quotes = article
    by_speaker = {q.speaker: q.speaker_type for q in quotes}
    assert by_speaker["One source close to the Lithuanian government"] == "anonymous"
    assert by_speaker["Chechen authorities"] == "organisation"
    assert by_speaker["Rainbow Railroad"] == "organisation"
    assert by_speaker["Buzzfeed"] == "organisation"


def test_offsets_text_confidence_and_rule(article):
    text, _, quotes = article
    assert quotes == sorted(quotes, key=lambda q: q.start)
    for q in quotes:
        assert text[q.start : q.end] == q.text
        assert 0 < q.confidence <= 1 and q.rule
        if q.mention_start is not None:
            assert 0 <= q.mention_start < q.mention_end <= len(text)


def test_no_quotes_from_page_furniture(article):
    text, _, quotes = article
    for phrase in ("Join EUobserver today", "Already a member?", "Choose your plan", "Idahot forum"):
        start = text.index(phrase)
        end = start + len(phrase)
        assert not any(q.start < end and start < q.end for q in quotes), phrase
