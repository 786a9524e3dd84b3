"""The compiled extractor (setup.py, docs/attribution.md): the install compiles it unless told not to, a build that
cannot compile still installs plain Python, and sources edited since the build are reported, not silently ignored."""

from __future__ import annotations

import importlib.util
import os
import sys
import types
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest
from setuptools import Distribution, Extension
from setuptools.command.build_ext import build_ext

from quotecheck.extract import compiled, stale_compiled

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def setup_script():
    """setup.py as a module (imported, not run: setuptools runs it as __main__)."""
    spec = importlib.util.spec_from_file_location("quotecheck_setup", ROOT / "setup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(os.environ.get("QUOTECHECK_PURE") == "1", reason="installed as plain Python on purpose")
def test_the_install_compiled_the_extractor():
    assert compiled(), (
        "the extractor is plain Python: the install could not compile it (see `pip install -v -e .`), "
        "or set QUOTECHECK_PURE=1 when installing and testing plain Python"
    )
    assert stale_compiled() == [], "sources changed since the build: run `pip install -e .` again"


def test_the_compiled_modules_exist_and_leave_the_public_quote_in_python(setup_script):
    assert all((ROOT / path).is_file() for path in setup_script.COMPILED)
    assert not {Path(path).name for path in setup_script.COMPILED} & {"__init__.py", "model.py", "sieve_marks.py"}
    assert "quotecheck/extract/sieves.py" in setup_script.COMPILED


def test_quotecheck_pure_skips_the_compiler(setup_script, monkeypatch):
    monkeypatch.setenv("QUOTECHECK_PURE", "1")
    monkeypatch.setitem(sys.modules, "mypyc.build", None)  # (would fail the import if it were tried)
    assert setup_script.compiled_extractor() == []


def test_a_mypyc_failure_installs_plain_python(setup_script, monkeypatch, capsys):
    def failing_mypycify(*args, **kwargs):
        raise SystemExit(1)  # what mypyc does on a type error

    monkeypatch.delenv("QUOTECHECK_PURE", raising=False)
    monkeypatch.setitem(sys.modules, "mypyc.build", types.SimpleNamespace(mypycify=failing_mypycify))
    assert setup_script.compiled_extractor() == []
    assert "installs as plain Python" in capsys.readouterr().err


def test_a_compiler_failure_installs_plain_python_without_half_a_build(setup_script, monkeypatch, tmp_path, capsys):
    distribution = Distribution({"ext_modules": [Extension("quotecheck_probe", ["probe.c"])]})
    command = setup_script.OptionalBuildExt(distribution)
    command.build_lib = str(tmp_path)
    command.ensure_finalized()
    built = Path(command.get_ext_fullpath("quotecheck_probe"))

    def failing_run(self):
        built.write_bytes(b"half")  # one module built before the compiler failed on the next
        raise OSError("gcc: not found")

    monkeypatch.setattr(build_ext, "run", failing_run)
    command.run()
    assert not built.exists()
    assert "compiling the extractor failed" in capsys.readouterr().err


def test_stale_compiled_names_the_sources_newer_than_their_build(tmp_path):
    for name in ("cues", "layout"):
        (tmp_path / f"{name}.py").write_text("")
        (tmp_path / f"{name}{EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    os.utime(tmp_path / "cues.py", (2_000_000_000, 2_000_000_000))  # edited after the build
    assert stale_compiled(tmp_path) == ["cues.py"]


def test_plain_python_sources_are_never_stale(tmp_path):
    (tmp_path / "cues.py").write_text("")
    assert stale_compiled(tmp_path) == []
