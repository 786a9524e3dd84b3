"""Gold annotations: the two formats quotecheck scores against, read into one shape.

* corpus format: one JSON object per file, ``{"file": "article.txt", "speakers": [...], "quotes": [...]}``, the text
  file beside it (see docs/gold-format.md);
* JSONL format (as the PolNeAR development set): one article per line, ``{"text": ..., "quotes": [...]}``, quotes
  carrying ``speaker_start``/``speaker_end`` mention spans, plus optional ``not_speech_quoted_spans``.

A file is sniffed, not judged by its name: a single JSON object with ``quotes`` is the corpus format, anything else
is read as JSONL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from quotecheck.claims import CLAIM_TYPES
from quotecheck.evaluate.names import mention_names
from quotecheck.read.jsonl import json_lines, text_records

KINDS = ("direct", "partial", "indirect")


# How far the gold's ``speaker`` names the person (see score.name_right):
CANONICAL = "canonical"  # the fullest name, resolved by hand (corpus golds, the hand-checked JSONL sets)
MENTION = "mention"  # the words of the gold's source mention ("Sen. Bernie Sanders", "Peter Cook, a spokesman,")
ANTECEDENT = "antecedent"  # a pronoun's heuristic antecedent: the nearest named source before it


@dataclass(frozen=True, slots=True)
class GoldQuote:
    start: int
    end: int
    kind: str
    speaker: str | None = None
    speaker_start: int | None = None  # the mention the annotators marked, when the format has one
    speaker_end: int | None = None
    name_basis: str | None = None  # CANONICAL / MENTION / ANTECEDENT, or None: judge by the mention only
    co_speakers: tuple[str, ...] = ()  # a quote said jointly: any of these names is right too
    roles: tuple[str, ...] = ()  # the roles the article gives the speaker (any one of them will do)
    not_speech: bool = False  # hand-checked: quoted words that are not speech (its speaker is not judged)


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """A checkable claim inside one of the document's gold quotes; offsets into the article."""

    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    source: str  # "path" or "path:line"
    text: str
    quotes: tuple[GoldQuote, ...]
    not_speech: tuple[tuple[int, int], ...] = ()  # quoted text the annotators judged not to be speech
    ignore: tuple[tuple[int, int], ...] = ()  # attributed content the gold does not list: neither right nor wrong
    claims: tuple[GoldClaim, ...] | None = None  # None: the claims inside the quotes were not annotated


class GoldError(Exception):
    """A gold file (or one JSONL line of it) that cannot be used; ``str()`` is "path[:line]: reason"."""


def gold_files(paths: list[str]) -> Iterator[Path | GoldError]:
    """The paths themselves, with directories replaced by the ``*.gold.json`` and ``*.gold.jsonl`` files under them
    (a GoldError for a directory that has none)."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = [p for p in path.rglob("*") if p.is_file() and p.name.endswith((".gold.json", ".gold.jsonl"))]
            if not found:
                yield GoldError(f"{path}: no *.gold.json or *.gold.jsonl files in this directory")
            yield from sorted(found)
        else:
            yield path


def load_gold(path: Path) -> Iterator[GoldDocument | GoldError]:
    """Every document in the gold file at ``path``; a problem yields a GoldError and reading goes on where it can."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        yield GoldError(f"{path}: {error.strerror or error}")
        return
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        yield GoldError(f"{path}: not UTF-8 text (byte {error.start})")
        return
    if not content.strip():
        yield GoldError(f"{path}: empty file")
        return
    whole = _whole_json(content)
    if isinstance(whole, dict) and "quotes" in whole:
        try:
            yield _corpus_document(path, whole)
        except GoldError as error:
            yield error
        return
    yield from _jsonl_documents(path, content)


def _whole_json(content: str) -> object:
    if not content.lstrip().startswith("{"):
        return None
    try:
        return json.loads(content)
    except ValueError:
        return None  # several objects, one per line: JSONL


def _corpus_document(path: Path, record: dict) -> GoldDocument:
    where = str(path)
    if isinstance(record.get("text"), str):
        text = record["text"]
    else:
        file_name = record.get("file")
        if not isinstance(file_name, str) or not file_name:
            raise GoldError(f"{where}: no \"file\" naming the article text (and no \"text\")")
        text_path = path.parent / file_name
        try:
            text = text_path.read_bytes().decode("utf-8-sig")
        except OSError as error:
            raise GoldError(f"{where}: cannot read {text_path}: {error.strerror or error}") from None
        except UnicodeDecodeError as error:
            raise GoldError(f"{where}: {text_path} is not UTF-8 text (byte {error.start})") from None
    quotes = _quotes(where, text, record.get("quotes"), roles=_roles(record), canonical=True)
    doc_id = record.get("id") if isinstance(record.get("id"), str) else path.name.removesuffix(".gold.json")
    claims = _claims(where, text, record, quotes)
    return GoldDocument(id=doc_id, source=where, text=text, quotes=quotes, claims=claims)


def _jsonl_documents(path: Path, content: str) -> Iterator[GoldDocument | GoldError]:
    for item in text_records(json_lines(content), str(path)):
        if isinstance(item, str):
            yield GoldError(item)
            continue
        where, record = item
        text = record["text"]
        try:
            roles = _roles(record)
            quotes = _quotes(where, text, record.get("quotes"), roles=roles, canonical=roles is not None)
            not_speech = _pairs(where, text, record, "not_speech_quoted_spans")
            ignore = _pairs(where, text, record, "ignore_spans")
            claims = _claims(where, text, record, quotes)
        except GoldError as error:
            yield error
            continue
        doc_id = record.get("id") if isinstance(record.get("id"), str) else where
        yield GoldDocument(id=doc_id, source=where, text=text, quotes=quotes, not_speech=not_speech, ignore=ignore,
                           claims=claims)


def _pairs(where: str, text: str, record: dict, key: str) -> tuple[tuple[int, int], ...]:
    """Spans listed as ``{"start", "end"}`` objects or as ``[start, end]`` pairs."""
    spans = []
    for i, item in enumerate(record.get(key) or []):
        if isinstance(item, list) and len(item) == 2:
            item = {"start": item[0], "end": item[1]}
        spans.append(_span(where, text, item, f"{key}[{i}]"))
    return tuple(spans)


def _roles(record: dict) -> dict[str, tuple[str, ...]] | None:
    """Speaker name -> the roles the record's ``speakers`` list gives it (``"; "``-joined there); None when the
    record has no ``speakers`` list, i.e. its quotes' speakers are not canonical names."""
    speakers = record.get("speakers")
    if not isinstance(speakers, list):
        return None
    roles: dict[str, tuple[str, ...]] = {}
    for speaker in speakers:
        if not isinstance(speaker, dict) or not isinstance(speaker.get("name"), str):
            continue
        role = speaker.get("role")
        parts = tuple(p.strip() for p in role.split(";") if p.strip()) if isinstance(role, str) else ()
        roles[speaker["name"]] = parts
    return roles


def _quotes(
    where: str, text: str, quotes: object, *, roles: dict[str, tuple[str, ...]] | None, canonical: bool
) -> tuple[GoldQuote, ...]:
    """``canonical``: the quotes' speakers are canonical names (a corpus gold, or JSONL with a ``speakers`` list);
    else they are the words of the source mention."""
    if not isinstance(quotes, list):
        raise GoldError(f"{where}: \"quotes\" is not a list")
    result = []
    for index, quote in enumerate(quotes):
        label = f"quotes[{index}]"
        start, end = _span(where, text, quote, label)  # first, as it checks that ``quote`` is an object
        kind = quote.get("kind")
        if kind not in KINDS:
            raise GoldError(f"{where}: {label} has kind {kind!r}, expected one of {', '.join(KINDS)}")
        speaker = quote.get("speaker")
        speaker = speaker if isinstance(speaker, str) and speaker.strip() else None
        mention_start = mention_end = None
        if isinstance(quote.get("speaker_start"), int) and isinstance(quote.get("speaker_end"), int):
            mention_start, mention_end = quote["speaker_start"], quote["speaker_end"]
            if not 0 <= mention_start <= mention_end <= len(text):
                raise GoldError(f"{where}: {label} speaker span {mention_start}-{mention_end} is outside the text")
        basis, name = _name_basis(quote, speaker, canonical=canonical)
        co_speakers = tuple(n for n in quote.get("co_speakers") or () if isinstance(n, str) and n.strip())
        result.append(GoldQuote(
            start, end, kind, name, mention_start, mention_end, basis, co_speakers,
            roles=(roles or {}).get(speaker or "", ()), not_speech=quote.get("not_speech") is True,
        ))
    result.sort(key=lambda q: (q.start, q.end))
    return tuple(result)


def _claims(where: str, text: str, record: dict, quotes: tuple[GoldQuote, ...]) -> tuple[GoldClaim, ...] | None:
    """The record's ``claims`` list (docs/gold-format.md, "Claims"), each inside one of its gold quotes; None when
    the record has none."""
    claims = record.get("claims")
    if claims is None:
        return None
    if not isinstance(claims, list):
        raise GoldError(f"{where}: \"claims\" is not a list")
    result = []
    for index, claim in enumerate(claims):
        label = f"claims[{index}]"
        start, end = _span(where, text, claim, label)
        if claim.get("type") not in CLAIM_TYPES:
            raise GoldError(f"{where}: {label} has type {claim.get('type')!r}, expected one of {', '.join(CLAIM_TYPES)}")
        if not any(quote.start <= start and end <= quote.end for quote in quotes):
            raise GoldError(f"{where}: {label} span {start}-{end} is not inside a gold quote")
        result.append(GoldClaim(start, end, claim["type"]))
    return tuple(sorted(result, key=lambda c: (c.start, c.end, c.type)))


def _name_basis(quote: dict, speaker: str | None, *, canonical: bool) -> tuple[str | None, str | None]:
    """How the gold's speaker names the person, and the name to compare with.

    Hand-resolved golds give canonical names. The PolNeAR-style JSONL gives the source mention: a name
    (``speaker_type`` "named"), a pronoun (compared through its heuristic antecedent, when there is one) or a
    description (judged by the mention only)."""
    if speaker is None:
        return None, None
    if canonical:
        return CANONICAL, speaker
    mention_type = quote.get("speaker_type")
    if mention_type == "pronoun":
        antecedent = quote.get("speaker_heuristic_antecedent")
        if isinstance(antecedent, str) and mention_names(antecedent):
            return ANTECEDENT, antecedent
        return None, speaker  # (an antecedent that is a description, "the Ohio governor", names no one)
    if mention_type in ("named", None) and mention_names(speaker):
        return MENTION, speaker  # (a gold with no mention types: a mention with a name in it)
    return None, speaker


def _span(where: str, text: str, item: object, label: str) -> tuple[int, int]:
    if not isinstance(item, dict):
        raise GoldError(f"{where}: {label} is not an object")
    start, end = item.get("start"), item.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        raise GoldError(f"{where}: {label} needs integer \"start\" and \"end\"")
    if not 0 <= start <= end <= len(text):
        raise GoldError(f"{where}: {label} span {start}-{end} is outside the text ({len(text)} characters)")
    expected = item.get("text")
    if isinstance(expected, str) and text[start:end] != expected:
        raise GoldError(f"{where}: {label} \"text\" differs from the article text at {start}-{end}")
    return start, end
