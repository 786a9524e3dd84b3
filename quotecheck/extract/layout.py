"""Paragraphs, sentences and page furniture of a text, indexed once so later stages look things up by bisect."""

from __future__ import annotations

from bisect import bisect_right

import regex

from quotecheck.extract.lexicons import BOILERPLATE

MAX_SENTENCE = 1000  # characters; longer "sentences" are cut to this much around a position
_LINE = regex.compile(r"[^\n\r\u2028\u2029]+")
# A sentence ends at . ! ? (optionally followed by closing marks) then space and something that can open one.
_SENTENCE_END = regex.compile(r"[.!?]+[\"”’»')\]]*\s+(?=[\"“‘«']|[(\[]?[\p{Lu}\p{N}])")
_ABBREVIATION = regex.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|St|Jr|Sr|Prof|Rev|Inc|Co|Corp|Ltd|No|vs|Jan|Feb|"
    r"Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Pres|Sens|Reps|Del|Ft|Mt|[\p{Lu}])|\b(?:\p{L}\.){1,3}\p{L})\.$"
)
_WORD = regex.compile(r"\w+")
_TERMINAL = regex.compile(r"[.!?:;\"”’»)]\s*$")
_BOILERPLATE = regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(p) for p in BOILERPLATE) + r")(?!\w)", regex.I)
_QUOTE_MARK = regex.compile(r"[\"“”„«»]")


class Layout:
    """Where paragraphs and sentences start and end, and which paragraphs are page furniture."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs: list[tuple[int, int]] = []
        self.furniture: list[bool] = []
        for match in _LINE.finditer(text):
            start, end = match.span()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                self.paragraphs.append((start, end))
                self.furniture.append(self._is_furniture(start, end))
        self._para_starts = [start for start, _ in self.paragraphs]
        self.sentence_starts: list[int] = []
        for start, end in self.paragraphs:
            self.sentence_starts.append(start)
            for match in _SENTENCE_END.finditer(text, start, end):
                head = text[max(start, match.start() - 12) : match.start() + 1]
                if _ABBREVIATION.search(head):
                    continue
                self.sentence_starts.append(match.end())

    def _is_furniture(self, start: int, end: int) -> bool:
        """Subscription prompts, sub-headings and bylines: short lines, or short lines naming a page action."""
        if end - start > 400:
            return False
        words = len(_WORD.findall(self.text, start, end))
        if words <= 25 and _BOILERPLATE.search(self.text, start, end):
            return True
        # A sub-heading: a few words, no closing punctuation, no quote marks.
        return words <= 10 and not _TERMINAL.search(self.text, start, end) and not _QUOTE_MARK.search(
            self.text, start, end
        )

    def paragraph_index(self, pos: int) -> int:
        """Index of the paragraph containing (or last starting before) ``pos``; -1 before the first."""
        return bisect_right(self._para_starts, pos) - 1

    def paragraph(self, pos: int) -> tuple[int, int]:
        index = self.paragraph_index(pos)
        if index < 0:
            return (0, 0)
        return self.paragraphs[index]

    def is_furniture(self, pos: int) -> bool:
        index = self.paragraph_index(pos)
        return index >= 0 and self.furniture[index] and pos < self.paragraphs[index][1]

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence containing ``pos``, bounded by its paragraph and by MAX_SENTENCE characters either side
        of ``pos`` (so no caller ever scans an unbounded stretch of a text without full stops)."""
        para_start, para_end = self.paragraph(pos)
        index = bisect_right(self.sentence_starts, pos) - 1
        start = max(self.sentence_starts[index], para_start) if index >= 0 else para_start
        end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else para_end
        end = min(end, para_end) if para_end > pos else end
        start, end = max(start, pos - MAX_SENTENCE), min(end, pos + MAX_SENTENCE)
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end
