"""Where a passage is in its source, in words a reviewer can look up: the cue time of a subtitle line, else the
line number."""

from __future__ import annotations

import regex

_CUE_TIME = regex.compile(r"\[(\d{2}:\d{2}:\d{2})\]")


def location(text: str, offset: int) -> str:
    line_start = text.rfind("\n", 0, offset) + 1
    cue = _CUE_TIME.match(text, line_start)
    if cue is not None:
        return cue.group(1)
    return f"line {text.count(chr(10), 0, offset) + 1}"
