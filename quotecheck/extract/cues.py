"""Speech cues (said, told X, according to ...) found once per text, each with the speaker mention it rests on."""

from __future__ import annotations

import re
from bisect import insort
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from quotecheck.extract.entities import Entity
from quotecheck.extract.layout import Layout, bisect_left
from quotecheck.extract.lexicons import (
    CONJUNCTIONS, CUE_PHRASES, QUOTE_ONLY_VERBS, RAISING_VERBS, SPEECH_SETTINGS, SPEECH_VERBS, word_pattern,
)
from quotecheck.extract.mentions import (
    Coordinated,
    Mention,
    clause_subject,
    mention_after,
    starts_predicate,
    subject_before,
)
from quotecheck.extract.quotes import NOT_SPEECH_WINDOW, QuoteSpan, not_speech_marker

BEFORE_CUE: Final = 12  # characters before a cue read for a determiner ("his remarks") or "was" ("he was saying")
# characters before the subject of an absolute participle read for "with" ("with Sen. John …")
ABSOLUTE_LEAD: Final = 40
COMMA_BEFORE: Final = 3  # characters before a participle read for the comma that makes it share its clause's subject
# characters before a cue read for the comma or closing mark after which its subject may follow
INVERTED_SLOT: Final = 4
# "Said Dorothy Poynter, who grew up with Ali, …": a capitalised form opens a sentence with the subject after it.
_SENTENCE_OPENER_WORDS: Final = ("Said", "Says", "Added", "Wrote", "Continued", "Explained", "Recalled")
_SENTENCE_OPENERS: Final = re.compile("(?:" + "|".join(_SENTENCE_OPENER_WORDS) + r")(?![\w'’-])")
# (a str test first: most sentences open on other letters)
_SENTENCE_OPENER_HEADS: Final = frozenset(word[:3] for word in _SENTENCE_OPENER_WORDS)
# Phrases in lower-case and capitalised forms and verbs, as one trie (which, like the list longest first that the
# phrases were, takes the longest phrase that fits, and a phrase over the verb it opens with): the stdlib engine
# keeps this scan at ~40 MB/s (a trie of each costs half as much again). A phrase holds a space, a verb never does.
_PHRASE_FORMS: Final = {*CUE_PHRASES, *(p.capitalize() for p in CUE_PHRASES)}
_CUE_WORDS: Final = r"(?P<cue>" + word_pattern({*_PHRASE_FORMS, *SPEECH_VERBS}).replace(r"\ ", r"\s+") + r")(?![\w'’-])"
# A cue is not inside a word: the character before it is no letter, digit, apostrophe or hyphen, but for the second
# of a double hyphen, a dash ('"Fine"--said Mr. Abernethy'). The patterns match that character, not a lookbehind, so
# the engine skips ahead to the next one: to the next space (most cues follow one) several times faster than to the
# next of any other such character. Those others as ranges of code points, tested faster than the class
# [^\w'’ ], the letters and digits beyond ASCII among them ruled out after.
_CUE_AFTER_SPACE: Final = re.compile(" " + _CUE_WORDS)
_CUE_AFTER_OTHER: Final = re.compile(r"[\x00-\x1f!-&(-/:-@\[-^`{-\U0010ffff](?<![\w’])(?<!(?<!-)-)" + _CUE_WORDS)
_CUE_AT_TEXT_START: Final = re.compile(_CUE_WORDS)  # (no character before it)
_ENDS_SUBJECT: Final = re.compile(
    r"\s*(?:[,.;:!?)(—–]|$|(?:on|in|at|during|last|this|when|as|after|of|to|for|with|who|which|whose|that)\b|[A-Z][a-z]+day\b"
    r"|and\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*[,.;:!?]\s*)"  # '"…," said Rosa Diaz and Ben Cole.': the first
)
_PROGRESSIVE: Final = re.compile(r"\b(?:is|was|were|are|am|been|be|'s|’s|'re|’re)\s+(?:\w+ly\s+)?$")
# "with Sen. John McCain calling it", "with spokeswoman Lena Park saying": the phrase before an absolute participle
_ABSOLUTE_BEFORE: Final = re.compile(r"(?:\b(with|and)|[–—:]|\s-)\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,2}$")
_JUST_BEFORE: Final = re.compile(r"[\s,]*(?:(?:and|but)\s+)?(?:also\s+)?")
# "measures added by Republicans" is a passive; "said by telephone", "responded by calling" name the means
# a sentence opening on a poll, up to the comma before its findings ("In a September Post-ABC News poll, ")
_POLL_LEAD: Final = re.compile(r"In\s+(?P<poll>(?:a|an|the)\s+[^,.;:\"“”]{0,60}?\b(?:poll|survey)\b[^,.;:\"“”]{0,40}?),\s+")
# a share of the people asked: "31% of Republicans", "just 8 percent of Democrats", "75 percent"
_SHARE: Final = re.compile(r"(?:[A-Za-z]+\s+){0,2}?\d[\d.,]*\s*(?:%|percent\b|per\s+cent\b)")
_PASSIVE_BY: Final = re.compile(r"\s+by\b(?:\s+(?P<next>[\w-]+))?")
# "his remarks were", "the prime minister's reported position", '"…," came shouts from the crowd': the cue word is
# a noun or an adjective there
_NOUN_BEFORE: Final = re.compile(
    r"(?:\b(?:the|a|an|his|her|their|its|my|our|your|this|these|those|came|come|comes)|\w(?<!\bhe)(?<!\bshe)(?<!\bit)(?<!\bthat)"
    r"(?<!\bwho)(?<!\bthere)['’]s)\s+$", re.I,  # (but "he’s predicted" is a verb)
)
# What the word before a cue that _NOUN_BEFORE matches ends in (tested on its lower-cased end first: most end in none)
_NOUN_ENDINGS: Final = ("the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "this", "these", "those",
                        "came", "come", "comes", "'s")
_NOUN_REACH: Final = max(map(len, _NOUN_ENDINGS))
_AFTER_PHRASE_SUBJECT: Final = frozenset(("according to",))
# "referencing a super PAC called Future45", "joined a group called Save Our Park": "called" after an indefinite
# noun phrase that is the object of a word before it names that thing
_NAMED_BEFORE: Final = re.compile(r"(?<![\w'’-])([\w'’-]+)\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+\s+$", re.I)
NAMED_REACH: Final = 40  # characters before "called" read for that noun phrase
_NAME_AFTER: Final = re.compile(r"\s+[\"“‘'A-Z0-9]")  # the name right after it, or its opening mark
# "…, per the Commerce Department.": "per" is "according to" when a comma sets it off before a source (not "per
# cent", "per year", "$5 per share").
_PER: Final = re.compile(r",\s+(per)\s+(?=(?:the|a|an|his|her|their|its)\s|[A-Z])")
# "according to figures published by the agency", "according to an account she gave to the Beacon": the source is
# the agent, or whoever gave the account (not the outlet it was given to)
_PUBLISHED_BY: Final = re.compile(
    r"\s+(?:[\w-]+\s+){1,3}(?:published|released|compiled|issued|collected|gathered|provided|obtained)\s+by\s+"
    r"|\s+(?:an?|the|his|her|their)\s+(?:account|interview|statement|testimony)\s+(?:that\s+)?(?=\w+\s+gave\b)"
)
# "appeared to say", "went on to warn", "were more likely to say": the speaker is the subject of the word before "to"
_RAISING_BEFORE: Final = re.compile(r"(?<![\w'’-])(?:" + word_pattern(RAISING_VERBS) + r")(?:\s+on)?\s+to\s+$", re.I)
# "is warning", "were (slightly more) likely to say": a form of "be" before a progressive or a raising adjective
_BE_BEFORE: Final = re.compile(r"(?:(?<![\w'’-])(?:is|are|was|were|am|be|been|being)|(?<=\w)['’](?:s|re))\s+(?:(?:\w+ly|not|also|still|now|more|less)\s+)*$")
CHAIN_REACH: Final = 40  # characters before a cue read for its verb chain ("were slightly more likely to")
_AUXILIARY_AFTER: Final = re.compile(r"\s+(?:had|has|have|was|were|is|are|will|would|could|should|can|may|might)\b")
_AUXILIARY_INITIALS: Final = "hwiacsm"
_UTTERANCE_END: Final = frozenset(",.;:!?…—–-")
_INVERTED_AFTER: Final = (",", "”", "“", '"', "»", "«", "'", "’", "?", "!")
_DASHES: Final = ("—", "–", "-", "―")
_CLOSING_MARKS: Final = ("”", '"', "»", "'", "’", ",", "?", "!")
_DOUBLE_MARKS: Final = frozenset('"“”„«»')


@dataclass(slots=True, init=False)  # (__init__ written out to be compiled: mentions.Mention says why)
class Cue:
    start: int
    end: int
    word: str  # as written
    lemma: str
    mention: Mention | None
    subject_after: bool  # "according to X", "said Smith"
    entity: Entity | None  # filled by attribution

    def __init__(
        self,
        start: int,
        end: int,
        word: str,
        lemma: str,
        mention: Mention | None = None,
        subject_after: bool = False,
        entity: Entity | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.word = word
        self.lemma = lemma
        self.mention = mention
        self.subject_after = subject_after
        self.entity = entity

    @property
    def quote_only(self) -> bool:
        return self.lemma in QUOTE_ONLY_VERBS


def find_cues(text: str, layout: Layout, spans: list[QuoteSpan]) -> list[Cue]:
    """Every speech cue outside quoted words and page furniture, with its subject mention where one is found."""
    quoted_starts = [s.start for s in spans]
    cues: list[Cue] = []
    for match in _cue_matches(text, spans):
        start, end = match.span("cue")
        word = match.group("cue")
        index = bisect_left(quoted_starts, start + 1) - 1
        if index >= 0 and spans[index].start <= start < spans[index].end:
            continue
        if layout.is_furniture(start) and not layout.in_headline(start):
            continue
        phrase = None if word.isalpha() else word  # (each verb is a word of letters)
        if not phrase and _auxiliary_after(text, end):
            continue  # "demand had fallen", "claims were": a noun, the subject of the verb after it
        lemma = " ".join(phrase.lower().split()) if phrase else SPEECH_VERBS[word.lower()]
        if lemma == "continue" and text.startswith(" to ", end):
            continue  # "Rubio will continue to be …": going on, not speaking
        if word == "called" and _NAME_AFTER.match(text, end) and _names_a_thing(text, start):
            continue  # "a super PAC called Future45": a name given, not words spoken
        cues.append(Cue(start, end, word, lemma))
    for match in _PER.finditer(text) if "per" in text else ():  # (a str test first: many texts hold no "per")
        start = match.start(1)
        index = bisect_left(quoted_starts, start + 1) - 1
        if not (index >= 0 and spans[index].start <= start < spans[index].end) and not layout.is_furniture(start):
            insort(cues, Cue(start, match.end(1), match.group(1), "according to"), key=_start)
    for start in layout.sentence_starts:
        opener = _SENTENCE_OPENERS.match(text, start) if text[start : start + 3] in _SENTENCE_OPENER_HEADS else None
        if opener and not layout.is_furniture(start):
            insort(cues, Cue(start, opener.end(), opener.group(), SPEECH_VERBS[opener.group().lower()]), key=_start)
    cues = _without_dense_paragraphs(cues, layout)
    # Where the last quote before each cue closes: a subject is never read inside quoted words. A title woven into
    # the sentence ("Okoye, whose book 'The Cat' was written here, said") ends in no punctuation, or follows a word
    # that makes it one ('Amar, author of "Unwritten Constitution," put it'): read across it.
    closes = [
        (span.close_mark + 1) if span.close_mark is not None else span.end
        for span in spans
        if span.close_mark is None or text[span.end - 1 : span.end] in _UTTERANCE_END and (
            not_speech_marker(text[max(0, span.open_mark - NOT_SPEECH_WINDOW) : span.open_mark]) is None
        )
    ]
    for position, cue in enumerate(cues):
        index = bisect_left(closes, cue.start + 1) - 1
        after_quote = closes[index] if index >= 0 else 0
        _find_subject(text, layout, cue, cues, position, after_quote)
    return cues


def _stretches_to_scan(text: str, spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    """The (start, end) stretches of the text the cue scan reads: all of it but the words of each quote that has a
    double mark right before them and right after the part of them find_cues skips (up to the next quote's start).
    No cue word runs over such a mark, and the scan sees the text around a stretch, so reading up to one mark and
    on from the other finds the cues the whole text gives, without reading the fifth of it that is quoted."""
    stretches = []
    lo = 0
    for index, span in enumerate(spans):
        skipped_end = min(span.end, spans[index + 1].start) if index + 1 < len(spans) else span.end
        if text[span.start - 1 : span.start] in _DOUBLE_MARKS and text[skipped_end : skipped_end + 1] in _DOUBLE_MARKS:
            stretches.append((lo, span.start - 1))
            lo = skipped_end
    stretches.append((lo, len(text)))
    return stretches


def _cue_matches(text: str, spans: list[QuoteSpan]) -> Iterator[re.Match[str]]:
    """The cues, in order and none inside another, over the stretches of the text that _stretches_to_scan gives:
    what one scan for a cue after any character finds, from the scans after a space and after any other merged. (A
    match of one inside a phrase the other found is dropped: no cue starting inside a phrase runs on past its end,
    so the scan it came from goes on as one scan would.)"""
    for lo, hi in _stretches_to_scan(text, spans):
        last_end = max(0, lo - 1)  # (the patterns match the character before a cue too)
        if lo == 0:
            at_start = _CUE_AT_TEXT_START.match(text, 0, hi)
            if at_start is not None:
                yield at_start
                last_end = at_start.end()
        found = [*_CUE_AFTER_SPACE.finditer(text, last_end, hi), *_CUE_AFTER_OTHER.finditer(text, last_end, hi)]
        for match in sorted(found, key=_match_start):
            if match.start() >= last_end:
                yield match
                last_end = match.end()


def _auxiliary_after(text: str, end: int) -> bool:
    """Is the cue word ending at ``end`` followed by an auxiliary (_AUXILIARY_AFTER: "demand had fallen")? (Str tests
    first: most cue words are followed by a mark, or by a word opening on a letter no auxiliary opens on.)"""
    after = text[end : end + 2]
    if len(after) < 2 or not after[0].isspace() or not (after[1] in _AUXILIARY_INITIALS or after[1].isspace()):
        return False
    return _AUXILIARY_AFTER.match(text, end) is not None


def _match_start(match: re.Match[str]) -> int:
    return match.start()


def _names_a_thing(text: str, start: int) -> bool:
    """Is the "called" at ``start`` a naming participle ("a super PAC called Future45") rather than a speaker's
    verb ("A spokesman called Rubio …", "and a spokesman called Rubio …")?"""
    before = _NAMED_BEFORE.search(text, max(0, start - NAMED_REACH), start)
    return before is not None and before.group(1).lower() not in CONJUNCTIONS


def _start(cue: Cue) -> int:
    return cue.start


def _without_dense_paragraphs(cues: list[Cue], layout: Layout) -> list[Cue]:
    """Drop the cues of paragraphs with a speech verb every few characters ("he said that he said that …"):
    that is not prose, and skipping it keeps the work per character bounded."""
    counts: dict[int, int] = {}
    for cue in cues:
        index = layout.paragraph_index(cue.start)
        counts[index] = counts.get(index, 0) + 1
    dense = {
        index
        for index, count in counts.items()
        if layout.too_dense(count, layout.paragraphs[index][1] - layout.paragraphs[index][0])
    }
    if dense:
        cues = [cue for cue in cues if layout.paragraph_index(cue.start) not in dense]
    return cues[: layout.budget]


def _find_subject(text: str, layout: Layout, cue: Cue, cues: list[Cue], position: int, after_quote: int) -> None:
    sentence_start, sentence_end = layout.sentence(cue.start)
    subject_lo = max(sentence_start, after_quote)  # the subject right before a cue is never inside a quote
    if cue.lemma in _AFTER_PHRASE_SUBJECT:
        # "according to figures published by the agency": the agent of the data is the source
        agent = _PUBLISHED_BY.match(text, cue.end, sentence_end)
        cue.mention = mention_after(text, agent.end() if agent else cue.end, sentence_end)
        cue.subject_after = True
        return
    if _passive(text, cue.end) or _noun_before(text, cue.start):
        return  # "measures added by Republicans", "his remarks were": not a speech report
    # A participle ("…, saying", "a statement calling on") shares the subject of its clause, unless it is a
    # progressive tense ("he was saying").
    participle = cue.word.lower().endswith("ing") and not _PROGRESSIVE.search(
        text, max(sentence_start, cue.start - BEFORE_CUE), cue.start
    )
    subject = None if participle else subject_before(text, subject_lo, _verb_chain_start(text, subject_lo, cue))
    if participle and not text[max(sentence_start, cue.start - COMMA_BEFORE) : cue.start].rstrip().endswith(","):
        # "with Sen. John McCain calling it": the phrase right before an absolute participle is its subject
        before = subject_before(text, subject_lo, cue.start)
        if isinstance(before, Mention):
            lead = _ABSOLUTE_BEFORE.search(text, max(sentence_start, before.start - ABSOLUTE_LEAD), before.start)
            if lead and (lead.group(1) == "with" or before.kind in ("name", "pronoun")):
                cue.mention = before  # "– Ryan saying he was …", "and Trump calling it …"
                return
    if isinstance(subject, Coordinated) or participle:
        # The subject of the clause ("…, he laughed and said"), else of the sentence ("Lithuania has helped … and
        # said"); a cue right before with a subject of its own passes it on ("she said, noting that").
        previous = cues[position - 1] if position > 0 else None
        if previous is not None and previous.mention is not None and _JUST_BEFORE.fullmatch(
            text, previous.mention.end if previous.subject_after else previous.end, cue.start
        ):
            cue.mention = previous.mention
            cue.subject_after = previous.subject_after
            return
        comma = text.rfind(",", sentence_start, cue.start)
        after_aside = comma > sentence_start and not starts_predicate(text, comma + 1, cue.start)
        mention = clause_subject(text, comma + 1, cue.start) if after_aside else None
        cue.mention = mention or clause_subject(text, sentence_start, cue.start)
        return
    if cue.lemma == "reported" and text.startswith(", ", cue.start - 2):
        # '"…," said Kristen Day, a director of the group, reports USA Today.': a relay named after its verb
        relay = mention_after(text, cue.end, sentence_end)
        if relay is not None and _ENDS_SUBJECT.match(text, relay.end, sentence_end + 1):
            cue.mention, cue.subject_after = relay, True
            return
    if subject is None and _inverted_slot(text, sentence_start, cue.start) and not text.startswith(" that ", cue.end):
        # (", concluded that the Centre qualified": a clause follows, whose subject is not the speaker)
        mention = mention_after(text, cue.end, sentence_end)
        # "…," said Smith. / said Smith, a doctor -- but not "argued that democracies need"
        if mention is not None and (mention.role or _ENDS_SUBJECT.match(text, mention.end, sentence_end + 1)):
            cue.mention = mention
            cue.subject_after = True
            return
    cue.mention = _poll_of(text, sentence_start, subject) or subject


def _poll_of(text: str, sentence_start: int, subject: Mention | Coordinated | None) -> Mention | None:
    """'In a national CNN/ORC poll released Monday, 31% of Republicans said they were …': the share of the
    respondents speaks through the named poll the sentence opens on, which is the source."""
    # (a slice compared, not str.startswith(…, pos): compiled, it costs a tenth of the method call)
    if not isinstance(subject, Mention) or text[sentence_start : sentence_start + 3] != "In ":
        return None
    poll = _POLL_LEAD.match(text, sentence_start, subject.start)
    if poll is None or _SHARE.match(subject.name) is None or poll.group("poll").islower():
        return None  # (a poll named: "In the survey, 40 percent of farmers said" leaves the farmers speaking)
    return mention_after(text, poll.start("poll"), poll.end("poll"))


def _passive(text: str, pos: int) -> bool:
    """The cue ending at ``pos`` has its agent after "by" ("measures added by Republicans"), not the means of
    speaking ("said by telephone", "replied by email") or a gerund ("responded by calling …")."""
    after = pos
    while after < len(text) and text[after].isspace():
        after += 1
    # (a str test before the pattern: few cues are followed by "by")
    by = _PASSIVE_BY.match(text, pos) if after > pos and text[after : after + 2] == "by" else None
    if by is None:
        return False
    following = (by.group("next") or "").lower()
    return following not in SPEECH_SETTINGS and not following.endswith("ing")


def _noun_before(text: str, pos: int) -> bool:
    """Does a determiner or a possessive make the cue word at ``pos`` a noun ("his remarks", "the minister's reported
    position")? _NOUN_BEFORE is searched for from the last space before the word before the cue: what it matches
    holds none, and the pattern costs more the more positions it is tried from."""
    lo = max(0, pos - BEFORE_CUE)
    word_end = pos
    while word_end > lo and text[word_end - 1].isspace():
        word_end -= 1
    ending = text[max(lo, word_end - _NOUN_REACH) : word_end]
    # (an ending not in ASCII is left to the pattern: re.I folds more letters together than str.lower does)
    if word_end == pos or (ending.isascii() and not ending.lower().endswith(_NOUN_ENDINGS)):
        return False
    return _NOUN_BEFORE.search(text, max(lo, text.rfind(" ", lo, word_end) + 1), pos) is not None


def _verb_chain_start(text: str, lo: int, cue: Cue) -> int:
    """Where the verb chain ending in ``cue`` starts: "Donna Ray is warning", "Ames appeared to say", "Voters were
    more likely to say" have their subject before it. (A passive "was told" keeps its "was": no speaker there.)"""
    pos = cue.start
    window = max(lo, pos - CHAIN_REACH)
    # (cheap tests first: most cues are a plain "said")
    raising = pos - 3 >= window and text[pos - 3 : pos - 1] == "to" and _RAISING_BEFORE.search(text, window, pos)
    if raising:
        pos = raising.start()
    if raising or cue.word.endswith("ing"):
        be = _BE_BEFORE.search(text, window, pos)
        if be:
            pos = be.start()
    return pos


def _inverted_slot(text: str, sentence_start: int, pos: int) -> bool:
    """A cue right after a comma or a closing quote mark can take its subject after it ("..., said Smith")."""
    before = text[max(sentence_start, pos - INVERTED_SLOT) : pos].rstrip()
    if before.endswith(_DASHES):  # '"…" — said Smith', but not "Illarionov - an adviser - told a conference"
        return text[max(sentence_start, pos - 2 * INVERTED_SLOT) : pos].rstrip(" " + "".join(_DASHES)).endswith(
            _CLOSING_MARKS
        )
    return (not before and text[pos].isupper()) or before.endswith(_INVERTED_AFTER)
