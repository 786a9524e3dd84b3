"""Text in the encodings a desk has: UTF-8, UTF-16 with its byte order mark, Windows-1252 and Latin-1 (detected),
or one forced; binary refused."""

from __future__ import annotations

import json

import pytest

from quotecheck.read import ReadError, iter_articles
from quotecheck.read.decode import decode, known_encoding

# Short English copy with a few accents: a detector choosing freely takes it for Central European cp1250.
STORY = "Lula spoke in São Paulo. “We will win,” he told Ms Núñez — and the café cheered.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_each_encoding_reads_as_the_same_text(encoding):
    assert decode(STORY.encode(encoding), "story.txt") == STORY


def test_latin1_text_is_detected():
    text = "Le maire a déclaré: « Ça suffit », à Genève.\n"
    assert decode(text.encode("latin-1"), "story.txt") == text


def test_another_legacy_encoding_is_detected_when_windows_1252_reads_as_gibberish():
    text = "Президент заявил, что реформа необходима. «Мы не отступим», сказал он журналистам в Москве.\n"
    assert decode(text.encode("cp1251"), "story.txt") == text


def test_a_forced_encoding_wins_and_names_the_bad_byte():
    raw = "Zürich".encode("cp1252")
    assert decode(raw, "x.txt", "cp1250") == "Zürich"
    assert decode("S\u0103o".encode("cp1250"), "x.txt", "cp1250") == "S\u0103o"  # what detection would not pick
    with pytest.raises(ReadError, match=r"^x.txt: not utf-8 text \(invalid byte at offset 1\)$"):
        decode(raw, "x.txt", "utf-8")


def test_binary_and_undecodable_bytes_are_refused():
    with pytest.raises(ReadError, match="binary file"):
        decode(b"PK\x03\x04\x00\x00", "a.txt")
    with pytest.raises(ReadError, match="no other encoding fits"):
        decode(bytes(range(1, 256)) * 3, "noise.txt")


def test_known_encoding():
    assert known_encoding("latin-1") and known_encoding("Windows-1252")
    assert not known_encoding("base64") and not known_encoding("no-such-thing")


def test_files_are_stored_as_text_whatever_their_encoding(tmp_path):
    (tmp_path / "a.txt").write_bytes(STORY.encode("cp1252"))
    (tmp_path / "b.md").write_bytes(("# Title\n\n" + STORY).encode("utf-16"))
    (tmp_path / "c.jsonl").write_bytes(json.dumps({"text": STORY}, ensure_ascii=False).encode("cp1252") + b"\n")
    items = list(iter_articles([str(tmp_path)]))
    texts = {item.source: item.text for item in items if not isinstance(item, ReadError)}
    assert texts == {str(tmp_path / "a.txt"): STORY.strip(), str(tmp_path / "b.md"): "Title\n" + STORY.strip()}
    [jsonl_error] = [str(item) for item in items if isinstance(item, ReadError)]  # JSON Lines is UTF-8 ...
    assert jsonl_error.startswith(f"{tmp_path / 'c.jsonl'}: not UTF-8 text")
    [forced] = iter_articles([str(tmp_path / "c.jsonl")], encoding="cp1252")
    assert forced.text == STORY.strip()
