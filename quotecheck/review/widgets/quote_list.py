"""The review queue: one line per quote, loaded a page at a time."""

from __future__ import annotations

from rich.text import Text

from quotecheck.review.text import MUTED, plain, rating_mark, status_mark, truncated
from quotecheck.review.widgets.lazy_list import LazyList
from quotecheck.store.models import QuoteRecord


def column_widths(width: int) -> dict[str, int]:
    """Columns that fit ``width``: the quote takes what the others leave; role and outlet go first when narrow."""
    speaker = max(10, min(24, width // 6))
    role = max(8, min(22, width // 7)) if width >= 60 else 0
    outlet = max(8, min(16, width // 9)) if width >= 72 else 0
    fixed = 2 + speaker + 1 + (role + 1 if role else 0) + (outlet + 1 if outlet else 0) + 4 + 3
    return {"speaker": speaker, "role": role, "quote": max(10, width - fixed - 1), "outlet": outlet}


class QuoteList(LazyList[QuoteRecord]):
    empty_message = "No quotes match this filter."

    def render_header(self, width: int) -> Text:
        widths = column_widths(width)
        row = Text("  ")
        for name, title in (("speaker", "Speaker"), ("role", "Role"), ("quote", "Quote"), ("outlet", "Outlet")):
            if widths[name]:
                row.append_text(truncated(Text(title), widths[name]))
                row.append(" ")
        row.append("Conf Rt")
        return row

    def render_row(self, record: QuoteRecord, width: int) -> Text:
        widths = column_widths(width)
        row = Text()
        row.append_text(status_mark(record.status))
        row.append(" ")
        speaker = plain(record.speaker) if record.speaker else Text("unknown", style=MUTED)
        cells = (("speaker", speaker), ("role", plain(record.role)), ("quote", plain(record.text)), ("outlet", plain(record.outlet)))
        for name, cell in cells:
            if widths[name]:
                row.append_text(truncated(cell, widths[name]))
                row.append(" ")
        confidence_style = "red" if record.confidence < 0.5 else "yellow" if record.confidence < 0.75 else ""
        row.append(f"{record.confidence:.2f}", confidence_style)
        row.append(" ")
        row.append_text(rating_mark(record.rating))
        return row
