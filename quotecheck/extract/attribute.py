"""Ordered sieves that link each quote to a speaker mention; reported speech (reported.py) joins the result.

Each sieve names itself (``rule``); the first sieve that fires wins. How sure an attribution is (``confidence``) is
computed from the evidence behind it by confidence.py."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex

from quotecheck.extract.confidence import Evidence, confidence, gather
from quotecheck.extract.cues import Cue, find_cues
from quotecheck.extract.entities import Entities, Entity, canonical
from quotecheck.extract.layout import Layout
from quotecheck.extract.lexicons import NOT_SPEECH_MARKERS, OBJECT_VERBS
from quotecheck.extract.mentions import (
    Mention,
    clause_subject,
    mention_after,
    possessor_of_speech,
    subject_before,
    tidy_role,
)
from quotecheck.extract.model import Quote
from quotecheck.extract.quotes import QuoteSpan, find_quotes
from quotecheck.extract.reported import CLAUSE_BREAK, PARTICIPLE_START, WORD, find_reports
from quotecheck.extract.reported import RULES as REPORTED_RULES

# Rule names, in the order the sieves run (docs/attribution.md describes each). Reported speech has its own three
# rules at the end. How sure an attribution is comes from its evidence, not its rule alone: see confidence.py.
RULES = (
    "trailing-cue",  # "…," he said / "…," said Smith
    "trailing-verb",  # "…," Trump barked. (a verb the lexicon does not know, in the attribution slot)
    "leading-cue",  # Smith said: "…" / he said, "…"
    "cue-in-sentence",  # Smith said it was "not that unusual"
    "colon-layout",  # Smith: "…"
    "leading-verb",  # he demurred: "…"
    "dash-layout",  # "…" - Smith
    "sentence-subject",  # Clinton has decried "systemic racism": the subject of the sentence
    "continuation",  # a quote with no cue after an attributed one
    "paragraph-cue",  # Smith says people should choose. "It is their life."
    "paragraph-subject",  # the subject of an earlier sentence of the paragraph
    "previous-subject",  # the subject of the last sentence of the narrative paragraph before
    *REPORTED_RULES,  # Smith said that … / …, Smith said. / …, according to X. (reported.py)
)

_STRONG_RULES = frozenset(("trailing-cue", "trailing-verb", "leading-cue", "colon-layout", "dash-layout"))
_CUES_LOOKED_AT = 8  # cues a quote looks back over for its speaker
_CUE_GAP = 90  # characters between a quote and an adjacent cue
_ADJACENT = regex.compile(r"[\s,;:—–\-]*")
_GAP_WORD = regex.compile(r"[\p{L}\p{N}'’.\-]+")
_NOT_PREMODIFIER = regex.compile(r"[^\p{L}\p{N}\s'’.,\-]")  # a character no premodifying word contains
_BREAK = regex.compile(r"[\"“”„«»]|[.!?](?:\s|$)|\n")  # a quote mark, sentence end or line break
# What may sit between a cue (or its inverted subject) and the quote it introduces: "said: ", "told reporters, ",
# "said in a statement: ", "said that ".
_INTRODUCES = regex.compile(r"[\s,:—–\-]*(?:that\s*)?|[^.!?;\"“”„«»]{0,60}[:,]\s*")
# Between an attribution and a relaying source: "said on Tuesday, according to", "said in a statement, reports".
_RELAY_GAP = regex.compile(r"[^.!?;\"“”„«»]{0,60}?,\s*")
_NOT_SPEECH = regex.compile(
    r"(?:" + "|".join(regex.escape(m) for m in NOT_SPEECH_MARKERS) + r")[\s,:]*$", regex.I
)
# After '"…." Smith said', words that open a reported clause show the cue has content of its own.
_CONTENT_AFTER = regex.compile(r",?\s+(?:that|he|she|they|it|we|I|there|his|her|their|its)\b")
_CLAUSE_AFTER = regex.compile(r"\s+(?:the|a|an|this|these|those|both|all|some|many|most|no|every)\s")
_ATTRIBUTION_PUNCTUATION = frozenset(",?!—–-.…")
_UTTERANCE_LEAD_END = (":", ",", "—", "–", "-")  # a lead ending so introduces a whole utterance, not a fragment
_TRAILING_VERB = regex.compile(
    r"\s*(?P<subject>he|she|they|we|I|(?:the|a|an|one|another)(?:\s+[\p{L}\-]+){1,5}"
    r"|\p{Lu}[\p{L}'’\-.]*(?:\s+\p{Lu}[\p{L}'’\-.]*){0,4})"
    r"\s+(?P<verb>\p{Ll}{2,}ed|\p{Ll}{2,}s(?=\s*[.,!?])|began|went\s+on|wrote|spoke|broke\s+in|shot\s+back|"
    r"chimed\s+in)"
    r"(?:(?P<end>\s*[.!?]|\s*$)|(?=\s*[,;:]|\s+(?:on|in|at|to|during|as|after|before|when|while|with|of|about|"
    r"back|again|later|then|from|and)\b))"
)
# '"…" agrees Michelle Stevens, 30.' / '"…" tweeted another.'
_TRAILING_VERB_INVERTED = regex.compile(
    r"\s*(?P<verb>\p{Ll}{2,}(?:ed|s))\s+(?P<subject>another|one|\p{Lu}[\p{L}'’\-.]*(?:\s+\p{Lu}[\p{L}'’\-.]*){0,4})"
    r"(?:\s+of\s+\p{Lu}[\p{L}'’\-.]*(?:\s+\p{Lu}[\p{L}'’\-.]*){0,3})?(?P<end>\s*[.,;!?]|\s*$)"
)
_DASH = regex.compile(r"\s*[-–—]+\s*")
_MODAL_BEFORE = regex.compile(r"\b(?:will|would|could|should|might|may|can|to)\s+$")
_SIGNATURE_END = regex.compile(r"[\s.,;)]*(?:$|,)")  # "- Rita Soto." / "- Rita Soto, the mayor"
_TITLE_CASE_RULES = frozenset(("leading-cue", "colon-layout"))
_REST_OF_CLAUSE = regex.compile(r"([^.,;:!?\"“”„«»\n]{0,200})")
_INTRODUCES_NEXT = regex.compile(r"\s*[,:]\s*[\"“„«]")
_VERB_BEFORE_COLON = regex.compile(r"\b\p{Ll}{2,}(?:ed|s)(?:\s+(?:back|on|in|up|out))?\s*$")
_QUOTE_MARK = regex.compile(r"[\"“”„«»]")
_TITLE_WORD = regex.compile(r"[\p{Lu}\p{N}]")
_LOWER_WORDS = frozenset("a an the of and or in on at to for with by from is as vs. vs".split())
_PASSIVE_AGENT = regex.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en)\s+by\s+")
_WHO_CLAUSE = regex.compile(r",\s+who\b[^,.;:!?\"“”]*$")  # a relative clause running up to the quote


@dataclass(slots=True)
class Attribution:
    mention: Mention | None
    entity: Entity | None
    speaker: str | None
    speaker_type: str | None
    cue: str | None
    rule: str


def extract_quotes(text: str, evidence: list[tuple[Quote, Evidence]] | None = None) -> list[Quote]:
    """The quotes of ``text``; when ``evidence`` is a list, each quote is appended to it with the evidence its
    confidence was computed from (benchmarks/calibrate.py fits the confidence model on these)."""
    layout = Layout(text)
    spans = find_quotes(text, layout)
    cues = find_cues(text, layout, spans)
    entities = Entities(text, layout, [(span.start, span.end) for span in spans])
    entities.resolve_cue_speakers(cues)
    entities.name_lead_sources()
    return _Extractor(text, layout, spans, cues, entities, evidence).run()


def _describe(mention: Mention | None, entity: Entity | None) -> tuple[str | None, str | None]:
    """Speaker name and type for an attribution."""
    if entity is not None:
        return entity.name, entity.speaker_type
    if mention is None:
        return None, None
    if mention.kind == "pronoun":
        return None, None  # a pronoun that resolved to nobody names nobody
    return mention.name, mention.speaker_type or "person"


class _Extractor:
    def __init__(self, text: str, layout: Layout, spans: list[QuoteSpan], cues: list[Cue], entities: Entities,
                 evidence: list[tuple[Quote, Evidence]] | None = None):
        self.text = text
        self.layout = layout
        self.spans = spans
        self.cues = cues
        self.cue_starts = [c.start for c in cues]
        self._open_marks = [s.open_mark for s in spans]
        self.entities = entities
        self.evidence = evidence

    def run(self) -> list[Quote]:
        results: list[tuple[int, int, str, Attribution]] = []
        previous: tuple[QuoteSpan, Attribution] | None = None
        for span in self.spans:
            attribution = self._attribute_quote(span, previous)
            if attribution is None:
                continue
            if not self._is_speech(span, attribution):
                continue
            results.append((span.start, span.end, self._kind(span, attribution), attribution))
            previous = (span, attribution)
        self._share_backwards(results)
        results.extend(
            (report.start, report.end, "indirect", self._from_cue(report.cue, report.rule))
            for report in find_reports(self.text, self.layout, self.spans, self.cues)
        )
        quotes = [self._quote(start, end, kind, a) for start, end, kind, a in results]
        quotes.sort(key=lambda q: (q.start, q.end))
        return quotes

    def _share_backwards(self, results: list[tuple[int, int, str, Attribution]]) -> None:
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

    def _quote(self, start: int, end: int, kind: str, a: Attribution) -> Quote:
        name, speaker_type = a.speaker, a.speaker_type
        role = None
        entity = canonical(a.entity)
        if entity is not None:
            name, speaker_type, role = entity.name, entity.speaker_type, entity.role
        elif a.mention is not None:
            role = tidy_role(a.mention.role)
        evidence = gather(self.text, self.layout, self.entities, start, end, kind, a.rule, a.mention, entity, name,
                          speaker_type)
        quote = Quote(
            start=start,
            end=end,
            text=self.text[start:end],
            kind=kind,
            speaker=name,
            speaker_type=speaker_type,
            role=role,
            mention_start=a.mention.start if a.mention else None,
            mention_end=a.mention.end if a.mention else None,
            cue=a.cue,
            confidence=confidence(evidence),
            rule=a.rule,
        )
        if self.evidence is not None:
            self.evidence.append((quote, evidence))
        return quote

    # ---- quoted words -------------------------------------------------------------------------------------

    def _from_cue(self, cue: Cue, rule: str) -> Attribution | None:
        if cue.mention is None:
            return None
        speaker, speaker_type = _describe(cue.mention, cue.entity)
        return Attribution(cue.mention, cue.entity, speaker, speaker_type, cue.word, rule)

    def _from_mention(self, mention: Mention, rule: str) -> Attribution:
        entity = self.entities.resolve(mention)
        speaker, speaker_type = _describe(mention, entity)
        return Attribution(mention, entity, speaker, speaker_type, None, rule)

    def _cue_at_or_after(self, pos: int) -> Cue | None:
        index = bisect_left(self.cue_starts, pos)
        return self.cues[index] if index < len(self.cues) else None

    def _attribute_quote(self, span: QuoteSpan, previous) -> Attribution | None:
        text = self.text
        para_start, para_end = self.layout.paragraphs[span.paragraph]
        close = span.close_mark
        after = close + 1 if close is not None else None
        leading = self._leading_cue(span.open_mark, para_start)
        if leading is not None and leading.rule == "leading-cue" and (
            self._lead(span).endswith("that") or text[span.end - 1 : span.end] in ".!?"
        ):
            # Trump claimed that "…" / he replied, "…." He added: introduced, whatever follows the quote
            return leading
        cue = self._cue_at_or_after(after) if after is not None else None  # the first cue after the quote
        # trailing-cue: "…," he said / "…," said Smith
        if cue is not None and cue.mention is not None and cue.start - after <= _CUE_GAP and cue.start < para_end:
            # The attribution must touch the closing mark: "…," he said / "…," said Smith.
            touching = cue.start if cue.subject_after else cue.mention.start
            # Words before the name ("former congressman Dan Maffei said") only after a whole utterance.
            lead = self._lead(span)
            utterance = not lead or lead.endswith(_UTTERANCE_LEAD_END)
            is_name = cue.mention.kind == "name" and utterance
            if touching >= after and _touches(text, after, touching, is_name) and not (
                self._new_sentence_after(span, cue)
            ):
                return self._relayed(cue) or self._from_cue(cue, "trailing-cue")
        # trailing-verb: "…," Trump barked. / "…?" he surmised. -- any verb in the attribution slot.
        if after is not None and text[span.end - 1 : span.end] in _ATTRIBUTION_PUNCTUATION:
            match = _TRAILING_VERB.match(text, after, min(para_end, after + 90)) or _TRAILING_VERB_INVERTED.match(
                text, after, min(para_end, after + 90)
            )
            if match and (text[span.end - 1] != "." or match.group("end")):
                mention = mention_after(text, match.start("subject"), match.end("subject"))
                if mention is not None:
                    found = self._from_mention(mention, "trailing-verb")
                    found.cue = match.group("verb")
                    return found
        if leading is not None:
            return leading
        open_mark = span.open_mark
        # cue-in-sentence, after the quote: the "fair share" they need, DFA spokesman Neil Sroka said.
        if cue is not None and cue.mention is not None and cue.mention.start >= after and (
            cue.mention.kind != "pronoun" or cue.start - after < 150
        ):
            _, sentence_end = self.layout.sentence(open_mark)
            if cue.start < sentence_end and not _QUOTE_MARK.search(text, after, cue.start) and not (
                CLAUSE_BREAK.search(text, after, cue.mention.start)
            ):  # (but '"reckless", while Labour said …' is another speaker's clause)
                return self._from_cue(cue, "cue-in-sentence")
        before = text[max(para_start, open_mark - 80) : open_mark]
        # colon-layout: Smith: "…"
        if before.rstrip().endswith(":"):
            colon = open_mark - 1 - (len(before) - len(before.rstrip()))
            mention = subject_before(text, para_start, colon)
            if isinstance(mention, Mention) and mention.kind == "name":
                return self._from_mention(mention, "colon-layout")
            # leading-verb: 'he demurred: "…"' -- a verb the lexicon does not know, introducing the quote
            verb = _VERB_BEFORE_COLON.search(text, max(para_start, colon - 40), colon)
            if verb is not None:
                sentence_start, _ = self.layout.sentence(verb.start())
                mention = subject_before(text, sentence_start, verb.start())
                if isinstance(mention, Mention):
                    found = self._from_mention(mention, "leading-verb")
                    found.cue = verb.group().strip()
                    return found
        # dash-layout: "…" - Smith, on the same line or the next one
        if after is not None:
            dash = _DASH.match(text, after, min(para_end, after + 10))
            if dash is None and text[after:para_end].strip() == "" and span.paragraph + 1 < len(self.layout.paragraphs):
                next_start, next_end = self.layout.paragraphs[span.paragraph + 1]
                dash = _DASH.match(text, next_start, min(next_end, next_start + 10)) if next_end - next_start < 80 else None
                para_end = next_end
            if dash:
                mention = mention_after(text, dash.end(), para_end)
                if mention is not None and mention.kind == "name" and mention.start == dash.end() and (
                    _SIGNATURE_END.match(text, mention.end, para_end)
                ):
                    return self._from_mention(mention, "dash-layout")
        sentence_start, _ = self.layout.sentence(open_mark)
        lead = text[sentence_start:open_mark].strip()
        # sentence-subject: a fragment woven into a sentence is usually the words of that sentence's subject.
        if lead and not lead.endswith(":"):
            lo = max(sentence_start, self._previous_close(open_mark))
            mention = possessor_of_speech(text, lo, open_mark) or self._agent_or_antecedent(lo, open_mark)
            if mention is not None:
                return self._from_mention(mention, "sentence-subject")
            comma = text.rfind(",", lo, open_mark)
            if comma >= 0 and PARTICIPLE_START.match(text[comma + 1 : open_mark].lstrip()):
                comma = -1  # "…, portraying Sanders as …": the participle shares the sentence's subject
            mention = (clause_subject(text, comma + 1, open_mark) if comma >= 0 else None) or clause_subject(
                text, lo, open_mark
            )
            if mention is not None:
                return self._from_mention(mention, "sentence-subject")
        # A paragraph ending with a colon introduces the quote that opens the next one: "Cruz called them on it:"
        introduced = self._introduced_by_previous_paragraph(span)
        if introduced is not None:
            return introduced
        # continuation / paragraph-cue: whichever came last, the previous quote or a cue earlier in the paragraph.
        candidate = None
        index = bisect_right(self.cue_starts, open_mark) - 1
        if index >= 0 and self.cues[index].start >= para_start and self.cues[index].mention is not None:
            candidate = self.cues[index]
        if previous is not None:
            prev_span, prev_attr = previous
            gap_paragraphs = span.paragraph - prev_span.paragraph
            follows = gap_paragraphs == 0 or (
                span.open_mark == para_start
                and all(self.layout.furniture[i] for i in range(prev_span.paragraph + 1, span.paragraph))
            )
            if follows and (candidate is None or candidate.start < prev_span.end):
                return Attribution(prev_attr.mention, prev_attr.entity, prev_attr.speaker, prev_attr.speaker_type,
                                   prev_attr.cue, "continuation")
        if candidate is not None:
            return self._from_cue(candidate, "paragraph-cue")
        if open_mark > para_start:
            mention = clause_subject(text, max(para_start, self._previous_close(open_mark)), open_mark)
            if mention is not None:
                return self._from_mention(mention, "paragraph-subject")
        elif span.paragraph > 0 and not self.layout.furniture[span.paragraph - 1]:
            # A quote opening its paragraph after a paragraph of narrative: the subject of that paragraph's last
            # sentence ("Clinton touted her record.\n\n"We need …"").
            prev_start, prev_end = self.layout.paragraphs[span.paragraph - 1]
            if self._previous_close(open_mark) <= prev_start:
                last_sentence, _ = self.layout.sentence(max(prev_start, prev_end - 1))
                mention = clause_subject(text, last_sentence, prev_end)
                if mention is not None:
                    return self._from_mention(mention, "previous-subject")
        # Nothing ties the words to a speaker: a slogan, a sign, a title, a scare quote. Not returned (the latest
        # speaker a few paragraphs up was right for 3% of such quotes on the development set).
        return None

    def _agent_or_antecedent(self, lo: int, open_mark: int) -> Mention | None:
        """Who acts on a fragment when the sentence's subject does not: the agent of a passive ("The bank was
        criticised by the ombudsman for "…"") or the person a relative clause is about ("Ortiz clashed with
        Brandt, who in 2012 called the tax "…"")."""
        text = self.text
        passive = None
        for passive in _PASSIVE_AGENT.finditer(text, lo, open_mark):
            pass
        if passive is not None:
            mention = mention_after(text, passive.end(), open_mark)
            if mention is not None:
                return mention
        relative = None
        for relative in _WHO_CLAUSE.finditer(text, lo, open_mark):
            pass
        if relative is not None:
            antecedent = subject_before(text, lo, relative.start())
            if isinstance(antecedent, Mention) and antecedent.kind == "name":
                return antecedent
        return None

    def _introduced_by_previous_paragraph(self, span: QuoteSpan) -> Attribution | None:
        para_start, _ = self.layout.paragraphs[span.paragraph]
        if span.open_mark != para_start or span.paragraph == 0 or self.layout.furniture[span.paragraph - 1]:
            return None
        prev_start, prev_end = self.layout.paragraphs[span.paragraph - 1]
        if self.text[prev_end - 1] != ":" or self._previous_close(span.open_mark) >= prev_end - 1:
            return None  # no colon, or the colon belongs to quoted words
        found = self._leading_cue(prev_end, prev_start)
        if found is not None:
            return found
        colon = prev_end - 1
        mention = subject_before(self.text, prev_start, colon)  # "Stated Stone:" / "Here's Clinton in 1992:"
        if not isinstance(mention, Mention):
            sentence_start, _ = self.layout.sentence(colon)
            mention = clause_subject(self.text, sentence_start, colon)
        if isinstance(mention, Mention):
            return self._from_mention(mention, "colon-layout")
        return None

    def _relayed(self, cue: Cue) -> Attribution | None:
        """'"…," the judge said, according to the Post.': the words reach the reader through the Post, which is
        the source the attribution rests on."""
        tail = max(cue.end, cue.mention.end if cue.subject_after else cue.end)
        index = bisect_left(self.cue_starts, tail)
        if index < len(self.cues):
            relay = self.cues[index]
            relays = relay.lemma == "according to" or relay.lemma.startswith("report")
            if relay.mention is not None and relay.subject_after and relays and (
                _RELAY_GAP.fullmatch(self.text, tail, relay.start)
            ):
                return self._from_cue(relay, "trailing-cue")
        return None

    def _leading_cue(self, open_mark: int, para_start: int) -> Attribution | None:
        # leading-cue: Smith said: "…" / he said, "…" / X told Y that "…"
        text = self.text
        sentence_start, _ = self.layout.sentence(open_mark)
        index = bisect_right(self.cue_starts, open_mark) - 1
        nearest = True
        lowest = max(-1, index - _CUES_LOOKED_AT)
        while index > lowest and self.cues[index].start >= max(para_start, sentence_start - 1):
            cue = self.cues[index]
            index -= 1
            if cue.mention is None or cue.end > open_mark:
                continue  # "urge Latino leaders" has no subject of its own: look further back
            tail = cue.mention.end if cue.subject_after else cue.end
            gap_after_subject = text[max(cue.end, tail) : open_mark]
            if nearest and _INTRODUCES.fullmatch(gap_after_subject) and not _has_break(gap_after_subject):
                if _MODAL_BEFORE.search(text, max(sentence_start, cue.start - 12), cue.start):
                    # "Obama said he expected that Americans will say "no"": a hypothetical inside a report
                    cue = self._outermost(cue, index, sentence_start, any_subject=True)
                return self._from_cue(cue, "leading-cue")
            # cue-in-sentence: Smith said it was "not that unusual"
            if cue.start >= sentence_start:
                return self._from_cue(self._outermost(cue, index, sentence_start), "cue-in-sentence")
            nearest = False
        return None

    def _outermost(self, cue: Cue, index: int, sentence_start: int, *, any_subject: bool = False) -> Cue:
        """A report inside a report belongs to the outer source: "According to GMA News, Salceda said the …",
        "The senator said he rarely asks surrogates to stump, '…'"."""
        if not any_subject and (cue.mention is None or cue.mention.kind != "pronoun" and cue.lemma != "according to"):
            outer_lemmas = ("according to",)
        else:
            outer_lemmas = None  # a pronoun inside a clause: any earlier cue of the sentence is the outer one
        lowest = max(-1, index - _CUES_LOOKED_AT)
        while index > lowest and self.cues[index].start >= sentence_start:
            earlier = self.cues[index]
            index -= 1
            if earlier.mention is None or earlier.mention.start >= cue.start:
                continue
            if earlier.lemma == "according to" or outer_lemmas is None and "," not in self.text[
                earlier.end : cue.mention.start
            ]:
                return earlier
        return cue

    def _lead(self, span: QuoteSpan) -> str:
        """The writer's words between the start of the sentence and the opening mark."""
        sentence_start, _ = self.layout.sentence(span.open_mark)
        return self.text[sentence_start : span.open_mark].strip()

    def _new_sentence_after(self, span: QuoteSpan, cue: Cue) -> bool:
        """A fragment that ends its sentence ('… a "fighter." He says they …'): the cue after it starts a new
        sentence with its own content, so it does not attribute the fragment."""
        text = self.text
        if text[span.end - 1 : span.end] not in ".!?":
            return False
        lead = self._lead(span)
        if lead and not lead.endswith(_UTTERANCE_LEAD_END):
            return True  # a fragment closing the writer's sentence
        # A whole utterance: '"…." Smith said.' attributes it; '"…." He said he …' (a report of its own) and
        # '"…." He added, "…"' (the next quote's cue) do not.
        tail = max(cue.end, cue.mention.end if cue.mention is not None else cue.end)
        rest = _REST_OF_CLAUSE.match(text, tail)
        if cue.lemma not in OBJECT_VERBS and _CLAUSE_AFTER.match(text, tail):
            return True  # '"…." Reid said both Rubio and Cruz are …': said has content of its own
        return bool(_CONTENT_AFTER.match(text, tail) or _INTRODUCES_NEXT.match(text, rest.end(1)))

    def _previous_close(self, pos: int) -> int:
        """Offset just after the closing mark of the quote before ``pos`` (so subjects are not read inside it)."""
        index = bisect_left(self._open_marks, pos) - 1
        if index < 0:
            return 0
        span = self.spans[index]
        return (span.close_mark + 1) if span.close_mark is not None else span.end

    def _is_speech(self, span: QuoteSpan, a: Attribution) -> bool:
        """Titles, nicknames, scare-quoted terms and slogans are not speech."""
        text = self.text
        before = text[max(0, span.open_mark - 25) : span.open_mark]
        if _NOT_SPEECH.search(before):
            return False
        words = WORD.findall(text, span.start, span.end)
        if not words:
            return False
        if len(words) <= 6 and _title_case(words):
            # "Cheers," he said / Trump called it "Crooked Hillary" -- but not "Saturday Night Live", nor
            # On "This Week," Rubio said
            if a.rule == "trailing-cue":
                return not self._lead(span)
            return a.rule in _TITLE_CASE_RULES
        return True

    def _kind(self, span: QuoteSpan, a: Attribution) -> str:
        """direct: a whole utterance; partial: a fragment woven into the writer's sentence."""
        lead = self._lead(span)
        first = self.text[span.start : span.start + 1]
        starts_utterance = not lead or lead.endswith((":", ",")) or span.continuation
        if lead.endswith(",") and _QUOTE_MARK.search(lead):
            return "direct"  # the second half of an interrupted quote: "We are," he said, "just one of many."
        if starts_utterance and (first.isupper() or first.isdigit() or first in "….'‘"):
            return "direct"
        if not lead and span.close_mark is not None:
            return "direct"
        return "partial"


def _touches(text: str, after: int, mention_start: int, is_name: bool) -> bool:
    """Between a closing mark and its attribution: punctuation, and before a name a few premodifying words
    ("former congressman Dan Maffei", "his wife, Gabriela Lazar,")."""
    punctuation = _ADJACENT.match(text, after, mention_start)
    if punctuation.end() == mention_start:
        return True
    if not is_name or mention_start - punctuation.end() > 60:
        return False
    gap = text[punctuation.end() : mention_start]
    if _NOT_PREMODIFIER.search(gap):
        return False
    return len(_GAP_WORD.findall(gap)) <= 6


def _has_break(gap: str) -> bool:
    return bool(_BREAK.search(gap))


def _title_case(words: list[str]) -> bool:
    significant = [w for w in words if w.lower() not in _LOWER_WORDS]
    return bool(significant) and all(_TITLE_WORD.match(w) for w in significant)
