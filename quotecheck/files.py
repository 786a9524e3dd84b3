"""Writing files whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path


def write_text_atomically(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to a temporary file beside ``path`` and rename it over ``path`` once complete: a full
    disk or a crash leaves the old file (or none), never a truncated or empty one."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(text.encode("utf-8"))
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
