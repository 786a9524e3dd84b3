"""The quote sheet as one self-contained, print-ready HTML page (inline CSS, no scripts, no external files).

Compact: each quote is its words and one line of metadata (speaker, verdict, who reviewed it when, note,
evidence). Words are set by kind: a direct quote in quotation marks; a fragment inside the writer's sentence with
the quoted words marked; reported speech labelled as paraphrase, never in quotation marks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from quotecheck.export.rows import ARTICLE_ONLY, InSentence, article_line, by_article, in_sentence, label
from quotecheck.export.rows import quoted_paragraphs, review_line, summary
from quotecheck.sanitize import printable, safe_url
from quotecheck.store.models import QuoteRecord

_STYLE = """
:root { --ink: #1b1b1b; --muted: #5f6368; --rule: #e3e3e3; --accent: #0b57d0; --mark: #fff1a8; }
* { box-sizing: border-box; }
body { margin: 1.5rem auto; max-width: 52rem; padding: 0 1rem; color: var(--ink);
       font: 15px/1.4 Georgia, "Times New Roman", serif; }
header { border-bottom: 2px solid var(--ink); margin-bottom: .75rem; }
h1 { margin: 0 0 .15rem; font-size: 1.6rem; }
h2 { margin: 1.1rem 0 .1rem; font-size: 1.15rem; }
h2 a { color: inherit; text-decoration: none; }
.summary, .source, .meta { color: var(--muted); font-family: Helvetica, Arial, sans-serif; font-size: .8rem; }
.summary { margin: 0 0 .5rem; }
.source { margin: 0 0 .3rem; overflow-wrap: anywhere; }
.quote { border-top: 1px solid var(--rule); padding: .3rem 0 .35rem; }
.words { margin: 0; }
.words p { margin: 0; }
blockquote.words { padding-left: .6rem; border-left: 3px solid var(--accent); }
.paraphrase, .fragment { padding-left: .6rem; border-left: 3px solid var(--rule); }
.kind { font: bold .7rem Helvetica, Arial, sans-serif; text-transform: uppercase; letter-spacing: .04em;
        color: var(--muted); margin-right: .35rem; }
mark { background: var(--mark); color: inherit; padding: 0 .1rem; }
.meta { margin: .1rem 0 0 .6rem; overflow-wrap: anywhere; }
.meta .speaker { color: var(--ink); font-weight: bold; }
.badge { padding: 0 .3rem; border: 1px solid currentColor; border-radius: .2rem; }
.status-verified .badge { color: #137333; }
.status-misquoted .badge, .status-misattributed .badge { color: #b3261e; }
.status-disputed .badge, .status-unverifiable .badge { color: #8a5a00; }
a { color: var(--accent); }
@media print {
  @page { margin: 14mm 14mm; }
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; }
  .quote { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }  /* each link shows its url as its text */
  mark { background: none; font-weight: bold; text-decoration: underline; }
  .badge { border: none; padding: 0; font-weight: bold; }
}
"""


def render(
    records: Sequence[QuoteRecord],
    *,
    title: str | None = None,
    exported: str | None = None,
    sentences: Mapping[int, InSentence] | None = None,
) -> str:
    """The page; ``exported`` (a date and time) is printed under the title, ``sentences`` (see
    rows.fragment_sentences) places each fragment in its sentence."""
    title = title or "Quote sheet"
    groups = by_article(records)
    line = summary(records, groups) + (f" · exported {exported}" if exported else "")
    body = [
        "<header>",
        f"<h1>{_text(title)}</h1>",
        f'<p class="summary">{_text(line)}</p>',
        "</header>",
        "<main>",
    ]
    for group in groups:
        body += _article_section(group, sentences or {})
    body.append("</main>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_text(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _article_section(group: Sequence[QuoteRecord], sentences: Mapping[int, InSentence]) -> list[str]:
    heading, source = article_line(group)
    url = safe_url(group[0].url)
    linked = f'<a href="{_text(url)}">{_text(heading)}</a>' if url else _text(heading)
    byline = " · ".join(part for part in (_text(source), _link(url)) if part)
    lines = ['<section class="article">', f"<h2>{linked}</h2>"]
    if byline:
        lines.append(f'<p class="source">{byline}</p>')
    for record in group:
        lines += _quote(record, sentences.get(record.id))
    lines.append("</section>")
    return lines


def _quote(record: QuoteRecord, sentence: InSentence | None) -> list[str]:
    return [
        f'<article class="quote {_text(record.kind)} status-{_text(record.status)}" id="quote-{record.id}">',
        _words(record, sentence),
        f'<p class="meta">{_meta(record)}</p>',
        "</article>",
    ]


def _words(record: QuoteRecord, sentence: InSentence | None) -> str:
    if record.kind == "indirect":
        return f'<p class="words paraphrase"><span class="kind">Paraphrase</span>{_text(_one_line(record.text))}</p>'
    if record.kind == "partial":
        before, words, after = in_sentence(sentence or InSentence("“", record.text, "”"))
        marked = f"{_text(before)}<mark>{_text(words)}</mark>{_text(after)}"
        return f'<p class="words fragment"><span class="kind">Fragment</span>{marked}</p>'
    paragraphs = quoted_paragraphs(record.text)
    return '<blockquote class="words">' + "".join(f"<p>{_text(line)}</p>" for line in paragraphs) + "</blockquote>"


def _meta(record: QuoteRecord) -> str:
    speaker = f'<span class="speaker">{_text(record.speaker)}</span>' if record.speaker else "<em>unattributed</em>"
    if record.speaker_scope == "article":
        speaker += f' <span class="scope">({ARTICLE_ONLY})</span>'
    if record.co_speakers:
        speaker += " with " + ", ".join(_text(_one_line(name)) for name in record.co_speakers)
    if record.role:
        speaker += f", {_text(_one_line(record.role))}"
    reviewed = review_line(record)
    parts = [
        speaker,
        f'<span class="badge">{_text(label(record.status))}</span>',
        _text(label(record.rating)),
        f"reviewed by {_text(reviewed)}" if reviewed else "",
        f"Note: {_text(_one_line(record.note))}" if record.note else "",
        f"Evidence: {_link(record.evidence_url)}" if safe_url(record.evidence_url) else "",
        f"#{record.id}",
    ]
    return " · ".join(part for part in parts if part)


def _one_line(text: str) -> str:
    return printable(text, one_line=True)


def _text(value: str) -> str:
    return escape(printable(value), quote=True)


def _link(url: str | None) -> str:
    """A link for http(s) urls only; other schemes (``javascript:``) would run code when clicked."""
    url = safe_url(url)
    if url is None:
        return ""
    return f'<a href="{_text(url)}">{_text(url)}</a>'
