"""The named entities of one article by surname, with every look-up a name needs in constant time however many
people share a surname (a list of a thousand Smiths must not make each new Smith walk the list)."""

from __future__ import annotations

from bisect import insort
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quotecheck.extract.entities import Entity

SHARED_SURNAME_SCAN = 50  # the most recent people of one surname a bare surname is weighed against


class NameIndex:
    def __init__(self) -> None:
        self.by_surname: dict[str, list[Entity]] = {}
        self._order: dict[int, int] = {}  # id(entity) -> when it was added: the first match is the earliest
        self._by_name: dict[str, list[Entity]] = {}  # exact name -> entities, earliest first
        self._by_ending: dict[str, list[Entity]] = {}  # "Rodham Clinton" of "Hillary Rodham Clinton" -> entities
        self._lone: dict[str, list[Entity]] = {}  # surname -> entities named by one word ("Clinton")

    def add(self, entity: Entity) -> None:
        self._order[id(entity)] = len(self._order)
        self.by_surname.setdefault(entity.surname, []).append(entity)
        if " " not in entity.name:  # (most are: a surname, an organisation's one word)
            self._lone.setdefault(entity.surname, []).append(entity)
            return
        for table, key in self._keys(entity):  # (the latest entity: its place is at the end)
            table.setdefault(key, []).append(entity)

    def rename(self, entity: Entity, name: str) -> None:
        """Give ``entity`` a fuller name, keeping the index true."""
        for table, key in self._keys(entity):
            table[key].remove(entity)
        entity.name = name
        for table, key in self._keys(entity):
            insort(table.setdefault(key, []), entity, key=lambda e: self._order[id(e)])

    def match_full(self, surname: str, full: str) -> Entity | None:
        """The earliest entity of ``surname`` that a name of several words ``full`` refers to: the same name, a
        fuller one ("Hillary Rodham Clinton" for "Rodham Clinton"), a shorter one ("Clinton" for "Bill Clinton")
        or the surname alone."""
        found = [self._first(self._by_ending.get(full), surname)]  # the same name, or one ending with it
        words = full.split(" ")
        found += [self._first(self._by_name.get(" ".join(words[k:])), surname) for k in range(1, len(words) - 1)]
        found.append(self._first(self._lone.get(surname), surname))  # (a shorter name of one word)
        found = [entity for entity in found if entity is not None]
        return min(found, key=lambda entity: self._order[id(entity)]) if found else None

    def recent(self, surname: str) -> list[Entity]:
        """The people of ``surname`` a bare surname is weighed against: the most recently named."""
        people = self.by_surname.get(surname)
        if people is None:
            return []
        return people if len(people) <= SHARED_SURNAME_SCAN else people[-SHARED_SURNAME_SCAN:]

    def _first(self, entities: list[Entity] | None, surname: str) -> Entity | None:
        return next((entity for entity in entities or () if entity.surname == surname), None)

    def _keys(self, entity: Entity) -> list[tuple[dict[str, list[Entity]], str]]:
        """Where ``entity`` is filed: a name of one word under its surname; a longer one under itself and
        under each of its endings of two words or more (an ending of one word is asked of lone names only)."""
        if " " not in entity.name:
            return [(self._lone, entity.surname)]
        words = entity.name.split(" ")
        return [(self._by_name, entity.name)] + [(self._by_ending, " ".join(words[k:])) for k in range(len(words) - 1)]
