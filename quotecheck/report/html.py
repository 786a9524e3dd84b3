"""The report as one self-contained HTML page: inline SVG charts (no scripts, no external files), every figure
also in a table, a print stylesheet. Every name and outlet comes from articles: all of it is escaped."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape

from quotecheck.report import charts
from quotecheck.report.figures import Figures, GenderCount, gender_label, percent, share, speaker_label
from quotecheck.sanitize import printable

_STYLE = """
:root { --ink: #1b1b1b; --muted: #5f6368; --rule: #d9d9d9; --accent: #0b57d0; }
* { box-sizing: border-box; }
body { margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: var(--ink);
       font: 15px/1.5 Helvetica, Arial, sans-serif; }
header { border-bottom: 2px solid var(--ink); margin-bottom: 1.5rem; }
h1 { margin: 0 0 .25rem; font-size: 1.8rem; font-family: Georgia, "Times New Roman", serif; }
h2 { margin: 2.2rem 0 .5rem; font-size: 1.3rem; font-family: Georgia, "Times New Roman", serif; }
h3 { margin: 1.2rem 0 .3rem; font-size: 1rem; }
.summary, .note { color: var(--muted); margin: 0 0 1rem; font-size: .9rem; }
.headline { font-size: 1.15rem; margin: .3rem 0; }
.headline strong { font-size: 1.4rem; }
.missing { border: 2px solid #b3261e; padding: .5rem .75rem; color: #b3261e; }
figure { margin: .75rem 0; }
figure svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .85rem; }
th, td { padding: .15rem .6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
@media print {
  @page { margin: 15mm 12mm; }
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; }
  h2, h3 { break-after: avoid-page; }
  figure, table, .headline { break-inside: avoid; }
  figure svg { max-width: 100%; }
  .missing { border-width: 1px; }
}
"""


def render(figures: Figures, *, title: str | None = None, scope: str = "") -> str:
    """The whole page; ``scope`` says which quotes it covers (the filters given), shown under the title."""
    title = title or "Who gets quoted"
    draw = charts.available()
    f = figures
    reviewed = f.reviewed
    summary = (f"{f.quotes:,} quotes from {f.articles:,} articles{scope and ' · ' + scope}; "
               f"{reviewed:,} reviewed ({percent(share(reviewed, f.quotes))}).")  # fmt: skip
    body = ["<header>", f"<h1>{_text(title)}</h1>", f'<p class="summary">{_text(summary)}</p>', "</header>"]
    if not draw:
        body.append(
            '<p class="missing">The charts are missing: this quotecheck was installed without the report extra '
            f"(<code>{_text(charts.INSTALL_HINT)}</code>). Every figure is still in the tables below.</p>"
        )
    body += _headline(f)
    sections = [
        ("Who is quoted", _who(f)), ("Role families", _families(f)), ("Women among the people quoted", _gender(f)),
        ("Most quoted speakers", _top(f)), ("Review progress", _review(f)), ("How these figures are made", _method()),
    ]  # fmt: skip
    for heading, parts in sections:
        body.append(f"<section><h2>{_text(heading)}</h2>")
        for part in parts:
            body.append(part if isinstance(part, str) else _figure(part) if draw else "")
        body.append("</section>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_text(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(part for part in body if part)
        + "\n</body>\n</html>\n"
    )


# -- sections: each a list of HTML strings and chart specs (dicts), in order
def _headline(f: Figures) -> list[str]:
    g = f.gender
    lines = ['<section class="headlines">']
    if g.known:
        lines.append(
            f'<p class="headline"><strong>{percent(g.women_share)}</strong> of the people quoted whose gender is '
            f"known are women ({g.people['female']} of {g.known}); gender unknown for "
            f"{g.people['unknown']} of {g.total} ({percent(g.unknown_share)}).</p>"
        )
    else:
        lines.append(f'<p class="headline">No person quoted has a known gender ({g.total} people quoted).</p>')
    lines.append(
        f'<p class="headline"><strong>{percent(f.anonymous_share)}</strong> of quotes come from anonymous sources '
        f"({f.by_type['anonymous']} of {f.quotes}).</p>"
    )
    lines.append("</section>")
    return lines


def _who(f: Figures) -> list:
    keys = f.type_keys
    return [
        charts.bars("Quotes by speaker type", [(key, f.by_type[key]) for key in keys if f.by_type[key]]),
        charts.stacked("Speaker types by outlet", f.type_by_outlet, keys, normalize=True),
        charts.stacked("Speaker types by month", f.type_by_month, keys),
        _breakdown("Quotes by speaker type, by outlet", "outlet", f.type_by_outlet, keys, share_of="anonymous"),
        _breakdown("Quotes by speaker type, by month", "month", f.type_by_month, keys, share_of="anonymous"),
    ]


def _families(f: Figures) -> list:
    names = [name for name in f.families if f.by_family[name]]
    attributed = sum(f.by_family.values())
    return [
        '<p class="note">Quotes with a speaker, by the family of the role the article gives the speaker.</p>',
        charts.bars("Quotes by role family", [(name, f.by_family[name]) for name in names]),
        charts.stacked("Role families by outlet", f.family_by_outlet, names, normalize=True),
        _table("Quotes by role family", ["family", "quotes", "share"],
               [[name, f.by_family[name], percent(share(f.by_family[name], attributed))] for name in names]),
        _breakdown("Quotes by role family, by outlet", "outlet", f.family_by_outlet, names),
    ]  # fmt: skip


def _gender(f: Figures) -> list:
    g = f.gender
    outlets = _women_points(f.gender_by_outlet)
    months = _women_points(f.gender_by_month)
    sources = ", ".join(
        f"{f.gender_sources[key]} {label}" for key, label in (
            ("article", "from the article"), ("first-name", "from the first name"), ("reviewer", "set by a reviewer"),
            ("none", "unknown"),
        ) if f.gender_sources[key]
    )  # fmt: skip
    parts: list = [
        f'<p class="note">People, not quotes: each person quoted counts once per outlet and month. Of the '
        f"{g.total} people quoted: {_text(sources or 'none')}. Women's share is of the people whose gender is "
        "known; the dashed line marks parity.</p>",
    ]
    if outlets:
        parts.append(charts.shares("Women among the people quoted, by outlet", outlets, axis="women"))
    if months:
        parts.append(charts.shares("Women among the people quoted, by month", months, axis="women"))
    rows = {"all": g, **f.gender_by_outlet}
    parts.append(_gender_table("By outlet", "outlet", rows))
    parts.append(_gender_table("By month", "month", f.gender_by_month))
    return parts


def _top(f: Figures) -> list:
    if not f.top_speakers:
        return ['<p class="note">No quote has a speaker.</p>']
    labels = [speaker_label(speaker.name, speaker.article_id) for speaker in f.top_speakers]
    rows = [
        [label, speaker.type or "", gender_label(speaker.gender, speaker.gender_source), speaker.quotes]
        for label, speaker in zip(labels, f.top_speakers)
    ]
    return [
        charts.bars("Most quoted speakers", [(label, s.quotes) for label, s in zip(labels, f.top_speakers)]),
        _table("Most quoted speakers", ["speaker", "type", "gender", "quotes"], rows),
    ]


def _review(f: Figures) -> list:
    statuses = [(status, f.by_status[status]) for status in f.statuses if f.by_status[status]]
    reviewed = f.reviewed
    verdicts = [[status, count, percent(share(count, reviewed))] for status, count in statuses if status != "unreviewed"]
    rated = sum(f.by_rating.values())
    ratings = [[rating, f.by_rating[rating], percent(share(f.by_rating[rating], rated))]
               for rating in f.ratings if f.by_rating[rating]]  # fmt: skip
    parts: list = [
        f'<p class="note">{reviewed} of {f.quotes} quotes reviewed ({percent(share(reviewed, f.quotes))}); '
        f"{rated} of the reviewed quotes carry a rating of their claim.</p>",
        charts.bars("Quotes by review status", statuses),
    ]
    if verdicts:
        parts.append(_table("Verdicts (share of reviewed quotes)", ["status", "quotes", "share"], verdicts))
    if ratings:
        parts.append(_table("Ratings (share of rated quotes)", ["rating", "quotes", "share"], ratings))
    return parts


def _method() -> list[str]:
    return [
        "<p>Quotes and speakers are as stored in the database: found by the extractor and corrected by reviewers."
        " <b>Speaker type</b> is person, organisation or anonymous source. <b>Role family</b> is read from the"
        " role the article states for the speaker in each quote, by a word list kept with quotecheck"
        " (<code>quotecheck/report/lexicon/role_families.txt</code>). <b>Gender</b> is given to persons only, never"
        " to organisations or anonymous sources: from the article itself (a he or she that refers to the person,"
        " an honorific such as Ms or Mr) or, failing that, from the usual gender of the first name (the"
        " gender-guesser names dataset); a reviewer may set or clear it (<code>quotecheck speakers gender</code>)."
        " People with no such signal are counted as unknown, never guessed. Months come from the articles'"
        " publication dates.</p>"
    ]


# -- building blocks
def _women_points(groups: Mapping[str, GenderCount]) -> list[tuple[str, float]]:
    return [(label, count.women_share) for label, count in groups.items() if count.women_share is not None]


def _gender_table(caption: str, what: str, groups: Mapping[str, GenderCount]) -> str:
    rows = [
        [label, count.people["female"], count.people["male"], count.people["unknown"], percent(count.women_share),
         percent(count.unknown_share), percent(share(count.quotes["female"], sum(count.quotes.values())))]
        for label, count in groups.items()
    ]  # fmt: skip
    head = [what, "women", "men", "unknown", "women (of known)", "unknown share", "quotes by women"]
    return _table(caption, head, rows)


def _breakdown(
    caption: str, what: str, groups: Mapping[str, Mapping[str, int]], keys: Sequence[str], *, share_of: str = ""
) -> str:
    used = [key for key in keys if any(counts.get(key) for counts in groups.values())]
    head = [what, *used, "quotes"] + ([f"{share_of} share"] if share_of else [])
    rows = []
    for label, counts in groups.items():
        total = sum(counts.values())
        row = [label, *(counts.get(key, 0) for key in used), total]
        rows.append(row + ([percent(share(counts.get(share_of, 0), total))] if share_of else []))
    return _table(caption, head, rows)


def _table(caption: str, head: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    def cell(tag: str, value: object) -> str:
        numeric = isinstance(value, int) or (isinstance(value, str) and value.endswith("%"))
        return f'<{tag}{" class=n" if numeric else ""}>{_text(str(value))}</{tag}>'

    header = "".join(cell("th", name) if index else f"<th>{_text(name)}</th>" for index, name in enumerate(head))
    body = "".join("<tr>" + "".join(cell("td", value) for value in row) + "</tr>" for row in rows)
    return f"<table><caption>{_text(caption)}</caption><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


def _figure(spec: dict) -> str:
    return f"<figure>{charts.to_svg(spec)}</figure>"


def _text(value: str) -> str:
    return escape(printable(value), quote=True)
