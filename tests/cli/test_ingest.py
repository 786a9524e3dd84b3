import json
import os
import pty
import random
import signal
import sqlite3
import subprocess
import sys
import time

from quotecheck.cli import cli
from quotecheck.extract import extract
from quotecheck.store import Store, pipeline, schema
from quotecheck.store.models import QuoteFilter


def _stats(db):
    with Store(db) as store:
        return store.stats()


def test_ingest_a_file_then_again_is_a_no_op(runner, tmp_path, chechens_file):
    db = tmp_path / "quotes.db"
    first = runner.invoke(cli, ["ingest", "--db", str(db), str(chechens_file)])
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("1 new article, 0 already stored, 0 failed;")
    quotes = _stats(db).quotes
    assert f"{quotes} quote" in first.stdout

    again = runner.invoke(cli, ["ingest", "--db", str(db), str(chechens_file)])
    assert again.exit_code == 0
    assert again.stdout.startswith("0 new articles, 1 already stored, 0 failed; 0 quotes added")
    assert _stats(db).articles == 1 and _stats(db).quotes == quotes


def test_directories_are_read_recursively(runner, tmp_path, chechens_file):
    nested = tmp_path / "in" / "deeper"
    nested.mkdir(parents=True)
    (tmp_path / "in" / "one.txt").write_text(chechens_file.read_text(encoding="utf-8"), encoding="utf-8")
    (nested / "two.md").write_text('# Title\n\n"We will help," the minister said.\n', encoding="utf-8")
    db = tmp_path / "quotes.db"
    result = runner.invoke(cli, ["ingest", "--db", str(db), str(tmp_path / "in")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 new articles")
    assert result.stderr == ""
    assert _stats(db).articles == 2


def test_files_that_hold_no_article_are_listed_and_counted_not_failed(runner, tmp_path, chechens_file):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "story.txt").write_text(chechens_file.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "story.gold.json").write_text("{}", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    (folder / "LICENSE").write_text("text", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\0")  # hidden: not a file anyone put there to be read
    result = runner.invoke(cli, ["ingest", "--db", str(tmp_path / "quotes.db"), str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"{folder / 'LICENSE'}: skipped, unsupported file without an extension",
        f"{folder / 'scan.pdf'}: skipped, unsupported file type '.pdf'",
        f"{folder / 'story.gold.json'}: skipped, gold annotations (for quotecheck eval)",
    ]
    assert result.stdout.startswith("1 new article, 0 already stored, 0 failed, 3 files skipped as no article; ")


def test_a_new_title_outlet_url_or_date_updates_the_stored_article(runner, tmp_path, quote_id):
    story = tmp_path / "story.jsonl"
    record = {"text": 'The mayor said the budget was balanced. "We will not cut it," she said.', "title": "Old",
              "outlet": "Planet", "url": "https://planet.example/1", "published": "2024-01-02"}
    story.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / "quotes.db"
    runner.invoke(cli, ["ingest", "--db", str(db), str(story)])
    story.write_text(json.dumps(record | {"title": "New", "published": "2024-01-03", "outlet": None}) + "\n",
                     encoding="utf-8")
    result = runner.invoke(cli, ["ingest", "--db", str(db), str(story)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("0 new articles, 1 already stored (1 with new title, outlet, url or date), ")
    with Store(db) as store:
        (quote, *_) = store.quotes()
        assert (quote.article_title, quote.outlet, quote.url, quote.published) == (
            "New", "Planet", "https://planet.example/1", "2024-01-03"  # an outlet not given is kept
        )
        assert store.quotes(QuoteFilter(since="2024-01-03"))  # each quote's date for ordering follows
    again = runner.invoke(cli, ["ingest", "--db", str(db), str(story)])
    assert again.stdout.startswith("0 new articles, 1 already stored, 0 failed;")


def test_bad_inputs_are_reported_one_line_each_and_the_rest_is_stored(runner, tmp_path, chechens_file):
    batch = tmp_path / "batch"
    batch.mkdir()
    good = {"text": chechens_file.read_text(encoding="utf-8"), "title": "Lithuania helps gay Chechens flee Russia"}
    lines = [json.dumps(good), "{not json", json.dumps({"title": "no text"}),
             json.dumps({"text": "Marcelino said the plan was \"open to refugees\"."})]  # fmt: skip
    (batch / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (batch / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary\x00")
    (batch / "empty.txt").write_text("", encoding="utf-8")
    (batch / "latin1.txt").write_bytes("Caf\xe9 owner said business was fine.".encode("latin-1"))
    db = tmp_path / "quotes.db"

    result = runner.invoke(cli, ["ingest", "--db", str(db), str(batch), str(tmp_path / "missing.txt")])

    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert any(line.startswith(f"{batch / 'articles.jsonl'}:2:") for line in errors), errors
    assert any(line.startswith(f"{batch / 'articles.jsonl'}:3:") for line in errors), errors
    assert any(line.startswith(f"{batch / 'binary.txt'}:") for line in errors), errors
    assert any(line.startswith(f"{batch / 'empty.txt'}:") for line in errors), errors
    assert any(line.startswith(f"{tmp_path / 'missing.txt'}:") for line in errors), errors
    assert "Traceback" not in result.output
    stats = _stats(db)
    stored = stats.articles
    assert stored == 3  # both good JSONL lines and the Latin-1 file
    assert result.stdout.startswith(f"{stored} new article")
    assert f"{len(errors)} failed" in result.stdout


def test_stdin(runner, tmp_path):
    db = tmp_path / "quotes.db"
    text = '"We are just one of many countries," Linas Linkevicius said on Friday.\n'
    result = runner.invoke(cli, ["ingest", "--db", str(db), "-"], input=text)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 new article")
    assert _stats(db).articles == 1


def test_summary_counts_match_the_database(runner, tmp_path, chechens_file):
    db = tmp_path / "quotes.db"
    result = runner.invoke(cli, ["ingest", "--db", str(db), str(chechens_file)])
    with Store(db) as store:
        stats = store.stats()
        speakers = len(store.speakers(limit=1000))
    assert f"; {stats.quotes} quote{'s' if stats.quotes != 1 else ''} added, " in result.stdout
    assert f"{speakers} new speaker" in result.stdout


def test_no_progress_bar_when_not_on_a_terminal(runner, tmp_path, chechens_file):
    result = runner.invoke(cli, ["ingest", "--db", str(tmp_path / "q.db"), str(chechens_file)])
    assert "Ingesting" not in result.output
    assert "\r" not in result.output


def test_database_path_that_is_not_a_database(runner, tmp_path, chechens_file):
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("this is not SQLite, just a text file of sufficient length " * 20, encoding="utf-8")
    result = runner.invoke(cli, ["ingest", "--db", str(not_a_db), str(chechens_file)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.output


def test_quotecheck_db_environment_variable(runner, tmp_path, monkeypatch, chechens_file):
    db = tmp_path / "from-env.db"
    monkeypatch.setenv("QUOTECHECK_DB", str(db))
    result = runner.invoke(cli, ["ingest", str(chechens_file)])
    assert result.exit_code == 0, result.output
    assert db.exists()


def test_paths_are_required(runner, tmp_path):
    result = runner.invoke(cli, ["ingest", "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 2
    assert "Missing argument" in result.output


def test_progress_bar_on_a_terminal(tmp_path, chechens_file):
    """Run in a pseudo-terminal: the progress line shows with its speed, and an error line clears it before
    printing."""
    controller, terminal = pty.openpty()
    command = ["ingest", "--db", str(tmp_path / "q.db"), str(chechens_file), str(tmp_path / "missing.txt")]
    process = subprocess.Popen(
        [sys.executable, "-c", "from quotecheck.cli import cli; cli()", *command],
        stdin=terminal, stdout=terminal, stderr=terminal, env={**os.environ, "TERM": "xterm"},
    )  # fmt: skip
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # EIO once the child has closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    assert process.wait(timeout=60) == 1
    text = output.decode("utf-8", "replace")
    assert "Ingesting" in text and "articles/s" in text
    assert f"\r\x1b[2K{tmp_path / 'missing.txt'}: no such file or directory\r\n" in text
    assert "1 new article, 0 already stored, 1 failed;" in text


def test_a_full_database_stops_the_run_with_one_message_and_keeps_what_was_stored(runner, tmp_path, monkeypatch):
    db = tmp_path / "quotes.db"
    articles = tmp_path / "wire.jsonl"
    articles.write_text("".join(
        json.dumps({"text": f'"Statement {n} is {"long " * 200}," Ann Lee {n} said on Monday.'}) + "\n"
        for n in range(40)
    ), encoding="utf-8")  # fmt: skip
    assert runner.invoke(cli, ["init", "--db", str(db)]).exit_code == 0
    connect = schema.connect

    def small_disk(path, **options):  # the disk fills up a few articles into the run
        database = connect(path, **options)
        pages = database.execute("PRAGMA page_count").fetchone()[0]
        database.execute(f"PRAGMA max_page_count = {pages + 6}")
        return database

    monkeypatch.setattr(schema, "connect", small_disk)
    monkeypatch.setattr(pipeline, "CHUNK_ARTICLES", 4)  # transactions of 4 articles: the disk fills a few in
    result = runner.invoke(cli, ["ingest", "--db", str(db), str(articles)])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: {db}: cannot write to the database (database or disk is full)")
    stored = _stats(db).articles
    assert 0 < stored < 40 and f"stored until then: {stored} new articles" in line


def test_stdin_jsonl_whose_text_holds_line_separators_is_stored_record_by_record(runner, tmp_path):
    db = tmp_path / "quotes.db"
    wire = '{"text": "One.\u2028Still one."}\n{"text": "Two.\u0085Still two."}\n{"text": "Three."}\n'
    result = runner.invoke(cli, ["ingest", "--db", str(db), "-"], input=wire.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("3 new articles, 0 already stored, 0 failed;")


def _wire(path, count):
    """A JSONL file of ``count`` different articles, a few quotes each; returns their texts."""
    texts = [
        f'Talks on plan {n} went on. "We will sign plan {n} soon," Ana Costa{n % 9} said on Monday. '
        f"Her deputy, Ben Ode{n % 4}, said the plan was \"a fair start\". The ministry said plan {n} had support."
        for n in range(count)
    ]
    path.write_text("".join(json.dumps({"text": text, "id": n}) + "\n" for n, text in enumerate(texts)),
                    encoding="utf-8")  # fmt: skip
    return texts


def _stored_quotes(db):
    """external id -> [(start, end, kind)] of every stored article."""
    with Store(db, mode="read") as store:
        rows = store.db.execute(
            "SELECT a.external_id, q.start, q.end, q.kind FROM articles a LEFT JOIN quotes q ON q.article_id = a.id"
            " ORDER BY a.id, q.start"
        ).fetchall()
        assert store.integrity_problems() == []
    found = {}
    for external_id, *span in rows:
        found.setdefault(int(external_id), []).append(tuple(span))
    return found


def test_one_job_and_several_jobs_store_the_same(runner, tmp_path):
    texts = _wire(tmp_path / "wire.jsonl", 150)
    outputs = []
    for jobs in ("1", "2"):
        db = tmp_path / f"jobs{jobs}.db"
        result = runner.invoke(cli, ["ingest", "--jobs", jobs, "--db", str(db), str(tmp_path / "wire.jsonl")])
        assert result.exit_code == 0, result.output
        outputs.append((result.stdout, _stored_quotes(db)))
    assert outputs[0] == outputs[1]
    assert outputs[0][0].startswith(f"{len(texts)} new articles, 0 already stored, 0 failed;")


def test_an_ingest_killed_at_random_moments_resumes_with_every_article_stored_once(tmp_path):
    """SIGKILL a real `ingest --jobs 2` (workers included) several times, each time once a random number of articles
    more is stored, then run it to the end: every article is there exactly once, each with all its quotes."""
    wire, db = tmp_path / "wire.jsonl", tmp_path / "quotes.db"
    texts = _wire(wire, 1200)
    command = [sys.executable, "-c", "from quotecheck.cli import cli; cli()", "ingest", "--jobs", "2", "--db", str(db),
               str(wire)]  # fmt: skip
    rng = random.Random(7)
    kills = 0
    for _ in range(4):
        before = _count_articles(db)
        target = before + rng.randint(1, len(texts) // 8)
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        while process.poll() is None and _count_articles(db) < target:
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.05))  # somewhere inside the next batch
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)  # the whole process group: the workers too
            kills += 1
        process.wait()
    partial = _count_articles(db)
    assert kills >= 3 and 0 < partial < len(texts)

    finished = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.startswith(f"{len(texts) - partial} new articles, {partial} already stored, 0 failed;")
    stored = _stored_quotes(db)
    assert sorted(stored) == list(range(len(texts)))  # each once: ids are unique keys of the dict, and all there
    for number, text in enumerate(texts):
        assert stored[number] == [(q.start, q.end, q.kind) for q in extract(text)], number


def _count_articles(db) -> int:
    """How many articles another process has committed so far (0 before the file exists)."""
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # its schema not created yet
        return 0
    finally:
        conn.close()


def test_text_in_other_encodings_is_stored_as_utf8_and_an_encoding_can_be_forced(runner, tmp_path):
    story = tmp_path / "story.txt"
    story.write_bytes('Mayor speaks\n\nThe mayor of São Paulo said: “We will rebuild the café.”\n'.encode("cp1252"))
    db = tmp_path / "quotes.db"
    result = runner.invoke(cli, ["ingest", "--db", str(db), str(story)])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert [quote.text for quote in store.quotes()] == ["We will rebuild the café."]
        assert "São Paulo" in store.article(1).text
    forced = runner.invoke(cli, ["ingest", "--db", str(tmp_path / "other.db"), "--encoding", "utf-8", str(story)])
    assert forced.exit_code == 1 and forced.stderr == f"{story}: not utf-8 text (invalid byte at offset 28)\n"
    unknown = runner.invoke(cli, ["ingest", "--db", str(db), "--encoding", "klingon", str(story)])
    assert unknown.exit_code == 2 and "'klingon' is not a text encoding Python knows" in unknown.stderr
