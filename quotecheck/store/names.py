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
