"""An anonymous source or description ("a spokesman") is a speaker of its article only: every sheet says so."""

from __future__ import annotations

import csv
import io
import json

import pytest

from quotecheck.export import render
from quotecheck.export.rows import sheet_row, speaker_label

SPOKESMAN = dict(speaker="a spokesman", speaker_type="anonymous", role=None, speaker_article_id=1)


@pytest.mark.parametrize(
    "overrides, scope",
    [({}, "shared"), (SPOKESMAN, "article"), (dict(speaker_id=None, speaker=None, speaker_type=None), None)],
)
def test_rows_carry_the_speaker_scope(make_record, overrides, scope):
    record = make_record(**overrides)
    assert sheet_row(record)["speaker_scope"] == scope
    assert json.loads(render("json", [record]))[0]["speaker_scope"] == scope
    [row] = csv.DictReader(io.StringIO(render("csv", [record])))
    assert row["speaker_scope"] == (scope or "")


@pytest.mark.parametrize(
    "speaker, scope, label",
    [("a spokesman", "article", "a spokesman (this article only)"), ("Ann Lee", "shared", "Ann Lee"), (None, None, None)],
)
def test_speaker_label(speaker, scope, label):
    assert speaker_label(speaker, scope) == label


def test_markdown_and_html_mark_a_speaker_of_this_article_only(make_record):
    scoped, shared = make_record(1, **SPOKESMAN), make_record(2)
    markdown = render("md", [scoped, shared])
    assert "- **Speaker:** a spokesman *(this article only)*" in markdown
    assert markdown.count("this article only") == 1
    page = render("html", [scoped, shared])
    assert '<span class="speaker">a spokesman</span> <span class="scope">(this article only)</span>' in page
    assert page.count("(this article only)") == 1
