"""Primary sources (speech and interview transcripts, press releases) to plain text: .txt, .md, .html and
.srt/.vtt subtitles. A subtitle file becomes one line per cue, led by its start time in brackets (``[00:01:02]``),
which the aligner skips as a note and reports as the place a passage was said."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import regex

from quotecheck.read.decode import decode, require_text
from quotecheck.read.model import ReadError

SOURCE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".srt", ".vtt")
_TIMING = regex.compile(r"^\s*(\d{1,2}:)?(\d{2}):(\d{2})[.,]\d{3}\s*-->")
_CUE_TAG = regex.compile(r"<[^>\n]*>|\{\\[^}\n]*\}")  # <v Speaker>, <i>, <c.colour>, {\an8}


@dataclass(frozen=True, slots=True)
class SourceText:
    text: str
    title: str | None = None


def read_source(path: str | Path) -> SourceText:
    """The text of the primary source at ``path``; ReadError naming the file for anything unreadable."""
    path = Path(path)
    where = str(path)
    suffix = path.suffix.lower()
    if suffix not in SOURCE_SUFFIXES:
        raise ReadError(f"{where}: not a source quotecheck reads (use {', '.join(SOURCE_SUFFIXES)})")
    try:
        content = decode(path.read_bytes(), where)
    except IsADirectoryError:
        raise ReadError(f"{where}: is a directory") from None
    except OSError as error:
        raise ReadError(f"{where}: cannot read it ({error.strerror or error})") from None
    if suffix in (".srt", ".vtt"):
        return SourceText(subtitles_to_text(content, where))
    if suffix in (".md", ".markdown"):
        from quotecheck.read.markdown import markdown_to_text

        converted = markdown_to_text(content)
        return SourceText(require_text(converted.text, where), converted.metadata.get("title") or converted.title)
    if suffix in (".html", ".htm"):
        from quotecheck.read.html import html_to_article

        article = html_to_article(content, where)
        return SourceText(article.text, article.title)
    return SourceText(require_text(content, where))


def subtitles_to_text(content: str, where: str) -> str:
    """SubRip or WebVTT cues as ``[hh:mm:ss] words`` lines; cue numbers, settings, NOTE/STYLE blocks and tags
    dropped."""
    lines = []
    for block in regex.split(r"\n\s*\n", content):
        rows = [row for row in block.strip().split("\n") if row.strip()]
        timing = next((k for k, row in enumerate(rows) if _TIMING.match(row)), None)
        if timing is None:
            continue  # the WEBVTT header, NOTE, STYLE and REGION blocks
        match = _TIMING.match(rows[timing])
        hours = int(match.group(1)[:-1]) if match.group(1) else 0
        words = " ".join(_CUE_TAG.sub("", row).strip() for row in rows[timing + 1 :]).strip()
        if words:
            lines.append(f"[{hours:02d}:{match.group(2)}:{match.group(3)}] {words}")
    if not lines:
        raise ReadError(f"{where}: no subtitle cues found")
    return "\n".join(lines)
