"""``quotecheck report``: the who-gets-quoted page, through the real command."""

from __future__ import annotations

from quotecheck.cli import cli
from quotecheck.report import charts


def test_writes_the_page_to_a_file(runner, db, tmp_path):
    out = tmp_path / "report.html"
    result = runner.invoke(cli, ["report", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("Wrote the report on ") and str(out) in result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "<script" not in page.lower()
    for outlet in ("EUobserver", "LRT", "Evil[2J News"):  # the escape sequence in the outlet's name is gone
        assert outlet in page
    assert "\x1b" not in page
    assert "Linas Linkevicius" in page and "of quotes come from anonymous sources" in page


def test_filters_and_title(runner, db):
    result = runner.invoke(cli, ["report", "--db", str(db), "--outlet", "lrt", "--title", "LRT <sources>"])
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert "<h1>LRT &lt;sources&gt;</h1>" in page and "outlet lrt" in page
    assert "EUobserver" not in page


def test_no_matching_quotes_says_so(runner, db):
    result = runner.invoke(cli, ["report", "--db", str(db), "--outlet", "nobody"])
    assert result.exit_code == 0 and "the report is empty" in result.stderr
    assert "0 quotes from 0 articles" in result.stdout


def test_without_the_extra_it_warns_and_the_page_says_so(runner, db, monkeypatch):
    monkeypatch.setattr(charts, "available", lambda: False)
    result = runner.invoke(cli, ["report", "--db", str(db)])
    assert result.exit_code == 0
    assert "Warning: the report has no charts: install the report extra" in result.stderr
    assert "The charts are missing" in result.stdout and "<svg" not in result.stdout


def test_an_unwritable_output_is_one_line(runner, db, tmp_path):
    result = runner.invoke(cli, ["report", "--db", str(db), "-o", str(tmp_path / "no" / "such" / "dir.html")])
    assert result.exit_code != 0 and "Traceback" not in result.output


def test_the_report_prints_with_its_charts(runner, db, tmp_path, headless_browser):
    """Printed from a real browser (headless Chromium, see tests/headless_browser.py): the headline figures on the
    first page and the charts' own words (their SVG text) in the PDF."""
    out = tmp_path / "report.html"
    assert runner.invoke(cli, ["report", "--db", str(db), "-o", str(out)]).exit_code == 0
    pages = headless_browser.print_to_pdf(out, tmp_path / "report.pdf")
    first = " ".join(pages[0].split())
    assert first.startswith("Who gets quoted") and "of quotes come from anonymous sources" in first
    assert "Quotes by speaker type" in first and "share of quotes" in " ".join(" ".join(pages).split())
    assert len(pages) <= 6
