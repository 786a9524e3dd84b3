import json

from quotecheck.cli import cli
from quotecheck.store import QuoteFilter, Store


def _speakers(runner, db, *args):
    result = runner.invoke(cli, ["speakers", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_lists_speakers_by_quote_count_with_roles_and_review_progress(runner, db, quote_id):
    runner.invoke(cli, ["mark", "--db", str(db), str(quote_id(db, "We are just one")), "verified"])
    rows = _speakers(runner, db)
    assert [row["name"] for row in rows[:3]] == ["Linas Linkevicius", "Mia Sundelin", "Catarina Marcelino"]
    top = rows[0]
    assert top["quotes"] == 9 and top["reviewed"] == 1
    assert "the foreign minister of Lithuania" in top["roles"]
    assert "Linas Linkevičius" in top["aliases"]
    assert {row["type"] for row in rows} == {"person", "organisation", "anonymous"}


def test_name_filter_forgives_spelling(runner, db):
    for spelling in ("linkevicius", "Linkevičius", "Lincevicius"):
        rows = _speakers(runner, db, spelling)
        assert rows[0]["name"] == "Linas Linkevicius", spelling


def test_name_may_follow_the_options(runner, db):
    rows = _speakers(runner, db, "--limit", "1", "sundelin")
    assert [row["name"] for row in rows] == ["Mia Sundelin"]


def test_table_on_request(runner, db):
    result = runner.invoke(cli, ["speakers", "--db", str(db), "--format", "table", "--limit", "3"])
    assert result.exit_code == 0
    assert "Linas Linkevicius" in result.stdout and "0/9 (0%)" in result.stdout
    assert "Karen Ellemann" not in result.stdout


def test_merge_by_name_and_id_is_recorded_and_undoable(runner, db, quote_id):
    with Store(db) as store:
        demir = next(s for s in store.speakers("Zuhal Demir") if s.name == "Zuhal Demir")
    result = runner.invoke(cli, ["speakers", "--db", str(db), "merge", "Karen Ellemann", str(demir.id)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f'Merged #{demir.id} "Zuhal Demir" into #')
    assert "(2 quotes)" in result.stdout
    names = [row["name"] for row in _speakers(runner, db, "--limit", "0")]
    assert "Zuhal Demir" not in names
    with Store(db) as store:
        moved = store.quote(quote_id(db, "the government was also discussing"))
        assert moved.speaker == "Karen Ellemann"
    undo = runner.invoke(cli, ["undo", "--db", str(db)])
    assert undo.exit_code == 0 and undo.stdout.startswith("Undid tester's merge: speaker #")
    assert "Zuhal Demir" in [row["name"] for row in _speakers(runner, db, "--limit", "0")]


def test_merge_errors_are_friendly(runner, db):
    unknown = runner.invoke(cli, ["speakers", "--db", str(db), "merge", "Karen Ellemann", "Linkevicius"])
    assert unknown.exit_code == 1
    assert unknown.stderr.startswith("Error: no speaker named 'Linkevicius'; did you mean Linas Linkevicius (#")
    same = runner.invoke(cli, ["speakers", "--db", str(db), "merge", "mia sundelin", "Mia Sundelin"])
    assert same.exit_code == 1 and "are the same speaker" in same.stderr
    missing_id = runner.invoke(cli, ["speakers", "--db", str(db), "merge", "1", "999"])
    assert missing_id.exit_code == 1 and missing_id.stderr.startswith("Error: ")
    assert "Traceback" not in unknown.output + same.output + missing_id.output


def test_rename(runner, db):
    with Store(db) as store:
        minister = store.speakers("Linas Linkevicius")[0]
    # --db may also follow the subcommand
    new_name = "Linas Antanas Linkevičius"
    result = runner.invoke(cli, ["speakers", "rename", "--db", str(db), str(minister.id), new_name, "--reviewer", "eva"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f'Renamed #{minister.id} "Linas Linkevicius" to "Linas Antanas Linkevičius".\n'
    rows = _speakers(runner, db, "--limit", "1")
    assert rows[0]["name"] == "Linas Antanas Linkevičius"
    with Store(db) as store:
        assert store.speaker_history(minister.id)[-1].reviewer == "eva"


def test_rename_to_nothing_is_refused(runner, db):
    result = runner.invoke(cli, ["speakers", "--db", str(db), "rename", "1", "  "])
    assert result.exit_code == 1 and result.stderr == "Error: the new name is empty\n"


def test_help_shows_name_and_subcommands(runner):
    result = runner.invoke(cli, ["speakers", "--help"])
    assert result.exit_code == 0
    assert "Usage: cli speakers [OPTIONS] [NAME] | COMMAND [ARGS]..." in result.stdout
    assert "merge" in result.stdout and "rename" in result.stdout


def test_an_anonymous_source_is_a_speaker_of_one_article(runner, db):
    rows = _speakers(runner, db, "diplomat")
    diplomat = next(row for row in rows if row["name"] == "A diplomat who asked not to be named")
    with Store(db) as store:
        [quote] = store.quotes(QuoteFilter(speaker_id=diplomat["id"]))
    assert diplomat["article_id"] == quote.article_id
    assert all(row["article_id"] is None for row in _speakers(runner, db) if row["type"] != "anonymous")
    table = runner.invoke(cli, ["speakers", "--db", str(db), "diplomat", "--format", "table"], env={"COLUMNS": "250"})
    assert f"A diplomat who asked not to be named (article {quote.article_id} only)" in table.stdout


def test_rename_to_an_existing_name_offers_a_merge(runner, db):
    with Store(db) as store:
        mia = store.speakers("Mia Sundelin")[0]
        marcelino = store.speakers("Catarina Marcelino")[0]
        before = store.count_quotes()
    args = ["speakers", "rename", "--db", str(db), str(marcelino.id), "MIA  sundelin"]
    declined = runner.invoke(cli, args, input="n\n")
    assert declined.exit_code == 1
    assert f'#{mia.id} is named "Mia Sundelin" already. Merge #{marcelino.id} "Catarina Marcelino" into it? [y/N]' in (
        declined.stderr)  # fmt: skip
    assert declined.stderr.endswith(f"merge the two instead of renaming: quotecheck speakers merge {mia.id} "
                                    f"{marcelino.id}\n")  # fmt: skip
    with Store(db) as store:
        assert len(store.speakers("Mia Sundelin", limit=5)) >= 1 and store.speaker(marcelino.id).name == "Catarina Marcelino"
    accepted = runner.invoke(cli, [*args, "--merge"])
    assert accepted.exit_code == 0, accepted.output
    assert accepted.stdout.startswith(f'Merged #{marcelino.id} "Catarina Marcelino" into #{mia.id} "Mia Sundelin"')
    with Store(db) as store:
        assert store.speaker(marcelino.id).merged_into == mia.id and store.count_quotes() == before
    assert runner.invoke(cli, ["undo", "--db", str(db)]).exit_code == 0
    with Store(db) as store:
        assert store.speaker(marcelino.id).merged_into is None


def test_gender_is_listed_with_its_source_set_by_a_reviewer_cleared_and_undone(runner, db):
    rows = {row["name"]: row for row in _speakers(runner, db, "--limit", "0")}
    assert (rows["Mia Sundelin"]["gender"], rows["Mia Sundelin"]["gender_source"]) == ("female", "first-name")
    assert rows["Lithuania"]["gender"] is None
    result = runner.invoke(cli, ["speakers", "--db", str(db), "gender", "Mia Sundelin", "male"])
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith('"Mia Sundelin": gender male (reviewer).\n')
    result = runner.invoke(cli, ["speakers", "--db", str(db), "gender", str(rows["Mia Sundelin"]["id"]), "clear"])
    assert result.stdout.endswith('"Mia Sundelin": gender unknown (reviewer).\n')
    result = runner.invoke(cli, ["undo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "gender male (reviewer) -> unknown (reviewer)" in result.stdout
    [mia] = _speakers(runner, db, "Mia Sundelin", "--limit", "1")
    assert (mia["gender"], mia["gender_source"]) == ("male", "reviewer")


def test_gender_refuses_organisations_and_unknown_values(runner, db):
    result = runner.invoke(cli, ["speakers", "--db", str(db), "gender", "Lithuania", "female"])
    assert result.exit_code == 1 and "not a person" in result.output and "Traceback" not in result.output
    result = runner.invoke(cli, ["speakers", "--db", str(db), "gender", "Mia Sundelin", "woman"])
    assert result.exit_code == 2 and "'woman' is not one of" in result.output
