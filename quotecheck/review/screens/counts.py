"""What a screen of counts shares (the speakers screen, who gets quoted): counting again when shown after a change."""

from __future__ import annotations


class RecountWhenShown:
    """The app tells every screen when a quote or a speaker changed; a screen of counts notes it and counts again
    (``recount``) only when it is shown again, not once per change behind it."""

    stale = False

    def recount(self) -> None:
        raise NotImplementedError

    def refresh_quote(self, record, *, focus: bool) -> None:
        self.stale = True

    def refresh_speakers(self) -> None:
        self.stale = True

    def reload_quotes(self) -> None:
        self.stale = True

    def on_screen_resume(self) -> None:
        if self.stale:
            self.stale = False
            self.recount()
