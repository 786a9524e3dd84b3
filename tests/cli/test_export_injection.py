"""The injection matrix: hostile text stored through the real store comes out inert in every export format and in
the review app. Each payload sits in every place text can come from (quote, speaker's role, article title, outlet,
reviewer's note) of a verified, rated quote. (The app's side: tests/review/test_untrusted_text.py.)"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from quotecheck.cli import cli
from quotecheck.extract.model import Quote
from quotecheck.read.model import Article
from quotecheck.store import Store

PAYLOADS = {
    "formula": '=HYPERLINK("http://evil.example","x")',
    "formula after a tab": "\t+cmd|' /C calc'!A0",
    "script": "</script><script>alert(1)</script>",
    "html attribute": '"><img src=x onerror=alert(1)>',
    "markdown link": "[click](javascript:alert(1)) ![x](http://evil.example/pixel)",
    "rich markup": "[bold red]loud[/] [link=http://evil.example]x[/link]",
    "terminal escapes": "\x1b[2J\x1b]0;pwned\x07 bell",
    "bidi override": "\u202egnp.exe",
    "line separators": "one\u2028two\u2029three",
    "comment and cdata": "<!-- --> ]]> {{ template }}",
}
FORMATS = ["md", "csv", "json", "html", "claimreview"]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "quotes.db"
    with Store(path) as store:
        for name, payload in PAYLOADS.items():
            text = f"Before. “{payload}” said Ann Lee. After."
            start = text.index(payload)
            quote = Quote(start, start + len(payload), payload, "direct", "Ann Lee", "person", role=payload,
                          cue="said", confidence=0.9, rule="test")  # fmt: skip
            article = Article(text, title=payload, outlet=payload, url="javascript:alert(1)", source=name)
            quote_id = store.add_article(article, [quote]).article_id  # one quote per article: same id
            store.mark(quote_id, "verified", rating="false", note=payload, reviewer="tester")
    return path


def export(runner, db, fmt: str) -> str:
    # (the hostile articles have no safe url or date: their ClaimReview items are incomplete, written anyway)
    extra = ["--publisher", PAYLOADS["script"], "--allow-incomplete"] if fmt == "claimreview" else []
    result = runner.invoke(cli, ["export", "--db", str(db), "--format", fmt, *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


# What must never appear in each format: markup or links a payload could have made live.
FORBIDDEN = {
    "md": [r"(?<!\\)<", r"(?<!\\)\]\("],  # unescaped HTML or link syntax
    "html": [r"<script", r"<img", r"href=\"(?!https?://)"],
    "json": [r"[<>]"],  # escaped as \u003c, so the JSON may sit in a <script> of a web page
    "claimreview": [r"[<>]"],
    "csv": [r"^[=+\-@\t\r]", r",[=+\-@\t\r]", r",\"[=+\-@\t\r]"],  # a cell that starts a formula
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_export_lets_a_payload_act(runner, hostile_db, fmt):
    sheet = export(runner, hostile_db, fmt)
    for control in ("\x1b", "\x07", "\u202e", "\x00"):
        assert control not in sheet  # nothing reaches the terminal or the page as a control character
    for pattern in FORBIDDEN[fmt]:
        assert not re.search(pattern, sheet, re.MULTILINE), (pattern, re.search(pattern, sheet, re.MULTILINE))
    if fmt == "csv":
        cells = [cell for row in csv.reader(io.StringIO(sheet)) for cell in row]
        assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
        assert sum(PAYLOADS["formula"] in cell for cell in cells) >= 4  # the words are kept, made inert


@pytest.mark.parametrize("fmt", ["json", "claimreview"])
def test_json_keeps_the_words_while_escaping_them(runner, hostile_db, fmt):
    data = json.loads(export(runner, hostile_db, fmt))
    found = json.dumps(data, ensure_ascii=False)
    for name in ("formula", "script", "markdown link", "rich markup", "comment and cdata"):
        assert PAYLOADS[name] in found or json.dumps(PAYLOADS[name])[1:-1] in found, name
