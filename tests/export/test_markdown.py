import re

from quotecheck.export import InSentence, render


def test_quotes_are_grouped_under_their_article_in_order_of_first_appearance(make_record):
    records = [
        make_record(1, article_id=1, text="First from one"),
        make_record(2, article_id=2, text="Only from two", speaker="Catarina Marcelino", role=None),
        make_record(3, article_id=1, text="Second from one"),
    ]
    sheet = render("md", records, title="Verified quotes")
    lines = sheet.splitlines()
    assert lines[0] == "# Verified quotes"
    assert "3 quotes from 2 articles." in lines
    one = lines.index("## Lithuania helps gay Chechens flee Russia")
    two = lines.index("## Portugal backs refugee plan")
    assert one < lines.index("> “First from one”") < lines.index("> “Second from one”") < two
    assert two < lines.index("> “Only from two”")
    assert sheet.count("## ") == 2
    assert "EUobserver, 2017-05-19 · <https://euobserver.com/lgbti/137990>" in lines


def test_each_quote_carries_speaker_role_status_rating_reviewer_note_and_evidence(make_record):
    record = make_record(
        rating="mostly-true", note="Checked against the ministry's transcript", evidence_url="https://example.org/t"
    )
    sheet = render("md", [record])
    assert "- **Speaker:** Linas Linkevicius, the foreign minister of Lithuania" in sheet
    assert "- **Status:** Verified · **Rating:** Mostly true · **Reviewed by:** anna, 2026-11-25" in sheet
    assert "- **Note:** Checked against the ministry's transcript" in sheet
    assert "- **Evidence:** <https://example.org/t>" in sheet


def test_multi_paragraph_quote_stays_inside_the_blockquote(make_record):
    sheet = render("md", [make_record(text="First paragraph.\nSecond paragraph.")])
    assert "> “First paragraph.\n> Second paragraph.”" in sheet


def test_each_kind_is_set_as_what_it_is(make_record):
    direct = make_record(1, kind="direct", text="We will not back down.")
    reported = make_record(2, kind="indirect", text="the talks had failed")
    fragment = make_record(3, kind="partial", text="a shameful decision")
    sentence = InSentence(before='The mayor called it "', words="a shameful decision", after='" on Monday.')
    lines = render("md", [direct, reported, fragment], sentences={3: sentence}).splitlines()
    assert "> “We will not back down.”" in lines
    assert "*Paraphrase:* the talks had failed" in lines  # never in quotation marks, never a blockquote
    assert not any("the talks had failed" in line and (line.startswith(">") or "“" in line) for line in lines)
    assert '*Fragment:* The mayor called it "**a shameful decision**" on Monday.' in lines


def test_a_fragment_without_its_sentence_is_still_marked_as_one(make_record):
    sheet = render("md", [make_record(kind="partial", text="a shameful decision")])
    assert "*Fragment:* “**a shameful decision**”" in sheet


def test_unreviewed_quotes_have_no_review_line(make_record):
    sheet = render("md", [make_record(status="unreviewed", reviewer=None, updated_at=None)])
    assert "- **Status:** Unreviewed\n" in sheet and "Reviewed by" not in sheet


def test_untrusted_text_cannot_become_markup_or_links(make_record):
    record = make_record(
        text="<script>alert(1)</script> [click](javascript:alert(1)) *bold* # not a heading",
        speaker="Eve <img src=x onerror=alert(1)>",
        url="javascript:alert(document.cookie)",
        evidence_url="data:text/html,<script>alert(1)</script>",
        note="\x1b[31mred\x1b[0m",
    )
    sheet = render("md", [record])
    assert not re.search(r"(?<!\\)[<\[]", sheet.split("## ", 1)[1]), "an unescaped < or [ in the sheet"
    assert r"\<script\>alert(1)\</script\>" in sheet
    assert r"\[click\](javascript:alert(1))" in sheet
    assert r"\*bold\* \# not a heading" in sheet
    assert "javascript:alert(document" not in sheet
    assert "data:text/html" not in sheet
    assert "\x1b" not in sheet


def test_empty_sheet_says_so(make_record):
    assert render("md", []) == "# Quote sheet\n\n0 quotes from 0 articles.\n"


def test_a_newline_in_a_title_or_outlet_stays_inside_its_line(make_record):
    record = make_record(article_title="Harbour deal\n# Injected heading\n<img src=x>", outlet="Wire\n\n- fake item")
    sheet = render("md", [record], title="Sheet\n## Injected too")
    lines = sheet.splitlines()
    assert lines[0] == "# Sheet \\#\\# Injected too"
    assert "## Harbour deal \\# Injected heading \\<img src=x\\>" in lines
    assert not any(line.startswith(("# Injected", "- fake", "<img")) for line in lines)
    assert any(line.startswith("Wire - fake item, 2017-05-19") for line in lines)


def test_the_people_named_with_the_speaker_follow_the_speaker(make_record):
    sheet = render("md", [make_record(co_speakers=("Ben *Cole*",))])
    assert "Linas Linkevicius with Ben \\*Cole\\*, the foreign minister of Lithuania" in sheet
