"""The quote sheet as Markdown, grouped by article: a quote's words and its review below them.

A direct quote is a blockquote in quotation marks; a fragment is shown inside the writer's sentence with the
quoted words in bold; reported speech is labelled as paraphrase and never set as a quote."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import regex

from quotecheck.export.rows import ARTICLE_ONLY, InSentence, article_line, by_article, in_sentence, label
from quotecheck.export.rows import quoted_paragraphs, review_line, summary
from quotecheck.sanitize import printable, safe_url
from quotecheck.store.models import QuoteRecord

# Characters that could turn quoted text into markup (raw HTML, links, emphasis, code, headings).
_MARKDOWN_SPECIAL = regex.compile(r"([\\`*_\[\]<>#|])")


def render(
    records: Sequence[QuoteRecord],
    *,
    title: str | None = None,
    exported: str | None = None,
    sentences: Mapping[int, InSentence] | None = None,
) -> str:
    groups = by_article(records)
    lines = [f"# {_escape(_one_line(title or 'Quote sheet'))}", ""]
    lines += [summary(records, groups) + (f", exported {_escape(exported)}." if exported else "."), ""]
    for group in groups:
        heading, source = article_line(group)
        # folded to one line: a newline in a title or outlet would end the heading and start markup of its own
        lines += [f"## {_escape(_one_line(heading))}", ""]
        byline = " · ".join(part for part in (_escape(_one_line(source)), _link(group[0].url)) if part)
        if byline:
            lines += [byline, ""]
        for record in group:
            lines += _quote_block(record, (sentences or {}).get(record.id))
    return "\n".join(lines).rstrip("\n") + "\n"


def _words(record: QuoteRecord, sentence: InSentence | None) -> list[str]:
    if record.kind == "indirect":
        return [f"*Paraphrase:* {_escape(_one_line(record.text))}"]
    if record.kind == "partial":
        before, words, after = in_sentence(sentence or InSentence("“", record.text, "”"))
        return [f"*Fragment:* {_escape(before)}**{_escape(words)}**{_escape(after)}"]
    paragraphs = quoted_paragraphs(record.text)
    return [f"> {_escape(line)}" for line in paragraphs]


def _quote_block(record: QuoteRecord, sentence: InSentence | None) -> list[str]:
    quoted = _words(record, sentence)
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
    if reviewed := review_line(record):
        review.append(f"**Reviewed by:** {_escape(_one_line(reviewed))}")
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
