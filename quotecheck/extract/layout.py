"""Paragraphs, sentences and page furniture of a text, indexed once so later stages look things up by bisect."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain
from string import ascii_letters
from typing import Final

import regex

from quotecheck.extract.lexicons import ABBREVIATED_TITLES, ABBREVIATIONS, BOILERPLATE, word_pattern

MAX_SENTENCE: Final = 1000  # characters; longer "sentences" are cut to this much around a position
# News prose has a quote or a speech verb every few hundred characters. More than _DENSE_COUNT of them in a
# paragraph, one per _DENSE_SPACING characters, is not prose (a run of marks, "he said that he said …", noise); and a
# text yields at most one per _BUDGET_SPACING characters. Skipping the rest keeps the time per character bounded.
_DENSE_COUNT: Final = 200
_DENSE_SPACING: Final = 40
_BUDGET_SPACING: Final = 100
FURNITURE_CHARS: Final = 400  # a line longer than this is never page furniture
HEADLINE_WORDS: Final = 20  # a first line of at most this many words, set off by a blank line, is the headline
BOILERPLATE_WORDS: Final = 25  # a line naming a page action ("Subscribe …") is furniture up to this many words
SUBHEADING_WORDS: Final = 10  # a line of at most this many words without closing punctuation is a sub-heading or byline
_LINE_BREAKS: Final = "\n\r\u2028\u2029"  # what ends a line (and a paragraph)
# A sentence ends at . ! ? (optionally followed by closing marks) then space and something that can open one: a
# quote mark, or a capital or digit (after an opening bracket or not). _sentence_end reads this in str tests.
_STOPS: Final = ".!?"
_CLOSING_AFTER_STOP: Final = "\"”’»')]"
_OPENING_MARKS: Final = "\"“‘«'"
_NOT_SPACE: Final = "\x1c\x1d\x1e\x1f"  # (str.isspace() is true for these separators, \s of the regex module is not)
_CAPITAL_OR_DIGIT: Final = regex.compile(r"[\p{Lu}\p{N}]")  # (tried on a character beyond ASCII only)
# A dot that does not end a sentence: after a title or another abbreviation (titles.txt, abbreviations.txt), an
# initial ("J.") or a run of initials ("U.S.").
_ABBREVIATION: Final = regex.compile(
    r"(?:\b(?:" + word_pattern((*ABBREVIATED_TITLES, *ABBREVIATIONS)) + r"|[\p{Lu}])|\b(?:\p{L}\.){1,3}\p{L})\.$"
)
_ABBREVIATION_REACH: Final = 12  # characters before a full stop read for an abbreviation
_ABBREVIATION_WORDS: Final = frozenset((*ABBREVIATED_TITLES, *ABBREVIATIONS))  # (each a run of ASCII letters)
_TERMINAL: Final = re.compile(r"[.!?:;\"”’'»)]$")
# Searched in the lower-cased line: a trie without IGNORECASE scans several times faster.
_BOILERPLATE: Final = re.compile(r"(?<!\w)(?:" + word_pattern(BOILERPLATE) + r")(?!\w)")
_QUOTE_MARK: Final = re.compile(r"[\"“”„«»]")


def bisect_right(positions: list[int], pos: int) -> int:
    """bisect.bisect_right(positions, pos) for a list of offsets: compiled, a search takes a third of the
    instructions of the C function, whose call and comparisons of Python ints cost more than the search itself
    (positions are looked up tens of thousands of times per text)."""
    lo, hi = 0, len(positions)
    while lo < hi:
        mid = (lo + hi) >> 1
        if pos < positions[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def bisect_left(positions: list[int], pos: int) -> int:
    """bisect.bisect_left(positions, pos) for a list of offsets (bisect_right says why)."""
    lo, hi = 0, len(positions)
    while lo < hi:
        mid = (lo + hi) >> 1
        if positions[mid] < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def char_positions(text: str, chars: str, start: int, end: int) -> Iterator[int]:
    """Where any of ``chars`` occurs in text[start:end], in order: str.find for each character reads a text many
    times faster than the regex module scans it for a class of characters."""
    following = [text.find(char, start, end) for char in chars]
    while True:
        at = index = -1
        for k, found in enumerate(following):  # (the nearest: a plain loop, no min() over a generator)
            if found >= 0 and (at < 0 or found < at):
                at, index = found, k
        if at < 0:
            return
        yield at
        following[index] = text.find(chars[index], at + 1, end)


def _lines(text: str) -> list[tuple[int, int]]:
    """Where each line that holds more than white space starts and ends, without the white space around it (split at
    the line breaks found by str.find, several times faster than a pattern's scan)."""
    lines = []
    start = 0
    for end in chain(char_positions(text, _LINE_BREAKS, 0, len(text)), (len(text),)):
        line = text[start:end]
        words = line.lstrip()
        if words:
            first = start + len(line) - len(words)
            lines.append((first, first + len(words.rstrip())))
        start = end + 1
    return lines


def _last_word_start(text: str, dot: int) -> int:
    """Where _ABBREVIATION may start matching before the full stop at ``dot``: _ABBREVIATION_REACH characters back at
    most, and not before a space (what it matches is a run of letters and dots)."""
    reach = max(0, dot - _ABBREVIATION_REACH)
    return max(reach, text.rfind(" ", reach, dot) + 1)


def _may_abbreviate(text: str, lo: int, dot: int) -> bool:
    """Could _ABBREVIATION match in text[lo:dot + 1]? Only where the run of ASCII letters before the full stop is a
    listed abbreviation, or the character before it is a capital (or not ASCII), or a dot comes before that one
    ("U.S."). Most full stops end a sentence on a lower-case word, which these str tests rule out at a tenth of the
    cost of the pattern."""
    last = text[dot - 1 : dot]
    if not last.isascii() or last.isupper() or text[dot - 2 : dot - 1] == ".":
        return True
    word = text[lo:dot]
    return word[len(word.rstrip(ascii_letters)) :] in _ABBREVIATION_WORDS


def _sentence_end(text: str, at: int) -> int:
    r"""Where the sentence ended by the . ! or ? at ``at`` is followed by the next one (past the stops, closing marks
    and white space after it), or -1 when it is not: the pattern
    ``[.!?]+["”’»')\]]*\s+(?=["“‘«']|[(\[]?[\p{Lu}\p{N}])`` tested with str methods, which cost a tenth of a
    match of the regex module (about 2% of extract() went to those matches)."""
    length = len(text)
    pos = at + 1
    while pos < length and text[pos] in _STOPS:
        pos += 1
    while pos < length and text[pos] in _CLOSING_AFTER_STOP:
        pos += 1
    space = pos
    while pos < length and text[pos].isspace() and text[pos] not in _NOT_SPACE:
        pos += 1
    if pos == space or pos == length:
        return -1
    opener = text[pos]
    if opener in _OPENING_MARKS:
        return pos
    if opener in "([":
        opener = text[pos + 1 : pos + 2]
    if opener.isascii():
        return pos if opener.isupper() or opener.isdigit() else -1
    return pos if _CAPITAL_OR_DIGIT.match(opener) else -1


def _sentence_ends(text: str) -> list[tuple[int, int]]:
    """Where each sentence ends (its first . ! or ?) and the next one starts, by _sentence_end tried only at a
    . ! ? that does not continue a run of them. A try that fails fails from the rest of that run of marks too, so
    they are skipped (a run of a million dots stays linear)."""
    ends = []
    resume = 0
    for at in char_positions(text, _STOPS, 0, len(text)):
        if at < resume:
            continue
        end = _sentence_end(text, at)
        if end >= 0:
            ends.append((at, end))
            resume = end
        else:
            resume = at + 1
            while resume < len(text) and text[resume] in _STOPS:
                resume += 1
    return ends


def _names_page_action(lowered: str) -> bool:
    """A boilerplate phrase standing alone in the lower-cased line. (The str test first: few lines hold any of the
    phrases at all, and testing each costs a tenth of running the pattern over the line.)"""
    return any(phrase in lowered for phrase in BOILERPLATE) and _BOILERPLATE.search(lowered) is not None


class Layout:
    """Where paragraphs and sentences start and end, and which paragraphs are page furniture."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.budget = max(_DENSE_COUNT, len(text) // _BUDGET_SPACING)  # quotes, and cues, a text may yield
        self.paragraphs = _lines(text)
        self.furniture: list[bool] = [
            end - start <= FURNITURE_CHARS and self._is_furniture(text[start:end]) for start, end in self.paragraphs
        ]
        # The headline: a short first line set off by a blank line. It yields no quoted words (its quote marks are
        # scare quotes and snippets whose speaker it does not give), but "Clinton says she …" is a report.
        self.headline = bool(
            len(self.paragraphs) > 1
            and len(text[self.paragraphs[0][0] : self.paragraphs[0][1]].split()) <= HEADLINE_WORDS
            and text.count("\n", self.paragraphs[0][1], self.paragraphs[1][0]) >= 2
        )
        if self.headline:
            self.furniture[0] = True
        self._para_starts = [start for start, _ in self.paragraphs]
        starts = set(self._para_starts)
        for dot, next_start in _sentence_ends(text):
            # (_ABBREVIATION ends in a full stop, not ! or ?)
            lo = _last_word_start(text, dot)
            if text[dot] != "." or not (
                _may_abbreviate(text, lo, dot)
                and _ABBREVIATION.search(text, lo, dot + 1, concurrent=False)  # (holding the GIL: mentions.tokens)
            ):
                starts.add(next_start)
        self.sentence_starts: list[int] = sorted(starts)
        # The paragraph of each sentence, and so of every position in it: each paragraph start is a sentence start.
        self._sentence_paragraphs = [bisect_right(self._para_starts, start) - 1 for start in self.sentence_starts]
        self._sentences: dict[tuple[int, bool], tuple[int, int]] = {}

    @staticmethod
    def too_dense(count: int, length: int) -> bool:
        """Are ``count`` quotes or cues in ``length`` characters of one paragraph too many to be prose?"""
        return count > _DENSE_COUNT and count * _DENSE_SPACING > length

    @staticmethod
    def _is_furniture(line: str) -> bool:
        """Subscription prompts, sub-headings and bylines: short lines naming a page action, or a few words with
        no closing punctuation and no quote marks."""
        # More words than either limit below (most lines, prose), told without splitting: in a stripped line with no
        # two spaces together, each space parts two words. (The count first: it rules out the scan for two spaces on
        # most short lines.)
        spaces = line.count(" ")
        if spaces >= BOILERPLATE_WORDS and "  " not in line:
            return False
        if line.isprintable() and "  " not in line:
            words = spaces + 1  # (likewise, where single spaces are the only white space: no words split off)
        else:
            words = len(line.split(None, BOILERPLATE_WORDS))  # (counted only as far as the larger limit below)
        if words <= BOILERPLATE_WORDS and _names_page_action(line.lower()):
            return True
        return words <= SUBHEADING_WORDS and not _TERMINAL.search(line) and not _QUOTE_MARK.search(line)

    def paragraph_index(self, pos: int) -> int:
        """Index of the paragraph containing (or last starting before) ``pos``; -1 before the first."""
        return bisect_right(self._para_starts, pos) - 1

    def paragraph(self, pos: int) -> tuple[int, int]:
        index = bisect_right(self._para_starts, pos) - 1  # (paragraph_index, inlined: this runs very often)
        if index < 0:
            return (0, 0)
        return self.paragraphs[index]

    def in_headline(self, pos: int) -> bool:
        return self.headline and self.paragraphs[0][0] <= pos < self.paragraphs[0][1]

    def is_furniture(self, pos: int) -> bool:
        index = bisect_right(self._para_starts, pos) - 1
        return index >= 0 and self.furniture[index] and pos < self.paragraphs[index][1]

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence containing ``pos``, bounded by its paragraph and by MAX_SENTENCE characters either side
        of ``pos`` (so no caller ever scans an unbounded stretch of a text without full stops). Remembered per
        sentence: the cues, the sieves and reported speech ask for the same sentences again and again."""
        index = bisect_right(self.sentence_starts, pos) - 1
        para = self._sentence_paragraphs[index] if index >= 0 else -1
        para_start, para_end = self.paragraphs[para] if para >= 0 else (0, 0)
        key = (index, para_end > pos)
        bounds = self._sentences.get(key)  # asked for again and again by cues, mentions and attribution
        if bounds is None:
            start = max(self.sentence_starts[index], para_start) if index >= 0 else para_start
            end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else para_end
            end = min(end, para_end) if para_end > pos else end
            bounds = self._sentences[key] = (start, self._strip_end(start, end))
        start, end = bounds
        if pos - MAX_SENTENCE > start or pos + MAX_SENTENCE < end:
            start, end = max(start, pos - MAX_SENTENCE), self._strip_end(start, min(end, pos + MAX_SENTENCE))
        return start, end

    def _strip_end(self, start: int, end: int) -> int:
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return end
