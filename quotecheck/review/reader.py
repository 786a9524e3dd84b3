"""Database work off the UI thread.

SQLite connections belong to the thread that made them, so each Reader owns one thread with its own ``Store``
on the same file (WAL lets readers read while a writer writes). Screens ``await reader.run(fn)`` from async
workers; ``fn`` gets that Store. The app has readers for pages, counts and exports, and one that writes, so a
write waiting for another process's lock never freezes the screen nor holds up a read.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from quotecheck.store import Store

T = TypeVar("T")


class Reader:
    def __init__(self, path: str | Path, *, mode: str = "read"):
        self._path = path
        self._mode = mode
        self._store: Store | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quotecheck-reader")

    def _call(self, function: Callable[[Store], T]) -> T:
        if self._store is None:
            self._store = Store(self._path, mode=self._mode)
        return function(self._store)

    async def run(self, function: Callable[[Store], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, self._call, function)

    def close(self) -> None:
        def close_store() -> None:
            if self._store is not None:
                self._store.close()
                self._store = None

        self._executor.submit(close_store).result()
        self._executor.shutdown(wait=True)
