"""``quotecheck extract-batch`` on a real dask.distributed cluster, then ``quotecheck ingest`` of its shards: the
same database as ingesting the articles themselves."""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed", reason="the scale extra is not installed: pip install -e '.[scale]'")
pytest.importorskip("pyarrow", reason="the scale extra is not installed: pip install -e '.[scale]'")

from dask.distributed import LocalCluster  # noqa: E402

from quotecheck.batch import run as batch_run  # noqa: E402
from quotecheck.cli import cli  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "corpus"



# What ingest stores, less the moment it was stored
TABLES = {
    "articles": "SELECT id, title, outlet, url, published, text, sha256, source, external_id FROM articles",
    "quotes": 'SELECT id, article_id, speaker_id, speaker_name, published, "start", "end", text, kind, role,'
              " mention_start, mention_end, cue, confidence, rule FROM quotes",
    "speakers": "SELECT id, name, type, key, article_id FROM speakers",
    "speaker_aliases": "SELECT speaker_id, alias, key FROM speaker_aliases",
}  # fmt: skip


def contents(db) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as conn:
        found = {table: sorted(conn.execute(query)) for table, query in TABLES.items()}
    conn.close()
    return found


@pytest.fixture(scope="module")
def scheduler():
    """A cluster of two worker processes, as a remote one would be reached: by its address."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def archive(tmp_path):
    """A small archive: two JSONL shards (with a bad line and an article JSON can hold but UTF-8 cannot), the
    bundled articles in a subdirectory, and a binary file."""
    root = tmp_path / "archive"
    shutil.copytree(CORPUS, root / "corpus", ignore=shutil.ignore_patterns("*.json", "README*"))
    texts = sorted(path.read_text(encoding="utf-8") for path in CORPUS.glob("*.txt"))
    lines = [json.dumps({"text": text.replace("said", "told reporters"), "id": n, "outlet": "Wire"})
             for n, text in enumerate(texts)]  # fmt: skip
    (root / "wire-1.jsonl").write_text("\n".join([*lines[:3], "{not json"]) + "\n", encoding="utf-8")
    surrogate = json.dumps({"text": '"Broken \udc80 text," Ann Lee said.'})  # written as the escape \udc80
    (root / "wire-2.jsonl").write_text("\n".join([*lines[3:], surrogate, lines[0]]) + "\n", encoding="utf-8")
    (root / "binary.txt").write_bytes(b"\x00\x01binary")
    return root


def test_ingesting_the_shards_gives_the_database_ingesting_the_articles_gives(runner, tmp_path, archive, scheduler):
    shards, from_shards, from_text = tmp_path / "shards", tmp_path / "shards.db", tmp_path / "text.db"
    batch = runner.invoke(cli, ["extract-batch", "--scheduler", scheduler, "--out", str(shards), str(archive)])
    assert batch.exit_code == 1, batch.output  # the bad inputs
    direct = runner.invoke(cli, ["ingest", "--jobs", "1", "--db", str(from_text), str(archive)])
    assert direct.exit_code == 1
    assert sorted(batch.stderr.splitlines()) == sorted(direct.stderr.splitlines())
    assert len(batch.stderr.splitlines()) == 3
    assert batch.stdout.startswith("9 shards written, 0 kept from an earlier run, 3 failed; 13 articles")
    names = sorted(path.name for path in shards.iterdir())
    assert names[:2] == ["000000-binary.parquet", "000001-elmbridge-library.parquet"]  # numbered in input order

    stored = runner.invoke(cli, ["ingest", "--db", str(from_shards), str(shards)])
    assert stored.exit_code == 0 and stored.stderr == "", stored.output
    assert stored.stdout.splitlines()[-1] == direct.stdout.splitlines()[-1].replace("3 failed", "0 failed")
    assert contents(from_shards) == contents(from_text)
    assert len(contents(from_shards)["quotes"]) > 150

    again = runner.invoke(cli, ["ingest", "--db", str(from_shards), str(shards)])
    assert again.stdout.startswith("0 new articles, 13 already stored, 0 failed")


def test_a_rerun_keeps_the_shards_made_and_does_the_rest(runner, tmp_path):
    shards = tmp_path / "shards"
    first = runner.invoke(cli, ["extract-batch", "--jobs", "2", "-o", str(shards), str(CORPUS)])  # a local cluster
    assert first.exit_code == 0 and first.stderr == "", first.output
    assert first.stdout == (f"6 shards written, 0 kept from an earlier run, 0 failed; 6 articles, 94 quotes. "
                            f"Store them: quotecheck ingest {shards}\n")  # fmt: skip
    made = sorted(shards.iterdir())
    made[2].unlink()  # as if the run had stopped before this one
    (made[3]).write_bytes(b"damaged")  # no shard of its input: made again
    second = runner.invoke(cli, ["extract-batch", "--jobs", "1", "-o", str(shards), str(CORPUS)])
    assert second.stdout.startswith("2 shards written, 4 kept from an earlier run, 0 failed; 2 articles")
    assert sorted(shards.iterdir()) == made


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["-"], "extract-batch reads files (which every worker can open), not stdin"),
        (["--jobs", "2", "--scheduler", "tcp://127.0.0.1:9"], "with --scheduler the cluster has its own"),
        (["--scheduler", "tcp://127.0.0.1:9"], "cannot reach the Dask scheduler at tcp://127.0.0.1:9"),
    ],
)
def test_usage_errors_are_one_line(runner, tmp_path, monkeypatch, arguments, message):
    monkeypatch.setattr(batch_run, "CONNECT_TIMEOUT", "1s")
    result = runner.invoke(cli, ["extract-batch", "-o", str(tmp_path / "out"), *arguments, str(CORPUS)])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr, result.stderr


def test_an_output_directory_that_cannot_be_made(runner, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = runner.invoke(cli, ["extract-batch", "-o", str(blocker / "out"), str(CORPUS)])
    assert result.exit_code == 1 and "cannot create the output directory" in result.stderr


def test_a_parquet_file_that_is_no_shard_is_reported_and_the_rest_stored(runner, tmp_path, chechens_file):
    bogus = tmp_path / "bogus.parquet"
    bogus.write_text("not parquet", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", "--db", str(tmp_path / "q.db"), str(bogus), str(chechens_file)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{bogus}: cannot read the Parquet file (")
    assert result.stdout.startswith("1 new article, 0 already stored, 1 failed")


def test_shards_without_the_scale_extra_say_what_to_install(runner, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "quotecheck.batch.shards", None)  # as if pyarrow were missing
    monkeypatch.setitem(sys.modules, "quotecheck.batch.run", None)
    shard = tmp_path / "000000-a.parquet"
    shard.write_bytes(b"")
    for command in (["ingest", "--db", str(tmp_path / "q.db"), str(shard)], ["extract-batch", "-o", "x", "a.txt"]):
        result = runner.invoke(cli, command)
        assert result.exit_code == 1 and "pip install 'quotecheck[scale]'" in result.stderr, result.output
    assert not (tmp_path / "q.db").exists()
