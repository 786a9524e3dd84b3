"""Cursor keys for a screen whose main widget is a LazyList (the queue, the speakers)."""

from __future__ import annotations

from quotecheck.review.widgets.lazy_list import LazyList


class ListNavigation:
    """Mixed into a Screen that names its list in ``navigated_list``."""

    navigated_list: LazyList  # a property of the screen

    def action_cursor_down(self) -> None:
        self.navigated_list.move(1)

    def action_cursor_up(self) -> None:
        self.navigated_list.move(-1)

    def action_page_down(self) -> None:
        self.navigated_list.page(1)

    def action_page_up(self) -> None:
        self.navigated_list.page(-1)

    def action_first(self) -> None:
        self.navigated_list.move_to(0)

    def action_last(self) -> None:
        self.navigated_list.move_to(len(self.navigated_list.rows) - 1)
