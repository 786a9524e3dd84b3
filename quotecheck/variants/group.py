"""Grouping versions of the same quote.

Candidates come from an inverted index of 4-word shingles of the normalised words (quotecheck.verify.tokens), so
the work grows with the quotes that share wording, not with all pairs. Each quote indexes every STEP-th shingle
(and its last) and looks up all of its own, which still finds any shared run of SHINGLE + STEP - 1 words at a
quarter of the memory. A shingle indexed by more than MAX_POSTINGS distinct quotes ("i don't think that") is too
common to say anything and is skipped; exact copies count once, so a wire quote reprinted by hundreds of outlets
is not lost to the cap. A candidate pair is kept when, after a word alignment, the words they share cover most of
the shorter quote: a trimmed beginning or end is not a difference. Kept pairs are joined with union-find.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from quotecheck.verify import CHANGES, NOT_FOUND, DiffOp, SourceIndex
from quotecheck.verify.tokens import WORD, tokenize

MIN_WORDS = 8  # shorter quotes ("we will win") are said by everyone and prove nothing
SHINGLE = 4
STEP = 4
MAX_POSTINGS = 200
MIN_COVER = 0.8  # share of the shorter quote's words the two must have in common, in order
MIN_RUN = 3  # aligned runs shorter than this are chance matches of common words, not shared wording

# Diff ops seen from the other side: aligning the reference inside a longer version swaps the roles.
_SWAPPED = {"inserted": "dropped", "dropped": "inserted"}
_TRIMMED = frozenset(_SWAPPED)


@dataclass(frozen=True, slots=True)
class QuoteText:
    id: int
    text: str
    speaker: str | None = None
    speaker_key: int | None = None  # the speaker's identity; None for no speaker or an anonymous one ("a spokesman")
    outlet: str | None = None
    published: str | None = None  # ISO date; None or "" when unknown


@dataclass(frozen=True, slots=True)
class Version:
    quote: QuoteText
    diff: tuple[DiffOp, ...]  # against the group's reference: op, this version's words (quote), the reference's (source)

    @property
    def changed(self) -> bool:
        return any(op.op in CHANGES for op in self.diff)


@dataclass(frozen=True, slots=True)
class Group:
    versions: tuple[Version, ...]  # earliest first, then by date
    reference: QuoteText  # the fullest version, which the others are compared with

    @property
    def earliest(self) -> QuoteText:
        return self.versions[0].quote

    @property
    def wording(self) -> bool:
        """Some version words the quote differently from the reference (trimming aside)."""
        return any(version.changed for version in self.versions)

    @property
    def speakers(self) -> list[str]:
        """The different speakers the words are given to (a shorter form of a name is the same speaker)."""
        distinct: list[QuoteText] = []
        for version in self.versions:
            quote = version.quote
            if quote.speaker_key is not None and not any(_same_speaker(quote, seen) for seen in distinct):
                distinct.append(quote)
        return [quote.speaker or "" for quote in distinct]

    @property
    def conflict(self) -> bool:
        """The same words are given to different speakers."""
        return len(self.speakers) > 1

    def copies_of(self, quote: QuoteText) -> list[QuoteText]:
        """The other versions with exactly the quote's words (case, punctuation and quote marks aside)."""
        words = _normalised_words(quote.text)
        return [v.quote for v in self.versions if v.quote.id != quote.id and _normalised_words(v.quote.text) == words]


def find_variants(quotes: Iterable[QuoteText], *, min_words: int = MIN_WORDS) -> list[Group]:
    """Groups of two or more versions of the same quote among ``quotes`` (each at least ``min_words`` words), the
    largest first."""
    vocabulary: dict[str, int] = {}
    kept: list[QuoteText] = []
    words: list[array] = []  # the distinct word sequences, as word ids
    sequence_of: list[int] = []  # kept quote -> its word sequence
    seen: dict[tuple[int, ...], int] = {}
    for quote in quotes:
        ids = array("I", (vocabulary.setdefault(t.norm, len(vocabulary)) for t in tokenize(quote.text) if t.kind == WORD))
        if len(ids) < min_words:
            continue
        key = tuple(ids)
        if key not in seen:
            seen[key] = len(words)
            words.append(ids)
        sequence_of.append(seen[key])
        kept.append(quote)
    del seen

    parent = list(range(len(words)))
    for a, b in _candidate_pairs(words):
        if _same_quote(words[a], words[b]):
            parent[_root(parent, a)] = _root(parent, b)

    members: dict[int, list[int]] = {}
    for position, sequence in enumerate(sequence_of):
        members.setdefault(_root(parent, sequence), []).append(position)
    groups = [_group([kept[p] for p in positions]) for positions in members.values() if len(positions) > 1]
    groups.sort(key=lambda g: (-len(g.versions), g.earliest.published or "~", g.earliest.id))
    return groups


def group_of(quote: QuoteText, others: Iterable[QuoteText], *, min_words: int = MIN_WORDS) -> Group | None:
    """The group ``quote`` falls in among ``others`` (as find_variants groups them), or None when it has no other
    version there."""
    for group in find_variants([quote, *others], min_words=min_words):
        if any(version.quote.id == quote.id for version in group.versions):
            return group
    return None


def _normalised_words(text: str) -> tuple[str, ...]:
    return tuple(token.norm for token in tokenize(text) if token.kind == WORD)


def _candidate_pairs(words: list[array]) -> Iterator[tuple[int, int]]:
    """Pairs of word sequences sharing an indexed shingle, each once."""
    postings: dict[int, int | list[int]] = {}  # one index, or several; most shingles belong to one quote
    for index, sequence in enumerate(words):
        for start in _indexed_starts(len(sequence)):
            key = hash(tuple(sequence[start : start + SHINGLE]))
            held = postings.get(key)
            if held is None:
                postings[key] = index
            elif isinstance(held, int):
                if held != index:
                    postings[key] = [held, index]
            elif len(held) <= MAX_POSTINGS and held[-1] != index:
                held.append(index)
    done: set[tuple[int, int]] = set()
    for index, sequence in enumerate(words):
        for start in range(len(sequence) - SHINGLE + 1):
            held = postings.get(hash(tuple(sequence[start : start + SHINGLE])))
            if held is None or isinstance(held, list) and len(held) > MAX_POSTINGS:
                continue
            for other in (held,) if isinstance(held, int) else held:
                pair = (index, other) if index < other else (other, index)
                if other != index and pair not in done:
                    done.add(pair)
                    yield pair


def _indexed_starts(length: int) -> list[int]:
    last = length - SHINGLE
    starts = list(range(0, last + 1, STEP))
    if starts and starts[-1] != last:
        starts.append(last)  # the end too, so a quote trimmed at its start still meets an indexed shingle
    return starts


def _same_quote(a: array, b: array) -> bool:
    """The two share, in order and in runs of MIN_RUN words or more, at least MIN_COVER of the shorter one's
    words."""
    shared = sum(block.size for block in Indel.opcodes(list(a), list(b)).as_matching_blocks() if block.size >= MIN_RUN)
    return shared >= MIN_COVER * min(len(a), len(b))


def _root(parent: list[int], node: int) -> int:
    while parent[node] != node:
        parent[node] = parent[parent[node]]  # path halving keeps the trees flat
        node = parent[node]
    return node


def _group(quotes: list[QuoteText]) -> Group:
    # by date, undated ones after the dated, in id order
    ordered = sorted(quotes, key=lambda q: (not q.published, q.published or "", q.id))
    # the fullest version (the earliest of them on a tie) holds the words the others may trim, so a changed word
    # is seen even when the earliest version left that part out
    reference = max(ordered, key=lambda q: (word_count(q.text), -ordered.index(q)))
    return Group(
        tuple(Version(quote, _diff(quote, reference) if quote is not reference else ()) for quote in ordered),
        reference,
    )


def word_count(text: str) -> int:
    """The words quotecheck.variants compares (bracketed insertions and punctuation left out)."""
    return len(_normalised_words(text))


def _diff(version: QuoteText, reference: QuoteText) -> tuple[DiffOp, ...]:
    """The version's words against the reference's, over the part they share: the shorter is aligned inside the
    longer (as a quote inside its source), so words one of them leaves off at either end do not count."""
    if len(version.text) <= len(reference.text):
        alignment = SourceIndex([(reference.id, reference.text)]).verify(version.text)
        diff = list(alignment.diff)
    else:
        alignment = SourceIndex([(version.id, version.text)]).verify(reference.text)
        diff = [DiffOp(_SWAPPED.get(op.op, op.op), op.source, op.quote) for op in alignment.diff]
    if alignment.result == NOT_FOUND:
        return ()
    # words only one has at either end are trimming, however the aligner placed them
    while diff and diff[0].op in _TRIMMED:
        diff.pop(0)
    while diff and diff[-1].op in _TRIMMED:
        diff.pop()
    return tuple(diff)


def _same_speaker(a: QuoteText, b: QuoteText) -> bool:
    if a.speaker_key == b.speaker_key:
        return True
    words_a, words_b = _name_words(a.speaker), _name_words(b.speaker)
    return bool(words_a and words_b) and (words_a <= words_b or words_b <= words_a)


def _name_words(name: str | None) -> set[str]:
    return {token.norm for token in tokenize(name or "") if token.kind == WORD}
