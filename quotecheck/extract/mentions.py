"""Who could be speaking: the noun phrase next to a speech cue, and the role the article gives it.

Everything works on tokens of a bounded window around one position, so the cost per cue is constant."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

import regex

from quotecheck.extract.lexicons import (
    ABBREVIATED_TITLES,
    ADVERBS,
    AMOUNTS,
    ANONYMOUS_MARKERS,
    COMMON_VERBS,
    CONJUNCTIONS,
    DETERMINERS,
    FIRST_NAMES,
    GROUP_MEMBERS,
    LY_ADJECTIVES,
    ORGANISATION_WORDS,
    PARTICLES,
    PRONOUNS,
    ROLE_NOUNS,
    SPEECH_NOUNS,
    SPEECH_SETTINGS,
    SPEECH_VERBS,
    STOP_CAPITALS,
    TIME_LEADS,
    TIME_WORDS,
    TITLES,
    word_pattern,
)
from quotecheck.extract.model import SpeakerType

WINDOW: Final = 260  # characters looked at on either side of a cue

# How far the phrase readers look, in tokens (words and punctuation marks) unless said otherwise. News phrases are
# short; the limits keep a reader from wandering into the next clause and keep the work per cue bounded.
# a subject phrase before a cue ("A senior manager at a hospital in the region") or after one
SUBJECT_TOKENS: Final = 16
# a speaking nominal read whole ("the Swedish politician", "a spokesman for the city council")
NOMINAL_TOKENS: Final = 8
DESCRIPTION_TOKENS: Final = 14  # an unnamed source with what describes it ("One source close to the government")
DETERMINER_REACH: Final = 5  # from the head noun back to its determiner ("the moderator", "one angry user")
INDEFINITE_MODIFIERS: Final = 4  # modifiers between "a"/"one" and the head ("a 2008 Clinton campaign veteran")
INDEFINITE_HEAD: Final = 5  # tokens before the head of an indefinite source after a cue ("said a senior manager at …")
PREMODIFIER_WORDS: Final = 6  # role words before a name ("American Unity Fund president Margaret Hoover")
OFFICE_WORDS: Final = 4  # capitalised words after "and" that end in an office ("Work and Pensions Secretary")
PARENTHESIS_TOKENS: Final = 10  # a parenthesis after a name ("Sen. Claire McCaskill (D-Mo.)")
ASIDE_PARENTHESIS_TOKENS: Final = 12  # a parenthesis between a subject and its cue ("Sen. Chuck Schumer (D-N.Y.) said")
# an appositive between a subject and its verb ("Erin Brockovich, the activist, endorsed")
APPOSITIVE_TOKENS: Final = 25
PREPOSITIONAL_TOKENS: Final = 8  # a prepositional phrase between a subject and its verb ("Trump in his speech called")
OPENING_CLAUSE_TOKENS: Final = 30  # an opening clause before the subject ("When asked if others would follow, he said")
NOMINAL_REACH: Final = 6  # words of a noun phrase before its head in a clause ("The impostor gushed")
ASIDE_WORDS: Final = 4  # an adverbial aside between a subject and its cue ("he, once again, pledged")
AMOUNT_TOKENS: Final = 6  # a share of people ("About 4 in 10", "Nearly half")
ROLE_BEFORE_TOKENS: Final = 14  # a role set off before a name ("Portugal's state secretary for …, Catarina Marcelino,")
APPOSITIVE_ROLE_TOKENS: Final = 40  # the appositive role after a name ("Hill, a doctor who treated him at …, said")
SHORT_LY: Final = 4  # letters: a word ending in -ly this short is not an adverb ("only", "fly")
# In characters, for the role the article gives a name outside any cue (role_near):
APPOSITIVE_REACH: Final = 160  # "Eva Moll, a Danish economist at the bank,"
ROLE_BEFORE_REACH: Final = 120  # "The Shadow Minister for the Arts, Joanna Pike"
PREMODIFIER_REACH: Final = 40  # the word right before a name ("prime minister Anna Vos")
PREMODIFIER_CHARS: Final = 80  # the role words before a name

# Words (with inner apostrophes, hyphens, dots of abbreviations) or single punctuation characters.
_TOKEN: Final = regex.compile(r"[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]")
_RELATIVE: Final = frozenset("who which whose".split())
_PREPOSITIONS: Final = frozenset(
    "in on at during after before for with from by under over among since until despite without within including".split()
)
_CLAUSE_OPENERS: Final = frozenset("and but or while as when because that so then yet if though although".split())
_SUBORDINATORS: Final = frozenset(
    "when if although though because since after before while as asked once unless".split()
)
_CLAUSE_SUBORDINATORS: Final = frozenset(
    "as when while because although though whereas unless after before until".split()
)
_REFLEXIVES: Final = frozenset(("himself", "herself", "themselves", "itself"))
PARTY_TAG_CHARS: Final = 20  # characters before a closing parenthesis read for its opening one ("(D-Calif.)")
# Prepositions that open a sentence with a phrase before its subject ("Alongside BLM calls for action, …"), beyond
# those _PREPOSITIONS lists for other uses
_OPENING_PREPOSITIONS: Final = frozenset("alongside amid besides unlike following throughout across beyond toward towards".split())
_AMOUNT_RELATIVES: Final = frozenset(("which", "whom", "who", "that"))
_MODALS: Final = frozenset("will would should could can may might must shall".split())
_PERSONAL: Final = frozenset(("he", "she", "they", "we", "i"))
_THIRD_PERSONS: Final = frozenset(("he", "she", "they"))
_HEAD_BREAKS: Final = _PREPOSITIONS | {"of"}
_NUMBER_WORDS: Final = frozenset("two three four five six both".split())
_QUANTIFIERS: Final = frozenset("most many some others several few both all another one".split())
_QUOTE_MARKS: Final = frozenset('"“”„«»')
_APPROXIMATORS: Final = frozenset(
    "about nearly almost only just roughly around some over under another more than out".split()
)
_TIME_PREPOSITIONS: Final = frozenset(("at", "in", "over", "during"))
_PREPOSITION_CHARS: Final = 20  # how far back the preposition before a name is looked for
_LISTENER_PREPOSITIONS: Final = _PREPOSITIONS | {"to", "about"}  # "speaking to Fox News", "talking about the deal"
_NAMED_TIMES: Final = frozenset(("weekday", "day", "month"))  # capitalised, still a time: "Friday", "Today", "June"
# words between "of" and the verb in a share of people ("60 percent of Democratic voters said")
SHARE_OF_REACH: Final = 4
_PASSIVE: Final = frozenset("was were is are be been being".split())
_NEVER_SUBJECT: Final = frozenset(("his", "her", "its", "their", "him", "them"))  # possessive and object pronouns
_INITIALS: Final = regex.compile(r"(?:\p{L}\.)+")  # "J.", "U.S.": the dot belongs to the word
_INITIALS_OR_ABBREVIATION: Final = regex.compile(r"(?:\p{L}\.)+|\p{Lu}\p{Ll}{0,3}\.")  # also "Sen.", "Corp."
_POSSESSIVE_S: Final = regex.compile(r"['’]s$")


@dataclass(slots=True, init=False, unsafe_hash=True)
class Mention:
    """A span that may name a speaker. ``kind``: name / pronoun / nominal. ``name`` is the words that identify
    the speaker (the name without title, the nominal without its determiner's case changes).

    Never changed once made (hashed as a frozen dataclass is, copied with dataclasses.replace), but not declared
    frozen, and its __init__ written out: mypyc compiles that one to C, where the dataclass's own stays interpreted
    Python, ten to forty times slower (frozen, it sets each field through object.__setattr__)."""

    start: int
    end: int
    kind: str
    name: str
    role: str | None
    speaker_type: SpeakerType | None  # known from the words alone (organisation / anonymous), else None
    title: str | None
    partners: tuple[Mention, ...]  # names coordinated with this one: "Rosa Diaz and Ben Cole said"

    def __init__(
        self,
        start: int,
        end: int,
        kind: str,
        name: str,
        role: str | None = None,
        speaker_type: SpeakerType | None = None,
        title: str | None = None,
        partners: tuple[Mention, ...] = (),
    ) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.name = name
        self.role = role
        self.speaker_type = speaker_type
        self.title = title
        self.partners = partners


class Coordinated:
    """Marker: the cue shares its subject with an earlier verb ("Lithuania helped ... and said")."""


COORDINATED: Final = Coordinated()


class Token:
    """A word or a punctuation character of the text, with its offsets."""

    __slots__ = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text


# ASCII marks that end a word without joining it (_TOKEN reads "." after a word as part of it: "Jr.", "said.")
_WORD_ENDING_MARKS: Final = frozenset("!\"#$%&'()*+,-/:;<=>?@[\\]^_`{|}~")


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The tokens of text[start:end]."""
    # Read between spaces, which no token holds: nine pieces in ten are an ASCII word ("said"), maybe with a mark
    # after it ("said," "Smith."), told apart by str tests; _TOKEN reads the rest (a quote mark before a word, a
    # non-ASCII letter, "U.S.", a line break), at several times the cost.
    toks: list[Token] = []
    pos = start
    window = text[start:end]
    all_ascii = window.isascii()  # (asked once, not of each piece: most windows are ASCII through)
    for piece in window.split(" "):
        piece_end = pos + len(piece)
        if (all_ascii or piece.isascii()) and piece.isalnum():
            toks.append(Token(pos, piece_end, piece))
        elif (all_ascii or piece.isascii()) and piece[:-1].isalnum() and (piece[-1] == "." or piece[-1] in _WORD_ENDING_MARKS):
            if piece[-1] == ".":
                toks.append(Token(pos, piece_end, piece))
            else:
                toks += (Token(pos, piece_end - 1, piece[:-1]), Token(piece_end - 1, piece_end, piece[-1]))
        elif piece:
            # (concurrent=False, here and in the other busiest scans: by default the regex module lets go of the GIL
            # while it matches a str, and takes it back for every allocation and every match; holding it makes this
            # a third faster)
            matches = _TOKEN.finditer(text, pos, piece_end, concurrent=False)
            toks += [Token(match.start(), match.end(), match.group()) for match in matches]
        pos = piece_end + 1
    return toks


@lru_cache(maxsize=1 << 16)  # asked for the same few thousand words again and again
def _bare(word: str) -> str:
    return word.rstrip(".").lower()


def _has_apostrophe(word: str) -> bool:
    """A str test before a contraction pattern: every contraction has an apostrophe, most words none."""
    return "'" in word or "’" in word


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_name_word(word: str) -> bool:
    """A capitalised word that can be part of a name (not a sentence opener such as "The", "But", "I'd")."""
    return _is_capitalised(word) and word[0].isalpha() and _bare(word) not in STOP_CAPITALS and not (
        _has_apostrophe(word) and _CONTRACTION_END.search(word)
    )


def _stop_word_name(toks: list[Token], k: int) -> bool:
    """"Theresa May", "Mrs May", "Yin Myint May": a capitalised sentence word that is also a name, right after a
    name word or title."""
    return k >= 1 and _is_capitalised(toks[k].text) and _bare(toks[k].text) in FIRST_NAMES and (
        toks[k].start - toks[k - 1].end <= 1 and (_is_name_word(toks[k - 1].text) or _is_title(toks[k - 1].text))
    )


def _is_title(word: str) -> bool:
    return _bare(word) in TITLES and _is_capitalised(word)


@lru_cache(maxsize=1 << 16)  # a pure function of the word, asked for the same words again and again
def speaker_noun(word: str) -> bool:
    """A noun that can head a speaking noun phrase ("officials", "the newspaper", "a spokesman")."""
    word = _bare(word).replace("’", "'")
    if word.endswith("'s"):
        return False
    if "-" in word and word not in ROLE_NOUNS:
        word = word.rsplit("-", 1)[1]  # "co-chairman", "vice-president" (but "front-runner" is listed whole)
    plural_y = word[:-3] + "y" if word.endswith("ies") else word  # "allies", "deputies"
    for form in (word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word, plural_y):
        if form in ROLE_NOUNS or form in ORGANISATION_WORDS:
            return True
    if word.endswith("men") and word[:-3] + "man" in ROLE_NOUNS:
        return True
    return False


_RELATIVE_TAIL: Final = regex.compile(r",?\s+(?:who|which|whose|where)\b.*$", regex.S)
_ROLE_HEAD_BREAKS: Final = frozenset("of at for in to with from between on".split())
_SENTENCE_BREAK: Final = regex.compile(r"(?<=\p{Ll}{2}|\))[.!?]\s+(?=\p{Lu})")
_ROLE_LEAD_ADVERBS: Final = frozenset("now currently also still then later once new current".split())
_ROLE_TRIM: Final = " \t\n,.;:'\"’”“"


@lru_cache(maxsize=1 << 12)  # a pure function of the words; a person's role is tidied at each mention
def tidy_role(role: str | None) -> str | None:
    """A role as the article gives it, without what is not a role: a relative clause after it ("head of Tiga,
    which represents …"), an age or a home town ("32, from Wembley"), a trailing honorific ("Chairman Lord"), or
    a clause glued in front ("His comments came as the co-chairman of …", up to its verb or "as"). None when no role is left: the phrase
    must be headed by a noun that names a job, a title or a kind of body ("a statement" is not a role)."""
    if not role:
        return None
    role = role.strip().split("\n")[-1]  # never across a line: a headline above is not a role
    role = " ".join(role.split())
    # (str tests before each pattern: most roles hold no "wh" and no sentence mark)
    if "wh" in role:
        role = _RELATIVE_TAIL.sub("", role)
    role = role.strip(_ROLE_TRIM)
    if "." in role or "!" in role or "?" in role:
        role = _SENTENCE_BREAK.split(role)[-1]  # nor across a sentence end ("… Paul Ryan. Republican nominee")
    words = role.split()
    article = words[:1] if words and words[0].lower() in ("the", "a", "an") else []
    while len(words) > len(article) + 1 and words[len(article)].lower() in _ROLE_LEAD_ADVERBS:
        del words[len(article)]  # "now a television pundit", "the new President"
    role = " ".join(words)
    parts = [p.strip(_ROLE_TRIM) for p in role.split(",")]
    parts = [p for p in parts if p and not p[0].isdigit() and not p.lower().startswith(("from ", "aged "))]
    if not parts:
        return None
    role = ", ".join(parts)
    words = role.split()
    while len(words) > 1 and _bare(words[-1]) in TITLES and _bare(words[-1]) not in ROLE_NOUNS:
        words.pop()  # "Chairman Lord" (Holme): the honorific belongs to the name
    first_part = parts[0].split()
    head = next((i - 1 for i, w in enumerate(first_part) if i > 0 and w.lower() in _ROLE_HEAD_BREAKS),
                len(first_part) - 1)
    head = min(head, len(words) - 1)
    if not speaker_noun(words[head].rstrip(",")):  # "a lobbyist close to the campaign": an adjective after it
        head = next((i for i in range(head - 1, -1, -1) if speaker_noun(words[i].rstrip(","))), head)
    head_word = words[head].rstrip(",")
    if not speaker_noun(head_word) and (head_word[0].islower() or not any(speaker_noun(w) for w in words)):
        return None  # "a statement", "an alleged talk between …"; but "Color of Change's executive director"
    verb = max((i for i in range(head) if _bare(words[i]) in COMMON_VERBS or words[i] == "as"), default=None)
    if verb is not None:  # a clause before the role: keep the noun phrase after its verb
        start = next((i for i in range(verb + 1, head + 1) if _bare(words[i]) in DETERMINERS), verb + 1)
        words = words[start:]
    role = " ".join(words)
    # the trims take a title's closing mark with the comma inside it: 'author of "Unwritten Constitution,"'
    if role.count('"') % 2:
        role += '"'
    elif role.count("“") > role.count("”"):
        role += "”"
    return role or None


def nominal_type(phrase: str) -> SpeakerType | None:
    """anonymous / organisation for nominal phrases whose words say so, else None (a person or unknown)."""
    lowered = phrase.lower()
    if any(marker in lowered for marker in ANONYMOUS_MARKERS):
        return "anonymous"
    words = lowered.split()
    if words and words[-1].strip(".,") in ORGANISATION_WORDS:
        return "organisation"
    return None


def _and_joins_an_office(toks: list[Token], after: int) -> bool:
    """After "and" at ``after - 1``: capitalised words that end in an office before a name ("Pensions Secretary
    Anna Rowe"), so the words before "and" belong to the office, not to another person."""
    word = toks[after].text
    if _is_title(word) or _bare(word) in FIRST_NAMES:
        return False
    k = after
    while k < len(toks) and k - after < OFFICE_WORDS and _is_capitalised(toks[k].text):
        if _bare(toks[k].text) in ROLE_NOUNS or _is_title(toks[k].text):
            return k + 1 < len(toks) and _is_capitalised(toks[k + 1].text)
        k += 1
    return False


def _name_run_left(toks: list[Token], end: int) -> int:
    """Index of the first token of the capitalised run ending at token ``end`` (inclusive)."""
    i = end
    while i - 1 >= 0:
        prev = toks[i - 1].text
        gap_ok = toks[i].start - toks[i - 1].end <= 1
        if not gap_ok:
            break
        if _is_name_word(prev):
            i -= 1
        elif prev in ("'", "’") and i - 2 >= 0 and toks[i - 2].text.endswith("s") and _is_capitalised(toks[i - 2].text):
            i -= 1  # "the Calder Dockers' Union": a plural possessive inside the name
        elif _bare(prev) in PARTICLES and i - 2 >= 0 and _is_capitalised(toks[i - 2].text):
            i -= 1
        elif prev in ("of", "for") and i - 2 >= 0 and _is_capitalised(toks[i - 2].text):
            i -= 1  # "Center for Nonproliferation Studies", "Lewis of the James Martin Center"
        elif prev == "the" and i - 3 >= 0 and toks[i - 2].text in ("of", "for") and _is_capitalised(toks[i - 3].text):
            i -= 1
        elif prev == "and" and i - 2 >= 0 and _is_name_word(toks[i - 2].text) and _and_joins_an_office(toks, i):
            i -= 1  # "Work and Pensions Secretary Anna Rowe": one office
        elif _is_title(prev):
            i -= 1
        else:
            break
    # Leading sentence words ("But", "The") are not part of the name.
    while i < end and _bare(toks[i].text) in STOP_CAPITALS and not _is_title(toks[i].text):
        i += 1
    return i


def _name_mention(text: str, toks: list[Token], first: int, last: int) -> Mention:
    title = None
    name_first = first
    while name_first < last and _is_title(toks[name_first].text):
        title = title or toks[name_first].text.rstrip(".")
        name_first += 1
    start, end = toks[first].start, toks[last].end
    if text[end - 1] == "." and not _INITIALS.fullmatch(toks[last].text):
        end -= 1
    name_last = last
    connector = next((k for k in range(name_first, last) if toks[k].text in ("of", "for")), None)
    if connector is not None and (connector - name_first >= 2 or title and connector > name_first) and (
        title or _bare(toks[name_first].text) in FIRST_NAMES
    ):
        name_last = connector - 1  # "Jeffrey Lewis of the Center for ..." -> Jeffrey Lewis
    name = " ".join(text[toks[name_first].start : toks[name_last].end].split()).rstrip(".")
    name = _POSSESSIVE_S.sub("", name)
    # what follows the name is its affiliation: "Stuart Hensel of the Economist Intelligence Unit"
    role = text[toks[name_last + 1].start : end] if name_last < last else None
    return Mention(start, end, "name", name, role, title=title)


def _premodifier_role(text: str, toks: list[Token], first: int) -> tuple[str | None, int]:
    """"German chancellor Angela Merkel": the role words right before a name, and where they start."""
    i = first - 1
    if i < 0 or _is_capitalised(toks[i].text) or _plural_role(toks[i].text):
        return None, first  # (a plural is a list's head, not one person's role: "top aides John Podesta and …")
    j = i
    if not speaker_noun(toks[i].text):  # "director of communications Jen Palmieri": the head is before "of"
        if not (i >= 2 and toks[i - 1].text == "of" and _office_of(toks, i - 1)):
            return None, first
    while j - 1 >= 0 and i - j < PREMODIFIER_WORDS:
        word = toks[j - 1].text
        low = _bare(word)
        if not word[0].isalnum():
            break
        if low in DETERMINERS:
            j -= 1
            break
        if low == "of" and _office_of(toks, j - 1):
            j -= 1  # "secretary of state Colin Powell", "chief of staff Denis McDonough": one office
            continue
        if low == "of" and j >= 2 and _is_capitalised(toks[j - 2].text) and _is_capitalised(toks[j].text):
            j -= 1  # a body's name: "National Bank of Hungary first vice-president Janos Fekete"
            continue
        if low in COMMON_VERBS or low.endswith("ed") and low not in _NOT_VERBS:
            break  # "the memo reached director of communications Jen Palmieri"
        if low in CONJUNCTIONS and low != "and" or low in ("from", "of", "by", "with", "to", "for", "as") or (
            low in _PREPOSITIONS  # "an alleged talk between Barca boss Frank Rijkaard": the role is "Barca boss"
            or low in SPEECH_VERBS  # "A civil rights group says Republican candidate Donald Trump's …"
        ):
            break
        if low in STOP_CAPITALS and _is_capitalised(word):
            break
        j -= 1
    return text[toks[j].start : toks[i].end], j


def _plural_role(word: str) -> bool:
    low = _bare(word)
    return low not in ROLE_NOUNS and (low.endswith("s") and low[:-1] in ROLE_NOUNS or low.endswith("men") and (
        low[:-3] + "man" in ROLE_NOUNS
    ) or low.endswith("ies") and low[:-3] + "y" in ROLE_NOUNS)


def _office_of(toks: list[Token], of: int) -> bool:
    """The "of" at ``of`` joins an office to its field ("secretary of state"): a lower-case job noun before it."""
    return of >= 1 and not _is_capitalised(toks[of - 1].text) and _bare(toks[of - 1].text) in ROLE_NOUNS and (
        _bare(toks[of - 1].text) not in ORGANISATION_WORDS
    )


def _strip_leading(toks: list[Token], first: int, last: int) -> int:
    while first < last:
        low = _bare(toks[first].text)
        if low in CONJUNCTIONS or (low in STOP_CAPITALS and low not in DETERMINERS) or not toks[first].text[0].isalnum():
            first += 1
        else:
            break
    return first


def _nominal(text: str, toks: list[Token], first: int, last: int) -> Mention | None:
    """A nominal subject within tokens first..last: the whole phrase when its words say it can speak ("One source
    close to the government", "the Swedish politician"), else the phrase from its last determiner ("the moderator")."""
    first = _strip_leading(toks, first, last)
    if first > last:
        return None
    if any(tok.text in "\"“”„«»" for tok in toks[first : last + 1]):
        return None
    cue = max((k for k in range(first + 1, last) if _bare(toks[k].text) in SPEECH_VERBS), default=None)
    if cue is not None and _bare(toks[cue - 1].text) not in _RELATIVE | {"that"}:
        first = cue + 1  # "Number 10 said ministers were …": the speaker is before the cue, not a phrase across it
    # "Freddy circled it as his friends jeered", "although critics have said": the subject is in the clause a
    # subordinator opens, when a subject follows it (not "as follows", "as many as"; nor "the base chief known as
    # Bob", "groups such as Oxfam": one phrase)
    opener = max((k for k in range(first + 1, last) if _bare(toks[k].text) in _CLAUSE_SUBORDINATORS), default=None)
    if opener is not None and _opens_subject(toks[opener + 1].text) and not (
        toks[opener].text == "as" and _bare(toks[opener - 1].text).endswith(("ed", "such"))
    ):
        first = opener + 1
    if _bare(toks[first].text) in _POSSESSIVE_DETERMINERS:
        # "His comments come after the government announced": a clause before the subject, which starts at the
        # last determiner
        later = max((k for k in range(first + 1, last + 1) if _bare(toks[k].text) in DETERMINERS), default=None)
        if later is not None:
            first = later
    head = toks[last].text
    if _bare(head) in _NUMBER_WORDS and last > first and _bare(toks[last - 1].text) == "the":
        return Mention(toks[last - 1].start, toks[last].end, "nominal", text[toks[last - 1].start : toks[last].end])  # "the two"
    if not head[0].isalnum() or _bare(head) in CONJUNCTIONS or _bare(head) in DETERMINERS:
        return None
    phrase = text[toks[first].start : toks[last].end]
    kind = nominal_type(phrase)
    lead = _bare(toks[first].text)
    fits = lead in DETERMINERS or _is_capitalised(toks[first].text) or last == first
    if kind == "anonymous" and last - first <= DESCRIPTION_TOKENS or speaker_noun(head) and fits and (
        last - first <= NOMINAL_TOKENS
    ):
        return Mention(toks[first].start, toks[last].end, "nominal", phrase, speaker_type=kind)
    # "A senior manager at a hospital in the region": a speaking head before its prepositional phrases.
    cut = next((k for k in range(first + 1, last) if _bare(toks[k].text) in _HEAD_BREAKS), None)
    if cut is not None and speaker_noun(toks[cut - 1].text) and fits and last - first <= DESCRIPTION_TOKENS:
        return Mention(toks[first].start, toks[last].end, "nominal", phrase, speaker_type=kind)
    # Any other noun phrase ("the moderator", "one user"): from its last determiner, a few words at most,
    # ending in a common noun.
    if not head[0].islower() and not head[0].isdigit():
        return None
    k = last
    while k > first and last - k < DETERMINER_REACH and _bare(toks[k].text) not in DETERMINERS:
        k -= 1
    if _bare(toks[k].text) not in DETERMINERS and (last - first > 1 or _is_capitalised(toks[first].text)):
        return None
    if any(_bare(tok.text) in ADVERBS or _bare(tok.text) in _PASSIVE for tok in toks[k : last + 1]):
        return None
    if k > 0 and toks[k - 1].text[0].isalnum() and _bare(toks[k - 1].text) not in _CLAUSE_OPENERS:
        return None  # "to a phone call", "blame his supporters": the phrase is an object, not a subject
    phrase = text[toks[k].start : toks[last].end]
    return Mention(toks[k].start, toks[last].end, "nominal", phrase, speaker_type=nominal_type(phrase))


def _opens_subject(word: str) -> bool:
    """Can a subject start with ``word``: a determiner, a pronoun, a capitalised word or a noun for people?"""
    low = _bare(word)
    return low in DETERMINERS or low in PRONOUNS or _is_capitalised(word) or speaker_noun(low)


_NOT_VERBS: Final = frozenset(
    "of and or but nor to in on at for with from by as than that who which whose over about after before into "
    "during against under since until because while if when where like near across around through between among "
    "per via 's ’s".split()
)


def _party_tag_before(text: str, close: int) -> bool:
    """The parenthesis closing at ``close`` holds a party tag ("(D-R.I.)", "(R-OH)"), not an acronym ("(TAZARA)")."""
    opening = text.rfind("(", max(0, close - PARTY_TAG_CHARS), close)
    return opening >= 0 and _PARTY_TAG.fullmatch(text, opening + 1, close) is not None


def _verb_like(word: str) -> bool:
    """Could ``word`` be the verb (or an adverb before it) of a clause? By form: -s, -ed, -ly, or a listed word."""
    if not word[0].islower():
        return False
    low = _bare(word)
    if low in _NOT_VERBS or low in LY_ADJECTIVES:
        return False
    return (
        low in COMMON_VERBS
        or low in ADVERBS
        or low.endswith(("ed", "s", "ly", "n't", "n’t"))
        or low in SPEECH_VERBS
    )


_CONTRACTED: Final = regex.compile(r"(\p{L}+)['’](?:s|d|ll|re|ve)", regex.I)


def _contracted_pronoun(word: str) -> str | None:
    """The third-person pronoun of a contraction ("he’s", "she'd", "they’re"), else None (a contracted "I'd"
    within reach of a cue is mostly quoted words; "it’s" opens a clause, not a speaker)."""
    match = _CONTRACTED.fullmatch(word) if _has_apostrophe(word) else None
    return match.group(1) if match is not None and match.group(1).lower() in _THIRD_PERSONS else None


def _opening_gerund(word: str) -> bool:
    """"Fundraising was …": a verb form in -ing opening a sentence, not a name ("Manning" is a surname, but
    a sentence opening on a bare surname has named the person before)."""
    low = _bare(word)
    return len(low) > 6 and low.endswith("ing") and low not in FIRST_NAMES


def starts_predicate(text: str, lo: int, hi: int) -> bool:
    """text[lo:hi] opens with a verb: the predicate going on after an aside ("Sanders, whose win came in
    Rhode Island, | did not attack Clinton but argued …"), so its subject is before the aside."""
    words = text[lo:hi].split(None, 1)
    return bool(words) and _verb_like(words[0]) and (_bare(words[0]) in COMMON_VERBS or _bare(words[0]) not in ADVERBS)


def _participle_opens(toks: list[Token]) -> bool:
    """"Speaking earlier in Florida, Trump insisted", "Asked about it, she said": a participial phrase opens the
    sentence (a participle, then a preposition, an adverb or "if"), so its subject comes after the comma."""
    low = _bare(toks[0].text)
    return len(toks) > 2 and low.endswith(("ing", "ed")) and len(low) >= 5 and low not in FIRST_NAMES and (
        _bare(toks[1].text) in _PREPOSITIONS or _bare(toks[1].text) in ADVERBS or _bare(toks[1].text) in ("if", "whether")
    )


def clause_subject(text: str, lo: int, pos: int) -> Mention | None:
    """The first name, personal pronoun or speaking nominal in text[lo:pos] that is followed by a lower-case
    word other than a preposition, i.e. most likely the subject of the sentence ("In three interviews, the justice
    sounded off on Trump, saying ..." -> the justice)."""
    toks = tokens(text, lo, min(pos, lo + 2 * WINDOW))
    count = len(toks)
    first = 0
    opening = _bare(toks[0].text) if toks else ""
    if opening in _SUBORDINATORS or opening in _PREPOSITIONS or opening in _OPENING_PREPOSITIONS or toks and (
        _participle_opens(toks)
    ):
        # "When asked if other countries would follow, he said …": the subject comes after the clause (and after a
        # second one: "On Tuesday, even as shares were tumbling, Mr. Ackman wrote")
        first = next((k + 1 for k in range(min(count, OPENING_CLAUSE_TOKENS)) if toks[k].text == ","), 0)
        lead = first + (first < count and _bare(toks[first].text) in ("even", "just"))
        if first and lead < count and _bare(toks[lead].text) in _SUBORDINATORS:
            first = next((k + 1 for k in range(lead, min(count, lead + OPENING_CLAUSE_TOKENS)) if toks[k].text == ","),
                         first)
    inside = False  # within quoted words, which are not the writer's subject
    for j in range(first, count - 1):
        word = toks[j].text
        if word in _QUOTE_MARKS:
            inside = word in "“„«" or word == '"' and not inside
            continue
        if inside:
            continue
        following = toks[j + 1].text
        k = j + 1
        appositive = None  # (first, last) tokens of an appositive between the word and its verb
        if _bare(following) in _REFLEXIVES and k + 1 < count:  # "Sanders himself, who …, has toned down"
            k += 1
            following = toks[k].text
        if following == "(":  # "Sen. Bernie Sanders (I-Vt.) visited"
            while k < count and k - j < PARENTHESIS_TOKENS and toks[k].text != ")":
                k += 1
            if k + 1 >= count:
                continue
            k += 1
            following = toks[k].text
        if following == "," and (word[0].isupper() or speaker_noun(word) or toks[k - 1].text == ")"):
            # "Erin Brockovich, the activist and lawyer, endorsed …": step over the appositive
            k += 1
            while k < count and k - j < APPOSITIVE_TOKENS and toks[k].text != "," and toks[k].text not in _QUOTE_MARKS:
                k += 1
            if k + 1 >= count or toks[k].text != ",":
                continue
            appositive = (j + 2, k - 1)
            k += 1
            following = toks[k].text
        elif _bare(following) in _PREPOSITIONS and (word[0].isupper() or _bare(word) in _PERSONAL):
            # "Trump in his announcement speech called …": step over a short prepositional phrase
            k += 1
            while k < count and k - j < PREPOSITIONAL_TOKENS and toks[k].text[0].isalnum() and (
                not _verb_like(toks[k].text)
            ):
                k += 1
            if k >= count:
                continue
            following = toks[k].text
        if not _verb_like(following):
            continue
        low = _bare(word)
        if low in _PERSONAL:
            return Mention(toks[j].start, toks[j].end, "pronoun", word)
        pronoun = _contracted_pronoun(word)
        if pronoun is not None:
            return Mention(toks[j].start, toks[j].start + len(pronoun), "pronoun", pronoun)
        if low in _QUANTIFIERS and (j == 0 or not toks[j - 1].text[0].isalnum()):
            return Mention(toks[j].start, toks[j].end, "nominal", word)  # "On Social Security, both oppose …"
        if word in _QUOTE_MARKS:
            return None  # reached quoted words: the subject is not in the writer's words before them
        if _is_name_word(word) and not word.endswith(("'s", "’s")) and not (
            j == first and _opening_gerund(word) and _bare(following) not in SPEECH_VERBS  # (a gerund never "said")
        ):
            if speaker_noun(following):
                continue  # "Chechen authorities have ...": the noun after it heads the phrase
            mention = _tail_mention(text, toks, 0, j)
            if mention is not None and mention.kind == "name":
                return mention
        if word[0].islower() and word[0].isalpha() and low not in DETERMINERS and low not in _NOT_VERBS and (
            low not in ADVERBS and low not in CONJUNCTIONS
        ):
            # "One source close to the government told", "The impostor gushed": a noun phrase, the whole of it
            # when its words say it can speak, else from its determiner at the start of a clause.
            start = j
            while start > 0 and j - start < NOMINAL_REACH and toks[start - 1].text[0].isalnum():
                start -= 1
            mention = _nominal(text, toks, start, j)
            if mention is not None and (speaker_noun(word) or _bare(text[mention.start : mention.end].split()[0]) in DETERMINERS):
                return _named_in_appositive(text, toks, appositive, mention) or mention
    return None


def _named_in_appositive(
    text: str, toks: list[Token], appositive: tuple[int, int] | None, nominal: Mention
) -> Mention | None:
    """"The opposition leader, Cllr Tom Briggs, accused": the name set off after a nominal is the speaker, the
    nominal its role."""
    if appositive is None:
        return None
    first, last = appositive
    name = _tail_mention(text, toks, first, last) if last >= first else None
    if name is None or name.kind != "name" or name.start != toks[first].start:
        return None
    return Mention(name.start, name.end, "name", name.name, nominal.name, title=name.title)


def _chunks(toks: list[Token], lo: int, hi: int) -> list[tuple[int, int]]:
    """Comma-separated chunks of tokens lo..hi-1 (brackets kept whole)."""
    chunks, start, depth = [], lo, 0
    for i in range(lo, hi):
        word = toks[i].text
        if word in "([":
            depth += 1
        elif word in ")]":
            depth = max(0, depth - 1)
        elif word == "," and depth == 0:
            chunks.append((start, i))
            start = i + 1
    chunks.append((start, hi))
    return chunks


_DEFINITE: Final = frozenset("the his her their its our".split())
_INDEFINITE: Final = frozenset("a an one another some several many two three four few".split())


_MEMBERS_OF: Final = frozenset(("to", "of", "for"))


def _group_of_people(word: str) -> bool:
    """A plural noun for people around someone ("advisers", "aides", "allies"), not a name's first word."""
    low = _bare(word)
    return low.endswith("s") and not low.endswith("'s") and speaker_noun(low) and low not in ORGANISATION_WORDS and (
        low.rstrip("s") not in ORGANISATION_WORDS
    )


def _indefinite_description(text: str, toks: list[Token], first: int, last: int) -> Mention | None:
    """"one senior Democrat", "a 2008 Clinton veteran", "two Republican aides": an indefinite determiner, a few
    modifiers and a head that names a kind of person -- an unnamed source, even with capitalised words in it."""
    k = last - 1
    while k >= first and last - k <= INDEFINITE_MODIFIERS and toks[k].text[0].isalnum() and (
        _bare(toks[k].text) not in _INDEFINITE
    ):
        k -= 1
    if k < first or last - k > INDEFINITE_MODIFIERS or _bare(toks[k].text) not in _INDEFINITE:
        return None
    if k > 0 and toks[k - 1].text[0].isalnum() and _bare(toks[k - 1].text) not in CONJUNCTIONS:
        return None  # inside a longer phrase: "told a Fox News host"
    head = toks[last].text
    if not (speaker_noun(head) or _is_capitalised(head) and _bare(head).rstrip("s") in GROUP_MEMBERS):
        return None
    phrase = text[toks[k].start : toks[last].end]
    return Mention(toks[k].start, toks[last].end, "nominal", phrase, speaker_type="anonymous")


def _tail_mention(text: str, toks: list[Token], first: int, last: int) -> Mention | None:
    """The noun phrase ending at token ``last`` (not before ``first``)."""
    if last > first and toks[last].text == ")":  # "Sen. Claire McCaskill (D-Mo.)"
        opening = last - 1
        while opening > first and last - opening < PARENTHESIS_TOKENS and toks[opening].text != "(":
            opening -= 1
        if toks[opening].text == "(":
            last = opening - 1
    if last < first:
        return None
    word = toks[last].text
    low = _bare(word)
    if low in PRONOUNS and low not in _NEVER_SUBJECT:
        return Mention(toks[last].start, toks[last].end, "pronoun", word)
    pronoun = _contracted_pronoun(word)
    if pronoun is not None:  # "he’s predicted big wins"
        return Mention(toks[last].start, toks[last].start + len(pronoun), "pronoun", pronoun)
    described = _indefinite_description(text, toks, first, last)
    if described is not None:
        return described
    if word.isdigit() and last > first and _is_name_word(toks[last - 1].text) and len(word) <= 3:
        # "Number 10 said", "Radio 4 reported": a number ends the name
        return _name_mention(text, toks, max(_name_run_left(toks, last - 1), first), last)
    if _is_name_word(word) or _stop_word_name(toks, last):
        if word.endswith(("'s", "’s", "s'", "s’")):
            return None  # a possessive ("Portugal's state") is never the subject
        run = max(_name_run_left(toks, last), first)
        if run - 2 >= first and _bare(toks[run - 1].text) in _MEMBERS_OF and _group_of_people(toks[run - 2].text):
            # "Advisers to Mr. Rubio say", "allies of the mayor": the group speaks, not the person it serves
            lead = run - 2
            while lead > first and run - 2 - lead < NOMINAL_REACH and toks[lead - 1].text[0].isalnum() and (
                toks[lead - 1].text.islower() and _bare(toks[lead - 1].text) not in CONJUNCTIONS
                or _bare(toks[lead - 1].text) in DETERMINERS
            ):
                lead -= 1  # "two senior aides to …"
            return Mention(toks[lead].start, toks[last].end, "nominal", text[toks[lead].start : toks[last].end],
                           speaker_type="anonymous")
        if run > first and _bare(toks[run - 1].text) in _DEFINITE and (
            _bare(word) in ROLE_NOUNS and _bare(word) not in ORGANISATION_WORDS or _bare(word) in GROUP_MEMBERS
        ):
            # "the Salford MP", "the Home Secretary", "the Texas Republican": a description of a person, not a name
            return Mention(toks[run - 1].start, toks[last].end, "nominal", text[toks[run - 1].start : toks[last].end])
        if run - 2 >= first and _bare(toks[run - 1].text) in _OFFICE_OF and not _is_capitalised(toks[run - 2].text) and (
            speaker_noun(toks[run - 2].text)
        ):
            # "The new health minister for Wales says": the place belongs to the office, the office speaks
            determiner = next(
                (k for k in range(run - 2, max(first, run - 8) - 1, -1) if _bare(toks[k].text) in DETERMINERS), None
            )
            if determiner is not None:
                return Mention(toks[determiner].start, toks[last].end, "nominal",
                               text[toks[determiner].start : toks[last].end])
        mention = _name_mention(text, toks, run, last)
        # "Gov. Terry Branstad of Iowa": a titled name before "of Place".
        if run - 2 >= first and _bare(toks[run - 1].text) == "of" and _is_capitalised(toks[run - 2].text):
            before = _name_run_left(toks, run - 2)
            if before < run - 2 and _is_title(toks[before].text):
                inner = _name_mention(text, toks, before, run - 2)
                mention = Mention(inner.start, mention.end, "name", inner.name, title=inner.title)
                run = before
        role, _ = _premodifier_role(text, toks, run)
        if role is not None:
            mention = Mention(mention.start, mention.end, "name", mention.name, role, title=mention.title)
        return mention
    return _nominal(text, toks, first, last)


def _adverbial_aside(toks: list[Token], comma: int) -> int:
    """For ", once again," ending at token ``comma``: the index of the token before the aside, else 0."""
    k = comma - 1
    while k >= 0 and comma - k <= ASIDE_WORDS and toks[k].text != ",":
        low = _bare(toks[k].text)
        if not (low in ADVERBS or low in TIME_WORDS or low.endswith("ly") or low in ("once", "however", "though")):
            return 0
        k -= 1
    if k <= 0 or toks[k].text != "," or k == comma - 1:
        return 0
    return k - 1


def subject_before(text: str, lo: int, pos: int) -> Mention | Coordinated | None:
    """The speaker of a cue starting at ``pos``: the noun phrase to its left within text[lo:pos].

    Handles adverbs and time phrases between subject and verb, appositive roles (``Hill, a doctor, said``),
    roles before the name (``Portugal's state secretary, Catarina Marcelino, said``), premodifying titles, and
    coordination (``... and said``)."""
    lo = max(lo, pos - WINDOW)
    toks = tokens(text, lo, pos)
    # A subject never reaches back into a quote: "…," David Axelrod, a strategist, said. (A balanced pair of
    # marks is a quoted title inside the phrase: Hemsley, the co-author of "Going Viral," said.)
    marks = [k for k, tok in enumerate(toks) if tok.text in _QUOTE_MARKS]
    if len(marks) % 2 or marks and marks[0] == 0:  # (nor a quote the window opens with: "“…,’” Cruz, who …, said")
        toks = toks[marks[-1] + 1 :]
    elif marks and marks[-1] == len(toks) - 1 and len(toks) > 2 and toks[-2].text == ",":
        # 'Amar, author of "Unwritten Constitution," put it': the comma that ends the appositive is inside the
        # title's marks
        toks[-2:] = [toks[-1], toks[-2]]
    i = len(toks) - 1
    while i >= 0:
        low = _bare(toks[i].text)
        if toks[i].text == ")":
            # a parenthesis between subject and verb: "Sen. Chuck Schumer (D-N.Y.) said"
            j = i - 1
            while j >= 0 and i - j < ASIDE_PARENTHESIS_TOKENS and toks[j].text != "(":
                j -= 1
            if j < 0 or toks[j].text != "(":
                break
            i = j - 1
        elif toks[i].text in _DASH_TOKENS and i >= 2:
            # an aside between dashes: "Andrei Illarionov - then adviser to President Putin - told"
            j = i - 1
            while j >= 0 and i - j < _ASIDE_TOKENS and toks[j].text not in _DASH_TOKENS:
                j -= 1
            if j < 1 or toks[j].text not in _DASH_TOKENS:
                break
            i = j - 1
        elif low in ADVERBS and not _stop_word_name(toks, i) or (
            low.endswith("ly") and len(low) > SHORT_LY and not _is_capitalised(toks[i].text)
        ) or low in _MODALS and toks[i].text.islower():
            i -= 1  # ("Theresa May said": "May" is her name, not the auxiliary; "the party should reiterate")
        elif low in TIME_WORDS and i >= 2 and _bare(toks[i - 1].text) == "the" and (
            _bare(toks[i - 2].text) in _TIME_PREPOSITIONS
        ):  # "Trump at the time said", "she over the weekend said"
            i -= 3
        elif low in TIME_WORDS and (
            _is_capitalised(toks[i].text) and TIME_WORDS[low] in _NAMED_TIMES or i >= 1 and (
                _bare(toks[i - 1].text) in TIME_LEADS or _bare(toks[i - 1].text) in TIME_WORDS
            )
        ):  # "on Friday", "last week", "on Thursday evening"
            i -= 1
            if i >= 0 and _bare(toks[i].text) in TIME_LEADS:
                i -= 1
        elif toks[i].text == "," and _adverbial_aside(toks, i):
            i = _adverbial_aside(toks, i)  # "he, once again, pledged"
        else:
            break
    if i < 0:
        return None
    word = toks[i].text
    low = _bare(word)
    if low in _PASSIVE or low == "to":
        return None  # "was said to", "to say": no subject here
    if low in ("and", "but", "or"):
        return COORDINATED
    if _amount(low) or word == "%" or word.isdigit() and i >= 2 and toks[i - 1].text == "in":
        share = _amount_phrase(text, toks, i)  # "About 4 in 10 said", "Nearly half say", "Only 9 percent said"
        return _of_population(text, share) if share is not None and low in ("percent", "cent", "%") else share
    share = _share_of(text, toks, i)
    if share is not None:
        return share  # "Just 28 percent of voters said", "A majority of her backers say"
    if low in _QUANTIFIERS and (i == 0 or not toks[i - 1].text[0].isalnum() or _bare(toks[i - 1].text) in CONJUNCTIONS):
        return Mention(toks[i].start, toks[i].end, "nominal", word)  # "most said", "others say"
    if word == ",":
        if i >= 1 and toks[i - 1].text == ")" and _party_tag_before(text, toks[i - 1].start):
            tagged = subject_before(text, lo, toks[i].start)  # "Sen. Jack Reed (D-R.I.), said": a stray comma
            if isinstance(tagged, Mention) and tagged.kind == "name":
                return tagged
        return _comma_subject(text, toks, i)
    set_off = i >= 1 and toks[i - 1].text in (",", "-", "—", "–")
    if low == "who" and i >= 1 and not set_off and _is_capitalised(toks[i - 1].text) and toks[i - 1].text[0].isalpha():
        # "a tweet from Rikki Wells who wrote": a restrictive "who" right after a name
        antecedent = _tail_mention(text, toks, 0, i - 1)
        if antecedent is None or antecedent.kind != "name":
            return None
        return Mention(toks[i].start, toks[i].end, "name", antecedent.name, antecedent.role, antecedent.speaker_type,
                       antecedent.title)
    if low in ("who", "which") and set_off:
        # "Sanders, who says it's …": the attribution rests on "who", the speaker is the phrase it refers to
        antecedent = _tail_mention(text, toks, 0, i - 2)
        if (antecedent is None or antecedent.kind == "nominal" or _object_of_preposition(text, antecedent)) and (
            toks[i - 1].text == ","
        ):
            # "Hill, a doctor, who said", "Sen. Dianne Feinstein, the ranking Democrat on the committee, who said"
            named = _comma_subject(text, toks, i - 1, relative=True)
            antecedent = named if named is not None and (antecedent is None or named.kind == "name") else antecedent
        if antecedent is None:
            return None
        return Mention(toks[i].start, toks[i].end, antecedent.kind, antecedent.name, antecedent.role,
                       antecedent.speaker_type, antecedent.title)
    if not word[0].isalnum():
        return None
    # The phrase starts after the last clause break.
    first = i
    while first - 1 >= 0 and i - first < SUBJECT_TOKENS:
        prev = toks[first - 1].text
        if not prev[0].isalnum() and prev not in "’'-":
            break
        first -= 1
    modifier = _participle_modifier(toks, first, i)
    mention = _coordinated(text, toks, first, _tail_mention(text, toks, first, i if modifier is None else modifier - 1))
    # (a role of two jobs has no mention of its own: "Richard Munro, chairman and chief executive said")
    if (mention is not None or speaker_noun(toks[i].text)) and first >= 2 and toks[first - 1].text == ",":
        # "Nate Silver, the polling guru who founded …, tweeted", "Anthony Anton, president and CEO of the
        # Washington Restaurant Association stated": the name before the appositive speaks, the appositive is its role
        lead = toks[first].text
        described = mention is not None and mention.kind == "nominal" and (
            mention.name.split()[0].lower() in ("the", "a", "an")
            and _bare(mention.name.split()[-1]) not in ORGANISATION_WORDS
        )
        if described or lead[0].islower() and speaker_noun(lead):
            named = _tail_mention(text, toks, 0, first - 2)
            if named is not None and named.kind == "name" and (len(named.name.split()) > 1 or named.title) and (
                _opens_clause(toks, named.start)
            ):
                role = text[toks[first].start : toks[i].end]
                return Mention(named.start, named.end, "name", named.name, role, title=named.title)
    return mention


def _object_of_preposition(text: str, mention: Mention) -> bool:
    """The mention follows a preposition ("the ranking Democrat on the Senate Intelligence Committee"): it ends a
    phrase about someone, it is not the phrase's head."""
    before = text[max(0, mention.start - _PREPOSITION_CHARS) : mention.start].split()
    if before and before[-1].lower() == "the":
        before.pop()
    return bool(before) and before[-1].lower() in _HEAD_BREAKS


def _participle_modifier(toks: list[Token], first: int, last: int) -> int | None:
    """Where a participle phrase after the subject starts: "Another source speaking to Fox News (said)", "A
    spokesman talking to reporters (said)", "A letter from the Legion obtained by The Associated Press (warns)":
    the noun before the participle is the subject, not the listener or the agent."""
    for k in range(first + 1, last):
        word = toks[k].text
        follows = _bare(toks[k + 1].text)
        if (word.endswith("ing") and follows in _LISTENER_PREPOSITIONS or word.endswith("ed") and follows == "by") and (
            word.islower()
        ) and (
            speaker_noun(toks[k - 1].text) or _is_name_word(toks[k - 1].text)
        ):
            return k
    return None


def _coordinated(text: str, toks: list[Token], first: int, mention: Mention | None) -> Mention | None:
    """"Rosa Diaz and Ben Cole said": the first person named speaks and the other is recorded beside them. Only
    full or titled names: "Marks and Spencer said" is one company."""
    if mention is None or not _personal(mention):
        return mention
    last = next((k for k, tok in enumerate(toks) if tok.start == mention.start), None)
    if last is None or last - 2 < first or _bare(toks[last - 1].text) != "and":
        return mention
    before = _tail_mention(text, toks, first, last - 2)
    if before is None or not _personal(before) or before.partners:
        return mention
    return replace(before, partners=(mention,))


def _personal(mention: Mention) -> bool:
    return mention.kind == "name" and (" " in mention.name or mention.title is not None)


def _amount(word: str) -> bool:
    """A share or a number word, hyphenated ones too ("three-quarters", "Thirty-one")."""
    return all(part in AMOUNTS for part in word.split("-"))


def _share_of(text: str, toks: list[Token], last: int) -> Mention | None:
    """A share of a group ending at token ``last``: "60 percent of Democratic voters", "a majority of her backers"."""
    k = last - 1
    while k > 0 and last - k <= SHARE_OF_REACH and toks[k].text[0].isalnum() and _bare(toks[k].text) != "of":
        k -= 1
    if k < 1 or _bare(toks[k].text) != "of" or not toks[last].text[0].isalpha():
        return None
    amount = toks[k - 1].text
    if not (_amount(_bare(amount)) or amount == "%" or amount.isdigit()):
        return None
    share = _amount_phrase(text, toks, k - 1)
    if share is None:
        return None
    return Mention(share.start, toks[last].end, "nominal", text[share.start : toks[last].end])


# The group the last share before a bare one was of: "55 percent — of Sanders supporters said …. Some 22 percent
# said" (the 22 percent are Sanders supporters too); "of the support of likely voters" names the voters.
_SHARE_OF_GROUP: Final = regex.compile(
    r"(?:percent|per cent|%)\s*(?:[—–-]+\s*)?of\s+(?:the\s+(?:support|backing|vote|votes)\s+of\s+)?"
    r"((?:[\p{L}’'\-]+\s+){0,4}[\p{L}’'\-]+)"
)
POPULATION_REACH: Final = 400  # characters back, within the paragraph, to the share that names the group
# (SPEECH_VERBS as a frozenset: its dict keys would turn the union into a plain set)
_GROUP_ENDS: Final = _PREPOSITIONS | _RELATIVE | {"to", "that", "and", "or"} | COMMON_VERBS | frozenset(SPEECH_VERBS)


def _of_population(text: str, share: Mention) -> Mention:
    """A bare share as a subject, completed with the group the share before it in the paragraph was of."""
    lo = max(text.rfind("\n", 0, share.start) + 1, share.start - POPULATION_REACH)
    groups = [match.group(1) for match in _SHARE_OF_GROUP.finditer(text, lo, share.start)]
    group = groups[-1].split() if groups else []
    # (the group ends before a verb or a preposition: "of Sanders supporters said", "of voters to Sanders")
    cut = next((k for k, w in enumerate(group) if w in _GROUP_ENDS or k and w.endswith("ed")), len(group))
    group = group[:cut]
    if not group or not group[-1].endswith("s") or group[-1][-2:] in ("’s", "'s"):
        return share
    return replace(share, name=f"{share.name} of {' '.join(group)}")


def _amount_phrase(text: str, toks: list[Token], last: int) -> Mention | None:
    """A share of people as the subject: from the start of its phrase ("About 4 in 10", "Nearly half")."""
    first = last
    while first > 0 and last - first < AMOUNT_TOKENS:
        word = toks[first - 1].text
        low = _bare(word)
        if not (word[0].isdigit() or word == "%" or low in _APPROXIMATORS or _amount(low) or low in ("in", "of", "a", "an", "the")):
            break
        first -= 1
    if first > 0 and toks[first - 1].text not in (",", ";", ":", "(", "—", "–", ".") and (
        _bare(toks[first - 1].text) not in CONJUNCTIONS and _bare(toks[first - 1].text) not in _AMOUNT_RELATIVES
    ):
        return None  # inside a longer phrase: "won 60 percent" is not a subject (but "to which 21 percent said" is)
    if _bare(toks[first].text) in ("in", "of"):
        return None  # a date ("who in 2012 called"), not a share
    return Mention(toks[first].start, toks[last].end, "nominal", text[toks[first].start : toks[last].end])


def _comma_subject(text: str, toks: list[Token], comma: int, *, relative: bool = False) -> Mention | None:
    """Subject before ``, said``: an appositive (Name, ROLE, said) or a role before the name (ROLE, Name, said)."""
    chunks = _chunks(toks, 0, comma)
    if len(chunks) < 2:
        return None
    last_first, last_end = chunks[-1]
    # ROLE, Name, said  /  In the primary, Gov. John Kasich (R-OH), said  -- but not "Name, R-Utah, said"
    if last_end > last_first and not relative and not _PARTY_TAG.fullmatch(text, toks[last_first].start, toks[last_end - 1].end) and not (
        _state_after_town(toks, last_first, last_end)
    ):
        first = _strip_leading(toks, last_first, last_end - 1)
        mention = _tail_mention(text, toks, first, last_end - 1)
        before_first, before_end = chunks[-2]
        if len(chunks) > 2 and before_end > before_first and _bare(toks[before_end - 1].text) in ORGANISATION_WORDS and (
            any(tok.text == "of" for tok in toks[before_first:before_end])
        ):
            mention = None  # "Vian, the editor of the Vatican's newspaper, L'Osservatore Romano, said": its name
        if mention is not None and mention.kind == "name" and mention.start <= toks[first].start + 1:
            if mention.role is not None:
                return mention
            role_first, role_end = chunks[-2]
            if _bare(toks[role_first].text) in _RELATIVE:
                role_end = role_first  # "Seaman, who lives outside the capital, Sacramento, said": not a role
            role_first = _strip_leading(toks, role_first, role_end - 1)
            if role_end > role_first and role_end - role_first <= ROLE_BEFORE_TOKENS and (
                any(speaker_noun(tok.text) for tok in toks[role_first:role_end])
                or _bare(toks[role_first].text) in DETERMINERS  # "Her German counterpart, Jonas Albrecht, said"
                and _bare(toks[chunks[-2][0]].text) not in _PREPOSITIONS  # but "In the end, Tom Briggs said"
            ):
                role = text[toks[role_first].start : toks[role_end - 1].end]
                return Mention(mention.start, mention.end, "name", mention.name, role, title=mention.title)
            if len(chunks) == 2 and _bare(toks[chunks[0][0]].text) in _PREPOSITIONS:
                return mention  # "In the primary, Gov. John Kasich (R-OH), said": an adverbial before the name
    # Name, ROLE[, more ROLE], said: the first chunk that ends in a mention followed by a role-like chunk; but a
    # name that opens the clause of the cue ("in what Bay Ames, the party's treasurer, called", "charges that
    # Ray Lind, for one, called") is its subject, whatever comes before.
    candidates = []
    for index in range(len(chunks) - 1):
        c_first, c_end = chunks[index]
        if c_end <= c_first:
            continue
        mention = _tail_mention(text, toks, c_first, c_end - 1)
        opens_clause = mention is not None and mention.kind == "name" and _after_clause_opener(toks, mention.start)
        if _bare(toks[c_first].text) in _PREPOSITIONS and not opens_clause:
            continue  # "On the same show, Sen. Claire McCaskill, …, said": an adverbial, not the subject
        if _whole_name(text, toks, *chunks[index + 1]):
            continue  # "Alarmed by the unrest in Reno, Sen. Hal Reid, the leader, said": the person set off speaks
        if mention is not None and mention.kind != "pronoun":
            candidates.append((not opens_clause, mention.kind != "name", index, mention))  # names first
    for *_, index, mention in sorted(candidates, key=lambda c: c[:3]):
        r_first, _ = chunks[index + 1]
        r_end = chunks[-1][1]
        if r_end <= r_first or r_end - r_first > APPOSITIVE_ROLE_TOKENS:
            continue
        lead = _bare(toks[r_first].text)
        apposed: str | None
        if relative or lead in _RELATIVE or lead in _PREPOSITIONS:
            apposed = None  # "Clinton, during a town hall meeting in Columbus, said": an aside, not a role
        elif lead in DETERMINERS or not _is_capitalised(toks[r_first].text) or toks[r_first].text[0].isdigit() or any(
            speaker_noun(tok.text) for tok in toks[r_first:r_end]
        ):
            apposed = text[toks[r_first].start : toks[r_end - 1].end]
            if toks[r_first].text[0].isdigit() and r_end - r_first == 1:
                apposed = None  # an age: "Smith, 45, said"
        else:
            apposed = None  # "Rep. Glenn Thompson, R-Pa., said"
        return Mention(mention.start, mention.end, mention.kind, mention.name, apposed or mention.role,
                       mention.speaker_type, mention.title)
    return None


def _whole_name(text: str, toks: list[Token], first: int, end: int) -> bool:
    """Tokens first..end-1 are a person's full or titled name and nothing else."""
    if end <= first or _PARTY_TAG.fullmatch(text, toks[first].start, toks[end - 1].end):
        return False  # ("Republican of New York" is a party and state)
    mention = _tail_mention(text, toks, first, end - 1)
    return mention is not None and _personal(mention) and mention.start <= toks[first].start


def _after_clause_opener(toks: list[Token], start: int) -> bool:
    """The mention at offset ``start`` follows "what" or "that": it is the subject of a clause of its own."""
    index = next((k for k, tok in enumerate(toks) if tok.start == start), 0)
    return index > 0 and _bare(toks[index - 1].text) in ("what", "that")


# A state or province abbreviated after a town: "Allentown, Pa.", "Salem, N.H."
STATE_ABBREVIATION: Final = r"(?:\p{Lu}\.){1,3}|\p{Lu}\p{Ll}{1,4}\."
_STATE: Final = regex.compile(STATE_ABBREVIATION)
def _state_after_town(toks: list[Token], first: int, end: int) -> bool:
    """The chunk toks[first:end] is the state of the town that ends the chunk before it: "a retiree in Allentown,
    Pa., said" (not a name with a role before it)."""
    return end - first == 1 and first >= 2 and _is_capitalised(toks[first - 2].text) and bool(
        _STATE.fullmatch(toks[first].text)
    )


# "R-Utah", "D-N.Y.", "Republican of New York": party and state after a name
_PARTY_TAG: Final = regex.compile(r"[RDI]-\p{Lu}[\p{L}.\s]*|(?:Republican|Democrat|Democratic|Independent)\s+of\s+\p{Lu}[\p{L}.\s]*")
_DASH_TOKENS: Final = frozenset("-–—")
# What a source publishes: "according to the agency's website" rests on the agency
_SOURCE_DOCUMENTS: Final = frozenset(
    "website site report reports data figures records statement account blog feed".split()
)
_CONTRACTION_END: Final = regex.compile(r"['’](?:d|ll|m|re|ve)$|n['’]t$", regex.I)
_POSSESSIVE_DETERMINERS: Final = frozenset(("his", "her", "their", "its"))
_OFFICE_OF: Final = frozenset(("for", "of", "in", "at"))  # "minister for Wales", "mayor of Boston"
_ASIDE_TOKENS: Final = 20  # the longest aside between dashes stepped over between a subject and its verb
_DESCRIBING_PREPOSITIONS: Final = frozenset(("to", "in", "for", "with", "at"))
# Where the head noun of an unnamed source's description ends: "a person | close to the Clintons"
_DESCRIPTION_BREAKS: Final = frozenset(
    "of to in for with at on from close familiar involved briefed knowledgeable".split()
)
# After a preposition, words that start the circumstances of the speech, not a description of the speaker.
_SPEECH_SETTING: Final = SPEECH_SETTINGS | frozenset(TIME_WORDS)


def _opens_clause(toks: list[Token], start: int) -> bool:
    """The token at offset ``start`` opens the window, or follows a quote mark, a dash or an opening adverbial
    ("On the subject of acquisitions, Richard Munro, …"), not a preposition."""
    index = next((k for k, tok in enumerate(toks) if tok.start == start), None)
    if index is None:
        return False
    if index and toks[index - 1].text == "," and _bare(toks[0].text) in _PREPOSITIONS:
        return all(tok.text != "," for tok in toks[1 : index - 1])
    return index == 0 or toks[index - 1].text in _QUOTE_MARKS | {"—", "–", "-", "’", "'"}


def _capitalised_after(toks: list[Token], index: int) -> bool:
    if index < len(toks) and _bare(toks[index].text) == "the":
        index += 1
    return index < len(toks) and _is_name_word(toks[index].text)


def _describes(toks: list[Token], index: int) -> bool:
    """The phrase from token ``index`` (after a preposition) describes a person: "both Clintons", "the campaign",
    not "a statement", "an interview", "Tuesday"."""
    while index < len(toks) and _bare(toks[index].text) in DETERMINERS:
        index += 1
    return index < len(toks) and toks[index].text[0].isalnum() and _bare(toks[index].text) not in _SPEECH_SETTING


_AFTER_STOPS: Final = frozenset(
    "who which that in on at during after when because as and but last earlier this to for since while if".split()
)


def mention_after(text: str, pos: int, hi: int) -> Mention | None:
    """The noun phrase starting at ``pos`` (for ``said Smith``, ``according to a Buzzfeed report``, ``- Name``),
    with an appositive role after it (``said Hugh Hill, a doctor who treated him``)."""
    hi = min(hi, pos + WINDOW)
    toks = tokens(text, pos, hi)
    if not toks:
        return None
    low = _bare(toks[0].text)
    if low in PRONOUNS and low not in _NEVER_SUBJECT and low != "it":
        return Mention(toks[0].start, toks[0].end, "pronoun", toks[0].text)
    if low in _QUANTIFIERS and (len(toks) == 1 or not toks[1].text[0].isalnum()):
        word = toks[0].text.rstrip(".")
        return Mention(toks[0].start, toks[0].start + len(word), "nominal", word)  # '"…" read one.'
    if low in _QUANTIFIERS and len(toks) > 2 and _bare(toks[1].text) in ("on", "in", "at", "within") and (
        _is_name_word(toks[2].text)
    ):  # "According to some on Twitter, …"
        return Mention(toks[0].start, toks[2].end, "nominal", text[toks[0].start : toks[2].end], speaker_type="anonymous")

    # "said the base chief known as Bob", "a woman who identified herself only as Maria": the name is the speaker
    known_as = next((k for k in range(2, min(len(toks), SUBJECT_TOKENS)) if toks[k].text == "as" or (
        not toks[k].text[0].isalnum()
    )), None)
    by_name = _known_as(text, toks, known_as) if known_as is not None else None
    if by_name is not None:
        return by_name
    indefinite = low in _INDEFINITE
    stop = 0
    while stop < len(toks) and stop < SUBJECT_TOKENS:
        word = toks[stop].text
        if not word[0].isalnum() and word not in "’'-&":
            break
        # "of" and "with" stay: "a review of filings", "people familiar with the matter"; an unnamed source keeps
        # what describes it: "a longtime adviser to both Clintons", "a source involved in the campaign".
        if stop > 0 and _bare(word) in _AFTER_STOPS and not (_bare(word) == "to" and _bare(toks[stop - 1].text) == "close") and not (
            indefinite and _bare(word) in _DESCRIBING_PREPOSITIONS and _describes(toks, stop + 1)
        ) and not (_bare(word) == "for" and _is_capitalised(toks[stop - 1].text) and _capitalised_after(toks, stop + 1)
                   and _bare(toks[0].text) not in FIRST_NAMES) and not (
            _bare(word) == "and" and _is_title(toks[stop - 1].text) and _capitalised_after(toks, stop + 1)
        ):
            # (but an organisation keeps its tail: "the Centre for Urban Policy"; "Jane Doe for The Atlantic"; and
            # two offices one name: "former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell")
            break
        if stop > 1 and word.endswith("ed") and word[0].islower() and _bare(toks[stop - 1].text) in _SOURCE_DOCUMENTS:
            break  # "a Labor Department report released Friday": the source is the report, not "Friday"
        stop += 1
    if stop == 0:
        return None
    if indefinite:
        head_end = next((k - 1 for k in range(1, stop) if _bare(toks[k].text) in _DESCRIPTION_BREAKS), stop - 1)
        head = _bare(toks[head_end].text)
        if speaker_noun(head) and head.rstrip("s") not in ORGANISATION_WORDS and head not in ORGANISATION_WORDS and (
            head_end <= INDEFINITE_HEAD
        ):
            end = toks[stop - 1].end
            end -= text[end - 1] == "." and not _INITIALS_OR_ABBREVIATION.fullmatch(toks[stop - 1].text)
            return _named_after(text, toks[0].start, end, hi) or Mention(
                toks[0].start, end, "nominal", text[toks[0].start : end], speaker_type="anonymous"
            )
    last = stop - 1
    end = toks[last].end
    if text[end - 1] == "." and not _INITIALS_OR_ABBREVIATION.fullmatch(toks[last].text):
        end -= 1
    owner = next((k for k in range(1, stop - 1) if _POSSESSIVE_S.search(toks[k].text)), None)
    if owner is not None and _bare(toks[stop - 1].text) in _SOURCE_DOCUMENTS:
        # "according to the California secretary of state's website": the owner of the document is the source
        first = 1 if _bare(toks[0].text) in ("the", "a", "an") else 0
        name = _POSSESSIVE_S.sub("", text[toks[first].start : toks[owner].end])
        kind = "name" if _is_name_word(toks[owner].text) else "nominal"
        return Mention(toks[first].start, toks[owner].end, kind, name, speaker_type=nominal_type(name))
    cap = next((k for k in range(stop) if _is_name_word(toks[k].text)), None)
    if cap is not None:
        last_word = toks[last].text
        if _is_capitalised(last_word) and last_word[0].isalpha():
            # The phrase ends in a name: "American Unity Fund president Margaret Hoover" -> Margaret Hoover,
            # with the words before it as the role.
            run = max(_name_run_left(toks, last), cap)
            named = _name_mention(text, toks, run, last)
            role, _ = _premodifier_role(text, toks, run)
            mention = Mention(named.start, named.end, "name", named.name, role or named.role, None, named.title)
        else:
            cap_end = cap
            while cap_end + 1 < stop and toks[cap_end + 1].start - toks[cap_end].end <= 1 and (
                _is_capitalised(toks[cap_end + 1].text) or _bare(toks[cap_end + 1].text) in PARTICLES
            ):
                cap_end += 1
            named = _name_mention(text, toks, cap, cap_end)
            head = _bare(last_word)
            if _bare(toks[0].text) in DETERMINERS and speaker_noun(head) and head not in ORGANISATION_WORDS and (
                head.rstrip("s") not in ORGANISATION_WORDS
            ):
                # "the Spurs sporting director": a person described, the name inside is not the speaker
                return _named_after(text, toks[0].start, end, hi) or Mention(
                    toks[0].start, end, "nominal", text[toks[0].start : end]
                )
            # "a Buzzfeed report": the phrase is the mention, the name inside it the speaker.
            mention = Mention(toks[0].start, end, "name", named.name, None, nominal_type(text[toks[0].start : end]))
    else:
        nominal = _nominal(text, toks, 0, last)
        head_break = next((k - 1 for k in range(1, last + 1) if _bare(toks[k].text) in _HEAD_BREAKS), None)
        if nominal is None and head_break is not None:
            nominal = _nominal(text, toks, 0, head_break)  # "one owner of a shop that …" -> "one owner"
        if nominal is None:
            return None
        mention_end = min(nominal.end, end)
        mention = Mention(nominal.start, mention_end, nominal.kind, text[nominal.start : mention_end], None,
                          nominal.speaker_type)
    # (past a phrase saying where or whose: "said his best friend at Lehigh, Bruce Turry")
    phrase = _PLACE_PHRASE.match(text, toks[last].end, hi) if mention.kind == "nominal" else None
    appositive = _appositive(text, phrase.end() if phrase else toks[last].end, hi)
    set_off = text[appositive[0] : appositive[1]] if appositive else ""
    if appositive and _names_office(mention, text) and _NAME_ONLY.fullmatch(set_off.strip()):
        # "said the Minister for Housing, Ruth Adeyemi": the name set off after an office is the speaker
        name_start = appositive[0] + len(set_off) - len(set_off.lstrip())
        name = set_off.strip()
        role_end = phrase.end() if phrase else mention.end
        return Mention(name_start, name_start + len(name), "name", name, text[mention.start : role_end])
    if appositive and mention.kind == "name":
        role = set_off.strip()
        lead = role.split()[0].lower()
        if lead not in _RELATIVE and (lead in DETERMINERS or any(speaker_noun(w) for w in role.split())):
            mention = Mention(mention.start, mention.end, mention.kind, mention.name, role,
                              mention.speaker_type, mention.title)
    if _personal(mention) and (and_name := _AND_NAME.match(text, mention.end, hi)):
        partner = mention_after(text, and_name.end(), hi)  # "said Rosa Diaz and Ben Cole"
        if partner is not None and _personal(partner):
            mention = replace(mention, partners=(partner,))
    return mention


_AND_NAME: Final = regex.compile(r"\s+and\s+(?=\p{Lu})")
_PLACE_PHRASE: Final = regex.compile(r"\s+(?:at|of|in|from|for|with|on)\s+[^,.;:\"“”]{1,60}?(?=,)")
_BODY_AFTER_NAME: Final = regex.compile(r"\s+(?:of|from|at)\s+")
_NAME_ONLY: Final = regex.compile(r"(?:\p{Lu}[\p{L}'’\-]+|\p{Lu}\.)(?:\s+(?:\p{Lu}[\p{L}'’\-]+|\p{Lu}\.)){1,3}")


_KNOWN_BY: Final = frozenset(("known", "identified"))
_BEFORE_AS: Final = frozenset(("only", "simply", "himself", "herself", "themselves", "who", "identifies", "gave", "his",
                        "her", "name"))


def _known_as(text: str, toks: list[Token], at: int) -> Mention | None:
    """At an "as" after "known" or "identified" ("the base chief known as Bob", "a woman identified only as Maria")
    with a name after it: that name is the speaker, and the description before "known" is the role."""
    if _bare(toks[at].text) != "as" or at < 2 or at + 1 >= len(toks) or not _is_name_word(toks[at + 1].text):
        return None
    verb = at - 1
    while verb > 0 and at - verb <= 3 and _bare(toks[verb].text) in _BEFORE_AS:
        verb -= 1
    role_end = verb - 1 - (_bare(toks[verb - 1].text) == "who")
    if _bare(toks[verb].text) not in _KNOWN_BY or role_end < 0:
        return None
    last = at + 1
    while last + 1 < len(toks) and _is_name_word(toks[last + 1].text):
        last += 1
    named = _name_mention(text, toks, at + 1, last)
    return Mention(named.start, named.end, "name", named.name, text[toks[0].start : toks[role_end].end])


_TIME_PHRASE: Final = regex.compile(r"\s+(?:at\s+the\s+time|at\s+that\s+time|then|now)(?=,)")


def _named_after(text: str, start: int, end: int, hi: int) -> Mention | None:
    """The name set off after a description of a person ("said another Twitter user, Johanna Bayer", "said a former
    spokesman for the ministry, Oleg Voloshyn"): the speaker, with the description as the role (past a time
    phrase: "wrote the American ambassador at the time, John E. Herbst")."""
    time = _TIME_PHRASE.match(text, end, hi)
    appositive = _appositive(text, time.end() if time else end, hi)
    set_off = text[appositive[0] : appositive[1]] if appositive else ""
    name = set_off.strip()
    # (the name may be followed by the body or place the person is of: "…, Andrew Pincus of the law firm Kell")
    name = _BODY_AFTER_NAME.split(name, maxsplit=1)[0]
    if appositive is None or not _NAME_ONLY.fullmatch(name):
        return None
    name_start = appositive[0] + len(set_off) - len(set_off.lstrip())
    return Mention(name_start, name_start + len(name), "name", name, text[start:end])


def _names_office(mention: Mention, text: str) -> bool:
    """The mention is an office, not a person's name: its last word is a role noun ("the Minister for Housing")."""
    words = text[mention.start : mention.end].split()
    head = next((words[i - 1] for i, w in enumerate(words) if i > 0 and w.lower() in ("for", "of")), words[-1])
    return bool(words) and _bare(head) in ROLE_NOUNS and _bare(head) not in ORGANISATION_WORDS


# A role set off before a name at the start of a sentence or clause: "The Shadow Minister for the Arts, "
# (or after a possessive: "Nevada's governor, Brian Sandoval, said")
_NOT_IN_ROLE_BEFORE: Final = ',.;:"“”()'  # characters a role set off before a name never holds
_SENTENCE_END_MARKS: Final = ".;:!?"  # (one, then a space, may come before such a role)
# The words such a role may open with (or a possessive: "Nevada's governor, ")
_ROLE_BEFORE_OPENERS: Final = frozenset("And But Yet So The the Her His his her Their their Its".split())
_ROLE_BEFORE_NAME: Final = regex.compile(
    r"(?:^|(?<=[.;:!?]\s|\n))(?:(?:And|But|Yet|So)\s+)?"  # ("But his wife, Jane, offered")
    r"((?:The|the|Her|His|his|her|Their|their|Its|\p{Lu}\p{L}+['’]s)\s[^" + _NOT_IN_ROLE_BEFORE + r"]{2,80}?),\s+$"
)
# (a full stop inside an abbreviation does not end it: "a veteran D.C. lobbyist", "founder of Vox.com", "a former
# spokesman for Mr. Obama")
_TITLE: Final = r"\b(?:" + word_pattern(ABBREVIATED_TITLES) + r")"
_INITIAL: Final = r"(?<![\p{L}.])\p{Lu}"  # a middle initial ("James B. Comey"), not the end of "D.C."
_APPOSITIVE: Final = regex.compile(
    # (words are taken a run at a time, so the end is looked for only at punctuation; callers bound the reach)
    r",\s+((?:[^,.;:\"“”()]++|\.(?!\s+\p{Lu}|\s*$)|(?<=" + _TITLE + r"|" + _INITIAL + r")\.)+?)"
    r"(?=[,;:]|\.(?<!" + _TITLE + r"\.)(?<!" + _INITIAL + r"\.(?=\s+\p{Lu}\p{Ll}))(?:\s+\p{Lu}|\s*$)|$)"
)
_APPOSITIVE_STOPS: Final = ',.;:"“”()'  # what a run of its words stops at


def _appositive(text: str, pos: int, endpos: int) -> tuple[int, int] | None:
    """Where the words set off after ``pos`` are: the span of _APPOSITIVE's group 1 when it matches there, else None.
    Most appositives are ", " and one run of words up to a comma, semicolon or colon, or up to a full stop after a
    word in lower case that ends the sentence ("…, an economist at the bank. She"): str tests read those (and a run
    up to a quote mark or parenthesis, which the pattern never takes), the pattern the rest. A match of the pattern
    costs several times as much (about 1% of extract())."""
    words = pos + 2
    # (slices compared, here and in role_near, not str.startswith(…, pos): compiled, a tenth of the method call)
    if text[pos : pos + 2] == ", " and words < endpos and not text[words].isspace():
        stop = endpos
        for char in _APPOSITIVE_STOPS:
            at = text.find(char, words, stop)
            if at >= 0:
                stop = at
        if stop == endpos:
            return words, endpos
        if stop > words:
            mark = text[stop]
            if mark in ",;:":
                return words, stop
            if mark != ".":
                return None  # (a quote mark or a parenthesis)
            last_word = text[words:stop].rsplit(" ", 1)[-1]
            ends_sentence = stop + 1 == endpos or stop + 2 < endpos and text[stop + 1] == " " and (
                "A" <= text[stop + 2] <= "Z"
            )
            # (a word in lower case is no initial; nor is it a title unless the lexicon lists it)
            if ends_sentence and last_word.isascii() and last_word.isalpha() and last_word[-1].islower() and (
                last_word not in ABBREVIATED_TITLES
            ):
                return words, stop
    found = _APPOSITIVE.match(text, pos, endpos)
    return found.span(1) if found is not None else None


def role_near(text: str, start: int, end: int, hi: int) -> str | None:
    """The role the article gives a name at text[start:end] outside any speech cue: an appositive after it
    ("Eva Moll, a Danish economist at the bank,") or premodifying role words ("Dutch prime minister Anna Vos")."""
    appositive = _appositive(text, end, min(hi, end + APPOSITIVE_REACH)) if text[end : end + 1] == "," else None
    if appositive:
        words = text[appositive[0] : appositive[1]].split()
        # (a cue ends it where the comma after the role is missing: "Richard Munro, chairman and chief executive
        # said the company …")
        words = words[: next((k for k in range(1, len(words)) if words[k] in SPEECH_VERBS), len(words))]
        role = " ".join(words)
        if words and (words[0].lower() in ("a", "an", "the", "of") and any(speaker_noun(w) for w in words[:6]) or (
            speaker_noun(words[0]) and words[0][0].islower()  # "Fred Hasson, head of Tiga,"
            or words[0][0].isupper() and any(speaker_noun(w) for w in words[1:4])  # "Jo Ray, IHRC chairman,"
        )):
            return role  # (and "Jonathan Baume, of the top civil servants' union,")
    before = _role_before(text, start) if text[start - 2 : start] == ", " else None
    words = before.group(1).split() if before else []
    head = next((_bare(w) for w in words if speaker_noun(w)), None)
    if before is not None and head is not None and head not in ORGANISATION_WORDS and not any(
        w in COMMON_VERBS for w in words
    ):
        return before.group(1)  # "The Shadow Minister for the Arts, Joanna Pike, said" (not "The party has been
        # slow to react, Talbot said": a clause; nor "The network, Ann Tully said,": a body is no one's role)
    if start < 2 or text[start - 1] != " " or _modifies_noun(text, end):
        return None  # (nor in "veteran Clinton haters", where the name modifies the noun after it)
    word = text[text.rfind(" ", max(0, start - PREMODIFIER_REACH), start - 1) + 1 : start - 1]
    if not word or not word[0].islower() or word.endswith(".") or not speaker_noun(word) or (
        word in SPEECH_VERBS and text[start - len(word) - 3 : start - len(word) - 1] == ", "
    ):
        # (a word ending a sentence is not a premodifier: "commander in chief. Sanders hit back"; nor an inverted
        # cue after a comma: "…, reports USA Today")
        return None
    toks = tokens(text, max(0, start - PREMODIFIER_CHARS), start)
    if toks:
        return _premodifier_role(text, toks, len(toks))[0]
    return None


def _role_before(text: str, start: int) -> regex.Match[str] | None:
    """_ROLE_BEFORE_NAME's first match before the name at ``start`` (after its ", "), tried only where its lookbehind
    lets one start (at the start of the text or of a line, or after a sentence's end and a space: in the window only
    a line break, ! or ? can end one, _role_before_start) and on a word it may open with. A search costs as much as
    a try at each of its positions, and most windows hold one such start at most."""
    lo = _role_before_start(text, start)
    starts = {lo, lo + 1}
    for mark in "\n!?":
        at = text.find(mark, lo, start)
        while at >= 0:
            starts.add(at + 1 if mark == "\n" else at + 2)
            at = text.find(mark, at + 1, start)
    for at in sorted(starts):
        if at < start and (
            at == 0 or text[at - 1] == "\n" or text[at - 2 : at - 1] in _SENTENCE_END_MARKS and text[at - 1].isspace()
        ):
            first = text[at:start].split(None, 1)[0]  # (the window ends in ", ": it holds a word)
            if first in _ROLE_BEFORE_OPENERS or first.endswith(("'s", "’s")):
                found = _ROLE_BEFORE_NAME.match(text, at, start)
                if found is not None:
                    return found
    return None


def _role_before_start(text: str, start: int) -> int:
    """Where a role set off before the name at ``start`` (after its ", ") may begin: ROLE_BEFORE_REACH characters back
    at most, and after the last character such a role never holds (str searches: the pattern costs more the more
    positions it is tried from)."""
    lo = begin = max(0, start - ROLE_BEFORE_REACH)
    for char in _NOT_IN_ROLE_BEFORE:
        begin = max(begin, text.rfind(char, lo, start - 2) + 1)
    return begin


_PEOPLE_PLURALS: Final = ("ers", "ors", "ists", "ians", "ants")  # plural agent nouns, which -s would take for a verb


def _modifies_noun(text: str, end: int) -> bool:
    """A lower-case noun follows the name ending at ``end``: "Clinton haters", "Clinton campaign"."""
    after = text[end : end + PREMODIFIER_REACH].split(None, 1)
    word = after[0].rstrip(",.;:") if after else ""
    if not word[:1].islower() or not word.isalpha():
        return False
    low = word.lower()
    if low.endswith(_PEOPLE_PLURALS):
        return True  # "Clinton haters", "Trump voters": people, not a verb in -s
    return len(low) > 3 and not _verb_like(word) and low not in _PREPOSITIONS and low not in CONJUNCTIONS and (
        low not in ADVERBS and low not in ("that", "this", "these", "those", "over", "away", "down", "back", "into")
    )


# "Trump's recent assertion that …", "her claim that she …": the words of the possessor.
_POSSESSED_SPEECH: Final = regex.compile(
    r"(?:\b(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir)|(?P<name>\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+){0,3})['’]s?)"
    r"\s+(?:[\p{L}\-]+\s+){0,3}?(?:" + word_pattern(SPEECH_NOUNS) + r")\b"
)
# The speech nouns that hold no other one ("claim", not "claims"): a window that holds none of these holds none
_SPEECH_NOUN_CORES: Final = tuple(sorted(n for n in SPEECH_NOUNS if not any(m != n and m in n for m in SPEECH_NOUNS)))


# "denounced Trump's remarks as \"…\"": the words after "as" describe the remarks, in the subject's words
_DESCRIBED_AS: Final = regex.compile(r"\bas(?:\s+being)?\s*$")


def possessor_of_speech(text: str, lo: int, pos: int) -> Mention | None:
    """The last "X's claim" / "his remarks" in text[lo:pos]: X is the speaker of what follows, unless what follows
    is said of the remarks by someone else ("Hollande denounced Trump's remarks as \"hurtful\"")."""
    lo = max(lo, pos - WINDOW)
    window = text[lo:pos]
    if not any(noun in window for noun in _SPEECH_NOUN_CORES):
        return None  # (a str test first: every match ends in a speech noun, and most windows hold none)
    found = None
    for match in _POSSESSED_SPEECH.finditer(text, lo, pos):
        found = match
    if found is None or _DESCRIBED_AS.search(text, found.end(), pos):
        return None
    if found.group("pronoun"):
        word = found.group("pronoun").lower()
        pronoun = {"his": "he", "her": "she", "their": "they"}[word]
        return Mention(found.start("pronoun"), found.end("pronoun"), "pronoun", pronoun)
    name = found.group("name")
    if name.lower() in STOP_CAPITALS:
        return None
    return Mention(found.start("name"), found.end("name"), "name", name)
