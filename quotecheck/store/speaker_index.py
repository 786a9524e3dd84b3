"""An in-memory index of speaker names for matching at ingest and fuzzy search (no SQL here).

The store loads it from the speakers tables and keeps it in step with its own writes. Changes by another
process are noticed on the next use (StoreBase._sync_index): a rename, merge or deletion bumps the
``speaker_epoch`` counter and the index is rebuilt; new speakers and aliases show as higher ids and are added.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from quotecheck.store.identity import (
    NAME_SUFFIXES, is_personal_name, middles_compatible, name_suffix, person_key, person_parts,
)

# A new person joins an existing one by spelling variant only when the whole name is this similar...
FULL_NAME_SIMILARITY = 90
# ...every word is at least this similar (so "Lina Smith" and "Luna Smith" differ on a word)...
WORD_SIMILARITY = 80
# ...and the name is long enough for one typo not to be a different short name ("Jon Li" / "Jan Li").
MIN_FUZZY_KEY_LENGTH = 10
# Search: how close a word of the query must be to a word of a name to make that name a candidate.
SEARCH_WORD_SIMILARITY = 75
MAX_PREFIX_WORDS = 500


class _Entry:
    __slots__ = ("name", "key", "type", "alias_keys", "article_id")

    def __init__(self, name: str, key: str, type_: str | None, article_id: int | None = None):
        self.name, self.key, self.type = name, key, type_
        self.alias_keys: tuple[str, ...] = ()  # most speakers have one alias at most: tuples are cheaper
        self.article_id = article_id  # set: an anonymous source or description that belongs to that article

    def keys(self) -> list[str]:
        return [self.key, *self.alias_keys]


class SpeakerIndex:
    """Shared speakers (persons and organisations, one row across articles) are matched by name; article-scoped
    ones (anonymous sources, descriptions) only within their article. Both are found by fuzzy search."""

    def __init__(self) -> None:
        self._entries: dict[int, _Entry] = {}
        self._by_full_key: dict[str, set[int]] = defaultdict(set)  # multi-word names and aliases (shared)
        self._by_name_key: dict[str, set[int]] = defaultdict(set)  # names only (shared)
        self._by_person_key: dict[str, set[int]] = defaultdict(set)  # "first last [suffix]" of multi-word keys
        self._by_article_key: dict[tuple[int, str], int] = {}  # (article id, key) of article-scoped speakers
        self._by_word: dict[str, set[int]] = defaultdict(set)  # every speaker, for search
        self._words: list[str] | None = None  # sorted vocabulary, rebuilt on demand

    def __len__(self) -> int:
        return len(self._entries)

    @classmethod
    def build(
        cls,
        speakers: Iterable[tuple[int, str, str, str | None, int | None]],
        aliases: Iterable[tuple[int, str]],
    ) -> SpeakerIndex:
        """An index of ``speakers`` (id, name, key, type, article id) and ``aliases`` (speaker id, key): add() and
        add_alias() unrolled, as loading 100,000 speakers is the slow part of a first search."""
        index = cls()
        entries, by_name, by_full, by_word = index._entries, index._by_name_key, index._by_full_key, index._by_word
        by_person, by_article = index._by_person_key, index._by_article_key
        for speaker_id, name, key, type_, article_id in speakers:
            entries[speaker_id] = _Entry(name, key, type_, article_id)
            words = key.split()
            if article_id is not None:
                by_article.setdefault((article_id, key), speaker_id)
            elif len(words) > 1:
                by_name[key].add(speaker_id)
                by_full[key].add(speaker_id)
                # person_key(key), inlined: this loop is most of the time a first search or ingest waits for
                if len(words) > 2 and words[-1] in NAME_SUFFIXES:
                    by_person[f"{words[0]} {words[-2]} {words[-1]}"].add(speaker_id)
                else:
                    by_person[f"{words[0]} {words[-1]}"].add(speaker_id)
            else:
                by_name[key].add(speaker_id)
            for word in words:
                by_word[word].add(speaker_id)
        for speaker_id, key in aliases:
            entry = entries.get(speaker_id)
            if entry is None or not key or key == entry.key or key in entry.alias_keys:
                continue
            entry.alias_keys += (key,)
            if " " in key and entry.article_id is None:
                by_full[key].add(speaker_id)
                by_person[person_key(key)].add(speaker_id)
            for word in key.split():
                by_word[word].add(speaker_id)
        return index

    # -- maintenance -------------------------------------------------------------------------------------------
    def add(self, speaker_id: int, name: str, key: str, type_: str | None, article_id: int | None = None) -> None:
        self._entries[speaker_id] = entry = _Entry(name, key, type_, article_id)
        if article_id is not None:
            self._by_article_key.setdefault((article_id, key), speaker_id)
        else:
            self._by_name_key[key].add(speaker_id)
        self._index_key(entry, speaker_id, key)

    def add_alias(self, speaker_id: int, alias_key: str) -> None:
        entry = self._entries.get(speaker_id)
        if entry is None or not alias_key or alias_key in entry.keys():
            return
        entry.alias_keys += (alias_key,)
        self._index_key(entry, speaker_id, alias_key)

    def name(self, speaker_id: int) -> str | None:
        entry = self._entries.get(speaker_id)
        return entry.name if entry else None

    def type(self, speaker_id: int) -> str | None:
        entry = self._entries.get(speaker_id)
        return entry.type if entry else None

    def article_of(self, speaker_id: int) -> int | None:
        """The article an article-scoped speaker belongs to; None for a shared one."""
        entry = self._entries.get(speaker_id)
        return entry.article_id if entry else None

    def set_type(self, speaker_id: int, type_: str | None) -> None:
        entry = self._entries.get(speaker_id)
        if entry is not None:
            entry.type = type_

    def remove(self, speaker_id: int) -> None:
        entry = self._entries.pop(speaker_id, None)
        if entry is None:
            return
        self._by_name_key[entry.key].discard(speaker_id)
        if entry.article_id is not None and self._by_article_key.get((entry.article_id, entry.key)) == speaker_id:
            del self._by_article_key[(entry.article_id, entry.key)]
        for key in entry.keys():
            self._by_full_key[key].discard(speaker_id)
            if (person := person_key(key)) is not None:
                self._by_person_key[person].discard(speaker_id)
            for word in key.split():
                self._by_word[word].discard(speaker_id)

    def _index_key(self, entry: _Entry, speaker_id: int, key: str) -> None:
        if " " in key and entry.article_id is None:
            self._by_full_key[key].add(speaker_id)
            self._by_person_key[person_key(key)].add(speaker_id)
        for word in key.split():
            if word not in self._by_word:
                self._words = None
            self._by_word[word].add(speaker_id)

    # -- matching a name found by the extractor ----------------------------------------------------------------
    def find(self, key: str, type_: str | None, *, personal: bool = False) -> int | None:
        """The shared speaker a new mention ``key`` belongs to, or None for a new speaker. One name is one speaker
        whatever its type (``type_`` only breaks ties between rows stored before that rule).

        1. A name or multi-word alias with the same key. A one-word name ("Merkel") only matches a speaker whose
           whole name is that word: a bare surname never joins two people.
        2. ``personal`` (a person's name of two or more words): the same person key with compatible middle names
           ("Donald J. Trump" = "Donald Trump", "Hillary Rodham Clinton" = "Hillary Clinton"; not "Donald Trump
           Jr."); when several people fit ("George Bush" for "George W. Bush" and "George H. W. Bush"), the only
           person among them, else nobody.
        3. ``personal``: a person with a close spelling of the whole name, word by word."""
        if not key:
            return None
        if " " not in key:
            return self._preferring(self._by_name_key.get(key, ()), type_)
        exact = self._preferring(self._by_full_key.get(key, ()), type_)
        if exact is not None or not personal:
            return exact
        same = self._same_person(key)
        if same is not None or len(key) < MIN_FUZZY_KEY_LENGTH:
            return same
        return self._close_spelling(key)

    def find_in_article(self, article_id: int, key: str) -> int | None:
        """The article-scoped speaker of ``article_id`` with this key, or None."""
        return self._by_article_key.get((article_id, key))

    def _preferring(self, ids, type_: str | None) -> int | None:
        """The first of ``ids`` of ``type_``, else the first of any type."""
        ids = [i for i in ids if i in self._entries]
        matching = [i for i in ids if self._entries[i].type == type_]
        return min(matching or ids) if ids else None

    def _same_person(self, key: str) -> int | None:
        parts = person_parts(key)
        if parts is None:
            return None
        person, middles = parts
        fitting = []
        for speaker_id in self._by_person_key.get(person, ()):
            entry = self._entries.get(speaker_id)
            if entry is None or not is_personal_name(entry.name):
                continue
            variants = [p[1] for k in entry.keys() if (p := person_parts(k)) is not None and p[0] == person]
            if all(middles_compatible(middles, other) for other in variants):
                fitting.append(speaker_id)
        if len(fitting) > 1:
            fitting = [i for i in fitting if self._entries[i].type == "person"]
        return fitting[0] if len(fitting) == 1 else None

    def _close_spelling(self, key: str) -> int | None:
        words = key.split()
        suffix = name_suffix(key)  # a close spelling never turns "Jr." into "Sr." or "II" into "III"
        candidate_ids: list[int] = []
        candidate_keys: list[str] = []
        for speaker_id in self._by_word.get(words[0], set()) | self._by_word.get(words[-1], set()):
            entry = self._entries[speaker_id]
            if entry.type == "person" and entry.article_id is None:
                for other in entry.keys():
                    candidate_ids.append(speaker_id)
                    candidate_keys.append(other)
        for other, score, position in process.extract(
            key, candidate_keys, scorer=fuzz.ratio, processor=None, limit=10, score_cutoff=FULL_NAME_SIMILARITY
        ):
            other_words = other.split()
            if (
                len(other_words) == len(words)
                and all(fuzz.ratio(a, b) >= WORD_SIMILARITY for a, b in zip(words, other_words))
                and name_suffix(other) == suffix
            ):
                return candidate_ids[position]
        return None

    # -- fuzzy search ------------------------------------------------------------------------------------------
    def search(self, query_key: str, *, score_cutoff: float) -> list[tuple[int, float]]:
        """(speaker id, score 0..100) best first for a typed query: accents, case, word order and small typos
        don't matter; a surname or a word prefix finds the full name."""
        words = query_key.split()
        if not words:
            return []
        candidates: set[int] = set()
        for word in words:
            for similar in self._similar_words(word):
                candidates |= self._by_word[similar]
        if not candidates:
            return []
        ids: list[int] = []
        keys: list[str] = []
        for speaker_id in candidates:
            for key in self._entries[speaker_id].keys():
                ids.append(speaker_id)
                keys.append(key)
        best: dict[int, float] = {}
        for _, score, index in process.extract(
            query_key, keys, scorer=fuzz.WRatio, processor=None, limit=None, score_cutoff=score_cutoff
        ):
            speaker_id = ids[index]
            if score > best.get(speaker_id, -1):
                best[speaker_id] = score
        return sorted(best.items(), key=lambda item: (-item[1], item[0]))

    def _similar_words(self, word: str) -> set[str]:
        words = self._sorted_words()
        found = {word} if word in self._by_word else set()
        if len(word) >= 2:  # prefixes, so the picker finds "Linkevicius" while "link" is typed
            start = bisect.bisect_left(words, word)
            for candidate in words[start : start + MAX_PREFIX_WORDS]:
                if not candidate.startswith(word):
                    break
                found.add(candidate)
        if len(word) >= 4:
            # Misspellings seldom start with the wrong letter: comparing only with words of the same initial keeps
            # this to a few thousand comparisons however many speakers there are.
            first, after_first = word[0], chr(ord(word[0]) + 1)
            same_initial = words[bisect.bisect_left(words, first) : bisect.bisect_left(words, after_first)]
            for candidate, _, _ in process.extract(
                word, same_initial, scorer=fuzz.ratio, processor=None, limit=50, score_cutoff=SEARCH_WORD_SIMILARITY
            ):
                found.add(candidate)
        return {w for w in found if self._by_word.get(w)}

    def _sorted_words(self) -> list[str]:
        if self._words is None:
            self._words = sorted(w for w, ids in self._by_word.items() if ids)
        return self._words
