"""The quote sheet as one self-contained, print-ready HTML page (inline CSS, no scripts, no external files)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from quotecheck.export.rows import ARTICLE_ONLY, article_line, by_article, label, summary
from quotecheck.sanitize import printable, safe_url
from quotecheck.store.models import QuoteRecord

_STYLE = """
:root { --ink: #1b1b1b; --muted: #5f6368; --rule: #d9d9d9; --accent: #0b57d0; }
* { box-sizing: border-box; }
body { margin: 2rem auto; max-width: 52rem; padding: 0 1rem; color: var(--ink);
       font: 16px/1.5 Georgia, "Times New Roman", serif; }
header { border-bottom: 2px solid var(--ink); margin-bottom: 1.5rem; }
h1 { margin: 0 0 .25rem; font-size: 1.8rem; }
h2 { margin: 2rem 0 .25rem; font-size: 1.3rem; }
.summary, .source, .scope { color: var(--muted); margin: 0 0 1rem; font-family: Helvetica, Arial, sans-serif;
                    font-size: .9rem; }
.quote { border-top: 1px solid var(--rule); padding: .75rem 0; }
blockquote { margin: 0 0 .5rem; padding-left: 1rem; border-left: 4px solid var(--accent); font-size: 1.05rem; }
blockquote p { margin: 0 0 .4rem; }
dl { display: grid; grid-template-columns: 7rem 1fr; gap: .1rem .75rem; margin: 0;
     font-family: Helvetica, Arial, sans-serif; font-size: .85rem; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 .4rem; border: 1px solid currentColor; border-radius: .25rem; }
.status-verified .badge { color: #137333; }
.status-misquoted .badge, .status-misattributed .badge { color: #b3261e; }
.status-disputed .badge, .status-unverifiable .badge { color: #8a5a00; }
a { color: var(--accent); }
@media print {
  @page { margin: 18mm 15mm; }
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  .quote { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .source a::after, dd a::after { content: " (" attr(href) ")"; font-size: .8em; }
  .badge { border: none; padding: 0; }
}
"""


def render(records: Sequence[QuoteRecord], *, title: str | None = None) -> str:
    title = title or "Quote sheet"
    groups = by_article(records)
    body = [
        "<header>",
        f"<h1>{_text(title)}</h1>",
        f'<p class="summary">{summary(records, groups)}</p>',
        "</header>",
        "<main>",
    ]
    for group in groups:
        body += _article_section(group)
    body.append("</main>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_text(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _article_section(group: Sequence[QuoteRecord]) -> list[str]:
    heading, source = article_line(group)
    byline = " · ".join(part for part in (_text(source), _link(group[0].url)) if part)
    lines = ['<section class="article">', f"<h2>{_text(heading)}</h2>"]
    if byline:
        lines.append(f'<p class="source">{byline}</p>')
    for record in group:
        lines += _quote(record)
    lines.append("</section>")
    return lines


def _quote(record: QuoteRecord) -> list[str]:
    paragraphs = "".join(f"<p>{_text(line)}</p>" for line in printable(record.text).splitlines() if line.strip())
    speaker = _text(record.speaker) if record.speaker else "<em>unattributed</em>"
    if record.speaker_scope == "article":
        speaker += f' <span class="scope">({ARTICLE_ONLY})</span>'
    rows = [
        ("Speaker", speaker),
        ("Role", _text(record.role or "")),
        ("Status", f'<span class="badge">{_text(label(record.status))}</span>'),
        ("Rating", _text(label(record.rating))),
        ("Reviewer", _text(record.reviewer or "")),
        ("Note", _text(record.note or "")),
        ("Evidence", _link(record.evidence_url)),
        ("Quote", f"#{record.id}, {_text(record.kind)}"),
    ]
    details = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows if value)
    return [
        f'<article class="quote status-{_text(record.status)}" id="quote-{record.id}">',
        f"<blockquote>{paragraphs}</blockquote>",
        f"<dl>{details}</dl>",
        "</article>",
    ]


def _text(value: str) -> str:
    return escape(printable(value), quote=True)


def _link(url: str | None) -> str:
    """A link for http(s) urls only; other schemes (``javascript:``) would run code when clicked."""
    url = safe_url(url)
    if url is None:
        return ""
    return f'<a href="{_text(url)}">{_text(url)}</a>'
