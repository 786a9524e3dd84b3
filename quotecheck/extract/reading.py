"""The text as the extractor reads it: a copy of the same length, so every offset into it is an offset into the
original, with two plain-text conventions undone that the later stages need not know about.

* Hard wraps. Plain-text archives, wire feeds and e-mail newsletters break the lines of a paragraph at a fixed
  width and start a new paragraph with a blank line or an indented first line. A line break inside a paragraph
  is read as a space, so a paragraph is one line, as in the rest of the extractor's input.
* Typewriter quote marks. The NYT archive writes every double quotation mark as two apostrophes (``''We will,''
  he said``), LaTeX and the Penn Treebank open with two backticks (````We will,'' he said``). A pair of them is
  read as ``"`` padded with a space on its outer side, so the quoted words keep their offsets."""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

MAX_WRAP_WIDTH: Final = 100  # columns: a text with a longer line is not hard-wrapped (wraps are at 60 to 80 columns)
# Line breaks that fall inside a sentence a text must have to be read as hard-wrapped: a text of one line per
# paragraph has none.
MIN_BREAKS_IN_SENTENCE: Final = 1
# A list item keeps its own line: a bullet, or a number or letter with a dot or bracket, then a space.
_LIST_ITEM: Final = re.compile(r"[ \t]*(?:[-*•·▪‣◦]|\d{1,3}[.)]|\(\w{1,3}\))[ \t]")
_LONG_LINE: Final = re.compile(r"[^\n]{%d}" % (MAX_WRAP_WIDTH + 1))
_BLANK_LINE: Final = re.compile(r"\n[ \t\r]*\n")
_ENDS_SENTENCE: Final = re.compile(r"[.!?:;][\"”’'»)\]]*$")
# Typewriter marks: two apostrophes (three where a single mark touches them), or two backticks (always opening).
# longer runs are let go below (the simpler pattern scans several times faster)
_TYPEWRITER: Final = re.compile(r"''+|``+")
_OPENING, _CLOSING = ' "', '" '  # two marks read as one, padded with a space on the outer side
_BEFORE_OPEN: Final = frozenset(" \t\n\r\u00a0([{<—–-:/")


def reading_text(text: str) -> str:
    """``text`` with soft line breaks read as spaces and typewriter quote pairs as ``"``; the same length."""
    text = unwrap(text)
    return _typewriter_pairs(text) if "''" in text or "``" in text else text


def unwrap(text: str) -> str:
    """``text`` with every line break inside a hard-wrapped paragraph replaced by a space (same length).

    A text is hard-wrapped when no line is longer than MAX_WRAP_WIDTH and some line breaks fall inside a
    sentence: the next line opens in lower case, or the line is full (the next word would not have fit in the
    widest line) and ends no sentence. A line break where the next line opens in lower case never ends a
    paragraph. Otherwise a paragraph ends at a blank line, before a line indented deeper than the text's
    continuation lines or a list item, and after a short line (the next word would have fit) that ends a
    sentence, or any short line in a text that marks paragraphs neither by blank lines nor by indenting (a
    headline, a sub-heading)."""
    if "\n" not in text or _LONG_LINE.search(text):
        return text
    lines = text.split("\n")
    stripped = [line.rstrip() for line in lines]
    pairs = [i for i in range(len(lines) - 1) if stripped[i] and stripped[i + 1]]  # a line and the next
    if not pairs:
        return text
    indents = [len(line) - len(line.lstrip(" \t")) for line in stripped]
    width = max(map(len, stripped))
    # The indent of a paragraph's continuation lines: that of the lines opening in lower case.
    continuing = Counter(indents[i + 1] for i in pairs if stripped[i + 1].lstrip()[0].islower())
    base = continuing.most_common(1)[0][0] if continuing else min(indents[i + 1] for i in pairs)
    marked = bool(_BLANK_LINE.search(text.strip())) or any(indent > base for indent in indents)
    soft: list[int] = []  # lines whose line break is a space
    in_sentence = 0
    for i in pairs:
        line, after = stripped[i], stripped[i + 1]
        if indents[i + 1] > base:
            continue
        first = after.split(None, 1)[0]
        short = len(line) + 1 + len(first) <= width  # the next word would have fit
        ends_sentence = _ENDS_SENTENCE.search(line)
        if _LIST_ITEM.match(after) and (short or ends_sentence or _LIST_ITEM.match(line)):
            continue  # a list keeps its lines (but a dash wrapped to the start of a line is prose)
        if first[0].islower():
            in_sentence += 1
        elif short:
            if ends_sentence or not marked:
                continue  # the line was ended on purpose
        elif not ends_sentence:
            in_sentence += 1
        soft.append(i)
    if in_sentence < MIN_BREAKS_IN_SENTENCE:
        return text
    soft_set = set(soft)
    pieces = [
        line + "\n" if i not in soft_set else line[:-1] + "  " if line.endswith("\r") else line + " "
        for i, line in enumerate(lines[:-1])
    ]
    pieces.append(lines[-1])
    return "".join(pieces)


def _typewriter_pairs(text: str) -> str:
    """Pairs of typewriter marks on one line (a paragraph), read as ``"``; a lone pair of apostrophes (inches, a
    stray mark) stays. An opening mark left open reads as ``"`` when another opens after it in its paragraph, or
    when the next paragraph opens with one (a quote running on over paragraphs)."""
    edits: list[tuple[int, str]] = []  # (offset of two marks, what they read as), in text order
    pending: int | None = None  # offset of the open pair's two marks
    line_end = -1
    for match in _TYPEWRITER.finditer(text):
        start, end = match.span()
        if end - start > (2 if text[start] == "`" else 3):
            continue
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        if start > line_end:
            if pending is not None and text[line_end:start].isspace() and not after.isspace():
                edits.append((pending, _OPENING))
            pending = None
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
        if match.group() == "``" or before in _BEFORE_OPEN and not after.isspace():
            if pending is not None:
                edits.append((pending, _OPENING))  # quotes.py tells a run-on quote ("A. "B") from a stray mark
            pending = start
        elif pending is not None and not after.isalnum():
            edits += ((pending, _OPENING), (end - 2, _CLOSING))
            pending = None
    if not edits:
        return text
    pieces: list[str] = []
    done = 0
    for pos, reading in edits:
        pieces += (text[done:pos], reading)
        done = pos + 2
    pieces.append(text[done:])
    return "".join(pieces)
