"""Text to word tokens with offsets, the way a quote is compared with its source: case, punctuation and
apostrophe styles do not count; a bracketed insertion (``[he]``, ``[sic]``) and an ellipsis are conventions, kept as
tokens of their own so the aligner can treat them as such."""

from __future__ import annotations

from dataclasses import dataclass

import regex

WORD = "word"
BRACKET = "bracket"  # an editor's insertion or substitution in a quote; a transcript note ([applause]) in a source
ELLIPSIS = "ellipsis"

_TOKEN = regex.compile(
    r"(?P<bracket>\[[^\[\]\n]{0,200}\])"
    r"|(?P<ellipsis>…|\.\s?\.\s?\.)"
    # numbers keep their separators ("1,000", "3.5", "9:30") so a changed figure is one changed word
    r"|(?P<word>\p{N}+(?:[.,:]\p{N}+)*|\w+(?:['’‘]\w+)*)"
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


@dataclass(frozen=True, slots=True)
class Token:
    norm: str  # the comparison form: case-folded, one apostrophe style, no thousands separators
    start: int
    end: int
    kind: str = WORD


def tokenize(text: str) -> list[Token]:
    """Every word, bracket and ellipsis of ``text`` in order, with code-point offsets."""
    tokens = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == WORD:
            word = match.group().casefold().translate(_APOSTROPHES)
            if word[0].isdigit():
                word = word.replace(",", "")
            tokens.append(Token(word, match.start(), match.end()))
        else:
            tokens.append(Token(match.group(), match.start(), match.end(), kind))
    return tokens


def source_words(text: str) -> list[Token]:
    """The words of a source: its bracketed notes ("[applause]", a subtitle's "[00:01:02]") are not speech."""
    return [token for token in tokenize(text) if token.kind == WORD]
