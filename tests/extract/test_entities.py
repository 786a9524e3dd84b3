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


def test_title_and_capitalised_role_words_go_to_the_role_not_the_name():
    text = (
        'Health Secretary Leon Varga announced more money for hospitals.\n'
        '"We are ready," Mr Varga said.\n'
        'Councillor Rosa Quint disagreed. "We are not," she said.'
    )
    found = [(q.speaker, q.role) for q in extract(text) if q.kind == "direct"]
    assert found == [("Leon Varga", "Health Secretary"), ("Rosa Quint", "Councillor")]


def test_a_role_word_that_is_also_a_first_name_stays_in_the_name():
    assert [q.speaker for q in extract('"We lost," said Dean Holloway.')] == ["Dean Holloway"]


def test_definite_description_of_a_person_refers_to_the_person_in_focus():
    text = (
        'Maria Osei announced her plans for the team on Monday.\n'
        'The 52-year-old said she would stay another season.\n'
        '"We are close," the manager said.'
    )
    assert {q.speaker for q in extract(text)} == {"Maria Osei"}


def test_the_organisation_word_refers_to_the_organisation_with_that_name():
    text = (
        'The Eastern Water Agency raised prices on Monday.\n'
        'According to the agency, prices have doubled since the spring.'
    )
    assert [(q.speaker, q.speaker_type) for q in extract(text)] == [("Eastern Water Agency", "organisation")]


def test_it_refers_to_the_named_organisation_in_focus():
    text = 'The Calder Dockers Union voted on Friday. "We will strike," it said.'
    assert [(q.speaker, q.speaker_type) for q in extract(text)] == [("Calder Dockers Union", "organisation")]


def test_they_after_a_person_subject_stays_unresolved():
    text = 'Maria Osei confirmed the plan. "It will open in May," they said.'
    assert [q.speaker for q in extract(text)] == [None]


def test_definite_description_after_another_speaker_is_not_guessed():
    text = (
        'Maria Osei announced her plans for the team on Monday.\n'
        'A club spokeswoman said nothing had been decided.\n'
        '"We are close," the manager said.'
    )
    assert [q.speaker for q in extract(text) if q.kind == "direct"] == ["the manager"]


def test_a_nickname_inside_a_name_and_a_word_before_a_first_name_stay_out_of_it():
    text = 'Goalkeeper Robbie “Tiny” Hallam retired on Saturday.\n"I am done," Hallam said.'
    assert [q.speaker for q in extract(text) if q.kind == "direct"] == ["Robbie Hallam"]
    assert [q.speaker for q in extract("Pensioner Joan Whitfield said the library had helped her.")] == [
        "Joan Whitfield"
    ]
    assert [q.speaker for q in extract("Ann Mary Smith said the library had helped her.")] == ["Ann Mary Smith"]


def test_cue_subjects_are_resolved_in_document_order():
    from quotecheck.extract.cues import find_cues
    from quotecheck.extract.entities import Entities
    from quotecheck.extract.layout import Layout
    from quotecheck.extract.quotes import find_quotes

    text = "Maria Lopez, the mayor, spoke first. Peter Grant listened. She said the buses would run. The mayor added more."
    layout = Layout(text)
    spans = find_quotes(text, layout)
    cues = find_cues(text, layout, spans)
    entities = Entities(text, layout)
    entities.resolve_cue_speakers(cues)
    assert [(cue.word, cue.entity.name) for cue in cues if cue.entity is not None] == [
        ("said", "Maria Lopez"),
        ("added", "Maria Lopez"),
    ]


def genders(text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    """quote text -> (speaker, gender, where the gender came from)."""
    return {q.text: (q.speaker, q.speaker_gender, q.speaker_gender_source) for q in extract(text)}


def test_gender_from_a_first_name_alone_says_so():
    found = genders('"The harbour stays open," said Maria Lopez, the harbour master.')
    assert found["The harbour stays open,"] == ("Maria Lopez", "female", "first-name")


def test_gender_from_the_article_beats_the_first_name():
    # A "she" resolved to her, or an honorific, is the article's own word for it
    found = genders('"The harbour stays open," said Maria Lopez.\n"Fees will rise," she added.')
    assert found["The harbour stays open,"] == ("Maria Lopez", "female", "article")
    found = genders('"Fees will rise," said Ms Kowalska, the harbour master.')
    assert found["Fees will rise,"] == ("Kowalska", "female", "article")


def test_pronoun_gives_a_gender_the_first_name_does_not():
    found = genders('Kit Vandermeer chairs the board.\n"We are done," he said.')
    assert found["We are done,"] == ("Kit Vandermeer", "male", "article")


def test_no_gender_for_organisations_or_anonymous_sources():
    text = (
        '"The plan is sound," the Harbour Authority said in a statement.\n'
        'A spokeswoman for the council said the cost was not yet known.'
    )
    for quote in extract(text):
        assert quote.speaker_type != "person"
        assert (quote.speaker_gender, quote.speaker_gender_source) == (None, None)
