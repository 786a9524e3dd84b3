"""A quote's stated role -> the family of source it makes its speaker (politicians, officials, experts, citizens…),
from the word list in lexicon/role_families.txt."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

OTHER = "other"
NO_ROLE = "no role stated"
_LEXICON = Path(__file__).parent / "lexicon" / "role_families.txt"
# A role's head noun comes before these ("head of epidemiology", "spokesman for the ministry", "manager at the port")
_BREAKS = frozenset("of for at in with from on to by who which that".split())
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


@cache
def families() -> tuple[dict[str, str], tuple[str, ...]]:
    """word or phrase -> family, and the families in the order the lexicon lists them."""
    table: dict[str, str] = {}
    order: list[str] = []
    family = None
    for number, raw in enumerate(_LEXICON.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            family = line[1:-1].strip()
            order.append(family)
        elif family is None:
            raise ValueError(f"{_LEXICON.name}:{number}: a word before the first [family] header")
        else:
            table.setdefault(" ".join(line.lower().split()), family)
    return table, tuple(order)


def family_names() -> tuple[str, ...]:
    """Every family in the lexicon's order, then "other" and "no role stated"."""
    return (*families()[1], OTHER, NO_ROLE)


@lru_cache(maxsize=65536)
def role_family(role: str | None) -> str:
    """``"the foreign minister of Lithuania"`` -> ``"politicians"``; ``"Rail campaigner"`` -> ``"unions and
    campaigners"``; a role with no listed word -> ``"other"``; no role -> ``"no role stated"``."""
    words = _WORD.findall((role or "").lower().replace("’", "'").replace("'s ", " ").replace("s' ", " "))
    if not words:
        return NO_ROLE
    table = families()[0]
    for index in range(len(words) - 2):  # an office named across a break: "member of parliament"
        if (phrase := " ".join(words[index : index + 3])) in table:
            return table[phrase]
    cut = next((index for index, word in enumerate(words) if word in _BREAKS and index), len(words))
    # the head phrase first, right to left; then the words after it ("head of epidemiology")
    for start, stop in ((0, cut), (cut, len(words))):
        found = _rightmost_family(words[start:stop])
        if found:
            return found
    return OTHER


def _rightmost_family(words: list[str]) -> str | None:
    table = families()[0]
    for index in range(len(words) - 1, -1, -1):
        if index and (phrase := f"{words[index - 1]} {words[index]}") in table:
            return table[phrase]
        word = words[index]
        for form in (word, word[:-1] if word.endswith("s") else None, word[:-2] if word.endswith("es") else None):
            if form and form in table:
                return table[form]
    return None
