"""Scoring predicted quotes against gold: one-to-one span matching, speaker judgement, totals.

Pure functions over GoldDocument and Quote values; no I/O."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from quotecheck.evaluate.gold import KINDS, GoldDocument, GoldQuote
from quotecheck.evaluate.names import names_agree
from quotecheck.evaluate.spans import intersects, overlap, trim
from quotecheck.extract.model import Quote

# Quoted speech (direct and partial) and reported speech (indirect) are matched and scored separately.
CATEGORY = {"direct": "quoted", "partial": "quoted", "indirect": "reported"}
CATEGORIES = ("quoted", "reported")
MIN_OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class Match:
    gold: GoldQuote
    predicted: Quote
    overlap: float
    exact: bool  # the trimmed spans are identical
    speaker_right: bool | None  # None: the gold names no speaker, so the speaker is not judged


@dataclass(frozen=True, slots=True)
class DocumentScore:
    document: GoldDocument
    matches: tuple[Match, ...]
    missed: tuple[GoldQuote, ...]
    extra: tuple[Quote, ...]
    ignored: tuple[Quote, ...]  # reported-speech predictions that contain a gold partial quote: not counted


def score_document(document: GoldDocument, predicted: Sequence[Quote]) -> DocumentScore:
    text = document.text
    partials = [trim(text, g.start, g.end) for g in document.quotes if g.kind == "partial"]
    partials = [span for span in partials if span[1] > span[0]]
    counted, ignored = [], []
    for quote in predicted:
        # The gold annotates `said it was "not that unusual"` as the partial quote only, so a predicted clause
        # around it is neither right nor wrong.
        if quote.kind == "indirect" and any(quote.start <= s and e <= quote.end for s, e in partials):
            ignored.append(quote)
        else:
            counted.append(quote)
    matches: list[Match] = []
    missed: list[GoldQuote] = []
    extra: list[Quote] = []
    for category in CATEGORIES:
        gold = [g for g in document.quotes if CATEGORY[g.kind] == category]
        found = [q for q in counted if CATEGORY.get(q.kind) == category]
        category_matches, category_missed, category_extra = _match(text, gold, found)
        matches += category_matches
        missed += category_missed
        extra += category_extra
    matches.sort(key=lambda m: m.gold.start)
    missed.sort(key=lambda g: g.start)
    extra.sort(key=lambda q: q.start)
    return DocumentScore(document, tuple(matches), tuple(missed), tuple(extra), tuple(ignored))


def _match(text: str, gold: list[GoldQuote], found: list[Quote]) -> tuple[list[Match], list[GoldQuote], list[Quote]]:
    """Greedy one-to-one matching, best overlap first, of pairs overlapping at least MIN_OVERLAP."""
    gold_spans = [trim(text, g.start, g.end) for g in gold]
    trimmed = sorted(((trim(text, q.start, q.end), q) for q in found), key=lambda pair: pair[0])
    found = [q for _, q in trimmed]
    found_spans = [span for span, _ in trimmed]
    found_starts = [span[0] for span in found_spans]
    candidates = []
    for gi, (gold_start, gold_end) in enumerate(gold_spans):
        # overlap >= 0.5 needs a prediction at most twice as long that intersects the gold span, so its start lies
        # in (gold_start - 2 * length, gold_end): only those are compared
        length = gold_end - gold_start
        first = bisect_right(found_starts, gold_start - 2 * length)
        last = bisect_left(found_starts, gold_end)
        for fi in range(first, last):
            score = overlap((gold_start, gold_end), found_spans[fi])
            if score >= MIN_OVERLAP:
                candidates.append((-score, gi, fi))
    candidates.sort()
    used_gold: set[int] = set()
    used_found: set[int] = set()
    matches = []
    for negative_score, gi, fi in candidates:
        if gi in used_gold or fi in used_found:
            continue
        used_gold.add(gi)
        used_found.add(fi)
        g, q = gold[gi], found[fi]
        matches.append(
            Match(g, q, -negative_score, gold_spans[gi] == found_spans[fi], speaker_right(g, q))
        )
    missed = [g for i, g in enumerate(gold) if i not in used_gold]
    extra = [q for i, q in enumerate(found) if i not in used_found]
    return matches, missed, extra


def speaker_right(gold: GoldQuote, predicted: Quote) -> bool | None:
    """Right when the predicted mention overlaps the gold mention, or the names agree (see names.names_agree).

    None when the gold names no speaker."""
    if gold.speaker is None and gold.speaker_start is None:
        return None
    if (
        gold.speaker_start is not None
        and gold.speaker_end is not None
        and predicted.mention_start is not None
        and predicted.mention_end is not None
        and intersects((gold.speaker_start, gold.speaker_end), (predicted.mention_start, predicted.mention_end))
    ):
        return True
    return names_agree(gold.speaker, predicted.speaker)


@dataclass(slots=True)
class Tally:
    """Counts for one slice of the quotes (a category, or all of them)."""

    gold: int = 0
    found: int = 0
    matched: int = 0
    exact: int = 0
    speaker_judged: int = 0  # matched pairs whose gold names a speaker
    speaker_right: int = 0
    end_to_end: int = 0  # matched, and the speaker right (or not judged)

    def add(self, other: Tally) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(slots=True)
class KindTally:
    gold: int = 0
    gold_matched: int = 0
    found: int = 0
    found_matched: int = 0


@dataclass(slots=True)
class Summary:
    documents: int = 0
    categories: dict[str, Tally] = field(default_factory=lambda: {c: Tally() for c in CATEGORIES})
    kinds: dict[str, KindTally] = field(default_factory=lambda: {k: KindTally() for k in KINDS})
    ignored: int = 0
    extra_on_not_speech: int = 0  # extra predictions on text the gold marks as quoted but not speech

    @property
    def total(self) -> Tally:
        total = Tally()
        for tally in self.categories.values():
            total.add(tally)
        return total


def summarize(scores: Iterable[DocumentScore]) -> Summary:
    summary = Summary()
    for score in scores:
        summary.documents += 1
        summary.ignored += len(score.ignored)
        for g in score.document.quotes:
            summary.categories[CATEGORY[g.kind]].gold += 1
            summary.kinds[g.kind].gold += 1
        for q in (*score.extra, *(m.predicted for m in score.matches)):
            summary.categories[CATEGORY[q.kind]].found += 1
            summary.kinds[q.kind].found += 1
        for m in score.matches:
            tally = summary.categories[CATEGORY[m.gold.kind]]
            tally.matched += 1
            tally.exact += m.exact
            if m.speaker_right is not None:
                tally.speaker_judged += 1
                tally.speaker_right += m.speaker_right
            tally.end_to_end += m.speaker_right is not False
            summary.kinds[m.gold.kind].gold_matched += 1
            summary.kinds[m.predicted.kind].found_matched += 1
        not_speech = score.document.not_speech
        summary.extra_on_not_speech += sum(
            any(intersects((q.start, q.end), span) for span in not_speech) for q in score.extra
        )
    return summary
