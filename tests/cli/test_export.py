import csv
import io
import json

import pytest
import regex

from quotecheck.cli import cli
from quotecheck.store import Store


@pytest.fixture
def reviewed(runner, db, quote_id):
    """Three verified quotes (two rated), one disputed, the rest unreviewed."""

    def mark(words, *args):
        result = runner.invoke(cli, ["mark", "--db", str(db), str(quote_id(db, words)), *args])
        assert result.exit_code == 0, result.output

    mark("We are just one of many countries", "verified", "--rating", "mostly-true", "--note", "On video")
    mark("Vilnius will keep issuing", "verified", "--rating", "false")
    mark("I am bringing the concerns", "verified")
    mark("HYPERLINK", "disputed")
    return db


def _export(runner, db, *args):
    result = runner.invoke(cli, ["export", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_default_is_the_verified_sheet_in_markdown_grouped_by_article(runner, reviewed):
    sheet = _export(runner, reviewed)
    assert regex.match(r"# Verified quotes\n\n3 quotes from 2 articles, exported \d{4}-\d\d-\d\d \d\d:\d\d UTC\.\n",
                       sheet)
    chechens = sheet.index("## Lithuania helps gay Chechens flee Russia")
    visas = sheet.index("## Lithuania to keep humanitarian visas")
    assert chechens < sheet.index("> “We are just one of many countries") < sheet.index("> “I am bringing") < visas
    assert visas < sheet.index("*Paraphrase:* Vilnius will keep issuing humanitarian visas")
    assert "HYPERLINK" not in sheet and "It's not sufficient" not in sheet
    assert regex.search(r"\*\*Rating:\*\* Mostly true · \*\*Reviewed by:\*\* tester, \d{4}-\d\d-\d\d\n", sheet)
    assert "**Note:** On video" in sheet


def test_output_file(runner, reviewed, tmp_path):
    target = tmp_path / "sheet.html"
    result = runner.invoke(cli, ["export", "--db", str(reviewed), "--format", "html", "-o", str(target)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"Wrote 3 quotes to {target}.\n"
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page


def test_filters_as_in_search(runner, reviewed):
    rows = json.loads(_export(runner, reviewed, "--format", "json", "--speaker", "linkevičius"))
    assert {row["speaker"] for row in rows} == {"Linas Linkevicius"} and len(rows) == 2
    rows = json.loads(_export(runner, reviewed, "--format", "json", "--outlet", "LRT"))
    assert [row["text"] for row in rows] == ["Vilnius will keep issuing humanitarian visas"]
    rows = json.loads(_export(runner, reviewed, "--format", "json", "--text", "countries"))
    assert [row["text"] for row in rows] == ["We are just one of many countries [involved],"]
    rows = json.loads(_export(runner, reviewed, "--format", "json", "--status", "any"))
    assert len(rows) == 31


def test_csv_neutralises_formulas(runner, reviewed):
    table = list(csv.DictReader(io.StringIO(_export(runner, reviewed, "--format", "csv", "--status", "disputed"))))
    assert len(table) == 1
    assert table[0]["text"].startswith("'=HYPERLINK(")
    assert "\x1b" not in table[0]["text"] and "\x1b" not in table[0]["outlet"]


def test_html_escapes_hostile_text(runner, reviewed):
    page = _export(runner, reviewed, "--format", "html", "--status", "disputed")
    assert "<script>" not in page and "<b>trouble</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page


def test_claimreview_for_rated_quotes(runner, reviewed, quote_id):
    items = json.loads(_export(runner, reviewed, "--format", "claimreview", "--publisher", "Example Checks",
                               "--url", "https://checks.example/1"))  # fmt: skip
    assert [item["claimReviewed"] for item in items] == [
        "We are just one of many countries [involved],",
        "Vilnius will keep issuing humanitarian visas",
    ]
    first = items[0]
    assert first["author"] == {"@type": "Organization", "name": "Example Checks"}
    assert first["reviewRating"]["alternateName"] == "Mostly true"
    assert {item["url"] for item in items} == {"https://checks.example/1"}  # the fact-check, not the article
    assert first["itemReviewed"]["appearance"]["url"] == "https://euobserver.com/lgbti/137990"
    assert first["itemReviewed"]["author"]["name"] == "Linas Linkevicius"
    with Store(reviewed) as store:
        reviewed_on = store.quote(quote_id(reviewed, "We are just one of many")).updated_at[:10]
    assert first["datePublished"] == reviewed_on and first["itemReviewed"]["datePublished"] == "2017-05-19"


def test_claimreview_reports_incomplete_items_and_writes_nothing_unless_allowed(runner, db, quote_id, tmp_path):
    hostile = quote_id(db, "HYPERLINK")  # its article's url is javascript:, which is never used
    runner.invoke(cli, ["mark", "--db", str(db), str(hostile), "verified", "--rating", "false"])
    target = tmp_path / "claims.json"
    export = ["export", "--db", str(db), "--format", "claimreview", "--publisher", "X", "-o", str(target)]
    result = runner.invoke(cli, export)
    assert result.exit_code == 1 and not target.exists()
    assert result.stderr == (
        f"quote #{hostile}: no fact-check url (give --url, or an evidence link on the quote); "
        "no appearance (its article has no http(s) url)\n"
        "Error: 1 ClaimReview item incomplete; nothing written (fill them in, or give --allow-incomplete to write "
        "them as they are)\n"
    )
    with_url = runner.invoke(cli, [*export, "--url", "https://checks.example/1"])
    assert with_url.exit_code == 1 and "no fact-check url" not in with_url.stderr and not target.exists()
    allowed = runner.invoke(cli, [*export, "--url", "https://checks.example/1", "--allow-incomplete"])
    assert allowed.exit_code == 0 and "no appearance" in allowed.stderr
    (item,) = json.loads(target.read_text(encoding="utf-8"))
    assert item["url"] == "https://checks.example/1" and "appearance" not in item["itemReviewed"]


def test_claimreview_url_from_each_quotes_evidence(runner, db, quote_id):
    quote = quote_id(db, "We are just one of many countries")
    runner.invoke(cli, ["mark", "--db", str(db), str(quote), "verified", "--rating", "false",
                        "--evidence", "https://checks.example/linkevicius"])  # fmt: skip
    (item,) = json.loads(_export(runner, db, "--format", "claimreview", "--publisher", "X"))
    assert item["url"] == "https://checks.example/linkevicius"


def test_claimreview_needs_a_publisher(runner, reviewed, monkeypatch):
    monkeypatch.delenv("QUOTECHECK_PUBLISHER", raising=False)
    result = runner.invoke(cli, ["export", "--db", str(reviewed), "--format", "claimreview"])
    assert result.exit_code == 1
    assert result.stderr == "Error: --format claimreview needs --publisher NAME (the fact-checking organisation)\n"
    monkeypatch.setenv("QUOTECHECK_PUBLISHER", "Env Checks")
    items = json.loads(_export(runner, reviewed, "--format", "claimreview", "--url", "https://checks.example/1"))
    assert items[0]["author"]["name"] == "Env Checks"


def test_nothing_to_export_is_said_on_stderr(runner, db):
    result = runner.invoke(cli, ["export", "--db", str(db)])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Verified quotes\n\n0 quotes from 0 articles, exported ")
    assert result.stderr == "No quotes match these filters; the sheet is empty.\n"


def test_unwritable_output(runner, reviewed, tmp_path):
    result = runner.invoke(cli, ["export", "--db", str(reviewed), "-o", str(tmp_path / "no" / "such" / "dir.md")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot write ")


def test_a_full_disk_leaves_the_previous_sheet_not_an_empty_file(runner, reviewed, tmp_path, monkeypatch):
    import errno
    import pathlib

    target = tmp_path / "sheet.md"
    target.write_text("yesterday's sheet\n", encoding="utf-8")

    def disk_full(path, data):
        with open(path, "wb") as file:
            file.write(data[:10])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pathlib.Path, "write_bytes", disk_full)
    result = runner.invoke(cli, ["export", "--db", str(reviewed), "-o", str(target)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {target}: No space left on device\n"
    assert target.read_text(encoding="utf-8") == "yesterday's sheet\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["quotes.db", "sheet.md"]


def _one_line(text: str) -> str:
    return regex.sub(r"\s+", " ", text).strip()


# The corpus sheet before the sheet was made compact: 94 quotes on 25 Letter pages, under 4 a page.
QUOTES_PER_PAGE_AT_LEAST = 10


def test_the_printed_sheet_is_compact_and_starts_with_the_first_quote(runner, db, tmp_path, headless_browser):
    marked = runner.invoke(cli, ["mark-all", "--db", str(db), "verified", "--rating", "half-true", "--yes",
                                 "--note", "Checked against the recording"])  # fmt: skip
    assert marked.exit_code == 0, marked.output
    sheet = tmp_path / "sheet.html"
    exported = runner.invoke(cli, ["export", "--db", str(db), "--format", "html", "-o", str(sheet)])
    assert exported.exit_code == 0, exported.output
    rows = json.loads(runner.invoke(cli, ["export", "--db", str(db), "--format", "json"]).stdout)

    pages = headless_browser.print_to_pdf(sheet, tmp_path / "sheet.pdf")

    assert len(rows) >= 30
    assert len(pages) <= -(-len(rows) // QUOTES_PER_PAGE_AT_LEAST), f"{len(rows)} quotes on {len(pages)} pages"
    first_page = _one_line(pages[0])
    assert first_page.startswith(f"Verified quotes {len(rows)} quotes from 3 articles · exported ")
    first = rows[0]
    words = {"direct": f"“{first['text']}”", "indirect": f"PARAPHRASE {first['text']}"}.get(first["kind"])
    assert _one_line(words or first["text"]) in first_page
    assert f"{first['speaker']}" in first_page and "reviewed by tester" in first_page
