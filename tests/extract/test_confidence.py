"""The confidence model: the weights file, the shape of the model, and the evidence the extractor reads."""

from __future__ import annotations

import dataclasses
import importlib
import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotecheck.extract import confidence as confidence_module, extract
from quotecheck.extract.attribute import RULES, extract_quotes
from quotecheck.extract.confidence import (
    MENTION_KINDS,
    NUMERIC_FEATURES,
    QUOTE_KINDS,
    SPEAKER_TYPES,
    WEIGHTS_DATA,
    Evidence,
    confidence,
    features,
    known_feature,
    load_weights,
    logit,
    odd_name,
)

# A name right at the cue: '"…," said Ann Lee.'
NAME_AT_CUE = Evidence(
    "trailing-cue", "direct", mention="name", speaker_type="person", resolved=True, multi_word=True, distance=2,
    same_sentence=True, same_paragraph=True,
)
# The same attribution resting on a pronoun whose antecedent has rivals: '"…," she said.'
PRONOUN_WITH_RIVALS = dataclasses.replace(NAME_AT_CUE, mention="pronoun", rivals=2, gender_known=True)


def test_weights_file_loads_and_names_only_known_features():
    bias, groups, numeric = load_weights(WEIGHTS_DATA)
    assert math.isfinite(bias) and WEIGHTS_DATA["fitted_on"]
    for name, weight in WEIGHTS_DATA["weights"].items():
        assert known_feature(name), name
        assert math.isfinite(weight)
        group, _, value = name.partition("=")
        if group == "rule":
            assert value in RULES, name
    assert set(numeric) == set(NUMERIC_FEATURES)


def test_unknown_feature_in_weights_is_an_error():
    with pytest.raises(ValueError, match="unknown features: shoe_size"):
        load_weights({"bias": 0.0, "weights": {"shoe_size": 1.0}})


def test_known_features_are_exactly_those_the_model_produces():
    assert known_feature("rule=trailing-cue") and known_feature("mention=pronoun") and known_feature("rivals")
    assert not known_feature("mention=ghost") and not known_feature("kind=quoted") and not known_feature("size")


# (a field's type is its annotation's text, or the type itself when the module is compiled)
FLAGS = [field.name for field in dataclasses.fields(Evidence) if field.type in ("bool", bool)]
evidence = st.builds(
    Evidence,
    rule=st.sampled_from(RULES),
    kind=st.sampled_from(QUOTE_KINDS),
    mention=st.sampled_from(MENTION_KINDS),
    speaker_type=st.sampled_from(SPEAKER_TYPES),
    distance=st.integers(0, 10_000_000),
    rivals=st.integers(0, 1000),
    **{flag: st.booleans() for flag in FLAGS},
)


@given(evidence)
def test_confidence_is_strictly_between_0_and_1(found):
    assert 0.0 < confidence(found) < 1.0


def test_every_numeric_feature_is_a_field_and_a_flag_or_number():
    assert set(NUMERIC_FEATURES) - {"log_distance"} <= {field.name for field in dataclasses.fields(Evidence)}
    assert len(FLAGS) == len(NUMERIC_FEATURES) - 2  # all but log_distance and rivals are yes/no


# Every feature with its own weight (1, 2, 3, … apart), so a feature logit() forgets or mixes up shows.
DISTINCT = {
    "bias": 0.5,
    "weights": {
        name: (index + 1) / 7
        for index, name in enumerate(
            [f"rule={rule}" for rule in RULES]
            + [f"mention={kind}" for kind in MENTION_KINDS]
            + [f"kind={kind}" for kind in QUOTE_KINDS]
            + [f"type={kind}" for kind in SPEAKER_TYPES]
            + list(NUMERIC_FEATURES)
        )
    },
}


@given(evidence)
def test_fast_logit_matches_the_named_features(found):
    module = importlib.import_module("quotecheck.extract.confidence")
    bias, groups, numeric = load_weights(DISTINCT)
    saved = {name: getattr(module, name) for name in ("_BIAS", "_W", "_RULE_W", "_MENTION_W", "_KIND_W", "_TYPE_W")}
    try:
        module._BIAS, module._W = bias, numeric
        module._RULE_W, module._MENTION_W, module._KIND_W, module._TYPE_W = (
            groups["rule"], groups["mention"], groups["kind"], groups["type"])
        expected = bias + sum(DISTINCT["weights"][name] * value for name, value in features(found).items())
        assert logit(found) == pytest.approx(expected, abs=1e-9)
    finally:
        for name, value in saved.items():
            setattr(module, name, value)


def test_pronoun_with_rivals_is_less_sure_than_a_name_at_the_cue():
    assert confidence(PRONOUN_WITH_RIVALS) < confidence(NAME_AT_CUE)


@pytest.mark.parametrize(
    "worse, better",
    [
        (dict(rivals=3), dict(rivals=0)),
        (dict(rivals=1), dict(rivals=0)),
        (dict(gender_known=False), dict(gender_known=True)),
        (dict(antecedent_far=True), dict(antecedent_far=False)),
        (dict(distance=400), dict(distance=2)),
        (dict(same_sentence=False), dict(same_sentence=True)),
        (dict(resolved=False, no_speaker=True), dict(resolved=True)),
    ],
)
def test_monotone_in_the_evidence(worse, better):
    assert confidence(dataclasses.replace(PRONOUN_WITH_RIVALS, **worse)) <= confidence(
        dataclasses.replace(PRONOUN_WITH_RIVALS, **better)
    )
    assert confidence(dataclasses.replace(PRONOUN_WITH_RIVALS, **worse)) < confidence(NAME_AT_CUE)


def test_a_name_that_is_not_a_name_lowers_confidence():
    assert odd_name("Boston’s Walsh") and odd_name("Impeaching Trump") and odd_name("Los Angeles-area Sanders")
    assert not odd_name("Ann Lee") and not odd_name("Anwar al-Awlaki") and not odd_name("Reuters")
    assert confidence(dataclasses.replace(NAME_AT_CUE, odd_name=True)) < confidence(NAME_AT_CUE)


def test_confidence_varies_within_one_rule():
    text = (
        "Ann Lee, the mayor, met Mary Cole and Joan Park on Monday.\n"
        '"The budget is balanced," said Ann Lee.\n'
        "Cole and Park disagreed with the plan.\n"
        '"We will see," she said.'
    )
    quotes = [q for q in extract(text) if q.rule == "trailing-cue"]
    assert len(quotes) == 2 and quotes[0].speaker == "Ann Lee"
    assert quotes[0].confidence > quotes[1].confidence  # a name at the cue; a "she" with rivals


def test_the_evidence_behind_each_quote():
    text = (
        "Ann Lee, the mayor, met Mary Cole and Joan Park on Monday.\n"
        '"The budget is balanced," said Ann Lee.\n'
        "Cole and Park disagreed with the plan.\n"
        '"We will see," she said.'
    )
    found = []
    quotes = extract_quotes(text, found)
    assert [quote for quote, _ in found] == quotes
    by_text = {quote.text: evidence for quote, evidence in found}
    named = by_text["The budget is balanced,"]
    assert (named.mention, named.resolved, named.multi_word, named.same_sentence, named.rivals) == (
        "name", True, True, True, 0)
    pronoun = by_text["We will see,"]
    assert (pronoun.mention, pronoun.resolved, pronoun.gender_known) == ("pronoun", True, True)
    # whichever woman "she" resolved to, the others named in this paragraph and the one before compete with her
    assert pronoun.rivals >= 1
    assert all(quote.confidence == confidence(evidence) for quote, evidence in found)


def test_an_unresolved_pronoun_has_no_speaker_and_low_confidence():
    text = 'The meeting ran late.\n"We will see," she said.'
    found = []
    (quote,) = extract_quotes(text, found)
    assert quote.speaker is None and found[0][1].no_speaker
    assert quote.confidence < 0.5


def test_may_read_odd_holds_wherever_the_pattern_matches():
    # marks and endings each branch reads, white space \s and str.isspace() disagree on, letters beyond ASCII
    pieces = list(" \t\n\x1c\xa0\u2003'’-.") + ["Boston", "Walsh", "s", "area", "Impeaching", "ing", "Éloïse", "ab"]
    rng = random.Random(17)
    for _ in range(20000):
        name = "".join(rng.choices(pieces, k=rng.randint(0, 7)))
        if confidence_module._ODD_NAME.search(name):
            assert confidence_module._may_read_odd(name), name
