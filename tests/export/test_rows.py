"""safe_url: only http(s) links, and none that carries characters able to break out of a sheet's link."""

from __future__ import annotations

import pytest

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
