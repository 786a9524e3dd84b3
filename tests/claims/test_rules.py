"""The claim rules, one table per type: (quote words, the claims expected of that type)."""

from __future__ import annotations

import pytest

from quotecheck.claims import CLAIM_TYPES, find_claims


def of_type(text: str, type_: str) -> list[str]:
    return [claim.text for claim in find_claims(text) if claim.type == type_]


@pytest.mark.parametrize(("text", "expected"), [
    ("over 100 gay men had been rounded up", ["over 100 gay men"]),
    ("The US has denied visas to roughly 40 gay Chechens", ["roughly 40 gay Chechens"]),
    ("the authority had to save £3.2m by April", ["£3.2m"]),
    ("the two governments had set aside 40 million euros", ["40 million euros"]),
    ("members had voted by a margin of nine to one", ["nine to one"]),
    ("One in four children in this borough lives in poverty", ["One in four children"]),
    ("Not one euro comes out of the regional budget", ["Not one euro"]),
    ("fuel costs had risen by almost a third", ["almost a third"]),
    ("1,240 people were admitted with flu last week", ["1,240 people"]),
    # not counts: a name, "one" as a pronoun, a reference to things named before, an age group, a date
    ("the club would retire his number 1 shirt", []),
    ("We are just one of many countries, one way or another", []),
    ("every one of those names", []),
    ("vaccine uptake among the over-65s", []),
    ("When the last train ran in 2014", []),
    ("Dockworkers will walk out at 6am", []),
])  # fmt: skip
def test_quantities(text, expected):
    assert of_type(text, "quantity") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Container volumes are down eleven per cent on last year", ["eleven per cent"]),
    ("Fares will rise by 12% from 1 March", ["12%"]),
    ("support fell 3 percentage points", ["3 percentage points"]),
    ("a hundred people", []),
])  # fmt: skip
def test_percentages(text, expected):
    assert of_type(text, "percentage") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("a public consultation would run until 30 June", ["30 June"]),
    ("The strike is due to begin at 6am on Monday", ["6am on Monday"]),
    ("A night train will run again from next December", ["next December"]),
    ("We told ministers in the summer that this would happen", ["the summer"]),
    ("Ten years ago it was about half that", ["Ten years ago"]),
    ("We lost £2.1m in the last financial year", ["the last financial year"]),
    ("this winter's flu season", ["this winter"]),
    ("services had doubled since 2020", ["2020"]),
    # not dates: "last" meaning final, a year-like count, vague times, "may" the verb
    ("this would be his last season", []),
    ("2000 people marched", []),
    ("we have been working on it recently, for months", []),
    ("prices may rise", []),
])  # fmt: skip
def test_dates(text, expected):
    assert of_type(text, "date") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("vaccine uptake was lower than last year", ["lower than last year"]),
    ("the season had started three weeks earlier than usual", ["three weeks earlier than usual"]),
    ("the service was better prepared than ever", ["better prepared than ever"]),
    ("admissions for flu had doubled in a fortnight", ["doubled"]),
    ("Container volumes are down eleven per cent on last year,", ["down eleven per cent on last year"]),
    ("uptake had fallen to 61 per cent after", ["fallen to 61 per cent"]),
    ("a record 9,000 runners, up from 7,400 in 2023", ["up from 7,400 in 2023"]),
    ("We had 230 volunteers, twice as many as last spring.", ["twice as many as last spring"]),
    ("she had knocked four minutes off her personal best", ["four minutes off her personal best"]),
    # not comparisons: an approximator, no standard, "rather than"
    ("more than 30,000 fans are expected", []),
    ("he would spend more time with his family", []),
    ("we chose trains rather than planes", []),
])  # fmt: skip
def test_comparisons(text, expected):
    assert of_type(text, "comparison") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("we will be the most expensive port on this coast", ["the most expensive port"]),
    ("the largest increase in two decades", ["the largest increase"]),
    ("She is the best athlete I have coached, and the only one who has won here", ["the best athlete", "the only one"]),
    ("We closed the bridge for the first time", ["the first time"]),
    ("a record 9,000 runners had finished", ["a record"]),
    # not superlatives: an order of events, a possessive ordinal, -est words that rank nothing, "most" as quantifier
    ("it would be the first of several changes", []),
    ("My first draft was long", []),
    ("the latest figures and the interest rate", []),
    ("most staff would find work", []),
])  # fmt: skip
def test_superlatives(text, expected):
    assert of_type(text, "superlative") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("over 100 gay men had been rounded up and sent to clandestine camps", ["had been rounded up and sent"]),
    ("Sweden recently tightened its migration laws", ["tightened"]),
    ("We told ministers in the summer. They chose not to listen,", ["told", "chose"]),
    ("some planned operations had already been postponed", ["had already been postponed"]),
    ("1,240 people were admitted with flu last week", ["were admitted"]),
    ("When the last train ran in 2014, the conductor told us ‘see you soon’.", ["ran"]),
    ("officials met the company in July", ["met"]),
    # not events: states, beliefs, unreal pasts, an "if" clause, a question, a participle, a rating clause
    ("he had known for months that I knew it and we feared it", []),
    ("it was complicated and she was right", []),
    ("we would have paid if the company returned to the table", []),
    ('"Have you got any books about volcanoes?"', []),
    ("the concerns raised at this conference", []),
    ("She is the best athlete I have coached", []),
    ("the most expensive pledge the council had ever made", []),
])  # fmt: skip
def test_past_facts(text, expected):
    assert of_type(text, "past-fact") == expected


def test_offsets_are_into_the_text_and_types_known():
    text = "Fares rose by 12% in March, the steepest rise since 2019; we cut 40 jobs."
    claims = find_claims(text)
    assert claims and all(text[claim.start : claim.end] == claim.text for claim in claims)
    assert {claim.type for claim in claims} == set(CLAIM_TYPES)
    assert claims == sorted(claims, key=lambda claim: (claim.start, claim.end, claim.type))


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "—", "''", "12", "the", "had", "than than than"])
def test_odd_inputs(text):
    assert all(text[c.start : c.end] == c.text for c in find_claims(text))


def test_pathological_inputs_take_linear_work():
    """Long runs of what the patterns look for (numbers, comparatives without "than", "had" chains) finish; the
    time per megabyte is measured in benchmarks/claims_speed.py."""
    for text in ("1 " * 5_000, "more " * 5_000 + "than", "had " * 5_000, "the most " * 3_000, "9,999," * 3_000,
                 "up down " * 3_000, "a" * 50_000, "We closed. " * 2_000, "twice as " * 3_000):  # fmt: skip
        claims = find_claims(text)
        assert all(text[c.start : c.end] == c.text for c in claims)
