"""Make untrusted article text safe to print on a terminal, and links safe to follow."""

from __future__ import annotations

from urllib.parse import urlsplit

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


def masked(text: str) -> str:
    """``text`` with each control character or escape replaced by U+FFFD: safe to show, and every offset into it
    still points where it did (the article view selects words by offset)."""
    return _UNSAFE.sub("\ufffd", text)


# The one rule for evidence links, wherever they are typed (CLI, app) or written (quote sheets).
EVIDENCE_URL_RULE = "the evidence link must be an http:// or https:// URL without spaces"


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) link, else ``None``: article metadata is untrusted (``javascript:`` links;
    line breaks or control characters that would break out of a Markdown link or act on a terminal)."""
    if not url:
        return None
    url = url.strip()
    if printable(url) != url or "\n" in url or "\t" in url:  # printable() keeps those two
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url
    return None


def valid_evidence_url(value: str) -> bool:
    """Empty (no link, or clearing it), or an http(s) link without spaces that the quote sheets show as a link."""
    return value == "" or (safe_url(value) == value and " " not in value)
