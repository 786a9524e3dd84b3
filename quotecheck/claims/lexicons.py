"""The word lists in lexicon/*.txt, loaded once at import: one entry per line, ``#`` starts a comment."""

from __future__ import annotations

import regex

from quotecheck.wordlists import word_list


def lines(name: str) -> list[str]:
    return word_list("quotecheck.claims", name)


def words(name: str) -> frozenset[str]:
    """The entries in lower case (for words matched whatever their case)."""
    return frozenset(line.lower() for line in lines(name))


def alternation(name: str) -> str:
    """The entries as one regex alternation, longest first, a space in an entry matching any run of spaces."""
    entries = sorted(lines(name), key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(regex.escape(part) for part in entry.split()) for entry in entries) + ")"


def _irregular_forms() -> tuple[frozenset[str], frozenset[str]]:
    """(simple past forms, past participles) of irregular verbs: "ran run" is past "ran", participle "run"; a line
    of one form gives both."""
    past, participle = set(), set()
    for line in lines("irregular_past.txt"):
        forms = line.lower().split()
        past.add(forms[0])
        participle.add(forms[-1])
    return frozenset(past), frozenset(participle)


NUMBER_WORDS = alternation("number_words.txt")
SCALE_WORDS = alternation("scale_words.txt")
FRACTIONS = alternation("fractions.txt")
APPROXIMATORS = alternation("approximators.txt")
PERCENT = alternation("percent_words.txt")
MONTHS = alternation("months.txt")
WEEKDAYS = alternation("weekdays.txt")
SEASONS = alternation("seasons.txt")
CALENDAR_UNITS = alternation("calendar_units.txt")
PERIOD_WORDS = alternation("period_words.txt")
PERIOD_MODIFIERS = alternation("period_modifiers.txt")
DAY_WORDS = alternation("day_words.txt")
CHANGE_MULTIPLIERS = alternation("change_multipliers.txt")
CHANGE_VERBS = alternation("change_verbs.txt")
COMPARATIVES = alternation("comparatives.txt")
SUPERLATIVE_WORDS = alternation("superlative_words.txt")
DETERMINERS = alternation("determiners.txt")

NAMING_WORDS = words("naming_words.txt")


def any_word(*names: str) -> frozenset[str]:
    """Every single word in these lists, in lower case: what a quote must hold for a rule to have a chance."""
    return frozenset(part for name in names for line in lines(name) for part in line.lower().split())


# The words that let a family of rules match (rules.find_claims skips the families a quote holds none of).
NUMBER_CUES = any_word("number_words.txt", "fractions.txt")
DATE_CUES = any_word("months.txt", "weekdays.txt", "seasons.txt", "day_words.txt") | {"this", "last", "next", "ago"}
COMPARISON_CUES = any_word("change_multipliers.txt") | {"than"}
SUPERLATIVE_CUES = any_word("superlative_words.txt") | {"record", "never"}
FUNCTION_WORDS = words("function_words.txt")
NOT_COMPARATIVES = words("not_comparatives.txt")
NOT_SUPERLATIVES = words("not_superlatives.txt")
NOT_EVENTS = words("not_events.txt")
SPEECH_VERBS = words("speech_verbs.txt")
PAST_BLOCKERS = words("past_blockers.txt")
SUBJECT_PRONOUNS = words("subject_pronouns.txt")
DETERMINER_WORDS = words("determiners.txt")
ADVERBS = words("adverbs.txt")
IRREGULAR_PAST, IRREGULAR_PARTICIPLES = _irregular_forms()
