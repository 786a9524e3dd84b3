"""Databases for the command tests: the bundled article stored with its gold quotes (so these tests do not depend on
how well the extractor does), plus two small articles written here: one spelling the minister's name with its
accent, one carrying hostile text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotecheck.extract.model import Quote
from quotecheck.read.model import Article
from quotecheck.store import Store

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
CHECHENS = CORPUS / "eu-lithuania-chechens.txt"

VISAS_TEXT = (
    "Lithuania to keep humanitarian visas\n"
    "Vilnius will keep issuing humanitarian visas, Linas Linkevičius said on Monday.\n"
    '"Nobody should be persecuted for who they love," the minister told reporters in Vilnius.\n'
    "A diplomat who asked not to be named said talks with Canada about refugees were continuing.\n"
)

HOSTILE_TEXT = (
    "Spreadsheet trouble\n"
    '"=HYPERLINK(""http://evil.example"") \x1b[31m<script>alert(1)</script> refugees," Mallory Hacker said.\n'
)


def _quote(text: str, words: str, kind: str, speaker: str | None, speaker_type: str | None, role: str | None,
           mention: str | None = None, cue: str | None = "said", rule: str = "test-fixture") -> Quote:
    start = text.index(words)
    mention_start = text.index(mention, start + len(words)) if mention else None
    return Quote(
        start=start, end=start + len(words), text=words, kind=kind, speaker=speaker, speaker_type=speaker_type,
        role=role, mention_start=mention_start, mention_end=mention_start + len(mention) if mention else None,
        cue=cue, confidence=0.8, rule=rule,
    )  # fmt: skip


def chechens_article() -> tuple[Article, list[Quote]]:
    text = CHECHENS.read_text(encoding="utf-8")
    gold = json.loads(CHECHENS.with_suffix(".gold.json").read_text(encoding="utf-8"))
    speakers = {speaker["name"]: speaker for speaker in gold["speakers"]}
    quotes = [
        Quote(
            start=q["start"], end=q["end"], text=q["text"], kind=q["kind"], speaker=q["speaker"],
            speaker_type=speakers[q["speaker"]]["type"], role=speakers[q["speaker"]]["role"],
            cue="said", confidence=0.9, rule="gold",
        )  # fmt: skip
        for q in gold["quotes"]
    ]
    article = Article(
        text=text, title="Lithuania helps gay Chechens flee Russia", outlet="EUobserver",
        url="https://euobserver.com/lgbti/137990", published="2017-05-19", source=str(CHECHENS),
    )  # fmt: skip
    return article, quotes


def visas_article() -> tuple[Article, list[Quote]]:
    text = VISAS_TEXT
    quotes = [
        _quote(text, "Vilnius will keep issuing humanitarian visas", "indirect", "Linas Linkevičius", "person",
               None, mention="Linas Linkevičius"),
        _quote(text, "Nobody should be persecuted for who they love,", "direct", "Linas Linkevičius", "person",
               "the minister", mention="the minister", cue="told"),
        _quote(text, "talks with Canada about refugees were continuing", "indirect",
               "A diplomat who asked not to be named", "anonymous", None),
    ]  # fmt: skip
    article = Article(
        text=text, title="Lithuania to keep humanitarian visas", outlet="LRT", url="https://www.lrt.lt/en/visas",
        published="2017-06-12", source="visas.txt",
    )  # fmt: skip
    return article, quotes


def hostile_article() -> tuple[Article, list[Quote]]:
    text = HOSTILE_TEXT
    words = text[text.index('"') + 1 : text.index(',"')]
    quotes = [_quote(text, words, "direct", "Mallory Hacker", "person", "\x1b]0;pwned\x07 hacker", mention="Mallory")]
    article = Article(
        text=text, title="Spreadsheet <b>trouble</b>", outlet="Evil\x1b[2J News", url="javascript:alert(1)",
        published="2018-01-01", source="hostile.txt",
    )  # fmt: skip
    return article, quotes


@pytest.fixture
def db(tmp_path) -> Path:
    """A database holding the three articles and their quotes, nothing reviewed."""
    path = tmp_path / "quotes.db"
    with Store(path) as store:
        for article, quotes in (chechens_article(), visas_article(), hostile_article()):
            store.add_article(article, quotes)
    return path


@pytest.fixture
def runner(monkeypatch) -> CliRunner:
    monkeypatch.setenv("QUOTECHECK_REVIEWER", "tester")
    monkeypatch.delenv("QUOTECHECK_DB", raising=False)
    return CliRunner()


@pytest.fixture
def quote_id():
    """``quote_id(db, words)``: the id of the stored quote whose text contains ``words``."""

    def find(db: Path, words: str) -> int:
        with Store(db) as store:
            (record,) = [r for r in store.quotes(limit=1000) if words in r.text]
            return record.id

    return find


@pytest.fixture
def chechens_file() -> Path:
    """The bundled article about Lithuania and the Chechens."""
    return CHECHENS
