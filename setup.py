"""The build: the extractor's modules compiled with mypyc into C extensions beside their .py files (about twice as fast,
docs/speed.md). ``QUOTECHECK_PURE=1`` installs plain Python, and so does a build that cannot compile (no mypy, no C
compiler): the package works either way. The metadata lives in pyproject.toml."""

import os
import sys
import traceback
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
# Every module of the extractor but its package __init__ (which only re-exports) and sieves.py (its lazy properties
# store themselves in the instance __dict__, which compiled classes do not have).
PURE = {"__init__.py", "sieves.py"}
COMPILED = sorted(
    str(path.relative_to(ROOT)) for path in (ROOT / "quotecheck" / "extract").glob("*.py") if path.name not in PURE
)


def _fall_back(what: str) -> None:
    traceback.print_exc()
    print(f"quotecheck: {what} failed; the extractor installs as plain Python (slower, same results)", file=sys.stderr)


class OptionalBuildExt(build_ext):
    """A C compiler that fails leaves the pure-Python modules in place instead of failing the install."""

    def run(self) -> None:
        try:
            super().run()
        except Exception:
            _fall_back("compiling the extractor")


def compiled_extractor() -> list:
    if os.environ.get("QUOTECHECK_PURE") == "1":
        return []
    try:
        from mypyc.build import mypycify

        return mypycify(COMPILED, opt_level="3", group_name="quotecheck_extract")
    except (Exception, SystemExit):  # (mypyc exits on a type error)
        _fall_back("translating the extractor with mypyc")
        return []


setup(ext_modules=compiled_extractor(), cmdclass={"build_ext": OptionalBuildExt})
