"""Quote sheets: the same records rendered as Markdown, CSV, JSON, a print-ready HTML page or ClaimReview JSON-LD.

Pure: records in, text out. The CLI (``quotecheck export``) and the review app both call :func:`render`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from quotecheck.export import claimreview, csv_sheet, html, json_sheet, markdown
from quotecheck.export.rows import InSentence, fragment_sentences
from quotecheck.store.models import QuoteRecord

FORMATS = ("md", "csv", "json", "html", "claimreview")


def render(
    fmt: str,
    records: Sequence[QuoteRecord],
    *,
    title: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    exported: str | None = None,
    sentences: Mapping[int, InSentence] | None = None,
) -> str:
    """``records`` as one document in format ``fmt`` (one of :data:`FORMATS`).

    ``title`` heads the Markdown and HTML sheets, ``exported`` (when the sheet was made) is printed under it and
    ``sentences`` (from :func:`fragment_sentences`) shows each fragment inside its sentence. ``publisher`` (the
    fact-checking organisation) is required for ``claimreview``; ``url`` is the fact-check page the ClaimReview
    items point to (default: each quote's evidence link)."""
    if fmt == "md":
        return markdown.render(records, title=title, exported=exported, sentences=sentences)
    if fmt == "csv":
        return csv_sheet.render(records)
    if fmt == "json":
        return json_sheet.render(records)
    if fmt == "html":
        return html.render(records, title=title, exported=exported, sentences=sentences)
    if fmt == "claimreview":
        if not publisher:
            raise ValueError("the claimreview format needs a publisher (the fact-checking organisation)")
        return claimreview.render(records, publisher=publisher, url=url)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "InSentence", "fragment_sentences", "render"]
