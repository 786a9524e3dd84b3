"""What the sheets share: safe_url (only http(s) links, and none that carries characters able to break out of a
sheet's link) and the sentence around a fragment."""

from __future__ import annotations

import pytest

from quotecheck.export.rows import InSentence, fragment_sentences
from quotecheck.sanitize import safe_url


@pytest.mark.parametrize("url", ["https://example.org/a b", " http://example.org/x "])
def test_http_links_pass_trimmed(url):
    assert safe_url(url) == url.strip()


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "https://example.org/\n# injected heading",
        "https://example.org/\x1b[31mred",
        "https://example.org/\u202etxt.exe",
        "https://example.org/\ttab",
        "http:///no-host",
    ],
)
def test_other_schemes_and_control_characters_give_no_link(url):
    assert safe_url(url) is None


def test_fragment_sentences_find_the_sentence_around_each_fragment_only(make_record):
    text = ("Talks went on. The mayor, Dr. Ann Lee, called it \"a shameful decision\" on Monday. "
            "She left.\nNext paragraph.")
    start = text.index("a shameful")
    fragment = make_record(1, kind="partial", text="a shameful decision", start=start, end=start + 19)
    direct = make_record(2, kind="direct", text="Talks went on.", start=0, end=14)
    asked = []
    sentences = fragment_sentences([fragment, direct], lambda article_id: asked.append(article_id) or text)
    assert sentences == {
        1: InSentence('The mayor, Dr. Ann Lee, called it "', "a shameful decision", '" on Monday.')
    }
    assert asked == [1]  # each article read once, and only for fragments
