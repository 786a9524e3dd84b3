"""The figures of the "who gets quoted" report, computed from the store's tallies (pure: no I/O).

Counts of quotes by speaker type and role family, overall, by outlet and by month; the share of anonymous sources;
the most quoted speakers; review progress and verdicts; and the share of women among the people quoted, overall,
by outlet and by month, with the share whose gender is unknown and where the known ones came from."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from quotecheck.report.families import family_names, role_family
from quotecheck.store.models import GENDER_SOURCES, RATINGS, SPEAKER_TYPES, STATUSES, ReportData

NO_SPEAKER = "no speaker"
UNKNOWN_OUTLET = "unknown outlet"
UNKNOWN_MONTH = "unknown date"
UNKNOWN_GENDER = "unknown"
GENDER_KEYS = ("female", "male", UNKNOWN_GENDER)
TYPE_KEYS = (*SPEAKER_TYPES, NO_SPEAKER)
_MONTH = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True, slots=True)
class GenderCount:
    """People (distinct persons) by gender in one scope, and their quotes."""

    people: Counter = field(default_factory=Counter)  # female / male / unknown -> people
    quotes: Counter = field(default_factory=Counter)  # female / male / unknown -> their quotes

    @property
    def total(self) -> int:
        return sum(self.people.values())

    @property
    def known(self) -> int:
        return self.people["female"] + self.people["male"]

    @property
    def women_share(self) -> float | None:
        """Women among the people quoted whose gender is known; None when none is."""
        return self.people["female"] / self.known if self.known else None

    @property
    def unknown_share(self) -> float | None:
        return self.people[UNKNOWN_GENDER] / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class TopSpeaker:
    name: str
    type: str | None
    gender: str | None
    gender_source: str | None
    quotes: int
    article_id: int | None  # an anonymous source or description belongs to one article


@dataclass(frozen=True, slots=True)
class Figures:
    articles: int
    quotes: int
    by_type: Counter  # TYPE_KEYS -> quotes
    type_by_outlet: dict[str, Counter]
    type_by_month: dict[str, Counter]
    by_family: Counter  # family_names() -> quotes with a speaker
    family_by_outlet: dict[str, Counter]
    top_speakers: tuple[TopSpeaker, ...]
    by_status: Counter
    by_rating: Counter  # RATINGS -> reviewed quotes rated so
    gender: GenderCount
    gender_by_outlet: dict[str, GenderCount]
    gender_by_month: dict[str, GenderCount]
    gender_sources: Counter  # GENDER_SOURCES and "none" -> people

    @property
    def reviewed(self) -> int:
        return self.quotes - self.by_status["unreviewed"]

    @property
    def anonymous_share(self) -> float | None:
        return share(self.by_type["anonymous"], self.quotes)

    @property
    def families(self) -> tuple[str, ...]:
        return family_names()

    @property
    def type_keys(self) -> tuple[str, ...]:
        return TYPE_KEYS

    @property
    def statuses(self) -> tuple[str, ...]:
        return STATUSES

    @property
    def ratings(self) -> tuple[str, ...]:
        return RATINGS


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def percent(value: float | None) -> str:
    """``0.62`` -> ``"62%"``; no share (nothing to divide by) -> ``"–"``."""
    return "–" if value is None else f"{value:.0%}"


def gender_label(gender: str | None, source: str | None) -> str:
    """``female (article)``, ``unknown (reviewer)``, or "" when nothing is known."""
    if gender is None and source is None:
        return ""
    return f"{gender or UNKNOWN_GENDER} ({source})"


def speaker_label(name: str, article_id: int | None) -> str:
    """``"a spokesman (article 12 only)"`` for a speaker of one article; other names as they are."""
    return name if article_id is None else f"{name} (article {article_id} only)"


def month_of(date: str | None) -> str:
    """``"2024-03"``, ``"2024-03-01T10:00"`` -> ``"2024-03"``; anything else (no date, another form) is unknown."""
    found = _MONTH.match(date or "")
    return f"{found[1]}-{found[2]}" if found and 1 <= int(found[2]) <= 12 else UNKNOWN_MONTH


def outlet_label(outlet: str) -> str:
    return outlet.strip() or UNKNOWN_OUTLET


def compute(data: ReportData) -> Figures:
    by_type, by_family, by_status, by_rating = Counter(), Counter(), Counter(), Counter()
    type_by_outlet: dict[str, Counter] = defaultdict(Counter)
    type_by_month: dict[str, Counter] = defaultdict(Counter)
    family_by_outlet: dict[str, Counter] = defaultdict(Counter)
    for tally in data.quotes:
        outlet, month = outlet_label(tally.outlet), month_of(tally.month)
        kind = tally.speaker_type if tally.speaker_type in SPEAKER_TYPES else NO_SPEAKER
        by_type[kind] += tally.quotes
        type_by_outlet[outlet][kind] += tally.quotes
        type_by_month[month][kind] += tally.quotes
        if kind != NO_SPEAKER:
            family = role_family(tally.role)
            by_family[family] += tally.quotes
            family_by_outlet[outlet][family] += tally.quotes
        by_status[tally.status] += tally.quotes
        if tally.status != "unreviewed" and tally.rating:
            by_rating[tally.rating] += tally.quotes
    overall, sources = GenderCount(), Counter()
    by_outlet: dict[str, GenderCount] = defaultdict(GenderCount)
    by_month: dict[str, GenderCount] = defaultdict(GenderCount)
    seen: dict[str, set[int]] = defaultdict(set)  # scope -> people counted there
    for person in data.people:
        gender = person.gender if person.gender in GENDER_KEYS else UNKNOWN_GENDER
        outlet, month = outlet_label(person.outlet), month_of(person.month)
        for scope, count in (("", overall), (f"o{outlet}", by_outlet[outlet]), (f"m{month}", by_month[month])):
            count.quotes[gender] += person.quotes
            if person.speaker_id not in seen[scope]:
                seen[scope].add(person.speaker_id)
                count.people[gender] += 1
                if not scope:
                    sources[person.gender_source if person.gender_source in GENDER_SOURCES else "none"] += 1
    top = tuple(
        TopSpeaker(record.name, record.type, record.gender, record.gender_source, quotes, record.article_id)
        for record, quotes in data.top_speakers
    )
    return Figures(
        articles=data.articles, quotes=sum(by_type.values()), by_type=by_type,
        type_by_outlet=_sorted(type_by_outlet), type_by_month=_sorted(type_by_month), by_family=by_family,
        family_by_outlet=_sorted(family_by_outlet), top_speakers=top, by_status=by_status, by_rating=by_rating,
        gender=overall, gender_by_outlet=_sorted(by_outlet), gender_by_month=_sorted(by_month),
        gender_sources=sources,
    )  # fmt: skip


def _sorted(groups: dict) -> dict:
    """Outlets or months in order, the unknown one last."""
    return dict(sorted(groups.items(), key=lambda item: (item[0] in (UNKNOWN_OUTLET, UNKNOWN_MONTH), item[0])))
