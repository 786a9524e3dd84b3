"""The report's charts as Vega-Lite specifications, drawn to SVG by vl-convert (the ``report`` extra): static
pictures that need no JavaScript to read and print as they show. Names from articles are data in the spec, never
part of an expression, and the SVG writer escapes them; characters XML cannot hold (an escape sequence in an
outlet's name) are taken out first, as vl-convert aborts the whole process on them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import regex

from quotecheck.sanitize import printable

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
WIDTH = 520
LABEL_LIMIT = 180  # pixels of a category label before it is cut with "…"
PALETTE = ("#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d",
           "#bab0ac", "#79706e")  # fmt: skip
INSTALL_HINT = "pip install 'quotecheck[report]'"

Spec = dict[str, Any]
# What XML 1.0 cannot hold, beyond the controls printable() removes: lone surrogates, U+FFFE and U+FFFF
_NOT_XML = regex.compile(r"[\ud800-\udfff\ufffe\uffff]")


def available() -> bool:
    """vl-convert is installed (the ``report`` extra)."""
    try:
        import vl_convert  # noqa: F401
    except ImportError:
        return False
    return True


def to_svg(spec: Spec) -> str:
    """The chart as an SVG element. Needs vl-convert: check available() first."""
    import vl_convert

    return vl_convert.vegalite_to_svg(spec)


def label(text: str) -> str:
    """A name from an article as a chart label: one line, nothing an SVG file cannot hold."""
    return _NOT_XML.sub("\ufffd", printable(text, one_line=True)) or "\ufffd"


def _base(title: str, values: list[dict], height: int) -> Spec:
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "title": {"text": title, "anchor": "start", "fontSize": 13},
        "width": WIDTH,
        "height": height,
        "data": {"values": values},
        "config": {"font": "Helvetica, Arial, sans-serif", "axis": {"labelLimit": LABEL_LIMIT},
                   "legend": {"labelLimit": LABEL_LIMIT}, "view": {"stroke": None}},  # fmt: skip
    }


def bars(title: str, counts: Sequence[tuple[str, int]], *, axis: str = "quotes") -> Spec:
    """One horizontal bar per label, in the order given, with its count at the end."""
    values = [{"label": label(name), "count": count} for name, count in counts]
    spec = _base(title, values, height=max(20, 22 * len(values)))
    y = {"field": "label", "type": "nominal", "sort": None, "title": None}
    x = {"field": "count", "type": "quantitative", "title": axis, "axis": {"tickMinStep": 1}}
    spec["layer"] = [
        {"mark": {"type": "bar", "color": PALETTE[0]}, "encoding": {"y": y, "x": x}},
        {"mark": {"type": "text", "align": "left", "dx": 3}, "encoding": {"y": y, "x": x, "text": {"field": "count"}}},
    ]
    return spec


def stacked(
    title: str, groups: Mapping[str, Mapping[str, int]], categories: Sequence[str], *, axis: str = "quotes",
    normalize: bool = False,
) -> Spec:  # fmt: skip
    """One horizontal bar per group (outlet, month), split into ``categories`` in that order; ``normalize``
    draws shares (each bar 100%) rather than counts."""
    used = [category for category in categories if any(counts.get(category) for counts in groups.values())]
    values = [
        {"group": label(group), "category": category, "order": used.index(category), "count": counts[category]}
        for group, counts in groups.items()
        for category in used
        if counts.get(category)
    ]
    spec = _base(title, values, height=max(20, 24 * len(groups)))
    x: dict[str, Any] = {"field": "count", "type": "quantitative", "title": axis, "stack": True}
    if normalize:
        x.update(stack="normalize", title=f"share of {axis}", axis={"format": "%"})
    spec["mark"] = "bar"
    spec["encoding"] = {
        "y": {"field": "group", "type": "nominal", "sort": [label(group) for group in groups], "title": None},
        "x": x,
        "color": {
            "field": "category", "type": "nominal", "title": None,
            "scale": {"domain": used, "range": list(PALETTE[: len(used)])},
            "legend": {"orient": "bottom", "columns": 4},
        },  # fmt: skip
        "order": {"field": "order", "type": "quantitative"},
        "tooltip": [{"field": "group"}, {"field": "category"}, {"field": "count"}],
    }
    return spec


def shares(title: str, points: Sequence[tuple[str, float]], *, axis: str) -> Spec:
    """One bar per label showing a share (0..1) on a 0-100% axis, its percentage written at the end."""
    values = [{"label": label(name), "share": value, "text": f"{value:.0%}"} for name, value in points]
    spec = _base(title, values, height=max(20, 22 * len(values)))
    y = {"field": "label", "type": "nominal", "sort": None, "title": None}
    x = {"field": "share", "type": "quantitative", "title": axis, "scale": {"domain": [0, 1]},
         "axis": {"format": "%"}}  # fmt: skip
    spec["layer"] = [
        {"mark": {"type": "bar", "color": PALETTE[1]}, "encoding": {"y": y, "x": x}},
        {"mark": {"type": "rule", "strokeDash": [4, 3], "color": "#5f6368"}, "encoding": {"x": {"datum": 0.5}}},
        {"mark": {"type": "text", "align": "left", "dx": 3}, "encoding": {"y": y, "x": x, "text": {"field": "text"}}},
    ]
    return spec
