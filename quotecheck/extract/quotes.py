"""Spans of quoted words: every quote-mark style, mismatched straight/curly pairs, nesting, multi-paragraph quotes.

Marks are paired paragraph by paragraph. A run of adjacent marks is one token, so a megabyte of quote marks is a
handful of tokens, and each token is classified as opening or closing from the characters around it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Final

import regex

from quotecheck.extract.layout import Layout, char_positions
from quotecheck.extract.lexicons import NAMING_VERBS, NOT_SPEECH_MARKERS, word_pattern

_DOUBLE: Final = regex.compile(r"[\"“”„«»]+")
_SINGLE_OR_STRAIGHT: Final = regex.compile(r"(?<!')'(?!')|[‘’]")  # not two apostrophes ('' is a typewriter double mark)
_STRAIGHT_OPENER: Final = regex.compile(r"(?<![\p{L}\p{N}'])'(?=\p{L})")  # a straight single mark opening a quote
_DOUBLE_MARKS: Final = "\"“”„«»"
_SENTENCE_END: Final = regex.compile(r"[.!?][’']?\s*$")
_OPENERS: Final = "“„«"
_CLOSERS: Final = "”»"
# Characters after which a mark opens a quote (start of text, space, bracket, dash, colon).
_BEFORE_OPEN: Final = set(" \t\n\r\u00a0([{<—–-:/")
_LETTER_OR_DIGIT: Final = regex.compile(r"[\p{L}\p{N}]")
NOT_SPEECH_WINDOW: Final = 25  # characters before the opening mark read for "so-called", "dubbed", "the film"
# "so-called", "the film", and such a marker with its verb: "the club's motto was", "the headline read" (the
# markers as a trie: twice as fast as a list of alternatives)
_NOT_SPEECH: Final = regex.compile(
    r"\b(?P<marker>" + word_pattern(NOT_SPEECH_MARKERS) + r")(?:\s+(?:is|was|reads|read))?[\s,:]*$",
    regex.I,
)
# "called the show "…"": a naming verb before the marker makes the quoted words the speaker's name for it
_NAMING_BEFORE_MARKER: Final = regex.compile(r"\b(?:" + word_pattern(NAMING_VERBS) + r")\s+$", regex.I)
# The markers of _NOT_SPEECH by their last character, and its verbs, for the str test before it (_ends_in_marker);
# and the letters beyond ASCII that regex.I matches ASCII letters with ("İ", "ſ" and the Kelvin sign), which that
# test leaves to the pattern
_MARKERS_ENDING_IN: Final = {
    last: tuple(marker.lower() for marker in NOT_SPEECH_MARKERS if marker.lower().endswith(last))
    for last in {marker[-1].lower() for marker in NOT_SPEECH_MARKERS}
}
_MARKER_VERBS: Final = ("is", "was", "reads", "read")
_FOLDED_INTO_ASCII: Final = "\u0130\u017f\u212a"
# quote marks examined per quote a text may yield (Layout.budget): the rest of a run is noise
MARKS_PER_QUOTE: Final = 4


# (never changed once made, but not declared frozen, and __init__ written out to be compiled: mentions.Mention says why)
@dataclass(slots=True, init=False, unsafe_hash=True)
class QuoteSpan:
    """Words between a pair of marks. ``open_mark``/``close_mark`` are the mark offsets (close_mark is None when the
    quote runs to the end of its paragraph, or to the next opening mark); ``continued`` says the next paragraph (or
    the quote opening after it) carries on the same quote."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    paragraph: int
    continued: bool
    continuation: bool  # this quote carries on one left open in the previous paragraph or before it
    label: tuple[int, int] | None  # a transcript turn: where its speaker's label is ("ANCHOR", "Q")

    def __init__(
        self,
        start: int,
        end: int,
        open_mark: int,
        close_mark: int | None,
        paragraph: int,
        continued: bool = False,
        continuation: bool = False,
        label: tuple[int, int] | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.open_mark = open_mark
        self.close_mark = close_mark
        self.paragraph = paragraph
        self.continued = continued
        self.continuation = continuation
        self.label = label


def _is_opening(text: str, start: int, end: int, para_start: int, para_end: int) -> bool | None:
    """True for an opening mark run, False for a closing one, None when the context does not say."""
    first, last = text[start], text[end - 1]
    before = text[start - 1] if start > para_start else " "
    after = text[end] if end < para_end else " "
    space_before = before in _BEFORE_OPEN
    # (a str test for a character in ASCII: the pattern's match costs ten times as much)
    letter_or_digit_after = after.isalnum() if after.isascii() else _LETTER_OR_DIGIT.match(after) is not None
    space_after = after.isspace() or not letter_or_digit_after and after not in "‘'(…[$£€#@"
    if space_before and not space_after:
        return True
    if space_after and not space_before:
        return False
    if first in _OPENERS and last in _OPENERS:
        return True
    if first in _CLOSERS and last in _CLOSERS:
        return False
    return None


def find_quotes(text: str, layout: Layout) -> list[QuoteSpan]:
    """Every quoted span in ``text`` outside page furniture, in order."""
    spans: list[QuoteSpan] = []
    previous_left_open = False
    budget = layout.budget  # however the marks are spread, the rest is noise
    marks = "".join(mark for mark in _DOUBLE_MARKS if mark in text)  # (each paragraph is searched for these only)
    for index, (para_start, para_end) in enumerate(layout.paragraphs):
        if len(spans) >= budget:
            break
        if layout.furniture[index]:
            previous_left_open = False
            continue
        found, left_open = _pair_paragraph(text, marks, index, para_start, para_end, MARKS_PER_QUOTE * budget)
        if found and layout.too_dense(len(found), found[-1].end - para_start):
            previous_left_open = False
            continue  # a quote every few characters is not prose (a run of marks, binary noise)
        if previous_left_open and found and found[0].open_mark == para_start:
            found[0] = replace(found[0], continuation=True)
        if left_open is not None:
            next_opens = index + 1 < len(layout.paragraphs) and _DOUBLE.match(text, layout.paragraphs[index + 1][0])
            found.append(_span(text, left_open, para_end, None, index, continued=bool(next_opens)))
            previous_left_open = bool(next_opens)
        else:
            previous_left_open = False
        spans.extend(span for span in found if span.end > span.start)
    straight = _single_marks_primary(text)
    if straight or "‘" in text or "’" in text:
        spans = _add_single_quoted(text, layout, spans, straight)
    spans = _add_turns(text, layout, spans)
    return spans[:budget]


# A transcript's turn: a paragraph that opens on a speaker's label in capitals, or Q or A ("ANCHOR: Will you …").
_TURN: Final = regex.compile(r"(?P<label>Q|A|\p{Lu}[\p{Lu}'’.\-]+(?: \p{Lu}[\p{Lu}'’.\-]+){0,3}):[ \t]+(?=\S)")
# What follows a label's first letter (a capital in ASCII, or one of these): most paragraphs open on a word in lower
# case after it, which rules a label out before the pattern is tried
_TURN_SECOND: Final = ":'.-"
TURNS_IN_A_TRANSCRIPT: Final = 2  # labelled paragraphs (of two labels at least) that make a text a transcript


def _add_turns(text: str, layout: Layout, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Each turn of an interview or transcript is a direct quote of its labelled speaker, when the text has two
    turns or more by two labels or more (so a lone "UPDATE:" or "WASHINGTON:" is no transcript). A turn holding
    quote marks of its own keeps those quotes instead."""
    turns = []
    for index, (start, end) in enumerate(layout.paragraphs):
        second = text[start + 1 : start + 2]
        if second.isascii() and not second.isupper() and second not in _TURN_SECOND:
            continue
        turn = _TURN.match(text, start, end)
        if turn is not None and not layout.furniture[index]:
            turns.append((index, turn))
    if len(turns) < TURNS_IN_A_TRANSCRIPT or len({turn.group("label") for _, turn in turns}) < 2:
        return spans
    quoted = {span.paragraph for span in spans}
    added = [
        QuoteSpan(turn.end(), layout.paragraphs[index][1], turn.end(), None, index, label=turn.span("label"))
        for index, turn in turns
        if index not in quoted and layout.paragraphs[index][1] > turn.end()
    ]
    return sorted(spans + added, key=lambda span: span.start) if added else spans


def _span(
    text: str, open_end: int, close_start: int, close_mark: int | None, paragraph: int, *, continued=False,
    continuation=False,
):
    start, end = open_end, close_start
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, open_end - 1, close_mark, paragraph, continued, continuation)


def _pair_paragraph(
    text: str, marks: str, index: int, para_start: int, para_end: int, most: int
) -> tuple[list[QuoteSpan], int | None]:
    """Pair the double-quote marks of one paragraph (looking at ``most`` mark runs at most; ``marks``: those of
    _DOUBLE_MARKS the text holds); returns the spans and the offset after an unclosed opener."""
    found: list[QuoteSpan] = []
    pending: int | None = None  # offset just after the pending opening run
    pending_char = ""
    run_on = False  # the pending quote carries on one left open before it
    outer: tuple[int, str, bool] | None = None  # a straight quote holding the pending curly one, or the reverse
    for count, (start, end) in enumerate(_double_runs(text, marks, para_start, para_end)):
        if count >= most:
            break
        opening = _is_opening(text, start, end, para_start, para_end)
        if end - start > 1 and pending is None and opening is None:
            continue  # a run like `""` between words: an empty quote
        if pending is None and start > para_start and text[start - 1] == "=":
            continue  # markup: author="name"
        if pending is None:
            if opening is not False:
                pending, pending_char = end, text[end - 1]
            continue
        # „…“ closes with the mark that opens elsewhere.
        closes = opening is not True or (pending_char == "„" and text[start] == "“")
        if closes and outer is not None:
            pending, pending_char, run_on = outer  # the words quoted inside are part of the outer quote
            outer = None
        elif closes:
            found.append(_span(text, pending, start, start, index, continuation=run_on))
            pending, run_on = None, False
            if end - start > 1 and opening is None:
                pending, pending_char = end, text[end - 1]
        elif _SENTENCE_END.search(text, pending, start):
            # An opener after an opener: paragraphs joined without closing the first quote ("A. "B," he said, as
            # British wire copy runs a quote on) when the words before it end a sentence
            found.append(_span(text, pending, start, None, index, continued=True, continuation=run_on))
            pending, pending_char, run_on = end, text[end - 1], True
        elif outer is None and (pending_char == '"') != (text[start] == '"'):
            # a quote inside a quote in the other style: "The department isn't about “equal justice” anymore.
            outer = (pending, pending_char, run_on)
            pending, pending_char, run_on = end, text[end - 1], False
        else:
            pending, pending_char, run_on = end, text[end - 1], False  # the first opener was stray
    if outer is not None:
        return found, outer[0]  # (its inner quote never closed: the outer one runs on over it)
    return found, pending


def _double_runs(text: str, marks: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The (start, end) of each run of double marks in text[start:end], in order, as _DOUBLE finds them (from the
    positions of ``marks``, those of _DOUBLE_MARKS the text holds, by str.find, which reads a paragraph many times
    faster than the pattern)."""
    run_start = run_end = -1
    for at in char_positions(text, marks, start, end):
        if at != run_end:
            if run_start >= 0:
                yield run_start, run_end
            run_start = at
        run_end = at + 1
    if run_start >= 0:
        yield run_start, run_end


def _single_marks_primary(text: str) -> bool:
    """Does the text quote mostly with single marks ('…', ‘…’) rather than "…" (typewriter ''…'' reads as "…" by
    now, reading.py)? Then straight single marks are its primary quotes; otherwise they nest inside double ones
    ("… 'wrong track' …") or mark a headline (US papers quote with single marks in headlines only)."""
    # (every ‘ opens; the pattern, slow to run over a whole text, only when it holds a straight mark)
    singles = text.count("‘") + (len(_STRAIGHT_OPENER.findall(text)) if "'" in text else 0)
    if singles == 0:
        return False
    # (the double marks counted only until they are twice as many: a text may hold thousands of them)
    doubles = 0
    for _ in char_positions(text, _DOUBLE_MARKS, 0, len(text)):
        doubles += 1
        if doubles >= 2 * singles:
            return False
    return True


def _add_single_quoted(text: str, layout: Layout, spans: list[QuoteSpan], straight: bool) -> list[QuoteSpan]:
    """‘…’ or '…' used as the primary marks (British style), outside any double-quoted span. Nested ‘…’ stays inside
    its outer quote, and "…" inside '…' stays inside it; an apostrophe (between letters) never closes."""
    covered = [(s.open_mark, s.close_mark if s.close_mark is not None else s.end) for s in spans]
    covered_index = 0
    added: list[QuoteSpan] = []
    pending: int | None = None
    pending_para = -1
    most = MARKS_PER_QUOTE * layout.budget
    for count, pos in enumerate(_single_marks(text, straight)):
        if count >= most:
            break
        while covered_index < len(covered) and covered[covered_index][1] < pos:
            covered_index += 1
        if covered_index < len(covered) and covered[covered_index][0] <= pos <= covered[covered_index][1]:
            continue
        para = layout.paragraph_index(pos)
        if para < 0 or layout.furniture[para]:
            continue
        para_start, para_end = layout.paragraphs[para]
        before = text[pos - 1] if pos > para_start else " "
        after = text[pos + 1] if pos + 1 < para_end else " "
        if pending is not None and pending_para != para:
            pending = None
        mark = text[pos]
        if mark == "‘" or mark == "'" and pending is None:
            # A straight mark opens only before a letter after a space: "'Nobody", not "rock 'n' roll", "don't".
            if before in _BEFORE_OPEN or mark == "‘" and not before.isalnum():
                if mark == "‘" or after.isalpha():
                    pending, pending_para = pos + 1, para
        elif pending is not None and not after.isalnum() and not before.isspace():
            span = _span(text, pending, pos, pos, para)
            if span.end > span.start:
                added.append(span)
            pending = None
    if not added:
        return spans
    return sorted(_outside(spans, added) + added, key=lambda s: s.start)


def _single_marks(text: str, straight: bool) -> Iterator[int]:
    """Where the single marks are, in order: ‘ and ’, and straight ones too when they are the primary marks. (The
    curly ones by str.find, a tenth of the pattern's cost per mark: most of them are apostrophes, dozens a text.)"""
    if straight:
        yield from (match.start() for match in _SINGLE_OR_STRAIGHT.finditer(text))
        return
    opening, closing = text.find("‘"), text.find("’")
    while opening >= 0 or closing >= 0:
        if closing < 0 or 0 <= opening < closing:
            yield opening
            opening = text.find("‘", opening + 1)
        else:
            yield closing
            closing = text.find("’", closing + 1)


def _outside(spans: list[QuoteSpan], added: list[QuoteSpan]) -> list[QuoteSpan]:
    """The spans not inside an added one: double marks inside single-quoted words are a quotation within the quote
    and stay part of it. Both lists are in text order, so one pass suffices."""
    kept: list[QuoteSpan] = []
    index = 0
    for span in spans:
        while index < len(added) and added[index].end < span.open_mark:
            index += 1
        if index < len(added) and added[index].open_mark < span.open_mark and span.end <= added[index].end:
            continue
        kept.append(span)
    return kept


def _ends_in_marker(words: str) -> bool:
    """Do ``words`` (in lower case, without the spaces, commas and colons after them) end in a not-speech marker, or
    in one and the verb after it ("the motto was")? Only then can _NOT_SPEECH match them."""
    if words.endswith(_MARKERS_ENDING_IN.get(words[-1:], ())):
        return True
    verb = next((verb for verb in _MARKER_VERBS if words.endswith(verb)), None)
    if verb is None:
        return False
    before_verb = words[: len(words) - len(verb)].rstrip()
    return before_verb.endswith(_MARKERS_ENDING_IN.get(before_verb[-1:], ()))


def not_speech_marker(before: str) -> int | None:
    """Where, in ``before`` (the NOT_SPEECH_WINDOW characters before an opening mark), a word starts that makes the
    quoted words a name, title or term rather than speech ("so-called", "the film", "author of"); None if none."""
    end = len(before)
    while end > 0 and (before[end - 1].isspace() or before[end - 1] in ",:"):
        end -= 1
    words = before[:end]
    # (a str test first, as most windows end in no marker; but one holding a letter that regex.I takes for an ASCII
    # letter, and str.lower does not, is left to the pattern)
    if not any(char in words for char in _FOLDED_INTO_ASCII) and not _ends_in_marker(words.lower()):
        return None
    marker = _NOT_SPEECH.search(before)
    if marker is None or marker.group("marker").split()[-1][0].isupper() and marker.start("marker") > 0 or (
        _NAMING_BEFORE_MARKER.search(before, 0, marker.start())
    ):
        return None  # (nor a name: "by Dr. Paul Song "was inappropriate"")
    return marker.start()
