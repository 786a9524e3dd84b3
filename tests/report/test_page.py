"""The HTML report: charts inline as SVG, every figure in a table, hostile names escaped, a notice when the charts
extra is missing, a print stylesheet."""

from __future__ import annotations

import re

import pytest

from quotecheck.report import charts
from quotecheck.report.figures import compute
from quotecheck.report.html import render
from quotecheck.store.models import PersonTally, QuoteTally, ReportData, SpeakerRecord

HOSTILE = '<script>alert("x")</script>&amp;'


def figures(name: str = "Maria Lopez", outlet: str = "Coast Herald"):
    return compute(ReportData(
        articles=2,
        quotes=(QuoteTally(outlet, "2024-03-01", "person", "the harbour master", "verified", "true", 3),
                QuoteTally(outlet, "2024-04-01", "anonymous", None, "unreviewed", None, 1)),
        people=(PersonTally(1, name, "female", "article", outlet, "2024-03-01", 3),),
        top_speakers=((SpeakerRecord(1, name, "person", (), (), 3, 1, gender="female", gender_source="article"), 3),),
    ))  # fmt: skip


def test_the_page_has_charts_and_tables_and_no_scripts():
    page = render(figures())
    assert page.count("<svg") >= 6 and "<script" not in page.lower()
    assert "<strong>100%</strong> of the people quoted whose gender is known are women (1 of 1)" in page
    assert "<strong>25%</strong> of quotes come from anonymous sources (1 of 4)" in page
    assert "<caption>By month</caption>" in page and "2024-04" in page
    assert "@media print" in page and "break-inside: avoid" in page
    assert "charts are missing" not in page


def test_names_and_outlets_from_articles_are_escaped_everywhere():
    page = render(figures(name=HOSTILE, outlet=HOSTILE), title=HOSTILE, scope=f"speaker {HOSTILE}")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;" in page
    # no raw ampersand entity smuggled through: the & of "&amp;" is itself escaped
    assert "&amp;amp;" in page


def test_without_the_report_extra_the_page_says_so_and_keeps_the_tables(monkeypatch):
    monkeypatch.setattr(charts, "available", lambda: False)
    page = render(figures())
    assert "<svg" not in page
    assert "The charts are missing" in page and "quotecheck[report]" in page
    assert re.search(r"<td>Maria Lopez</td><td>person</td><td>female \(article\)</td><td class=n>3</td>", page)


def test_an_empty_database_gives_a_page_not_an_error():
    page = render(compute(ReportData(articles=0, quotes=(), people=(), top_speakers=())))
    assert "No person quoted has a known gender" in page and "No quote has a speaker." in page


@pytest.mark.parametrize("normalize", [False, True])
def test_stacked_bars_keep_the_category_order_and_leave_out_empty_ones(normalize):
    spec = charts.stacked("t", {"A": {"b": 1, "a": 2}, "B": {"a": 1}}, ["a", "b", "c"], normalize=normalize)
    assert spec["encoding"]["color"]["scale"]["domain"] == ["a", "b"]
    assert [v["category"] for v in spec["data"]["values"]] == ["a", "b", "a"]
    assert (spec["encoding"]["x"]["stack"] == "normalize") is normalize


def test_characters_xml_cannot_hold_never_reach_the_chart_renderer():
    """vl-convert aborts the process (not an exception) on an escape character in a label."""
    weird = "Evil\x1b[2J \x00News\ud800\ufffe\uffff\x85\u202e\n\t"
    page = render(figures(name=weird, outlet=weird))
    assert "<svg" in page and "\x1b" not in page and "\x00" not in page
    assert charts.label(weird) == "Evil[2J News\ufffd\ufffd\ufffd"
    assert charts.label("\x1b") == "\ufffd"
