"""HTML pages to articles through trafilatura: the main text without navigation and boilerplate, plus metadata."""

from __future__ import annotations

from quotecheck.read.decode import normalise_newlines, require_text
from quotecheck.read.model import Article, ReadError


def html_to_article(source: str, where: str) -> Article:
    import trafilatura  # heavy (lxml, htmldate): loaded only when a page is read

    document = trafilatura.bare_extraction(
        source, with_metadata=True, include_comments=False, include_tables=False, include_images=False
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
