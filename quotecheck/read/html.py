"""HTML pages to articles through trafilatura: the main text without navigation and boilerplate, plus metadata."""

from __future__ import annotations

import regex

from quotecheck.read.decode import normalise_newlines, require_text
from quotecheck.read.model import Article, ReadError

_WHOLE_DOCUMENT = regex.compile(r"<(?:html|body)\b", regex.I)


def html_to_article(source: str, where: str) -> Article:
    from trafilatura import bare_extraction, load_html  # heavy (lxml, htmldate): loaded only when a page is read

    if not _WHOLE_DOCUMENT.search(source):
        source = f"<html><body>{source}</body></html>"  # trafilatura rejects bare fragments such as "<p>…</p>"
    tree = load_html(source)
    if tree is None:
        raise ReadError(f"{where}: not readable as HTML")
    _mark_inline_quotes(tree)
    document = bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False, include_images=False
    )
    if document is None or not document.text:
        raise ReadError(f"{where}: no article text found in the HTML")
    text = require_text(normalise_newlines(document.text), where)
    return Article(
        text=text,
        title=document.title or None,
        outlet=document.sitename or None,
        url=document.url or None,
        published=document.date or None,
        source=where,
    )


def _mark_inline_quotes(tree) -> None:
    """Write out the marks a browser draws around ``<q>`` (“…”, ‘…’ when nested) and drop the tag, which trafilatura
    would otherwise turn into a line break without marks, losing the quote."""
    elements = list(tree.iter("q"))
    for element in elements:
        nested = sum(1 for ancestor in element.iterancestors("q")) % 2
        opening, closing = ("‘", "’") if nested else ("“", "”")
        element.text = opening + (element.text or "")
        if len(element):
            element[-1].tail = (element[-1].tail or "") + closing
        else:
            element.text += closing
    for element in elements:
        element.drop_tag()
