"""Do two speaker names denote the same person? Used when a gold file gives a name rather than a mention span."""

from __future__ import annotations

import unicodedata

import regex

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"})
# "a source close to the government" and "One source close to the government" are the same anonymous source.
_LEADING_DETERMINERS = frozenset({"a", "an", "the", "one"})
# A pronoun names nobody by itself: "he" == "he" says nothing about who spoke.
_PRONOUNS = frozenset(
    {"i", "me", "we", "us", "you", "he", "him", "his", "she", "her", "it", "its", "they", "them", "their"}
)
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)*")


def name_words(name: str) -> list[str]:
    """Lower-case, accent-free words of a name, without honorifics, a leading article or a possessive 's."""
    folded = "".join(
        char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char)
    ).casefold()
    words = []
    for word in _WORD.findall(folded):
        word = regex.sub(r"['’]s$", "", word)
        if word not in _HONORIFICS:
            words.append(word)
    if len(words) > 1 and words[0] in _LEADING_DETERMINERS:
        del words[0]
    return words


def names_agree(a: str | None, b: str | None) -> bool:
    """True when the names are equal ignoring case, accents and honorifics, or share the surname (last word) and
    one name's words all occur in the other ("Linkevicius" / "Linas Linkevicius", "Ms Demir" / "Zuhal Demir")."""
    if not a or not b:
        return False
    words_a, words_b = name_words(a), name_words(b)
    if not words_a or not words_b:
        return False
    if len(words_a) == 1 and words_a[0] in _PRONOUNS or len(words_b) == 1 and words_b[0] in _PRONOUNS:
        return False
    if words_a == words_b:
        return True
    if words_a[-1] != words_b[-1]:
        return False
    set_a, set_b = set(words_a), set(words_b)
    return set_a <= set_b or set_b <= set_a
