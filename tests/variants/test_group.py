"""Grouping versions of the same quote: what counts as the same quote, the diff against the earliest version,
attribution conflicts, and the index that keeps it from comparing all pairs."""

from __future__ import annotations

import pytest

from quotecheck.variants import QuoteText, find_variants, group_of

LONG = (
    "We will not raise taxes on working families this year, and we will build forty thousand new homes by the end "
    "of the decade"
)


def _grouped(a: str, b: str) -> bool:
    return bool(find_variants([QuoteText(1, a), QuoteText(2, b)]))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (LONG, LONG, True),
        (LONG, LONG.upper().replace(",", " -"), True),  # case and punctuation
        (LONG, LONG.replace("We will not raise taxes on", "…"), True),  # trimmed beginning
        (LONG, "We will not raise taxes on working families this year", True),  # trimmed end, 10 words of 22
        (LONG, LONG.replace("forty", "fifty"), True),  # a changed word
        (LONG, "taxes on working families this year, and we will build forty thousand new homes by 2030", True),
        ("my good friend said it plainly: we will not raise taxes on working families this year at all", LONG, False),
        (LONG, " ".join(reversed(LONG.split())), False),  # the same words in another order
        ("We will win this fight", "We will win this fight", False),  # under MIN_WORDS
        ("Donald Trump‘s ignorant view of Islam could make both countries less safe",
         "Donald Trump's ignorant view of Islam could make both countries less safe", True),
    ],
)  # fmt: skip
def test_what_is_the_same_quote(a, b, same):
    assert _grouped(a, b) is same


@pytest.mark.parametrize(
    ("earliest", "later", "changes"),
    [
        # the later version differs from the fuller earliest one
        (LONG, LONG.replace("forty", "fifty"), [("changed", "fifty", "forty")]),
        (LONG, LONG.replace("working families", "families"), [("dropped", "", "working")]),
        # the later version is the fuller one: the earliest is compared with it
        (LONG, LONG.replace("not raise", "never ever raise"), [("changed", "not", "never ever")]),
        (LONG, LONG.replace("this year", "this year, I promise,"), [("dropped", "", "I promise")]),
        # trimming either way is not a difference, whichever version is the longer
        (LONG, "We will not raise taxes on working families this year", []),
        ("We will not raise taxes on working families this year", LONG, []),
        ("We will not raise taxes on hard working families this year", LONG, [("inserted", "hard", "")]),
        ("Donald Trump‘s ignorant view of Islam could make both countries less safe",
         "Donald Trump's ignorant view of Islam could make both countries less safe", []),
    ],
)  # fmt: skip
def test_diff_against_the_fullest_version(earliest, later, changes):
    (group,) = find_variants([QuoteText(2, later, published="2020-01-02"), QuoteText(1, earliest, published="2020-01-01")])
    assert [version.quote.id for version in group.versions] == [1, 2]
    assert group.earliest.id == 1
    fuller = 2 if len(later.split()) > len(earliest.split()) else 1
    assert group.reference.id == fuller
    (compared,) = [version for version in group.versions if version.quote.id != fuller]
    assert group.versions[fuller - 1].diff == ()
    assert [(op.op, op.quote, op.source) for op in compared.diff if op.op != "same"] == changes
    assert group.wording is bool(changes)


@pytest.mark.parametrize(
    ("speakers", "conflict"),
    [
        ([("Leon Farrow", 1), ("Leon Farrow", 1)], False),
        ([("Leon Farrow", 1), ("Mara Lind", 2)], True),
        ([("Farrow", 3), ("Leon Farrow", 1)], False),  # a shorter form of the name: not the store's merge, same person
        ([("Leon Farrow", 1), ("a government spokesman", None)], False),  # anonymous: no one in particular
        ([("Leon Farrow", 1), (None, None)], False),
    ],
)
def test_attribution_conflicts(speakers, conflict):
    quotes = [QuoteText(n, LONG, speaker=name, speaker_key=key) for n, (name, key) in enumerate(speakers, 1)]
    (group,) = find_variants(quotes)
    assert group.conflict is conflict
    assert len(group.speakers) == (2 if conflict else 1 if any(key for _, key in speakers) else 0)


def test_earliest_by_date_undated_last():
    quotes = [
        QuoteText(1, LONG, published=None),
        QuoteText(2, LONG, published="2021-03-04"),
        QuoteText(3, LONG, published="2021-03-02"),
        QuoteText(4, LONG, published=""),
    ]
    (group,) = find_variants(quotes)
    assert [version.quote.id for version in group.versions] == [3, 2, 1, 4]


def test_min_words():
    quotes = [QuoteText(1, "We will win this fight together"), QuoteText(2, "We will win this fight together")]
    assert find_variants(quotes) == []
    assert len(find_variants(quotes, min_words=5)) == 1


def test_common_phrases_neither_join_nor_hide_groups():
    """Hundreds of different quotes opening with the same words stay apart (the shared shingles are over the
    cap), while a quote copied verbatim by hundreds of outlets is still one group with its edited version."""
    opening = "I want to make one thing very clear to everyone here"
    different = [QuoteText(n, f"{opening}: topic {n} matters {n * 7} times {n * 13} over") for n in range(1, 400)]
    copies = [QuoteText(1000 + n, LONG) for n in range(300)]
    edited = QuoteText(2000, LONG.replace("forty", "fifty"))
    groups = find_variants([*different, *copies, edited])
    assert [len(group.versions) for group in groups] == [301]
    assert groups[0].wording


def test_groups_come_largest_first():
    other = "Nobody should be persecuted for who they love, and nobody will be while I am minister"
    quotes = [QuoteText(1, other), QuoteText(2, other), *(QuoteText(n, LONG) for n in range(3, 6))]
    assert [len(group.versions) for group in find_variants(quotes)] == [3, 2]


def test_group_of_a_quote_and_its_exact_copies():
    quote = QuoteText(1, LONG, "Ann Lee", 1, "Herald", "2024-01-02")
    others = [
        QuoteText(2, LONG.upper().replace(",", ""), "Ann Lee", 1, "Wire", "2024-01-01"),  # the same words
        QuoteText(3, LONG.replace("forty", "fifty"), "Bo Ray", 2, "Gazette", "2024-01-03"),  # a changed word
        QuoteText(4, LONG.replace("We will not raise taxes on", ""), "Ann Lee", 1),  # trimmed: not a copy
        QuoteText(5, "Nothing at all like the other ones, said in another place and time entirely", "Cy", 3),
        QuoteText(6, "Nothing at all like the other ones, said in another place and time entirely", "Cy", 3),
    ]
    group = group_of(quote, others)
    assert [version.quote.id for version in group.versions] == [2, 1, 3, 4]
    assert group.wording and group.conflict
    assert [copy.id for copy in group.copies_of(quote)] == [2]
    assert group_of(QuoteText(7, "Something else entirely that nobody else has said anywhere"), others) is None
