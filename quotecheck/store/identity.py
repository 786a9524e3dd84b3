"""Who a speaker name stands for, as far as the store can tell from the name alone (no SQL here).

- A **description** ("the company", "a spokesman", "the report", "one Clinton aide", "Some", "Legal experts") is
  not a name: it belongs to the article it was found in, one speaker row per article (``is_article_scoped``).
- A **personal name** of two or more words has a person key, its first and last word plus any generational suffix
  ("donald trump", "donald trump jr"); the words between are middle names or initials. Two names with the same
  person key and compatible middles ("Donald J. Trump", "Donald Trump", "Donald John Trump"; "Hillary Rodham
  Clinton", "Hillary Clinton") are one person; "Donald Trump Jr." is another.
- A speaker the extractor left **untyped** gets a type from its name (``infer_type``); when the extractor typed one
  name person in one article and organisation in another, ``settle_type`` says which the single row keeps.

The word lists are data files in lexicon/ (lower case, ``#`` comments).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex

LEXICON = Path(__file__).parent / "lexicon"
# Stripped from a word's ends before it is looked up ("Reuters’", "(AP)"); possessives too ("Trump's").
_EDGE_PUNCTUATION = ".,;:!?\"'’‘“”()[]"
_POSSESSIVES = ("'s", "’s")
_LETTER = regex.compile(r"\p{L}")


def lexicon(name: str) -> frozenset[str]:
    """The words of ``lexicon/<name>.txt``."""
    words: set[str] = set()
    for line in (LEXICON / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        words.update(line.split("#", 1)[0].split())
    return frozenset(words)


ORGANISATION_WORDS = lexicon("organisation_words")
DESCRIPTION_WORDS = lexicon("description_words")
NAME_CONNECTORS = lexicon("name_connectors")
NAME_SUFFIXES = lexicon("name_suffixes")


@lru_cache(maxsize=65536)
def _content_words(name: str) -> tuple[str, ...]:
    """The words of ``name`` that are not determiners, pronouns, numbers or lower-case name connectors ("de", "of":
    "Al From" keeps both its words), as written."""
    content = []
    for word in name.split():
        bare = word.strip(_EDGE_PUNCTUATION)
        folded = bare.casefold()
        if folded.endswith(_POSSESSIVES):
            bare, folded = bare[:-2], folded[:-2]
        if folded not in DESCRIPTION_WORDS and bare not in NAME_CONNECTORS and _LETTER.search(bare):
            content.append(bare)
    return tuple(content)


@lru_cache(maxsize=65536)
def is_description(name: str) -> bool:
    """A generic description rather than a name: nothing but determiners and numbers ("Another", "the two",
    "42%"), or a lower-case word among the rest ("the company", "one Clinton aide", "Legal experts", "he's") —
    unless it ends in an organisation word after a proper name ("the Trump campaign", "Obama administration",
    "the French transport ministry")."""
    content = _content_words(name)
    lower = [word for word in content if word.islower()]
    if not content or not lower:
        return not content
    if len(lower) < len(content) and content[-1].casefold() in ORGANISATION_WORDS:
        return False
    return True


def is_article_scoped(name: str, type_: str | None) -> bool:
    """Anonymous sources and descriptions belong to their article: never one speaker row for two articles."""
    return type_ == "anonymous" or is_description(name)


def _is_acronym(name: str) -> bool:
    """A one-word name in capitals ("CNN", "NATO", "GOP"): an organisation."""
    words = name.split()
    if len(words) != 1:
        return False
    letters = [c for c in words[0] if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def names_organisation(name: str) -> bool:
    """An organisation word ("Ministry", "campaign", "Party") or a one-word acronym."""
    return _is_acronym(name) or any(word.casefold() in ORGANISATION_WORDS for word in _content_words(name))


@lru_cache(maxsize=65536)
def is_personal_name(name: str) -> bool:
    """Two or more capitalised words, none of them an organisation word: the shape of a person's name."""
    return len(_content_words(name)) >= 2 and not is_description(name) and not names_organisation(name)


def first_name_gender(name: str) -> str | None:
    """"female" or "male" when the first word of a personal name is a first name usually given so (the extractor's
    names dataset, gender-guesser); None for one-word names and unknown or unisex first names."""
    if not is_personal_name(name):
        return None
    from quotecheck.extract.lexicons import FIRST_NAMES  # (loaded on first use: the app starts without it)

    gender = FIRST_NAMES.get(_content_words(name)[0])
    return gender if gender in ("female", "male") else None


def infer_type(name: str) -> str:
    """The type of a speaker the extractor left untyped: a description is anonymous, a name with an organisation
    word (or an acronym) an organisation, any other name a person."""
    if is_description(name):
        return "anonymous"
    if names_organisation(name):
        return "organisation"
    return "person"


def settle_type(name: str, stored: str | None, found: str | None) -> str | None:
    """The type a shared speaker row keeps when a quote names it with type ``found`` (None: untyped, no opinion).

    One name is one row whatever the extractor called it. Person against organisation: an organisation word or
    acronym makes it an organisation ("Trump campaign", "CNN"); otherwise a personal name of two or more words is
    a person, so a person's name never becomes an organisation row. (On the devset the extractor typed 68 names
    both ways, nearly all of them people; the price is that an organisation with a person-like name and no
    organisation word, "Wall Street", becomes a person if the extractor ever calls it one.) A one-word name
    ("Trump", "Beijing") keeps the type it was first stored with: nothing in one word tells them apart."""
    if found is None or found == stored:
        return stored
    if stored is None:
        return found
    if {stored, found} != {"person", "organisation"}:
        return stored
    if names_organisation(name):
        return "organisation"
    if is_personal_name(name):
        return "person"
    return stored


# -- person names --------------------------------------------------------------------------------------------------
def name_suffix(key: str) -> str:
    """The generational suffix ending a name key of three or more words (``"donald trump jr"`` -> ``"jr"``), or ""."""
    words = key.split()
    return words[-1] if len(words) > 2 and words[-1] in NAME_SUFFIXES else ""


def person_key(key: str) -> str | None:
    """A name key's first and last word, and its suffix: ``"donald j trump"`` -> ``"donald trump"``, ``"donald
    trump jr"`` -> ``"donald trump jr"``; None for a one-word key. (person_parts()[0], faster: the speaker index
    computes it for every name it loads.)"""
    words = key.split()
    if len(words) < 2:
        return None
    if len(words) > 2 and words[-1] in NAME_SUFFIXES:
        return f"{words[0]} {words[-2]} {words[-1]}"
    return f"{words[0]} {words[-1]}"


def person_parts(key: str) -> tuple[str, tuple[str, ...]] | None:
    """(person key, middle words) of a name key of two or more words: ``"donald j trump"`` -> ``("donald trump",
    ("j",))``; ``"donald trump jr"`` -> ``("donald trump jr", ())``; None for a one-word key."""
    words = key.split()
    suffix = ""
    if name_suffix(key):
        suffix = " " + words.pop()
    if len(words) < 2:
        return None
    middles = tuple(word for word in words[1:-1] if word not in NAME_CONNECTORS)
    return f"{words[0]} {words[-1]}{suffix}", middles


def middles_compatible(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Middle names that can be the same person's: one side has none ("Hillary Clinton" / "Hillary Rodham
    Clinton"), or as many on both sides, each equal or an initial of the other ("J" / "John"). "W" and "H W" (the
    two George Bushes) are not."""
    if not one or not other:
        return True
    if len(one) != len(other):
        return False
    return all(a == b or (min(len(a), len(b)) == 1 and a[0] == b[0]) for a, b in zip(one, other))
