"""A list of any length rendered on demand (the Toolong way): one ScrollView, one line per row,
rows fetched a page at a time with keyset paging as the cursor or the scrollbar nears the end."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

Row = TypeVar("Row")

# A loader gets the last row loaded so far (None for the first page), the number of rows loaded and the
# page size, and returns the next page (keyset loaders use the last row, offset loaders the count).
PageLoader = Callable[[Row | None, int, int], Awaitable[list[Row]]]

PAGE_SIZE = 200
PREFETCH_MARGIN = 60  # fetch the next page when the cursor or the view comes this close to the end


class LazyList(ScrollView, Generic[Row], can_focus=True, inherit_bindings=False):
    """Subclasses say how a row and the column header look (``render_row``, ``render_header``).

    No bindings of its own (not even the scroll keys it would inherit): the screens bind the moves, by id,
    so the keymap and the help screen cover them."""

    COMPONENT_CLASSES = {"lazy-list--cursor", "lazy-list--header", "lazy-list--placeholder"}

    DEFAULT_CSS = """
    LazyList {
        overflow-x: hidden;
        overflow-y: auto;
        & > .lazy-list--header { text-style: bold; color: $text-muted; }
        & > .lazy-list--placeholder { color: $text-muted; text-style: italic; }
        & > .lazy-list--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .lazy-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
    }
    """

    class ListMessage(Message):
        def __init__(self, lazy_list: LazyList) -> None:
            super().__init__()
            self.lazy_list = lazy_list

        @property
        def control(self) -> LazyList:
            return self.lazy_list

    class RowMessage(ListMessage):
        def __init__(self, lazy_list: LazyList, row: object) -> None:
            super().__init__(lazy_list)
            self.row = row

    class Highlighted(RowMessage):
        """The cursor moved to ``row``."""

    class Selected(RowMessage):
        """``row`` was opened (enter or a click)."""

    class Loaded(ListMessage):
        """A page arrived."""

    empty_message = "Nothing here."

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[Row] = []
        self.cursor = 0
        self.exhausted = False
        self.loading = False
        self._loader: PageLoader | None = None
        self._generation = 0
        self._line_cache: LRUCache[tuple, Strip] = LRUCache(512)

    # -- what subclasses provide
    def render_row(self, row: Row, width: int) -> Text:
        raise NotImplementedError

    def render_header(self, width: int) -> Text:
        raise NotImplementedError

    # -- data
    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def load(self, loader: PageLoader) -> None:
        """Forget every row and start again from the first page of ``loader``."""
        self._loader = loader
        self._generation += 1
        self.rows = []
        self.cursor = 0
        self.exhausted = False
        self.loading = False
        self._changed()
        self.scroll_to(y=0, animate=False)
        self._fetch_more()

    def replace_row(self, index: int, row: Row) -> None:
        self.rows[index] = row
        self._changed()

    def index_where(self, predicate: Callable[[Row], bool]) -> int | None:
        return next((index for index, row in enumerate(self.rows) if predicate(row)), None)

    def _fetch_more(self) -> None:
        if self.loading or self.exhausted or self._loader is None:
            return
        self.loading = True
        self.run_worker(self._fetch_page(self._generation), group="page", exit_on_error=True)

    async def _fetch_page(self, generation: int) -> None:
        assert self._loader is not None
        last = self.rows[-1] if self.rows else None
        page = await self._loader(last, len(self.rows), PAGE_SIZE)
        if generation != self._generation or not self.is_attached:
            return  # reloaded (new filter) or closed meanwhile: this page belongs to the old list
        self.loading = False
        self.rows.extend(page)
        self.exhausted = len(page) < PAGE_SIZE
        self._changed()
        if len(self.rows) == len(page):
            self._announce()  # the first page: highlight its first row
        self.post_message(self.Loaded(self))
        self._maybe_prefetch()

    def _maybe_prefetch(self) -> None:
        bottom = max(self.cursor, int(self.scroll_offset.y) + self.size.height)
        if bottom >= len(self.rows) - PREFETCH_MARGIN:
            self._fetch_more()

    def _changed(self) -> None:
        self._line_cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows) + 1)
        self.refresh()

    # -- cursor
    def move_to(self, index: int) -> None:
        if not self.rows:
            return
        index = max(0, min(index, len(self.rows) - 1))
        if index != self.cursor:
            self.cursor = index
            self._line_cache.clear()
            self.refresh()
            self._announce()
        self._scroll_to_cursor()
        self._maybe_prefetch()

    def move(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def page(self, direction: int) -> None:
        self.move(direction * max(1, self.size.height - 2))

    def _announce(self) -> None:
        if self.current is not None:
            self.post_message(self.Highlighted(self, self.current))

    def _scroll_to_cursor(self) -> None:
        visible = max(1, self.size.height - 1)  # one line is the header
        top = int(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._maybe_prefetch()

    def on_resize(self, event: events.Resize) -> None:
        self._changed()

    def on_focus(self) -> None:
        self._changed()

    def on_blur(self) -> None:
        self._changed()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        index = int(self.scroll_offset.y) + offset.y - 1
        if index < len(self.rows):
            self.move_to(index)
            if event.chain == 2 and self.current is not None:
                self.post_message(self.Selected(self, self.current))

    # -- rendering
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            return self._strip(self.render_header(width), width, base + self.get_component_rich_style("lazy-list--header"))
        index = int(self.scroll_offset.y) + y - 1
        if index >= len(self.rows):
            if index == len(self.rows) and (self.loading or not self.rows):
                message = "Loading…" if self.loading or not self.exhausted else self.empty_message
                placeholder = base + self.get_component_rich_style("lazy-list--placeholder")
                return self._strip(Text(" " + message), width, placeholder)
            return Strip.blank(width, base)
        is_cursor = index == self.cursor
        key = (index, width, is_cursor, self.has_focus, base)
        cached = self._line_cache.get(key)
        if cached is None:
            style = base + self.get_component_rich_style("lazy-list--cursor") if is_cursor else base
            cached = self._line_cache[key] = self._strip(self.render_row(self.rows[index], width), width, style)
        return cached

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        text.no_wrap = True
        text.overflow = "ellipsis"
        segments = [segment for segment in text.render(self.app.console) if segment.text != "\n"]
        return Strip(segments).adjust_cell_length(width, style).apply_style(style)
