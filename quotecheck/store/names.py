"""Speaker-name keys: the accent-, case- and punctuation-insensitive form names are matched on."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

# Letters NFKD does not decompose into a base letter plus accent.
_FOLD = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "ı": "i",
        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH",
    }
)  # fmt: skip
_APOSTROPHES = regex.compile(r"['’ʼ`´]")
_NOT_WORD = regex.compile(r"[^\p{L}\p{N}]+")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """``"Linas Linkevičius"`` -> ``"linas linkevicius"``; ``"O'Brien"`` -> ``"obrien"``;
    ``"Jean-Claude"`` -> ``"jean claude"``."""
    folded = unicodedata.normalize("NFKD", name.translate(_FOLD))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = _APOSTROPHES.sub("", folded)
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def surname(name: str) -> str | None:
    """The last word of a multi-word name as written ("Linkevičius"), or None for a one-word name."""
    words = name.split()
    return words[-1].strip(".,") if len(words) > 1 else None


# Lower-case inside a name ("Ursula von der Leyen"), unless first.
_NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "bin", "al"})
_NAME_PIECE = regex.compile(r"[\p{L}\p{N}]+")


def proper_case(name: str) -> str:
    """A person's name typed all in lower case, as names are written: ``"ursula von der leyen"`` -> ``"Ursula von
    der Leyen"``, ``"mary o'neil-smith"`` -> ``"Mary O'Neil-Smith"``. A name with any capital is left as typed."""
    if name != name.lower():
        return name
    words = name.split()
    cased = [
        word if index and word in _NAME_PARTICLES else _NAME_PIECE.sub(lambda piece: piece[0].capitalize(), word)
        for index, word in enumerate(words)
    ]
    return " ".join(cased)
