"""The word lists in lexicon/*.txt, loaded once at import.

Each file is plain text: one entry per line, ``#`` starts a comment. Keeping them as data lets a reviewer
add a speech verb or a title without touching code."""

from __future__ import annotations

import re
from importlib import resources

_DIR = resources.files("quotecheck.extract") / "lexicon"


def _lines(name: str) -> list[str]:
    text = (_DIR / name).read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [entry for entry in entries if entry]


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


def _first_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for line in _lines("first_names.txt"):
        gender, _, words = line.partition(":")
        for word in words.split():
            names[word.lower()] = gender.strip()
    return names


SPEECH_VERBS, OBJECT_VERBS, QUOTE_ONLY_VERBS = _speech_verbs()
CUE_PHRASES: tuple[str, ...] = _phrases("cue_phrases.txt")
PRONOUNS: dict[str, str] = _tagged("pronouns.txt")
TITLES: dict[str, str] = _tagged("titles.txt")
FIRST_NAMES: dict[str, str] = _first_names()
ROLE_NOUNS = _words("role_nouns.txt")
ORGANISATION_WORDS = _words("organisation_words.txt")
ANONYMOUS_MARKERS: tuple[str, ...] = _phrases("anonymous_markers.txt")
BOILERPLATE: tuple[str, ...] = _phrases("boilerplate.txt")
NOT_SPEECH_MARKERS: tuple[str, ...] = _phrases("not_speech_markers.txt")
ADVERBS = _words("adverbs.txt")
CONJUNCTIONS = _words("conjunctions.txt")
STOP_CAPITALS = _words("stop_capitals.txt")
COMMON_VERBS = frozenset(word for line in _lines("common_verbs.txt") for word in line.lower().split())


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
