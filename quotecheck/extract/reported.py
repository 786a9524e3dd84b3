"""Reported speech: the clause a speech cue reports, read off the cue's subject and sentence.

``Linkevicius told EUobserver on Friday that [governments … were looking …]`` (reported-forward), ``[The talks had
failed], Ana Kirk said.`` (reported-backward), ``[The US has denied visas …], according to a Buzzfeed report.``
(according-to). The clause runs from after the cue (past a listener, a time, an aside and ``that``) to the end of
the sentence or an earlier break; docs/attribution.md section 6 lists what it must look like."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import regex

from quotecheck.extract.cues import Cue
from quotecheck.extract.layout import Layout, bisect_left, bisect_right, char_positions
from quotecheck.extract.lexicons import (
    COMMON_VERBS,
    LISTENERS,
    OBJECT_VERBS,
    SPEECH_VERBS,
    TIME_LEADS,
    time_words,
    word_pattern,
)
from quotecheck.extract.mentions import Mention
from quotecheck.extract.quotes import QuoteSpan

# Rule names of reported speech, in the order docs/attribution.md lists them.
RULES: Final = ("reported-forward", "reported-backward", "according-to")

_QUOTES_LOOKED_AT: Final = 8  # quotes looked back over for one that overlaps a clause
RELATIVE_WINDOW: Final = 12  # characters before a cue read for "who", "which", "that" (a relative clause, not a report)
THAT_GAP: Final = 100  # characters between a cue and its "that" ("told reporters on Friday in Vilnius that")
TIME_ASIDE: Final = 30  # characters of a parenthesis after a time ("on Monday (local time)")
LISTENER_WORDS: Final = 6  # words between a told-type verb and its "that": a listener, not a clause of its own
MIN_CLAUSE_WORDS: Final = 3  # a reported clause has at least this many words ("it was fine")
MIN_CLAUSE_CHARS: Final = 8  # ... and characters
# characters after a backward attribution to the sentence end ("…, Smith said in a letter on …")
BACKWARD_TAIL: Final = 160
CHARS_PER_WORD: Final = 15  # characters read per word when looking for a clause's verb among its first words
SHORT_WORD: Final = 3  # letters: a word this short is not an -ed or -s verb form ("red", "bus", "has")
# "told reporters on Monday (local time) that", "said last week": a time between a cue and what was said
_TIMES: Final = [*(day.capitalize() for day in time_words("weekday")), *time_words("day", "period", "part")]
_TIME_ADJUNCT: Final = regex.compile(
    r"(?:\s*,)?\s+(?:(?:" + word_pattern(TIME_LEADS) + r")\s+)?(?:" + word_pattern(_TIMES)
    + r")(?:\s+(?:" + word_pattern(time_words("part")) + r"))?(?:\s*\([^()]{1," + str(TIME_ASIDE) + r"}\))?"
)
_TIME_ADJUNCT_OPENERS: Final = tuple(sorted({*TIME_LEADS, *_TIMES}))  # the words _TIME_ADJUNCT's first word opens with
# The first word of what may stand between a cue and its "that" without being a clause of its own: a preposition,
# a time, an adverb, an opening parenthesis ("told reporters on Friday that", "said repeatedly that").
_ASIDE_OPENERS: Final = (
    frozenset("on in at during after before to through via ( recently repeatedly previously again publicly privately "
              "also then as when while".split())
    | TIME_LEADS
    | time_words("weekday", "day")
)
_SKIP_TO_THAT: Final = regex.compile(r"[^.!?;:\"“”„«»]{0," + str(THAT_GAP) + r"}?\bthat\b\s+", regex.I)
_OBJECT: Final = regex.compile(
    r"\s+(?:" + word_pattern(LISTENERS) + "|"
    r"(?:the|a|an)\s+(?:[\p{Lu}][\p{L}\-]*\s*){1,5}|(?:[\p{Lu}][\p{L}\-.]*\s*){1,5})(?=\s)"
    r"|\s+[\p{L}\-’']+(?:\s+[\p{L}\-’']+){0,3}(?=\s*:)"  # any short listener before a colon: "told members:"
    # a common noun phrase, up to a comma or the start of a clause: "told a cheering crowd, …", "told the paper it"
    r"|\s+(?:the|a|an|his|her|their|its|our)\s+(?:[\p{L}\-]+\s+){0,3}?[\p{L}\-]+"
    r"(?=\s*,|\s+(?:that|he|she|they|it|we|I|there|the|a|an)\s)",
)
# Where a reported clause ends before the sentence does: a semicolon, a dash, a contrast or a gloss (", which"), a
# participle with content of its own (", adding …") or another attribution (", he said").
CLAUSE_BREAK: Final = regex.compile(
    r";|\s[—–]\s|,\s+(?:but|while|even\s+though|though|although|whereas|which)\s|,\s+(?:and\s+)?(?:saying|adding|noting|arguing|"
    r"insisting|explaining|telling|warning|citing|according)\b"
    r"|,\s+(?:he|she|they|it)\s+(?:\p{Ll}+ly\s+)?(?:" + word_pattern(SPEECH_VERBS) + r")\b"  # ", he clarified that"
    r"|,\s+and\s+(?:then\s+)?\p{Ll}{3,}ed\b"  # ", and questioned why …": the speaker's next act, not the report
)
_DASHES: Final = "—–"
_BREAK_CHARACTERS: Final = ";," + _DASHES  # each CLAUSE_BREAK holds one, first or right after its first character
WORD: Final = regex.compile(r"[\p{L}\p{N}]+")
_ADJUNCT_START: Final = regex.compile(
    r"(?:not\s+to|in|on|at|during|after|before|last|earlier|later|about|of|to|with|from)\s"
    r"|for\s+(?:the\s+)?(?-i:\p{Lu})"  # "reports for the Tribune": works for, not says
    r"|(?:as|when|while|until)\s+(?:he|she|they|I|we|it)\s",  # "said as he entered the hall": when, not what
    regex.I,
)
_CLAUSE_START: Final = regex.compile(
    r"(?:he|she|they|it|we|I|you|there|this|that|these|those|the|a|an|his|her|their|its|our|no|all|some|many|most|"
    r"only|both|every|each|any|one|two|\d)\b",
    regex.I,
)
PARTICIPLE_START: Final = regex.compile(r"\p{Ll}+ing\b")
# "said the fund had raised $2 million, cementing its lead": the writer's comment on the report, not part of it
_PARTICIPLE_TAIL: Final = regex.compile(r",\s+(?!including\b|according\b)\p{Ll}+ing\b")
# "said that would cost jobs": "that" is the clause's subject when a verb follows it
_DEMONSTRATIVE_THAT: Final = regex.compile(r"\s+that\s+$", regex.I)
_AUXILIARY_START: Final = regex.compile(r"(?:would|will|could|can|might|may|should|must|is|was|has|had)(?:n['’]t)?\b")
# "the editor who wrote", "a rule which says": not reports; "Barkley, who said he …" (a person, set off) is one.
_RELATIVE_BEFORE: Final = regex.compile(r"(?:(?<!,\s*)\bwho|\b(?:which|that|having))\s+(?:\w+\s+)?$", regex.I)
_SUBORDINATOR: Final = r"(?:when|while|as|if|although|though|because|since|after|before|once|unless|whereas)\s"
# A cue inside an opening subordinate clause: "When Trump suggested that …, the crowd cheered", "…, and when he said"
_SUBORDINATE_LEAD: Final = regex.compile(r"\s*(?:(?:and|but)\s+)?" + _SUBORDINATOR, regex.I)
# A backward report's words that are only an opening subordinate clause: "Though he trails, Sanders promised …"
_SUBORDINATE_OPENING: Final = regex.compile(_SUBORDINATOR + r"|(?:now\s+that|rather\s+than)\s", regex.I)
SUBORDINATE_REACH: Final = 80  # characters before a cue's subject read for the subordinator that opens its clause
_TRAILING_JOINER: Final = regex.compile(r"(?:[\s,;]|\band\b|\bbut\b|\balso\b)+$")
# what a clause ending in a _TRAILING_JOINER ends with, but space
_JOINER_ENDS: Final = (",", ";", "and", "but", "also")
_CONJUNCTION: Final = regex.compile(r"(?:but|and|or|then)\b", regex.I)
# its words' first letters (no other letter matches one, ignoring case)
_CONJUNCTION_INITIALS: Final = frozenset("baot")
_DETERMINER_END: Final = regex.compile(r"(?<=\s)(?:the|a|an)\s*$", regex.I)
_DETERMINERS: Final = ("the", "a", "an")
# What may follow a backward attribution (but a listener of "told"): the sentence's end, a comma, a time, a place or
# a manner ("…, she said in a statement on Monday", "…, Smith said, adding …")
_ATTRIBUTION_TAIL: Final = regex.compile(
    r"\s*(?:$|[,.;:!?)\]—–-]|(?:in|on|at|during|after|before|to|with|from|via|through|last|this|earlier|later|when|"
    r"while|as|by|of|for|yesterday|today|tonight|again|too|also|then|here|there|privately|publicly)\b|\p{Ll}+ly\b"
    r"|\p{Lu})"  # (a capital: a day or a listener, "…, Kennedy wrote Linick")
)
_CONTENT_IN_TAIL: Final = regex.compile(r"\bthat\b|[\"“”„«»:]")
_CONTENT_MARKS: Final = '"“”„«»:'
_NOT_SPACE: Final = "\x1c\x1d\x1e\x1f"  # (white space to str.isspace, not to \s of the regex module)
_SUBJECT_GAP: Final = 30  # characters between a subject and its verb: adverbs, a time, a parenthesis
_THAT_BEFORE: Final = regex.compile(r"\bthat\s*$", regex.I)
_SUBJECT_PRONOUNS: Final = frozenset("i you he she it we they".split())
_FINITE_WORDS: Final = 10  # a clause shows its verb within its first words
_CLAUSE_WORD: Final = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)*")
_CONTRACTED_VERB: Final = regex.compile(r"n't$|'(?:ll|re|ve|d|m)$|^(?:it|he|she|that|there|what|who|here)'s$", regex.I)


@dataclass(slots=True)
class Report:
    """A reported clause text[start:end], the cue that reports it and the rule that read it."""

    start: int
    end: int
    cue: Cue
    rule: str


def find_reports(text: str, layout: Layout, spans: list[QuoteSpan], cues: list[Cue]) -> list[Report]:
    """The reported clause of every cue that has one and a subject, outermost first where one report holds
    another (``…has denied visas…, according to a report``: the reporting inside is content)."""
    return _Reader(text, layout, spans, cues).reports()


class _Reader:
    def __init__(self, text: str, layout: Layout, spans: list[QuoteSpan], cues: list[Cue]) -> None:
        self.text = text
        self.layout = layout
        self.spans = spans
        self.cues = cues
        self.cue_starts = [c.start for c in cues]
        self._open_marks = [s.open_mark for s in spans]
        # (each clause is searched only for the _BREAK_CHARACTERS the text holds)
        self.break_characters = "".join(char for char in _BREAK_CHARACTERS if char in text)

    def reports(self) -> list[Report]:
        found = []
        for cue in self.cues:
            mention = cue.mention
            if mention is None or cue.quote_only:
                continue
            according_to = cue.lemma == "according to"
            span = self._forward(cue, mention) if not cue.subject_after or according_to else None
            rule = "reported-forward"
            if span is None:
                span = self._backward(cue, mention)
                rule = "reported-backward"
            if span is None or self._overlaps_quote(*span):
                continue
            found.append(Report(*span, cue, "according-to" if according_to else rule))
        # Reporting inside reported content is content ("…has denied visas…, according to a report").
        found.sort(key=lambda report: (report.start, -report.end))
        kept = []
        outer = None
        for report in found:
            if outer is not None and report.end <= outer.end and outer.start <= report.cue.start < outer.end:
                continue
            kept.append(report)
            if outer is None or report.end > outer.end:
                outer = report
        return kept

    def _overlaps_quote(self, start: int, end: int) -> bool:
        lo = bisect_right(self._open_marks, end)
        for i in range(lo - 1, max(-1, lo - 1 - _QUOTES_LOOKED_AT), -1):
            span = self.spans[i]
            if span.end + 1 < start:
                return False
            if span.open_mark < end and (span.close_mark or span.end) >= start:
                return True
        return False
    def _forward(self, cue: Cue, mention: Mention) -> tuple[int, int] | None:
        text = self.text
        sentence_start, sentence_end = self.layout.sentence(cue.start)
        pos = cue.end
        object_skipped = False
        relative_lo = max(sentence_start, cue.start - RELATIVE_WINDOW)
        if _may_hold(text[relative_lo : cue.start], ("who", "which", "that", "having")) and _RELATIVE_BEFORE.search(
            text, relative_lo, cue.start
        ):
            return None  # "the editor who wrote the profile": a restrictive relative clause, not a report
        if text[pos : pos + 5] == " off ":  # (a slice: compiled, it costs a tenth of str.startswith(…, pos))
            return None  # "has written off efforts", "called off the vote": a phrasal verb, not speech
        if cue.lemma == "according to":
            if cue.start != sentence_start:
                return None
            comma = text.find(",", mention.end, sentence_end)
            if comma < 0:
                return None
            pos = comma + 1
        else:
            # (a str test first: most cues have no "that" within reach, and the pattern is tried from every position)
            reach = text[pos : min(sentence_end, pos + THAT_GAP + len("that"))]
            that = _SKIP_TO_THAT.match(text, pos, sentence_end) if _may_hold(reach, ("that",)) else None
            if that and self._skippable(text[pos : that.end()], cue) and not self._cue_within(pos, that.end()):
                pos = that.end()
            else:
                if cue.lemma in OBJECT_VERBS:
                    obj = _OBJECT.match(text, pos, sentence_end)
                    if obj:
                        pos = obj.end()
                        object_skipped = True
                time = _time_adjunct(text, pos, sentence_end)
                if time:
                    pos = time.end()
                pos = _after_that(text, pos, sentence_end)
        while pos < sentence_end and text[pos] in " :,\u00a0":
            pos += 1
        if (text[pos : pos + 1].lower() in _CONJUNCTION_INITIALS and _CONJUNCTION.match(text, pos, sentence_end)) or (
            self._cue_within(pos, pos + 1)
        ):
            return None  # "said, but added ..." / "said, noting ...": the next cue carries the content
        end = sentence_end
        stop = _clause_break(text, self.break_characters, pos, end)
        if stop:
            end = stop.start()
        that_before = _THAT_BEFORE.search(text, cue.end, pos) if _may_hold(text[cue.end : pos], ("that",)) else None
        comma = text.find(",", pos, end)  # (where a _PARTICIPLE_TAIL may start, at the earliest)
        tail = _PARTICIPLE_TAIL.search(text, comma, end) if comma >= 0 and text.find("ing", comma, end) >= 0 else None
        if tail and not that_before and _reads_as_clause(text, pos, tail.start()):
            end = tail.start()
        index = bisect_left(self.cue_starts, pos)
        while index < len(self.cues) and self.cues[index].start < end:
            other = self.cues[index].mention
            if other is not None and (other.start, other.end) == (mention.start, mention.end):
                # "denied the report and said …": the next verb of the same subject has its own content
                end = self.cues[index].start
                break
            index += 1
        if text[mention.start : mention.end].lower() == "who" or self._in_subordinate_clause(mention, sentence_start):
            # "Reyes, who said he …, was", "While critics argue that …, the mayor": the clause ends at its comma
            comma = text.find(",", pos, end)
            end = comma if comma > 0 else end
        end = pos + len(_without_trailing_joiner(text[pos:end]))
        while end > pos and text[end - 1] in " .,:;!?\u00a0":
            end -= 1
        if pos >= end or not text[pos].isalnum() or not _has_words(text, pos, end, MIN_CLAUSE_WORDS):
            return None
        if object_skipped and not _CLAUSE_START.match(text, pos, end):
            return None  # "told Fox News host Sean Hannity earlier this month": still the listener
        if PARTICIPLE_START.match(text, pos, end) and "," in text[cue.end : pos]:
            return None  # "Trump said, referring to Cruz" (but "said drilling had found …" is a clause)
        if not that_before and _ADJUNCT_START.match(text, pos, end):
            return None  # "wrote in December": an adjunct, not what was said (but "said that in 2010, …" is)
        if not that_before and not _reads_as_clause(text, pos, end):
            return None  # "never mentioned Trump by name": a noun phrase object, not a clause
        if _opens_with_verb(text, pos, end):
            if not (that_before and _DEMONSTRATIVE_THAT.fullmatch(text, cue.end, pos) and (
                _AUXILIARY_START.match(text, pos, end)
            )):
                return None  # "the book she wrote that helped …", "how a candidate responds can be": no subject
            pos = that_before.start()  # "he said that would cost jobs": "that" is the subject
        return pos, end

    def _in_subordinate_clause(self, mention: Mention, sentence_start: int) -> bool:
        """The cue's clause opens with a subordinator: "When Trump suggested that …, the crowd cheered"."""
        lo = max(sentence_start, mention.start - SUBORDINATE_REACH)
        clause = max(self.text.rfind(",", lo, mention.start), self.text.rfind(";", lo, mention.start)) + 1
        if clause == 0 and lo > sentence_start:
            return False
        return bool(_SUBORDINATE_LEAD.match(self.text, clause or sentence_start, mention.start))

    def _cue_within(self, start: int, end: int) -> bool:
        index = bisect_left(self.cue_starts, start)
        return index < len(self.cues) and self.cues[index].start < end

    @staticmethod
    def _skippable(gap: str, cue: Cue) -> bool:
        """Between a cue and its "that": an object, a time or place, or an aside; not another clause."""
        body = gap.rsplit("that", 1)[0] if "that" in gap else gap
        body = body.strip()
        if not body or body.startswith(","):
            return True
        first = body.split()[0].lower()
        if first in _ASIDE_OPENERS:
            return True
        return cue.lemma in OBJECT_VERBS and len(body.split()) <= LISTENER_WORDS

    def _backward(self, cue: Cue, mention: Mention) -> tuple[int, int] | None:
        """"…, Smith said." / "…, said Smith." / "…, according to X.": the clause before the attribution (``cue``
        has a mention)."""
        text = self.text
        sentence_start, sentence_end = self.layout.sentence(cue.start)
        head = min(cue.start, mention.start)
        tail = text[max(cue.end, mention.end) : sentence_end]
        if len(tail) > BACKWARD_TAIL or _may_show_content(tail) and _CONTENT_IN_TAIL.search(tail):
            return None  # the cue has content of its own ("said that …", "told members: '…'")
        if not cue.subject_after and cue.start - mention.end > _SUBJECT_GAP:
            return None  # "he stood with them and urged …": a coordinated verb, not an attribution after a clause
        if text[mention.start : mention.end].lower() in ("who", "which"):
            return None  # "…, who added to her lead": what precedes a relative pronoun is its antecedent
        if not (cue.subject_after or cue.lemma in OBJECT_VERBS) and not _ATTRIBUTION_TAIL.match(
            text, cue.end, sentence_end
        ):
            return None  # "…, Clinton maintains a commanding lead": the verb has an object, it attributes nothing
        lead = text[sentence_start:head].rstrip()
        if lead[-3:].lower().endswith(_DETERMINERS):  # (a str test first: the pattern is tried from every position)
            lead = _DETERMINER_END.sub("", text[sentence_start:head]).rstrip()  # "…, the Guardian reported"
        if not lead:
            return None
        if lead.endswith(","):
            end = sentence_start + len(lead) - 1
        elif lead.endswith(("”", '"')):
            end = sentence_start + len(lead)
        else:
            return None
        start = sentence_start
        while start < end and text[start] in " \u00a0":
            start += 1
        if end - start < MIN_CLAUSE_CHARS or not _has_words(text, start, end, MIN_CLAUSE_WORDS):
            return None
        if not _reads_as_clause(text, start, end):
            return None  # "In a later interview, she joked": a fronted phrase, not what was said
        if _SUBORDINATE_OPENING.match(text, start, end) and "," not in text[start:end]:
            return None  # "Though he trails in the polls, Sanders promised …": a subordinate clause, not what was said
        return start, end


def _time_adjunct(text: str, pos: int, end: int) -> regex.Match[str] | None:
    """_TIME_ADJUNCT matched at ``pos`` ("said last week"). (A str test first: the pattern is tried after most cues,
    and few of them are followed by a word that opens with one of its words.)"""
    first = pos
    while first < end and (text[first].isspace() or text[first] == ","):
        first += 1
    if not text.startswith(_TIME_ADJUNCT_OPENERS, first, end):
        return None
    return _TIME_ADJUNCT.match(text, pos, end)


def _may_hold(window: str, words: tuple[str, ...]) -> bool:
    """Could a pattern that ignores case find one of ``words`` (ASCII, in lower case) in ``window``? Only where the
    lower-cased window holds one, or one with an i or an s where the window has a letter beyond ASCII ("İ" and "ſ"
    match those too). (A str test before the pattern: most windows hold none.)"""
    lowered = window.lower()
    return any(word in lowered or (not window.isascii() and ("i" in word or "s" in word)) for word in words)


def _after_that(text: str, pos: int, end: int) -> int:
    """Past the white space, comma and "that" (any case, with the white space after it) at ``pos``, as the pattern
    ``\s*,?\s*(?:that\s+)?`` (ignoring case) would match them: read with str tests, at a tenth of its cost."""
    pos = _after_space(text, pos, end)
    if pos < end and text[pos] == ",":
        pos = _after_space(text, pos + 1, end)
    if text[pos : min(pos + 4, end)].lower() == "that":
        past = _after_space(text, pos + 4, end)
        if past > pos + 4:
            return past
    return pos


def _after_space(text: str, pos: int, end: int) -> int:
    """Past the white space at ``pos`` (\s of the regex module, which leaves out four separators that str.isspace
    takes)."""
    while pos < end and text[pos].isspace() and text[pos] not in _NOT_SPACE:
        pos += 1
    return pos


def _may_show_content(tail: str) -> bool:
    """Could _CONTENT_IN_TAIL find something in ``tail``? Only if it holds "that" or one of its marks (str tests:
    most tails hold none, and the pattern is tried from every position)."""
    return "that" in tail or any(mark in tail for mark in _CONTENT_MARKS)


def _without_trailing_joiner(clause: str) -> str:
    """The clause without the spaces, commas and joining words ("and", "but", "also") it ends in. (A str test
    first: most clauses end in a letter or a full stop, and the pattern, anchored at the end, is tried from every
    position of the clause.)"""
    if clause[-1:].isspace() or clause.endswith(_JOINER_ENDS):
        return _TRAILING_JOINER.sub("", clause)
    return clause


def _clause_break(text: str, break_characters: str, start: int, end: int) -> regex.Match[str] | None:
    """The first CLAUSE_BREAK in text[start:end], tried only where one can start: at each of its characters (those of
    _BREAK_CHARACTERS the text holds, ``break_characters``) but a dash, and at the character before a dash. Most
    reported clauses hold few of them, and the pattern costs far more, searched for from every position, than a str
    search for each character."""
    for at in char_positions(text, break_characters, start, end):
        found = CLAUSE_BREAK.match(text, at - 1 if at > start and text[at] in _DASHES else at, end)
        if found is not None:
            return found
    return None


def first_words(pattern: regex.Pattern[str], text: str, start: int, end: int, count: int) -> list[str]:
    """The first ``count`` words ``pattern`` (WORD, _CLAUSE_WORD: letters and digits, never a space) finds in
    text[start:end], read up to there only (a clause may run on for long). Like mentions.tokens, between spaces: a
    piece of ASCII letters and digits, maybe with one mark after it ("said,"), is a word; the pattern reads the
    rest."""
    words: list[str] = []
    pos = start
    while pos < end and len(words) < count:
        space = text.find(" ", pos, end)
        piece_end = space if space >= 0 else end
        piece = text[pos:piece_end]
        if piece.isascii() and piece.isalnum():
            words.append(piece)
        elif piece.isascii() and piece[:-1].isalnum():
            words.append(piece[:-1])
        elif piece:  # (holding the GIL: mentions.tokens)
            words += [word.group() for word in pattern.finditer(text, pos, piece_end, concurrent=False)]
        pos = piece_end + 1
    return words[:count]


def _has_words(text: str, start: int, end: int, count: int) -> bool:
    """text[start:end] has at least ``count`` words."""
    return len(first_words(WORD, text, start, end, count)) == count


def _reads_as_clause(text: str, start: int, end: int) -> bool:
    """Without "that", a reported clause must have a finite verb among its first words ("said the talks had
    failed"); a noun phrase object ("mentioned the need for a wall") has none."""
    window = min(end, start + CHARS_PER_WORD * _FINITE_WORDS)  # enough characters for the first words
    written = first_words(_CLAUSE_WORD, text, start, window, _FINITE_WORDS)
    words = [w.lower().replace("’", "'") for w in written]
    if words and (_contracted_verb(words[0]) or words[0] in _SUBJECT_PRONOUNS):
        return True  # "it's", "they'll", "they prefer": a subject pronoun opens a clause
    # A capitalised word inside the clause is a name ("in May"), a word after a number a noun ("150,000 jobs").
    return any(
        not written[k][0].isupper() and (word in COMMON_VERBS or _finite(word) and not words[k - 1][0].isdigit())
        for k, word in enumerate(words) if k
    )


def _opens_with_verb(text: str, start: int, end: int) -> bool:
    """A clause opening with a verb has no subject of its own: "that" was a relative pronoun, or the cue word was
    not a speech verb at all. (-s forms are left out: "officials are …" opens with a plural noun.)"""
    first = _CLAUSE_WORD.match(text, start, end)
    if first is None:
        return False
    word = first.group()
    return word.islower() and (word in COMMON_VERBS or len(word) > SHORT_WORD and word.endswith("ed"))


def _contracted_verb(word: str) -> bool:
    """A contracted verb: "didn't", "they'll", "it's" (``word`` in lower case, its apostrophes straight). (A str
    test first: most words have no apostrophe, which every contraction has.)"""
    return "'" in word and _CONTRACTED_VERB.search(word) is not None


def _finite(word: str) -> bool:
    """By form: an auxiliary, an irregular past, a contraction, an -ed or -s form."""
    if word.endswith("'s"):
        return _contracted_verb(word)  # "it's", but not "father's"
    if word in COMMON_VERBS or _contracted_verb(word):
        return True
    return len(word) > SHORT_WORD and (word.endswith("ed") or word.endswith("s") and not word.endswith("ss"))  # not -ness


