"""The whole pipeline (read → extract → store) on random and adversarial files: every quote-mark style, nested
marks, malformed HTML and Markdown, invalid UTF-8, UTF-16, NUL, U+2028, binary, empty, huge. No crash, no
traceback, every failure one line naming its file, the summary true, and the database sound after each run."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecheck.cli import cli
from quotecheck.store import Store
from tests.extract.test_robustness import CUE_WORDS, QUOTE_MARKS, WORDS

MARKUP = ["<p>", "</p>", "<div", "<script>alert(1)</script>", "<!--", "-->", "<b><i>", "</b>", "&amp;", "&#0;",
          "&nbsp", "<![CDATA[", "]]>", "<html><body>", "</html>", "# ", "---\ntitle: [x](javascript:1)\n---\n",
          "[link](http://x)", "```", "> ", "* ", "\\"]  # fmt: skip
SEPARATORS = ["\u2028", "\u2029", "\x85", "\x00", "\r", "\n\n", "\ufeff", "\udc80"]  # \udc80: JSON may escape it

words = st.sampled_from(QUOTE_MARKS + CUE_WORDS + WORDS + MARKUP + SEPARATORS)
prose = st.one_of(
    st.lists(words, max_size=60).map(" ".join),
    st.lists(words, max_size=60).map("".join),
    st.text(max_size=200),
)


def encoded(text: str, how: str) -> bytes:
    """``text`` as a file would hold it; lone surrogates go the way a broken encoder would send them."""
    if how == "utf-16":
        return text.encode("utf-16", "surrogatepass")
    data = text.encode("utf-8", "surrogatepass")
    if how == "invalid utf-8":
        middle = len(data) // 2
        return data[:middle] + b"\xff\xc3(\x80" + data[middle:]
    return ("\ufeff".encode() if how == "utf-8 with BOM" else b"") + data


@st.composite
def jsonl(draw) -> bytes:
    lines = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["record", "record", "record", "not json", "not an object", "no text"]))
        if kind == "record":
            record = {"text": draw(prose), "title": draw(prose), "published": draw(st.sampled_from(
                [None, "2024-02-30", "yesterday", "2024-05-01T10:00:00Z", 17]))}  # fmt: skip
            if draw(st.booleans()):
                record["id"] = draw(st.one_of(st.integers(), prose))
            lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())))
        elif kind == "not json":
            lines.append(draw(prose).replace("\n", " "))
        else:
            lines.append(json.dumps([1, 2]) if kind == "not an object" else json.dumps({"title": "no text"}))
    return encoded("\n".join(lines), draw(st.sampled_from(["utf-8", "utf-8", "invalid utf-8"])))


@st.composite
def article_file(draw) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from([".txt", ".md", ".html", ".jsonl", ".txt"]))
    if suffix == ".jsonl":
        return suffix, draw(jsonl())
    if draw(st.integers(0, 9)) == 0:
        return suffix, draw(st.binary(max_size=300))
    text = draw(prose)
    if suffix == ".html" and draw(st.booleans()):
        text = f"<html><body><p>{text}<p><div>{draw(prose)}</body>"  # unbalanced on purpose
    how = draw(st.sampled_from(["utf-8", "utf-8", "utf-8 with BOM", "utf-16", "invalid utf-8"]))
    return suffix, encoded(text, how)


SUMMARY = re.compile(
    r"(\d+) new articles?, (\d+) already stored(?: \(\d+ with new title, outlet, url or date\))?, (\d+) failed"
    r"(?:, \d+ files? skipped as no article)?; (\d+) quotes? added, \d+ new speakers?\."
)


def ingest_and_check(runner: CliRunner, db: Path, paths: list[Path]) -> None:
    with Store(db) as store:
        before = store.stats().articles
    result = runner.invoke(cli, ["ingest", "--jobs", "1", "--db", str(db), *map(str, paths)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    summary = SUMMARY.fullmatch(result.stdout.strip())
    assert summary, result.output
    new, _, failed, _ = map(int, summary.groups())
    assert result.exit_code == (1 if failed else 0)
    problems = result.stderr.splitlines()
    assert len(problems) == failed
    for line in problems:
        assert any(line.startswith(str(path)) for path in paths), line
    with Store(db, mode="read") as store:
        assert store.integrity_problems() == []
        assert store.stats().articles == before + new


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory) -> Path:
    """One database for every example: it must stay sound however many odd inputs went into it."""
    return tmp_path_factory.mktemp("fuzz") / "quotes.db"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article_file(), min_size=1, max_size=4))
def test_random_and_adversarial_files(shared_db, files):
    with tempfile.TemporaryDirectory() as scratch:
        paths = []
        for number, (suffix, content) in enumerate(files):
            path = Path(scratch) / f"input{number}{suffix}"
            path.write_bytes(content)
            paths.append(path)
        ingest_and_check(CliRunner(), shared_db, paths)


# Sized for the suite: benchmarks/extract_speed.py times inputs of many megabytes.
HUGE = {
    "1 MB article of mixed quote marks and cues": (
        '"We will win," said Ann Lee. «Non», a-t-il dit. ‘Yes’ — she told reporters “nested ‘marks’ here” '
        "according to the minister.\n"
    ) * 8_000,
    "half a megabyte on one line": ("She said “the plan works” and he said it was ‘not over’ " * 9_000),
    "100,000 blank lines": "\n" * 100_000 + '"x," he said.',
    "JSONL of 2,000 one-line records": "".join(json.dumps({"text": f'"Item {n}," Ann Lee said.'}) + "\n"
                                               for n in range(2_000)),  # fmt: skip
}


@pytest.mark.parametrize("name", HUGE)
def test_huge_inputs(tmp_path, name):
    path = tmp_path / ("wire.jsonl" if name.startswith("JSONL") else "huge.txt")
    path.write_text(HUGE[name], encoding="utf-8")
    ingest_and_check(CliRunner(), tmp_path / "quotes.db", [path])
