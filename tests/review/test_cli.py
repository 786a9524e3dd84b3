"""``quotecheck review``: wired into the CLI, loads Textual only when run, clean errors on a bad database."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from quotecheck.cli import cli


def test_review_help():
    result = CliRunner().invoke(cli, ["review", "--help"])
    assert result.exit_code == 0
    assert "--db" in result.output and "--reviewer" in result.output and "v verified" in result.output


def test_a_file_that_is_not_a_database_is_a_one_line_error(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("this is not sqlite\n" * 100, encoding="utf-8")
    result = CliRunner().invoke(cli, ["review", "--db", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and str(bad) in result.output
    assert "Traceback" not in result.output


def test_a_missing_database_is_an_error_not_a_new_empty_file(tmp_path):
    missing = tmp_path / "nowhere.db"
    result = CliRunner().invoke(cli, ["review", "--db", str(missing)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "quotecheck ingest" in result.output
    assert not missing.exists()


def test_other_commands_do_not_load_textual():
    code = "import sys, quotecheck.cli.review; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
