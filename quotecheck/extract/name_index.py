"""The named entities of one article by surname, with every look-up a name needs in constant time however many
people share a surname (a list of a thousand Smiths must not make each new Smith walk the list)."""

from __future__ import annotations

from bisect import insort
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quotecheck.extract.entities import Entity


class NameIndex:
    def __init__(self) -> None:
        self.by_surname: dict[str, list[Entity]] = {}
        self._added = 0  # how many entities were added: an entity's ``order`` (the first match is the earliest)
        self._by_ending: dict[str, list[Entity]] = {}  # "Rodham Clinton" of "Hillary Rodham Clinton" -> entities
        self._lone: dict[str, list[Entity]] = {}  # surname -> entities named by one word ("Clinton")

    def add(self, entity: Entity) -> None:
        entity.order = self._added
        self._added += 1
        self.by_surname.setdefault(entity.surname, []).append(entity)
        if " " not in entity.name:  # (most are: a surname, an organisation's one word)
            self._lone.setdefault(entity.surname, []).append(entity)
            return
        words = entity.name.split(" ")
        for k in range(len(words) - 1):  # (the latest entity: its place is at the end of each list)
            self._by_ending.setdefault(" ".join(words[k:]), []).append(entity)

    def rename(self, entity: Entity, name: str) -> None:
        """Give ``entity`` a fuller name, keeping the index true."""
        for table, key in self._keys(entity):
            table[key].remove(entity)
        entity.name = name
        for table, key in self._keys(entity):
            insort(table.setdefault(key, []), entity, key=_order)

    def match_full(self, surname: str, full: str) -> Entity | None:
        """The earliest entity of ``surname`` that a name of several words ``full`` refers to: the same name, a
        fuller one ("Hillary Rodham Clinton" for "Rodham Clinton"), a shorter one ("Clinton" for "Bill Clinton")
        or the surname alone."""
        found = self._first(self._by_ending.get(full), surname)  # the same name, or one ending with it
        words = full.split(" ")
        for k in range(1, len(words) - 1):  # a shorter name of several words
            shorter = " ".join(words[k:])
            found = self._earlier(found, self._first(self._by_ending.get(shorter), surname, shorter))
        return self._earlier(found, self._first(self._lone.get(surname), surname))  # (or of one word)

    def _first(self, entities: list[Entity] | None, surname: str, name: str | None = None) -> Entity | None:
        """The earliest of ``entities`` with this surname (and exactly this name, when given)."""
        for entity in entities or ():
            if entity.surname == surname and (name is None or entity.name == name):
                return entity
        return None

    def _earlier(self, one: Entity | None, other: Entity | None) -> Entity | None:
        if one is None or other is None:
            return one or other
        return one if one.order <= other.order else other

    def _keys(self, entity: Entity) -> list[tuple[dict[str, list[Entity]], str]]:
        """Where ``entity`` is filed: a name of one word under its surname; a longer one under each of its
        endings of two words or more, itself included (an ending of one word is asked of lone names only)."""
        if " " not in entity.name:
            return [(self._lone, entity.surname)]
        words = entity.name.split(" ")
        return [(self._by_ending, " ".join(words[k:])) for k in range(len(words) - 1)]


def _order(entity: Entity) -> int:
    return entity.order
