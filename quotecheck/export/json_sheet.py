"""The quote sheet as a JSON array of rows; also the encoder every JSON output of quotecheck uses."""

from __future__ import annotations

import json
from collections.abc import Sequence

from quotecheck.export.rows import sheet_row
from quotecheck.store.models import QuoteRecord

# Characters json.dumps leaves raw with ensure_ascii=False that a terminal may act on (C1 controls such as the
# one-byte CSI, bidi overrides) or that break JavaScript string literals (line/paragraph separators).
_UNSAFE = {
    ord(char): f"\\u{ord(char):04x}"
    for char in [*map(chr, range(0x7F, 0xA0)), *"\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]
}
# JSON for the web may end up inside <script type="application/ld+json">: a raw "</script>" in a quote would close
# the tag and whatever follows would run on the publisher's page. Inside JSON strings these escapes mean the same.
_UNSAFE_FOR_WEB = _UNSAFE | {ord(char): f"\\u{ord(char):04x}" for char in "<>&"}


def dumps(value: object, *, indent: int | None = None, for_web: bool = False) -> str:
    """JSON that keeps every character of the data (readable non-ASCII) but escapes the unsafe ones; ``for_web``
    also escapes ``<``, ``>`` and ``&`` so the JSON can be embedded in an HTML page as it is."""
    return json.dumps(value, ensure_ascii=False, indent=indent).translate(_UNSAFE_FOR_WEB if for_web else _UNSAFE)


def render(records: Sequence[QuoteRecord]) -> str:
    return dumps([sheet_row(record) for record in records], indent=2, for_web=True) + "\n"
