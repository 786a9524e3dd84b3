import csv
import io

import pytest

from quotecheck.export import render
from quotecheck.export.rows import FIELDS


def _rows(sheet: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(sheet)))


def test_header_and_one_row_per_quote(make_record):
    sheet = render("csv", [make_record(1), make_record(2, article_id=2, rating="false")])
    assert sheet.splitlines()[0] == ",".join(FIELDS)
    rows = _rows(sheet)
    assert [row["id"] for row in rows] == ["1", "2"]
    assert rows[0]["speaker"] == "Linas Linkevicius"
    assert rows[0]["rating"] == ""
    assert rows[1]["rating"] == "false"
    assert rows[1]["outlet"] == "Publico"
    assert rows[0]["confidence"] == "0.9"


@pytest.mark.parametrize("dangerous", ["=HYPERLINK(\"http://evil\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_formula_cells_are_neutralised(make_record, dangerous):
    rows = _rows(render("csv", [make_record(text=dangerous, speaker=dangerous, note=dangerous)]))
    for field in ("text", "speaker", "note"):
        assert rows[0][field].startswith("'"), rows[0][field]
        assert rows[0][field][1:].lstrip("\t") == dangerous.lstrip("\t\r")


def test_control_characters_are_removed_but_newlines_kept(make_record):
    rows = _rows(render("csv", [make_record(text="line one\x1b[2J\nline two\x07")]))
    assert rows[0]["text"] == "line one[2J\nline two"


def test_control_character_cannot_hide_a_formula(make_record):
    rows = _rows(render("csv", [make_record(text="\x1b=1+1")]))
    assert rows[0]["text"] == "'=1+1"


def test_ordinary_text_is_untouched(make_record):
    rows = _rows(render("csv", [make_record(text='He said "fine", then left.')]))
    assert rows[0]["text"] == 'He said "fine", then left.'


def test_rows_carry_the_reviewer_the_review_time_and_the_evidence(make_record):
    record = make_record(reviewer="anna", updated_at="2026-11-25T07:30:00.000Z", evidence_url="https://example.org/e")
    (row,) = _rows(render("csv", [record]))
    assert (row["reviewer"], row["reviewed_at"], row["evidence_url"]) == (
        "anna", "2026-11-25T07:30:00.000Z", "https://example.org/e"
    )
