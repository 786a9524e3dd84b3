"""Every script in benchmarks/ still runs: each with --quick (small sizes, seconds) in a process of its own, as a
user would start it, so a refactor cannot silently break one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
DEVSET = ROOT.parent / "shared" / "devset"
# What each script prints among its figures. A new script needs a --quick mode and an entry here.
FIGURES = {
    "batch_speed.py": "extract-batch + ingest",
    "calibrate.py": "ECE",
    "claims_accuracy.py": "precision",
    "claims_speed.py": "quotes/s",
    "extract_fingerprint.py": "fingerprint",
    "extract_speed.py": "MB/s",
    "generate.py": "quotes",
    "ingest_parallel.py": "peak RSS",
    "ingest_speed.py": "articles/s",
    "report_speed.py": "total",
    "review_speed.py": "median",
    "rewrap_eval.py": "largest change",
    "speaker_quality.py": "untyped share",
    "store_speed.py": "median",
    "verify_accuracy.py": "classified right",
    "verify_speed.py": "quotes/s",
    "variants_speed.py": "quotes/s",
}


def test_every_script_is_checked():
    assert sorted(path.name for path in BENCHMARKS.glob("*.py")) == sorted(FIGURES)


@pytest.mark.parametrize("script", sorted(FIGURES))
def test_quick_run_prints_its_figures(script, tmp_path):
    if script == "calibrate.py" and not (DEVSET / "bbc-dev.jsonl").exists():
        pytest.skip(f"calibrate.py needs the development sets in {DEVSET}")
    arguments = [str(tmp_path / "quick.db")] if script == "generate.py" else []
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--quick", *arguments],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert FIGURES[script] in result.stdout, result.stdout
    assert "wrote" not in result.stdout  # calibrate.py --quick must leave the installed weights alone
