"""The text as the extractor reads it (reading.py): hard wraps and typewriter quote marks undone, offsets kept.
Short texts written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck.extract import extract
from quotecheck.extract.reading import reading_text, unwrap

WIRE = (
    "HARBOUR BOARD DELAYS VOTE ON NEW CRANES\n"
    "\n"
    "The harbour board has put off a vote on buying two new\n"
    "cranes until the summer, its chairman said on Monday.\n"
    "    Chairman Oliver Brandt told reporters the board wanted to\n"
    "see the spring cargo figures before it spent the money.\n"
    "    \"We are not going to gamble with the port's reserves,\" he\n"
    "said.\n"
)

NEWSLETTER = (
    "The council met on Tuesday and agreed the budget for the\n"
    "coming year after a long debate about the libraries.\n"
    "\n"
    "Members voted for the plan by a clear margin, and the\n"
    "leader thanked the staff for their work.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Indented first lines mark the paragraphs; the headline keeps its line.
        (
            WIRE,
            "HARBOUR BOARD DELAYS VOTE ON NEW CRANES\n"
            "\n"
            "The harbour board has put off a vote on buying two new "
            "cranes until the summer, its chairman said on Monday.\n"
            "    Chairman Oliver Brandt told reporters the board wanted to "
            "see the spring cargo figures before it spent the money.\n"
            "    \"We are not going to gamble with the port's reserves,\" he "
            "said.\n",
        ),
        # Blank lines mark the paragraphs.
        (
            NEWSLETTER,
            "The council met on Tuesday and agreed the budget for the "
            "coming year after a long debate about the libraries.\n"
            "\n"
            "Members voted for the plan by a clear margin, and the "
            "leader thanked the staff for their work.\n",
        ),
        # Neither: a line that ends short ends its paragraph, a full one runs on.
        (
            "Ferry fares to rise\n"
            "Fares on the island ferry will rise by a tenth in April, the\n"
            "operator said on Friday. Season tickets stay.\n"
            "The operator blamed the price of fuel.\n",
            "Ferry fares to rise\n"
            "Fares on the island ferry will rise by a tenth in April, the "
            "operator said on Friday. Season tickets stay.\n"
            "The operator blamed the price of fuel.\n",
        ),
        # A list keeps its lines; a dash wrapped to the start of a line is prose.
        (
            "The plan has three parts, the mayor said on Monday in a long\n"
            "speech at the town hall:\n"
            "- new buses\n"
            "- more trains at night\n"
            "The cost - about four million pounds over five years -\n"
            "will be met by the county, she said at the end of her speech\n"
            "- and the county agreed.\n",
            "The plan has three parts, the mayor said on Monday in a long "
            "speech at the town hall:\n"
            "- new buses\n"
            "- more trains at night\n"
            "The cost - about four million pounds over five years - "
            "will be met by the county, she said at the end of her speech "
            "- and the county agreed.\n",
        ),
        # Windows line ends.
        (
            "The board met for an hour on Monday and decided to keep\r\n"
            "the old cranes for another year.\r\n"
            "    Its chairman said the new ones could wait until the\r\n"
            "summer.\r\n",
            "The board met for an hour on Monday and decided to keep  "
            "the old cranes for another year.\r\n"
            "    Its chairman said the new ones could wait until the  "
            "summer.\r\n",
        ),
    ],
)
def test_unwrap_reads_a_wrapped_paragraph_as_one_line(text, expected):
    assert unwrap(text) == expected
    assert len(unwrap(text)) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "One paragraph per line.\nAnother paragraph, also on its own line.\nA third.",
        "A headline\n\nThe article's only paragraph, on one line.",
        # Lines longer than any hard-wrap width: paragraphs, whatever their breaks.
        "The mayor said on Monday that the bridge would open in May and that the council had found the money"
        " for it\nafter all, " + "which surprised many. " * 5,
        "",
        "\n\n\n",
    ],
)
def test_unwrap_leaves_text_that_is_not_hard_wrapped(text):
    assert unwrap(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("''We will not raise taxes,'' said Dana Whitcomb.", ' "We will not raise taxes,"  said Dana Whitcomb.'),
        ("He called it ''a disgrace'' and left.", 'He called it  "a disgrace"  and left.'),
        ("``We will not raise taxes,'' she said.", ' "We will not raise taxes,"  she said.'),
        # a single mark touching a typewriter pair
        ("''He said 'never,''' she said.", ' "He said \'never,\'"  she said.'),
        ("She asked: '''Why not?' he said.''", 'She asked:  "\'Why not?\' he said." '),
        ("(''Not now,'' he wrote.)", '( "Not now,"  he wrote.)'),
        # a lone pair is not a quote: inches, a stray mark, a name
        ("The 12'' pipe burst on Monday.", "The 12'' pipe burst on Monday."),
        ("''Nobody closed this quote, he said.", "''Nobody closed this quote, he said."),
        ("Sean O''Hara was there.", "Sean O''Hara was there."),
        # a quote left open at the end of a paragraph runs on when the next one opens again
        (
            "''The first part runs on.\n''And ends here,'' he said.",
            ' "The first part runs on.\n "And ends here,"  he said.',
        ),
        ("''The first part runs on.\nNo marks here.", "''The first part runs on.\nNo marks here."),
        # or when another opens after it in the same paragraph (quotes.py decides: a run-on quote or a stray mark)
        ("''One. ''Two,'' he said.", ' "One.  "Two,"  he said.'),
    ],
)
def test_typewriter_pairs_read_as_double_marks(text, expected):
    assert reading_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            WIRE,
            [
                ("indirect", "The harbour board has put off a vote on buying two new\ncranes until the summer",
                 "Oliver Brandt"),
                ("indirect", "the board wanted to\nsee the spring cargo figures before it spent the money",
                 "Oliver Brandt"),
                ("direct", "We are not going to gamble with the port's reserves,", "Oliver Brandt"),
            ],
        ),
        (
            "''We are not raising taxes,'' said Dana Whitcomb, the city's budget director. She called the\n"
            "plan ''a fair deal.''",
            [
                ("direct", "We are not raising taxes,", "Dana Whitcomb"),
                ("partial", "a fair deal.", "Dana Whitcomb"),
            ],
        ),
    ],
)
def test_extract_reads_wrapped_and_typewriter_text_with_offsets_into_the_original(text, expected):
    quotes = extract(text)
    assert [(q.kind, q.text, q.speaker) for q in quotes] == expected
    assert all(q.text == text[q.start : q.end] for q in quotes)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["word", "Word", "''", "``", "'", '"', " ", "\n", "\n\n", "    ", "\r\n", ".", ",",
                                 "- ", "1. ", "x" * 30]), max_size=120).map("".join))
def test_the_reading_text_keeps_every_offset(text):
    reading = reading_text(text)
    assert len(reading) == len(text)
    changed = {a + b for a, b in zip(text, reading) if a != b}
    assert changed <= {"\n ", "\r ", "' ", "'\"", "` ", '`"'}
