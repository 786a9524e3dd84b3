"""Mentions -> speakers within one article: surname and title forms resolve to the fullest name, pronouns to the
nearest compatible earlier person, nominals ("the Swedish politician") to the person whose role matches."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import regex
from rapidfuzz import fuzz, process

from quotecheck.extract.layout import Layout
from quotecheck.extract.lexicons import FIRST_NAMES, ORGANISATION_WORDS, PRONOUNS, ROLE_NOUNS, STOP_CAPITALS, TITLES
from quotecheck.extract.mentions import Mention, role_near, speaker_noun

# A capitalised run: optional abbreviated title, then words; a dot only after an initial ("John F. Kennedy"), so
# a run never crosses a sentence end ("... in Iraq. Carson said").
_NAME = regex.compile(
    r"(?<![\p{L}\p{N}'’])(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Prof|Rev|Pres|Sens|Reps)\.[ \u00a0])?"
    r"(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’\-]*)"
    r"(?:[ \u00a0](?:[“\"‘]\p{Lu}[\p{L}\-]*[”\"’][ \u00a0])?"  # a nickname: Robbie “Tiny” Hallam
    r"(?:(?:de|van|von|da|del|di|du|la|le|bin|al|ben|der|den)[ \u00a0])?"
    r"(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’\-]*)(?![\p{L}\p{N}])){0,4}"
)
_NICKNAME_MARKS = frozenset('“"‘')
_GENDERED = regex.compile(r"\b(?:he|him|his|she|her|He|His|She|Her)\b")
_ORGANISATION_ROLES = frozenset(
    "organisation organization group paper newspaper agency company firm charity network broadcaster".split()
)
_SUBJECT_AFTER = regex.compile(r"(?:,[^,.;:\"“”]{1,80},)?\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|s)\b|\s+(?:said|told|wrote|says)\b")
_SEARCH_BACK = 4000  # characters a pronoun looks back for its antecedent
_MENTIONS_LOOKED_AT = 60
_FUZZY_LIMIT = 400  # surnames compared by rapidfuzz; an article has a few dozen
_AGE = regex.compile(r"\d+-year-old")


@dataclass(slots=True)
class Entity:
    name: str
    surname: str
    speaker_type: str = "person"
    gender: str | None = None
    role: str | None = None
    evidence: bool = False  # something says it is a person: a title, a known first name, a he/she, a person role
    spoke: bool = False
    role_at_cue: bool = False  # the role was read next to a speech cue (preferred over one read elsewhere)
    votes: dict[str, int] = field(default_factory=dict)


def _unpossessive(word: str) -> str:
    if word.endswith(("'s", "’s")):
        return word[:-2]
    if word.endswith(("'", "’")):
        return word[:-1]
    return word


def _fold(word: str) -> str:
    return _unpossessive(word).rstrip(".").lower()


def _split_name(words: list[str]) -> tuple[str | None, list[str], str | None]:
    """Title, name words and role words of a capitalised run: "Councillor Helen Marsh" -> councillor, [Helen,
    Marsh]; "Health Secretary Leon Farrow" -> role "Health Secretary" (the store matches people by name, so a
    title or role left in the name would split one person in two)."""
    folded = [_fold(word) for word in words]
    cut = 0
    while cut < len(words) and folded[cut] in TITLES:
        cut += 1
    title = folded[0] if cut else None
    # Up to the last title or role noun, or up to a known first name, when a first name and a surname remain.
    for index in range(cut, len(words) - 1):
        if index < len(words) - 2 and (folded[index] in TITLES or folded[index] in ROLE_NOUNS):
            cut = index + 1
        elif index > cut and folded[index] in FIRST_NAMES and not (
            folded[index - 1] in STOP_CAPITALS or folded[index - 1] in FIRST_NAMES
        ):
            cut = index  # "Pensioner Joan Whitfield": the word before a first name is not part of the name
    role = " ".join(words[:cut]) if any(word in ROLE_NOUNS for word in folded[:cut]) else None  # not "Mr", "Dr"
    while cut < len(words) and folded[cut] in STOP_CAPITALS:
        cut += 1
    return title, words[cut:], role


def _person_head(word: str) -> bool:
    """The head of a definite description of a person: a role noun or an age ("the 38-year-old")."""
    return bool(_AGE.fullmatch(word)) or word in ROLE_NOUNS and word not in ORGANISATION_WORDS


class Entities:
    """The named speakers of one article, built from every capitalised name in it."""

    def __init__(self, text: str, layout: Layout) -> None:
        self.text = text
        self.layout = layout
        self.by_surname: dict[str, list[Entity]] = {}
        self._mention_starts: list[int] = []
        self._mention_entities: list[Entity] = []
        self._with_roles: list[Entity] = []
        self._subject_position: list[bool] = []  # the mention is followed by a verb: "Fallon fired back"
        any_furniture = any(layout.furniture)
        for match in _NAME.finditer(text):
            words = [word for word in match.group().split() if word[0] not in _NICKNAME_MARKS]
            if len(words) == 1 and _fold(words[0]) in STOP_CAPITALS:
                continue  # "The", "But", "He": sentence openers, the commonest capitalised words
            if any_furniture and layout.is_furniture(match.start()):
                continue
            entity = self._register(words)
            if entity is None:
                continue
            start, end = match.span()
            if entity.role is None:
                role = role_near(text, start, end, layout.paragraph(start)[1])
                if role is not None:
                    self._set_role(entity, role)
            self._mention_starts.append(start)
            self._mention_entities.append(entity)
            self._subject_position.append(bool(_SUBJECT_AFTER.match(text, end)))
        self._vote_genders()

    def _register(self, words: list[str]) -> Entity | None:
        title, words, role = _split_name(words)
        if not words:
            return None
        words[-1] = _unpossessive(words[-1]).rstrip(".")
        if not words[-1] or len(words) == 1 and len(words[0]) < 2:
            return None
        surname = words[-1].lower()
        full = " ".join(words)
        entity = self._find(surname, full, title)
        if entity is None:
            entity = Entity(full, surname)
            self.by_surname.setdefault(surname, []).append(entity)
        elif len(full) > len(entity.name) and len(words) > 1:
            entity.name = full
        lowered = [w.lower() for w in words]
        if any(w in ORGANISATION_WORDS for w in lowered):
            entity.speaker_type = "organisation"
        elif title or (len(words) > 1 and lowered[0] in FIRST_NAMES):
            entity.evidence = True
        gender = TITLES.get(title or "") or (FIRST_NAMES.get(lowered[0]) if len(words) > 1 else None)
        if gender in ("male", "female") and entity.gender is None:
            entity.gender = gender
        if role is not None and entity.role is None:
            self._set_role(entity, role)
        return entity

    def _find(self, surname: str, full: str, title: str | None) -> Entity | None:
        candidates = self.by_surname.get(surname)
        if not candidates:
            if len(surname) < 5 or not self.by_surname or len(self.by_surname) > _FUZZY_LIMIT:
                return None
            best = process.extractOne(surname, list(self.by_surname), scorer=fuzz.ratio, score_cutoff=90)
            if best is None:
                return None
            candidates = self.by_surname[best[0]]
        if " " in full:
            for entity in candidates:
                if entity.name == full or entity.name.endswith(" " + full) or full.endswith(" " + entity.name) or (
                    " " not in entity.name
                ):
                    return entity
            return None
        # A bare surname: the latest full name with this surname whose gender fits the title.
        wanted = TITLES.get(title or "")
        for entity in reversed(candidates):
            if wanted in ("male", "female") and entity.gender not in (None, wanted):
                continue
            return entity
        return candidates[-1]

    def _vote_genders(self) -> None:
        """A he/she shortly after the only person named in the window tells that person's gender."""
        for match in _GENDERED.finditer(self.text):
            pos = match.start()
            para_start, _ = self.layout.paragraph(pos)
            lo = bisect_left(self._mention_starts, max(para_start, pos - 250))
            hi = bisect_right(self._mention_starts, pos)
            seen = {id(e): e for e in self._mention_entities[lo:hi] if e.speaker_type == "person"}
            people = [e for e in seen.values() if e.evidence or " " in e.name]
            if len(people) == 1:
                gender = PRONOUNS[match.group().lower()]
                votes = people[0].votes
                votes[gender] = votes.get(gender, 0) + 1
        for entities in self.by_surname.values():
            for entity in entities:
                if entity.votes:
                    top = max(entity.votes, key=entity.votes.get)
                    if entity.votes[top] >= 2 * (sum(entity.votes.values()) - entity.votes[top]):
                        entity.gender = top
                    entity.evidence = entity.evidence or entity.speaker_type == "person"

    def resolve_name(self, mention: Mention) -> Entity:
        """The entity of a name mention (registering it if the name pass missed it)."""
        words = mention.name.split()
        title = _fold(mention.title) if mention.title else None
        _, bare, _ = _split_name(words)
        surname = _fold(bare[-1]) if bare else _fold(words[-1]) if words else ""
        entity = self._find(surname, " ".join(bare), title) if surname else None
        if entity is None:
            entity = self._register(([mention.title] if mention.title else []) + words)
        if entity is None:
            entity = Entity(mention.name, surname)
        if mention.speaker_type == "organisation":
            entity.speaker_type = "organisation"
        if mention.role and not entity.role_at_cue:
            self._set_role(entity, mention.role)
            entity.role_at_cue = True
        if entity.speaker_type == "person" and not entity.evidence and " " not in entity.name:
            entity.speaker_type = "organisation"  # a lone capitalised word with nothing personal about it
        return entity

    def _set_role(self, entity: Entity, role: str) -> None:
        if entity.role is None:
            self._with_roles.append(entity)
        entity.role = role
        words = role.lower().replace(",", " ").split()
        head = words[-1].strip(".") if words else ""
        if head in ORGANISATION_WORDS or any(w in _ORGANISATION_ROLES for w in words[:4]):
            entity.speaker_type = "organisation"
        elif any(speaker_noun(w) for w in words):
            entity.evidence = True

    def note_speaker(self, entity: Entity, pos: int) -> None:
        """Record that ``entity`` spoke, through a mention at ``pos`` (a subject: pronouns may refer to it)."""
        entity.spoke = True
        index = bisect_left(self._mention_starts, pos)
        if index < len(self._mention_starts) and self._mention_starts[index] == pos:
            self._mention_entities[index] = entity
            return
        self._mention_starts.insert(index, pos)
        self._mention_entities.insert(index, entity)
        self._subject_position.insert(index, True)

    def resolve_pronoun(self, word: str, pos: int) -> Entity | None:
        """he/she -> the nearest earlier person of that gender, preferring people already quoted."""
        gender = PRONOUNS.get(word.lower())
        if gender in ("neuter", "plural"):
            return self._organisation_in_focus(pos)
        if gender not in ("male", "female"):
            return None
        hi, lo = self._window(pos)
        fallback = None
        for index in range(hi - 1, lo - 1, -1):
            entity = self._mention_entities[index]
            if entity.gender not in (None, gender) or entity.speaker_type != "person":
                continue
            if entity.spoke or self._subject_position[index] and (entity.evidence or entity.gender == gender):
                return entity  # the nearest earlier speaker, or person acting as a clause subject
            if fallback is None and (entity.evidence or entity.gender == gender):
                fallback = entity
        return fallback

    def _window(self, pos: int) -> tuple[int, int]:
        """Indices of the mentions a reference at ``pos`` looks back over: end (exclusive) and start."""
        hi = bisect_left(self._mention_starts, pos)
        return hi, max(bisect_left(self._mention_starts, pos - _SEARCH_BACK), hi - _MENTIONS_LOOKED_AT)

    def _organisation_in_focus(self, pos: int) -> Entity | None:
        """it/they -> the latest named subject before them, when nothing says it is a person ("Kingsport Rovers
        said …. It added …"): what "it" stands for is an organisation."""
        hi, lo = self._window(pos)
        for index in range(hi - 1, lo - 1, -1):
            if not self._subject_position[index]:
                continue
            entity = self._mention_entities[index]
            if entity.speaker_type == "organisation" or not entity.evidence and entity.gender is None:
                entity.speaker_type = "organisation"
                return entity
            return None
        return None

    def resolve_nominal(self, phrase: str, previous: Entity | None) -> Entity | None:
        """"The Swedish politician" -> the earlier person whose stated role contains those words; "the
        38-year-old", "the epidemiologist" (a definite description of a person) -> ``previous``, the person who
        spoke just before, when there is one (else the description may well introduce someone new)."""
        words = [w.lower() for w in phrase.split()[1:] if w]
        if not words:
            return None
        best = None
        for entity in self._with_roles[-_MENTIONS_LOOKED_AT:]:
            role_words = set(entity.role.lower().replace(",", " ").split())
            if all(w in role_words for w in words):
                best = entity
        if best is None and previous is not None and previous.speaker_type == "person" and (
            phrase.split()[0].lower() == "the" and _person_head(words[-1])
        ):
            best = previous
        return best

    def resolve_organisation(self, phrase: str, pos: int) -> Entity | None:
        """"the agency", "the union" -> the nearest earlier organisation whose name ends in that word."""
        words = phrase.lower().split()
        if len(words) != 2 or words[0] != "the":
            return None
        hi = bisect_left(self._mention_starts, pos)
        for index in range(hi - 1, max(-1, hi - 1 - _MENTIONS_LOOKED_AT), -1):
            entity = self._mention_entities[index]
            if entity.speaker_type == "organisation" and entity.name.lower().endswith(" " + words[1]):
                return entity
        return None

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
