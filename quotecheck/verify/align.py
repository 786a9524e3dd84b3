"""Aligning a quote with a speaker's primary sources: find where it was said and what was changed.

The sources' words go into one index of word pairs. A quote's word pairs vote for the places they occur (the
position a match implies for the quote's first word); the best few places are aligned word by word with
difflib, and rapidfuzz's Indel similarity of the aligned words scores each. A quote with an ellipsis is aligned
piece by piece: the longest piece anywhere, the others near it and in order. Pure: no I/O, no SQL.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz.distance import Indel

from quotecheck.verify.tokens import BRACKET, ELLIPSIS, Token, source_words, tokenize

VERBATIM, DIFFERS, NOT_FOUND = "verbatim", "differs", "not-found"
RESULTS = (VERBATIM, DIFFERS, NOT_FOUND)

# Diff operations. "inserted": words in the quote the speaker did not say; "dropped": the speaker's words the quote
# leaves out; "changed": one run replaced by another; "spliced": an ellipsis joining words said far apart or in
# another order; "editorial": a bracketed insertion or an ellipsis over a short omission, which are conventions.
SAME, CHANGED, INSERTED, DROPPED, SPLICED, EDITORIAL = "same", "changed", "inserted", "dropped", "spliced", "editorial"
CHANGES = frozenset((CHANGED, INSERTED, DROPPED, SPLICED))

FOUND_MIN_SCORE = 70.0  # below this similarity the closest passage is another passage, not a doctored quote
MAX_ELLIPSIS_GAP = 60  # words an ellipsis may stand for; more is splicing remarks made apart
MAX_BRACKET_WORDS = 8  # words a bracketed substitution may stand for ("[the minister]" for "she")
MAX_POSTINGS = 500  # a word pair occurring more often than this ("of the") says nothing about where a quote is
BAND = 8  # positions a match may drift by inserted or dropped words and still vote for the same place
CANDIDATES = 3  # places aligned in full per quote piece


@dataclass(frozen=True, slots=True)
class DiffOp:
    op: str  # SAME, CHANGED, INSERTED, DROPPED, SPLICED or EDITORIAL
    quote: str  # the quote's words in this run, as written ("" when the quote has none here)
    source: str  # the source's words in this run, as said ("" when the source has none here)


@dataclass(frozen=True, slots=True)
class Alignment:
    """How a quote compares with the best-matching passage of the sources."""

    result: str  # VERBATIM, DIFFERS or NOT_FOUND
    score: float  # 0..100: Indel similarity of the quote's words and the passage's (conventions left out)
    source_id: int | None = None
    start: int | None = None  # code-point offsets of the passage in that source's text
    end: int | None = None
    passage: str | None = None
    diff: tuple[DiffOp, ...] = ()

    @property
    def changes(self) -> list[DiffOp]:
        return [op for op in self.diff if op.op in CHANGES]


NOT_FOUND_ALIGNMENT = Alignment(NOT_FOUND, 0.0)


@dataclass(slots=True)
class _Piece:
    """One quote piece aligned at one place: global positions [lo, hi) of the source words it covers."""

    lo: int
    hi: int
    ops: list[tuple[str, int, int, int, int]]  # (op, quote i1, i2, global j1, j2)
    quote_words: list[str]
    source_words: list[str]  # the source words compared (not those a convention stands for)


class SourceIndex:
    """The words of a speaker's sources, indexed by word pairs. ``verify(quote)`` aligns one quote."""

    def __init__(self, sources: Iterable[tuple[int, str]]):
        self._ids: list[int] = []
        self._texts: list[str] = []
        self._starts: list[int] = []  # global position of each source's first word
        self._tokens: list[Token] = []
        for source_id, text in sources:
            self._ids.append(source_id)
            self._texts.append(text)
            self._starts.append(len(self._tokens))
            self._tokens.extend(source_words(text))
        self._words = [token.norm for token in self._tokens]
        self._pairs: dict[tuple[str, str], list[int]] = {}
        self._singles: dict[str, list[int]] = {}
        ends = set(self._starts[1:])
        for position, word in enumerate(self._words):
            self._singles.setdefault(word, []).append(position)
            if position + 1 < len(self._words) and position + 1 not in ends:
                self._pairs.setdefault((word, self._words[position + 1]), []).append(position)

    def verify(self, quote: str) -> Alignment:
        tokens = tokenize(quote)
        pieces = _split_at_ellipses(tokens)
        if not pieces or not self._words:
            return NOT_FOUND_ALIGNMENT
        anchor = max(range(len(pieces)), key=lambda k: len(_words_of(pieces[k])))
        aligned = [
            self._alignment(quote, pieces, self._place_around(pieces, anchor, placed))
            for placed in self._candidates(pieces[anchor])
        ]
        return max(aligned, key=lambda a: (a.score, -len(a.changes)), default=NOT_FOUND_ALIGNMENT)

    # -- finding places ---------------------------------------------------------------------------------------
    def _candidates(self, piece: list[Token]) -> list[_Piece]:
        """The piece aligned at the best few places its words vote for."""
        keys = [token.norm if token.kind != BRACKET else None for token in piece]
        votes = self._votes(keys, pairs=True) or self._votes(keys, pairs=False)
        ranked = sorted(votes, key=lambda band: (-(votes[band] + votes.get(band + 1, 0)), band))
        found, taken = [], set()
        for band in ranked:
            if len(found) == CANDIDATES:
                break
            if band in taken or band + 1 in taken or band - 1 in taken:
                continue
            taken.add(band)
            start = band * BAND
            source = self._source_at(start)
            lo = max(self._starts[source], start - len(keys) // 4 - BAND - 2)
            hi = min(self._source_end(source), start + len(keys) + len(keys) // 4 + 2 * BAND + 2)
            aligned = self._align(piece, lo, hi)
            if aligned is not None:
                found.append(aligned)
        return found

    def _votes(self, keys: list[str | None], *, pairs: bool) -> Counter:
        votes: Counter = Counter()
        for i, key in enumerate(keys):
            if key is None:
                continue
            if pairs:
                if i + 1 == len(keys) or keys[i + 1] is None:
                    continue
                postings = self._pairs.get((key, keys[i + 1]))
            else:
                postings = self._singles.get(key)
            if postings and len(postings) <= MAX_POSTINGS:
                for position in postings:
                    votes[max(0, position - i) // BAND] += 1
        return votes

    def _place_around(self, pieces: list[list[Token]], anchor: int, placed: _Piece) -> list[tuple[_Piece | None, bool]]:
        """Each piece with where it aligns and whether that is near its neighbour in order (True) or spliced from
        elsewhere (False); None when it is nowhere."""
        chain: list[tuple[_Piece | None, bool]] = [(None, True)] * len(pieces)
        chain[anchor] = (placed, True)
        for step, indexes in ((1, range(anchor + 1, len(pieces))), (-1, range(anchor - 1, -1, -1))):
            neighbour = placed
            for k in indexes:
                piece = pieces[k]
                source = self._source_at(neighbour.lo)
                reach = MAX_ELLIPSIS_GAP + 2 * len(piece) + BAND
                if step == 1:
                    lo, hi = neighbour.hi, min(self._source_end(source), neighbour.hi + reach)
                else:
                    lo, hi = max(self._starts[source], neighbour.lo - reach), neighbour.lo
                near = self._align(piece, lo, hi) if hi > lo else None
                if near is not None and _similarity(near) >= FOUND_MIN_SCORE:
                    chain[k] = (near, True)
                    neighbour = near
                    continue
                elsewhere = max(self._candidates(piece), key=_similarity, default=None)
                if elsewhere is not None and _similarity(elsewhere) >= FOUND_MIN_SCORE:
                    chain[k] = (elsewhere, False)
        return chain

    def _align(self, piece: list[Token], lo: int, hi: int) -> _Piece | None:
        """The piece aligned word by word with the words at [lo, hi), trimmed to the part it covers.

        difflib matches the longest common run first and then the sides from their earliest match, so a "the" of
        the context can pull the quote's first word far from the rest: the piece is aligned again in a window
        just around its longest run, and the better of the two kept (the wide one wins when the quote silently
        leaves out a sentence)."""
        wide = self._align_in(piece, lo, hi)
        if wide is None:
            return None
        matcher, aligned = wide
        i, j, _ = max(matcher.get_matching_blocks(), key=lambda block: block[2])
        slack = 2 + len(piece) // 8
        narrow_lo, narrow_hi = max(lo, lo + j - i - slack), min(hi, lo + j + len(piece) - i + slack)
        if (narrow_lo, narrow_hi) == (lo, hi):
            return aligned
        narrow = self._align_in(piece, narrow_lo, narrow_hi)
        return max((aligned, narrow[1]), key=_similarity) if narrow is not None else aligned

    def _align_in(self, piece: list[Token], lo: int, hi: int) -> tuple[SequenceMatcher, _Piece] | None:
        keys = [token.norm if token.kind != BRACKET else object() for token in piece]
        matcher = SequenceMatcher(None, keys, self._words[lo:hi], autojunk=False)
        ops = [list(op) for op in matcher.get_opcodes()]
        if not any(op[0] == "equal" for op in ops):
            return None
        # the window has context on both sides: source words before the quote's first word or after its last are
        # not part of the passage (a replaced first or last word keeps as many source words as it has)
        while ops[0][0] == "insert":
            ops.pop(0)
        while ops[-1][0] == "insert":
            ops.pop()
        first, last = ops[0], ops[-1]
        if first[0] == "replace":
            first[3] = max(first[3], first[4] - (first[2] - first[1]))
        if last[0] == "replace":
            last[4] = min(last[4], last[3] + (last[2] - last[1]))
        named = [(_op_name(tag, piece[i1:i2], j2 - j1), i1, i2, lo + j1, lo + j2) for tag, i1, i2, j1, j2 in ops]
        compared = [word for op, _, _, j1, j2 in named if op != EDITORIAL for word in self._words[j1:j2]]
        return matcher, _Piece(named[0][3], named[-1][4], named, _words_of(piece), compared)

    # -- the result -----------------------------------------------------------------------------------------
    def _alignment(self, quote: str, pieces: list[list[Token]], chain: list[tuple[_Piece | None, bool]]) -> Alignment:
        """The diff, score and passage of one placing of the quote's pieces. The score compares all the quote's
        words (a piece found nowhere counts against it) with the source words they align with; the passage spans
        the pieces placed near the longest one."""
        quote_words, compared, diff = [], [], []
        previous: _Piece | None = None
        for k, (placed, _) in enumerate(chain):
            quote_words += _words_of(pieces[k])
            if k:
                diff.append(self._ellipsis_op(quote[pieces[k - 1][-1].end : pieces[k][0].start].strip(), previous, placed))
            if placed is None:
                diff.append(DiffOp(INSERTED, _quote_text(quote, pieces[k]), ""))
            else:
                compared += placed.source_words
                diff += [
                    DiffOp(op, _quote_text(quote, pieces[k][i1:i2]), self._source_text(j1, j2))
                    for op, i1, i2, j1, j2 in placed.ops
                ]
            previous = placed
        score = Indel.normalized_similarity(quote_words, compared) * 100
        changed = any(op.op in CHANGES for op in diff)
        result = DIFFERS if changed else VERBATIM
        if score < FOUND_MIN_SCORE:
            result, diff = NOT_FOUND, []
        local = [placed for placed, near in chain if placed is not None and near]
        source = self._source_at(local[0].lo)
        start = self._tokens[min(p.lo for p in local)].start
        end = self._tokens[max(p.hi for p in local) - 1].end
        text = self._texts[source]
        return Alignment(result, round(score, 1), self._ids[source], start, end, text[start:end], tuple(diff))

    def _ellipsis_op(self, mark: str, previous: _Piece | None, placed: _Piece | None) -> DiffOp:
        """An ellipsis over a short omission, in order, is a convention; one over words said far apart is not."""
        if previous is None or placed is None:
            return DiffOp(EDITORIAL, mark, "")  # the piece found nowhere is itself reported as inserted
        gap = placed.lo - previous.hi
        same_source = self._source_at(previous.lo) == self._source_at(placed.lo)
        if same_source and 0 <= gap <= MAX_ELLIPSIS_GAP:
            return DiffOp(EDITORIAL, mark, self._source_text(previous.hi, placed.lo))
        return DiffOp(SPLICED, mark, "")

    def _source_text(self, lo: int, hi: int) -> str:
        if hi <= lo:
            return ""
        text = self._texts[self._source_at(lo)]
        return text[self._tokens[lo].start : self._tokens[hi - 1].end]

    def _source_at(self, position: int) -> int:
        return bisect.bisect_right(self._starts, position) - 1

    def _source_end(self, source: int) -> int:
        return self._starts[source + 1] if source + 1 < len(self._starts) else len(self._tokens)


def _split_at_ellipses(tokens: list[Token]) -> list[list[Token]]:
    """The quote's pieces between ellipses, each with at least one word (a leading or trailing ellipsis only says
    the quote starts or ends mid-sentence)."""
    pieces: list[list[Token]] = [[]]
    for token in tokens:
        if token.kind == ELLIPSIS:
            pieces.append([])
        else:
            pieces[-1].append(token)
    return [piece for piece in pieces if any(token.kind != BRACKET for token in piece)]


def _op_name(tag: str, quote_tokens: Sequence[Token], source_count: int) -> str:
    if tag == "equal":
        return SAME
    if quote_tokens and all(token.kind == BRACKET for token in quote_tokens) and source_count <= MAX_BRACKET_WORDS:
        return EDITORIAL
    return {"replace": CHANGED, "delete": INSERTED, "insert": DROPPED}[tag]


def _quote_text(quote: str, tokens: Sequence[Token]) -> str:
    return quote[tokens[0].start : tokens[-1].end] if tokens else ""


def _words_of(piece: Sequence[Token]) -> list[str]:
    return [token.norm for token in piece if token.kind != BRACKET]


def _similarity(piece: _Piece) -> float:
    return Indel.normalized_similarity(piece.quote_words, piece.source_words) * 100
