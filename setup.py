"""The build: the extractor's modules compiled with mypyc into C extensions beside their .py files (a third
faster; docs/attribution.md, "The compiled extractor"). ``QUOTECHECK_PURE=1`` installs plain Python, and so does a
build that cannot compile (no mypy, no C compiler): the package works either way. The metadata is in pyproject.toml."""

import os
import sys
import traceback
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
# Every module of the extractor but its package __init__ and model.py, the Quote every other package handles (a
# compiled class has no __slots__ and its dataclass fields lose their annotations' text). Measured: compiling only the
# four busiest modules (cues, entities, mentions, reported) was about 5% slower than compiling all of these. And
# sieve_marks.py: a compiled function takes no attributes, so the mark that names a sieve's rule stays Python.
PURE = {"__init__.py", "model.py", "sieve_marks.py"}
COMPILED = sorted(
    str(path.relative_to(ROOT)) for path in (ROOT / "quotecheck" / "extract").glob("*.py") if path.name not in PURE
)
GROUP = "quotecheck_extract"  # the shared library of the compiled modules: quotecheck_extract__mypyc.*.so


def _fall_back(what: str) -> None:
    traceback.print_exc()
    print(f"quotecheck: {what} failed; the extractor installs as plain Python (slower, same results)", file=sys.stderr)


class OptionalBuildExt(build_ext):
    """A C compiler that fails leaves the pure-Python modules in place instead of failing the install (and none of
    the compiled ones: without the shared library they would not import)."""

    def run(self) -> None:
        try:
            super().run()
        except Exception:
            _fall_back("compiling the extractor")
            for extension in self.extensions:
                Path(self.get_ext_fullpath(extension.name)).unlink(missing_ok=True)


def compiled_extractor() -> list:
    if os.environ.get("QUOTECHECK_PURE") == "1":
        return []
    try:
        from mypyc.build import mypycify

        return mypycify(COMPILED, opt_level="3", group_name=GROUP)
    except (Exception, SystemExit):  # (mypyc exits on a type error)
        _fall_back("translating the extractor with mypyc")
        return []


def remove_stale_builds() -> None:
    """An earlier editable install left compiled modules beside the sources; Python would import them in place of
    the .py files, so a build that does not compile (or compiles again) removes them first."""
    for binary in (ROOT / "quotecheck" / "extract").glob("*.so"):
        binary.unlink()
    for shared in ROOT.glob(f"{GROUP}__mypyc*.so"):
        shared.unlink()


if __name__ == "__main__":  # (setuptools runs this file as __main__; the tests import it)
    remove_stale_builds()
    setup(ext_modules=compiled_extractor(), cmdclass={"build_ext": OptionalBuildExt})
