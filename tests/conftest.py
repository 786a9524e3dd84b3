import sqlite3
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """The ledger of databases found sound (quotecheck.store.integrity) goes to a cache of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def damage_index():
    """``damage_index(path, index)``: overwrite the start of the index's root page, as a disk fault would."""

    def damage(path: Path, index: str) -> None:
        with sqlite3.connect(path) as conn:
            root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [index]).fetchone()[0]
            page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.close()
        with Path(path).open("r+b") as file:
            file.seek((root - 1) * page_size)
            file.write(b"\xff" * 16)  # no valid b-tree page starts like this

    return damage


@pytest.fixture
def headless_browser():
    """A HeadlessBrowser (tests/headless_browser.py) to print an HTML file to PDF or screenshot it; the test is
    skipped, saying why, where no Chromium is installed."""
    from headless_browser import HeadlessBrowser, find_chromium

    executable = find_chromium()
    if executable is None:
        pytest.skip("headless Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)")
    return HeadlessBrowser(executable)
