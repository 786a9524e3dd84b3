import json
import re

from quotecheck.cli import cli


def test_quote_in_its_paragraph_with_its_attribution(runner, db, quote_id):
    qid = quote_id(db, "Nobody should be persecuted")
    result = runner.invoke(cli, ["show", "--db", str(db), str(qid)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"Quote #{qid} · direct · unreviewed  (version 1)"
    assert '"Nobody should be persecuted for who they love," the minister told reporters in Vilnius.' in lines
    assert "Vilnius will keep issuing" not in result.stdout  # only the quote's own paragraph
    for expected in ("Speaker     Linas Linkevicius (#", "Role        the minister", "Cue         told",
                     "Rule        test-fixture", "Confidence  0.80",
                     "Article     #2 Lithuania to keep humanitarian visas",
                     "Source      LRT, 2017-06-12", "Not reviewed yet."):  # fmt: skip
        assert any(line.startswith(expected) for line in lines), expected


def test_full_review_history(runner, db, quote_id):
    qid = quote_id(db, "We are just one of many countries")
    runner.invoke(cli, ["mark", "--db", str(db), str(qid), "disputed", "--note", "No record of this"])
    runner.invoke(cli, ["mark", "--db", str(db), str(qid), "verified", "--rating", "true", "--reviewer", "eva"])
    result = runner.invoke(cli, ["show", "--db", str(db), str(qid)])
    history = result.stdout.split("History\n", 1)[1].splitlines()
    assert [re.split(r"\s{2,}", line)[1:] for line in history] == [
        ["tester", "status unreviewed -> disputed"],
        ["tester", 'note "No record of this"'],
        ["eva", "status disputed -> verified"],
        ["eva", "rating none -> true"],
    ]
    assert "Note        No record of this" in result.stdout


def test_json(runner, db, quote_id):
    qid = quote_id(db, "not that unusual")
    result = runner.invoke(cli, ["show", "--db", str(db), str(qid), "--json"])
    data = json.loads(result.stdout)
    assert data["quote"]["text"] == "not that unusual" and data["quote"]["kind"] == "partial"
    assert data["paragraph"].startswith("But Linkevicius said it was")
    assert data["history"] == []


def test_hostile_text_is_printed_inert(runner, db, quote_id):
    result = runner.invoke(cli, ["show", "--db", str(db), str(quote_id(db, "HYPERLINK"))])
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "<script>alert(1)</script>" in result.stdout  # shown as text


def test_unknown_quote(runner, db):
    result = runner.invoke(cli, ["show", "--db", str(db), "999"])
    assert result.exit_code == 1
    assert result.stderr == "Error: no quote with id 999\n"


def test_claims_are_listed_and_in_the_json(runner, db, quote_id):
    qid = quote_id(db, "roughly 40 gay Chechens")
    result = runner.invoke(cli, ["show", "--db", str(db), str(qid)])
    assert result.exit_code == 0, result.output
    claims_line = next(line for line in result.stdout.splitlines() if line.startswith("Claims"))
    assert "past-fact  has denied" in claims_line and "quantity  roughly 40 gay Chechens" in claims_line
    payload = json.loads(runner.invoke(cli, ["show", "--db", str(db), str(qid), "--json"]).stdout)
    assert [(c["type"], c["text"]) for c in payload["quote"]["claims"]] == [
        ("past-fact", "has denied"), ("quantity", "roughly 40 gay Chechens")]
    plain = runner.invoke(cli, ["show", "--db", str(db), str(quote_id(db, "Nobody should be persecuted"))])
    assert "Claims" not in plain.stdout


def test_the_people_named_with_the_speaker(runner, tmp_path):
    article = tmp_path / "joint.txt"
    article.write_text('Council row\n\n"We disagree," said Rosa Diaz and Ben Cole.\n', encoding="utf-8")
    database = tmp_path / "joint.db"
    assert runner.invoke(cli, ["ingest", "--db", str(database), str(article)]).exit_code == 0
    result = runner.invoke(cli, ["show", "--db", str(database), "1"])
    assert result.exit_code == 0, result.output
    assert any(line.startswith("Speaker     Rosa Diaz (#") for line in result.stdout.splitlines())
    assert "With        Ben Cole" in result.stdout.splitlines()
    shown = json.loads(runner.invoke(cli, ["show", "--db", str(database), "1", "--json"]).stdout)
    assert shown["quote"]["co_speakers"] == ["Ben Cole"]
