"""Mentions to speakers: fullest name, titles, pronouns with gender, nominals by role."""

from __future__ import annotations

from quotecheck.extract import extract


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract(text)]


def test_surname_and_title_forms_resolve_to_the_fullest_name():
    text = (
        'Maria Lopez, the mayor of Riverton, opened the session.\n'
        '"We need more buses," Lopez said.\n'
        '"And more trains," Ms Lopez added.'
    )
    assert [s for _, s in speakers(text)] == ["Maria Lopez", "Maria Lopez"]


def test_pronoun_takes_the_nearest_person_of_its_gender():
    text = (
        "Peter Grant, the union leader, met Maria Lopez on Monday.\n"
        'Lopez later said the meeting was useful.\n'
        '"I am hopeful," she said.\n'
        '"I am not," he said.'
    )
    found = dict(speakers(text))
    assert found["I am hopeful,"] == "Maria Lopez"
    assert found["I am not,"] == "Peter Grant"


def test_pronoun_chain_survives_page_furniture():
    text = (
        "Tom Weller, the coach, spoke after the match.\n"
        '"We played well," he said.\n'
        "Subscribe to our newsletter\n"
        "Already a member?\n"
        '"The second half was better," he said.'
    )
    assert [s for _, s in speakers(text)] == ["Tom Weller", "Tom Weller"]


def test_nominal_reference_resolves_by_role():
    text = (
        "Eva Moll, a Danish economist at the central bank, spoke first.\n"
        "The Danish economist said that inflation would fall next year."
    )
    quote = extract(text)[0]
    assert quote.kind == "indirect" and quote.speaker == "Eva Moll"
    assert text[quote.mention_start : quote.mention_end] == "The Danish economist"


def test_fuzzy_surname_spelling_variant():
    text = (
        "Linas Petrauskas, a minister, arrived.\n"
        '"It is done," Petrauskaas said.'
    )
    assert speakers(text)[0][1] == "Linas Petrauskas"


def test_role_follows_every_quote_of_the_speaker():
    text = (
        "Dutch prime minister Anna Vos spoke in Brussels.\n"
        '"We agree," Vos said.\n'
        '"Fully," she said.'
    )
    assert {q.role for q in extract(text)} == {"Dutch prime minister"}
