"""Every speaker with their quote count and review progress."""

from __future__ import annotations

from rich.text import Text

from quotecheck.review.text import MUTED, plain, truncated
from quotecheck.review.widgets.lazy_list import LazyList
from quotecheck.store.models import SpeakerRecord

BAR = 12
GENDER = 8


def gender_cell(speaker: SpeakerRecord) -> Text:
    """A person's gender; dim with a "?" when only the first name suggests it; "unknown" when a reviewer cleared
    it; nothing for organisations and anonymous sources."""
    if speaker.gender_source == "first-name":
        return Text(f"{speaker.gender}?", MUTED)
    if speaker.gender_source == "reviewer" and speaker.gender is None:
        return Text("unknown")
    return Text(speaker.gender or "")


def progress_bar(done: int, total: int) -> Text:
    filled = round(BAR * done / total) if total else 0
    bar = Text("━" * filled, style="green")
    bar.append("─" * (BAR - filled), MUTED)
    return bar


class SpeakerList(LazyList[SpeakerRecord]):
    empty_message = "No speakers."

    def _widths(self, width: int) -> tuple[int, int, int]:
        fixed = 7 + 1 + 13 + BAR + 1 + 14 + 1 + GENDER + 1  # quotes, reviewed "n/m", bar, type, gender
        name = max(12, min(32, (width - fixed) // 2))
        return name, 14, max(0, width - fixed - name - 2)

    def render_header(self, width: int) -> Text:
        name, kind, roles = self._widths(width)
        row = truncated(Text(" Speaker"), name + 1)
        row.append(" ")
        row.append_text(truncated(Text("Type"), kind))
        row.append(" ")
        row.append_text(truncated(Text("Gender"), GENDER))
        row.append(" Quotes  Reviewed       Progress     ")
        if roles:
            row.append_text(truncated(Text("Roles"), roles))
        return row

    def render_row(self, speaker: SpeakerRecord, width: int) -> Text:
        name, kind, roles = self._widths(width)
        row = Text(" ")
        row.append_text(truncated(plain(speaker.name), name))
        row.append(" ")
        row.append_text(truncated(plain(speaker.type or "—"), kind))
        row.append(" ")
        row.append_text(truncated(gender_cell(speaker), GENDER))
        row.append(f" {speaker.quote_count:>6}  ")
        row.append_text(truncated(Text(f"{speaker.reviewed_count}/{speaker.quote_count}"), 13))
        row.append_text(progress_bar(speaker.reviewed_count, speaker.quote_count))
        row.append(" ")
        if roles:  # an anonymous source or description belongs to one article: said before its roles
            cell = Text(f"article {speaker.article_id} only", MUTED) if speaker.article_id is not None else Text()
            if speaker.roles:
                cell.append_text(plain(("; " if cell else "") + "; ".join(speaker.roles)))
            row.append_text(truncated(cell, roles))
        return row
