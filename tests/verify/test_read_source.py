"""Reading primary sources: plain text, HTML, subtitles with their cue times; bad files name themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotecheck.read.model import ReadError
from quotecheck.read.transcript import read_source

FIXTURES = Path(__file__).parent / "fixtures"


def test_subtitles_become_timed_lines_without_tags_or_notes():
    text = read_source(FIXTURES / "linkevicius-interview.vtt").text
    assert text.splitlines() == [
        "[00:00:01] We talked with our partners about it.",
        "[00:00:04] Nobody should ever be persecuted for who they love, and we say so openly.",
        "[00:01:02] Humanitarian visas are one of the tools we have.",
    ]


def test_srt_cues(tmp_path):
    path = tmp_path / "speech.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\n<i>Hello</i> there.\n\n2\n01:02:03,500 --> 01:02:05,000\nBye.\n")
    assert read_source(path).text == "[00:00:01] Hello there.\n[01:02:03] Bye."


def test_html_gives_its_text_and_title():
    source = read_source(FIXTURES / "linkevicius-statement.html")
    assert "Talks with Canada about refugees were continuing" in source.text
    assert source.title == "Statement on regional security"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("speech.pdf", b"%PDF", "not a source quotecheck reads"),
        ("empty.txt", b"  \n", "no text"),
        ("binary.txt", b"a\x00b", "binary file"),
        ("nothing.vtt", b"WEBVTT\n\nNOTE only a note\n", "no subtitle cues"),
    ],
)
def test_bad_files_give_one_line_naming_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert str(error.value).startswith(f"{path}: ") and message in str(error.value)
    assert "\n" not in str(error.value)
