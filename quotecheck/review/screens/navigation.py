"""Cursor keys and the search input of a screen whose main widget is a LazyList (the queue, the speakers)."""

from __future__ import annotations

from textual.widgets import Input

from quotecheck.review.widgets.lazy_list import LazyList


class ListNavigation:
    """Mixed into a Screen that names its list in ``navigated_list``."""

    navigated_list: LazyList  # a property of the screen

    @property
    def searching(self) -> bool:
        """The search input is open (the screen then has the ``-searching`` class, which shows it)."""
        return self.has_class("-searching")

    def open_search(self, value: str) -> None:
        """Show the screen's ``#search`` input holding ``value``, focused."""
        search = self.query_one("#search", Input)
        search.value = value
        self.add_class("-searching")
        search.focus()
        self.refresh_bindings()  # "back" now closes the search

    def close_search(self) -> None:
        self.remove_class("-searching")
        self.navigated_list.focus()
        self.refresh_bindings()

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
