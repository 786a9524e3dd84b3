"""The aligner: verbatim, doctored and absent quotes, conventions that are not changes, where the change is."""

from __future__ import annotations

import pytest

from quotecheck.verify import DIFFERS, NOT_FOUND, VERBATIM, SourceIndex, location

SPEECH = (
    "Thank you all for coming. [Applause] We will not raise taxes on working families this year, and we will "
    "build 40,000 new homes by 2030. That is my promise to you. Some people say it cannot be done. I say they are "
    "wrong. We have done it before and we will do it again. The economy grew by 3.5% last year."
)


@pytest.fixture(scope="module")
def index():
    return SourceIndex([(7, SPEECH)])


@pytest.mark.parametrize(
    "quote",
    [
        "We will not raise taxes on working families this year",
        "we will not raise taxes on working families this year",  # capitalisation
        "We will not raise taxes, on working families, this year!",  # punctuation
        "[The government] will not raise taxes on working families",  # bracketed substitution
        "I say they are [all] wrong",  # bracketed insertion
        "We will build 40,000 new homes by 2030 … I say they are wrong.",  # ellipsis over an omission
        "…will build 40,000 new homes by 2030",  # leading ellipsis
        "WE HAVE DONE IT BEFORE and we will do it again",  # all capitals
    ],
)
def test_conventions_are_not_changes(index, quote):
    alignment = index.verify(quote)
    assert alignment.result == VERBATIM, alignment
    assert alignment.score == 100.0
    assert alignment.source_id == 7
    assert SPEECH[alignment.start : alignment.end] == alignment.passage


@pytest.mark.parametrize(
    ("quote", "change"),
    [
        ("We will raise taxes on working families this year", ("dropped", "", "not")),
        ("We will not raise taxes on families this year", ("dropped", "", "working")),
        ("We will never not raise taxes on working families this year", ("inserted", "never", "")),
        ("we will build 50,000 new homes by 2030", ("changed", "50,000", "40,000")),
        ("Some people say it can be done", ("changed", "can", "cannot")),
        ("The economy grew by 3.5% last year … Thank you all for coming", ("spliced", "…", "")),
    ],
)
def test_a_doctored_quote_differs_and_the_diff_names_the_change(index, quote, change):
    alignment = index.verify(quote)
    assert alignment.result == DIFFERS
    assert [(op.op, op.quote, op.source) for op in alignment.changes] == [change]


def test_a_quote_the_speaker_never_said_is_not_found(index):
    alignment = index.verify("Immigration must fall and we will close the borders tomorrow")
    assert alignment.result == NOT_FOUND
    assert alignment.diff == ()
    assert alignment.score < 70


def test_the_best_of_several_sources_wins():
    doctored = SPEECH.replace("working families", "families")
    index = SourceIndex([(1, doctored), (2, SPEECH)])
    assert index.verify("We will not raise taxes on working families this year").source_id == 2


def test_no_sources_and_no_words():
    assert SourceIndex([]).verify("anything at all").result == NOT_FOUND
    assert SourceIndex([(1, SPEECH)]).verify("… [sic] …").result == NOT_FOUND


def test_location_is_a_line_or_a_subtitle_time():
    text = "first line\n[00:01:02] second line"
    assert location(text, 3) == "line 1"
    assert location(text, text.index("second")) == "00:01:02"
