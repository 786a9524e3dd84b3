from __future__ import annotations

import pytest

from quotecheck.store import Store


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "quotes.db"


@pytest.fixture
def store(db_path):
    with Store(db_path) as opened:
        yield opened
