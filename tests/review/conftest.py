"""Fixtures for the review app tests, and a runner for ``async def`` tests (no asyncio plugin needed)."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest

from quotecheck.store import Store

from .helpers import build


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
        asyncio.run(pyfuncitem.obj(**arguments))
        return True
    return None


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return build(tmp_path / "review.db")


@pytest.fixture
def store(db_path: Path):
    with Store(db_path) as opened:
        yield opened
