"""The batch tests need the scale extra (dask, distributed, pyarrow): the test extra installs it, so CI runs them;
without it they are skipped, saying why."""

from __future__ import annotations

import pytest

pytest.importorskip("dask.distributed", reason="the scale extra is not installed: pip install -e '.[scale]'")
pytest.importorskip("pyarrow", reason="the scale extra is not installed: pip install -e '.[scale]'")
