"""Scoring predicted quotes against gold: one-to-one span matching, speaker judgement, totals.

Pure functions over GoldDocument and Quote values; no I/O."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from quotecheck.evaluate.gold import ANTECEDENT, CANONICAL, KINDS, MENTION, GoldDocument, GoldQuote
from quotecheck.evaluate.names import names_agree, names_mention, role_agrees, same_name
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
    name_right: bool | None = None  # name-strict: the stored canonical name names the gold's person
    role_right: bool | None = None  # None: the gold gives the speaker no role


@dataclass(frozen=True, slots=True)
class DocumentScore:
    document: GoldDocument
    matches: tuple[Match, ...]
    missed: tuple[GoldQuote, ...]
    extra: tuple[Quote, ...]
    ignored: tuple[Quote, ...]  # reported-speech predictions that contain a gold partial quote: not counted
    in_ignore_spans: tuple[Quote, ...] = ()  # unmatched predictions lying mostly inside a gold ignore span


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
    in_ignore = [q for q in extra if _mostly_inside(text, q, document.ignore)]
    if in_ignore:
        extra = [q for q in extra if not _mostly_inside(text, q, document.ignore)]
    return DocumentScore(document, tuple(matches), tuple(missed), tuple(extra), tuple(ignored), tuple(in_ignore))


def _mostly_inside(text: str, quote: Quote, spans: tuple[tuple[int, int], ...]) -> bool:
    start, end = trim(text, quote.start, quote.end)
    length = end - start
    return length > 0 and any(min(end, e) - max(start, s) > length / 2 for s, e in spans)


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
        mention_right = speaker_right(g, q)
        matches.append(Match(
            g, q, -negative_score, gold_spans[gi] == found_spans[fi], mention_right,
            name_right(g, q, mention_right), role_agrees(q.role, g.roles) if g.roles else None,
        ))
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


def name_right(gold: GoldQuote, predicted: Quote, mention_right: bool | None) -> bool | None:
    """Name-strict: does the predicted canonical ``speaker`` name the gold's person?

    Against a canonical gold name (or a co-speaker's): the same name, up to honorifics, titles and middle names.
    Against a source mention or a pronoun's heuristic antecedent: that name or a fuller form of it. A gold that
    gives only a description (or a pronoun with no antecedent) falls back to the mention rule. None where the
    gold names no speaker or marks the quoted words as not speech."""
    if gold.not_speech or gold.speaker is None and gold.speaker_start is None:
        return None
    if gold.name_basis is None or predicted.speaker is None:
        return mention_right if gold.name_basis is None else False
    if gold.name_basis == CANONICAL:
        return any(same_name(predicted.speaker, name) for name in (gold.speaker, *gold.co_speakers))
    if gold.name_basis in (MENTION, ANTECEDENT):
        return names_mention(predicted.speaker, gold.speaker)
    return mention_right


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
    name_judged: int = 0
    name_right: int = 0
    end_to_end_name: int = 0  # matched, and the name right by the name-strict rule (or not judged)
    role_judged: int = 0  # matched pairs whose gold speaker has a role
    role_right: int = 0

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
    in_ignore_spans: int = 0  # unmatched predictions inside the gold's ignore spans: not counted
    # (confidence, name right) of every matched quote whose name is judged: the reliability table
    confidence_outcomes: list[tuple[float, bool]] = field(default_factory=list)

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
        summary.in_ignore_spans += len(score.in_ignore_spans)
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
            if m.name_right is not None:
                tally.name_judged += 1
                tally.name_right += m.name_right
                summary.confidence_outcomes.append((m.predicted.confidence, m.name_right))
            tally.end_to_end_name += m.name_right is not False
            if m.role_right is not None:
                tally.role_judged += 1
                tally.role_right += m.role_right
            summary.kinds[m.gold.kind].gold_matched += 1
            summary.kinds[m.predicted.kind].found_matched += 1
        not_speech = score.document.not_speech
        summary.extra_on_not_speech += sum(
            any(intersects((q.start, q.end), span) for span in not_speech) for q in score.extra
        )
    return summary
