"""Coreference: mentions -> speakers within one article. Surname and title forms resolve to the fullest name,
pronouns to the nearest compatible earlier person, nominals ("the Swedish politician") to the person whose role
matches; the subject of every speech cue is resolved here (``Entities.resolve_cue_speakers``), so attribution only
links quotes to mentions."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Container, Sequence
from dataclasses import replace
from functools import lru_cache
from string import ascii_lowercase
from typing import TYPE_CHECKING, Final, overload


import re

import regex
from rapidfuzz import fuzz, process

from quotecheck.extract.layout import Layout
from quotecheck.extract.name_index import NameIndex
from quotecheck.extract.lexicons import (
    ABBREVIATED_TITLES,
    COMMON_VERBS,
    DETERMINERS,
    FIRST_NAMES,
    GENERIC_ORGANISATIONS,
    MEDIA_HEADS,
    MEDIA_NAMES,
    OFFICE_MODIFIERS,
    ORGANISATION_ROLES,
    ADVERBS,
    PLACE_KINDS,
    AUTHORED_DOCUMENTS,
    GROUP_MEMBERS,
    HEADLINE_WORDS,
    OFFICES,
    ORGANISATION_WORDS,
    PARTICLES,
    PLACES,
    PRONOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    STOP_CAPITALS,
    TIME_WORDS,
    TITLE_ABBREVIATIONS,
    TITLES,
    word_pattern,
)
from quotecheck.extract.mentions import STATE_ABBREVIATION, Mention, role_near, speaker_noun, tidy_role
from quotecheck.extract.model import SpeakerType

if TYPE_CHECKING:
    from quotecheck.extract.cues import Cue

# (The module's constants are Final, as are the lexicons': compiled, reading one is a C variable, not a dict look-up.)

# A capitalised run: optional abbreviated title, then words; a dot only after an initial ("John F. Kennedy"), so
# a run never crosses a sentence end ("... in Iraq. Carson said"). Every run starts with a capital (so do the
# titles): the lookahead first rejects most positions with one test, a fifth faster than the lookbehind first.
_NAME_PREFIXES: Final = ("al", "el", "ad", "as", "ash", "at", "az", "bin", "ibn", "abu", "abd", "ul")  # "al-Sabah"
# The first letter of a word that may go on a run (a capital, a nickname's quote mark, a particle, a prefix): a
# set tested first rejects the lower-case word after most runs, a tenth faster than trying each alternative on it.
_NEXT_WORD_START: Final = "[\\p{Lu}“\"‘" + "".join(sorted({word[0] for word in PARTICLES | set(_NAME_PREFIXES)})) + "]"
_NAME: Final = regex.compile(
    r"(?=\p{Lu})(?<![\p{L}\p{N}'’])(?:(?:" + word_pattern(ABBREVIATED_TITLES) + r")\.[ \u00a0])?"
    r"(?:(?:\p{Lu}\.)+|\p{Lu}[\p{L}\p{M}'’\-]*)"
    r"(?:[ \u00a0](?=" + _NEXT_WORD_START + r")"
    r"(?!(?:" + word_pattern(word.capitalize() for word in HEADLINE_WORDS) + r")\b)"  # (a headline's "Is")
    r"(?:[“\"‘]\p{Lu}[\p{L}\-]*[”\"’][ \u00a0])?"  # a nickname: Robbie “Tiny” Hallam
    r"(?:(?:" + word_pattern(PARTICLES) + r")[ \u00a0])?"
    # an abbreviated title inside the run too: "California Gov. Jerry Brown"
    r"(?:(?:" + word_pattern(ABBREVIATED_TITLES) + r")\.(?=[ \u00a0]\p{Lu})|\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’\-]*"
    r"|(?:" + word_pattern(_NAME_PREFIXES) + r")-\p{Lu}[\p{L}\p{M}'’\-]*)"  # "Ali al-Khalifa al-Sabah"
    r"(?![\p{L}\p{N}])){0,6}"
)
_NICKNAME_MARKS: Final = frozenset('“"‘')
_GENERATIONS: Final = frozenset(("jr", "sr", "ii", "iii", "iv"))
_GIVEN_NAME_AFTER_FAMILY: Final = regex.compile(r"\p{Lu}\p{Ll}+-\p{Ll}+")  # "Ki-moon", "Jae-in": a Korean given name
# After "Town, ": a state or province abbreviated, then a comma or the rest of the sentence ("Allentown, Pa., said")
_PLACE_ABBREVIATION: Final = regex.compile(r"(?:" + STATE_ABBREVIATION + r")(?=[,;)]|\s+\p{Ll})")
_AGENT_BEFORE: Final = regex.compile(r"\bby\s+(?:[\w.'’-]+\s+){0,3}$")  # "by Sen. Dianne …", "by the senator"
AGENT_CHARS: Final = 40
_PLACE_CHARS: Final = 30  # the longest town name before such a state
# an appositive between a name and its verb ("Naureen Jahangir, a mother from Hemet, California,")
APPOSITIVE_CHARS: Final = 120
# an aside between dashes, which mark both ends ("Whit Ayres -- author of … -- is skeptical")
DASH_ASIDE_CHARS: Final = 200
TAG_CHARS: Final = 30  # a bracketed tag after a name: party and state ("(R-Kans.)"), an age, a post
# an opening phrase before a sentence's subject ("On Monday, ", "In a statement on Friday, ")
OPENING_PHRASE_WORDS: Final = 6
# After a name, the verb it is the subject of, past an appositive and an adverb: "Tom Vance, an adviser, spoke"
_VERB_FORM: Final = r"\p{Ll}++(?<=\p{Ll}ed|[^\Ws]s)"  # a regular -ed or -s form ("spoke", "told" are listed)
_NEGATED_AUXILIARIES: Final = (
    "is", "are", "was", "were", "wo", "ca", "has", "have", "had", "does", "did", "would", "could", "should", "must",
    "might",
)
_PEOPLE_NOUN_ENDS: Final = ("ers", "ors", "ists", "ians", "ants")  # "Clinton voters" is no verb in -s
_VERB_AFTER: Final = regex.compile(
    r"(?:(?<=[JS]r)\.)?"  # the dot of a suffix: "Harry B. Harris Jr., who leads …, makes"
    r"(?:\s+of\s+(?:the\s+)?\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2})?"  # "Ann Beck of Vermont, …, said"
    r"(?:\s\([^()\"“”]{1," + str(TAG_CHARS) + r"}\))?"  # a party tag: "Mike Pompeo (R-Kans.), who …, agreed"
    # an appositive set off by commas (which may hold commas and abbreviations: "a mother from Hemet, California,",
    # "a retiree in Carthage, Ill.,") or by dashes
    # (an initial too: "a top adviser to George W. Bush,")
    r"(?:,(?:[^.;:\"“”]|\.(?=,|\p{Lu})|(?<=[\s\-]\p{Lu})\.(?=\s\p{Lu})){1," + str(APPOSITIVE_CHARS) + r"}?,"
    r"|\s*[—–-][^—–.;:\"“”]{1," + str(DASH_ASIDE_CHARS) + r"}[—–-])?"
    # adverbs and auxiliaries before the verb ("Trump also offered", "Jolly doesn't see"); an -s word is a verb, but
    # not "boss", nor a people noun ("Chinese financiers", "Clinton voters"). (A word is read once, possessively,
    # and its ending checked behind it: no backtracking through its letters.)
    r"\s+(?:(?:\p{Ll}++(?<=\p{Ll}ly)|(?:" + word_pattern(ADVERBS) + r")(?:n['’]t)?)\s+){0,2}"
    r"(?!\p{Ll}++(?<=\p{Ll}(?:" + "|".join(_PEOPLE_NOUN_ENDS) + r"))\b)"
    # (an auxiliary with n't is the verb: "Stewart wouldn't say", "Brooks doesn't mince words")
    r"(?:(?:" + "|".join(_NEGATED_AUXILIARIES) + r")n['’]t|" + _VERB_FORM + r"|" + word_pattern(COMMON_VERBS) + r")\b"
)
# The lower-case words _VERB_AFTER may read first after a name and a space (beside the words ending as an -ly adverb
# or a verb form does): "of", an adverb, a verb, or one of them before "n't" ("doesn't", "wouldn't").
_PREDICATE_OPENINGS: Final = frozenset(
    {"of"} | ADVERBS | COMMON_VERBS | {word + "n" for word in ADVERBS | set(_NEGATED_AUXILIARIES)}
)
_PREDICATE_OPENING_ENDS: Final = ("ly", "ed", "s")
_PLAIN_VERB_FOLLOWERS: Final = frozenset({"", " ", ",", ".", "\n", ";", ":", "!", "?"})  # what ends a word for certain
_SEARCH_BACK: Final = 4000  # characters a pronoun looks back for its antecedent
_MENTIONS_LOOKED_AT: Final = 60  # earlier mentions a pronoun or description looks back over
_FUZZY_LIMIT: Final = 400  # surnames compared by rapidfuzz; an article has a few dozen
FUZZY_MIN_LENGTH: Final = 5  # letters: shorter surnames are matched exactly only ("Lee" is not "Le")
FUZZY_RATIO: Final = 90  # rapidfuzz ratio for a near spelling of a surname ("Linkevicius" / "Linkevičius")
PLACE_WORDS: Final = 3  # words of a place name at the front of a capitalised run ("Los Angeles Mayor …")
_SECTION_RULE: Final = re.compile(r"[ \t]*(?:_{3,}|\*{3,}|-{3,}|={3,})\.?[ \t]*")  # a whole line
_SECTION_RULES: Final = ("___", "***", "---", "===")  # the three characters every such line holds
_OWNED_SUBJECT: Final = regex.compile(
    r"(?:\s+\p{Ll}[\p{L}\-]*){1,2}\s+(?:" + _VERB_FORM + r"|" + word_pattern(COMMON_VERBS) + r")\b"
)
# the words between "To" and the person whose view a sentence gives: a few words, no clause
_VIEW_LEAD: Final = regex.compile(r"(?:[\p{L}\-.'’]+\s+){0,8}")
# a "who" clause after a description, to the end of its clause: "… who supports Trump, asking for anonymity" (not
# one set off by a comma, which adds to what is known of someone described enough already: "the designer, who …";
# nor a "that" clause, which may be about the last noun: "one owner of a bakery that sells to tourists")
_RELATIVE_CLAUSE: Final = regex.compile(r"\s+who\s+[^,;:\"“”()\[\]]{3,}?(?=[,;:\"“”(\[]|[.!?]?\s*$)")
_RELATIVE_CLAUSE_CHARS = 100
# what follows a description's closing participle and says when or by whom: a weekday, or a preposition and a name
_PARTICIPLE_COMPLEMENT: Final = regex.compile(
    r"\s+(?:\p{Lu}\p{Ll}+day|(?:on|in|by|to|for|at|from)\s+(?:the\s+)?\p{Lu}[\w.’'&-]*(?:\s+\p{Lu}[\w.’'&-]*){0,3})"
    r"(?![\w’'-])"
)
# a lead opening on a person described
_INDEFINITE_LEAD: Final = regex.compile(r"(?:A|An)\s+([^,.;:\"“”()]{3,160})")
# "Clinton's years", "Sanders' rallies": a possessive and a plural (not "Christie's been", "Trump's says")
_OWNED_PLURAL: Final = regex.compile(r"(?:['’]s|s['’])\s+(?!(?:" + word_pattern(COMMON_VERBS) + r")\b)\p{Ll}+s\b")
_OWNER_ENDS: Final = "s'’"  # "Sanders's campaign", "Sanders' campaign", "the Sanders campaign"
_GERUND: Final = re.compile(r"[A-Z][a-z]{3,}ing")
_AGE: Final = regex.compile(r"\d+-year-old")
# "the chancellor", "the former secretary of state", "the Vermont senator's", not followed by the name it titles.
# (It opens on the literal "he", its "T" read behind: the engine then skips to each "he" by a string search instead
# of trying the pattern at every position, a third fewer instructions; a match starts a character after its "The".)
_OFFICE_DESCRIPTION: Final = regex.compile(
    r"he(?<=\b[Tt]he)\s+(?P<role>(?:(?:former|then|outgoing|incoming|current|\p{Lu}[\p{L}\-]*)\s+){0,3}?(?:"
    + word_pattern(OFFICES) + r"))(?P<possessive>['’]s)?\b(?!\s+(?:\p{Lu}|of\b))"
)
_WORKS_FOR_CHARS: Final = 40
# "… by Sunday Telegraph journalist Robert Peston": the author named in a document's description
_BYLINE: Final = regex.compile(r"\bby\s+")
_BYLINE_CHARS: Final = 120
# "Smith and Woods have filed a wrongful death lawsuit": who wrote or filed a document
_AUTHORED: Final = regex.compile(
    r"\b(?:filed|wrote|written|sent|signed|penned|published|submitted|brought|issued|authored)\s+"
    r"(?:an?|the|his|her|their)"
    r"\s+(?:[\p{L}\-]+\s+){0,3}?(?P<head>" + word_pattern(AUTHORED_DOCUMENTS) + r")\b", regex.I
)
_AUTHOR_LOOKBACK: Final = 600
_CLAUSE_END: Final = regex.compile(r"[,.;:!?\"“”()]")
# what follows a document word to name its publisher: "report published on Thursday by the WEF", "book, Title by"
_DOCUMENT_WORD: Final = re.compile(r"\b(?:" + word_pattern(AUTHORED_DOCUMENTS) + r")\b")
# The words as bare text, a str test before the pattern: most windows hold none, which str searches tell several
# times faster than the pattern, tried at every position, finds nothing ("lawsuit" holds "suit": one test for both).
_DOCUMENT_TEXTS: Final = tuple(sorted(
    word for word in AUTHORED_DOCUMENTS if not any(other != word and other in word for other in AUTHORED_DOCUMENTS)
))
_WRITER_IN: Final = re.compile(r"\b[Ii]n\s+(?:the|a|an|his|her|their)\s+(?:[^.;:!?\"“”]{0,40}\s)?$")
_WRITER_IN_CHARS: Final = 60
# Where a writer's document may be opened on ("In the July 9 cable, …"): each "n" before " the ", " a " …, found in
# one pass (the engine skips to each "n " by a string search) rather than one str.find pass per needle.
_WRITER_IN_OPENING: Final = re.compile(r"n (?=(?:the|a|an|his|her|their) )")
_PUBLISHED_BY: Final = regex.compile(
    r"(?:,(?:\s+\p{Lu}[\p{L}'’]*){1,5})?\s+(?:(?:was\s+)?(?:published|released|issued|written|compiled|"
    r"commissioned|conducted|carried\s+out|filed)\s+)?(?:\p{Ll}+\s+\p{Lu}\p{Ll}+\s+)?by\s+"
)
_BOSS_OF: Final = regex.compile(
    r"(?:\s+[\p{Ll}\-]+){0,2}?\s+(?:" + word_pattern(ROLE_NOUNS - ORGANISATION_WORDS) + r")s?\b"
)
# What a name's office is of: "Sen. Rand Paul of Kentucky"; a party and state: "Sen. Ron Johnson, R-Wis.,"
_OFFICE_PLACE: Final = regex.compile(r" of (?:the )?(\p{Lu}\p{L}*(?: \p{Lu}\p{L}*){0,2})")
_PARTY_STATE: Final = regex.compile(
    r"(?:, | \()([RDI]-\p{Lu}[\p{L}.]*|(?:Republican|Democrat|Independent) of \p{Lu}\p{L}*(?: \p{Lu}\p{L}*)?)"
    r"(?=[,.)]| said)"
)
_OPENING_PHRASE: Final = regex.compile(  # "On Monday, ", "At a rally in Portland, Maine, on Thursday, "
    r"\s*(?:(?:[\p{L}\p{N}'’\-.]+\s+){0," + str(OPENING_PHRASE_WORDS - 1) + r"}[\p{L}\p{N}'’\-.]+,\s*){1,3}"
)
# A subordinate clause or a prepositional phrase put before the main clause, up to the comma that ends it
_FRONTED: Final = regex.compile(
    r"\s*(?:(?:But|And|Yet|So)\s+)?(?:even\s+|Even\s+)?(?:When|After|Before|While|As|Although|Though|Because|Since|If"
    r"|Once|Until|Despite|In|On|At|During|With|Without|From|Following|Asked|after|when|while"
    r"|\p{Lu}\p{Ll}+ing)\b"  # a participle phrase: "Repeating a line from his speech at the convention, Biden …"
    r"[^;]*,[”\"’']?\s*"
)
_CLAUSE_JOIN: Final = regex.compile(r"[,;]\s+(?:but|and|yet|so|while|whereas)\s+$|;\s+$")
_CLAUSE_JOIN_WORDS: Final = regex.compile(r"[,;]\s+(?:but|and|yet|so|while|whereas)\s+(?:\S+\s+){1,3}$")
_SENTENCE_CASE: Final = regex.compile(r"\s\p{Ll}{4,}\b")  # a lower-case word past the first: not a title-case headline
_CUE_SUBJECT: Final = 2
_SENTENCE_SUBJECT: Final = 1
_OTHER: Final = 0
_UNREAD: Final = -1  # a salience not yet read (Entities._salience_of)
# After a pronoun: a speech verb that closes the sentence or its first clause (", he said." / ", she added, ")
_CLOSING_CUE: Final = regex.compile(r"\s+(?:" + word_pattern(SPEECH_VERBS) + r")[.,;]")
_DOCUMENTS: Final = frozenset("report reports study survey poll analysis research review statement memo audit".split())
_STEM: Final = 6  # letters two job nouns must share to be forms of one job ("epidemiolog-ist", "epidemiolog-y")
_ARTICLES: Final = frozenset(("a", "an", "the", "one", "another"))
_INDEFINITE_ARTICLES: Final = _ARTICLES - {"the"}
_BARE_SOURCES: Final = frozenset("source sources report reports others officials".split())  # no description to give
_POSSESSIVE_PRONOUNS: Final = {"his": "he", "her": "she"}
_ANY_SOURCE: Final = frozenset(("person", "source"))  # "the person added" goes on from any unnamed source
_GENERAL_JOBS: Final = frozenset("head chief leader official boss member".split())  # heads that fit most offices
_OPENERS: Final = frozenset(" \t\u00a0\"“‘'(")
_AFFILIATIONS: Final = frozenset(("of", "from", "at", "for", "with"))  # a role that opens so names a body one is in
SHARED_SURNAME_SCAN: Final = 50  # the most recent people of one surname a bare surname is weighed against
_OWNER_WORDS: Final = 14  # the longest opening noun phrase read as the owner of "its president"
_OBJECT_STARTS: Final = frozenset(("to", "a", "an", "the", "that", "his", "her"))  # "plans to sue", "wants a …"
_AUXILIARIES: Final = frozenset("is was were are has have had will would can could may might must should".split())
_ROLE_BREAKS: Final = frozenset(("of", "at", "for", "in", "to", "with"))
_CONTRACTION: Final = regex.compile(r"['’](?:m|re|ve|ll|d|t)$|n['’]t$", regex.I)
_LOWER_WORD: Final = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")  # the stdlib engine: 5x faster here
# Punctuation around a word (none of it glue, below): stripped off a whitespace-separated token, it leaves the word
_WORD_WRAPPING: Final = ".,;:!?\"“”‘()[]{}…—–/*"
_LOWER_CASE: Final = re.compile(r"[a-z]+")
_WORD_GLUE: Final = "_'’-"  # characters that, like letters and digits, join a word to its neighbours (as \w, ' and -)
_LOOKUP_SPACING: Final = 64  # a text's lower-case look-ups may examine one occurrence per this many characters ...
_LOOKUP_MIN: Final = 200  # ... and this many more before the words are collected at once ...
_LOOKUP_PASSES: Final = 16  # ... and read the text through this many times (a word that is absent is read
# for to the end; str.find reads about 30 times faster than _lower_case_words collects: at 8 passes a sixth of
# the articles collected)


class Entity:
    """A speaker of the article. A plain class, not a dataclass: compiled, mypyc runs a dataclass's generated
    ``__init__`` as interpreted Python (0.8% of extract()'s instructions), and entities are compared by identity."""

    __slots__ = (
        "name", "surname", "speaker_type", "gender", "role", "gender_source", "evidence", "spoke", "role_at_cue",
        "mentions", "same_as", "tentative", "head", "order", "gender_is_tendency",
    )

    def __init__(
        self, name: str, surname: str, speaker_type: SpeakerType = "person", gender: str | None = None,
        role: str | None = None, gender_source: str | None = None, *, head: str | None = None,
    ) -> None:
        self.name = name
        self.surname = surname
        self.speaker_type: SpeakerType = speaker_type
        self.gender = gender
        self.role = role
        self.gender_source = gender_source  # "article" (a title, a he/she, "spokeswoman") or "first-name"
        self.evidence = False  # something says it is a person: a title, a known first name, a he/she, a person role
        self.spoke = False
        self.role_at_cue = False  # the role was read next to a speech cue (preferred over one read elsewhere)
        self.mentions = 0  # how often the article names this entity (full name or surname)
        self.same_as: Entity | None = None  # an unnamed lead source the article names later ("a Home Office minister")
        self.tentative = False  # typed organisation for want of evidence: a he/she may still make it a person
        self.head = head  # for an unnamed speaker ("a club spokeswoman"): the head noun of its description
        self.order = -1  # when the name index took it in (name_index.py)
        self.gender_is_tendency = False  # the gender comes from a first name read both ways ("Robin", "Mo")


def _most_named(entities: list[Entity]) -> Entity:
    """The first of ``entities`` that the article names most: max(key=...) without a call per entity (compiled, a
    key function is called as a Python object, several times the loop's cost)."""
    most = entities[0]
    for entity in entities:
        if entity.mentions > most.mentions:
            most = entity
    return most


def _unpossessive(word: str) -> str:
    if word.endswith(("'s", "’s")):
        return word[:-2]
    if word.endswith(("'", "’")):
        return word[:-1]
    return word


# word -> _fold(word), for the words of recent articles (a dict read in compiled code: through lru_cache's
# wrapper, a call costs more than folding the word)
_FOLDED: Final[dict[str, str]] = {}
_FOLDED_MAX: Final = 1 << 16


def _fold(word: str) -> str:
    folded = _FOLDED.get(word)
    if folded is None:
        if len(_FOLDED) >= _FOLDED_MAX:
            _FOLDED.clear()
        folded = _FOLDED[word] = _unpossessive(word).rstrip(".").lower()
    return folded


class LowerCaseWords:
    """The words a text writes in lower case (a run of a-z with no letter, digit, apostrophe, hyphen or underscore
    on either side), asked word by word: only the few words capitalised at a sentence start are ever asked about,
    so each is looked up in the text when first asked rather than all of the text's words collected up front. A
    text that makes the look-ups long (a word inside many others) gets its words collected after all, so the time
    stays linear in the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._known: dict[str, bool] = {}
        self._all: frozenset[str] | None = None
        self._budget = len(text) // _LOOKUP_SPACING + _LOOKUP_MIN  # occurrences examined before collecting all
        self._reading = _LOOKUP_PASSES * len(text)  # characters searched before collecting all

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if self._all is not None:
            return word in self._all
        found = self._known.get(word)
        if found is None:
            found = self._known[word] = bool(_LOWER_CASE.fullmatch(word)) and self._standalone(word)
        return found

    def _standalone(self, word: str) -> bool:
        text, size = self.text, len(word)
        start = text.find(word)
        self._reading -= len(text) if start < 0 else start
        while start >= 0:
            self._budget -= 1
            if self._budget < 0 or self._reading < 0:
                self._all = _lower_case_words(text)
                return word in self._all
            before = text[start - 1] if start else " "
            after = text[start + size] if start + size < len(text) else " "
            if not (before.isalnum() or before in _WORD_GLUE or after.isalnum() or after in _WORD_GLUE):
                return True
            following = text.find(word, start + 1)
            self._reading -= (len(text) if following < 0 else following) - start
            start = following
        if self._reading < 0:  # (the next word asked is answered from all of them)
            self._all = _lower_case_words(text)
        return False


def _lower_case_words(text: str) -> frozenset[str]:
    """All the words ``text`` writes in lower case, as _LOWER_WORD finds them, but read a whitespace-separated
    token at a time (whitespace is no glue): most tokens are a word, with punctuation around it or not, told by str
    tests; only tokens with glue or punctuation inside ("don't", "U.S.") are searched. A third fewer instructions
    than searching the text."""
    words: set[str] = set()
    for token in set(text.split()):
        core = token.strip(_WORD_WRAPPING)
        if core and not core.strip(ascii_lowercase):  # (one str call: a-z only)
            words.add(core)  # (only wrapping around it: a word on its own)
        elif not core.isalnum():  # (letters and digits only, not all in lower case: no word on its own inside)
            words.update(_LOWER_WORD.findall(token))
    return frozenset(words)


class _Walk:
    """``bisect_right(starts, pos) - 1`` for positions asked in order, none before the last: a step forward from
    the last answer instead of a search (a call to bisect from compiled code costs a thousand instructions)."""

    def __init__(self, starts: list[int]) -> None:
        self._starts = starts
        self._index = -1

    def index(self, pos: int) -> int:
        starts, index = self._starts, self._index
        while index + 1 < len(starts) and starts[index + 1] <= pos:
            index += 1
        self._index = index
        return index


def _glued(word: str, folded: str, common: LowerCaseWords | frozenset[str], sentence_start: bool) -> bool:
    """A capitalised word that cannot open a person's name: a sentence word ("Neither"), a place adjective ("Los
    Angeles-area"), or, at the start of a sentence, a word the article also writes in lower case or an -ing form
    ("Former Carson", "Chasing Trump") that is not a first name."""
    if folded in STOP_CAPITALS:
        return True
    if "-" in word and any(part[:1].islower() for part in word.split("-")[1:]):
        return True
    # (the look-up in the text last: a first name, the usual opening of a run, is never looked for)
    return sentence_start and folded not in FIRST_NAMES and (folded.endswith("ing") or folded in common)


def _may_have_role(text: str, start: int, end: int) -> bool:
    """Cheap test before role_near: a comma after the name, one before it, or a job noun before it. (Slices, not
    str.startswith at a position: compiled, that is a method call by name, several times the cost.)"""
    return text[end : end + 1] == "," or text[start - 2 : start] == ", " or _job_noun_before(text, start)


def _job_noun_before(text: str, start: int) -> bool:
    """The word before ``start`` is a job noun in lower case: "governor Jan Brewer"."""
    return start > 1 and text[start - 2].islower() and speaker_noun(text[text.rfind(" ", 0, start - 1) + 1 : start - 1])


def _section_breaks(text: str) -> list[int]:
    """Where the sections of a live blog or a digest begin: the end of each line that is a rule ("___", "***").
    Only the lines holding a rule's three characters are read (str.find): a multi-line pattern would be tried at
    every position of the text, and few texts have a rule at all."""
    ends: set[int] = set()
    for rule in _SECTION_RULES:
        found = text.find(rule)
        while found >= 0:
            line_end = text.find("\n", found)
            line_end = len(text) if line_end < 0 else line_end
            if _SECTION_RULE.fullmatch(text, text.rfind("\n", 0, found) + 1, line_end):
                ends.add(line_end)
            found = text.find(rule, line_end)
    return sorted(ends)


def _subject_at(text: str, end: int) -> bool:
    """A verb follows the name ending at ``end``: a regular -ed/-s form or an irregular one ("spoke", "told")."""
    # (str tests first, of what _VERB_AFTER needs next: a name ending a clause costs a call of the pattern for
    # nothing, and one before a comma that no appositive closes a call that reads to the end of the sentence)
    following = text[end : end + 1]
    if following == ",":
        if not _appositive_may_close(text, end):
            return False
    elif following == ".":
        if text[end - 2 : end] not in ("Jr", "Sr"):
            return False
    elif following == " " and _plain_verb_at(text, end + 1):
        return True  # ("Fallon said": the most common subject, sure without the pattern)
    elif following.isspace():
        if not _predicate_may_open(text, end + 1):
            return False
    elif following and following not in "—–-":
        return False
    return _VERB_AFTER.match(text, end, concurrent=False) is not None  # (holding the GIL: mentions.tokens)


_APPOSITIVE_MARKS: Final = re.compile(r"[,;:\"“”.]")  # the characters _appositive_may_close decides on


def _appositive_may_close(text: str, comma: int) -> bool:
    """The appositive _VERB_AFTER reads after the comma at ``comma`` may close on a comma followed by a space and
    what may open a predicate, within APPOSITIVE_CHARS, before a character it never holds: a semicolon, a colon, a
    quotation mark, or a dot but the few it keeps (before a comma or a capital, after an initial). A loose test: the
    pattern decides."""
    # (only the marks are looked at: the pattern finds each one, not a compiled loop reading every character)
    for mark in _APPOSITIVE_MARKS.finditer(text, comma + 1, min(len(text), comma + 2 + APPOSITIVE_CHARS)):
        index = mark.start()
        char = text[index]
        if char == ",":
            if index > comma + 1 and text[index + 1 : index + 2].isspace() and _predicate_may_open(text, index + 1):
                return True
        elif char in ";:\"“”":
            return False
        elif char == ".":
            following = text[index + 1 : index + 2]
            initial = text[index - 1].isupper() and (text[index - 2].isspace() or text[index - 2] == "-") and (
                following.isspace() and text[index + 2 : index + 3].isupper()
            )
            if not (following == "," or following.isupper() or initial):
                return False
    return False


def _phrase_may_open(lead: str) -> bool:
    """At most OPENING_PHRASE_WORDS words come before the first comma of ``lead``, the last against it: what
    _OPENING_PHRASE needs first (a str test before it)."""
    comma = lead.find(",")
    return comma > 0 and not lead[comma - 1].isspace() and (
        len(lead[:comma].split(None, OPENING_PHRASE_WORDS)) <= OPENING_PHRASE_WORDS
    )


def _plain_verb_at(text: str, start: int) -> bool:
    """A word _VERB_AFTER surely takes for the verb opens at ``start``, one space after a name: a listed verb or a
    regular -ed/-s form (not a people noun such as "voters"), in ASCII lower case, then a space or punctuation."""
    end = start
    while end < len(text) and "a" <= text[end] <= "z":
        end += 1
    if end == start or text[end : end + 1] not in _PLAIN_VERB_FOLLOWERS:
        return False
    word = text[start:end]
    regular = len(word) > 2 and word.endswith("ed") or len(word) > 1 and word.endswith("s") and word[-2] != "s"
    return (word in COMMON_VERBS or regular) and not word.endswith(_PEOPLE_NOUN_ENDS)


def _predicate_may_open(text: str, start: int) -> bool:
    """What follows the spaces from ``start`` may open what _VERB_AFTER reads after a name and a space: a party tag,
    a dash, or a lower-case word that may be "of", an adverb or a verb. A loose test: the pattern decides."""
    while start < len(text) and text[start].isspace():
        start += 1
    end = start
    while end < len(text) and text[end].islower():
        end += 1
    if end == start:
        return text[start : start + 1] in ("(", "—", "–", "-")
    word = text[start:end]
    return word in _PREDICATE_OPENINGS or word.endswith(_PREDICATE_OPENING_ENDS)


def _place_prefix(words: list[str]) -> int:
    """How many words at the front of a capitalised run name a place, when a person's name or office follows
    them ("Los Angeles Mayor Eric Garcetti"; but "New York Daily News" is one name)."""
    if not PLACES.may_open(words[0]):
        return 0  # (most runs: a set look-up, not the cached function, whose call costs several times more)
    return _place_words(tuple(words))


@lru_cache(maxsize=1 << 14)  # names recur within and across articles
def _place_words(words: tuple[str, ...]) -> int:
    for size in range(min(PLACE_WORDS, len(words) - 1), 0, -1):
        if " ".join(words[:size]) in PLACES:
            rest = [_fold(word) for word in words[size:]]
            personal = any(w in FIRST_NAMES or w in TITLES or w in ROLE_NOUNS for w in rest)
            return size if personal and not any(w in ORGANISATION_WORDS for w in rest) else 0
    return 0


def _journalist_of(outlet: list[str], rest: list[str], common: Container[str]) -> bool:
    """"The Washington Post's Ishaan Tharoor": two name words after a news outlet's possessive are one of its
    people, whatever the first-name data say; not a show ("MSNBC's Morning Joe", "ABC's This Week")."""
    owner = outlet[-1][:-2] if outlet[-1].endswith(("'s", "’s")) else outlet[-1].rstrip("'’")
    return len(rest) == 2 and (owner in MEDIA_NAMES or any(word in MEDIA_NAMES for word in outlet[:-1])) and (
        rest[0] not in common and rest[0] not in STOP_CAPITALS and rest[0] not in TIME_WORDS
    )


def _split_name(
    words: list[str], common: LowerCaseWords | frozenset[str] = frozenset(), sentence_start: bool = False,
    known_surnames: Container[str] = (), after_role: bool = False,
) -> tuple[str | None, list[str], str | None]:
    """Title, name words and role words of a capitalised run: "Councillor Helen Marsh" -> councillor, [Helen,
    Marsh]; "Health Secretary Leon Farrow" -> role "Health Secretary" (the store matches people by name, so a
    title or role left in the name would split one person in two). Words glued to the front of a name go:
    "Neither Speaker Ryan" -> Ryan, "Speaking in Doncaster Mr Pryce" -> Pryce, "Labour's Mr Fenwick" -> Fenwick;
    a possessive name before a thing is the name ("Gordon Brown's Budget" -> Gordon Brown). ``after_role``: the
    run follows a job noun, so a first word that is both a sentence word and a first name is the first name
    ("governor Jan Brewer", "correspondent April Ryan")."""
    if len(words) == 1:
        return None, words, None
    folded = [_fold(word) for word in words]
    possessive = None
    if any("'" in word or "’" in word for word in words):
        possessive = max((i for i in range(len(words) - 1) if words[i].endswith(("'s", "’s"))), default=None)
    if possessive is not None and not any(word in ORGANISATION_WORDS for word in folded[possessive + 1 :]):
        rest = folded[possessive + 1 :]
        if rest[0] in TITLES or rest[0] in FIRST_NAMES or rest[-1] in known_surnames or len(rest) >= 2 and (
            rest[-2] in FIRST_NAMES
        ) or _journalist_of(folded[: possessive + 1], rest, common):
            words, folded = words[possessive + 1 :], rest  # "Boston's Walsh", "the Unit's Mr Hensel"
        else:
            words, folded = words[: possessive + 1], folded[: possessive + 1]  # "Gordon Brown's Budget"
        sentence_start = False
    first = _place_prefix(words)  # "Los Angeles Mayor Eric Garcetti", "New Hampshire Republican Chris Sununu"
    kept = 1 if after_role and first == 0 and folded[0] in FIRST_NAMES else 0  # words kept whatever they are
    while kept <= first < len(words) - 1 and _glued(words[first], folded[first], common, sentence_start and first == 0):
        first += 1
    # The role ends at the last title or role noun that has a name after it ("Local MP Priya Desai", "Tory MP
    # Giles Hartley"); the words before a first name are not part of the name ("Pensioner Joan Whitfield"),
    # unless it names an organisation ("New York Times").
    cut = first
    for index in range(first, len(words) - 1):
        if folded[index] in TITLES or folded[index] in ROLE_NOUNS:
            cut = index + 1
        elif index > cut and folded[index] in FIRST_NAMES and not (
            folded[index - 1] in STOP_CAPITALS or folded[index - 1] in FIRST_NAMES or len(folded[index - 1]) == 1
            or any(word in ORGANISATION_WORDS for word in folded[index:])
        ):
            cut = index
    title = next((folded[i] for i in range(cut - 1, first - 1, -1) if folded[i] in TITLES), None)
    role_start = 0
    while role_start < first and _glued(words[role_start], folded[role_start], frozenset(), False):
        role_start += 1  # a role keeps its capitalised modifiers ("Local MP"), not sentence words ("Neither")
    while role_start < cut and folded[role_start] in TITLES and (
        folded[role_start] not in ROLE_NOUNS and folded[role_start] not in TITLE_ABBREVIATIONS
    ):
        role_start += 1  # "Mr", "Dr": honorifics, not roles
    role = " ".join(words[role_start:cut]) if any(w in ROLE_NOUNS for w in folded[role_start:cut]) else None
    if role is None and title in TITLE_ABBREVIATIONS:  # "Sen. Joan Ray": a senator; "California Gov.": its governor
        role = " ".join(TITLE_ABBREVIATIONS.get(folded[i], words[i]) for i in range(role_start, cut))
    while kept <= cut < len(words) - 1 and folded[cut] in STOP_CAPITALS:
        cut += 1
    return title, words[cut:], role


def _works_for(before: str) -> bool:
    """The words before a description end in a job and a preposition: "an adviser to (the governor)"."""
    words = before.split()
    if len(words) < 2 or words[-1] not in ("to", "for", "of", "with"):
        return False
    job = words[-2].lower()
    return _person_head(job) or job.endswith("s") and _person_head(job[:-1])


def _finite_verb(words: list[str], k: int) -> bool:
    """Is words[k] the verb of a lead's opening description ("A suspect held in … for 33 months | plans to
    sue")? A known verb, or an -s form followed by "to" or a determiner (a participle in -ed is not)."""
    word = words[k].lower()
    following = words[k + 1].lower() if k + 1 < len(words) else ""
    if word in COMMON_VERBS or word in SPEECH_VERBS:
        return word in _AUXILIARIES or following not in _ROLE_BREAKS  # ("held in Guantanamo": a participle)
    return word.endswith("s") and not word.endswith("ss") and following in _OBJECT_STARTS


def _document_words(text: str) -> list[tuple[int, int, str]]:
    """The lexicon's document words that may have a publisher or writer named (start, end, word), in order: only
    those within reach before a " by " or after an "In the" are looked for, which is far less text than all."""
    windows = [(max(0, by - _BYLINE_CHARS), by + 1) for by in _find_all(text, " by ")]
    windows += [
        (opening.start(), opening.start() + _WRITER_IN_CHARS) for opening in _WRITER_IN_OPENING.finditer(text)
    ]
    found = {
        (m.start(), m.end(), m.group()) for lo, hi in windows if _holds_document_text(text[lo:hi])
        for m in _DOCUMENT_WORD.finditer(text, lo, hi)
    }
    return sorted(found)


def _holds_document_text(window: str) -> bool:
    return any(word in window for word in _DOCUMENT_TEXTS)


def _find_all(text: str, needle: str) -> list[int]:
    found, start = [], text.find(needle)
    while start >= 0:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


# A number of one to three digits as the first word of a name, with the word before it: not after a name
# ("Channel 4 News"), another number, a comma or a dot ("No. 10").
_NAME_NUMBER: Final = regex.compile(r"(?:^|(?<=[\s(\"“])(?:([\p{L}]+)[ \u00a0])?)\p{N}{1,3}[ \u00a0]$")


def _stage_number(text: str, start: int, word: str) -> bool:
    """"50 Cent", "2 Chainz": a number that begins a one-word name, when the word is no plural ("20 Tories"), time
    ("28 December") or sentence word."""
    folded = _fold(word)
    if word.endswith(("s", "S")) or folded in TIME_WORDS or folded in STOP_CAPITALS or not word[1:].islower():
        return False
    number = _NAME_NUMBER.search(text, max(0, start - 24), start)
    before = number.group(1) if number else None
    return number is not None and (not before or before.islower() or _fold(before) in ROLE_NOUNS)


def _person_head(word: str) -> bool:
    """The head of a definite description of a person: a role noun ("vice-president" too), an age ("the
    38-year-old") or a party member ("the Wisconsin Republican")."""
    if "-" in word and word not in ROLE_NOUNS and not _AGE.fullmatch(word):
        word = word.rsplit("-", 1)[1]
    return bool(_AGE.fullmatch(word)) or word in ROLE_NOUNS and word not in ORGANISATION_WORDS or (
        word in GROUP_MEMBERS
    )


class Entities:
    """The named speakers of one article, built from every capitalised name in it."""

    def __init__(self, text: str, layout: Layout, quoted: Sequence[tuple[int, int]] = ()) -> None:
        """``quoted``: the (start, end) spans of quoted words, in order."""
        self.text = text
        self.layout = layout
        self._registered: dict[tuple[str, bool, bool], Entity | None] = {}
        self._quote_starts = [start for start, _ in quoted]
        self._quote_ends = [end for _, end in quoted]
        self.names = NameIndex()
        self.by_surname = self.names.by_surname
        self._mention_starts: list[int] = []
        self._mention_entities: list[Entity] = []
        self._with_roles: list[Entity] = []
        # Where the sections of a live blog or a digest begin ("___", "***"): nothing refers back across them.
        self._breaks = [0] + _section_breaks(text)
        self._cue_ends: list[int] = []  # where each speech cue ends, in order (resolve_cue_speakers)
        self._authors: dict[str, Entity] = {}  # "lawsuit" -> who filed the lawsuit the article speaks of
        self._quoted_name_starts: list[int] = []  # where names inside quoted words start
        self._by_first_word: dict[str, list[Entity]] = {}  # of multi-word names: "maria" -> Maria Lindqvist
        self._bodies: dict[str, Entity] = {}  # bodies named by a lower-case description ("the Commons … committee")
        self._acronyms: dict[str, Entity] = {}  # initials of multi-word names: "ap" -> Associated Press
        # Both read lazily (_is_subject, _salience_of): a pronoun or a description asks about a fifth of the mentions.
        self._subject_position: list[bool | None] = []  # the mention is followed by a verb: "Fallon fired back"
        # How salient each mention is for a later pronoun: a cue's subject, a sentence's subject, or neither.
        self._salience: list[int] = []
        self._mention_ends: list[int] = []  # where each mention ends (what its subject tests read from)
        # Words the article writes in lower case: capitalised at a sentence start, they are not names.
        self._common = LowerCaseWords(text)
        any_furniture = any(layout.furniture)
        paragraph_at = _Walk([start for start, _ in layout.paragraphs])
        quote_at = _Walk(self._quote_starts)
        # A headline in sentence case names people in full; one in title case runs words into names ("Hillary
        # Clinton Tells Voters")
        headline_names = layout.headline and _SENTENCE_CASE.search(text, *layout.paragraphs[0]) is not None
        quoted_names: list[list[str]] = []
        for match in _NAME.finditer(text, concurrent=False):  # (holding the GIL: mentions.tokens)
            words = [word for word in match.group().split() if word[0] not in _NICKNAME_MARKS]
            folded_first = _fold(words[0])
            if len(words) == 1 and folded_first in STOP_CAPITALS:
                continue  # "The", "But", "He": sentence openers, the commonest capitalised words
            start, end = match.span()
            # (Layout.is_furniture and Entities._quoted, stepping forward: the runs come in order)
            paragraph = paragraph_at.index(start)
            if any_furniture and paragraph >= 0 and layout.furniture[paragraph] and (
                start < layout.paragraphs[paragraph][1]
            ):
                if headline_names and 1 < len(words) <= 3 and folded_first in FIRST_NAMES and (
                    folded_first not in ADVERBS and layout.in_headline(start)  # (not "Will Sanders …?")
                ):
                    self._register(words)  # "A shaky balancing act for Kelly Ayotte": who "Ayotte" is, below
                continue
            quote = quote_at.index(start)
            if quote >= 0 and start < self._quote_ends[quote]:
                if len(words) > 1:  # (but its full form may be the only one: "I met FBI Director James Comey")
                    quoted_names.append(words)
                self._quoted_name_starts.append(start)
                continue  # a name inside quoted words is the quoted speaker's, not a speaker of the article
            if text[start - 2 : start] == ", " and self._mention_starts and text[start - 3 : start - 2].isalpha() and (
                self._mention_starts[-1] < start - 2 <= self._mention_starts[-1] + len(words[0]) + _PLACE_CHARS
                and _PLACE_ABBREVIATION.match(text, start)  # (the pattern last)
            ):
                # "Allentown, Pa.,", "Salem, N.H., resident": the state of a town named before it, so the town is a
                # place too (it speaks, if at all, as its government)
                town = self._mention_entities[-1]
                if not town.evidence:
                    town.speaker_type = "organisation"
                continue
            if len(words) == 1 and words[0].endswith("ing") and _GERUND.fullmatch(words[0]) and (
                self._at_sentence_start(start) and folded_first not in FIRST_NAMES
                and folded_first not in self.by_surname
            ):
                continue  # "Fundraising was …", "Speaking in Ohio, …": a verb form opening a sentence
            if len(words) == 1 and self._at_sentence_start(start) and folded_first not in self.by_surname and (
                folded_first not in FIRST_NAMES and folded_first in self._common  # (the costly test last)
            ):
                continue  # "Management has repeatedly said": a word the article writes in lower case too
            if len(words) == 1 and text[start - 2 : start - 1].isdigit() and _stage_number(text, start, words[0]):
                number = text[text.rfind(" ", 0, start - 1) + 1 : start - 1]
                words, start = [number, words[0]], start - len(number) - 1  # "50 Cent said": a stage name
                folded_first = _fold(number)
            if len(words) > 1:
                # (a first word such as "Jan" or "April" is a first name after a job noun: "governor Jan Brewer")
                after_role = folded_first in STOP_CAPITALS and _job_noun_before(text, start)
                entity = self._register(words, self._at_sentence_start(start), after_role)
            else:  # (most runs are one word, and a surname alone is never looked up as a whole name)
                entity = self._register_word(words[0])
            if entity is None:
                continue
            if (entity.role is None or text[end : end + 2] == ", ") and _may_have_role(text, start, end):
                # (an appositive may state a fuller role: "pollster Kellyanne Conway" … "Conway, the Republican
                # pollster,")
                role = role_near(text, start, end, layout.paragraph(start)[1])
                if role is not None:
                    self._set_role(entity, self._owned_role(role, start))
            if len(words) > 2 and start > 1 and text[start - 2].islower() and folded_first in ROLE_NOUNS:
                self._extend_office_before(entity, words, start)
            if entity.role is not None and (text[end : end + 2] in (", ", " (") or text[end : end + 4] == " of "):
                self._extend_office(entity, end)
            self._mention_starts.append(start)
            self._mention_entities.append(entity)
            self._mention_ends.append(end)
            self._subject_position.append(None)
            self._salience.append(_UNREAD)
        self._complete_from_quotes(quoted_names)

    def _is_subject(self, index: int) -> bool:
        """A verb follows the mention ``index``: "Fallon fired back" (read on first asking, then kept)."""
        subject = self._subject_position[index]
        if subject is None:
            text, start, end = self.text, self._mention_starts[index], self._mention_ends[index]
            # (a name set off by commas after its description is the subject too: "his wife, Jane, offered"; but a
            # possessive owns the plural after it: "Bill Clinton's years in office" is no verb in -s)
            subject = self._subject_position[index] = not (
                text[end - 1] in _OWNER_ENDS and _OWNED_PLURAL.match(text, end - 2)
            ) and (_subject_at(text, end) or text[end : end + 1] == "," and (
                text[start - 2 : start] == ", " and _subject_at(text, end + 1)
            ))
        return subject

    def _salience_of(self, index: int) -> int:
        """How salient the mention ``index`` is for a later pronoun (read on first asking, then kept)."""
        salience = self._salience[index]
        if salience == _UNREAD:
            text, end = self.text, self._mention_ends[index]
            # (the owner of a subject is in focus too: "Mr. Sanders's campaign vowed … he gave a speech")
            salient = (
                self._is_subject(index) or text[end - 1] in _OWNER_ENDS and _OWNED_SUBJECT.match(text, end) is not None
            ) and self._opens_sentence(self._mention_starts[index]) or self._holds_view(index)
            salience = self._salience[index] = _SENTENCE_SUBJECT if salient else _OTHER
        return salience

    def _holds_view(self, index: int) -> bool:
        """The sentence opens on whose view it gives: "To professor Brigid Harrison, Christie's stare seemed to
        reflect sadness. "…," she said." A person in focus as much as a subject."""
        start, end = self._mention_starts[index], self._mention_ends[index]
        if not self.text.startswith(",", end):
            return False
        lead = self.text[self.layout.sentence(start)[0] : start].lstrip(" \t\n\"“‘'(")
        if not lead.startswith("To ") or _VIEW_LEAD.fullmatch(lead, 3) is None:
            return False
        words = lead.split()[1:]  # none, or a description: a capitalised one or one ending on a job noun
        return not words or words[0][0].isupper() or speaker_noun(words[-1]) and not any(
            word in COMMON_VERBS for word in words
        )

    def _complete_from_quotes(self, quoted_names: list[list[str]]) -> None:
        """A person the article names only by surname ("Comey announced") gets the full name a quote gives
        ("I met with FBI Director James Comey"), when that name is a person's (a title or a first name)."""
        for words in quoted_names:
            _, bare, role = _split_name(words)
            if len(bare) < 2 or _fold(bare[0]) not in FIRST_NAMES:
                continue
            bare[-1] = _unpossessive(bare[-1]).rstrip(".")
            people = self.by_surname.get(bare[-1].lower(), ())
            if len(people) == 1 and " " not in people[0].name and people[0].speaker_type == "person":
                self.names.rename(people[0], " ".join(bare))
                if role is not None and people[0].role is None:
                    self._set_role(people[0], role)

    def _owned_role(self, role: str, start: int) -> str:
        """"The host committee for the convention has raised $56m, said David Gilbert, its president and CEO":
        "its" is the body the sentence opens on, so the role is "president and CEO of the host committee for the
        convention". Only a body described with "The" (a name speaks for itself: "Newcastle … their striker")."""
        if not role.startswith("its "):
            return role
        sentence_start = self.layout.sentence(start)[0]
        words = self.text[sentence_start:start].split()
        if not words or words[0] != "The":
            return role
        verb = next((k for k in range(2, min(len(words), _OWNER_WORDS)) if _finite_verb(words, k)), None)
        return f"{role[4:]} of the {' '.join(words[1:verb])}" if verb else role

    def _extend_office_before(self, entity: Entity, words: list[str], start: int) -> None:
        """An office that opens a name run keeps the words before it that say whose office it is: "Clinton
        campaign Chairman John Podesta" -> "Clinton campaign Chairman"."""
        _, _, office = _split_name(words)
        before = role_near(self.text, start, start, start) if office else None
        if before is not None:
            self._set_role(entity, f"{before} {office}")

    def _extend_office(self, entity: Entity, end: int) -> None:
        """A title's office with the place it serves or the party and state it sits for, when they follow the
        name: "Sen. Rand Paul of Kentucky" -> "Senator of Kentucky", "Rep. Jo Hale, R-Utah," -> "Representative,
        R-Utah"."""
        role = entity.role
        if role is None:
            return
        place = _OFFICE_PLACE.match(self.text, end)
        words = place.group(1).split() if place else []
        names = (" ".join(words[:size]) for size in range(len(words), 0, -1))
        name = next((name for name in names if name in PLACES), None)
        if name is not None and " of " not in role:
            self._set_role(entity, f"{role} of {name}")  # ("… of New Hampshire", not "… of Vermont But")
            return
        party = _PARTY_STATE.match(self.text, end)
        if party and party.group(1) not in role:
            self._set_role(entity, f"{role}, {party.group(1)}")

    def _quoted(self, pos: int) -> bool:
        """``pos`` lies inside quoted words: a name there is the quoted speaker's subject, not the writer's."""
        index = bisect_right(self._quote_starts, pos) - 1
        return index >= 0 and pos < self._quote_ends[index]

    def _opens_sentence(self, pos: int) -> bool:
        """The mention at ``pos`` starts its sentence, or follows only a short opening phrase ("On Monday, ")."""
        if self._at_sentence_start(pos):
            return True
        lead = self.text[self.layout.sentence(pos)[0] : pos]
        if not lead.strip(" \t\n\"“‘'("):
            return True
        # (a str test first: an opening phrase, a fronted clause and a clause joined on end in a comma or a
        # semicolon, and most leads have neither)
        punctuated = "," in lead or ";" in lead
        opening = punctuated and _phrase_may_open(lead) and _OPENING_PHRASE.match(lead) is not None
        if opening and _OPENING_PHRASE.fullmatch(lead) or punctuated and (
            _CLAUSE_JOIN.search(lead) is not None  # "…, but Christie wasn't having it"
            or _FRONTED.fullmatch(lead) is not None  # "When Maddow pointed out that …, Clinton seized on it"
        ):
            return True
        # Role words before the name, after an opening phrase or a conjunction: "IHRC chairman Massoud Shadjareh
        # accused", "On Tuesday, campaign chairman John Podesta told", "And Clinton campaign Chairman John Podesta",
        # ", but their neighbor Benjamin Green, 83, knows"
        opened = opening or punctuated and _CLAUSE_JOIN_WORDS.search(lead) is not None
        words = lead.rsplit(",", 1)[-1].split() if opened else lead.split()
        if words and words[0].lower() in ("and", "but", "so", "yet"):
            words = words[1:]
        return 0 < len(words) <= 4 and speaker_noun(words[-1]) and not any(w.lower() in COMMON_VERBS for w in words)

    def _register_word(self, word: str) -> Entity | None:
        """_register_new for a one-word run (most runs are): the same tests, without the work that only a
        longer name needs."""
        word = _unpossessive(word).rstrip(".")
        surname = word.lower()
        if len(word) < 2 or surname in STOP_CAPITALS or word[1] == "-" and word[2:3].islower():
            return None  # (nor "T-shirts", "U-turn": a letter and a word)
        if ("'" in word or "’" in word) and _CONTRACTION.search(word):
            return None
        if surname in ROLE_NOUNS and surname not in ORGANISATION_WORDS and surname not in FIRST_NAMES:
            return None
        entity = self._find(surname, word, None)
        if entity is None:
            entity = Entity(word, surname)
            self.names.add(entity)
        entity.mentions += 1
        if surname in ORGANISATION_WORDS or word in PLACES:
            entity.speaker_type = "organisation"
        return entity

    def _at_sentence_start(self, pos: int) -> bool:
        """Only spaces, opening marks or brackets between ``pos`` and the end of the sentence before it."""
        text = self.text
        while pos > 0 and text[pos - 1] in _OPENERS:
            pos -= 1
        return pos == 0 or text[pos - 1] in ".!?\n"

    def _register(self, words: list[str], sentence_start: bool = False, after_role: bool = False) -> Entity | None:
        key = (" ".join(words), sentence_start, after_role)
        if key in self._registered:  # a full name recurs through an article: it names the same entity
            entity = self._registered[key]
            if entity is not None:
                entity.mentions += 1
            return entity
        entity = self._register_new(words, sentence_start, after_role)
        if len(words) > 1 and "'" not in key[0] and "’" not in key[0]:  # (a surname alone may mean another)
            self._registered[key] = entity
        return entity

    def _register_new(self, words: list[str], sentence_start: bool, after_role: bool = False) -> Entity | None:
        if len(words) == 1:
            return self._register_word(words[0])
        title, words, role = _split_name(words, self._common, sentence_start, self.by_surname, after_role)
        if not words:
            return None
        words[-1] = _unpossessive(words[-1]).rstrip(".")
        if not words[-1] or len(words) == 1 and len(words[0]) < 2:
            return None
        full = " ".join(words)
        folded = [_fold(word) for word in words]
        if title is None and all(word in STOP_CAPITALS for word in folded):
            return None  # "On Tuesday": a day, a sentence word (but "Mrs May" is a name)
        if ("'" in full or "’" in full) and any(_CONTRACTION.search(word) for word in words):
            return None  # "I'm", "Don't": sentence words, not a name
        # "Lithuania has helped …", "Lee County will appeal": a place speaks as its government
        place = title is None and (full in PLACES or folded[-1] in PLACE_KINDS)
        if (folded[-1] in ROLE_NOUNS and folded[-1] not in ORGANISATION_WORDS or folded[-1] in GROUP_MEMBERS) and (
            folded[0] not in FIRST_NAMES
        ):
            return None  # "the Salford MP", "Home Secretary", "the Wisconsin Republican": a description, not a name
        # (a Korean name puts the family name first, before a hyphenated given name: "Ban Ki-moon" is Mr. Ban; a
        # generational suffix follows the surname: "Harry B. Harris Jr." is Admiral Harris)
        if len(words) == 2 and "-" in words[1] and _GIVEN_NAME_AFTER_FAMILY.fullmatch(words[1]):
            surname = words[0].lower()
        else:
            surname = words[-2 if len(words) > 2 and _fold(words[-1]) in _GENERATIONS else -1].lower()
        entity = self._find(surname, full, title)
        if entity is None:
            entity = Entity(full, surname)
            self.names.add(entity)
            if len(words) > 1:
                initials = "".join(w[0] for w in words if w[0].isupper()).lower()
                self._acronyms.setdefault(initials, entity)
                self._by_first_word.setdefault(words[0].lower(), []).append(entity)
        elif len(full) > len(entity.name) and len(words) > 1:
            self.names.rename(entity, full)
        entity.mentions += 1
        lowered = [w.lower() for w in words]
        if place or not ORGANISATION_WORDS.isdisjoint(lowered):
            entity.speaker_type = "organisation"
        elif title or (len(words) > 1 and lowered[0] in FIRST_NAMES):
            entity.evidence = True
            if entity.speaker_type == "organisation" and ORGANISATION_WORDS.isdisjoint(entity.name.lower().split()) and (
                entity.name not in PLACES
            ):
                entity.speaker_type = "person"  # ("Trump", typed by a role read first, is Donald Trump: a he)
        if (title_gender := TITLES.get(title or "")) in ("male", "female"):
            _learn_gender(entity, title_gender, "article")
        elif len(words) > 1 and (first_name_gender := FIRST_NAMES.get(lowered[0])) in ("male", "female"):
            _learn_gender(entity, first_name_gender, "first-name",
                          contested=not FIRST_NAMES.certain(lowered[0]))
        if role is not None and entity.role is None:
            self._set_role(entity, role)
        return entity

    def _find(self, surname: str, full: str, title: str | None) -> Entity | None:
        candidates = self.by_surname.get(surname)
        if candidates and " " in full:
            return self.names.match_full(surname, full)
        if not candidates and " " not in full and surname in self._by_first_word:
            # "Maria" after "Maria Lindqvist" (a first name), "Cairn" after "Cairn Energy" (an organisation)
            fitting = [e for e in self._by_first_word[surname][-SHARED_SURNAME_SCAN:]
                       if surname in FIRST_NAMES or e.speaker_type != "person" or e.evidence and (
                           surname not in self._common and full not in PLACES  # "Xi" after "President Xi Jinping"
                       )]
            if fitting:
                return _most_named(fitting)
        if not candidates and full.isupper() and full.lower() in self._acronyms:
            return self._acronyms[full.lower()]  # "the AP" after "the Associated Press"
        if not candidates:
            if len(surname) < FUZZY_MIN_LENGTH or not self.by_surname or len(self.by_surname) > _FUZZY_LIMIT:
                return None
            # (a ratio is at most 100 less 100 times the difference of the lengths over their sum: only the
            # surnames of a near length are compared)
            shortest = -(-FUZZY_RATIO * len(surname) // (200 - FUZZY_RATIO))
            longest = (200 - FUZZY_RATIO) * len(surname) // FUZZY_RATIO
            # (and a different surname of the same length is two edits away at least: only a long one comes near)
            same_length = 100 * (len(surname) - 1) >= FUZZY_RATIO * len(surname)
            near = [
                known for known in self.by_surname
                if shortest <= len(known) <= longest and (same_length or len(known) != len(surname))
            ]
            best = process.extractOne(surname, near, scorer=fuzz.ratio, score_cutoff=FUZZY_RATIO) if near else None
            if best is None:
                return None
            candidates = self.by_surname[best[0]]
        if " " in full:  # (a near spelling of the surname: "Linkevičius" for "Linkevicius")
            for entity in candidates:
                if entity.name == full or entity.name.endswith(" " + full) or full.endswith(" " + entity.name) or (
                    " " not in entity.name
                ):
                    return entity
            return None
        # A bare surname: of the people with this surname whose gender fits the title, the one the article names
        # most ("Clinton said" in an article about Hillary Clinton that also mentions Bill Clinton).
        wanted = TITLES.get(title or "")
        candidates = candidates[-SHARED_SURNAME_SCAN:]  # (the most recent: a list of a thousand Smiths is not read)
        fitting = [e for e in candidates if wanted not in ("male", "female") or e.gender in (None, wanted)]
        return _most_named(fitting or candidates)

    def most_named_person(self) -> Entity | None:
        """The person the article names most: in an interview's "A:" turns, the one interviewed."""
        people = [e for named in self.by_surname.values() for e in named if e.speaker_type == "person" and e.evidence]
        return max(people, key=lambda e: e.mentions, default=None)

    def resolve_cue_speakers(self, cues: list[Cue]) -> None:
        """Resolve the subject of every cue to its speaker (``cue.entity``), in document order, so a pronoun
        prefers people who already spoke."""
        self._cue_ends = [cue.end for cue in cues]
        for cue in cues:
            mention = cue.mention
            if mention is None:
                continue
            cue.entity = self.resolve(mention)
            if isinstance(cue.entity, Entity):
                self.note_speaker(cue.entity, mention.start, aside=self._relative_aside(mention, cue.entity))

    def resolve(self, mention: Mention) -> Entity | None:
        """The speaker a mention stands for: a name's entity, a pronoun's antecedent, the person or organisation a
        description refers to, else an unnamed speaker of its own."""
        if mention.kind == "name":
            return self.resolve_name(mention)
        if mention.kind == "pronoun":
            return self.resolve_pronoun(mention.name, mention.start)
        if mention.speaker_type is None:
            found = self.resolve_nominal(mention.name, mention.start)
        elif mention.speaker_type == "organisation":
            found = self.resolve_organisation(mention.name, mention.start)
        else:
            found = None
        document = AUTHORED_DOCUMENTS.get(_fold(mention.name.split()[-1]))
        if found is None and document is not None:
            found = self.resolve_author(document, mention)
        return found or self.describe(mention)  # an unnamed speaker is a speaker of its own

    def find_publishers(self) -> None:
        """Who published or wrote each kind of document the article names one for: the first name after "by"
        ("a report published on Thursday by the World Economic Forum"), or the subject after an opening phrase
        ("In the July 9 cable, Stevens reported, …")."""
        text = self.text
        for start, end, word in _document_words(text):
            family = AUTHORED_DOCUMENTS[word]
            if family in self._authors:
                continue
            published = _PUBLISHED_BY.match(text, end)
            if published is not None:
                author = self._named_after(published.end(), published.end() + _BYLINE_CHARS)
            elif text.startswith(", ", end) and _WRITER_IN.search(text, max(0, start - _WRITER_IN_CHARS), start):
                index = bisect_left(self._mention_starts, end + 2)
                author = self._mention_entities[index] if index < len(self._mention_starts) and (
                    self._mention_starts[index] == end + 2 and self._is_subject(index)
                ) else None
            else:
                author = None
            if author is not None:
                self._authors[family] = author

    def _named_after(self, start: int, end: int) -> Entity | None:
        """The first person named in text[start:end] ("by Telegraph journalist Robert Peston"), else the last
        name there ("by the World Economic Forum"); names after the end of the clause do not count."""
        end = min(end, self._clause_end(start))
        named = [self._mention_entities[k] for k in range(bisect_left(self._mention_starts, start),
                                                          bisect_left(self._mention_starts, end))]
        if not named:
            return None
        return next((e for e in named if e.speaker_type == "person" and e.evidence), named[-1])

    def _clause_end(self, pos: int) -> int:
        found = _CLAUSE_END.search(self.text, pos)
        return found.start() if found else len(self.text)

    def resolve_author(self, head: str, mention: Mention) -> Entity | None:
        """A document as a speaker ("The lawsuit contends …") stands for its author: the name after "by" in its
        description ("A new book, Britain Now by journalist Ann Lowe, says"), else the subject of the nearest
        earlier sentence that filed, wrote or sent such a document ("Smith has filed a lawsuit …")."""
        end = mention.end  # the description and an appositive after it: "A new book, Britain Now by …,"
        if self.text.startswith(",", end):
            comma = self.text.find(",", end + 1, end + _BYLINE_CHARS)
            end = comma if comma > 0 else end
        byline = _BYLINE.search(self.text, mention.start, end)
        author = self._named_after(byline.end(), end) if byline is not None else None
        if author is not None:
            return author
        lo = max(0, mention.start - _AUTHOR_LOOKBACK)
        authored = None
        for authored in _AUTHORED.finditer(self.text, lo, mention.start):
            pass
        if authored is None or AUTHORED_DOCUMENTS[_fold(authored.group("head"))] != head:
            # "The lawsuit also alleges …" paragraphs after it was filed, "new research says" of a report that
            # the next sentence says the WEF published
            return self._authors.get(head)
        first = bisect_left(self._mention_starts, self.layout.sentence(authored.start())[0])
        if first < len(self._mention_starts) and self._mention_starts[first] < authored.start():
            entity = self._mention_entities[first]
            if entity.head is None:
                self._authors[head] = entity
                return entity
        return None

    def resolve_name(self, mention: Mention) -> Entity:
        """The entity of a name mention (registering it if the name pass missed it)."""
        words = mention.name.split()
        title = _fold(mention.title) if mention.title else None
        at_start = self._at_sentence_start(mention.start)
        _, bare, split_role = _split_name(words, self._common, at_start, self.by_surname)
        surname = _fold(bare[-1]) if bare else _fold(words[-1]) if words else ""
        if surname in GROUP_MEMBERS:  # "said a New Hampshire Republican": a party member described, not named
            return self.describe(replace(mention, speaker_type="anonymous"))
        entity = self._find(surname, " ".join(bare), title) if surname else None
        if entity is not None and len(bare) > len(entity.name.split()) and " ".join(bare).endswith(entity.name):
            self.names.rename(entity, " ".join(bare))  # the fullest form: "Centre for Urban Policy", not "Urban Policy"
            if not ORGANISATION_WORDS.isdisjoint(_fold(word) for word in bare):
                entity.speaker_type = "organisation"
        if entity is None:
            entity = self._register(([mention.title] if mention.title else []) + words, at_start)
        if entity is None:
            entity = Entity(mention.name, surname)
        if mention.speaker_type == "organisation":
            entity.speaker_type = "organisation"
        if given_role := mention.role or split_role:
            self._set_role(entity, self._owned_role(given_role, mention.start), at_cue=True)
        if entity.speaker_type == "person" and not entity.evidence and " " not in entity.name:
            # A lone capitalised word with nothing personal about it ("Google said"), until a "he" or "she"
            # shows it is a person ("Keane waved. "We won," he said.").
            entity.speaker_type = "organisation"
            entity.tentative = True
        return entity

    def _set_role(self, entity: Entity, role: str | None, *, at_cue: bool = False) -> None:
        """Give ``entity`` a role: the first one found, replaced by a fuller form of it ("Mayor" -> "Mayor of
        Boston") or by the role stated next to a speech cue (the most reliable place)."""
        role = tidy_role(role)
        if role is None:
            return
        if entity.role is None:
            self._with_roles.append(entity)
            entity.role = role
        elif _extends(role, entity.role) or at_cue and not entity.role_at_cue and not _extends(entity.role, role):
            entity.role = role
        elif not _extends(entity.role, role):
            return
        entity.role_at_cue = entity.role_at_cue or at_cue
        words = _role_words(role)
        head = _role_head_index(words)
        if words and (gender := _head_gender(words[head])):
            _learn_gender(entity, gender, "article")  # "Foreign Ministry spokesman Lu Kang": a he
        if words and words[0] not in _AFFILIATIONS and not entity.evidence and (
            words[head] in ORGANISATION_WORDS or any(w in ORGANISATION_ROLES for w in words[: head + 1])
        ):  # (but "Jo Baume, of the civil servants' union": a member of a body, not the body; and a first name or
            # a title already says person)
            entity.speaker_type = "organisation"
        elif any(speaker_noun(w) for w in words):
            entity.evidence = True

    def _relative_aside(self, mention: Mention, entity: Entity) -> bool:
        """The cue's subject is a relative "who" after a name that does not open its sentence ("Rubio refrained
        from attacking Jeb Bush and Chris Christie, who say …"): an aside about someone the sentence is not about."""
        if self.text[mention.start : mention.end].lower() not in ("who", "which"):
            return False
        index = bisect_left(self._mention_starts, mention.start) - 1
        while index >= 0 and self._mention_entities[index] is not entity and self._mention_starts[index] > (
            mention.start - APPOSITIVE_CHARS
        ):
            index -= 1  # (past the names of an appositive: "Feinstein of California, the ranking Democrat on …")
        if index < 0 or self._mention_entities[index] is not entity or self._opens_sentence(self._mention_starts[index]):
            return False
        # (but a passive's agent is what the sentence is about: "was supported by Sen. Dianne Feinstein, …, who said")
        start = self._mention_starts[index]
        return not _AGENT_BEFORE.search(self.text, max(0, start - AGENT_CHARS), start)

    def note_speaker(self, entity: Entity, pos: int, *, aside: bool = False) -> None:
        """Record that ``entity`` spoke, through a mention at ``pos`` (a subject: pronouns may refer to it; one in
        an ``aside`` less than the sentence's own subject)."""
        entity.spoke = True
        salience = _OTHER if aside else _CUE_SUBJECT
        index = bisect_left(self._mention_starts, pos)
        if index < len(self._mention_starts) and self._mention_starts[index] == pos:
            owner = self._mention_entities[index]
            if not (owner.speaker_type == "person" and owner.evidence and entity.speaker_type != "person"):
                self._mention_entities[index] = entity  # (but "Mr. Sand's campaign said": he stays in focus)
            self._salience[index] = salience
            self._subject_position[index] = True  # ("The US government denied …": a subject, whatever followed "US")
            return
        self._mention_starts.insert(index, pos)
        self._mention_entities.insert(index, entity)
        self._mention_ends.insert(index, pos)  # (never read: a cue's subject is known to be one)
        self._subject_position.insert(index, True)
        self._salience.insert(index, salience)

    def resolve_pronoun(self, word: str, pos: int) -> Entity | None:
        """he/she -> the nearest earlier person of that gender who is salient: the subject of a speech cue or of
        a sentence (Hobbs; Lee et al. 2013), not a name inside a clause ("…, as Mr Renner believed. "…," he
        argued" is the sentence's subject speaking on). Else the nearest clause subject, else the nearest person."""
        gender = PRONOUNS.get(word.lower())
        if gender in ("neuter", "plural"):
            return self._organisation_in_focus(pos)
        if gender not in ("male", "female"):
            return None
        hi, lo = self._window(pos)
        paragraph_start = self.layout.paragraph(pos)[0]
        if self.text[pos - 2 : pos] == ", " and _CLOSING_CUE.match(self.text, pos + len(word)):
            # "Also, Trump isn't a conservative, he said.": a name in the clause reported is not who reports it
            # (the clause starts after the last cue before it: "…, saying Mr. Trump … and Ms. Warren, she said,")
            cue = bisect_left(self._cue_ends, pos - 2) - 1
            clause = max(self.layout.sentence(pos)[0], self._cue_ends[cue] if cue >= 0 else 0)
            hi = bisect_left(self._mention_starts, clause, lo, hi)
        subject = fallback = unknown = None
        nearest_speaker = True
        for index in range(hi - 1, lo - 1, -1):
            entity = self._mention_entities[index]
            speaker = self._salience_of(index) == _CUE_SUBJECT
            if entity.gender not in (None, gender) and not (
                entity.gender_is_tendency and speaker and (
                    nearest_speaker or self._mention_starts[index] >= paragraph_start
                )
            ) or not _can_be_he_or_she(entity):
                nearest_speaker = nearest_speaker and not speaker
                continue  # (but the speaker just quoted may be a "he" whose first name is read both ways: "Robin")
            just_quoted = speaker and nearest_speaker
            nearest_speaker = nearest_speaker and not speaker
            known = entity.evidence or entity.gender == gender
            unnamed = entity.head is not None and entity.gender is None  # "the chancellor": he or she?
            if not unnamed and (
                self._salience_of(index) == _CUE_SUBJECT or self._salience_of(index) == _SENTENCE_SUBJECT and known
            ) or unnamed and just_quoted and fallback is None and self._alone_unnamed(index, gender):
                return _as_person(entity, gender)  # (the unnamed speaker just quoted: "one diplomat said. … he added")
            if subject is None and self._is_subject(index) and known:
                subject = entity
            if fallback is None and known:
                fallback = entity
            if unknown is None and self._salience_of(index) != _OTHER and (unnamed or entity.speaker_type == "person"):
                unknown = entity  # "Keane waved from the stage. "We won," he said.": nobody else it could be
        return subject or fallback or (unknown and _as_person(unknown, gender))

    def _alone_unnamed(self, index: int, gender: str) -> bool:
        """The mention at ``index`` is a person described as one of many ("one western diplomat", "a senior
        banker"; not "the candidate", who is someone named) and nobody of ``gender`` is named before it in its
        sentence ("Clinton, a top aide said, …": she is Clinton)."""
        entity = self._mention_entities[index]
        if entity.name.split(" ", 1)[0].lower() not in _INDEFINITE_ARTICLES:
            return False
        sentence_start = self.layout.sentence(self._mention_starts[index])[0]
        for k in range(index - 1, -1, -1):
            if self._mention_starts[k] < sentence_start:
                return True
            other = self._mention_entities[k]
            if other.gender == gender and other.speaker_type == "person":
                return False
        return True

    def _window(self, pos: int) -> tuple[int, int]:
        """Indices of the mentions a reference at ``pos`` looks back over: end (exclusive) and start."""
        hi = bisect_left(self._mention_starts, pos)
        lo = max(pos - _SEARCH_BACK, self._breaks[bisect_left(self._breaks, pos) - 1] if self._breaks else 0)
        return hi, max(bisect_left(self._mention_starts, lo), hi - _MENTIONS_LOOKED_AT)

    def _organisation_in_focus(self, pos: int) -> Entity | None:
        """it/they -> the latest named subject before them, when nothing says it is a person ("Kingsport Rovers
        said …. It added …"): what "it" stands for is an organisation."""
        hi, lo = self._window(pos)
        for index in range(hi - 1, lo - 1, -1):
            if not self._is_subject(index):
                continue
            entity = self._mention_entities[index]
            if entity.speaker_type == "organisation" or not entity.evidence and entity.gender is None:
                entity.speaker_type = "organisation"
                return entity
            return None
        return None

    def resolve_nominal(self, phrase: str, pos: int) -> Entity | None:
        """"The Swedish politician" -> the earlier person whose stated role contains those words (a "shadow" or
        "deputy" in the role that the description lacks makes it another office). "The 38-year-old", "the
        epidemiologist" (a definite description of a person) -> the person in focus: the nearest earlier subject
        of a cue or a sentence, unless the description names an office the article gave someone else."""
        words = [w.lower().strip(",.") for w in phrase.split()[1:] if w]
        if not words:
            return None
        best = None
        for entity in self._with_roles[-_MENTIONS_LOOKED_AT:]:
            if entity.role is not None and _role_fits(words, entity.role):
                best = entity
        if best is not None or phrase.split()[0].lower() != "the" or not _person_head(words[-1]):
            return best
        hi, lo = self._window(pos)
        passed_another_job = False
        for index in range(hi - 1, lo - 1, -1):
            entity = self._mention_entities[index]
            if self._salience_of(index) == _OTHER:
                continue
            if entity.head is not None:  # an unnamed speaker: "the spokesman" after "a spokesman"
                if entity.head == words[-1] or words[-1] in _ANY_SOURCE:
                    return entity
                if _other_job(entity.head, words[-1]):
                    passed_another_job = True  # ("the minister" spoke between the spokesman and "the spokesman")
                    continue
                return None
            if passed_another_job or entity.speaker_type != "person":
                return None
            if entity.role is not None and _other_job(_role_head(entity.role), words[-1]):
                # "the spokesman" is not the person the article calls "IHRC chairman"; an unnamed spokesman before
                # her may be ("the PM's spokesman urged … The minister had been saying …, the spokesman said")
                passed_another_job = True
                continue
            if entity.role is None and words[-1] in TITLES:
                self._set_role(entity, " ".join(phrase.split()[1:]))  # "the prime minister said": a role too
            return entity
        return None

    def give_offices(self) -> None:
        """Offices the article refers to people by ("Gordon Brown … The chancellor has said", "Weaver denied
        calling the former secretary of state corrupt"): each description of a one-holder office, in order, is
        the role of the person it refers to, so that the office reaches that person's quotes and "the chancellor
        said" finds them. The holder is the person whose stated role it is, else the nearest earlier subject
        of a sentence, else the nearest person named in an earlier sentence, with no other office given."""
        for match in _OFFICE_DESCRIPTION.finditer(self.text):
            start = match.start() - 1  # (at the "T" of "The")
            if self._quote_starts and self._quoted(start):
                continue
            if match.group("possessive") and _BOSS_OF.match(self.text, match.end()) or _works_for(
                self.text[max(0, start - _WORKS_FOR_CHARS) : start]
            ):
                continue  # "the prime minister's spokesman", "an adviser to the governor": someone else's boss
            role = " ".join(match.group("role").split())
            words = [word.lower().strip(",.") for word in role.split()]
            if any(
                entity.role is not None and _role_fits(words, entity.role)
                for entity in self._with_roles[-_MENTIONS_LOOKED_AT:]
            ):
                continue
            named = self._named_in_apposition(match.end())
            holder = named if named is not None else self._office_holder(words, start)
            if holder is not None:
                self._set_role(holder, role)

    def _named_in_apposition(self, end: int) -> Entity | None:
        """"the governor, Mary Fallin,": the person named right after the office, set off by a comma."""
        if not self.text.startswith(", ", end):
            return None
        index = bisect_left(self._mention_starts, end + 2)
        if index < len(self._mention_starts) and self._mention_starts[index] == end + 2:
            entity = self._mention_entities[index]
            return entity if entity.speaker_type == "person" and entity.evidence else None
        return None

    def _office_holder(self, words: list[str], pos: int) -> Entity | None:
        hi, lo = self._window(pos)
        sentence_start = self.layout.sentence(pos)[0]
        quoted = bisect_left(self._quoted_name_starts, sentence_start)
        if quoted < len(self._quoted_name_starts) and self._quoted_name_starts[quoted] < pos:
            return None  # a name inside quoted words may be the office holder ("… did to Marco Rubio" in the
            # debate that scuttled the Florida senator's campaign): too close to call
        # The subject of the same sentence is someone else: "Weaver denied calling the senator corrupt".
        subjects = {
            id(self._mention_entities[k]) for k in range(bisect_left(self._mention_starts, sentence_start), hi)
            if self._salience_of(k) != _OTHER
        }
        head = words[_role_head_index(words)]
        nearest = None
        for index in range(hi - 1, lo - 1, -1):
            entity = self._mention_entities[index]
            if entity.head is not None or entity.speaker_type != "person" or not entity.evidence:
                continue
            if id(entity) in subjects or entity.role is not None and _other_job(_role_head(entity.role), head):
                continue
            if self._salience_of(index) != _OTHER:
                return entity
            if nearest is None:
                nearest = entity
        return nearest

    def name_lead_sources(self) -> None:
        """An unnamed source speaking in the lead ("…, a Home Office minister has said.") is the person whom the
        next paragraphs name as a speaker, the one whose role fits the description first (the news convention of
        a lead that introduces, and a body that names)."""
        lead = next((i for i, furniture in enumerate(self.layout.furniture) if not furniture), None)
        if lead is None:
            return
        lead_start, lead_end = self.layout.paragraphs[lead]
        body_end = self.layout.paragraphs[min(lead + 2, len(self.layout.paragraphs) - 1)][1]
        if lead + 1 < len(self.layout.paragraphs):
            self._describe_from_lead(lead_start, self.layout.paragraphs[lead + 1])
        first = bisect_left(self._mention_starts, lead_start)
        last = bisect_left(self._mention_starts, body_end)
        for index in range(first, bisect_left(self._mention_starts, lead_end)):
            source = self._mention_entities[index]
            if source.head is None or self._salience_of(index) != _CUE_SUBJECT or source.speaker_type != "anonymous":
                continue
            if source.name.split()[0].lower() not in ("a", "an", "another", "one", "the") or (
                not _person_head(source.head)
            ):
                continue
            named = [
                self._mention_entities[k] for k in range(index + 1, last)
                if self._salience_of(k) != _OTHER and self._mention_entities[k].head is None
                and self._mention_entities[k].speaker_type == "person" and self._mention_starts[k] >= lead_end
            ]
            named = [e for e in named if e.surname not in source.name.lower().split()]  # not "a Clinton veteran"
            fitting = [e for e in named if e.role and source.head in _role_words(e.role)]
            if fitting or named:
                source.same_as = (fitting or named)[0]
                if source.same_as.role is None:
                    self._set_role(source.same_as, " ".join(source.name.split()[1:]))

    def _describe_from_lead(self, lead_start: int, body: tuple[int, int]) -> None:
        """"A British terror suspect held in Guantanamo Bay plans to sue …", then "Martin Mubanga claimed …": a
        lead that opens on a person described, not named, introduces the person the next paragraph opens on,
        and the description is that person's role."""
        opening = _INDEFINITE_LEAD.match(self.text, lead_start)
        if opening is None:
            return
        words = opening.group(1).split()
        stop = next((k for k in range(1, len(words)) if _finite_verb(words, k)), None)
        if stop is None or not any(_person_head(_fold(word)) for word in words[:stop]):
            return
        index = bisect_left(self._mention_starts, body[0])
        if index >= len(self._mention_starts) or self._mention_starts[index] != body[0]:
            return  # the next paragraph does not open on a name
        person = self._mention_entities[index]
        if person.speaker_type == "person" and person.evidence and person.role is None and person.head is None:
            self._set_role(person, " ".join(words[:stop]))

    def describe(self, mention: Mention) -> Entity:
        """An unnamed speaker ("a club spokeswoman", "the chancellor" when the article names nobody so) as an
        entity of its own, so that a later "she" or "the spokeswoman" can refer to it."""
        words = mention.name.split()
        head = _fold(words[_role_head_index([_fold(word) for word in words])])  # "the minister for Wales"
        speaker_type = mention.speaker_type or ("organisation" if head in ORGANISATION_WORDS else "anonymous")
        gender = _head_gender(head)
        name = mention.name
        if speaker_type == "organisation" and words[0].lower() == "the" and any(w[:1].isupper() for w in words[1:]):
            name = " ".join(words[1:])  # "The Clinton campaign" is the Clinton campaign
        owner = _POSSESSIVE_PRONOUNS.get(words[0].lower())
        if owner is not None and len(words) > 1 and speaker_noun(head) and head not in ORGANISATION_WORDS and (
            head.rstrip("s") not in ORGANISATION_WORDS
        ):  # "Her advisers" -> "Clinton's advisers", but not "his comments"
            person = canonical(self.resolve_pronoun(owner, mention.start))
            if person is not None and person.head is None:
                name = f"{person.name.split()[-1]}'s {' '.join(words[1:])}"
        role = mention.role
        if role is None and speaker_type == "anonymous" and head not in _BARE_SOURCES and speaker_noun(head):
            determined = words[0].lower() in _ARTICLES | frozenset(_POSSESSIVE_PRONOUNS)
            role = " ".join(words[1:]) if determined else mention.name
        if speaker_type == "anonymous" and name == mention.name:
            name += self._relative_clause(mention.end)
            if name == mention.name and words[-1].endswith("ed") and words[-1].islower():
                # "the order released Friday", "audio provided to The Times": the participle's complement
                complement = _PARTICIPLE_COMPLEMENT.match(self.text, mention.end)
                if complement is not None:
                    added = complement.group()
                    name += added[:-1] if added.endswith(".") and added.count(".") == 1 else added  # (a full stop)
        return Entity(name, "", speaker_type, gender, role, gender and "article", head=head)

    def _relative_clause(self, end: int) -> str:
        """The relative clause after an unnamed speaker's description that says who it is ("a Trump supporter
        who runs the account @WomenForTrump"), when it holds no speech verb ("a man who said …" is another
        report); else nothing."""
        clause = _RELATIVE_CLAUSE.match(
            self.text, end, min(self.layout.sentence(end)[1], end + _RELATIVE_CLAUSE_CHARS)
        )
        if clause is None or any(word.lower() in SPEECH_VERBS for word in clause.group().split()):
            return ""
        return clause.group()

    def resolve_organisation(self, phrase: str, pos: int) -> Entity | None:
        """"the agency", "the bank" -> the nearest earlier organisation whose name has that word, else whose
        role has that head ("search engine firm Google" for "the firm"), else for a generic head ("the company",
        "the firm") the organisation in focus: the latest one that spoke or opened a sentence."""
        words = phrase.lower().split()
        names = [word for word in phrase.split()[1:] if word[:1].isupper()]
        if names and words[-1] in _DOCUMENTS:
            # "The WEF report concludes": a document speaks for the body that issued it
            issuer = " ".join(names)
            return self._find(_fold(names[-1]), issuer, None)
        if len(words) < 2 or words[0] != "the" or names or "another" in words:
            return None  # ("the Clinton campaign" names itself; "the head of another bank" is none named before)
        head = words[-1]
        hi, lo = self._window(pos)
        in_focus = None
        for index in range(hi - 1, lo - 1, -1):
            entity = self._mention_entities[index]
            if entity.speaker_type != "organisation" or entity.head is not None:
                continue
            if head in entity.name.lower().split()[1:] or entity.role and _role_head(entity.role) == head or (
                (head in MEDIA_HEADS or words[-2:] == ["editorial", "board"])  # (an outlet's editorial board)
                and MEDIA_NAMES.intersection(entity.name.lower().split())
            ):
                return entity
            if in_focus is None and self._salience_of(index) != _OTHER:
                in_focus = entity
        described = self._described_body(head, pos) if len(words) == 2 and head in ORGANISATION_WORDS else None
        if described is not None:
            return described
        if in_focus is None and head in GENERIC_ORGANISATIONS:
            # "…with Kingsport Rovers. According to the club": the nearest name with nothing personal about it
            for index in range(hi - 1, lo - 1, -1):
                entity = self._mention_entities[index]
                if entity.speaker_type == "organisation" or entity.head is None and not entity.evidence and (
                    entity.gender is None and " " in entity.name
                ):
                    entity.speaker_type = "organisation"
                    return entity
        return in_focus if head in GENERIC_ORGANISATIONS or len(words) > 2 else None

    def _described_body(self, head: str, pos: int) -> Entity | None:
        """"The committee said" after "a report by the Commons work and pensions committee": the body a British
        paper names in lower case, by the latest fuller description with that head and a proper word in it."""
        lo = max(pos - _SEARCH_BACK, self._breaks[bisect_left(self._breaks, pos) - 1] if self._breaks else 0)
        if self.text.find(head, lo, pos) < 0:
            return None  # (a str test first: the head written nowhere before, the pattern would read it all for nothing)
        names = [
            name for name in _descriptions_of(head, self.text, lo, pos)
            if _DESCRIPTION_WORDS.isdisjoint(name.lower().split())
        ]
        if not names:
            return None
        name = " ".join(names[-1].split())
        if name not in self._bodies:
            self._bodies[name] = Entity(name, head, "organisation")
        return self._bodies[name]

    def pronoun_evidence(self, entity: Entity, pos: int, gender: str, since: int) -> tuple[int, int]:
        """For a he/she at ``pos`` resolved to ``entity``: how many other people of that gender are named between
        ``since`` and ``pos`` (competing candidates), and how far back ``entity`` was last named (characters; the
        search window when it was not named in it)."""
        hi, lo = self._window(pos)
        rivals: set[int] = set()
        distance = None
        for index in range(hi - 1, lo - 1, -1):
            other = self._mention_entities[index]
            start = self._mention_starts[index]
            if other is entity:
                if distance is None:
                    distance = pos - start
                if start < since:
                    break
            elif start >= since and other.gender == gender and other.speaker_type == "person":
                rivals.add(id(other))
        return len(rivals), _SEARCH_BACK if distance is None else distance


@overload
def canonical(entity: Entity) -> Entity: ...
@overload
def canonical(entity: Entity | None) -> Entity | None: ...
def canonical(entity: Entity | None) -> Entity | None:
    """The entity the article finally names for ``entity``."""
    while entity is not None and entity.same_as is not None:
        entity = entity.same_as
    return entity


# "the Commons work and pensions committee", "the Treasury select committee": proper words, then words in lower case
# (not "the Observer government", a name and a noun), each word captured (Match.ends) to find where the head may follow.
_DESCRIPTION_OPENING: Final = regex.compile(
    r"\b[Tt]he\s+((?:\p{Lu}[\p{L}'’\-]*\s+){1,3})((?:\p{Ll}[\p{L}'’\-]*\s+)){1,4}"
)
_WORD_BOUNDARY: Final = regex.compile(r"\b")


def _descriptions_of(head: str, text: str, lo: int, hi: int) -> list[str]:
    """The descriptions ending with the word ``head`` in ``text[lo:hi]``, in order: what finditer of the pattern
    _DESCRIPTION_OPENING, then ``head`` at a word boundary, finds (the longest run of lower-case words before the head
    wins), without compiling a pattern per head (a compilation costs as much as reading a long article)."""
    descriptions = []
    at = lo
    while (opening := _DESCRIPTION_OPENING.search(text, at, hi)) is not None:
        at = opening.start() + 1
        for head_start in reversed(opening.ends(2)):
            head_end = head_start + len(head)
            if head_end <= hi and text.startswith(head, head_start) and _WORD_BOUNDARY.match(text, head_end, hi):
                descriptions.append(text[opening.start(1) : head_end])
                at = head_end
                break
    return descriptions


# Words that cannot stand inside such a description: it would be a clause ("the Times said the committee").
_DESCRIPTION_WORDS: Final = COMMON_VERBS | DETERMINERS | {"said", "says", "that", "which", "who"}


def _can_be_he_or_she(entity: Entity) -> bool:
    """A named person (or a lone name not yet known to be one), or an unnamed person described by a person noun
    ("a spokeswoman", not "the report")."""
    if entity.head is not None:
        return entity.gender is not None or entity.speaker_type == "anonymous" and _person_head(entity.head)
    return entity.speaker_type == "person" or entity.tentative


def _as_person(entity: Entity, gender: str) -> Entity:
    """A he/she refers to ``entity``: a lone name typed organisation for want of evidence is a person after all,
    and a person of unknown gender has this one."""
    if entity.head is None:
        entity.speaker_type, entity.tentative, entity.evidence = "person", False, True
    _learn_gender(entity, gender, "article")
    return entity


def _learn_gender(entity: Entity, gender: str, source: str, *, contested: bool = False) -> None:
    """The first gender found for ``entity`` stays; the article saying the same later makes it the source (a
    first name's usual gender confirmed by a "she"), and the article saying the other overrules a first name read
    both ways ("Robin"). ``contested``: the gender comes from such a first name."""
    if entity.gender is None or source == "article" and entity.gender_is_tendency:
        entity.gender, entity.gender_source, entity.gender_is_tendency = gender, source, contested
    elif entity.gender == gender and source == "article":
        entity.gender_source, entity.gender_is_tendency = source, False


def _extends(longer: str, shorter: str) -> bool:
    """``longer`` says all that ``shorter`` says and more ("former secretary of state" / "Secretary")."""
    words = set(_role_words(longer))
    return len(words) > len(set(_role_words(shorter))) and set(_role_words(shorter)) <= words


def _role_words(role: str) -> list[str]:
    return [word.strip(".") for word in role.lower().replace(",", " ").split()]


def _role_head_index(words: list[str]) -> int:
    """Where the head noun of a role is: before its first "of"/"at"/"for", else last ("foreign minister of X");
    but last when the words before the "of" name a body that the last word holds an office in ("Bank of England
    Governor")."""
    last = len(words) - 1
    cut = next((i - 1 for i, word in enumerate(words) if i > 0 and word in _ROLE_BREAKS), last)
    if cut < last and _person_head(words[last]) and not _person_head(words[cut]):
        return last
    return cut


def _head_gender(head: str) -> str | None:
    """The gender a person noun gives: "spokeswoman", "congressman"."""
    return "female" if head.endswith("woman") else "male" if head.endswith("man") else None


def _role_head(role: str) -> str:
    words = _role_words(role)
    return words[_role_head_index(words)] if words else ""


def _other_job(held: str, described: str) -> bool:
    """Does the job noun ``held`` (the head of a person's stated role) rule out the description ``described``?
    Two different job nouns do, unless one is a form of the other ("epidemiologist" for a "head of epidemiology"
    shares its stem); an age or a kind of person ("the 38-year-old", "the man") never does."""
    if held == described or described not in ROLE_NOUNS or held not in ROLE_NOUNS:
        return False
    return held[:_STEM] != described[:_STEM] and held not in _GENERAL_JOBS and described not in _GENERAL_JOBS


# role -> its words as _role_fits reads them, for the roles of recent articles
_ROLE_WORD_SETS: Final[dict[str, frozenset[str]]] = {}


def _role_fits(words: list[str], role: str) -> bool:
    """A description's words are all in the role, and the role has no office-changing modifier ("shadow",
    "deputy", "former") that the description lacks: "the chancellor" is not the "shadow chancellor"."""
    role_words = _ROLE_WORD_SETS.get(role)
    if role_words is None:  # (kept: each description is held against every role given before it)
        if len(_ROLE_WORD_SETS) >= _FOLDED_MAX:
            _ROLE_WORD_SETS.clear()
        role_words = _ROLE_WORD_SETS[role] = frozenset(role.lower().replace(",", " ").replace("-", " ").split())
    return all(w in role_words for w in words) and not (role_words & OFFICE_MODIFIERS) - set(words)
