"""The quote sheet as Markdown, grouped by article: a blockquote per quote and its review below it."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from quotecheck.export.rows import ARTICLE_ONLY, article_line, by_article, label, summary
from quotecheck.sanitize import printable, safe_url
from quotecheck.store.models import QuoteRecord

# Characters that could turn quoted text into markup (raw HTML, links, emphasis, code, headings).
_MARKDOWN_SPECIAL = regex.compile(r"([\\`*_\[\]<>#|])")


def render(records: Sequence[QuoteRecord], *, title: str | None = None) -> str:
    groups = by_article(records)
    lines = [f"# {_escape(_one_line(title or 'Quote sheet'))}", ""]
    lines += [summary(records, groups) + ".", ""]
    for group in groups:
        heading, source = article_line(group)
        # folded to one line: a newline in a title or outlet would end the heading and start markup of its own
        lines += [f"## {_escape(_one_line(heading))}", ""]
        byline = " · ".join(part for part in (_escape(_one_line(source)), _link(group[0].url)) if part)
        if byline:
            lines += [byline, ""]
        for record in group:
            lines += _quote_block(record)
    return "\n".join(lines).rstrip("\n") + "\n"


def _quote_block(record: QuoteRecord) -> list[str]:
    quoted = [f"> {_escape(line)}".rstrip() for line in printable(record.text).splitlines() or [""]]
    speaker = _escape(_one_line(record.speaker)) if record.speaker else "*unattributed*"
    if record.speaker_scope == "article":
        speaker += f" *({ARTICLE_ONLY})*"
    if record.co_speakers:
        speaker += " with " + ", ".join(_escape(_one_line(name)) for name in record.co_speakers)
    if record.role:
        speaker += f", {_escape(_one_line(record.role))}"
    review = [f"**Status:** {label(record.status)}"]
    if record.rating:
        review.append(f"**Rating:** {label(record.rating)}")
    if record.reviewer:
        review.append(f"**Reviewer:** {_escape(_one_line(record.reviewer))}")
    details = [
        f"- **Speaker:** {speaker}",
        f"- {' · '.join(review)}",
        f"- **Quote:** #{record.id}, {record.kind}",
    ]
    if record.note:
        details.append(f"- **Note:** {_escape(_one_line(record.note))}")
    evidence = _link(record.evidence_url)
    if evidence:
        details.append(f"- **Evidence:** {evidence}")
    return [*quoted, "", *details, ""]


def _one_line(text: str) -> str:
    return printable(text, one_line=True)


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", printable(text))


def _link(url: str | None) -> str:
    """An autolink for http(s) urls; nothing for anything else (an article's url is untrusted)."""
    url = safe_url(url)
    if url is None:
        return ""
    return "<" + url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E") + ">"
