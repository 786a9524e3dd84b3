"""Quote spans: mark styles, nesting, interruption, multi-paragraph quotes, unbalanced marks."""

from __future__ import annotations

import random

import pytest

from quotecheck.extract import extract, quotes
from quotecheck.extract.layout import Layout
from quotecheck.extract.quotes import find_quotes


def spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text, Layout(text))]


@pytest.mark.parametrize(
    "text",
    [
        'The minister said: "We will build the bridge."',
        "The minister said: “We will build the bridge.”",
        "The minister said: „We will build the bridge.“",
        "The minister said: «We will build the bridge.»",
        'The minister said: "We will build the bridge.”',  # straight opener, curly closer
        "The minister said: ‘We will build the bridge.’",  # British primary marks
    ],
)
def test_every_mark_style(text):
    assert spans(text) == ["We will build the bridge."]


def test_nested_single_quotes_stay_inside_the_outer_quote():
    text = "“She told me ‘never again’ and left,” he said. “It’s 'odd' indeed.”"
    assert spans(text) == ["She told me ‘never again’ and left,", "It’s 'odd' indeed."]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # curly marks inside a straight quote
            'She said: "The office isn’t about “equal justice” anymore. It is about power."',
            ["The office isn’t about “equal justice” anymore. It is about power."],
        ),
        (  # straight marks inside a curly quote
            'She said: “The office isn’t about "equal justice" anymore. It is about power.”',
            ["The office isn’t about \"equal justice\" anymore. It is about power."],
        ),
        (  # the outer quote left open runs on into the next paragraph
            'She said:\n\n"The office isn’t about “equal justice” anymore.\n\n"It is about power."',
            ["The office isn’t about “equal justice” anymore.", "It is about power."],
        ),
    ],
)
def test_a_quote_in_the_other_style_nests_inside_the_outer_one(text, expected):
    assert spans(text) == expected


def test_apostrophes_do_not_open_single_quotes():
    text = "The mayor’s office didn’t comment on the ’90s plan."
    assert spans(text) == []


def test_interrupted_quote_gives_two_spans():
    text = '"We are," he said, "just one of many."'
    assert spans(text) == ["We are,", "just one of many."]


def test_multi_paragraph_quote():
    text = "Intro paragraph.\nHe said: “The first part runs on.\n“The second part ends here,” he added.\nAfter."
    found = find_quotes(text, Layout(text))
    assert [text[q.start : q.end] for q in found] == ["The first part runs on.", "The second part ends here,"]
    assert found[0].continued and found[0].close_mark is None
    assert found[1].continuation


def test_unclosed_quote_runs_to_the_end_of_its_paragraph():
    text = 'Intro paragraph.\nHe said "this never closes\nNext paragraph without marks.'
    assert spans(text) == ["this never closes"]


def test_a_short_first_line_is_a_headline_without_quotes():
    text = 'Mayor: "We will win"\n\nThe mayor said: "We will win."'
    assert spans(text) == ["We will win."]


def test_markup_attribute_values_are_not_quotes():
    text = 'Intro paragraph.\n<tweet author="someone" id="12">Text</tweet> and "a real quote here."'
    assert spans(text) == ["a real quote here."]


def test_empty_and_mark_only_inputs():
    assert spans("") == []
    assert spans('""""""') == []
    assert spans("“”") == []


def test_page_furniture_is_skipped():
    text = 'Subscribe to our newsletter "today"\nThe mayor said: "We will win."'
    assert spans(text) == ["We will win."]


def test_straight_single_marks_as_primary_quotes_with_double_marks_nested():
    text = (
        "The mayor said: 'We will build the bridge.' Her aide called it 'a fine plan'.\n"
        "'My son asked, \"Can we cross it?\" and I said yes,' she added. It's the town's plan."
    )
    assert spans(text) == [
        "We will build the bridge.", "a fine plan", 'My son asked, "Can we cross it?" and I said yes,'
    ]


def test_straight_single_marks_nest_when_double_marks_are_primary():
    text = "Headline with 'scare' quotes\n\n\"We said 'no' twice,\" she said. \"And 'no' again.\" It's done."
    assert spans(text) == ["We said 'no' twice,", "And 'no' again."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Paragraphs joined without closing the quote: each opening mark after a finished sentence starts a piece.
        (
            'He said: "We will fight this. "We have the members with us," he added.',
            ["We will fight this.", "We have the members with us,"],
        ),
        (
            'Ann Lee said: "It was hard. "Nobody wanted this. "We will come back."',
            ["It was hard.", "Nobody wanted this.", "We will come back."],
        ),
        # An opening mark inside a sentence: the first one was stray (here a nested quote in double marks).
        ('"We call it "fair" pay," she said.', ["fair"]),
    ],
)
def test_a_quote_left_open_before_a_new_opening_mark(text, expected):
    assert spans(text) == expected


def test_run_on_pieces_carry_on_one_quote():
    text = 'Ann Lee said: "It was hard. "Nobody wanted this. "We will come back."'
    found = find_quotes(text, Layout(text))
    assert [(q.continued, q.continuation, q.close_mark is None) for q in found] == [
        (True, False, True), (True, True, True), (False, True, False),
    ]


def test_run_on_pieces_keep_their_speaker():
    text = 'Ann Lee said: "It was hard. "Nobody wanted this. "We will come back."'
    assert [(q.kind, q.speaker) for q in extract(text)] == [("direct", "Ann Lee")] * 3


@pytest.mark.parametrize(
    "text, turns",
    [
        # an interview: each turn is a quote of its label
        ("Q&A\n\nQ: Is the country on the upswing?\n\nA: It is a big mistake to talk doom.",
         ["Is the country on the upswing?", "It is a big mistake to talk doom."]),
        ("Transcript\n\nANCHOR: Will you debate him?\n\nMAYOR JONES: Any time.",
         ["Will you debate him?", "Any time."]),
        # not a transcript: one label, or one labelled line
        ("Storm update\n\nUPDATE: The road is closed.\n\nUPDATE: It has reopened.", []),
        ("Storm news\n\nWASHINGTON: The storm hit the coast on Monday.", []),
        # a turn with quote marks of its own keeps those quotes
        ('Q&A\n\nQ: What did he say?\n\nA: He said "never" and left.', ["What did he say?", "never"]),
    ],
)
def test_transcript_turns(text, turns):
    spans = find_quotes(text, Layout(text))
    assert [text[span.start : span.end] for span in spans] == turns


def test_the_str_test_before_the_not_speech_pattern_passes_every_window_it_matches():
    pieces = [" ", "  ", ",", ":", "\n", "’", "“", "x", "Trump’s", "is", "was", "reads", "read", "IS", "this", "ſong",
              "booK", "İ", "the", "of", "as", "so-called", "so called", "the film", "The Film", "FILM", "author of",
              "known as", "dubbed", "e-book", "memoir"]
    rng = random.Random(11)
    for _ in range(20000):
        window = "".join(rng.choices(pieces, k=rng.randint(0, 6)))[-quotes.NOT_SPEECH_WINDOW :]
        words = window.rstrip(" ,:\n")
        if quotes._NOT_SPEECH.search(window):
            assert any(c in words for c in quotes._FOLDED_INTO_ASCII) or quotes._ends_in_marker(words.lower()), window
