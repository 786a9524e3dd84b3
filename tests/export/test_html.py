import re
from html.parser import HTMLParser

from quotecheck.export import InSentence, render


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data):
        self.text.append(data)


def _parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    return collector


def test_page_is_self_contained_and_print_ready(make_record):
    page = render("html", [make_record()], title="Verified quotes")
    parsed = _parse(page)
    assert page.startswith("<!DOCTYPE html>")
    assert "style" in parsed.tags and "script" not in parsed.tags and "link" not in parsed.tags
    assert not any(name == "src" for name, _ in parsed.attrs)
    assert "@media print" in page and "break-inside: avoid" in page
    assert "<title>Verified quotes</title>" in page


def test_shows_quote_speaker_role_outlet_date_link_status_rating_reviewer_note(make_record):
    record = make_record(rating="half-true", note="Figures from 2016", evidence_url="https://example.org/e")
    text = " ".join(_parse(render("html", [record])).text)
    for expected in (
        "We are just one of many countries [involved],",
        "Linas Linkevicius",
        "the foreign minister of Lithuania",
        "EUobserver, 2017-05-19",
        "https://euobserver.com/lgbti/137990",
        "Verified",
        "Half true",
        "anna",
        "Figures from 2016",
        "https://example.org/e",
    ):
        assert expected in text, expected


def test_quote_containing_script_shows_as_text(make_record):
    record = make_record(
        text='<script>alert("x")</script>',
        speaker="<b onmouseover=alert(1)>Eve</b>",
        role='" onclick="alert(1)',
        note="<iframe src=//evil>",
        article_title="</title><script>alert(2)</script>",
    )
    page = render("html", [record], title="<script>t</script>")
    parsed = _parse(page)
    assert parsed.tags.count("script") == 0 and "iframe" not in parsed.tags and "b" not in parsed.tags
    assert not any(name in ("onclick", "onmouseover") for name, _ in parsed.attrs)
    assert '<script>alert("x")</script>' in " ".join(parsed.text)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_only_http_links_become_hrefs(make_record):
    record = make_record(url="javascript:alert(1)", evidence_url='https://ok.example/"><script>x</script>')
    parsed = _parse(render("html", [record]))
    hrefs = [value for name, value in parsed.attrs if name == "href"]
    assert hrefs == ['https://ok.example/"><script>x</script>']
    assert "script" not in parsed.tags


def test_control_characters_are_dropped(make_record):
    page = render("html", [make_record(text="bell\x07 and \x1b[31mred")])
    assert "\x07" not in page and "\x1b" not in page
    assert "bell and [31mred" in page


def _quote_elements(page: str) -> list[str]:
    return re.findall(r'<article class="quote.*?</article>', page, flags=re.S)


def test_each_kind_is_set_as_what_it_is(make_record):
    records = [
        make_record(1, kind="direct", text="We will not back down."),
        make_record(2, kind="indirect", text="the talks had failed"),
        make_record(3, kind="partial", text="a shameful <decision>"),
    ]
    sentence = InSentence(before='The mayor called it "', words="a shameful <decision>", after='" on Monday.')
    direct, reported, fragment = _quote_elements(render("html", records, sentences={3: sentence}))
    assert '<blockquote class="words"><p>“We will not back down.”</p></blockquote>' in direct
    assert '<span class="kind">Paraphrase</span>the talks had failed</p>' in reported
    assert "blockquote" not in reported and "“" not in reported
    assert ('<span class="kind">Fragment</span>The mayor called it &quot;<mark>a shameful &lt;decision&gt;</mark>'
            "&quot; on Monday.</p>") in fragment


def test_one_line_of_metadata_per_quote_with_reviewer_and_review_date(make_record):
    record = make_record(rating="half-true", note="Figures from 2016", evidence_url="https://example.org/e")
    (quote,) = _quote_elements(render("html", [record]))
    (meta,) = re.findall(r'<p class="meta">(.*?)</p>', quote)
    assert "".join(_parse(meta).text) == (
        "Linas Linkevicius, the foreign minister of Lithuania · Verified · Half true · reviewed by anna, "
        "2026-11-25 · Note: Figures from 2016 · Evidence: https://example.org/e · #1"
    )
    assert quote.count("<p") == 2  # the words and the one metadata line


def test_header_gives_the_export_date_and_sections_link_their_article(make_record):
    page = render("html", [make_record()], title="Sheet", exported="2026-11-30 09:15 UTC")
    assert '<p class="summary">1 quote from 1 article · exported 2026-11-30 09:15 UTC</p>' in page
    assert '<h2><a href="https://euobserver.com/lgbti/137990">Lithuania helps gay Chechens flee Russia</a></h2>' in page


def test_co_speakers_are_named_with_the_speaker(make_record):
    (quote,) = _quote_elements(render("html", [make_record(role=None, co_speakers=("Ben <b>Cole</b>",))]))
    assert '<span class="speaker">Linas Linkevicius</span> with Ben &lt;b&gt;Cole&lt;/b&gt; · ' in quote
