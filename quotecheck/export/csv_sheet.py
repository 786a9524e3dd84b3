"""The quote sheet as CSV (one row per quote), safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from quotecheck.export.rows import FIELDS, claim_label, sheet_row
from quotecheck.sanitize import printable
from quotecheck.store.models import QuoteRecord

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render(records: Sequence[QuoteRecord]) -> str:
    return rows_to_csv(FIELDS, (sheet_row(record).values() for record in records))


def rows_to_csv(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    """CSV text with a header line; every cell goes through :func:`cell`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([cell(value) for value in row] for row in rows)
    return out.getvalue()


def cell(value: object) -> object:
    """A value ready for a CSV cell: text without control characters, formulas neutralised with a leading '."""
    if isinstance(value, (list, tuple)):  # several values, claims among them ("date: last year")
        value = "; ".join(claim_label(item) if isinstance(item, dict) else str(item) for item in value)
    if not isinstance(value, str):
        return "" if value is None else value
    value = printable(value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value
