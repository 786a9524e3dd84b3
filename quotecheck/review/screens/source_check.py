"""A quote beside the best passage of its speaker's sources: the result, the score, where the passage is, the word
diff, and the verdict that follows from it (verbatim: verified, differs: misquoted). The reviewer decides: enter
accepts the proposal, esc leaves the quote as it is."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from quotecheck.review.text import LABEL, MUTED, PROPOSED_STATUS, plain, status_label, verification_lines
from quotecheck.store.models import Verification


class SourceCheckScreen(ModalScreen[str | None]):
    """Dismissed with the proposed status when the reviewer accepts it, else None."""

    BINDINGS = [
        Binding("enter", "accept", "accept", id="source-check-accept", tooltip="Give the quote the proposed verdict"),
        Binding("escape", "close", "close", id="source-check-close", tooltip="Close; the quote stays as it is"),
    ]

    def __init__(self, verification: Verification, source_count: int) -> None:
        super().__init__()
        self.verification = verification
        self.source_count = source_count
        self.proposal = PROPOSED_STATUS.get(verification.alignment.result)

    def compose(self) -> ComposeResult:
        quote = self.verification.quote
        title = Text("Against the sources of ", style=LABEL)
        title.append_text(plain(quote.speaker))
        title.append(f" ({self.source_count} source{'s' if self.source_count != 1 else ''})", style=MUTED)
        with Vertical(classes="dialog source-check"):
            yield Label(title, classes="dialog--title")
            with VerticalScroll(id="source-check-body"):
                yield Static(Text("\n").join(verification_lines(self.verification)), id="source-check-result")
            yield Static(self._proposal_line(), id="source-check-proposal")

    def _proposal_line(self) -> Text:
        if self.proposal is None:
            return Text("No passage says it: no verdict proposed (esc closes)", style=MUTED)
        line = Text("Proposed ", style=LABEL)
        line.append_text(status_label(self.proposal))
        if self.verification.quote.status != "unreviewed":
            line.append("  now ", style=MUTED)
            line.append_text(status_label(self.verification.quote.status))
        line.append("   enter accepts · esc closes", style=MUTED)
        return line

    def action_accept(self) -> None:
        if self.proposal is not None:
            self.dismiss(self.proposal)

    def action_close(self) -> None:
        self.dismiss(None)
