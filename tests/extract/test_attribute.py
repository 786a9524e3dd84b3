"""The attribution sieves, one construction each, on short texts written for these tests."""

from __future__ import annotations

import dataclasses

import pytest

from quotecheck.extract import Quote, extract
from quotecheck.extract.attribute import RULES, _new_quote


def only(text: str, kind: str | None = None):
    quotes = [q for q in extract(text) if kind is None or q.kind == kind]
    assert len(quotes) == 1, quotes
    return quotes[0]


def mention(text: str, quote) -> str | None:
    return None if quote.mention_start is None else text[quote.mention_start : quote.mention_end]


def test_trailing_cue_pronoun_resolved_to_the_named_speaker():
    text = 'Olga Berg, the city treasurer, opened the meeting.\n"The budget is balanced," she said.'
    q = only(text, "direct")
    assert (q.text, q.speaker, q.role, q.rule) == ("The budget is balanced,", "Olga Berg", "the city treasurer", "trailing-cue")
    assert mention(text, q) == "she" and q.cue == "said" and q.speaker_type == "person"


def test_trailing_cue_inverted_subject_with_role():
    text = '"We will appeal," said Hugh Hill, a lawyer for the family.'
    q = only(text)
    assert (q.speaker, q.role, mention(text, q)) == ("Hugh Hill", "a lawyer for the family", "Hugh Hill")


def test_interrupted_quote_two_quotes_one_speaker():
    text = 'Dan Cole runs the shelter.\n"We are," he said, "just one of many."'
    quotes = extract(text)
    assert [(q.text, q.speaker, q.kind) for q in quotes] == [
        ("We are,", "Dan Cole", "direct"),
        ("just one of many.", "Dan Cole", "direct"),
    ]


def test_leading_cue_with_colon():
    text = 'The mayor, Rita Soto, told reporters: "Nobody will lose their home."'
    q = only(text)
    assert (q.speaker, q.rule, q.kind) == ("Rita Soto", "leading-cue", "direct")


def test_colon_layout_and_dash_layout():
    text = 'Rita Soto: "Nobody will lose their home."\n"Houses first." - Rita Soto'
    quotes = extract(text)
    assert [(q.speaker, q.rule) for q in quotes] == [("Rita Soto", "colon-layout"), ("Rita Soto", "dash-layout")]


def test_partial_quote_inside_reported_speech():
    text = 'Ivo Marsh said it was "not that unusual" for the town to flood.'
    q = only(text)
    assert (q.kind, q.text, q.speaker, q.rule) == ("partial", "not that unusual", "Ivo Marsh", "cue-in-sentence")


def test_quote_without_cue_inherits_the_previous_speaker():
    text = '"The river rose fast," said Ivo Marsh.\n"We had an hour to leave."'
    quotes = extract(text)
    assert [q.speaker for q in quotes] == ["Ivo Marsh", "Ivo Marsh"]
    assert quotes[1].rule == "continuation" and mention(text, quotes[1]) == "Ivo Marsh"


def test_multi_paragraph_quote_keeps_its_speaker():
    text = 'Ivo Marsh said: "The river rose fast.\n"Then the power went out."'
    assert [q.speaker for q in extract(text)] == ["Ivo Marsh", "Ivo Marsh"]


def test_unknown_verb_in_the_attribution_slot():
    text = 'Sam Reed, the coach, was furious.\n"Get off the field," Reed harrumphed.'
    q = only(text)
    assert (q.speaker, q.rule, q.cue) == ("Sam Reed", "trailing-verb", "harrumphed")


def test_a_cue_word_after_came_is_a_noun_with_no_subject():
    text = 'Delegates stood on their chairs.\n"Call the roll," came shouts from the floor.'
    assert [q.speaker for q in extract(text) if q.text == "Call the roll,"] in ([], [None], ["Delegates"])


def test_reported_speech_forward_with_that_and_listener():
    text = "Ana Kirk told the BBC on Friday that the talks had failed."
    q = only(text)
    assert (q.kind, q.text, q.speaker, q.cue) == ("indirect", "the talks had failed", "Ana Kirk", "told")


def test_reported_speech_backward():
    text = "The talks had failed, Ana Kirk said."
    q = only(text)
    assert (q.kind, q.text, q.speaker, q.rule) == ("indirect", "The talks had failed", "Ana Kirk", "reported-backward")


def test_according_to_an_outlet_report():
    text = "The plant will close in May, according to a Reuters report."
    q = only(text)
    assert (q.text, q.speaker, q.speaker_type, q.rule) == (
        "The plant will close in May", "Reuters", "organisation", "according-to"
    )
    assert mention(text, q) == "a Reuters report"


def test_anonymous_source():
    text = "An official who asked not to be named said the vote would be delayed."
    q = only(text)
    assert q.speaker_type == "anonymous" and q.text == "the vote would be delayed"


def test_coordinated_and_participle_cues_share_the_subject():
    text = "The ministry denied the report and said the plant was safe, adding that checks will continue."
    quotes = extract(text)
    assert [q.text for q in quotes] == ["the plant was safe", "checks will continue"]
    assert {q.speaker for q in quotes} == {"The ministry"} and {q.speaker_type for q in quotes} == {"organisation"}


def test_beliefs_are_not_speech():
    assert extract("Ana Kirk thinks the talks have failed. Ivo Marsh hopes they resume and feared a strike.") == []


def test_titles_and_scare_quotes_are_not_speech():
    text = 'The so-called "gay purge" shocked viewers of "The Long Night" on Sunday.'
    assert extract(text) == []


def test_reported_clause_with_a_quoted_fragment_is_the_fragment_only():
    text = 'Ivo Marsh said he "believed" more towns would help.'
    assert [(q.kind, q.text) for q in extract(text)] == [("partial", "believed")]


def test_page_furniture_never_yields_quotes():
    text = 'Already a member?\nSign up for our newsletter, said the editor.\n"Fine," said Ana Kirk.'
    assert [q.text for q in extract(text)] == ["Fine,"]


def test_every_quote_names_its_rule_and_confidence():
    text = 'Ana Kirk said the talks failed. "It is over," she said. "Truly."'
    for q in extract(text):
        assert q.rule in RULES and 0 < q.confidence < 1


def test_possessed_speech_names_its_speaker():
    text = 'Nora Quist, a senator, spoke on Monday.\nCritics mocked Quist\'s claim that the bridge was "perfectly safe."'
    q = only(text)
    assert (q.speaker, q.rule, mention(text, q)) == ("Nora Quist", "sentence-subject", "Quist")


def test_inverted_unknown_verb_after_the_quote():
    text = 'Voters were split.\n"It has gone too far," agrees Tara Lund, 30, of Tulsa.'
    q = only(text)
    assert (q.speaker, q.rule, q.cue) == ("Tara Lund", "trailing-verb", "agrees")


def test_relayed_attribution_rests_on_the_relaying_source():
    text = 'Tension was high.\n"We will not move," the mayor said, according to the Daily Ledger.'
    q = only(text, "direct")
    assert mention(text, q) == "Daily Ledger" and q.speaker == "Daily Ledger"


def test_quantifier_subject():
    text = 'Voters were asked about the plan.\nMost said it was "a waste of money."'
    q = only(text)
    assert mention(text, q) == "Most"


def test_fragment_ending_a_sentence_is_not_claimed_by_the_next_sentence():
    text = 'Rob Hale, a farmer, was angry.\nHe called the plan "a disaster." She says the plan is fine.'
    quotes = [q for q in extract(text) if q.kind != "indirect"]
    assert [(q.text, mention(text, q)) for q in quotes] == [("a disaster.", "He")]


def test_quoted_words_with_nothing_tying_them_to_a_speaker_are_not_returned():
    text = 'Rain fell all day.\n\nA banner over the road read only "Welcome home, everybody, we missed you all."'
    assert [q for q in extract(text) if q.kind != "indirect"] == []


def test_quote_after_a_narrative_paragraph_takes_its_subject():
    text = 'The weather was bad.\n\nNora Quist walked to the podium.\n\n"We are not going anywhere until this is fixed."'
    q = only(text)
    assert (q.speaker, q.rule, mention(text, q)) == ("Nora Quist", "previous-subject", "Nora Quist")


def test_title_case_slogan_introduced_by_a_cue_is_speech():
    text = 'Ben Ortiz, the candidate, spoke in Ohio.\nOrtiz told the crowd: "Make Ohio Great Again"'
    q = only(text, "direct")
    assert (q.text, q.speaker, q.rule) == ("Make Ohio Great Again", "Ben Ortiz", "leading-cue")


def test_unknown_verb_with_colon_introduces_the_quote():
    text = 'Asked about his favourite county, Ben Ortiz demurred: "I love them all."'
    q = only(text, "direct")
    assert (q.speaker, q.rule, q.cue) == ("Ben Ortiz", "leading-verb", "demurred")


def test_paragraph_ending_with_a_colon_introduces_the_next_quote():
    text = 'The debate was tense.\n\nLater, Ben Ortiz turned to the moderators:\n\n"Your questions are unfair to everyone."'
    q = only(text, "direct")
    assert q.speaker == "Ben Ortiz"


def test_sentence_opening_said_takes_its_subject_after():
    text = 'The crowd thinned.\nSaid Dora Penn, who grew up nearby, "We were all so proud of him."'
    q = only(text, "direct")
    assert q.speaker == "Dora Penn"


def test_absolute_participle_takes_the_phrase_before_it():
    text = 'The two met on Monday, with Ana Kirk calling it "a great meeting."'
    q = only(text)
    assert (q.speaker, q.cue) == ("Ana Kirk", "calling")


def test_numbered_group_as_speaker():
    text = 'The senators sent a letter.\n"We are not satisfied," the two write.'
    q = only(text)
    assert mention(text, q) == "the two"


def test_first_piece_of_an_interrupted_quote_takes_the_later_attribution():
    text = 'Rain fell.\n\nThe plan has critics. "I do not think the plan" -- a costly one -- "will last," Ivo Marsh says.'
    quotes = [q for q in extract(text) if q.kind != "indirect"]
    assert [(q.text, q.speaker) for q in quotes] == [("I do not think the plan", "Ivo Marsh"), ("will last,", "Ivo Marsh")]


def test_subject_is_read_across_a_quoted_title_inside_its_phrase():
    text = (
        "Local author Dan Obi, whose book “The Lighthouse Cat” was written in the library, said the closure "
        "would hurt every child in the town."
    )
    assert [(q.text, q.speaker) for q in extract(text)] == [
        ("the closure would hurt every child in the town", "Dan Obi")
    ]


def test_as_someone_put_it_introduces_a_quote():
    text = 'As the columnist Dana Hill put it, "The council has run out of road and out of money."'
    assert [(q.speaker, q.cue) for q in extract(text)] == [("Dana Hill", "put it")]


def test_restrictive_who_after_a_name_takes_the_name():
    text = 'The post came from Rikki Wells who wrote, "Nobody on the council ever reads the rules at all."'
    q = only(text)
    assert (q.speaker, mention(text, q)) == ("Rikki Wells", "who")


def test_straight_single_marks_in_a_british_style_text():
    text = "Bob Hill spoke first.\n\n'We went there,' said Bob Hill. 'It was fine.'\n"
    assert [(q.text, q.speaker, q.kind) for q in extract(text)] == [
        ("We went there,", "Bob Hill", "direct"), ("It was fine.", "Bob Hill", "direct")
    ]


def test_an_including_phrase_after_the_subject_is_not_its_role():
    text = 'Critics, including councillor Sam Ruiz, warned that the budget was "wildly optimistic".'
    q = only(text, "partial")
    assert (q.text, q.speaker, q.role) == ("wildly optimistic", "Critics", None)


# Issue 8 §2: quoted words with no speech cue and no speaker acting on them are not speech; a name a speaker coins
# or uses is their partial quote. (text, the quoted words returned with their speaker)
QUOTED_TERMS = [
    ('The Courier sent its "star reporter" to the county fair on Monday.', []),
    ('The agency had quietly activated its "rapid response" team by noon.', []),
    # the subject's own possessive after a speech or naming verb, or before a speech noun: their words
    ('Sara Dunne spoke at the fair. She repeated her "no new roads" pledge to the crowd.',
     [("no new roads", "Sara Dunne")]),
    ('Sara Dunne spoke at the fair. She defended her "lazy councillors" remark on Monday.',
     [("lazy councillors", "Sara Dunne")]),
    ('Far from giving the new arrivals "a fair hearing", the board has closed the office.', []),
    ('The club\'s motto was "never give in" and the players lived by it.', []),
    ('Dunne thinks the plan is "brave" but far too costly.', []),
    ('Sara Dunne spoke at the fair. She again called her rival "Crooked Mike."', [("Crooked Mike.", "Sara Dunne")]),
    ('Sara Dunne spoke at the fair. She dubbed it "the Harvest Plan" for the valley.',
     [("the Harvest Plan", "Sara Dunne")]),
    ('She joined a club called "Save Our Park" last year.', []),
    ('The county started a program dubbed "Operation Lifeline" in May.', []),
    ('Ann Dale is the author of "Nobody Else Was Coming," a history of the flood.', []),
    # "called" naming a thing is no cue: the quote goes on with the speaker before it
    ('Ann Dale spoke, citing a fund called Harbour First. "They will lose," she said.',
     [("They will lose,", "Ann Dale")]),
    # "continue to" is going on, not speaking: the quoted words are the speaker's
    ('Ann Dale said she is certain Tom Reed will continue to be "a friend of the port."',
     [("a friend of the port.", "Ann Dale")]),
    # a fragment no cue and no subject of its own sentence claims is not the words of an earlier sentence's subject
    ('Ben Ortiz toured the flooded street on Monday. For years there was talk of a "death trap" on the bend.', []),
    ('Ben Ortiz toured the flooded street on Monday. "We have never seen water this high."',
     [("We have never seen water this high.", "Ben Ortiz")]),    # a sentence quoted after a colon of the writer's, with no cue, is the words of that sentence's subject
    ('"We will fight," said Ann Dale. Ben Ortiz made his view plain: "We will rebuild the bridge."',
     [("We will fight,", "Ann Dale"), ("We will rebuild the bridge.", "Ben Ortiz")]),
    ('Ann Dale spoke first. The harbour board then had one message for the town: "Nobody will lose their home."',
     [("Nobody will lose their home.", "The harbour board")]),
    ('The sign on the gate had three words: "keep out now."', []),
    # the kind of a work right before the mark makes the quoted words its title; after a full stop, a passage of it
    ('Ann Dale looked back on the flood in her 2019 memoir, "When the River Came for Us All," which sold well.', []),
    ('Ann Dale said her new film, "Nobody Else Was Coming to Save the Town," opens in May.', []),
    ('Ann Dale looked back on the flood in her memoir. "We had an hour to leave," she wrote.',
     [("We had an hour to leave,", "Ann Dale")]),
    # a marker word that is a name ("Paul Song") marks nothing; a naming verb before one makes the words speech
    ('Ann Dale said the comment by Dr. Paul Song "was inappropriate and insensitive."',
     [("was inappropriate and insensitive.", "Ann Dale")]),
    ('The station boss Ann Dale called the show "the news show of record."',
     [("the news show of record.", "Ann Dale")]),
]


@pytest.mark.parametrize(("text", "expected"), QUOTED_TERMS)
def test_quoted_terms(text, expected):
    assert [(q.text, q.speaker) for q in extract(text) if q.kind != "indirect"] == expected


def test_new_quote_builds_what_the_quote_dataclass_builds():
    # (distinct values, one for every field: a field _new_quote missed or mixed up fails the comparison)
    fields = dict(start=1, end=2, text="t", kind="direct", speaker="s", speaker_type="person", role="r",
                  mention_start=3, mention_end=4, cue="c", confidence=0.5, rule="u", speaker_gender="female",
                  speaker_gender_source="article", co_speakers=("p",))
    assert list(fields) == [field.name for field in dataclasses.fields(Quote)]
    built, expected = _new_quote(**fields), Quote(**fields)
    assert [getattr(built, name) for name in fields] == [getattr(expected, name) for name in fields]
    assert built == expected and hash(built) == hash(expected) and type(built) is Quote
