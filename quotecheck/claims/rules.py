"""The rules: each finds the spans of one claim type in a quote's text; find_claims runs them and settles overlaps.

Every pattern is linear: alternations of fixed words and bounded repeats (``{0,4}``), no nested open-ended
quantifiers, so a long or hostile quote costs time in proportion to its length (benchmarks/claims_speed.py
measures it). Past-fact, which needs to look at the words around a verb, walks a token list instead of a regex.
The annotation guideline the rules follow is in docs/gold-format.md ("Claims")."""

from __future__ import annotations

import regex

from quotecheck.claims import lexicons as lx
from quotecheck.claims.model import Claim

Span = tuple[int, int]

_FLAGS = regex.IGNORECASE  # VERSION0: simple case folding, half the time of full folding
# A safety net beyond the linear patterns: a rule that takes longer than this on one quote gives up on it.
RULE_TIMEOUT_SECONDS = 1.0

_WORD = r"[^\W\d_][\w'’-]*"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "£3.2m", "40 million", "1,240", "forty", "two hundred and fifty"; not "over-65s" or "6am" (a digit glued to a
# hyphen before or a letter after is part of another word)
_NUMERAL = (
    rf"(?:(?<![\w-])[£$€¥]?\s?(?:{_DIGITS})(?:\s?(?-i:m|bn|k)\b|\s+{lx.SCALE_WORDS}\b)?(?!\w)"
    rf"|\b{lx.NUMBER_WORDS}(?:(?:[- ]|\s+and\s+){lx.NUMBER_WORDS}){{0,3}}\b)"
)
_PERCENT_SUFFIX = rf"(?:\s?%|\s+{lx.PERCENT}\b)"
_APPROXIMATOR = rf"(?:just\s+)?\b{lx.APPROXIMATORS}"
_YEAR = r"(?<![\w,.£$€-])(?:1[89]\d\d|20\d\d)s?(?![\w%]|[,.]\d)"

QUANTITY = regex.compile(
    # "nine to one", "one in four"; not "7,400 in 2023"
    rf"(?:{_APPROXIMATOR}\s+)?(?P<number>{_NUMERAL})(?:\s+(?:to|out\s+of|in(?!\s+{_YEAR}))\s+{_NUMERAL})?", _FLAGS
)
FRACTION = regex.compile(rf"(?:{_APPROXIMATOR}\s+|(?<=\b(?:by|to)\s+))\b{lx.FRACTIONS}\b", _FLAGS)
PERCENTAGE = regex.compile(rf"(?:{_APPROXIMATOR}\s+)?{_NUMERAL}{_PERCENT_SUFFIX}", _FLAGS)

_MONTH = rf"(?-i:\b{lx.MONTHS}\b)"
_ORDINAL_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE = regex.compile(
    "|".join((
        rf"\b\d{{1,2}}(?:[:.]\d{{2}})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)",  # 6am, 10.30 p.m.
        rf"\b{_ORDINAL_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?",  # 30 June (2024)
        rf"(?:\b(?:this|last|next)\s+)?{_MONTH}(?:\s+{_ORDINAL_DAY}\b)?(?:,?\s+{_YEAR})?",  # (next) December 3
        rf"(?:\b(?:this|last|next)\s+)?(?-i:\b{lx.WEEKDAYS}\b)",
        rf"\b(?:this|last|next)\s+(?:{lx.CALENDAR_UNITS}|{lx.SEASONS})\b",
        rf"\bthe\s+{lx.SEASONS}\b",
        rf"\bthe\s+{lx.PERIOD_WORDS}\s+(?:{lx.PERIOD_MODIFIERS}\s+)?{lx.CALENDAR_UNITS}\b",  # the past decade
        rf"(?:{_NUMERAL}|\ba)\s+{lx.CALENDAR_UNITS}s?\s+ago\b",  # five years ago
        rf"\b{lx.DAY_WORDS}\b",
        _YEAR,
    )),
    _FLAGS,
)
# Dates side by side are one date: "6am on Monday", "Monday, 3 June".
_DATE_JOINER = regex.compile(r"\s*(?:,|\s(?:on|in|of))?\s*")
# "this", "last", "next" after a possessive mean the final one, not a date: "his last season".
_POSSESSIVE_BEFORE = regex.compile(r"\b(?:his|her|their|its|my|our|your|the)\s+$", _FLAGS)

# What a comparison compares with: up to eight words, to the end of the clause ("7,400" is one word).
_STANDARD = r"(?:\s+(?!(?:and|but|while|because|which|who|so)\b)(?:[^\s,.;:!?\"“”‘’«»]|[,.](?=\d))+){1,8}"
COMPARISONS = (
    # "three weeks earlier than usual", "lower than last year"; not "more than 30,000" (an approximator)
    regex.compile(
        rf"(?:(?:{_NUMERAL}\s+{_WORD}|much|far|slightly|even|significantly|considerably)\s+)?"
        rf"\b(?P<comparative>{lx.COMPARATIVES}|[^\W\d_]{{2,}}er)\b(?:\s+{_WORD}){{0,4}}?\s+than\b"
        rf"(?!\s+(?:just\s+)?(?:{_NUMERAL}|{lx.FRACTIONS}\b))(?:\s+ever\b|{_STANDARD})",
        _FLAGS,
    ),
    regex.compile(rf"\b{lx.CHANGE_MULTIPLIERS}\b", _FLAGS),  # doubled
    # "rise by 12%", "risen by almost a third", "fallen to 61 per cent"
    regex.compile(
        rf"\b{lx.CHANGE_VERBS}\s+(?:by|to|from)\s+(?:{_APPROXIMATOR}\s+)?"
        rf"(?:\b{lx.FRACTIONS}\b|{_NUMERAL}{_PERCENT_SUFFIX}?)(?:\s+to\s+{_NUMERAL}{_PERCENT_SUFFIX}?)?",
        _FLAGS,
    ),
    # "down eleven per cent on last year", "up from 7,400 in 2023"
    regex.compile(
        rf"\b(?:up|down)\s+(?:(?:{_APPROXIMATOR}\s+)?{_NUMERAL}{_PERCENT_SUFFIX}?\s+(?:on|from)|from(?=\s+{_NUMERAL}))"
        rf"{_STANDARD}",
        _FLAGS,
    ),
    # "twice as many as last spring", "three times as long as the old one"
    regex.compile(
        rf"(?:{_NUMERAL}\s+times|\btwice|\bhalf)\s+as\s+{_WORD}(?:\s+{_WORD})?\s+as\b{_STANDARD}", _FLAGS
    ),
    # "four minutes off her personal best"
    regex.compile(
        rf"{_NUMERAL}{_PERCENT_SUFFIX}?(?:\s+{_WORD})?\s+off\s+(?:the|his|her|their|its|our|my|your)(?:\s+{_WORD}){{1,3}}",
        _FLAGS,
    ),
)

# Who or what a superlative rates: "the", a possessive ("its", "Britain's"); "the" alone for "first" and "only"
_RATER = r"(?:\b(?:the|its|their|our|his|her|my|your)|\b(?-i:[A-Z])\w+['’]s)"
SUPERLATIVES = (
    # "the most expensive port", "the largest increase", "the best athlete", "the first time", "the only one"
    regex.compile(
        rf"{_RATER}\s+(?:(?:single|very|second|third)\s+)?"
        rf"(?:(?:most|least)\s+(?P<adjective>{_WORD})|(?P<word>{lx.SUPERLATIVE_WORDS}|[^\W\d_]{{2,}}est))\b"
        rf"(?:\s+(?P<noun>{_WORD}))?(?:\s+ever\b)?",
        _FLAGS,
    ),
    regex.compile(rf"\ba\s+record(?=\s+(?:{_NUMERAL}|high|low|number|level|amount|year)\b)", _FLAGS),
    regex.compile(r"\brecord[- ](?:highs?|lows?|levels?|numbers?|breaking)\b|\bnever\s+before\b", _FLAGS),
)
_UNIQUE = frozenset({"first", "only"})  # "the first of several" is an order, "the first" alone a rank

_TOKEN = regex.compile(r"[^\W_](?:[\w'’-]*[^\W_])?|[^\w\s]")
_QUOTE_MARKS = frozenset("\"'‘’“”«»„‹›")
_PARTICLES = frozenset({"up", "down", "out", "off", "aside", "back", "away"})
_PERFECT_AUXILIARIES = frozenset({"has", "have", "had", "'ve", "’ve"})
_PAST_AUXILIARIES = frozenset({"was", "were"})
_SUBJECT_NOUN_OK = frozenset({"last", "next"})  # "the last train ran"
_CLAUSE_OPENERS = frozenset({"that", "and", "but", ",", ";", ".", ":"})
_QUESTION_AUXILIARIES = frozenset({"have", "has", "had", "do", "does", "did"})  # "Have you got any books?"
# A regular -ed form right after a noun and before one of these is a participle: "the concerns raised at this
# conference", "the proceeds used to fund".
_AFTER_PARTICIPLE = frozenset({"at", "by", "in", "on", "to", "for", "from", "with", "during", "under"})
# A pronoun between a superlative and a perfect is a clause that only rates it: "the best athlete I have coached".
_RATING_CLAUSE_CHARS = 40  # the longest such clause looked for
_RATING_CLAUSE = regex.compile(rf"^\s+(?:that\s+)?(?:i|we|you|he|she|they|the\s+{_WORD})\s+$", _FLAGS)


def find_claims(text: str) -> list[Claim]:
    """Every claim in ``text`` (a quote's words), sorted by position; spans of different types may overlap."""
    # Most quotes hold no number, date or comparison at all: a look at their words spares those rules' patterns.
    words = set(_PLAIN_WORD.findall(text.lower()))
    numbers = bool(_DIGIT.search(text)) or not words.isdisjoint(lx.NUMBER_CUES)
    dates = numbers or not words.isdisjoint(lx.DATE_CUES)
    comparisons = numbers or not words.isdisjoint(lx.COMPARISON_CUES)
    superlatives = not words.isdisjoint(lx.SUPERLATIVE_CUES) or any(word.endswith("est") for word in words)
    found: dict[str, list[Span]] = {
        "quantity": _quantities(text) if numbers else [],
        "percentage": _matches(PERCENTAGE, text) if numbers else [],
        "date": _dates(text) if dates else [],
        "comparison": _comparisons(text) if comparisons else [],
        "superlative": _superlatives(text) if superlatives else [],
    }
    found["past-fact"] = _past_facts(text, found["superlative"])
    # A number inside a date or a percentage is that date or percentage, not a quantity of its own.
    taken = _Coverage(len(text))
    for span in found["date"] + found["percentage"]:
        taken.add(span)
    found["quantity"] = [span for span in found["quantity"] if not taken.overlaps(span)]
    claims = [
        Claim(start, end, type_, text[start:end])
        for type_, spans in found.items()
        for start, end in _longest_first(spans, len(text))
    ]
    return sorted(claims, key=lambda claim: (claim.start, claim.end, claim.type))


def _found(pattern: regex.Pattern, text: str) -> list[regex.Match]:
    """The pattern's matches; none when it runs out of time (a quote too hostile to read is left without them)."""
    try:
        return list(pattern.finditer(text, timeout=RULE_TIMEOUT_SECONDS))
    except TimeoutError:
        return []


def _matches(pattern: regex.Pattern, text: str) -> list[Span]:
    return [match.span() for match in _found(pattern, text)]


class _Coverage:
    """Which characters of the text some span covers: an overlap test in the time of the span's length, so that a
    quote with thousands of claims is not compared pair by pair."""

    def __init__(self, length: int):
        self.covered = bytearray(length)

    def overlaps(self, span: Span) -> bool:
        return any(self.covered[span[0] : span[1]])

    def add(self, span: Span) -> None:
        self.covered[span[0] : span[1]] = b"\x01" * (span[1] - span[0])


def _longest_first(spans: list[Span], length: int) -> list[Span]:
    """Of spans of one type that overlap, the longest (then the first)."""
    kept, coverage = [], _Coverage(length)
    for span in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        if not coverage.overlaps(span):
            coverage.add(span)
            kept.append(span)
    return kept


_PLAIN_WORD = regex.compile(r"[a-z]+")
_DIGIT = regex.compile(r"\d")
_LAST_WORD = regex.compile(r"([\w.]+)\s*$")
_NEXT_WORD = regex.compile(rf"\s+({_WORD})")
_THAN = regex.compile(r"\s+than\b", regex.IGNORECASE)


def _word_before(text: str, position: int) -> str:
    match = _LAST_WORD.search(text, max(0, position - 40), position)
    return match.group(1).lower() if match else ""


def _quantities(text: str) -> list[Span]:
    spans = []
    for match in _found(QUANTITY, text):
        start, end = match.span()
        number = match.group("number")
        before = _word_before(text, match.start("number"))
        if before in lx.NAMING_WORDS:  # "his number 1 shirt"
            continue
        if before in ("the", "these", "those", "both") and not number[0].isdigit() and start == match.start("number"):
            continue  # "the two governments": a reference to things named before, not a count
        if number.lower() == "one" and end == match.end("number"):  # "one of many countries", "one day"
            if before != "not":
                continue
            start = text.rfind(" ", 0, match.start("number") - 1) + 1  # "Not one euro"
        singular = number.lower() == "one"  # "one euro": one word counted
        spans.append((start, _counted_thing(text, end, words=1 if singular else 3)))
    return spans + _matches(FRACTION, text)


def _comparisons(text: str) -> list[Span]:
    return [
        match.span()
        for pattern in COMPARISONS
        for match in _found(pattern, text)
        if (match.groupdict().get("comparative") or "").lower() not in lx.NOT_COMPARATIVES
    ]


def _counted_thing(text: str, end: int, *, words: int = 3) -> int:
    """The end of what a number counts: up to ``words`` words after it, to the first function word ("1,240
    people")."""
    for _ in range(words):
        match = _NEXT_WORD.match(text, end)
        if not match or match.group(1).lower() in lx.FUNCTION_WORDS or _THAN.match(text, match.end()):
            break  # "three weeks earlier than usual": the comparison starts there
        end = match.end()
    return end


def _dates(text: str) -> list[Span]:
    spans = []
    for start, end in _matches(DATE, text):
        relative = regex.match(r"(?:this|last|next)\b", text[start:end], regex.IGNORECASE)
        if relative and _POSSESSIVE_BEFORE.search(text[max(0, start - 12) : start]):
            continue
        if regex.fullmatch(_YEAR, text[start:end]) and _counts_something(text, end):
            continue  # "2000 people": a number, not a year
        if spans and _DATE_JOINER.fullmatch(text[spans[-1][1] : start]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _counts_something(text: str, end: int) -> bool:
    match = _NEXT_WORD.match(text, end)
    return bool(match) and match.group(1).islower() and match.group(1) not in lx.FUNCTION_WORDS


def _superlatives(text: str) -> list[Span]:
    spans = []
    for pattern in SUPERLATIVES:
        for match in _found(pattern, text):
            groups = match.groupdict()
            word = (groups.get("word") or "").lower()
            noun = groups.get("noun")
            if word and word in lx.NOT_SUPERLATIVES:
                continue
            if groups.get("adjective") and groups["adjective"].lower() in lx.FUNCTION_WORDS:
                continue  # "the most of"
            end = match.end()
            if word in _UNIQUE and (not noun or noun.lower() in lx.FUNCTION_WORDS
                                    or not match.group().lower().startswith("the")):
                continue  # "the first of several changes", "my first draft": an order, not a rank
            if noun and noun.lower() in lx.FUNCTION_WORDS:
                end = match.end("word") if word else match.end("adjective")
            spans.append((match.start(), end))
    return spans


def _past_facts(text: str, superlatives: list[Span]) -> list[Span]:
    """Verb groups in a past or perfect tense that state an event: "had been rounded up and sent", "tightened"."""
    tokens = [(match.start(), match.end(), match.group()) for match in _TOKEN.finditer(text)]
    lowered = [token[2].lower() for token in tokens]
    spans = []
    superlative_ends = {end for _, end in superlatives}
    consumed = -1  # tokens up to here belong to a span found already
    for index, word in enumerate(lowered):
        if index <= consumed:
            continue
        last = None
        if word in _PERFECT_AUXILIARIES and not _blocked(lowered, index):
            last = _perfect(lowered, index)
        elif word in _PAST_AUXILIARIES:
            last = _participle_after(lowered, index + 1, adverbs=1)
        elif _is_simple_past(tokens[index][2]) and _has_subject(tokens, lowered, index) \
                and not _reduced_relative(lowered, index):
            if not (word in lx.SPEECH_VERBS and any(t[2] in _QUOTE_MARKS for t in tokens[index + 1 : index + 4])):
                last = index
        if last is None:
            continue
        span = (tokens[index][0], tokens[last][1])
        if any(end in superlative_ends and _RATING_CLAUSE.match(text[end : span[0]])
               for end in range(max(0, span[0] - _RATING_CLAUSE_CHARS), span[0])):  # fmt: skip
            continue
        spans.append(span)
        consumed = last
    return spans


def _blocked(lowered: list[str], index: int) -> bool:
    """"would have", "could have": an unreal past."""
    return index > 0 and lowered[index - 1] in lx.PAST_BLOCKERS


def _perfect(lowered: list[str], index: int) -> int | None:
    """The last token of a perfect verb group starting at the auxiliary ``index``, or None."""
    position = _skip_adverbs(lowered, index + 1, 2)
    if position < len(lowered) and lowered[position] == "been":
        position += 1
    return _participle_after(lowered, position, adverbs=1)


def _participle_after(lowered: list[str], position: int, *, adverbs: int) -> int | None:
    """The last token of "participle (particle) (and participle (particle))" at ``position``, or None."""
    position = _skip_adverbs(lowered, position, adverbs)
    if position >= len(lowered) or not _is_participle(lowered[position]):
        return None
    last = position
    if last + 1 < len(lowered) and lowered[last + 1] in _PARTICLES:
        last += 1
    if last + 2 < len(lowered) and lowered[last + 1] == "and" and _is_participle(lowered[last + 2]):
        last += 2
        if last + 1 < len(lowered) and lowered[last + 1] in _PARTICLES:
            last += 1
    return last


def _skip_adverbs(lowered: list[str], position: int, most: int) -> int:
    for _ in range(most):
        if position < len(lowered) and lowered[position] in lx.ADVERBS:
            position += 1
    return position


def _regular_past(word: str) -> bool:
    return len(word) > 3 and word.endswith("ed") and word.isalpha() and word not in lx.NOT_EVENTS


def _is_participle(word: str) -> bool:
    return word not in lx.NOT_EVENTS and (word in lx.IRREGULAR_PARTICIPLES or _regular_past(word))


def _is_simple_past(token: str) -> bool:
    word = token.lower()
    return token.islower() and word not in lx.NOT_EVENTS and (word in lx.IRREGULAR_PAST or _regular_past(word))


def _has_subject(tokens: list[tuple[int, int, str]], lowered: list[str], index: int) -> bool:
    """A subject right before the verb (adverbs between allowed): a pronoun, a name, or a noun after a
    determiner; not in an "if" clause."""
    position = index - 1
    for _ in range(2):
        if position >= 0 and lowered[position] in lx.ADVERBS:
            position -= 1
    if position < 0:
        return False
    word, token = lowered[position], tokens[position][2]
    if word in lx.SUBJECT_PRONOUNS:
        start = position
    elif token[:1].isupper() and word not in lx.FUNCTION_WORDS and token.isalpha():
        start = position
    elif token.isalpha() and (word not in lx.FUNCTION_WORDS or word in _SUBJECT_NOUN_OK):
        determiners = [p for p in (position - 1, position - 2) if p >= 0 and lowered[p] in lx.DETERMINER_WORDS]
        if determiners:
            start = determiners[0]
        elif word.endswith("s") and (position == 0 or lowered[position - 1] in _CLAUSE_OPENERS):
            start = position  # a bare plural: "officials met the company"
        else:
            return False
    else:
        return False
    if start > 0 and lowered[start - 1] in _QUESTION_AUXILIARIES | lx.PAST_BLOCKERS:
        return False
    return True


def _reduced_relative(lowered: list[str], index: int) -> bool:
    """"the concerns raised at": a regular -ed form after a noun, followed by a preposition."""
    word = lowered[index]
    return (word not in lx.IRREGULAR_PAST and lowered[index - 1] not in lx.SUBJECT_PRONOUNS
            and index + 1 < len(lowered) and lowered[index + 1] in _AFTER_PARTICIPLE)  # fmt: skip

