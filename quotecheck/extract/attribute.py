"""Quotes out of a text: each quote span attributed by the sieves (sieves.py), reported speech (reported.py) added,
and every attribution turned into a ``Quote`` with its speaker, role and confidence.

How sure an attribution is (``confidence``) is computed from the evidence behind it by confidence.py."""

from __future__ import annotations

from typing import Final, cast

import regex

from quotecheck.extract.confidence import Evidence, confidence, gather
from quotecheck.extract.cues import find_cues
from quotecheck.extract.entities import Entities, canonical
from quotecheck.extract.layout import Layout
from quotecheck.extract.lexicons import (
    BELIEF_VERBS,
    NAMING_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    word_pattern,
)
from quotecheck.extract.mentions import tidy_role
from quotecheck.extract.model import Gender, GenderSource, Quote, QuoteKind, SpeakerType
from quotecheck.extract.quotes import NOT_SPEECH_WINDOW, QuoteSpan, find_quotes, not_speech_marker
from quotecheck.extract.reading import reading_text
from quotecheck.extract.reported import RULES as REPORTED_RULES
from quotecheck.extract.reported import WORD, find_reports, first_words
from quotecheck.extract.sieves import RULES as SIEVE_RULES
from quotecheck.extract.sieves import QUOTE_MARK, Article, Attribution, QuoteContext, attribute

# Every rule name: the sieves' in the order they first decide (sieves.SIEVES), then reported speech's.
# docs/attribution.md describes each. How sure an attribution is comes from its evidence, not its rule alone.
RULES: Final[tuple[str, ...]] = (*SIEVE_RULES, *REPORTED_RULES)

# Rules that tie a quote to a cue or a layout right next to it: an earlier piece of the same sentence without one
# takes their attribution (_share_backwards).
_STRONG_RULES: Final = frozenset(("trailing-cue", "trailing-verb", "leading-cue", "colon-layout", "dash-layout"))
_TITLE_CASE_RULES: Final = frozenset(("leading-cue", "colon-layout"))  # may attribute a short title-case phrase
# a title-case phrase this short may be a title or a name, not speech ("Saturday Night Live")
TITLE_CASE_WORDS: Final = 6
# "Dunne thinks the plan is": a belief, not speech, follows its subject (not "believes in journalism that …")
_BELIEF_AFTER: Final = regex.compile(
    r"\s+(?:\w+ly\s+|also\s+|still\s+)?(?:" + word_pattern(BELIEF_VERBS) + r")\s+(?!in\b|about\b|of\b|with\b)\w",  # (but "believes "…"" quotes the belief as spoken)
    regex.I,
)
# "called his opponent", "dubbed it", "called Mrs. Schlafly an": a speaker coining a name for someone or something
# (the name is their words)
_NAMING_BEFORE: Final = regex.compile(r"\b(?:" + word_pattern(NAMING_VERBS) + r")\s+(?:[\w.'’-]+\s+){1,3}$", regex.I)
# "Rubio, who he dubbed "…"": a pronoun subject right before a naming verb coins the name (not "a plan dubbed")
_COINED_BY: Final = regex.compile(
    r"\b(?:he|she|they|we|I)\s+(?:\w+ly\s+|also\s+|once\s+|has\s+|had\s+|have\s+)?$", regex.I
)
# "The Courier sent its": a verb right before the subject's own possessive ("its", "his", "her", "their"), after
# at most a few auxiliaries and adverbs: quoted words there name the subject's own people or things
_OWN_POSSESSION: Final = regex.compile(
    r"\s+(?:(?:has|have|had|will|would|is|was|were|are|did|does|do|may|might|could|should|can|also|again|then"
    r"|\w+ly)\s+){0,3}(\w+)\s+(?:its|his|her|their)\s+",
    regex.I,
)
_WORD_AFTER: Final = regex.compile(r"[\s,]*(\w+)")
_TITLE_WORD: Final = regex.compile(r"[\p{Lu}\p{N}]")
_LOWER_WORDS: Final = frozenset("a an the of and or in on at to for with by from is as vs. vs".split())


def extract_quotes(text: str, evidence: list[tuple[Quote, Evidence]] | None = None) -> list[Quote]:
    """The quotes of ``text``; when ``evidence`` is a list, each quote is appended to it with the evidence its
    confidence was computed from (benchmarks/calibrate.py fits the confidence model on these)."""
    source, text = text, reading_text(text)  # same offsets: hard wraps and typewriter marks undone (reading.py)
    layout = Layout(text)
    spans = find_quotes(text, layout)
    cues = find_cues(text, layout, spans)
    entities = Entities(text, layout, [(span.start, span.end) for span in spans])
    entities.give_offices()
    entities.find_publishers()
    entities.resolve_cue_speakers(cues)
    entities.name_lead_sources()
    return _Extractor(Article(text, layout, spans, cues, entities), source, evidence).run()


class _Extractor:
    def __init__(self, article: Article, source: str, evidence: list[tuple[Quote, Evidence]] | None = None):
        self.article = article
        self.text = article.text
        self.source = source  # the text given: a Quote's text is cut from it
        self.layout = article.layout
        self.evidence = evidence

    def run(self) -> list[Quote]:
        article = self.article
        results: list[tuple[int, int, QuoteKind, Attribution]] = []
        previous = None
        for span in article.spans:
            ctx = QuoteContext(article, span, previous)
            attribution = attribute(ctx)
            if attribution is None or not self._is_speech(ctx, attribution):
                continue
            results.append((span.start, span.end, self._kind(ctx), attribution))
            previous = (span, attribution)
        self._share_backwards(results)
        for report in find_reports(self.text, self.layout, article.spans, article.cues):
            attribution = article.from_cue(report.cue, report.rule)
            if attribution is not None:  # (always: a report rests on a cue with a subject)
                results.append((report.start, report.end, "indirect", attribution))
        quotes = [self._quote(start, end, kind, a) for start, end, kind, a in results]
        quotes.sort(key=lambda q: (q.start, q.end))
        return quotes

    def _share_backwards(self, results: list[tuple[int, int, QuoteKind, Attribution]]) -> None:
        """'"I don't think the conventional wisdom" -- that … -- "is going to last," he says.': the first piece of
        an interrupted quote, with no cue of its own, takes the attribution of the piece after it in the sentence."""
        for position in range(len(results) - 2, -1, -1):
            start, end, kind, attribution = results[position]
            following = results[position + 1][3]
            if attribution.rule in _STRONG_RULES or following.rule not in _STRONG_RULES:
                continue
            sentence = self.layout.sentence(start)
            if self.layout.sentence(results[position + 1][0]) != sentence:
                continue
            results[position] = (start, end, kind, Attribution(
                following.mention, following.entity, following.speaker, following.speaker_type, following.cue,
                "continuation",
            ))

    def _quote(self, start: int, end: int, kind: QuoteKind, a: Attribution) -> Quote:
        name, speaker_type = a.speaker, a.speaker_type
        role = gender = gender_source = None
        entity = canonical(a.entity)
        if entity is not None:
            name, speaker_type, role = entity.name, entity.speaker_type, entity.role
            if speaker_type == "person":
                gender, gender_source = entity.gender, entity.gender_source
        elif a.mention is not None:
            role = tidy_role(a.mention.role)
        evidence = gather(self.text, self.layout, self.article.entities, start, end, kind, a.rule, a.mention, entity,
                          name, speaker_type)
        quote = _new_quote(
            start=start,
            end=end,
            text=self.source[start:end],
            kind=kind,
            speaker=name,
            speaker_type=speaker_type,
            role=role,
            mention_start=a.mention.start if a.mention else None,
            mention_end=a.mention.end if a.mention else None,
            cue=a.cue,
            confidence=confidence(evidence),
            rule=a.rule,
            # (the genders and their sources are read from the lexicons, which hold only these values)
            speaker_gender=cast("Gender | None", gender),
            speaker_gender_source=cast("GenderSource | None", gender_source),
            co_speakers=self._co_speakers(a),
        )
        if self.evidence is not None:
            self.evidence.append((quote, evidence))
        return quote

    def _co_speakers(self, a: Attribution) -> tuple[str, ...]:
        """The canonical names of the people named with the speaker ("Rosa Diaz and Ben Cole said")."""
        if a.mention is None or not a.mention.partners:
            return ()
        entities = self.article.entities
        return tuple(canonical(entities.resolve_name(partner)).name for partner in a.mention.partners)

    def _is_speech(self, ctx: QuoteContext, a: Attribution) -> bool:
        """Titles, nicknames, scare-quoted terms and slogans are not speech."""
        text, span = self.text, ctx.span
        before = text[max(0, span.open_mark - NOT_SPEECH_WINDOW) : span.open_mark]
        marker = not_speech_marker(before)
        if marker is not None and not _COINED_BY.search(before, 0, marker):
            return False
        if a.rule == "sentence-subject" and a.mention is not None and a.mention.end < span.open_mark and (
            _BELIEF_AFTER.match(text, a.mention.end, span.open_mark)
        ):
            return False  # what the subject thinks, in the writer's words
        if a.rule == "sentence-subject" and a.mention is not None and self._names_own_possession(a.mention.end, span):
            return False
        # (one word more than a title may have is enough to tell: a quote may be long)
        words = first_words(WORD, text, span.start, span.end, TITLE_CASE_WORDS + 1)
        if not words:
            return False
        if len(words) <= TITLE_CASE_WORDS and _title_case(words):
            # "Cheers," he said / Trump called it "Crooked Hillary" -- but not "Saturday Night Live", nor
            # On "This Week," Rubio said
            if a.rule == "trailing-cue":
                return not ctx.lead
            return a.rule in _TITLE_CASE_RULES or bool(_NAMING_BEFORE.search(before))
        return True

    def _names_own_possession(self, subject_end: int, span: QuoteSpan) -> bool:
        """'The Courier sent its "star reporter" to the fair': quoted words after the subject's own possessive and a
        verb that is no speech ("sent", "activated") are the writer's scare quote, not the subject's words. Still
        speech: a speech or naming verb ("repeated his", "called her"), and words followed by a speech noun
        ('defended her "basket of deplorables" remark')."""
        text = self.text
        if subject_end >= span.open_mark:
            return False
        own = _OWN_POSSESSION.fullmatch(text, subject_end, span.open_mark)
        if own is None:
            return False
        verb = own.group(1).lower()
        if verb in SPEECH_VERBS or verb in NAMING_VERBS or verb in BELIEF_VERBS:
            return False
        after = _WORD_AFTER.match(text, (span.close_mark if span.close_mark is not None else span.end) + 1)
        return after is None or after.group(1).lower() not in SPEECH_NOUNS

    def _kind(self, ctx: QuoteContext) -> QuoteKind:
        """direct: a whole utterance; partial: a fragment woven into the writer's sentence."""
        span, lead = ctx.span, ctx.lead
        first = self.text[span.start : span.start + 1]
        starts_utterance = not lead or lead.endswith((":", ",")) or span.continuation
        if lead.endswith(",") and QUOTE_MARK.search(lead):
            return "direct"  # the second half of an interrupted quote: "We are," he said, "just one of many."
        if starts_utterance and (first.isupper() or first.isdigit() or first in "….'‘"):
            return "direct"
        if not lead and span.close_mark is not None:
            return "direct"
        return "partial"


def _new_quote(
    *,
    start: int,
    end: int,
    text: str,
    kind: QuoteKind,
    speaker: str | None,
    speaker_type: SpeakerType | None,
    role: str | None,
    mention_start: int | None,
    mention_end: int | None,
    cue: str | None,
    confidence: float,
    rule: str,
    speaker_gender: Gender | None,
    speaker_gender_source: GenderSource | None,
    co_speakers: tuple[str, ...],
) -> Quote:
    """Quote(...) with every field given, built as its dataclass __init__ builds it: a field at a time with
    object.__setattr__ (it is frozen). Compiled, each is a C call; model.py stays Python (setup.py), and there the
    generated __init__ costs five times as much, 2% of extract(). (tests/extract/test_attribute.py checks that the
    two build the same quote.)"""
    quote = Quote.__new__(Quote)
    object.__setattr__(quote, "start", start)
    object.__setattr__(quote, "end", end)
    object.__setattr__(quote, "text", text)
    object.__setattr__(quote, "kind", kind)
    object.__setattr__(quote, "speaker", speaker)
    object.__setattr__(quote, "speaker_type", speaker_type)
    object.__setattr__(quote, "role", role)
    object.__setattr__(quote, "mention_start", mention_start)
    object.__setattr__(quote, "mention_end", mention_end)
    object.__setattr__(quote, "cue", cue)
    object.__setattr__(quote, "confidence", confidence)
    object.__setattr__(quote, "rule", rule)
    object.__setattr__(quote, "speaker_gender", speaker_gender)
    object.__setattr__(quote, "speaker_gender_source", speaker_gender_source)
    object.__setattr__(quote, "co_speakers", co_speakers)
    return quote


def _title_case(words: list[str]) -> bool:
    significant = [w for w in words if w.lower() not in _LOWER_WORDS]
    return bool(significant) and all(_TITLE_WORD.match(w) for w in significant)
