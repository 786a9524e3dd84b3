"""A stated role -> its family of sources, from lexicon/role_families.txt."""

from __future__ import annotations

import pytest

from quotecheck.report.families import NO_ROLE, OTHER, family_names, role_family


@pytest.mark.parametrize(
    "role, family",
    [
        ("the foreign minister of Lithuania", "politicians"),
        ("Local MP", "politicians"),
        ("member of parliament for Leeds", "politicians"),  # a phrase across "of"
        ("Portugal's state secretary for citizenship and equality", "politicians"),
        ("council spokeswoman", "officials"),
        ("spokesman for the ministry", "officials"),  # the head noun, not the ministry after "for"
        ("Hospital officials", "officials"),  # plural
        ("the agency's head of epidemiology", "officials"),  # possessive owner when the head is no family word
        ("Legal experts", "experts"),
        ("a professor of economics at Leeds University", "experts"),
        ("Chief executive", "business"),
        ("senior manager at the port", "business"),
        ("a detective sergeant", "police and legal"),
        ("Rail campaigner", "unions and campaigners"),
        ("the union’s regional secretary", "unions and campaigners"),  # curly apostrophe
        ("a Canadian human rights organisation", "unions and campaigners"),
        ("Pensioner", "citizens"),
        ("a television pundit", "media and culture"),
        ("Goalkeeper", "sport"),
        ("Her German counterpart", OTHER),
        ("speaking on condition of anonymity", OTHER),
        (None, NO_ROLE),
        ("  ", NO_ROLE),
        ("—", NO_ROLE),
    ],
)
def test_role_family(role, family):
    assert role_family(role) == family


def test_families_in_the_lexicons_order_then_other_and_no_role():
    names = family_names()
    assert names[0] == "politicians" and names[-2:] == (OTHER, NO_ROLE)
    assert len(set(names)) == len(names)
