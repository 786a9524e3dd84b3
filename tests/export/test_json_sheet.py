import json

import pytest

from quotecheck.export import FORMATS, render
from quotecheck.export.rows import FIELDS


def test_rows_round_trip_with_every_field(make_record):
    record = make_record(speaker="Linas Linkevičius", rating="true", note="ok")
    rows = json.loads(render("json", [record]))
    assert len(rows) == 1
    assert list(rows[0]) == list(FIELDS)
    assert rows[0]["speaker"] == "Linas Linkevičius"
    assert rows[0]["rating"] == "true"
    assert rows[0]["published"] == "2017-05-19"


def test_data_is_kept_exactly_but_terminal_controls_are_escaped(make_record):
    text = "CSI\x9b31m, ESC\x1b[0m, bidi\u202eevil, Linkevičius"
    sheet = render("json", [make_record(text=text)])
    assert "\x9b" not in sheet and "\x1b" not in sheet and "\u202e" not in sheet
    assert "Linkevičius" in sheet  # readable, not \u-escaped
    assert json.loads(sheet)[0]["text"] == text


def test_unknown_format_is_refused(make_record):
    assert "claimreview" in FORMATS
    with pytest.raises(ValueError, match="unknown export format"):
        render("docx", [make_record()])


HOSTILE = "</script><script>alert(1)</script> & <!-- \u2028\u2029"


@pytest.mark.parametrize("fmt", ["json", "claimreview"])
def test_json_for_the_web_cannot_break_out_of_a_script_tag(make_record, fmt):
    record = make_record(text=HOSTILE, speaker=HOSTILE, role=HOSTILE, article_title=HOSTILE, rating="false",
                         url="https://example.org/?a=1&b=<2>")
    sheet = render(fmt, [record], publisher=HOSTILE, url="https://example.org/check?x=<y>&z")
    for char in "<>&\u2028\u2029":
        assert char not in sheet
    assert "\\u003c/script\\u003e" in sheet
    decoded = json.dumps(json.loads(sheet), ensure_ascii=False)
    assert HOSTILE in decoded and "https://example.org/?a=1&b=<2>" in decoded  # the data itself is unchanged
