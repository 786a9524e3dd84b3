"""The attribution sieves: an ordered list of small passes, each deciding one way a quote is tied to its speaker.

Every sieve is a function ``sieve(ctx: QuoteContext) -> Attribution | None`` that names the rule it decides
(``@sieve("trailing-cue")``). ``attribute`` runs them in the order of ``SIEVES``, most precise first, and the
first that returns an attribution wins (Lee et al. 2013 for coreference, Muzny et al. 2017 for quotes). A
``QuoteContext`` is one quote as the sieves see it; what several sieves read (the cue after the quote, the cue
before it, the writer's lead-in) is computed once, on first use. docs/attribution.md section 5 lists the sieves.

Pure: the sieves read the article and resolve the winning mention to a speaker (``Entities.resolve``); a sieve
that does not fire changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from string import capwords
from typing import Callable, Final, NamedTuple, Protocol

import regex

from quotecheck.extract.cues import Cue
from quotecheck.extract.entities import Entities, Entity
from quotecheck.extract.layout import Layout, bisect_left, bisect_right
from quotecheck.extract.lexicons import OBJECT_VERBS, ROLE_NOUNS
from quotecheck.extract.mentions import (
    Mention,
    clause_subject,
    mention_after,
    possessor_of_speech,
    speaker_noun,
    starts_predicate,
    subject_before,
)
from quotecheck.extract.model import SpeakerType
from quotecheck.extract.quotes import QuoteSpan
from quotecheck.extract.reported import CLAUSE_BREAK, PARTICIPLE_START
from quotecheck.extract.sieve_marks import NamedSieve

# ---- thresholds ------------------------------------------------------------------------------------------------
CUES_LOOKED_AT: Final = 8  # cues a quote looks back over for its speaker (a sentence rarely has more)
CUE_GAP: Final = 90  # characters between a closing mark and a trailing cue: room for a name with a long role
PRONOUN_CUE_GAP: Final = 150  # characters between a closing mark and a pronoun cue later in its sentence
TRAILING_VERB_WINDOW: Final = 90  # characters after the closing mark read for "Reed harrumphed" / "agrees Tara Lund"
PREMODIFIER_GAP: Final = 60  # characters of premodifying words between a closing mark and a name ("former congressman")
PREMODIFIER_WORDS: Final = 6  # ... and words
COLON_LEAD: Final = 80  # characters before the opening mark read for "Smith:" or "he demurred:"
VERB_BEFORE_COLON: Final = 40  # characters before a colon read for the verb of "he demurred:"
DASH_WINDOW: Final = 10  # characters after the closing mark (or at the start of the next line) read for the dash
SIGNATURE_LINE: Final = 80  # characters a line holding only "- Rita Soto" may have
# between a speech verb and the subject of the clause it reports: nothing, "that", or an adjunct and "that" ("said
# in her opening remarks that", "said, per a translator, that")
_REPORTED_SUBJECT_GAP: Final = regex.compile(r"\s*(?:[^.;:\"“”]{0,45}\bthat\s+)?")
MODAL_WINDOW: Final = 12  # characters before a cue read for "will", "would" (a hypothetical report)
INTRODUCER_GAP: Final = 60  # characters of a listener or setting between a cue and its colon ("told a rally in Ohio:")
RELAY_GAP: Final = 60  # characters between an attribution and a relaying source ("said on Tuesday, according to")
REST_OF_CLAUSE: Final = 200  # characters read after a cue for the next quote it may introduce

_ADJACENT: Final = regex.compile(r"[\s,;:—–\-]*")
_GAP_WORD: Final = regex.compile(r"[\p{L}\p{N}'’.\-]+")
_NOT_PREMODIFIER: Final = regex.compile(r"[^\p{L}\p{N}\s'’.,\-]")  # a character no premodifying word contains
_BREAK: Final = regex.compile(r"[\"“”„«»]|[.!?](?:\s|$)|\n")  # a quote mark, sentence end or line break
# What may sit between a cue (or its inverted subject) and the quote it introduces: "said: ", "told reporters, ",
# "said in a statement: ", "said that ".
_INTRODUCES: Final = regex.compile(r"[\s,:—–\-]*(?:that\s*)?|[^.!?;\"“”„«»]{0," + str(INTRODUCER_GAP) + r"}[:,]\s*")
_INTRODUCES_ENDINGS: Final = (",", ":", "—", "–", "-", "that")  # what a gap _INTRODUCES takes ends on, white space aside
# Between an attribution and a relaying source: "said on Tuesday, according to", "said in a statement, reports".
_OPENS_OWN_CLAUSE: Final = regex.compile(r"\b(?:while|whereas|but|although|though|because)\s+$")
_SENTENCE_END_AFTER: Final = regex.compile(r"\s*(?:[.!?]|$)")
_RELAY_GAP: Final = regex.compile(r"[^.!?;\"“”„«»]{0," + str(RELAY_GAP) + r"}?(?:,\s*|\s+)")  # (a comma may be missing)
# After '"…." Smith said', words that open a reported clause show the cue has content of its own.
_CONTENT_AFTER: Final = regex.compile(r",?\s+(?:that|he|she|they|it|we|I|there|his|her|their|its)\b")
_CLAUSE_AFTER: Final = regex.compile(
    r"\s+(?:(?:the|a|an|this|these|those|both|all|some|many|most|no|every)\s"
    r"|(?:\p{Ll}+\s+)?\p{Ll}+s\s+(?:were|are|had|have|would|will|could|should|did|must|need|want)\b)"
)  # "said ministers were …", "said games developers would …"
_QUOTED_AS: Final = regex.compile(r"\b(?:quoted|quotes|quote|cited)\s+(?P<object>[^.;:!?\"“”]{1,100}?)\s+as\s+$")
_QUOTED_AS_CHARS: Final = 120
_OBJECT_PRONOUNS: Final = {"him": "he", "her": "she", "them": "they"}
_ATTRIBUTION_PUNCTUATION: Final = frozenset(",?!—–-.…")
UTTERANCE_LEAD_END: Final = (":", ",", "—", "–", "-")  # a lead ending so introduces a whole utterance, not a fragment
_TRAILING_VERB: Final = regex.compile(
    r"\s*(?P<subject>he|she|they|we|I|(?:the|a|an|one|another)(?:\s+[\p{L}\-]+){1,5}"
    r"|\p{Lu}[\p{L}'’\-.]*(?:\s+\p{Lu}[\p{L}'’\-.]*){0,4})"
    r"\s+(?P<verb>\p{Ll}{2,}ed|\p{Ll}{2,}s(?=\s*[.,!?])|began|went\s+on|wrote|spoke|broke\s+in|shot\s+back|"
    r"chimed\s+in)"
    r"(?:(?P<end>\s*[.!?]|\s*$)|(?=\s*[,;:]|\s+(?:on|in|at|to|during|as|after|before|when|while|with|of|about|"
    r"back|again|later|then|from|and)\b))"
)
# '"…" agrees Michelle Stevens, 30.' / '"…" tweeted another.'
_TRAILING_VERB_INVERTED: Final = regex.compile(
    r"\s*(?P<verb>\p{Ll}{2,}(?:ed|s))\s+(?P<subject>another|one|\p{Lu}[\p{L}'’\-.]*(?:\s+\p{Lu}[\p{L}'’\-.]*){0,4})"
    r"(?:\s+of\s+\p{Lu}[\p{L}'’\-.]*(?:\s+\p{Lu}[\p{L}'’\-.]*){0,3})?(?P<end>\s*[.,;!?]|\s*$)"
)
_DASH: Final = regex.compile(r"\s*[-–—―]+\s*")  # (U+2015, the quotation dash, signs a quote too)
_MODAL_BEFORE: Final = regex.compile(r"\b(?:will|would|could|should|might|may|can|to)\s+$")
_SIGNATURE_END: Final = regex.compile(r"[\s.,;)]*(?:$|,)")  # "- Rita Soto." / "- Rita Soto, the mayor"
_REST_OF_CLAUSE: Final = regex.compile(r"([^.,;:!?\"“”„«»\n]{0," + str(REST_OF_CLAUSE) + r"})")
_INTRODUCES_NEXT: Final = regex.compile(r"\s*[,:]\s*[\"“„«]")
_VERB_BEFORE_COLON: Final = regex.compile(r"\b\p{Ll}{2,}(?:ed|s)(?:\s+(?:back|on|in|up|out))?\s*$")
QUOTE_MARK: Final = regex.compile(r"[\"“”„«»]")
_PASSIVE_AGENT: Final = regex.compile(
    r"\b(?:was|were|been|being|is|are|be)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en)\s+by\s+"
)
# A passive verb that a fragment completes, and its agent after the quoted words (past other quoted words)
_PASSIVE_BEFORE: Final = regex.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en)(?:\s+as)?\s*$")
_PASSIVE_BEFORE_ENDS: Final = ("ed", "en", "as")  # what a lead it matches ends in (but white space)
_QUOTED: Final = regex.compile(r"\s*[\"“][^\"“”]*[\"”]\s*(?:,|and|or)?\s*")
_AGENT_AFTER: Final = regex.compile(r"(?:[^.;!?\"“”]|[\"“][^\"“”]{0,80}[\"”]){0,120}?\s+by\s+")
_SET_OFF_RELATIVE: Final = regex.compile(r",\s+(?:which|who)\b[^,]*$")  # inside a relative clause set off by a comma
# "delivered a blunt message to Trump:", "in an interview with CNN on Tuesday:": a name before a colon after a
# preposition (and a few words of description) is an object, not a speaker's label ("of" and "for" are left out:
# "Former secretary of state Hillary Clinton:")
_OBJECT_LEAD: Final = regex.compile(
    r"\b(to|with|from|on|at|in|for|of|by|about|against|toward|towards|into|through)\s+(?:[\w'’.-]+\s+){0,3}$"
)
OBJECT_LEAD_CHARS: Final = 60
OFFICE_WORD_CHARS: Final = 20  # characters before "of" read for the office it belongs to ("secretary of state")
_TIME_BEFORE_COLON: Final = regex.compile(r"\s+in\s+(?:\p{Lu}\p{Ll}+\s+)?(?:19|20)\d\d\s*$")  # "Here's Clinton in December 1992:"
_JOINED_CLAUSE: Final = regex.compile(r",\s+(?:and|but|while)\s+$")
# A relative clause running up to the quote whose subject is "who" (not "who he dubbed": its object)
_WHO_CLAUSE: Final = regex.compile(r",\s+who\b(?!\s+(?:he|she|they|we|I)\b)[^,.;:!?\"“”]*$")


@dataclass(slots=True, init=False)  # (__init__ written out to be compiled: mentions.Mention says why)
class Attribution:
    """Who a quote is attributed to: the mention it rests on, the speaker it resolved to, the cue, the rule."""

    mention: Mention | None
    entity: Entity | None
    speaker: str | None
    speaker_type: SpeakerType | None
    cue: str | None
    rule: str

    def __init__(
        self,
        mention: Mention | None,
        entity: Entity | None,
        speaker: str | None,
        speaker_type: SpeakerType | None,
        cue: str | None,
        rule: str = "",
    ) -> None:
        self.mention = mention
        self.entity = entity
        self.speaker = speaker
        self.speaker_type = speaker_type
        self.cue = cue
        self.rule = rule


def describe(mention: Mention | None, entity: Entity | None) -> tuple[str | None, SpeakerType | None]:
    """Speaker name and type for an attribution."""
    if entity is not None:
        return entity.name, entity.speaker_type
    if mention is None:
        return None, None
    if mention.kind == "pronoun":
        return None, None  # a pronoun that resolved to nobody names nobody
    return mention.name, mention.speaker_type or "person"


class LeadingCue(NamedTuple):
    """The cue before a quote that speaks for it: ``introduces`` when it introduces the quote (``Smith said: "…"``),
    else it is a cue earlier in the sentence (``Smith said it was "not that unusual"``)."""

    cue: Cue
    introduces: bool


class Article:
    """What every sieve reads about the article, computed once per text: the text, its layout, the quote spans,
    the speech cues (with their resolved subjects) and the speakers."""

    def __init__(self, text: str, layout: Layout, spans: list[QuoteSpan], cues: list[Cue], entities: Entities):
        self.text = text
        self.layout = layout
        self.spans = spans
        self.cues = cues
        self.entities = entities
        self.cue_starts = [c.start for c in cues]
        self.open_marks = [s.open_mark for s in spans]

    def from_cue(self, cue: Cue, rule: str = "") -> Attribution | None:
        """The attribution a cue gives (None when the cue has no subject)."""
        if cue.mention is None:
            return None
        speaker, speaker_type = describe(cue.mention, cue.entity)
        return Attribution(cue.mention, cue.entity, speaker, speaker_type, cue.word, rule)

    def from_mention(self, mention: Mention, cue: str | None = None) -> Attribution:
        """The attribution a mention gives, resolving it to its speaker."""
        entity = self.entities.resolve(mention)
        speaker, speaker_type = describe(mention, entity)
        return Attribution(mention, entity, speaker, speaker_type, cue)

    def cue_at_or_after(self, pos: int) -> Cue | None:
        index = bisect_left(self.cue_starts, pos)
        return self.cues[index] if index < len(self.cues) else None

    def previous_close(self, pos: int) -> int:
        """Offset just after the closing mark of the quote before ``pos`` (so subjects are not read inside it)."""
        index = bisect_left(self.open_marks, pos) - 1
        if index < 0:
            return 0
        span = self.spans[index]
        return (span.close_mark + 1) if span.close_mark is not None else span.end

    def leading_cue(self, open_mark: int, para_start: int) -> LeadingCue | None:
        """The cue before ``open_mark`` that speaks for the quoted words there: the nearest cue of the paragraph,
        when only a listener, ``that`` or a colon stands between it and the mark (``Smith said: "…"``, ``X told
        Y that "…"``), else the latest cue of the sentence (``Smith said it was "not that unusual"``)."""
        text = self.text
        sentence_start, _ = self.layout.sentence(open_mark)
        index = bisect_right(self.cue_starts, open_mark) - 1
        nearest = True
        lowest = max(-1, index - CUES_LOOKED_AT)
        while index > lowest and self.cues[index].start >= max(para_start, sentence_start - 1):
            cue = self.cues[index]
            index -= 1
            if cue.mention is None or cue.end > open_mark:
                continue  # "urge Latino leaders" has no subject of its own: look further back
            tail = cue.mention.end if cue.subject_after else cue.end
            gap_after_subject = text[max(cue.end, tail) : open_mark]
            if nearest and _introduces(gap_after_subject) and not _BREAK.search(gap_after_subject):
                if _MODAL_BEFORE.search(text, max(sentence_start, cue.start - MODAL_WINDOW), cue.start):
                    # "Obama said he expected that Americans will say "no"": a hypothetical inside a report
                    cue = self._outermost(cue, index, sentence_start, any_subject=True)
                elif "," not in gap_after_subject and ":" not in gap_after_subject:
                    # words woven into a report: the relay's ("According to pool reports, Obama said "…"") or the
                    # reporter's ("Trump said Fox executives were calling "…"", not "McClure said senators told him,
                    # "…"", which the inner cue introduces)
                    cue = self._outermost(cue, index, sentence_start, woven=True)
                return LeadingCue(cue, True)
            if cue.start >= sentence_start:
                return LeadingCue(self._outermost(cue, index, sentence_start), False)
            nearest = False
        return None

    def _outermost(
        self, cue: Cue, index: int, sentence_start: int, *, any_subject: bool = False, woven: bool = False
    ) -> Cue:
        """A report inside a report belongs to the outer source: "According to GMA News, Salceda said the …",
        "The senator said he rarely asks surrogates to stump, '…'". ``woven``: words the cue introduces with no
        comma or colon, which only a relay ("according to") or the reporter of the cue's clause takes."""
        if not any_subject and (cue.mention is None or cue.mention.kind != "pronoun" and cue.lemma != "according to"):
            outer_lemmas = ("according to",)
        else:
            outer_lemmas = None  # a pronoun inside a clause: any earlier cue of the sentence is the outer one
        lowest = max(-1, index - CUES_LOOKED_AT)
        while index > lowest and self.cues[index].start >= sentence_start:
            earlier = self.cues[index]
            index -= 1
            if earlier.mention is None or earlier.mention.start >= cue.start:
                continue
            if woven:
                if earlier.lemma == "according to" or cue.mention is not None and (
                    self._reports_subject(earlier, cue.mention.start)
                ):
                    return earlier
                continue
            if earlier.lemma == "according to" or cue.mention is not None and (
                outer_lemmas is None and "," not in self.text[earlier.end : cue.mention.start]
                or cue.mention.start < earlier.start and self._parenthetical(earlier)
                or self._reports_subject(earlier, cue.mention.start)
            ):
                return earlier
        return cue

    def _reports_subject(self, earlier: Cue, subject_start: int) -> bool:
        """The clause an earlier cue reports opens on the subject at ``subject_start``: "Trump said Fox executives
        were calling "every 15 minutes"", "Israel said in a call that Clinton urged members to be "…"". The words
        quoted inside a report are the reporter's account."""
        mention = earlier.mention
        return mention is not None and not earlier.subject_after and earlier.end <= subject_start and (
            mention.kind != "nominal" or speaker_noun(mention.name.split()[-1])  # (a subject that can speak)
        ) and _REPORTED_SUBJECT_GAP.fullmatch(self.text, earlier.end, subject_start) is not None

    def _parenthetical(self, cue: Cue) -> bool:
        """A cue set off by commas inside the clause it reports: "CNN, Cruz said, called the move "…"."""
        mention = cue.mention
        return mention is not None and not cue.subject_after and self.text.startswith(", ", mention.start - 2) and (
            self.text.startswith(",", cue.end)
        )


class QuoteContext:
    """One quote as the sieves see it: its span and paragraph, the attribution of the quote before it, and what
    several sieves read (computed on first use)."""

    def __init__(self, article: Article, span: QuoteSpan, previous: tuple[QuoteSpan, Attribution] | None):
        self.article = article
        self.text = article.text
        self.layout = article.layout
        self.span = span
        self.previous = previous  # the last attributed quote before this one, with its attribution
        self.open_mark = span.open_mark
        self.para_start, self.para_end = article.layout.paragraphs[span.paragraph]
        self.after = span.close_mark + 1 if span.close_mark is not None else None  # just after the closing mark
        # What several sieves read, computed on first use (a flag for each that may be None)
        self._sentence: tuple[int, int] | None = None
        self._lead: str | None = None
        self._leading: LeadingCue | None = None
        self._leading_known = False
        self._cue_after: Cue | None = None
        self._cue_after_known = False
        self._colon_paragraph_cue: LeadingCue | None = None
        self._colon_paragraph_cue_known = False

    @property
    def sentence(self) -> tuple[int, int]:
        """The sentence the opening mark is in."""
        if self._sentence is None:
            self._sentence = self.layout.sentence(self.open_mark)
        return self._sentence

    @property
    def lead(self) -> str:
        """The writer's words between the start of the sentence and the opening mark."""
        if self._lead is None:
            self._lead = self.text[self.sentence[0] : self.open_mark].strip()
        return self._lead

    @property
    def ends_sentence(self) -> bool:
        """The quoted words end with a full stop, question or exclamation mark."""
        return self.text[self.span.end - 1 : self.span.end] in ".!?"

    @property
    def leading(self) -> LeadingCue | None:
        """The cue before the quote that speaks for it (Article.leading_cue)."""
        if not self._leading_known:
            self._leading, self._leading_known = self.article.leading_cue(self.open_mark, self.para_start), True
        return self._leading

    @property
    def cue_after(self) -> Cue | None:
        """The first cue after the closing mark."""
        if not self._cue_after_known:
            self._cue_after = self.article.cue_at_or_after(self.after) if self.after is not None else None
            self._cue_after_known = True
        return self._cue_after

    @property
    def colon(self) -> int | None:
        """Where the colon is when the words before the opening mark end with one (``Smith: "…"``)."""
        before = self.text[max(self.para_start, self.open_mark - COLON_LEAD) : self.open_mark]
        stripped = before.rstrip()
        if not stripped.endswith(":"):
            return None
        return self.open_mark - 1 - (len(before) - len(stripped))

    @property
    def colon_paragraph(self) -> tuple[int, int] | None:
        """The paragraph before, when the quote opens its paragraph and that one ends with a colon of the writer's
        ("Cruz called them on it:")."""
        span, layout = self.span, self.layout
        if self.open_mark != self.para_start or span.paragraph == 0 or layout.furniture[span.paragraph - 1]:
            return None
        prev_start, prev_end = layout.paragraphs[span.paragraph - 1]
        if self.text[prev_end - 1] != ":" or self.article.previous_close(self.open_mark) >= prev_end - 1:
            return None  # no colon, or the colon belongs to quoted words
        return prev_start, prev_end

    @property
    def colon_paragraph_cue(self) -> LeadingCue | None:
        """The cue that introduces the colon ending the paragraph before (``Cruz told them:``)."""
        if not self._colon_paragraph_cue_known:
            paragraph = self.colon_paragraph
            self._colon_paragraph_cue = self.article.leading_cue(paragraph[1], paragraph[0]) if paragraph else None
            self._colon_paragraph_cue_known = True
        return self._colon_paragraph_cue

    @property
    def paragraph_cue(self) -> Cue | None:
        """The last cue before the opening mark, when it is in the quote's paragraph and has a subject."""
        cues = self.article.cues
        index = bisect_right(self.article.cue_starts, self.open_mark) - 1
        if index >= 0 and cues[index].start >= self.para_start and cues[index].mention is not None:
            return cues[index]
        return None


class Sieve(Protocol):
    rule: str
    function: Callable[[QuoteContext], Attribution | None]  # the sieve itself, unmarked

    def __call__(self, ctx: QuoteContext) -> Attribution | None: ...


def sieve(rule: str) -> Callable[[Callable[[QuoteContext], Attribution | None]], Sieve]:
    """Mark a function as a sieve deciding ``rule``."""

    def mark(function: Callable[[QuoteContext], Attribution | None]) -> Sieve:
        return NamedSieve(rule, function)

    return mark


# ---- the sieves, in the order they run --------------------------------------------------------------------------


@sieve("transcript-turn")
def transcript_turn(ctx: QuoteContext) -> Attribution | None:
    """A turn of an interview or transcript is its labelled speaker's: ``ANCHOR: Will you debate him?`` (the
    anchor), ``TAPPER: …`` (Jake Tapper, named in the article), ``Q: …`` (the interviewer), ``A: …`` (the person
    interviewed: the person the article names most)."""
    if ctx.span.label is None:
        return None
    start, end = ctx.span.label
    label = ctx.text[start:end]
    if label == "Q":
        mention = Mention(start, end, "nominal", "the interviewer", speaker_type="anonymous")
    elif label == "A":
        person = ctx.article.entities.most_named_person()
        mention = Mention(start, end, "nominal", "the interviewee", speaker_type="anonymous") if person is None else (
            Mention(start, end, "name", person.name)
        )
    elif speaker_noun(label.lower()):
        mention = Mention(start, end, "nominal", f"the {label.lower()}")
    else:
        mention = Mention(start, end, "name", capwords(label))
    return ctx.article.from_mention(mention)


@sieve("leading-cue")
def introducing_cue(ctx: QuoteContext) -> Attribution | None:
    """A cue that introduces the quote, when the quote ends its sentence or follows ``that``: nothing after the
    quote can claim it. ``He replied, "It was fine." He added, …`` / ``Trump claimed that "…" one of them said``."""
    leading = ctx.leading
    if leading is not None and leading.introduces and (ctx.lead.endswith("that") or ctx.ends_sentence):
        return _relay_after_quote(ctx) or ctx.article.from_cue(leading.cue)
    return None


@sieve("trailing-cue")
def trailing_cue(ctx: QuoteContext) -> Attribution | None:
    """A cue right after the closing mark, its subject touching the mark: ``"We are one of many," he said.`` /
    ``"…," said Hugh Hill.`` / ``"…" former congressman Dan Maffei said.`` (premodifying words before a name only
    after a whole utterance). Not a cue that opens a sentence of its own after a fragment (``… a "fighter." He
    says …``). A source that relays the attribution wins: ``"…," the judge said, according to the Post.``, and the
    person a relay quotes speaks: ``"…," Tehran Radio quoted him as saying.``"""
    cue, after = ctx.cue_after, ctx.after
    if cue is None or cue.mention is None or after is None or cue.start - after > CUE_GAP or cue.start >= ctx.para_end:
        return None
    touching = cue.start if cue.subject_after else cue.mention.start
    utterance = not ctx.lead or ctx.lead.endswith(UTTERANCE_LEAD_END)
    is_name = cue.mention.kind == "name" and utterance
    if touching < after or not _touches(ctx.text, after, touching, is_name) or _new_sentence_after(ctx, cue):
        return None
    return _quoted_as_saying(ctx, cue) or _relayed(ctx, cue) or ctx.article.from_cue(cue)


def _quoted_as_saying(ctx: QuoteContext, cue: Cue) -> Attribution | None:
    """'"…," Tehran Radio quoted him as saying.': the words are the quoted person's, the radio only relays them."""
    if cue.word.lower() != "saying":
        return None
    quoting = _QUOTED_AS.search(ctx.text, max(0, cue.start - _QUOTED_AS_CHARS), cue.start)
    if quoting is None:
        return None
    start, end = quoting.span("object")
    pronoun = _OBJECT_PRONOUNS.get(quoting.group("object").lower())
    mention = Mention(start, end, "pronoun", pronoun) if pronoun else mention_after(ctx.text, start, end)
    return ctx.article.from_mention(mention, cue=cue.word) if mention is not None else None


@sieve("trailing-verb")
def trailing_verb(ctx: QuoteContext) -> Attribution | None:
    """A verb the lexicon does not know, in the attribution slot after the closing mark: ``"Get off the field,"
    Reed harrumphed.`` / ``"…?" he surmised.`` / ``"…," agrees Tara Lund.`` After a full stop the verb must end the
    sentence."""
    text, after = ctx.text, ctx.after
    if after is None or text[ctx.span.end - 1 : ctx.span.end] not in _ATTRIBUTION_PUNCTUATION:
        return None
    hi = min(ctx.para_end, after + TRAILING_VERB_WINDOW)
    match = _TRAILING_VERB.match(text, after, hi) or _TRAILING_VERB_INVERTED.match(text, after, hi)
    if not match or text[ctx.span.end - 1] == "." and not match.group("end"):
        return None
    mention = mention_after(text, match.start("subject"), match.end("subject"))
    if mention is None:
        return None
    return ctx.article.from_mention(mention, cue=match.group("verb"))


@sieve("leading-cue")
def leading_cue(ctx: QuoteContext) -> Attribution | None:
    """A cue that introduces the quote, only a listener, ``that`` or a colon between them: ``Rita Soto told
    reporters: "…"`` / ``"We are," he said, "just one of many."`` (the second half). Inside a hypothetical the
    outer report speaks (``Obama said he expected that Americans will say "no"``)."""
    leading = ctx.leading
    if leading is None or not leading.introduces:
        return None
    return _relay_after_quote(ctx) or ctx.article.from_cue(leading.cue)


@sieve("cue-in-sentence")
def cue_before_in_sentence(ctx: QuoteContext) -> Attribution | None:
    """A cue earlier in the quote's sentence: ``Linkevicius said it was "not that unusual"``. A report inside a
    report belongs to the outer source (``According to GMA News, Salceda said the "…"``)."""
    leading = ctx.leading
    if leading is None or leading.introduces:
        return None
    return _relay_after_quote(ctx) or ctx.article.from_cue(leading.cue)


def _relay_after_quote(ctx: QuoteContext) -> Attribution | None:
    """'Trump said he was "happy to see" that Khan won, according to The New York Times.': a relay ending the
    sentence of the quoted words is the source they rest on, as after a trailing cue (_relayed)."""
    relay, after = ctx.cue_after, ctx.after
    if relay is None or after is None or relay.mention is None or relay.start >= ctx.sentence[1]:
        return None
    if relay.lemma == "according to" or relay.lemma == "reported" and relay.subject_after:  # "…, reported the Post."
        return ctx.article.from_cue(relay) if _RELAY_GAP.fullmatch(ctx.text, after, relay.start) else None
    if relay.lemma == "reported" and _RELAY_GAP.fullmatch(ctx.text, after, relay.mention.start) and (
        _SENTENCE_END_AFTER.match(ctx.text, relay.end)
    ):
        return ctx.article.from_cue(relay)  # "…, CNN reported."
    return None


@sieve("cue-in-sentence")
def cue_after_in_sentence(ctx: QuoteContext) -> Attribution | None:
    """A cue later in the quote's sentence, its subject after the quote: ``… the "fair share" they need, Neil
    Sroka said.`` A pronoun only nearby; no quote mark or clause break between (``"reckless", while Labour said
    …`` is another speaker's clause)."""
    cue, after, text = ctx.cue_after, ctx.after, ctx.text
    if cue is None or after is None or cue.mention is None or cue.mention.start < after:
        return None
    if cue.mention.kind == "pronoun" and cue.start - after >= PRONOUN_CUE_GAP:
        return None
    if cue.start >= ctx.sentence[1] or QUOTE_MARK.search(text, after, cue.start):
        return None
    if CLAUSE_BREAK.search(text, after, cue.mention.start) or _OPENS_OWN_CLAUSE.search(text, after, cue.mention.start):
        return None  # (nor a clause a conjunction opens without a comma: "… an "artful smear" while Sanders suggests")
    return ctx.article.from_cue(cue)


@sieve("colon-layout")
def colon_layout(ctx: QuoteContext) -> Attribution | None:
    """A name and a colon before the quote: ``Rita Soto: "Nobody will lose their home."``"""
    if ctx.colon is None:
        return None
    time = _TIME_BEFORE_COLON.search(ctx.text, max(ctx.para_start, ctx.colon - OBJECT_LEAD_CHARS), ctx.colon)
    mention = subject_before(ctx.text, ctx.para_start, time.start() if time else ctx.colon)
    if isinstance(mention, Mention) and mention.kind == "name" and not _object_before(ctx.text, ctx.para_start, mention):
        return ctx.article.from_mention(mention)
    return None


def _object_before(text: str, lo: int, mention: Mention) -> bool:
    """A preposition before the name (and a few words of description) makes it an object ("a blunt message to
    Trump:"), unless it is an office's ("Former secretary of state Hillary Clinton:")."""
    lead = _OBJECT_LEAD.search(text, max(lo, mention.start - OBJECT_LEAD_CHARS), mention.start)
    if lead is None:
        return False
    office = lead.group(1) in ("of", "for") and text[max(lo, lead.start() - OFFICE_WORD_CHARS) : lead.start()].split()
    return not (office and office[-1].lower() in ROLE_NOUNS)


@sieve("leading-verb")
def leading_verb(ctx: QuoteContext) -> Attribution | None:
    """A verb the lexicon does not know, before a colon that introduces the quote: ``Asked about it, Ben Ortiz
    demurred: "…"``; the speaker is the verb's subject."""
    colon = ctx.colon
    if colon is None:
        return None
    verb = _VERB_BEFORE_COLON.search(ctx.text, max(ctx.para_start, colon - VERB_BEFORE_COLON), colon)
    if verb is None:
        return None
    sentence_start, _ = ctx.layout.sentence(verb.start())
    mention = subject_before(ctx.text, sentence_start, verb.start())
    if isinstance(mention, Mention):
        return ctx.article.from_mention(mention, cue=verb.group().strip())
    return None


@sieve("colon-layout")
def colon_sentence_subject(ctx: QuoteContext) -> Attribution | None:
    """A quoted sentence (it opens with a capital) after a colon ending a sentence of the writer's with no cue: the
    subject of that sentence (``Ben Ortiz made his view plain: "We will rebuild the bridge."``), as
    colon_paragraph_subject does across a paragraph break. Before continuation, so a quote earlier in the paragraph
    does not claim it."""
    colon = ctx.colon
    if colon is None or not ctx.text[ctx.span.start : ctx.span.start + 1].isupper():
        return None
    sentence_start, _ = ctx.layout.sentence(colon)
    mention = clause_subject(ctx.text, max(sentence_start, ctx.article.previous_close(ctx.open_mark)), colon)
    return ctx.article.from_mention(mention) if mention is not None else None


@sieve("dash-layout")
def dash_layout(ctx: QuoteContext) -> Attribution | None:
    """A dash and a name after the quote, as a signature: ``"Houses first." - Rita Soto``, also with the dash line
    as the next paragraph."""
    text, after, layout = ctx.text, ctx.after, ctx.layout
    if after is None:
        return None
    para_end = ctx.para_end
    dash = _DASH.match(text, after, min(para_end, after + DASH_WINDOW))
    next_paragraph = ctx.span.paragraph + 1
    if dash is None and text[after:para_end].strip() == "" and next_paragraph < len(layout.paragraphs):
        next_start, next_end = layout.paragraphs[next_paragraph]
        if next_end - next_start < SIGNATURE_LINE:
            dash = _DASH.match(text, next_start, min(next_end, next_start + DASH_WINDOW))
        para_end = next_end
    if not dash:
        return None
    mention = mention_after(text, dash.end(), para_end)
    if mention is not None and mention.kind == "name" and mention.start == dash.end() and (
        _SIGNATURE_END.match(text, mention.end, para_end)
    ):
        return ctx.article.from_mention(mention)
    return None


@sieve("sentence-subject")
def sentence_subject(ctx: QuoteContext) -> Attribution | None:
    """A fragment woven into the writer's sentence is usually the words of that sentence's subject: ``Clinton has
    decried "systemic racism"``; the possessor of a claim (``Quist's claim that the bridge was "perfectly safe"``),
    the agent of a passive (``was criticised by the ombudsman for "…"``) or the person a relative clause is about
    (``Brandt, who in 2012 called the tax "…"``) before the subject of the clause."""
    text, open_mark = ctx.text, ctx.open_mark
    if not ctx.lead or ctx.lead.endswith(":"):
        return None
    lo = max(ctx.sentence[0], ctx.article.previous_close(open_mark))
    mention = (
        _agent_after(ctx) or possessor_of_speech(text, lo, open_mark) or _agent_or_antecedent(text, lo, open_mark)
    )
    if mention is not None:
        return ctx.article.from_mention(mention)
    comma = text.rfind(",", lo, open_mark)
    if comma >= 0 and (
        PARTICIPLE_START.match(text[comma + 1 : open_mark].lstrip()) or starts_predicate(text, comma + 1, open_mark)
    ):
        # "…, portraying Sanders as …": the participle shares the sentence's subject, and so does the predicate
        # going on after an appositive ("Dan Ames, the party's treasurer, has egged on voters on Facebook …")
        comma = -1
    mention = (clause_subject(text, comma + 1, open_mark) if comma >= 0 else None) or clause_subject(
        text, lo, open_mark
    )
    return ctx.article.from_mention(mention) if mention is not None else None


@sieve("leading-cue")
def colon_paragraph_cue(ctx: QuoteContext) -> Attribution | None:
    """A quote opening its paragraph after a paragraph that ends with a colon, introduced by that paragraph's cue:
    ``Cruz told the crowd:`` then a paragraph ``"We will win."``"""
    found = ctx.colon_paragraph_cue
    return ctx.article.from_cue(found.cue) if found is not None and found.introduces else None


@sieve("cue-in-sentence")
def colon_paragraph_sentence_cue(ctx: QuoteContext) -> Attribution | None:
    """As colon_paragraph_cue, with the cue earlier in the sentence that ends with the colon: ``Cruz said there
    were two problems with it:``"""
    found = ctx.colon_paragraph_cue
    return ctx.article.from_cue(found.cue) if found is not None and not found.introduces else None


@sieve("colon-layout")
def colon_paragraph_subject(ctx: QuoteContext) -> Attribution | None:
    """As colon_paragraph_cue, with no cue: the name before the colon (``Stated Stone:``, ``Here's Clinton in
    1992:``), else the subject of the sentence ending with it (``Cruz called them on it:``)."""
    if ctx.colon_paragraph is None:
        return None
    prev_start, prev_end = ctx.colon_paragraph
    colon = prev_end - 1
    mention = subject_before(ctx.text, prev_start, colon)
    if not isinstance(mention, Mention):
        sentence_start, _ = ctx.layout.sentence(colon)
        mention = clause_subject(ctx.text, sentence_start, colon)
    return ctx.article.from_mention(mention) if isinstance(mention, Mention) else None


@sieve("continuation")
def continuation(ctx: QuoteContext) -> Attribution | None:
    """A quote with no cue of its own after an attributed one, in the same paragraph or opening the next (past
    page furniture), takes its attribution, unless a cue came between them: ``"…," said Ivo Marsh.`` then a
    paragraph ``"We had an hour to leave."``"""
    if ctx.previous is None:
        return None
    prev_span, prev = ctx.previous
    span, furniture = ctx.span, ctx.layout.furniture
    follows = span.paragraph == prev_span.paragraph or (
        ctx.open_mark == ctx.para_start and all(furniture[i] for i in range(prev_span.paragraph + 1, span.paragraph))
    )
    candidate = ctx.paragraph_cue
    if follows and (candidate is None or candidate.start < prev_span.end or _in_attribution(ctx, prev_span, candidate)):
        return Attribution(prev.mention, prev.entity, prev.speaker, prev.speaker_type, prev.cue)
    return None


def _in_attribution(ctx: QuoteContext, prev_span: QuoteSpan, cue: Cue) -> bool:
    """The cue sits in the sentence that attributes the quote before, after its closing mark ('"…," says Ann Ray,
    a pollster who advised the mayor. "…"'): it describes that speaker, and starts no new attribution."""
    close = prev_span.close_mark
    return close is not None and ctx.text[prev_span.end - 1 : prev_span.end] not in ".!?" and (
        ctx.layout.sentence(close + 1) == ctx.layout.sentence(cue.start)
    ) and not (  # ('"…," Ebeling said, and her husband cut in. "…"': a clause of its own with another speaker)
        cue.mention is not None and cue.mention.start > close
        and _JOINED_CLAUSE.search(ctx.text, close + 1, cue.mention.start) is not None
    )


@sieve("paragraph-cue")
def paragraph_cue(ctx: QuoteContext) -> Attribution | None:
    """The last cue before the quote in its paragraph: ``She says people should choose. "It is their life."``"""
    cue = ctx.paragraph_cue
    return ctx.article.from_cue(cue) if cue is not None else None


@sieve("paragraph-subject")
def paragraph_subject(ctx: QuoteContext) -> Attribution | None:
    """The subject of an earlier sentence of the quote's paragraph, when no cue speaks for it: ``Ortiz visited
    the site on Monday. "We have never seen water this high."`` Not a fragment woven into a sentence of the
    writer's (``… For years there was talk of a "death trap" on the bend.``): its own sentence's subject did not claim it, so it is
    the writer's term or a scare quote far more often than the words of a person named a sentence before."""
    if ctx.open_mark <= ctx.para_start or ctx.lead and not ctx.lead.endswith(UTTERANCE_LEAD_END):
        return None
    lo = max(ctx.para_start, ctx.article.previous_close(ctx.open_mark))
    mention = clause_subject(ctx.text, lo, ctx.open_mark)
    return ctx.article.from_mention(mention) if mention is not None else None


@sieve("previous-subject")
def previous_subject(ctx: QuoteContext) -> Attribution | None:
    """A quote opening its paragraph after a paragraph of narrative: the subject of that paragraph's last sentence
    (``Clinton touted her record.`` then a paragraph ``"We need …"``)."""
    paragraph = ctx.span.paragraph
    if ctx.open_mark > ctx.para_start or paragraph == 0 or ctx.layout.furniture[paragraph - 1]:
        return None
    prev_start, prev_end = ctx.layout.paragraphs[paragraph - 1]
    if ctx.article.previous_close(ctx.open_mark) > prev_start:
        return None
    last_sentence, _ = ctx.layout.sentence(max(prev_start, prev_end - 1))
    mention = clause_subject(ctx.text, last_sentence, prev_end)
    return ctx.article.from_mention(mention) if mention is not None else None


SIEVES: tuple[Sieve, ...] = (
    transcript_turn,
    introducing_cue,
    trailing_cue,
    trailing_verb,
    leading_cue,
    cue_before_in_sentence,
    cue_after_in_sentence,
    colon_layout,
    leading_verb,
    colon_sentence_subject,
    dash_layout,
    sentence_subject,
    colon_paragraph_cue,
    colon_paragraph_sentence_cue,
    colon_paragraph_subject,
    continuation,
    paragraph_cue,
    paragraph_subject,
    previous_subject,
)
# The rule names of quoted words, in the order a rule first decides.
RULES: Final[tuple[str, ...]] = tuple(dict.fromkeys(s.rule for s in SIEVES))


def attribute(ctx: QuoteContext) -> Attribution | None:
    """The attribution of the first sieve that fires, named by its rule. None when no sieve fires: nothing ties
    the words to a speaker (a slogan, a sign, a title, a scare quote), and they are not returned."""
    for each in SIEVES:
        found = each.function(ctx)  # (not each(ctx): the mark's __call__ is plain Python, a frame per sieve tried)
        if found is not None:
            found.rule = each.rule
            return found
    return None


# ---- helpers ----------------------------------------------------------------------------------------------------


def _introduces(gap: str) -> bool:
    """Does _INTRODUCES take the whole gap between a cue and a quote? (A str test first: the pattern reads most of a
    long gap before it fails, and only a gap empty or ending on one of _INTRODUCES_ENDINGS, white space aside, can
    match.)"""
    trimmed = gap.rstrip()
    return (not trimmed or trimmed.endswith(_INTRODUCES_ENDINGS)) and _INTRODUCES.fullmatch(gap) is not None


def _touches(text: str, after: int, mention_start: int, is_name: bool) -> bool:
    """Between a closing mark and its attribution: punctuation, and before a name a few premodifying words
    ("former congressman Dan Maffei", "his wife, Gabriela Lazar,")."""
    punctuation = _ADJACENT.match(text, after, mention_start)
    assert punctuation is not None  # (the pattern matches the empty string)
    if punctuation.end() == mention_start:
        return True
    if not is_name or mention_start - punctuation.end() > PREMODIFIER_GAP:
        return False
    gap = text[punctuation.end() : mention_start]
    if _NOT_PREMODIFIER.search(gap):
        return False
    return len(_GAP_WORD.findall(gap)) <= PREMODIFIER_WORDS


def _new_sentence_after(ctx: QuoteContext, cue: Cue) -> bool:
    """A fragment that ends its sentence ('… a "fighter." He says they …'): the cue after it starts a new
    sentence with its own content, so it does not attribute the fragment."""
    text = ctx.text
    if not ctx.ends_sentence:
        return False
    if ctx.lead and not ctx.lead.endswith(UTTERANCE_LEAD_END):
        return True  # a fragment closing the writer's sentence
    # A whole utterance: '"…." Smith said.' attributes it; '"…." He said he …' (a report of its own) and
    # '"…." He added, "…"' (the next quote's cue) do not.
    tail = max(cue.end, cue.mention.end if cue.mention is not None else cue.end)
    rest = _REST_OF_CLAUSE.match(text, tail)
    assert rest is not None  # (the pattern matches the empty string)
    if cue.lemma not in OBJECT_VERBS and _CLAUSE_AFTER.match(text, tail):
        return True  # '"…." Reid said both Rubio and Cruz are …': said has content of its own
    return bool(_CONTENT_AFTER.match(text, tail) or _INTRODUCES_NEXT.match(text, rest.end(1)))


def _relayed(ctx: QuoteContext, cue: Cue) -> Attribution | None:
    """'"…," the judge said, according to the Post.': the words reach the reader through the Post, which is
    the source the attribution rests on."""
    article = ctx.article
    tail = max(cue.end, cue.mention.end if cue.subject_after and cue.mention is not None else cue.end)
    relay = article.cue_at_or_after(tail)
    if relay is not None:
        relays = relay.lemma == "according to" or relay.lemma.startswith("report")
        if relay.mention is not None and relay.subject_after and relays and (
            _RELAY_GAP.fullmatch(ctx.text, tail, relay.start)
        ):
            return article.from_cue(relay)
    return None


def _agent_after(ctx: QuoteContext) -> Mention | None:
    """The agent of a passive named after the quoted words: ``Her comments were described as "irresponsible" and
    "outrageous" by the Islamic Human Rights Commission``."""
    if ctx.span.close_mark is None:
        return None
    # (str tests first: the patterns are tried from every position of the lead, and most leads hold no quote mark,
    # which each of _QUOTED's matches opens with, nor end in what _PASSIVE_BEFORE ends with)
    lead = _QUOTED.sub("", ctx.lead) if '"' in ctx.lead or "“" in ctx.lead else ctx.lead
    if not lead.rstrip().endswith(_PASSIVE_BEFORE_ENDS) or not _PASSIVE_BEFORE.search(lead):
        return None
    agent = _AGENT_AFTER.match(ctx.text, ctx.span.close_mark + 1, ctx.sentence[1])
    return mention_after(ctx.text, agent.end(), ctx.sentence[1]) if agent is not None else None


def _agent_or_antecedent(text: str, lo: int, open_mark: int) -> Mention | None:
    """Who acts on a fragment when the sentence's subject does not: the agent of a passive ("The bank was
    criticised by the ombudsman for "…"") or the person a relative clause is about ("Ortiz clashed with
    Brandt, who in 2012 called the tax "…"")."""
    passive = None
    for passive in _PASSIVE_AGENT.finditer(text, lo, open_mark):
        pass
    if passive is not None and _SET_OFF_RELATIVE.search(text, lo, passive.start()) and (
        "," in text[passive.end() : open_mark]
    ):
        passive = None  # "accused the panel, which is chosen by the party, of bias": an aside about the panel
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
