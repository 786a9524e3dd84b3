import io
import itertools
from pathlib import Path

import pytest

from quotecheck.read import Article, ReadError, Skipped, estimate_count, iter_articles, read_file

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> str:
    return str(FIXTURES / name)


def test_plain_text_with_headline():
    article = read_file(fixture("harbour.txt"))
    assert article.title == "Harbour dredging to start in June"
    assert article.text.startswith("Harbour dredging to start in June\nThe port authority said")
    assert article.text.endswith("said harbourmaster Ines Okafor.")
    assert article.source == fixture("harbour.txt")


def test_bom_and_every_newline_style_are_normalised():
    article = read_file(fixture("bom-crlf.txt"))
    assert article.text == (
        "Headline with a BOM\nFirst paragraph, with Windows newlines.\nSecond paragraph.\nOld Mac line."
    )
    assert article.title == "Headline with a BOM"


def test_markdown_becomes_plain_paragraphs_with_front_matter_metadata():
    article = read_file(fixture("council.md"))
    assert article.text == (
        "Council approves cycle lanes\n"
        "The council voted 7-2 on Thursday to build protected cycle lanes on Quay Road, the mayor's office said.\n"
        '"This is a safer street for everyone," said councillor Dev Amin.\n'
        "Work starts in August.\n"
        "Cost: £1.2m"
    )
    assert (article.title, article.outlet, article.url, article.published) == (
        "Council approves cycle lanes",
        "The Riverside Post",
        "https://riverside-post.example/cycle-lanes",
        "2024-05-02",
    )


def test_html_main_text_and_metadata_without_navigation_or_footer():
    article = read_file(fixture("ferry.html"))
    paragraphs = article.text.split("\n")
    assert paragraphs[0] == "Ferry fares frozen for a second year"
    assert "“Families here depend on the crossing,” said committee chair Tom Reyes." in paragraphs[2]
    assert paragraphs[4] == "One skipper called the oldest ferry “a floating antique” on Tuesday."  # from <q>
    assert "Sport" not in article.text and "Subscribe" not in article.text and "<" not in article.text
    assert article.title == "Ferry fares frozen for a second year"
    assert article.outlet == "Island Gazette"
    assert article.published == "2023-11-14"
    assert article.url == "https://island-gazette.example/news/ferry-fares"


def test_jsonl_articles_metadata_and_bad_lines():
    items = list(iter_articles([fixture("wires.jsonl")]))
    articles = [item for item in items if isinstance(item, Article)]
    errors = [str(item) for item in items if isinstance(item, ReadError)]
    assert [a.source for a in articles] == [fixture("wires.jsonl") + f":{n}" for n in (1, 2, 8)]
    first, second, third = articles
    assert (first.title, first.outlet, first.url, first.published, first.external_id) == (
        "Rail strike called off", "Wire", "https://wire.example/1", "2024-02-01", "w1")
    assert (second.outlet, second.published, second.external_id) == ("Town Crier", "2024-02-03", "2")
    assert third.text == "Windows line\nendings are normalised."
    path = fixture("wires.jsonl")
    assert errors == [
        f"{path}:4: not valid JSON (Expecting property name enclosed in double quotes)",
        f"{path}:5: not a JSON object",
        f'{path}:6: no "text" string',
        f"{path}:7: empty text",
    ]


@pytest.mark.parametrize(
    "name, reason",
    [
        ("binary.txt", "binary file (contains NUL bytes)"),
        ("empty.txt", "no text"),
        ("empty-page.html", "no article text found in the HTML"),
        ("missing.txt", "no such file or directory"),
        ("batch/notes.csv", "unsupported file type '.csv' (readable: .txt .md .markdown .html .htm .jsonl)"),
    ],
)
def test_bad_inputs_give_one_line_errors(name, reason):
    with pytest.raises(ReadError) as caught:
        read_file(fixture(name))
    assert str(caught.value) == f"{fixture(name)}: {reason}"


def test_read_file_refuses_a_jsonl_file_of_several_articles():
    with pytest.raises(ReadError, match="not valid JSON"):
        read_file(fixture("wires.jsonl"))


def test_a_batch_continues_past_bad_inputs_and_directories_are_recursive_and_sorted():
    items = list(iter_articles([fixture("binary.txt"), fixture("batch"), fixture("harbour.txt")]))
    assert isinstance(items[0], ReadError)
    articles = [item.source for item in items[1:] if isinstance(item, Article)]
    assert articles == [fixture("batch/a.txt"), fixture("batch/nested/b.md"), fixture("harbour.txt")]


def test_files_of_a_directory_that_hold_no_article_are_listed_with_the_reason():
    skipped = [str(item) for item in iter_articles([fixture("batch")]) if isinstance(item, Skipped)]
    assert skipped == [
        f"{fixture('batch/README.md')}: skipped, a README (documentation beside the articles)",
        f"{fixture('batch/b.gold.json')}: skipped, gold annotations (for quotecheck eval)",
        f"{fixture('batch/notes.csv')}: skipped, unsupported file type '.csv'",
    ]


def test_stdin_is_sniffed_as_jsonl_html_or_text():
    def from_stdin(content: str):
        return list(iter_articles(["-"], stdin=io.StringIO(content)))

    [jsonl_a, jsonl_b] = from_stdin('{"text": "One."}\n{"text": "Two.", "title": "T"}\n')
    assert (jsonl_a.text, jsonl_a.source, jsonl_b.title, jsonl_b.source) == ("One.", "-:1", "T", "-:2")
    [html] = from_stdin((FIXTURES / "ferry.html").read_text(encoding="utf-8"))
    assert html.outlet == "Island Gazette" and html.source == "-"
    [fragment] = from_stdin(  # a bare fragment, no <html> or <body>
        '<div><p>Ms Lee said "no comment" to <b>reporters</b> outside the town hall after the vote.</p>'
        "<p>The council meets again on Thursday, when the budget is due to be published.</p></div>"
    )
    assert fragment.text == (
        'Ms Lee said "no comment" to reporters outside the town hall after the vote.\n'
        "The council meets again on Thursday, when the budget is due to be published."
    )
    [text] = from_stdin("He said: <b> is not HTML here.\n")
    assert text.text == "He said: <b> is not HTML here."


def test_stdin_bytes_are_decoded_and_checked():
    [article] = iter_articles(["-"], stdin=io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbfCaf\xc3\xa9 \r\nsaid.")))
    assert article.text == "Café \nsaid."
    [latin1] = iter_articles(["-"], stdin=io.TextIOWrapper(io.BytesIO(b"caf\xe9 au lait")))
    assert latin1.text == "café au lait"
    [error] = iter_articles(["-"], stdin=io.TextIOWrapper(io.BytesIO(b"caf\xe9")), encoding="utf-8")
    assert str(error) == "-: not utf-8 text (invalid byte at offset 3)"


# Raw in JSON strings, and line breaks to str.splitlines(): a record holding one must stay whole.
SEPARATORS = "\u2028\u2029\x85"
WIRE = (
    '{"text": "One.' + SEPARATORS + 'Still one.", "title": "A"}\n'
    '{"text": "Two.", "title": "B"}\n'
    "{broken\n"
    '{"text": "Four.", "title": "D"}\n'
)


def _records(items):
    return [(item.title, item.text, item.source) if isinstance(item, Article) else str(item) for item in items]


def test_jsonl_lines_end_at_newlines_only(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(WIRE, encoding="utf-8")
    where = str(path)
    assert _records(iter_articles([where])) == [
        ("A", "One." + SEPARATORS + "Still one.", f"{where}:1"),
        ("B", "Two.", f"{where}:2"),
        f"{where}:3: not valid JSON (Expecting property name enclosed in double quotes)",
        ("D", "Four.", f"{where}:4"),
    ]


def test_stdin_jsonl_with_separators_and_a_bad_line_is_still_jsonl():
    items = iter_articles(["-"], stdin=io.TextIOWrapper(io.BytesIO(WIRE.encode("utf-8"))))
    assert [item if isinstance(item, str) else item[2] for item in _records(items)] == [
        "-:1", "-:2", "-:3: not valid JSON (Expecting property name enclosed in double quotes)", "-:4"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_with_a_byte_order_mark_is_read(tmp_path, encoding):
    path = tmp_path / "notepad.txt"
    text = 'Café talks\r\n"We agree," Zoë Ng said.\r\n'
    path.write_bytes(text.encode("utf-16") if encoding == "utf-16" else ("\ufeff" + text).encode(encoding))
    article = read_file(path)
    assert article.text == 'Café talks\n"We agree," Zoë Ng said.' and article.title == "Café talks"


def test_utf16_without_a_byte_order_mark_is_still_binary(tmp_path):
    path = tmp_path / "mystery.txt"
    path.write_bytes("no mark".encode("utf-16-le"))
    with pytest.raises(ReadError, match="binary file"):
        read_file(path)


def test_links_and_pipes_in_a_directory_are_reported_and_skipped(tmp_path):
    import os

    (tmp_path / "good.txt").write_text("Plain words.", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    (tmp_path / "self").symlink_to(tmp_path)  # a link to a directory: not followed, no loop
    os.mkfifo(tmp_path / "pipe.txt")
    items = [item if isinstance(item, ReadError) else item.source for item in iter_articles([str(tmp_path)])]
    assert [str(item) for item in items] == [
        f"{tmp_path / 'gone.txt'}: dangling symbolic link, skipped",
        str(tmp_path / "good.txt"),
        f"{tmp_path / 'loop-a'}: symbolic link loop, skipped",
        f"{tmp_path / 'loop-b'}: symbolic link loop, skipped",
        f"{tmp_path / 'pipe.txt'}: a named pipe (FIFO), not a file, skipped",
    ]


def test_a_pipe_given_as_a_file_is_refused_not_waited_on(tmp_path):
    import os
    import subprocess
    import sys

    os.mkfifo(tmp_path / "pipe.txt")
    result = subprocess.run(
        [str(Path(sys.executable).with_name("quotecheck")), "ingest", "--db", str(tmp_path / "q.db"), str(tmp_path / "pipe.txt")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == f"{tmp_path / 'pipe.txt'}: a named pipe (FIFO), not a file\n"


class _EndlessStdin:
    """stdin that never ends: an article can come out of it only if the reader streams."""

    def __init__(self):
        self.buffer = (b'{"text": "Article %d."}\n' % number for number in itertools.count(1))


def test_stdin_jsonl_is_streamed():
    first = list(itertools.islice(iter_articles(["-"], stdin=_EndlessStdin()), 3))
    assert [(article.text, article.source) for article in first] == [
        ("Article 1.", "-:1"), ("Article 2.", "-:2"), ("Article 3.", "-:3")]


def test_a_jsonl_line_that_is_not_text_is_reported_and_the_others_are_read(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_bytes(b'{"text": "One."}\n{"text": "Caf\xe9."}\n{"text": "N\x00L."}\r\n{"text": "Four."}\n')
    where = str(path)
    assert _records(iter_articles([where])) == [
        (None, "One.", f"{where}:1"),
        f"{where}:2: not UTF-8 text (invalid byte at offset 30)",
        f"{where}:3: contains NUL bytes",
        (None, "Four.", f"{where}:4"),
    ]


def test_estimate_count_counts_jsonl_lines_and_other_files(tmp_path):
    (tmp_path / "wire.jsonl").write_text('{"text": "One."}\n{"text": "Two."}\n{"text": "Three."}', encoding="utf-8")
    (tmp_path / "one.txt").write_text("Plain words.", encoding="utf-8")
    assert estimate_count([str(tmp_path)]) == 4
    assert estimate_count([str(tmp_path), "-"]) is None


def test_a_jsonl_record_without_a_title_gets_its_headline_from_the_text_as_txt_does(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(
        '{"text": "Port strike called off\\nThe union said talks would resume.", "id": "w/1"}\n'
        '{"text": "The union said talks would resume.\\nMore follows.", "id": "w/2"}\n'
        '{"text": "Port strike called off\\nThe union said so.", "title": "Given title"}\n',
        encoding="utf-8",
    )
    (tmp_path / "same.txt").write_text("Port strike called off\nThe union said talks would resume.", encoding="utf-8")
    first, second, third = iter_articles([str(path)])
    assert (first.title, second.title, third.title) == ("Port strike called off", None, "Given title")
    [text_file] = iter_articles([str(tmp_path / "same.txt")])
    assert text_file.title == first.title and text_file.text == first.text
