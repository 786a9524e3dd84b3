"""Speaker mentions next to a cue: names, pronouns, nominals, appositive and premodifying roles."""

from __future__ import annotations

import random

from quotecheck.extract import mentions
from quotecheck.extract.mentions import COORDINATED, clause_subject, mention_after, subject_before


def before(text: str, cue: str = " said"):
    pos = text.index(cue) + (1 if cue.startswith(" ") else 0)
    return subject_before(text, 0, pos)


def test_pronoun_subject():
    m = before("Later that day he said")
    assert (m.kind, m.name) == ("pronoun", "he")


def test_name_subject_skips_adverbs_and_time():
    text = "Karen Ellemann on Friday also said"
    m = before(text)
    assert m.kind == "name" and m.name == "Karen Ellemann"
    assert text[m.start : m.end] == "Karen Ellemann"


def test_appositive_role_after_the_name():
    m = before("Hugh Hill, a doctor who treated him, said")
    assert m.name == "Hugh Hill" and m.role == "a doctor who treated him"


def test_appositive_role_with_inner_comma():
    m = before("Ann Berg, a nurse and chair of Care Now, the union of nurses, said")
    assert m.name == "Ann Berg"
    assert m.role == "a nurse and chair of Care Now, the union of nurses"


def test_role_before_the_name():
    m = before("Norway's minister of fisheries, Olav Dahl, told", " told")
    assert m.name == "Olav Dahl" and m.role == "Norway's minister of fisheries"


def test_premodifying_title_is_the_role():
    m = before("Meanwhile, Dutch prime minister Anna Vos asked", " asked")
    assert m.name == "Anna Vos" and m.role == "Dutch prime minister"


def test_parenthesis_between_name_and_verb():
    m = before("Sen. Joan Ray (D-Ore.) said")
    assert m.name == "Joan Ray" and m.title == "Sen"


def test_anonymous_and_organisation_nominals():
    m = before("One official close to the cabinet told", " told")
    assert m.kind == "nominal" and m.speaker_type == "anonymous"
    m = before("Local authorities said")
    assert m.kind == "nominal" and m.speaker_type == "organisation"


def test_possessive_is_never_a_subject():
    assert before("Portugal's state secretary", " state") is None


def test_passive_and_infinitive_have_no_subject():
    assert before("Three people were said") is None
    assert before("He wanted to say", " say") is None


def test_coordinated_verb_shares_the_subject():
    assert before("The council approved the plan and said") is COORDINATED


def test_inverted_subject_after_the_verb():
    text = '"No," said former senator Ben Ortiz, a lawyer.'
    m = mention_after(text, text.index("said") + 5, len(text))
    assert m.name == "Ben Ortiz" and m.role == "a lawyer"


def test_according_to_a_report_names_the_outlet():
    text = "Rates rose, according to a Reuters report."
    m = mention_after(text, text.index("to a") + 3, len(text))
    assert m.name == "Reuters" and m.speaker_type == "organisation"
    assert text[m.start : m.end] == "a Reuters report"


def test_clause_subject_skips_an_opening_phrase():
    text = "In two interviews, the judge sounded off on the plan, calling it"
    m = clause_subject(text, 0, len(text))
    assert text[m.start : m.end] == "the judge"


def test_relative_pronoun_carries_its_antecedent():
    text = "Ann Berg, who said"
    m = before(text)
    assert text[m.start : m.end] == "who" and m.name == "Ann Berg"
    # a relative clause between subject and verb is an aside: the name is the subject
    text = "Ann Berg, who runs the shelter, said"
    assert text[before(text).start : before(text).end] == "Ann Berg"


def test_noun_phrase_set_off_before_the_name_is_its_role():
    m = before("Her Danish counterpart, Jonas Albrecht, said")
    assert (m.name, m.role) == ("Jonas Albrecht", "Her Danish counterpart")
    m = before("The harbour's operator, Calder Holdings, said")
    assert (m.name, m.role) == ("Calder Holdings", "The harbour's operator")


def test_an_opening_adverbial_before_the_name_is_not_a_role():
    m = before("In the end, Tom Briggs, said")
    assert (m.name, m.role) == ("Tom Briggs", None)


def test_clause_subject_prefers_the_name_set_off_after_a_nominal():
    text = "The opposition leader, Cllr Tom Briggs, accused the council of "
    m = clause_subject(text, 0, len(text))
    assert (m.kind, m.name, m.role, m.title) == ("name", "Tom Briggs", "The opposition leader", "Cllr")


def test_appositive_str_tests_find_what_the_pattern_matches():
    # ", " and words, stops, titles, initials, capitals after a full stop, white space the engines disagree on
    pieces = list(",,  .;:\"“”()aZ\n\x1c\xa0") + ["Sen", "Mr", "J", "D.C", "bank", "gov", "B", "é", ". S", ". s"]
    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 10)))
        for pos in range(len(text)):
            for endpos in {len(text), max(pos, len(text) - 2)}:
                found = mentions._APPOSITIVE.match(text, pos, endpos)
                assert mentions._appositive(text, pos, endpos) == (found.span(1) if found else None), (text, pos)


def test_role_before_a_name_is_what_the_pattern_finds():
    pieces = list(" \n.;:!?,") + ["The", "the", "But", "his", "Nevada's", "Ann’s", "head", "of", "Ed", "Jo", ", "]
    rng = random.Random(3)
    for _ in range(20000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 14))) + ", Jo"
        start = len(text) - 2
        found = mentions._ROLE_BEFORE_NAME.search(text, mentions._role_before_start(text, start), start)
        got = mentions._role_before(text, start)
        assert (got.span() if got else None) == (found.span() if found else None), text
