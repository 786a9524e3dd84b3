"""Quote extraction: text in, quotes out. Pure: no I/O, no SQL.

An install compiles the modules of this package with mypyc (setup.py) into extension modules beside their .py
files, which Python then imports instead; this __init__ stays plain Python and says whether that happened."""

import gc
import warnings
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from quotecheck.extract.attribute import extract_quotes
from quotecheck.extract.model import Quote

__all__ = ["extract", "Quote", "compiled", "stale_compiled"]

_PACKAGE = Path(__file__).parent


def extract(text: str) -> list[Quote]:
    """Every quote in ``text`` (direct, partial and reported speech) with its speaker, sorted by ``start``."""
    if not isinstance(text, str):
        raise TypeError(f"extract() takes a str, not {type(text).__name__}")
    # Python's cyclic garbage collector is paused while one text is read: what extraction creates is freed by
    # reference counting, and the collector walking the same objects again and again (tens of thousands of names in
    # a large text) took a quarter of the time. It is restored as it was, also on an error.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return extract_quotes(text)
    finally:
        if collecting:
            gc.enable()


def compiled() -> bool:
    """The extractor running is the compiled one (its modules are extension modules), not plain Python."""
    from quotecheck.extract import entities

    return str(entities.__file__).endswith(tuple(EXTENSION_SUFFIXES))


def stale_compiled(package: Path = _PACKAGE) -> list[str]:
    """The sources edited (or checked out) since their compiled modules were built: Python keeps importing the
    compiled module, so the edit does nothing until the package is installed again."""
    stale = []
    for binary in sorted(package.iterdir()):
        if binary.name.endswith(tuple(EXTENSION_SUFFIXES)):
            source = package / (binary.name.split(".")[0] + ".py")
            if source.exists() and source.stat().st_mtime > binary.stat().st_mtime:
                stale.append(source.name)
    return stale


if _stale := stale_compiled():
    warnings.warn(
        f"quotecheck: the compiled extractor is older than {', '.join(_stale)}; run `pip install -e .` again "
        "(QUOTECHECK_PURE=1 for plain Python), else those changes are not used",
        RuntimeWarning,
        stacklevel=2,
    )
