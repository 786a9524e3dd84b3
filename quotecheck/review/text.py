"""Rich ``Text`` builders for everything the app shows from the database.

Article text is untrusted: it only ever enters the screen through ``Text`` objects (never markup), with
terminal control characters replaced. Highlights use the offsets the extractor stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import regex
from rich.style import Style
from rich.text import Text

from quotecheck.export.rows import ARTICLE_ONLY
from quotecheck.sanitize import printable
from quotecheck.store.models import QuoteRecord, Review, Verification
from quotecheck.variants import Group, QuoteText

STATUS_MARKS = {
    "unreviewed": "·",
    "verified": "✓",
    "misquoted": "≠",
    "misattributed": "⇄",
    "disputed": "!",
    "unverifiable": "?",
}

STATUS_COLORS = {
    "unreviewed": None,
    "verified": "green",
    "misquoted": "red",
    "misattributed": "magenta",
    "disputed": "yellow",
    "unverifiable": "blue",
}
STATUS_STYLES = {
    status: Style(color=color, bold=True) if color else Style(dim=True) for status, color in STATUS_COLORS.items()
}
# Quote spans in the article view: tinted by status; the current one stands out.
SPAN_STYLES = {status: Style(color=color, underline=True) for status, color in STATUS_COLORS.items()}
# The claim's rating in two letters for the queue, coloured from true (green) to false (red).
RATING_MARKS = {
    "true": ("T", "green"),
    "mostly-true": ("MT", "green"),
    "half-true": ("HT", "yellow"),
    "mostly-false": ("MF", "red"),
    "false": ("F", "red"),
    "unsupported": ("US", "magenta"),
}
CURRENT_SPAN = Style(bold=True, reverse=True)
# Checkable claims inside the current quote, tinted by kind; reverse off so the tint shows inside the reversed
# current quote.
_CLAIM_TINTS = {"quantity": "yellow", "percentage": "yellow", "date": "cyan", "comparison": "magenta",
                "superlative": "magenta", "past-fact": "green"}  # fmt: skip
CLAIM_STYLES = {type_: Style(color="black", bgcolor=tint, reverse=False) for type_, tint in _CLAIM_TINTS.items()}
MENTION = Style(bold=True, italic=True, underline=True)
LABEL = Style(bold=True)
MUTED = Style(dim=True)

_PARAGRAPH = regex.compile(r"[^\n]+")
PIECE = 4_000  # characters: a longer line is shown in pieces, never rendered whole


def plain(value: object, *, one_line: bool = True) -> Text:
    """Any database value as inert text."""
    return Text(printable("" if value is None else str(value), one_line=one_line))


def status_mark(status: str) -> Text:
    return Text(STATUS_MARKS.get(status, "·"), style=STATUS_STYLES.get(status, Style()))


def rating_mark(rating: str | None) -> Text:
    mark, colour = RATING_MARKS.get(rating or "", ("", ""))
    return Text(mark, style=Style(color=colour or None, bold=True))


def status_label(status: str) -> Text:
    return Text(f"{STATUS_MARKS.get(status, '·')} {status}", style=STATUS_STYLES.get(status, Style()))


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    style: Style


def highlighted(source: str, start: int, end: int, spans: Sequence[Span]) -> Text:
    """``source[start:end]`` with each span styled. Pieces are cleaned one by one, so removing a control
    character never shifts a highlight."""
    cuts = {start, end}
    for span in spans:
        cuts.update(cut for cut in (span.start, span.end) if start < cut < end)
    ordered = sorted(cuts)
    result = Text()
    for piece_start, piece_end in zip(ordered, ordered[1:]):
        style = Style.combine(
            [Style()] + [span.style for span in spans if span.start <= piece_start and piece_end <= span.end]
        )
        result.append(printable(source[piece_start:piece_end]), style)
    return result


def paragraphs_around(source: str, low: int, high: int, *, margin: int = 0, around: int = 1) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs (articles are stored one per line) that hold ``source[low:high]``, and of
    those within ``margin`` characters of it, at most ``around`` either side. Only that part of the text is read,
    so an article of 50 MB costs what a short one does; a line longer than PIECE characters (a whole article
    may be one line) comes as pieces of at most that."""
    begin = _line_edge(source, max(0, low - margin), backwards=True)
    finish = _line_edge(source, min(len(source), high + margin), backwards=False)
    blocks = [piece for match in _PARAGRAPH.finditer(source, begin, finish) if match.group().strip()
              for piece in _pieces(source, match.start(), match.end())]  # fmt: skip
    if not blocks:
        return []
    first = next((index for index, (_, end) in enumerate(blocks) if low <= end), len(blocks) - 1)
    last = max(first, max((index for index, (start, _) in enumerate(blocks) if start <= high), default=first))
    return blocks[max(0, first - around) : last + around + 1]


def _line_edge(source: str, position: int, *, backwards: bool) -> int:
    """The start (``backwards``) or end of the line at ``position``, if within PIECE characters of it."""
    if backwards:
        newline = source.rfind("\n", max(0, position - PIECE), position)
        return newline + 1 if newline >= 0 else 0 if position <= PIECE else position
    newline = source.find("\n", position, position + PIECE)
    return newline if newline >= 0 else len(source) if len(source) - position <= PIECE else position


def _pieces(source: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``source[start:end]`` in pieces of at most PIECE characters, cut after a space where there is one."""
    while end - start > PIECE:
        space = source.rfind(" ", start + PIECE // 2, start + PIECE)
        cut = space + 1 if space >= 0 else start + PIECE
        yield start, cut
        start = cut
    yield start, end


def quote_span(record: QuoteRecord, *, current: bool) -> Span:
    return Span(record.start, record.end, SPAN_STYLES.get(record.status, Style()) + (CURRENT_SPAN if current else Style()))


def mention_span(record: QuoteRecord) -> Span | None:
    if record.mention_start is None or record.mention_end is None:
        return None
    return Span(record.mention_start, record.mention_end, MENTION)


def claim_spans(record: QuoteRecord) -> list[Span]:
    """The quote's checkable claims, at their places in the article (claims count from the quote's start)."""
    return [Span(record.start + claim.start, record.start + claim.end, CLAIM_STYLES.get(claim.type, LABEL))
            for claim in record.claims]  # fmt: skip


def quote_spans(record: QuoteRecord, *, current: bool) -> list[Span]:
    """The quote span, and for the current quote its claims and the speaker mention too."""
    if not current:
        return [quote_span(record, current=False)]
    mention = mention_span(record)
    return [quote_span(record, current=True), *claim_spans(record)] + ([mention] if mention else [])


def claims_text(record: QuoteRecord) -> Text:
    """The quote's claims in its order, each as its kind (tinted as in the quote) and its words."""
    text = Text()
    for claim in record.claims:
        if text:
            text.append("  ")
        text.append(f" {claim.type} ", CLAIM_STYLES.get(claim.type, LABEL))
        text.append(" ")
        text.append_text(plain(claim.text))
    return text


def quote_extent(record: QuoteRecord) -> tuple[int, int]:
    """(start, end) of the text the quote and its speaker mention cover together."""
    if record.mention_start is None or record.mention_end is None:
        return record.start, record.end
    return min(record.start, record.mention_start), max(record.end, record.mention_end)


def quote_in_context(source: str, record: QuoteRecord, *, around: int = 1) -> tuple[Text, int]:
    """The paragraphs holding the quote and its speaker mention, with ``around`` paragraphs either side; and
    where in that text the quote (or its mention, if first) starts, so a view can scroll to it."""
    low, high = quote_extent(record)
    blocks = paragraphs_around(source, low, high, margin=PIECE, around=around) or [(0, min(len(source), PIECE))]
    touching = [index for index, (start, end) in enumerate(blocks) if start <= high and low <= end] or [0]
    first = max(0, touching[0] - around)
    last = min(len(blocks) - 1, touching[-1] + around)
    spans = quote_spans(record, current=True)
    result = Text()
    offset = 0
    for index in range(first, last + 1):
        start, end = blocks[index]
        paragraph = highlighted(source, start, end, spans)
        if index not in touching:
            paragraph.stylize(MUTED)
        if index > first:
            result.append("\n\n")
        if index == touching[0]:  # printable() only drops characters, so lengths add up
            offset = len(result) + len(printable(source[start : max(start, low)]))
        result.append_text(paragraph)
    return result, offset


def attribution(record: QuoteRecord) -> Text:
    """Who, in what role, by which cue and rule, how sure; the review state."""
    text = Text()

    def field(label: str, value: Text | str | None, *, end: str = "\n") -> None:
        text.append(f"{label} ", LABEL)
        text.append_text(value if isinstance(value, Text) else plain(value if value is not None else "—"))
        text.append(end)

    speaker = plain(record.speaker) if record.speaker else Text("unknown", style=MUTED)
    if record.speaker_type:
        speaker.append(f" ({record.speaker_type})", MUTED)
    if record.speaker_scope == "article":
        speaker.append(f" · {ARTICLE_ONLY}", MUTED)
    field("Speaker", speaker)
    if record.co_speakers:
        field("With", ", ".join(record.co_speakers))
    field("Role", record.role)
    field("Cue", record.cue, end="   ")
    field("Kind", record.kind)
    field("Rule", record.rule, end="   ")
    field("Confidence", confidence_bar(record.confidence))
    if record.claims:
        field("Claims", claims_text(record))
    field("Status", status_label(record.status), end="   ")
    field("Rating", record.rating)
    if record.note:
        field("Note", plain(record.note, one_line=False))
    if record.evidence_url:
        field("Evidence", record.evidence_url)
    source = plain(record.article_title or "untitled")
    if record.outlet:
        source.append(f" — {printable(record.outlet, one_line=True)}", MUTED)
    if record.published:
        source.append(f", {printable(record.published, one_line=True)}", MUTED)
    field("Article", source, end="")
    return text


def confidence_bar(confidence: float, width: int = 10) -> Text:
    filled = round(max(0.0, min(1.0, confidence)) * width)
    colour = "green" if confidence >= 0.75 else "yellow" if confidence >= 0.5 else "red"
    text = Text("━" * filled, style=colour)
    text.append("─" * (width - filled), MUTED)
    text.append(f" {confidence:.2f}")
    return text


def history(reviews: Sequence[Review], speaker_names: dict[int, str] | None = None) -> Text:
    """One line per history row, oldest first; ``speaker_names`` names the speakers of reassignments."""
    text = Text()
    if not reviews:
        return Text("No review yet.", style=MUTED)
    for review in reviews:
        if text:
            text.append("\n")
        text.append(f"{review.at[:19].replace('T', ' ')}  ", MUTED)
        text.append_text(plain(review.reviewer))
        text.append(f"  {review.action}", LABEL)
        change = _change(review, speaker_names or {})
        if change:
            text.append("  ")
            text.append_text(change)
        if review.note:
            text.append("  “")
            text.append_text(plain(review.note))
            text.append("”")
        if review.evidence_url:
            text.append("  ")
            text.append_text(plain(review.evidence_url))
    return text


def _change(review: Review, speaker_names: dict[int, str]) -> Text | None:
    def speaker(speaker_id: int | None) -> str:
        return "—" if speaker_id is None else speaker_names.get(speaker_id, f"speaker #{speaker_id}")

    if review.new_status is not None or review.old_status is not None:
        return plain(f"{review.old_status or '—'} → {review.new_status or '—'}")
    if review.action == "rating" or review.new_rating is not None or review.old_rating is not None:
        return plain(f"{review.old_rating or '—'} → {review.new_rating or '—'}")
    if review.new_speaker_id is not None or review.old_speaker_id is not None:
        return plain(f"{speaker(review.old_speaker_id)} → {speaker(review.new_speaker_id)}")
    if review.old_note is not None and review.action in ("note", "undo") and review.note != review.old_note:
        return plain(f"was “{review.old_note}”")
    return None


def titled_excerpt(before: str, text: str, after: str, *, limit: int) -> Text:
    """A dialog title around the first ``limit`` characters of untrusted ``text``: ``Note on “…”``."""
    title = Text(before, style=LABEL)
    title.append_text(plain(text[:limit] + ("…" if len(text) > limit else "")))
    title.append(after, style=LABEL)
    return title


def truncated(value: Text, width: int) -> Text:
    value = value.copy()
    value.truncate(max(0, width), overflow="ellipsis", pad=True)
    return value


# The word-level diff of a quote against its source: what the quote adds in green, what it leaves out struck in red,
# conventions (brackets, ellipses) dimmed.
DIFF_STYLES = {
    "inserted": Style(color="green", bold=True),
    "dropped": Style(color="red", strike=True),
    "editorial": Style(dim=True),
    "spliced": Style(color="magenta", bold=True),
}
PROPOSED_STATUS = {"verbatim": "verified", "differs": "misquoted"}  # not found: the reviewer looks further


def diff_text(diff: Sequence) -> Text:
    """A quote's diff (quotecheck.verify.DiffOp) as one line: a changed run reads ``[-said-]{+quoted+}`` and a
    convention keeps the quote's form, so the text stays readable without colour."""
    text = Text()
    for op in diff:
        if text:
            text.append(" ")
        if op.op == "same":
            text.append(printable(op.quote, one_line=True))
        elif op.op == "changed":
            text.append(f"[-{printable(op.source, one_line=True)}-]", DIFF_STYLES["dropped"])
            text.append(f"{{+{printable(op.quote, one_line=True)}+}}", DIFF_STYLES["inserted"])
        elif op.op == "inserted":
            text.append(f"{{+{printable(op.quote, one_line=True)}+}}", DIFF_STYLES["inserted"])
        elif op.op == "dropped":
            text.append(f"[-{printable(op.source, one_line=True)}-]", DIFF_STYLES["dropped"])
        elif op.op == "spliced":
            text.append(f"{printable(op.quote, one_line=True)}(spliced)", DIFF_STYLES["spliced"])
        else:
            text.append(printable(op.quote, one_line=True), DIFF_STYLES["editorial"])
    return text


RESULT_STYLES = {"verbatim": "bold green", "differs": "bold red", "not-found": "bold yellow"}


def verification_lines(verification: Verification) -> list[Text]:
    """A quote checked against its speaker's sources: result and score, the source and where in it, the passage,
    the diff (shared by ``quotecheck verify`` and the app's source check)."""
    quote, alignment, source = verification.quote, verification.alignment, verification.source
    heading = Text.assemble(
        (f"#{quote.id} ", LABEL), plain(quote.speaker or "(no speaker)"), " — ",
        (alignment.result, RESULT_STYLES[alignment.result]), f" (score {alignment.score:g})",
    )  # fmt: skip
    lines = [heading, Text.assemble(("Quote    ", MUTED), plain(quote.text))]
    if source is not None:
        where = f"source #{source.id} {source.title or source.path or ''}".rstrip() + f", {verification.location}"
        lines.append(Text.assemble(("Source   ", MUTED), plain(where)))
        label = "Closest  " if alignment.result == "not-found" else "Passage  "  # not the quote, only the nearest
        lines.append(Text.assemble((label, MUTED), plain(alignment.passage)))
    if alignment.changes or any(op.op == "editorial" for op in alignment.diff):
        lines.append(Text.assemble(("Diff     ", MUTED), diff_text(alignment.diff)))
    return lines


def variant_lines(
    group: Group, heading: Text, marks: Callable[[QuoteText], list[str]] = lambda quote: []
) -> list[Text]:
    """A group of versions of one quote: its flags, the speakers when they conflict, each version with its date,
    outlet and speaker (and ``marks``) and its diff against the reference (shared by ``quotecheck variants`` and
    the app's versions panel)."""
    heading = heading.copy()
    heading.append(f": {len(group.versions)} versions")
    flags = [flag for flag, on in (("wording", group.wording), ("conflict", group.conflict)) if on]
    if flags:
        heading.append(" — " + ", ".join(flags), "bold red")
    lines = [heading]
    if group.conflict:
        lines.append(Text.assemble(("Speakers ", MUTED), plain("; ".join(group.speakers))))
    for version in group.versions:
        quote = version.quote
        where = " ".join(part for part in (quote.published, quote.outlet) if part) or "(no date or outlet)"
        own = [mark for mark, this in (("earliest", group.earliest), ("reference", group.reference)) if quote is this]
        all_marks = own + marks(quote)
        lines.append(
            Text.assemble(
                (f"#{quote.id} ", LABEL), plain(where), " ", plain(quote.speaker or "(no speaker)"),
                (f" ({', '.join(all_marks)})" if all_marks else "", MUTED),
            )  # fmt: skip
        )
        lines.append(Text.assemble(("  Quote  ", MUTED), plain(quote.text)))
        if version.changed:
            lines.append(Text.assemble(("  Diff   ", MUTED), diff_text(version.diff)))
    return lines
