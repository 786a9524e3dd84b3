"""Where quotecheck keeps its files (XDG base directories)."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "quotecheck"


def default_db_path() -> Path:
    """``$QUOTECHECK_DB``, else ``$XDG_DATA_HOME/quotecheck/quotes.db``."""
    env = os.environ.get("QUOTECHECK_DB")
    return Path(env) if env else data_dir() / "quotes.db"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "quotecheck"
