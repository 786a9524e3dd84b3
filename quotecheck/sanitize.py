"""Make untrusted article text safe to print on a terminal."""

from __future__ import annotations

import regex

# C0/C1 controls (except tab and newline), DEL, and bidi overrides that can disguise text.
_UNSAFE = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str, *, one_line: bool = False) -> str:
    """``text`` without control characters or escape sequences (ESC is dropped, so ``\\x1b[31m`` prints inert).

    With ``one_line``, newlines and tabs become spaces (for table cells)."""
    cleaned = _UNSAFE.sub("", text)
    if one_line:
        cleaned = regex.sub(r"\s+", " ", cleaned).strip()
    return cleaned
