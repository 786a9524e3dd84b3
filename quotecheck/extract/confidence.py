"""How likely an attribution names the right speaker: a logistic model over the evidence behind it.

``confidence(evidence) = 1 / (1 + exp(-(bias + Σ weight · feature)))``. The features describe one attributed quote:
the sieve that decided it, the kind of mention it rests on, how that mention was resolved, how far the mention is
from the quoted words and how many other people a pronoun could mean. The weights are data
(``lexicon/confidence.json``, loaded once at import) fitted on the development sets by ``benchmarks/calibrate.py``,
so that among quotes with confidence c about c name the right speaker (name-strict, as ``quotecheck eval`` judges).

Pure: no I/O after import. ``gather`` reads the evidence off the extractor's objects; ``features`` turns it into
named numbers (what the weights file names); ``confidence`` scores it."""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Final

import regex

from quotecheck.extract.lexicons import PRONOUNS, ROLE_NOUNS, STOP_CAPITALS, TITLES

if TYPE_CHECKING:  # (typed, the compiled gather reads their fields and calls their methods directly)
    from quotecheck.extract.entities import Entities, Entity
    from quotecheck.extract.layout import Layout
    from quotecheck.extract.mentions import Mention

MENTION_KINDS: Final = ("name", "pronoun", "nominal", "none")
QUOTE_KINDS: Final = ("direct", "partial", "indirect")
SPEAKER_TYPES: Final = ("person", "organisation", "anonymous", "none")
# Features that are numbers, not one of a group of categories ("rule=…", "mention=…", "kind=…", "type=…").
NUMERIC_FEATURES: Final = (
    "resolved",  # the mention resolved to a speaker of the article (an entity)
    "no_speaker",  # the quote has no speaker name at all (an unresolved pronoun)
    "multi_word",  # the speaker's name has two words or more ("Linas Linkevicius")
    "lone_capital",  # the speaker's name is one capitalised word ("Linkevicius", "Reuters")
    "renamed",  # a name mention that resolved to another form of the name ("Marcelino" -> "Catarina Marcelino")
    "name_in_description",  # a name read inside a description ("a person close to the Clintons" -> Clinton)
    "shared_surname",  # the article names more than one speaker with the speaker's surname (Bill, Hillary Clinton)
    "odd_name",  # the speaker's name does not look like a name: a possessive, a leading title or -ing word, 4+ words
    "log_distance",  # log(1 + characters between the mention and the quoted words)
    "same_sentence",  # no sentence starts between the mention and the quoted words
    "same_paragraph",  # the mention is in the quote's paragraph
    "rivals",  # pronouns: other people of the pronoun's gender named in its paragraph or the one before (max 3)
    "gender_known",  # pronouns: the antecedent's gender is known (else it was only not ruled out)
    "antecedent_near",  # pronouns: the antecedent was last named less than NEAR characters before the pronoun
    "antecedent_far",  # pronouns: ... FAR characters or more before it (or not within the search window)
    "nominal_named",  # nominals: the description resolved to a named person ("the senator" -> Ann Lee)
)
MAX_RIVALS: Final = 3
NEAR: Final = 64
FAR: Final = 512
# Not a name: "Boston's Walsh", "Gordon Brown's Budget", "Impeaching Trump", "Los Angeles-area Sanders" (a capitalised
# run read as a name); a first word that is a title, role noun or sentence opener is checked in odd_name.
_ODD_NAME: Final = regex.compile(r"['’]s\b|-\p{Ll}{3,}\b|^\p{Lu}\p{Ll}+ing\s|^(?:\S+\s+){3}\S")
_ODD_NAME_PARTS: Final = ("'", "’", "-", "ing")  # what each of _ODD_NAME's first three branches holds
_GROUPS: Final = ("rule", "mention", "kind", "type")
_CATEGORIES: Final = {"mention": MENTION_KINDS, "kind": QUOTE_KINDS, "type": SPEAKER_TYPES}
_WEIGHTS_FILE: Final = resources.files("quotecheck.extract") / "lexicon" / "confidence.json"


@dataclass(slots=True, init=False)
class Evidence:
    """What one attribution rests on (see NUMERIC_FEATURES for the numeric fields). Built once per quote, so not
    frozen (a frozen dataclass's constructor costs several times more) and with its own ``__init__``: compiled,
    mypyc runs a generated one as interpreted Python (1.1% of extract()'s instructions)."""

    rule: str
    kind: str  # direct / partial / indirect
    mention: str = "none"  # name / pronoun / nominal / none
    speaker_type: str = "none"  # person / organisation / anonymous / none
    resolved: bool = False
    no_speaker: bool = False
    multi_word: bool = False
    lone_capital: bool = False
    renamed: bool = False
    name_in_description: bool = False
    shared_surname: bool = False
    odd_name: bool = False
    distance: int = 0  # characters between the mention and the quoted words
    same_sentence: bool = False
    same_paragraph: bool = False
    rivals: int = 0
    gender_known: bool = False
    antecedent_near: bool = False
    antecedent_far: bool = False
    nominal_named: bool = False

    def __init__(
        self, rule: str, kind: str, *,
        mention: str = "none", speaker_type: str = "none", resolved: bool = False, no_speaker: bool = False,
        multi_word: bool = False, lone_capital: bool = False, renamed: bool = False,
        name_in_description: bool = False, shared_surname: bool = False, odd_name: bool = False, distance: int = 0,
        same_sentence: bool = False, same_paragraph: bool = False, rivals: int = 0, gender_known: bool = False,
        antecedent_near: bool = False, antecedent_far: bool = False, nominal_named: bool = False,
    ) -> None:
        self.rule = rule
        self.kind = kind
        self.mention = mention
        self.speaker_type = speaker_type
        self.resolved = resolved
        self.no_speaker = no_speaker
        self.multi_word = multi_word
        self.lone_capital = lone_capital
        self.renamed = renamed
        self.name_in_description = name_in_description
        self.shared_surname = shared_surname
        self.odd_name = odd_name
        self.distance = distance
        self.same_sentence = same_sentence
        self.same_paragraph = same_paragraph
        self.rivals = rivals
        self.gender_known = gender_known
        self.antecedent_near = antecedent_near
        self.antecedent_far = antecedent_far
        self.nominal_named = nominal_named


def features(evidence: Evidence) -> dict[str, float]:
    """The named features of ``evidence``, as the weights file names them (zero-valued ones left out)."""
    named = {
        f"rule={evidence.rule}": 1.0,
        f"mention={evidence.mention}": 1.0,
        f"kind={evidence.kind}": 1.0,
        f"type={evidence.speaker_type}": 1.0,
    }
    for name in NUMERIC_FEATURES:
        value = _numeric(evidence, name)
        if value:
            named[name] = value
    return named


def _numeric(evidence: Evidence, name: str) -> float:
    if name == "log_distance":
        return math.log1p(evidence.distance)
    if name == "rivals":
        return float(min(evidence.rivals, MAX_RIVALS))
    return float(getattr(evidence, name))


def known_feature(name: str) -> bool:
    """Is ``name`` a feature ``features`` can produce? (Rule names are checked against attribute.RULES by the
    tests, since the rules live there.)"""
    group, sep, value = name.partition("=")
    if not sep:
        return name in NUMERIC_FEATURES
    if group == "rule":
        return bool(value)
    return value in _CATEGORIES.get(group, ())


def load_weights(data: dict) -> tuple[float, dict[str, dict[str, float]], dict[str, float]]:
    """Bias, per-group category weights and numeric weights from a weights-file object."""
    weights = data["weights"]
    unknown = [name for name in weights if not known_feature(name)]
    if unknown:
        raise ValueError(f"confidence weights name unknown features: {', '.join(sorted(unknown))}")
    groups: dict[str, dict[str, float]] = {group: {} for group in _GROUPS}
    numeric = {name: 0.0 for name in NUMERIC_FEATURES}
    for name, weight in weights.items():
        group, sep, value = name.partition("=")
        if sep:
            groups[group][value] = float(weight)
        else:
            numeric[name] = float(weight)
    return float(data["bias"]), groups, numeric


WEIGHTS_DATA: Final[dict] = json.loads(_WEIGHTS_FILE.read_text(encoding="utf-8"))
_BIAS, _GROUP_WEIGHTS, _W = load_weights(WEIGHTS_DATA)
_RULE_W, _MENTION_W, _KIND_W, _TYPE_W = (_GROUP_WEIGHTS[group] for group in _GROUPS)


def logit(evidence: Evidence) -> float:
    """bias + Σ weight · feature, written out (this runs once per quote)."""
    e = evidence
    z = (
        _BIAS
        + _RULE_W.get(e.rule, 0.0)
        + _MENTION_W.get(e.mention, 0.0)
        + _KIND_W.get(e.kind, 0.0)
        + _TYPE_W.get(e.speaker_type, 0.0)
        + _W["log_distance"] * math.log1p(e.distance)
    )
    if e.resolved:
        z += _W["resolved"]
    if e.no_speaker:
        z += _W["no_speaker"]
    if e.multi_word:
        z += _W["multi_word"]
    if e.lone_capital:
        z += _W["lone_capital"]
    if e.renamed:
        z += _W["renamed"]
    if e.name_in_description:
        z += _W["name_in_description"]
    if e.shared_surname:
        z += _W["shared_surname"]
    if e.odd_name:
        z += _W["odd_name"]
    if e.same_sentence:
        z += _W["same_sentence"]
    if e.same_paragraph:
        z += _W["same_paragraph"]
    if e.rivals:
        z += _W["rivals"] * min(e.rivals, MAX_RIVALS)
    if e.gender_known:
        z += _W["gender_known"]
    if e.antecedent_near:
        z += _W["antecedent_near"]
    if e.antecedent_far:
        z += _W["antecedent_far"]
    if e.nominal_named:
        z += _W["nominal_named"]
    return z


def confidence(evidence: Evidence) -> float:
    """The chance, by the fitted model, that this attribution names the right speaker."""
    return probability(logit(evidence))


def probability(z: float) -> float:
    """The logistic function of ``z``, to three decimals (what is stored and exported), from 0.001 to 0.999."""
    z = min(30.0, max(-30.0, z))
    return min(0.999, max(0.001, round(1.0 / (1.0 + math.exp(-z)), 3)))


@lru_cache(maxsize=4096)
def odd_name(name: str) -> bool:
    """Does a speaker name read as something else caught in a capitalised run?"""
    if _may_read_odd(name) and _ODD_NAME.search(name):
        return True
    first, _, rest = name.partition(" ")
    first = first.lower().rstrip(".")
    return bool(rest) and (first in TITLES or first in ROLE_NOUNS or first in STOP_CAPITALS)


def _may_read_odd(name: str) -> bool:
    """Could _ODD_NAME match ``name``? Only where it holds one of _ODD_NAME_PARTS or at least three spaces (its last
    branch; a printable name holds no white space but spaces). (A str test first: most names hold none, and the
    pattern is tried at each of their characters.)"""
    return any(part in name for part in _ODD_NAME_PARTS) or name.count(" ") >= 3 or not name.isprintable()


def gather(
    text: str,
    layout: Layout,
    entities: Entities,
    start: int,
    end: int,
    kind: str,
    rule: str,
    mention: Mention | None,
    entity: Entity | None,
    speaker: str | None,
    speaker_type: str | None,
) -> Evidence:
    """The evidence behind one attribution, read off the extractor's state: ``layout`` (paragraphs and sentence
    starts), ``entities`` (the article's speakers), the quote's span and kind, the rule, the mention it rests on,
    the entity that mention resolved to (or None) and the speaker name and type the quote will carry."""
    multi_word = lone_capital = False
    if speaker:
        words = speaker.split()
        multi_word = len(words) > 1
        lone_capital = len(words) == 1 and words[0][0].isupper()
    shared_surname = odd = False
    if entity is not None:
        shared_surname = len(entities.by_surname.get(entity.surname, ())) > 1
        odd = odd_name(entity.name)
    if mention is None:
        return Evidence(rule, kind, speaker_type=speaker_type or "none", resolved=entity is not None,
                        no_speaker=speaker is None, multi_word=multi_word, lone_capital=lone_capital,
                        shared_surname=shared_surname, odd_name=odd)
    # the stretch between the mention and the quoted words (zero when one holds the other)
    if mention.end <= start:
        low, high = mention.end, start
    elif mention.start >= end:
        low, high = end, mention.start
    else:
        low = high = start
    starts = layout.sentence_starts
    same_sentence = bisect_right(starts, high) == bisect_right(starts, low)
    same_paragraph = layout.paragraph_index(low) == layout.paragraph_index(high)
    rivals = antecedent = 0
    gender_known = False
    if mention.kind == "pronoun" and entity is not None:
        gender = PRONOUNS.get(mention.name.lower())
        if gender in ("male", "female"):
            gender_known = entity.gender is not None
            here = layout.paragraph_index(mention.start)
            since = layout.paragraphs[here - 1][0] if here > 0 else 0
            rivals, antecedent = entities.pronoun_evidence(entity, mention.start, gender, since)
    return Evidence(
        rule,
        kind,
        mention=mention.kind,
        speaker_type=speaker_type or "none",
        resolved=entity is not None,
        no_speaker=speaker is None,
        multi_word=multi_word,
        lone_capital=lone_capital,
        renamed=mention.kind == "name" and speaker is not None and speaker != mention.name,
        name_in_description=mention.kind == "name" and text[mention.start].islower(),
        shared_surname=shared_surname,
        odd_name=odd,
        distance=high - low,
        same_sentence=same_sentence,
        same_paragraph=same_paragraph,
        rivals=rivals,
        gender_known=gender_known,
        antecedent_near=0 < antecedent < NEAR,
        antecedent_far=antecedent >= FAR,
        nominal_named=mention.kind == "nominal" and entity is not None and entity.speaker_type == "person",
    )
