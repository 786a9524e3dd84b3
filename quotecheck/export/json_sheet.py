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


def dumps(value: object, *, indent: int | None = None) -> str:
    """JSON that keeps every character of the data (readable non-ASCII) but escapes the unsafe ones."""
    return json.dumps(value, ensure_ascii=False, indent=indent).translate(_UNSAFE)


def render(records: Sequence[QuoteRecord]) -> str:
    return dumps([sheet_row(record) for record in records], indent=2) + "\n"
